"""photodesk gui: the window."""

import os
import sys

import click

from photodesk.cli.base import main
from photodesk.core.sample import SampleError, fresh_copy


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--quit-after", type=click.FloatRange(min=0), default=None, metavar="SECONDS",
              help="Close the window after SECONDS (for smoke tests of an installed build).")
@click.option("--sample", is_flag=True,
              help="Open a fresh copy of the sample newsroom folder, with a catalog of its own, "
                   "in a temporary folder: your catalog and its folders are left alone.")
@click.pass_obj
def gui(obj, paths, quit_after=None, sample=False):
    """Open the PhotoDesk window (and add and index PATHS first)."""
    from photodesk.gui.app import run  # Qt loads only when the window is wanted
    paths, location = [os.path.abspath(p) for p in paths], None
    if sample:
        try:
            folder, location = fresh_copy()
        except SampleError as exc:
            raise click.ClickException(str(exc)) from exc
        click.echo(f"sample: {folder} (catalog {location})")
        paths.insert(0, str(folder))
    sys.exit(run(location or obj.location, paths, quit_after=quit_after, loaded=obj.loaded,
                 describe=obj.catalog_problem))
