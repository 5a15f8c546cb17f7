"""The command line: parse options, call the core, print. `photodesk` alone opens the GUI.

Each module registers its commands on the group in base.py; base.COMMANDS names the module of
each command, imported when the command is first asked for.
"""

from photodesk.cli.base import main

__all__ = ["main"]
