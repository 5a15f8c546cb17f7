"""photodesk gui: the window."""

import os
import sys

import click

from photodesk.cli.base import main


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--quit-after", type=click.FloatRange(min=0), default=None, metavar="SECONDS",
              help="Close the window after SECONDS (for smoke tests of an installed build).")
@click.pass_obj
def gui(obj, paths, quit_after=None):
    """Open the PhotoDesk window (and add and index PATHS first)."""
    from photodesk.gui.app import run  # Qt loads only when the window is wanted
    sys.exit(run(obj.location, [os.path.abspath(p) for p in paths], quit_after=quit_after,
                 loaded=obj.loaded, describe=obj.catalog_problem))
