"""photodesk watch: keep the catalog true to its folders, printing each change as it happens."""

import signal
import time

import click

from photodesk.cli.base import JobReport, main
from photodesk.core import settings as store
from photodesk.core import workspace
from photodesk.core import catalog
from photodesk.core.index import ArticleImported, Indexed, Missing, Scanned
from photodesk.core.jobs import Failed, Progress, Skipped
from photodesk.core.watch import (POLL_SECONDS, SETTLE_SECONDS, Batch, Offline, Online, Ready,
                                  Watcher, Watching, WatchProblem)

BIG_BATCH = 100  # from this many files on, a batch shows its progress
PROGRESS_SECONDS = 5.0


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, file_okay=False))
@click.option("--observer", type=click.Choice(["auto", "native", "polling"]), default=None,
              help="How to watch PATHs from now on (remembered per folder): auto chooses "
                   "polling for network shares, native otherwise.")
@click.option("--settle", type=float, default=SETTLE_SECONDS, show_default=True,
              help="Seconds a file's size and time must hold still before it is read.")
@click.option("--interval", type=float, default=POLL_SECONDS, show_default=True,
              help="Seconds between two listings of a polled folder.")
@click.option("--workers", type=int, default=None, help="Reader processes (default: one per core).")
@click.pass_obj
def watch(obj, paths, observer, settle, interval, workers):
    """Watch every catalog folder, and PATHs (added to the catalog, so that every PhotoDesk on
    it watches them), and index changes as they happen. Changes made while nothing watched are
    found first. Ctrl-C stops."""
    cat = obj.catalog
    # Folders an earlier version listed in the settings join the catalog's, once; the
    # catch-up below reads the new ones. PATHs become catalog folders as the watch starts.
    moved = workspace.move_listed_folders(cat, obj.settings)
    if moved.folders:
        click.echo(f"moved the {len(moved.folders)} folder(s) listed in "
                   f"{store.settings_path()} into the catalog, where folders are kept now: "
                   f"{', '.join(moved.folders)}", err=True)
    if moved.problem:
        click.echo(f"warning: {moved.problem}", err=True)
    if not paths and not catalog.folders.folders(cat):
        raise click.UsageError("no folders to watch: give one, e.g. photodesk watch ~/Pictures")
    watcher = Watcher(paths, settle=settle, poll_interval=interval, observer=observer,
                      workers=workers)
    signal.signal(signal.SIGTERM, _interrupt)  # a service manager stops it like Ctrl-C
    events = watcher.run(cat)
    log = _Log()
    try:
        for event in events:
            log.show(event)
    except KeyboardInterrupt:
        events.close()  # stops the observers; every batch written so far is whole
        click.echo("Stopped watching.", err=True)


def _interrupt(signum, frame):
    raise KeyboardInterrupt


class _Log:
    """One line per event, with the time; progress only for big batches."""

    def __init__(self):
        self.job = JobReport(bar=False, again="read again at the next catch-up")
        self.ready = False
        self.big = False
        self.last_progress = 0.0

    def show(self, event) -> None:
        line = self._line(event)
        if line:
            click.echo(f"{time.strftime('%H:%M:%S')}  {line}")

    def _line(self, e) -> str | None:
        if isinstance(e, Indexed):
            return f"{e.change:<9} {e.path}"
        if isinstance(e, Missing):
            return f"{'missing':<9} {e.path}"
        if isinstance(e, Failed):
            return f"{'failed':<9} {self.job.line(e)}"
        if isinstance(e, Skipped):
            return f"{'skipped':<9} {self.job.line(e)}"
        if isinstance(e, ArticleImported):
            return f"{'article':<9} {e.path}: {e.references} images, {e.linked} linked"
        if isinstance(e, (Scanned, Batch, Progress)):
            return self._volume(e)
        return self._folder_line(e)

    def _folder_line(self, e) -> str | None:
        if isinstance(e, Watching):
            how = e.observer + (f": {e.reason}" if e.reason else "")
            return f"{'watching':<9} {e.path} ({how})"
        if isinstance(e, WatchProblem):
            return f"{'problem':<9} {e.path}: {e.reason}"
        if isinstance(e, Offline):
            return f"{'offline':<9} {e.path}: {e.reason}; its {e.photos} photos are kept, offline"
        if isinstance(e, Online):
            return f"{'online':<9} {e.path}"
        if isinstance(e, Ready):
            self.ready = True
            return f"{'ready':<9} watching {e.folders} folder(s); Ctrl-C stops"
        return None

    def _volume(self, e) -> str | None:
        if isinstance(e, Scanned):
            if self.ready:
                return None
            return (f"{'catch-up':<9} {e.total} images, {e.unchanged} unchanged, "
                    f"{e.to_index} to read")
        if isinstance(e, Batch):
            self.big = e.files >= BIG_BATCH
            return f"{'reading':<9} {e.files} files" if self.big else None
        if (self.big or not self.ready) and e.total >= BIG_BATCH and (
                e.done == e.total or time.monotonic() - self.last_progress >= PROGRESS_SECONDS):
            self.last_progress = time.monotonic()
            left = "" if e.eta_seconds is None else f", {e.eta_seconds:.0f} s left"
            return f"{'progress':<9} {e.done}/{e.total}, {e.rate:.1f} images/s{left}"
        return None
