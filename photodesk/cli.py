"""The command line: parse options, call the core, print. `photodesk` alone opens the GUI."""

import json
import os
import sys
import time

import click

from photodesk import __version__
from photodesk.core import search as search_core
from photodesk.core.catalog import Catalog, CatalogError, default_catalog_path
from photodesk.core.articles import ArticleError
from photodesk.core.articles.link import import_article
from photodesk.core.catalog import articles as store
from photodesk.core.catalog import photos as catalog
from photodesk.core.index import Failed, Indexed, Missing, Progress, Scanned, Skipped, index_paths

SHOWN_FIELDS = ("headline", "caption", "keywords", "people", "event", "creator", "credit",
                "source", "copyright", "date_created", "location", "city", "state", "country",
                "taken_at", "make", "model", "lens", "exposure", "aperture", "iso",
                "focal_length", "width", "height", "format", "rating", "label", "hash")


class Context:
    def __init__(self, catalog_path):
        self.catalog_path = catalog_path
        self._catalog = None

    @property
    def catalog(self) -> Catalog:
        if self._catalog is None:
            try:
                self._catalog = Catalog(self.catalog_path)
            except CatalogError as exc:
                raise click.ClickException(str(exc)) from exc
        return self._catalog


@click.group(invoke_without_command=True)
@click.version_option(__version__, prog_name="photodesk")
@click.option("--catalog", "catalog_path", type=click.Path(dir_okay=False),
              default=lambda: str(default_catalog_path()), show_default="user data folder",
              help="The catalog file to use.")
@click.pass_context
def main(ctx, catalog_path):
    """PhotoDesk: a catalog of press photos that knows which article each photo belongs to."""
    ctx.obj = Context(catalog_path)
    if ctx.invoked_subcommand is None:
        ctx.invoke(gui)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--workers", type=int, default=None, help="Reader processes (default: one per core).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.pass_obj
def index(obj, paths, workers, quiet):
    """Add folders (or files) to the catalog and index every image in them."""
    counts = {"new": 0, "updated": 0, "moved": 0, "missing": 0, "skipped": 0}
    failures = []
    bar = _ProgressBar(enabled=not quiet and sys.stderr.isatty())
    try:
        _run_index(obj.catalog, paths, workers, counts, failures, bar)
    except KeyboardInterrupt:
        bar.finish()
        click.echo(f"Stopped. {counts['new'] + counts['updated'] + counts['moved']} photos were "
                   "saved; run the same command again to carry on.", err=True)
        sys.exit(130)
    bar.finish()
    click.echo(", ".join(f"{v} {k}" for k, v in counts.items()))
    if failures:
        click.echo(f"{len(failures)} could not be read:", err=True)
        for f in failures:
            click.echo(f"  {f.path}: {f.reason}", err=True)
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


class _ProgressBar:
    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.shown = False

    def update(self, p: Progress) -> None:
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


@main.command()
@click.argument("query", nargs=-1)
@click.option("--limit", default=50, show_default=True, help="Most photos to list.")
@click.option("--sort", type=click.Choice(sorted(search_core.ORDER)), default="taken",
              show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_obj
def search(obj, query, limit, sort, as_json):
    """Find photos: words match file names, captions, headlines, keywords, people, events,
    articles and places, without regard to accents or case ("dong chi" finds "Đồng chí")."""
    text = " ".join(query)
    ids = search_core.search(obj.catalog, text, limit=limit, sort=sort)
    rows = catalog.photos(obj.catalog, ids)
    if as_json:
        click.echo(json.dumps([_public(r) for r in rows], ensure_ascii=False, indent=2))
        return
    total = search_core.count(obj.catalog, text)
    for r in rows:
        click.echo(f"{r['id']:>6}  {r['status']:<10} {r['path']}")
        summary = r.get("caption") or r.get("headline")
        if summary:
            click.echo(f"        {_short(summary, 100)}")
    click.echo(f"{len(rows)} of {total} shown", err=True)


@main.command()
@click.argument("photo")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_obj
def show(obj, photo, as_json):
    """Everything the catalog knows of one photo (PHOTO: a path or an id)."""
    row = _find_photo(obj.catalog, photo)
    row["suggestions"] = store.suggestions(obj.catalog, row["id"])
    if as_json:
        click.echo(json.dumps(_public(row), ensure_ascii=False, indent=2))
        return
    click.echo(f"{row['path']}\n  id: {row['id']}\n  status: {row['status']}"
               + (f" ({row['status_reason']})" if row.get("status_reason") else ""))
    for name in SHOWN_FIELDS:
        value = row.get(name)
        if value not in (None, "", []):
            click.echo(f"  {name}: {'; '.join(value) if isinstance(value, list) else value}")
    if row.get("gps_lat") is not None:
        click.echo(f"  gps: {row['gps_lat']}, {row['gps_lon']}")
    for a in row["articles"]:
        click.echo(f"  article {a['id']}: {a['title']}")
        if a["caption"] and a["caption"] != row.get("caption"):
            click.echo(f"    its caption differs: {a['caption']}")
    for p in row["suggestions"]["people"]:
        click.echo(f"  suggested person: {p['name']}" + (f", {p['title']}" if p["title"] else ""))
    for e in row["suggestions"]["events"]:
        click.echo(f"  suggested event: {e['name']}" + (f" ({e['date']})" if e["date"] else ""))
    for w in row["warnings"]:
        click.echo(f"  warning: {w}")


def _find_photo(cat: Catalog, ref: str) -> dict:
    row = catalog.photo(cat, int(ref)) if ref.isdigit() else None
    row = row or catalog.photo_by_path(cat, os.path.abspath(ref))
    if row is None:
        raise click.UsageError(f"no photo {ref!r} in the catalog")
    return row


@main.command()
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def stats(obj, as_json):
    """Counts of photos by status, folders, people, events and keywords; the unreadable files."""
    s = catalog.stats(obj.catalog)
    problems = [p for p in catalog.problem_photos(obj.catalog) if p["status"] == "unreadable"]
    if as_json:
        click.echo(json.dumps({**s, "unreadable_files": problems}, ensure_ascii=False, indent=2))
        return
    for k, v in s.items():
        click.echo(f"{k:>10}: {v}")
    for p in problems:
        click.echo(f"  unreadable: {p['path']}: {p['status_reason']}")


@main.group()
def article():
    """Articles: the stories photos belong to."""


@article.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--year", type=int, help="Year for datelines that give none (\"Chiều 28/2\").")
@click.pass_obj
def article_import(obj, files, year):
    """Read article files (.txt, .md, .html), link their images to photos, suggest people."""
    failed = False
    for path in files:
        try:
            r = import_article(obj.catalog, path, year=year)
        except ArticleError as exc:
            click.echo(f"error: {exc}", err=True)
            failed = True
            continue
        click.echo(f"article {r.article_id}: {r.title}\n  {r.references} images named, "
                   f"{r.linked} linked to photos")
        for name in r.ambiguous:
            click.echo(f"  ambiguous: {name} (several photos have this name; choose in the window)")
        for name in r.unmatched:
            click.echo(f"  not in the catalog yet: {name}")
        for warning in r.warnings:
            click.echo(f"  note: {warning}")
    if failed:
        sys.exit(1)


@article.command("list")
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def article_list(obj, as_json):
    """Every article in the catalog, with how many of its images are linked."""
    rows = store.articles(obj.catalog)
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for r in rows:
        click.echo(f"{r['id']:>5}  {r['linked']}/{r['images']} linked  {r['title']}\n"
                   f"       {r['path']}")


@article.command("show")
@click.argument("article_id", type=int)
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def article_show(obj, article_id, as_json):
    """An article: its title, date, event, people and each image with caption and photo."""
    a = store.article(obj.catalog, article_id)
    if a is None:
        raise click.UsageError(f"no article {article_id} in the catalog")
    if as_json:
        click.echo(json.dumps(a, ensure_ascii=False, indent=2))
        return
    click.echo(f"{a['title']}\n  file: {a['path']}")
    for key in ("dateline", "published"):
        if a.get(key):
            click.echo(f"  {key}: {a[key]}")
    if a["event"]:
        e = a["event"]
        click.echo(f"  event: {e['name']} ({e['date'] or 'date unknown'}, {e['place'] or 'place unknown'})")
    for p in a["people"]:
        click.echo(f"  person: {p['name']}" + (f", {p['title']}" if p["title"] else ""))
    for img in a["images"]:
        target = img["photo_path"] or img["match"]
        click.echo(f"  [{img['position'] + 1}] {img['name']} -> {target}")
        if img["caption"]:
            click.echo(f"      {img['caption']}")


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.pass_obj
def gui(obj, paths):
    """Open the PhotoDesk window (and add and index PATHS first)."""
    from photodesk.gui.app import run  # Qt loads only when the window is wanted
    sys.exit(run(obj.catalog_path, [os.path.abspath(p) for p in paths]))


def _public(row: dict) -> dict:
    return {k: v for k, v in row.items() if k not in ("edited", "mtime_ns", "folder_id")}


def _short(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"
