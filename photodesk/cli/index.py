"""photodesk index: folders in, catalog out, with a progress bar."""

import sqlite3
import sys

import click

from photodesk.cli.base import JobReport, main
from photodesk.core.catalog import backup
from photodesk.core.index import Indexed, Missing, Scanned, index_paths
from photodesk.core.thumbcache import keep_within_limit


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--workers", type=int, default=None, help="Reader processes (default: one per core).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.pass_obj
def index(obj, paths, workers, quiet):
    """Add folders (or files) to the catalog and index every image in them."""
    counts = {"new": 0, "updated": 0, "moved": 0, "missing": 0, "skipped": 0}
    job = JobReport(bar=not quiet)
    try:
        _run_index(obj.catalog, paths, workers, counts, job)
    except KeyboardInterrupt:
        job.finish()
        click.echo(f"Stopped. {counts['new'] + counts['updated'] + counts['moved']} photos were "
                   "saved; run the same command again to carry on.", err=True)
        sys.exit(130)
    job.finish()
    try:
        backup.make_if_due(obj.catalog)  # the daily copy, made by whichever command finds it due
    except (OSError, sqlite3.Error) as exc:
        click.echo(f"warning: the daily catalog backup failed ({exc})", err=True)
    pruned = keep_within_limit(obj.catalog, obj.settings.thumbnail_cache_bytes)
    if pruned.refused:
        click.echo(f"warning: thumbnail cache not pruned: {pruned.refused}", err=True)
    click.echo(", ".join(f"{v} {k}" for k, v in counts.items()))
    job.exit_if_failed("{n} could not be read:")


def _run_index(cat, paths, workers, counts, job: JobReport) -> None:
    for event in index_paths(cat, paths, workers=workers):
        if job.take(event):
            continue
        if isinstance(event, Scanned):
            fingerprints = (f", {event.to_fingerprint} to fingerprint from their thumbnails"
                            if event.to_fingerprint else "")
            click.echo(f"{event.total} images found, {event.unchanged} unchanged, "
                       f"{event.to_index} to read{fingerprints}", err=True)
        elif isinstance(event, Indexed):
            counts[event.change] += 1
        elif isinstance(event, Missing):
            counts["missing"] += 1
    counts["skipped"] = len(job.skipped)
