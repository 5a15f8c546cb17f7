"""photodesk cache: the thumbnail cache's size and limit, pruning, rebuilding, clearing."""

import sys

import click

from photodesk.cli.base import JobReport, main
from photodesk.core import settings, thumbcache

MB = 1024 * 1024


@main.group()
def cache():
    """The thumbnail cache: removing it loses nothing but the time to make thumbnails again."""


@cache.command()
@click.pass_obj
def info(obj):
    """Where the cache is, how much it holds and its limit."""
    folder = obj.catalog.thumbs_dir
    used = thumbcache.usage(folder)
    click.echo(f"folder: {folder}{'' if folder.exists() else ' (not created yet)'}")
    click.echo(f"thumbnails: {used.files} files, {_mb(used.bytes)}")
    click.echo(f"limit: {_mb(obj.settings.thumbnail_cache_bytes)} (thumbnail_cache_mb in {settings.settings_path()})")


@cache.command()
@click.option("--limit-mb", type=click.IntRange(min=0), default=None,
              help="Prune to this size instead of the settings' limit.")
@click.pass_obj
def prune(obj, limit_mb):
    """Remove the least recently used thumbnails until the cache is within its limit."""
    limit = obj.settings.thumbnail_cache_bytes if limit_mb is None else limit_mb * MB
    pruned = thumbcache.prune(obj.catalog.thumbs_dir, limit)
    if pruned.refused:
        raise click.ClickException(pruned.refused)
    click.echo(f"removed {pruned.removed} thumbnails ({_mb(pruned.freed)}); "
               f"{pruned.files} left, {_mb(pruned.bytes)} of {_mb(limit)}")


@cache.command()
@click.option("--all", "everything", is_flag=True, help="Remake every photo's thumbnails.")
@click.option("--workers", type=int, default=None, help="Threads (default: one per core).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.pass_obj
def rebuild(obj, everything, workers, quiet):
    """Make the thumbnails missing for present photos again from the originals."""
    cat = obj.catalog
    job = JobReport(bar=not quiet)
    remade = 0
    try:
        for event in thumbcache.rebuild(cat, cat.thumbs_dir, all=everything, workers=workers):
            if job.take(event):
                continue
            if isinstance(event, thumbcache.Checked):
                click.echo(f"{event.photos} photos, {event.to_make} to make", err=True)
            elif isinstance(event, thumbcache.Remade):
                remade += 1
    except KeyboardInterrupt:
        job.finish()
        click.echo(f"Stopped after {remade} photos; run the same command again to carry on.",
                   err=True)
        sys.exit(130)
    job.finish()
    thumbcache.keep_within_limit(obj.catalog, obj.settings.thumbnail_cache_bytes)
    click.echo(f"{remade} photos remade, {len(job.failed)} could not be")
    job.exit_if_failed("{n} could not be remade (the photo is untouched):")


@cache.command()
@click.pass_obj
def clear(obj):
    """Remove the whole cache; thumbnails are made again as photos are shown."""
    folder = obj.catalog.thumbs_dir
    try:
        removed = thumbcache.clear(folder)
    except thumbcache.CacheError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"removed {removed.files} thumbnails ({_mb(removed.bytes)}) from {folder}")


def _mb(n: int) -> str:
    return f"{n / MB:.1f} MB"
