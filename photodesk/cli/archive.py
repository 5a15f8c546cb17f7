"""photodesk archive init|copy: the newsroom's shared archive on PostgreSQL."""

import click

from photodesk.cli.base import main
from photodesk.core.catalog.postgres import ArchiveError


@main.group("archive")
def archive_group():
    """The newsroom's shared archive on a PostgreSQL server: make it, copy catalogs in and out."""


@archive_group.command("init")
@click.argument("url", metavar="URL")
def archive_init(url):
    """Make the archive's tables, indexes and roles on an empty PostgreSQL database
    (postgresql://user@host/database) and say what was done."""
    from photodesk.core.catalog import postgres
    _archive_url(url)
    try:
        done = postgres.init(url)
    except ArchiveError as e:
        raise click.ClickException(str(e)) from None
    for line in done:
        click.echo(line)
    click.echo(f"the archive is ready: {postgres.hide_password(url)}")


@archive_group.command("copy")
@click.argument("source", metavar="SOURCE")
@click.argument("dest", metavar="DEST")
def archive_copy(source, dest):
    """Copy a desk's SQLite catalog (a path) into an archive (postgresql://…), or an archive
    into a new SQLite catalog, keeping ids, tags, edits, articles and saved searches. The
    destination must hold no photos; an empty database is made an archive first."""
    from photodesk.core.catalog import archive, postgres
    from photodesk.core.jobs import Done, Progress
    shown = -1
    try:
        for event in archive.copy(source, dest):
            if isinstance(event, Progress) and event.total:
                percent = event.done * 100 // event.total
                if percent // 10 != shown // 10:
                    shown = percent
                    click.echo(f"  {percent}% ({event.done:,} of {event.total:,} rows)",
                               err=True)
            elif isinstance(event, Done):
                for line in event.written:
                    click.echo(f"  {line}")
    except ArchiveError as e:
        raise click.ClickException(str(e)) from None
    click.echo(f"copied {postgres.hide_password(source)} into {postgres.hide_password(dest)}")


def _archive_url(url: str) -> None:
    from photodesk.core.catalog.location import is_archive_url
    if not is_archive_url(url):
        raise click.ClickException(f"{url}: an archive is named postgresql://user@host/database")
