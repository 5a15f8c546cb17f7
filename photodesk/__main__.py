"""python -m photodesk: the same as the photodesk command."""

from photodesk.cli import main

main()
