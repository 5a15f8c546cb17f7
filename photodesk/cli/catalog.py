"""photodesk catalog check|backup|backups|restore: the catalog file itself."""

import time

import click

from photodesk.cli.base import main
from photodesk.core.catalog import backup
from photodesk.core.catalog.db import CatalogError


@main.group("catalog")
def catalog_group():
    """The catalog file: check it, back it up, restore a backup."""


@catalog_group.command("check")
@click.pass_obj
def catalog_check(obj):
    """Run SQLite's full integrity check on the catalog (it only reads). Exit 1 if damaged."""
    _file_only(obj)
    path = obj.location.path
    if not path.exists():
        raise click.ClickException(f"{path}: no catalog here")
    click.echo(f"checking {path}…")
    problems = backup.check(path)
    if not problems:
        click.echo("ok: the catalog is sound")
        return
    for line in problems[:20]:
        click.echo(f"  {line}")
    latest = backup.list_backups(path)
    hint = (f"`photodesk catalog restore` brings back the latest backup ({latest[0].path.name})"
            if latest else "there is no backup of it; index the folders again into a new catalog")
    raise click.ClickException(f"{path}: the catalog is damaged; {hint}. Your photos are not affected.")


@catalog_group.command("backup")
@click.pass_obj
def catalog_backup(obj):
    """Copy the catalog now, consistent even while others write (into CATALOG.backups/)."""
    _file_only(obj)
    made = backup.make(obj.catalog, "manual")
    click.echo(f"backed up to {made}")


@catalog_group.command("backups")
@click.pass_obj
def catalog_backups(obj):
    """The catalog's backups, newest first."""
    _file_only(obj)
    found = backup.list_backups(obj.location.path)
    if not found:
        click.echo(f"no backups yet in {backup.backup_dir(obj.location.path)}")
    for b in found:
        size = b.path.stat().st_size / 1e6
        when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(b.made))
        click.echo(f"{when}  {b.why:<24} {size:>8.1f} MB  {b.path}")


@catalog_group.command("restore")
@click.argument("source", required=False, type=click.Path(exists=True, dir_okay=False))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.pass_obj
def catalog_restore(obj, source, yes):
    """Put a backup (SOURCE, else the newest) in the catalog's place. The catalog it replaces
    is kept beside as CATALOG.replaced-DATE-TIME. Close PhotoDesk windows and watchers first."""
    _file_only(obj)
    path = obj.location.path
    if source is None:
        found = backup.list_backups(path)
        if not found:
            raise click.ClickException(f"no backups of {path} in {backup.backup_dir(path)}")
        source = found[0].path
    if not yes:
        click.confirm(f"Replace {path} with {source}? Changes made since that backup are "
                      "set aside with the current catalog", abort=True)
    try:
        kept = backup.restore(path, source)
    except CatalogError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"restored {source} to {path}")
    if kept:
        click.echo(f"the catalog it replaced is kept as {kept}")


@catalog_group.command("roots")
@click.pass_obj
def catalog_roots(obj):
    """The folders photos live under, and where this machine finds each."""
    from photodesk.core.catalog import roots
    cat = obj.catalog
    counts = roots.photo_counts(cat)
    found = cat.roots.all()
    if not found:
        click.echo("no roots yet: add a folder (photodesk index FOLDER)")
    for root in found:
        where = "" if root.online else "  (not found here)"
        first = "" if root.home == root.path else f"  (first added at {root.home})"
        click.echo(f"{root.id:>4}  {root.uid[:8]}  {counts.get(root.id, 0):>8} photos  "
                   f"{root.path}{where}{first}")
    click.echo(f"machine: {cat.roots.machine}")


@catalog_group.command("mount")
@click.argument("root")
@click.argument("path", type=click.Path(file_okay=False))
@click.pass_obj
def catalog_mount(obj, root, path):
    """Say where this machine finds ROOT (its number or id from `photodesk catalog roots`):
    a catalog moved to a machine that mounts the photos elsewhere needs this, not a re-index."""
    from photodesk.core.catalog import roots
    try:
        done = roots.mount(obj.catalog, root, path)
    except KeyError:
        raise click.ClickException(f"{root}: no such root (photodesk catalog roots lists them)")
    except NotADirectoryError as exc:
        raise click.ClickException(str(exc))
    click.echo(f"root {done.root.id} is at {done.root.path} on {obj.catalog.roots.machine}")
    if done.looked and not done.found:
        raise click.ClickException(
            f"none of {done.looked} of its photos are in {done.root.path}: is it the right "
            "folder? (the mapping is kept; mount it again to change it)")
    if done.looked:
        click.echo(f"found {done.found} of {done.looked} of its photos there")


def _file_only(obj) -> None:
    """Checks, backups and restores are of a catalog file; the archive's server keeps its own."""
    if obj.location.archive:
        raise click.ClickException(
            f"{obj.location} is the newsroom's archive, on a PostgreSQL server: check and back "
            "it up there (pg_dump, pg_basebackup), not with photodesk catalog")
