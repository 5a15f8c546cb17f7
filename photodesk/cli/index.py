"""photodesk index: folders in, catalog out, with a progress bar."""

import sqlite3
import sys

import click

from photodesk.cli.base import ProgressBar, main
from photodesk.core.catalog import backup
from photodesk.core.index import Failed, Indexed, Missing, Progress, Scanned, Skipped, index_paths
from photodesk.core.thumbcache import keep_within_limit


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--workers", type=int, default=None, help="Reader processes (default: one per core).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.pass_obj
def index(obj, paths, workers, quiet):
    """Add folders (or files) to the catalog and index every image in them."""
    counts = {"new": 0, "updated": 0, "moved": 0, "missing": 0, "skipped": 0}
    failures = []
    bar = ProgressBar(enabled=not quiet and sys.stderr.isatty())
    try:
        _run_index(obj.catalog, paths, workers, counts, failures, bar)
    except KeyboardInterrupt:
        bar.finish()
        click.echo(f"Stopped. {counts['new'] + counts['updated'] + counts['moved']} photos were "
                   "saved; run the same command again to carry on.", err=True)
        sys.exit(130)
    bar.finish()
    try:
        backup.make_if_due(obj.catalog)  # the daily copy, made by whichever command finds it due
    except (OSError, sqlite3.Error) as exc:
        click.echo(f"warning: the daily catalog backup failed ({exc})", err=True)
    pruned = keep_within_limit(obj.catalog, obj.settings.thumbnail_cache_bytes)
    if pruned.refused:
        click.echo(f"warning: thumbnail cache not pruned: {pruned.refused}", err=True)
    click.echo(", ".join(f"{v} {k}" for k, v in counts.items()))
    if failures:
        click.echo(f"{len(failures)} could not be read:", err=True)
        for f in failures:
            again = " (a passing fault: read again at the next index)" if f.failure == "passing" else ""
            click.echo(f"  {f.path}: {f.reason}{again}", err=True)
        sys.exit(1)


def _run_index(cat, paths, workers, counts, failures, bar) -> None:
    for event in index_paths(cat, paths, workers=workers):
        if isinstance(event, Scanned):
            click.echo(f"{event.total} images found, {event.unchanged} unchanged, "
                       f"{event.to_index} to read", err=True)
        elif isinstance(event, Progress):
            bar.update(event)
        elif isinstance(event, Indexed):
            counts[event.change] += 1
        elif isinstance(event, Failed):
            failures.append(event)
        elif isinstance(event, Missing):
            counts["missing"] += 1
        elif isinstance(event, Skipped):
            counts["skipped"] += 1
