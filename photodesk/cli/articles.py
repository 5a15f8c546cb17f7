"""photodesk article import|list|show|confirm: the stories photos belong to."""

import json
import sys

import click

from photodesk.cli.base import main
from photodesk.core.articles import ArticleError
from photodesk.core.articles.link import import_article
from photodesk.core import catalog


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
        lookalikes = dict(r.lookalikes)
        for name in r.unmatched:
            if name in lookalikes:
                click.echo(f"  not in the catalog under this name: {name}; the file beside the "
                           f"article looks like photo {lookalikes[name]} (link it: photodesk "
                           f"article confirm {r.article_id})")
            else:
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
    rows = catalog.articles.articles(obj.catalog)
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
    a = catalog.articles.article(obj.catalog, article_id)
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
        if img["lookalike_id"] is not None and img["photo_id"] is None:
            click.echo(f"      looks like photo {img['lookalike_id']}: {img['lookalike_path']} "
                       f"(photodesk article confirm {article_id} links it)")
        if img["caption"]:
            click.echo(f"      {img['caption']}")


@article.command("confirm")
@click.argument("article_id", type=int)
@click.option("--reject", is_flag=True, help="Reject the suggestions instead.")
@click.pass_obj
def article_confirm(obj, article_id, reject):
    """Confirm every suggestion the article made: the look-alikes of images no photo has the
    name of become its links, and its people (where it names them) and event become Person
    Shown and Event of its photos, in exports and when written."""
    from photodesk.core import people
    from photodesk.core.articles.link import confirm_lookalikes
    cat = obj.catalog
    if catalog.articles.article(cat, article_id) is None:
        raise click.UsageError(f"no article {article_id} in the catalog")
    linked = confirm_lookalikes(cat, article_id, accept=not reject)
    if linked:
        click.echo(f"linked {len(linked)} image(s) to the photos they look like")
    ids = people.article_photo_ids(cat, article_id)
    before = people.decide_all(cat, ids, accept=not reject)
    done = sum(len(states) for states in before.values())
    verb = "rejected" if reject else "confirmed"
    click.echo(f"{verb} {done} suggestion(s) on {len(ids)} photo(s) of article {article_id}")
