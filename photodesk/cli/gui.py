"""photodesk gui: the window."""

import os
import sys

import click

from photodesk.cli.base import main


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.pass_obj
def gui(obj, paths):
    """Open the PhotoDesk window (and add and index PATHS first)."""
    from photodesk.gui.app import run  # Qt loads only when the window is wanted
    sys.exit(run(obj.catalog_path, [os.path.abspath(p) for p in paths]))
