"""photodesk folders list|remove: the catalog's folders, which every PhotoDesk on it watches."""

import json

import click

from photodesk.cli.base import main
from photodesk.core import catalog
from photodesk.core.folders import FolderError, observer_of, remove_folder


@main.group()
def folders():
    """The catalog's folders: list them, or remove one (its files stay on disk)."""


@folders.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print the folders as JSON.")
@click.pass_obj
def folders_list(obj, as_json):
    """Every catalog folder with its photo count, status and observer."""
    rows = [{**row, "photos": len(catalog.photos.known_files(obj.catalog, row["path"]))}
            for row in catalog.folders.folders(obj.catalog)]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    for row in rows:
        how = observer_of(row)
        click.echo(f"{row['photos']:>7} photos  {row['status']:<8} {how:<8} {row['path']}")


@folders.command("remove")
@click.argument("path", type=click.Path())
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.pass_obj
def folders_remove(obj, path, yes):
    """Forget PATH: its photos, their tags and unwritten edits, and its articles leave the
    catalog, and it is no longer watched. The files on disk are not touched."""
    if not yes:
        click.confirm(f"Remove {path} from the catalog? Its files stay on disk; edits not "
                      "written to them are lost", abort=True)
    try:
        removed = remove_folder(obj.catalog, path)
    except FolderError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"removed {removed.folder}: {removed.photos} photos, {removed.articles} articles "
               "(the files are still on disk)")
