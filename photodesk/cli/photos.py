"""photodesk search, show and stats: reading the catalog."""

import json
import os

import click

from photodesk.cli.base import main, public, short
from photodesk.core import search as search_core
from photodesk.core.catalog import Catalog
from photodesk.core import catalog

SHOWN_FIELDS = ("headline", "caption", "keywords", "people", "event", "creator", "credit",
                "source", "copyright", "date_created", "location", "city", "state", "country",
                "taken_at", "make", "model", "lens", "exposure", "aperture", "iso",
                "focal_length", "width", "height", "format", "rating", "label", "hash")


# -word and -has:gps leave photos out: they are query words, not options.
@main.command(context_settings={"ignore_unknown_options": True})
@click.argument("query", nargs=-1)
@click.option("--sort", type=click.Choice(list(search_core.SORTS)), default=None,
              help="Order: taken (default), indexed, name, rating or relevance, each "
                   "its usual way: newest or highest first, names A to Z.")
@click.option("--descending/--ascending", default=None,
              help="Newest (highest, Z) first, or oldest (lowest, A) first; relevance runs "
                   "one way only. With --save, the search keeps it.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(0),
              help="Most photos to list.")
@click.option("--after", metavar="CURSOR", help="The next page: the cursor the last one printed.")
@click.option("--facets", "with_facets", is_flag=True,
              help="Also count the matches by person, event, date, camera, rating, folder…")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option("--saved", metavar="NAME", help="Run the saved search NAME (QUERY narrows it).")
@click.option("--save", metavar="NAME", help="Save QUERY under NAME, to run later with --saved.")
@click.option("--list-saved", is_flag=True, help="List the saved searches.")
@click.option("--delete-saved", metavar="NAME", help="Forget the saved search NAME.")
@click.option("--syntax", is_flag=True, help="Explain the query syntax.")
@click.pass_obj
def search(obj, query, sort, descending, limit, after, with_facets, as_json, saved, save,
           list_saved, delete_saved, syntax):
    """Find photos. Words match file names, captions, headlines, keywords, people, events,
    articles and places without regard to accents or case ("dong chi" finds "Đồng chí");
    fields narrow: person:"vo thi anh xuan" date:2024-01..2024-03 rating:>=3 -has:caption.
    See --syntax."""
    text = " ".join(query)
    if syntax:
        click.echo(search_core.SYNTAX_HELP)
        return
    try:
        if list_saved:
            return _list_saved(obj.catalog, as_json)
        if delete_saved:
            if not search_core.delete_saved_search(obj.catalog, delete_saved):
                raise search_core.QueryError(f"no saved search named {delete_saved!r}")
            click.echo(f"Deleted the saved search {delete_saved}", err=True)
            return
        if save:
            entry = search_core.save_search(obj.catalog, save, text, sort or "taken",
                                            descending)
            click.echo(f"Saved search {entry.name}: {entry.query}", err=True)
            return
        options = {"descending": descending, "limit": limit, "after": after,
                   "count_budget": None}
        if saved:
            page = search_core.run_saved(obj.catalog, saved, also=text, sort=sort, **options)
        else:
            page = search_core.run(obj.catalog, text, sort=sort or "taken", **options)
        found = search_core.facets(obj.catalog, page.query) if with_facets else None
    except search_core.QueryError as exc:
        raise click.UsageError(str(exc)) from exc
    for problem in page.problems:
        pointer = problem.pointer(page.query.text).replace("\n", "\n    ")
        click.echo(f"warning: {problem.message}\n    {pointer}", err=True)
    rows = catalog.photos.photos(obj.catalog, page.ids)
    if as_json:  # stdout is the JSON alone; only a next page is mentioned on stderr
        click.echo(json.dumps(_search_json(page, rows, found) if found else
                              [public(r) for r in rows], ensure_ascii=False, indent=2))
    else:
        _print_rows(rows)
        if found:
            _print_facets(found)
        total = page.total if page.total_exact else f"more than {page.total}"
        click.echo(f"{len(rows)} of {total} shown", err=True)
    if page.cursor:
        click.echo(f"next page: --after {page.cursor}", err=True)


def _print_rows(rows: list[dict]) -> None:
    for r in rows:
        click.echo(f"{r['id']:>6}  {r['status']:<10} {r['path']}")
        summary = r.get("caption") or r.get("headline")
        if summary:
            click.echo(f"        {short(summary, 100)}")


def _print_facets(found) -> None:
    about = "" if found.exact else f" (estimated from {found.sampled} of about {found.total})"
    click.echo(f"\nfacets{about}:")
    for name, values in found.groups.items():
        if values:
            listed = "; ".join(f"{v.label} ({v.count})" for v in values)
            click.echo(f"  {name}: {listed}")


def _search_json(page, rows: list[dict], found) -> dict:
    return {
        "photos": [public(r) for r in rows], "total": page.total,
        "total_exact": page.total_exact, "cursor": page.cursor,
        "problems": [{"start": p.start, "end": p.end, "message": p.message}
                     for p in page.problems],
        "facets": {"exact": found.exact, "total": found.total, "sampled": found.sampled,
                   "groups": {name: [{"value": v.value, "count": v.count,
                                      "clause": search_core.facet_clause(name, v.value)}
                                     for v in values]
                              for name, values in found.groups.items()}},
    }


def _list_saved(cat: Catalog, as_json: bool) -> None:
    entries = search_core.saved_searches(cat)
    if as_json:
        click.echo(json.dumps([{"name": e.name, "query": e.query, "sort": e.sort,
                                "descending": e.descending}
                               for e in entries], ensure_ascii=False, indent=2))
        return
    for e in entries:
        usual = e.sort == "taken" and e.descending is None
        sorted_by = "" if usual else f"\t(sorted by {search_core.described(e.sort, e.descending)})"
        click.echo(f"{e.name}\t{e.query}{sorted_by}")


PASSING = " — a passing fault: read again at the next index"


@main.command()
@click.argument("photo")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_obj
def show(obj, photo, as_json):
    """Everything the catalog knows of one photo (PHOTO: a path or an id)."""
    row = _find_photo(obj.catalog, photo)
    row["suggestions"] = catalog.articles.suggestions(obj.catalog, row["id"])
    if as_json:
        click.echo(json.dumps(public(row), ensure_ascii=False, indent=2))
        return
    click.echo(f"{row['path']}\n  id: {row['id']} (version {row.get('version') or 1})"
               f"\n  status: {row['status']}"
               + (f" ({row['status_reason']})" if row.get("status_reason") else "")
               + (PASSING if row.get("failure") == "passing" else ""))
    for name in SHOWN_FIELDS:
        value = row.get(name)
        if value not in (None, "", []):
            click.echo(f"  {name}: {'; '.join(value) if isinstance(value, list) else value}")
    if row.get("gps_lat") is not None:
        click.echo(f"  gps: {row['gps_lat']}, {row['gps_lon']}")
    if row.get("copy_of") is not None:
        click.echo(f"  copy of: photo {row['copy_of']} (photodesk duplicates {row['id']})")
    for a in row["articles"]:
        click.echo(f"  article {a['id']}: {a['title']}")
        if a["caption"] and a["caption"] != row.get("caption") and \
                not catalog.articles.caption_kept(a, row.get("caption")):
            click.echo(f"    its caption differs: {a['caption']}")
    for p in row["suggestions"]["people"]:
        click.echo(f"  suggested person: {p['name']}" + (f", {p['title']}" if p["title"] else ""))
    for e in row["suggestions"]["events"]:
        click.echo(f"  suggested event: {e['name']}" + (f" ({e['date']})" if e["date"] else ""))
    for w in row["warnings"]:
        click.echo(f"  warning: {w}")


@main.command()
@click.argument("photo")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_obj
def history(obj, photo, as_json):
    """Every editor's change to one photo (PHOTO: a path or an id), oldest first: when, who
    (and from which desk), the field, the value before and after."""
    row = _find_photo(obj.catalog, photo)
    changes = catalog.edits.history(obj.catalog, row["id"])
    if as_json:
        click.echo(json.dumps(changes, ensure_ascii=False, indent=2))
        return
    click.echo(f"{row['path']} (version {row.get('version') or 1})")
    if not changes:
        click.echo("  no editor has changed it")
    for c in changes:
        who = c["who"] + (f" ({c['desk']})" if c["desk"] else "")
        click.echo(f"  {c['at']}  {who}  {c['field']}: {_shown(c['old'])} -> {_shown(c['new'])}")


def _shown(value) -> str:
    if value in (None, "", []):
        return "(empty)"
    return "; ".join(map(str, value)) if isinstance(value, list) else repr(value)


def _find_photo(cat: Catalog, ref: str) -> dict:
    row = catalog.photos.photo(cat, int(ref)) if ref.isdigit() else None
    row = row or catalog.photos.photo_by_path(cat, os.path.abspath(ref))
    if row is None:
        raise click.UsageError(f"no photo {ref!r} in the catalog")
    return row


@main.command()
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def stats(obj, as_json):
    """Counts of photos by status, folders, people, events and keywords; the unreadable files."""
    s = catalog.photos.stats(obj.catalog)
    problems = [p for p in catalog.photos.problem_photos(obj.catalog) if p["status"] == "unreadable"]
    if as_json:
        click.echo(json.dumps({**s, "unreadable_files": problems}, ensure_ascii=False, indent=2))
        return
    for k, v in s.items():
        click.echo(f"{k:>10}: {v}")
    for p in problems:
        again = PASSING if p.get("failure") == "passing" else ""
        click.echo(f"  unreadable: {p['path']}: {p['status_reason']}{again}")
