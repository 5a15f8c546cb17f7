"""The photodesk command group, its --catalog option, and helpers the commands share."""

import importlib
import sqlite3
import sys
import time

import click

from photodesk import __version__
from photodesk.core import jobs
from photodesk.core import settings as store
from photodesk.core.catalog import Location, LocationError


class Context:
    def __init__(self, where: str, loaded: store.Loaded, named_by: str | None = None):
        self.where = where  # the catalog as given: a path or a URL
        self.named_by = named_by  # the settings file, when the catalog came from it
        self._catalog = None
        self._location: Location | None = None
        self.loaded = loaded

    @property
    def location(self) -> Location:
        """The catalog with the thumbnail folder the settings give it."""
        if self._location is None:
            try:
                self._location = self.settings.location(self.where)
            except LocationError as exc:
                raise click.ClickException(self.catalog_problem(exc)) from exc
        return self._location

    @property
    def settings(self) -> store.Settings:
        return self.loaded.settings

    @property
    def catalog(self) -> "Catalog":  # noqa: F821  (imported when first opened)
        if self._catalog is None:
            from photodesk.core.catalog import Catalog, CatalogError
            try:
                self._catalog = Catalog(self.location)
            except CatalogError as exc:
                raise click.ClickException(self.catalog_problem(exc)) from exc
        return self._catalog

    def catalog_problem(self, exc: Exception) -> str:
        if self.named_by:
            return f"{exc} (the catalog named in {self.named_by}; --catalog chooses another)"
        return str(exc)


# Each command's module, imported only when that command runs (or --help lists them all):
# a command loads what it uses, not the whole command line.
COMMANDS = {
    "archive": "archive", "article": "articles", "cache": "cache", "catalog": "catalog", "codes": "edit",
    "duplicates": "similar", "edit": "edit", "export": "edit", "folders": "folders",
    "gui": "gui", "index": "index", "search": "photos", "show": "photos", "similar": "similar",
    "history": "photos", "stats": "photos", "watch": "watch", "write": "edit",
}


def _archive_errors() -> tuple:
    """psycopg's errors when the archive was used (psycopg is not imported otherwise)."""
    psycopg = sys.modules.get("psycopg")
    return (psycopg.Error,) if psycopg is not None else ()


class _Group(click.Group):
    """Commands load lazily (see COMMANDS). Storage faults met anywhere in a command (a full
    disk, a damaged catalog, another writer that holds the lock too long) end it with one line
    naming the file, not a traceback."""

    def list_commands(self, ctx):
        return sorted(set(COMMANDS) | set(self.commands))

    def get_command(self, ctx, name):
        if name not in self.commands and name in COMMANDS:
            importlib.import_module(f"photodesk.cli.{COMMANDS[name]}")  # registers it on main
        return self.commands.get(name)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (sqlite3.Error, OSError) as exc:
            from photodesk.core.catalog.db import problem as storage_problem
            obj = ctx.obj
            message = storage_problem(exc, obj.where if obj else "catalog")
            if message is None:
                raise
            raise click.ClickException(message) from exc
        except Exception as exc:
            if not isinstance(exc, _archive_errors()):
                raise
            from photodesk.core.catalog.postgres import problem as archive_problem
            raise click.ClickException(archive_problem(exc, ctx.obj.where)) from exc


@click.group(cls=_Group, invoke_without_command=True)
@click.version_option(__version__, prog_name="photodesk")
@click.option("--catalog", "catalog_path", metavar="PATH|URL", default=None,
              show_default="from the settings, else the user data folder",
              help="The catalog to use: a file path, sqlite:///path, or the newsroom's archive, "
                   "postgresql://user@host/database.")
@click.pass_context
def main(ctx, catalog_path):
    """PhotoDesk: a catalog of press photos that knows which article each photo belongs to."""
    # Read once per command: reading a damaged file sets it aside, so a second read would
    # lose the message.
    loaded = store.read()
    if loaded.problem:
        click.echo(f"warning: settings: {loaded.problem}", err=True)
    named_by = str(store.settings_path()) if not catalog_path and loaded.settings.catalog else None
    ctx.obj = Context(catalog_path or loaded.settings.catalog_where(), loaded, named_by)
    if ctx.invoked_subcommand is None:
        from photodesk.cli.gui import gui
        ctx.invoke(gui)




def public(row: dict) -> dict:
    return {k: v for k, v in row.items() if k not in ("edited", "mtime_ns", "folder_id")}


def short(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


class ProgressBar:
    """A one-line progress bar on stderr for long runs (index, cache rebuild); off when not a
    terminal."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.shown = False

    def update(self, p: jobs.Progress) -> None:
        if not self.enabled:
            return
        eta = "--:--" if p.eta_seconds is None else time.strftime("%M:%S", time.gmtime(p.eta_seconds))
        width = 30
        filled = int(width * p.done / p.total) if p.total else width
        click.echo(f"\r[{'#' * filled}{'.' * (width - filled)}] {p.done}/{p.total} "
                   f"{p.rate:.1f} img/s, {eta} left ", nl=False, err=True)
        self.shown = True

    def finish(self) -> None:
        if self.shown:
            click.echo(err=True)


class JobReport:
    """The events every long job shares (core/jobs.py), told alike by every command: progress
    on the bar, failures and skips kept to be listed when the job ends.

    bar: show one (on a terminal); again: when a passing failure is tried again, for its note."""

    def __init__(self, *, bar: bool = True, again: str = "read again at the next index"):
        self.bar = ProgressBar(enabled=bar and sys.stderr.isatty())
        self.again = again
        self.failed: list[jobs.Failed] = []
        self.skipped: list[jobs.Skipped] = []

    def take(self, event) -> bool:
        """Handle a shared event (True); the command handles its job's own events."""
        if isinstance(event, jobs.Progress):
            self.bar.update(event)
        elif isinstance(event, jobs.Failed):
            self.failed.append(event)
        elif isinstance(event, jobs.Skipped):
            self.skipped.append(event)
        else:
            return False
        return True

    def line(self, event: jobs.Failed | jobs.Skipped) -> str:
        """path: reason, and for a passing failure when it is tried again."""
        passing = getattr(event, "failure", None) == "passing"
        note = f" (a passing fault: {self.again})" if passing else ""
        return f"{event.path or event.photo_id}: {event.reason}{note}"

    def finish(self) -> None:
        self.bar.finish()

    def show(self, events, heading: str | None = None, prefix: str = "") -> None:
        """events (failed or skipped) on stderr, one a line, under heading when given."""
        if events and heading:
            click.echo(heading, err=True)
        for event in events:
            click.echo(f"  {prefix}{self.line(event)}", err=True)

    def exit_if_failed(self, heading: str) -> None:
        """List the failures under heading ({n}: how many) and exit 1; nothing when none."""
        if self.failed:
            self.show(self.failed, heading.format(n=len(self.failed)))
            sys.exit(1)
