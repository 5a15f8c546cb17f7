"""The command line: parse options, call the core, print. `photodesk` alone opens the GUI.

Each module registers its commands on the group in base.py; importing them here wires them in.
"""

from photodesk.cli import articles, edit, gui, index, photos, watch  # noqa: F401  (registers commands)
from photodesk.cli import cache, catalog, folders  # noqa: F401  (registers commands)
from photodesk.cli.base import main

__all__ = ["main"]
