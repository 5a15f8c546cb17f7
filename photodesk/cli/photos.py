"""photodesk search, show and stats: reading the catalog."""

import json
import os

import click

from photodesk.cli.base import main, public, short
from photodesk.core import search as search_core
from photodesk.core.catalog import Catalog
from photodesk.core.catalog import articles as store
from photodesk.core.catalog import photos as catalog

SHOWN_FIELDS = ("headline", "caption", "keywords", "people", "event", "creator", "credit",
                "source", "copyright", "date_created", "location", "city", "state", "country",
                "taken_at", "make", "model", "lens", "exposure", "aperture", "iso",
                "focal_length", "width", "height", "format", "rating", "label", "hash")


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
        click.echo(json.dumps([public(r) for r in rows], ensure_ascii=False, indent=2))
        return
    total = search_core.count(obj.catalog, text)
    for r in rows:
        click.echo(f"{r['id']:>6}  {r['status']:<10} {r['path']}")
        summary = r.get("caption") or r.get("headline")
        if summary:
            click.echo(f"        {short(summary, 100)}")
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
        click.echo(json.dumps(public(row), ensure_ascii=False, indent=2))
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
