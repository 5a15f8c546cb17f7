"""photodesk similar and duplicates: photos that look alike, copies and their originals."""

import json
import os

import click

from photodesk.cli.base import main, public, short
from photodesk.core import catalog, duplicates as dupes
from photodesk.core.fingerprint import MOST, THRESHOLD
from photodesk.core.similar import LIMIT, SimilarError, described, similar as look_alikes

BITS = click.IntRange(0, MOST)


@main.command()
@click.argument("photo")
@click.option("--limit", default=LIMIT, show_default=True, type=click.IntRange(0),
              help="Most look-alikes to list.")
@click.option("--threshold", default=THRESHOLD, show_default=True, type=BITS,
              help="Most bits (of 64) a look-alike may differ by.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_obj
def similar(obj, photo, limit, threshold, as_json):
    """Photos that look like PHOTO (a catalog id, or any image file: a web download, a
    screenshot), closest first: resized, re-compressed and lightly cropped copies."""
    what = int(photo) if photo.isdigit() else photo
    try:
        matches = look_alikes(obj.catalog, what, limit=limit, threshold=threshold)
    except SimilarError as exc:
        raise click.ClickException(str(exc)) from exc
    rows = described(obj.catalog, matches)
    if as_json:
        click.echo(json.dumps([public(r) for r in rows], ensure_ascii=False, indent=2))
        return
    for r in rows:
        click.echo(f"{r['rank']:>3}. {r['distance']:>2} bits  {r['id']:>6}  {r['path']}")
        facts = [f"folder {r['folder']}", *(f"{label} {r[key]}" for key, label in (
            ("creator", "creator"), ("credit", "credit"), ("taken_at", "taken")) if r.get(key))]
        click.echo(f"        {' · '.join(facts)}")
        for a in r["articles"]:
            click.echo(f"        article {a['id']}: {short(a['title'] or '', 90)}")
    click.echo(f"{len(rows)} look-alike{'s' * (len(rows) != 1)} within {threshold} bits",
               err=True)


@main.command()
@click.argument("photos", nargs=-1)
@click.option("--similar", "near", is_flag=True,
              help="Also near-identical photos (resized, re-compressed, lightly cropped).")
@click.option("--threshold", default=dupes.NEAR, show_default=True, type=BITS,
              help="With --similar: most bits (of 64) near-identical photos differ by.")
@click.option("--copy-metadata", is_flag=True,
              help="Give each copy the original's caption, people and event where it has none.")
@click.option("--mark-copies", is_flag=True,
              help="Mark the copies as copies of their original (-has:original hides them).")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_obj
def duplicates(obj, photos, near, threshold, copy_metadata, mark_copies, as_json):
    """Groups of identical files (the same bytes in several places) and, with --similar, of
    near-identical photos: each with its original (the largest, earliest taken, with the most
    metadata) and what each copy lacks. PHOTOS (ids or paths): only their groups."""
    cat = obj.catalog
    groups = dupes.duplicate_groups(cat, near=near, threshold=threshold)
    if photos:
        wanted = {_photo_id(cat, p) for p in photos}
        groups = [g for g in groups if wanted & set(g.photo_ids)]
    rows = {r["id"]: r for r in catalog.photos.photos(cat, [i for g in groups
                                                            for i in g.photo_ids])}
    if as_json:
        click.echo(json.dumps([_group_json(g, rows) for g in groups], ensure_ascii=False,
                              indent=2))
    else:
        for number, g in enumerate(groups, 1):
            _print_group(number, g, rows)
        copies = sum(len(g.copies) for g in groups)
        click.echo(f"{len(groups)} group{'s' * (len(groups) != 1)}, {copies} "
                   f"cop{'ies' if copies != 1 else 'y'}", err=True)
    if copy_metadata:
        changed = sum(len(dupes.copy_from_original(cat, g.original, [c.photo_id for c in g.copies]))
                      for g in groups)
        click.echo(f"the original's caption, people and event given to {changed} "
                   f"cop{'ies' if changed != 1 else 'y'} (written to the files by "
                   "`photodesk write --edited`)", err=True)
    if mark_copies:
        for g in groups:
            dupes.mark_copies(cat, g.original, [c.photo_id for c in g.copies])
        click.echo(f"{sum(len(g.copies) for g in groups)} photos marked as copies", err=True)


def _photo_id(cat, ref: str) -> int:
    found = int(ref) if ref.isdigit() else catalog.photos.photo_by_path_id(
        cat, os.path.abspath(ref))
    if found is None:
        raise click.UsageError(f"no photo {ref!r} in the catalog")
    return found


def _size(row: dict) -> str:
    return f"{row['width']}×{row['height']}" if row.get("width") else "size unknown"


def _print_group(number: int, group: dupes.Group, rows: dict) -> None:
    kind = "identical files" if group.identical else "near-identical photos"
    click.echo(f"group {number}: {kind}")
    original = rows[group.original]
    click.echo(f"  original {original['id']:>6}  {original['path']}  ({_size(original)})")
    for c in group.copies:
        row = rows[c.photo_id]
        how = "the same file" if c.identical else f"{c.distance} bits apart, {_size(row)}"
        marked = ", marked as a copy" if row.get("copy_of") == group.original else ""
        click.echo(f"  copy     {row['id']:>6}  {row['path']}  ({how}{marked})")
        if c.lacks:
            click.echo(f"           lacks: {', '.join(dupes.LABELS[k] for k in c.lacks)}")


def _group_json(group: dupes.Group, rows: dict) -> dict:
    def brief(pid: int) -> dict:
        row = rows[pid]
        return {k: row.get(k) for k in ("id", "path", "width", "height", "taken_at",
                                        "hash", "copy_of")}
    return {"identical": group.identical, "original": brief(group.original),
            "copies": [{**brief(c.photo_id), "distance": c.distance, "identical": c.identical,
                        "lacks": list(c.lacks)} for c in group.copies]}
