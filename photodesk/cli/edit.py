"""photodesk edit, write, export and codes: changing captions, writing them to files, sending sets."""

import json
import os
import sys

import click

from photodesk.core.fields import FIELDS
from photodesk.cli.base import JobReport, main
from photodesk.core import codes as code_list
from photodesk.core import export as export_core
from photodesk.core import search as search_core
from photodesk.core.catalog import Catalog
from photodesk.core import catalog
from photodesk.core.edit import edit_photos
from photodesk.core.export.selection import QUERY_LIMIT
from photodesk.core.jobs import Done
from photodesk.core.metadata.files import FileExists
from photodesk.core.metadata.write import Written, write_photos
from photodesk.core.preflight import preflight_export, preflight_write
from photodesk.core.templates import TemplateError, fill_captions

ZIP_NAMES = {"csv": "captions", "json": "captions", "txt": "captions", "xmp": "sidecars",
             "jpeg": "photos", "html": "gallery"}


def _photo_ids(cat: Catalog, photos, query, *, edited: bool = False) -> list[int]:
    if sum(bool(x) for x in (photos, query is not None, edited)) != 1:
        raise click.UsageError("name photos (ids or paths), or give --query (or, to write, "
                               "--edited)")
    if edited:
        return catalog.edits.edited_photo_ids(cat)
    if query is not None:
        return search_core.search(cat, query, limit=QUERY_LIMIT)
    ids = []
    for ref in photos:
        pid = int(ref) if ref.isdigit() and catalog.photos.photo(cat, int(ref)) else \
            catalog.photos.photo_by_path_id(cat, os.path.abspath(ref))
        if pid is None:
            raise click.UsageError(f"no photo {ref!r} in the catalog")
        ids.append(pid)
    return list(dict.fromkeys(ids))


# --- edit --------------------------------------------------------------------------------------

# Options that differ from the field table's plain `--name TEXT`: lists take one value per
# flag, under a singular name; a rating is 0-5.
FIELD_OPTIONS = {
    "people": (("--person", "people"), {"multiple": True,
                                        "help": "Person shown (repeat; sets the list)."}),
    "keywords": (("--keyword", "keywords"), {"multiple": True,
                                             "help": "Keyword (repeat; sets the list)."}),
    "rating": (("--rating",), {"type": click.IntRange(0, 5)}),
    "date_created": (("--date-created",), {"help": "YYYY-MM-DD"}),
    "label": (("--label",), {"help": "Colour label: Red, Yellow, Green, Blue, Purple."}),
}


def field_options(command):
    """An option for every editable field of the field table (core/fields.py), in its order."""
    for f in reversed([f for f in FIELDS if f.editable]):
        names, extra = FIELD_OPTIONS.get(f.name, ((f"--{f.name.replace('_', '-')}",), {}))
        command = click.option(*names, **{"help": f.label + ".", **extra})(command)
    return command


@main.command()
@click.argument("photos", nargs=-1)
@click.option("--query", help="Edit every photo this search finds.")
@field_options
@click.option("--caption-template", help="Fill the caption from a template, per photo.")
@click.option("--if-version", type=int, metavar="N",
              help="Save only if the photo is still at version N (as `show` gave it): another "
                   "desk's change since is a conflict, and nothing is saved (exit 1).")
@click.pass_obj
def edit(obj, photos, query, caption_template, if_version, **changes):
    """Change fields of photos in the catalog (write them to the files with `photodesk write`).
    Codes typed between backslashes (\\vtax\\) are expanded from the code list."""
    cat = obj.catalog
    ids = _photo_ids(cat, photos, query)
    codes = code_list.load_codes()
    changes = {k: v for k, v in changes.items() if v not in (None, ())}
    for name, value in list(changes.items()):
        if isinstance(value, str):
            for code in code_list.unknown_codes(value, codes):
                click.echo(f"note: no code \\{code}\\ in the code list; left as typed", err=True)
            changes[name] = code_list.expand(value, codes).strip() or None
        elif isinstance(value, tuple):
            changes[name] = [code_list.expand(v, codes).strip() for v in value if v.strip()]
    if not changes and not caption_template:
        raise click.UsageError("nothing to change: give --caption, --person, … or "
                               "--caption-template")
    if if_version is not None and len(ids) != 1:
        raise click.UsageError("--if-version names the version of one photo")
    if changes:
        versions = {ids[0]: if_version} if if_version is not None else None
        try:
            edit_photos(cat, ids, versions=versions, desk=obj.settings.desk or None,
                        **changes)
        except catalog.edits.EditConflict as exc:
            theirs = "; ".join(f"{k}: {v!r}" for k, v in exc.theirs.items())
            raise click.ClickException(f"{exc} (theirs: {theirs})") from None
    filled = 0
    if caption_template:
        try:
            filled = fill_captions(cat, ids, caption_template, codes=codes)
        except TemplateError as exc:
            raise click.UsageError(str(exc)) from exc
    click.echo(f"{len(ids)} photos edited" + (f", {filled} captions filled from the template"
                                              if caption_template else ""))


# --- write -------------------------------------------------------------------------------------

@main.command()
@click.argument("photos", nargs=-1)
@click.option("--query", help="Write every photo this search finds.")
@click.option("--edited", is_flag=True, help="Write every photo with changes not yet written.")
@click.option("--sidecar/--embedded", default=None,
              help="Write XMP sidecars (NAME.xmp, or NAME.EXT.xmp when photos share a name) and "
              "leave the photos as they are, or write into the photos. Default: write_mode in "
              "the settings (embedded).")
@click.option("--damaged", type=click.Choice(["sidecar", "embed"]), default="embed",
              show_default=True, help="Files exiv2 warns about: embed when the written file "
              "proves exact (EXIF bytes are copied untouched), or always a sidecar.")
@click.option("-v", "--verbose", is_flag=True,
              help="List every pre-flight issue, photo by photo (default: counts by kind).")
@click.pass_obj
def write(obj, photos, query, edited, sidecar, damaged, verbose):
    """Write the catalog's changes into the photos (XMP and IPTC, losslessly, verified) after a
    pre-flight report. Exit 1 if any photo could not be written."""
    cat = obj.catalog
    if sidecar is None:
        sidecar = obj.settings.write_mode == "sidecar"
    ids = _photo_ids(cat, photos, query, edited=edited)
    report = preflight_write(cat, ids, sidecar=sidecar, damaged_exif=damaged)
    for line in report.lines(verbose):
        click.echo(line, err=True)
    # No bar: each photo written is a line of its own already. Skipped: nothing to write.
    job, counts = JobReport(bar=False), {"file": 0, "sidecar": 0}
    for event in write_photos(cat, ids, sidecar=sidecar, damaged_exif=damaged):
        if job.take(event):
            continue
        if isinstance(event, Written):
            counts[event.target] += 1
            click.echo(f"{'written' if event.target == 'file' else 'sidecar'}: {event.written_to}"
                       f" ({', '.join(event.fields) or 'no fields'})")
            for note in event.notes:
                click.echo(f"  note: {note}")
    click.echo(f"{counts['file']} written, {counts['sidecar']} sidecars, "
               f"{len(job.skipped)} unchanged, {len(job.failed)} not written")
    job.exit_if_failed("{n} could not be written (each is left as it was):")


# --- export ------------------------------------------------------------------------------------

@main.command()
@click.argument("photos", nargs=-1)
@click.option("--query", help="Export every photo this search finds.")
@click.option("--article", "article_id", type=int, help="Export an article's photos, in order.")
@click.option("--event", "event_id", type=int, help="Export an event's photos.")
@click.option("--format", "fmt", type=click.Choice(export_core.FORMATS), default=None,
              help="Default: the export format in the settings (csv).")
@click.option("--template", help="Caption template, e.g. '{caption} ({people}). Ảnh: {credit}'.")
@click.option("--pattern", help="File name pattern for xmp/jpeg, e.g. '{date:%Y%m%d}_{n:03}'.")
@click.option("--name", "basename", help="Base name of the csv/json/txt/html file or the ZIP.")
@click.option("--bom/--no-bom", default=None, help="Start CSV/TXT with a BOM, so that Excel "
              "reads the Vietnamese right. Default: the settings (a BOM).")
@click.option("--zip", "as_zip", is_flag=True, help="Put everything in one ZIP file.")
@click.option("--long-edge", type=int, help="JPEG copies: scale down to this many pixels.")
@click.option("--quality", type=click.IntRange(1, 100), default=90, show_default=True,
              help="JPEG quality when scaling down.")
@click.option("--overwrite", is_flag=True, help="Replace files that exist already.")
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False),
              help="Folder to write into. Default: the export folder in the settings.")
@click.option("-v", "--verbose", is_flag=True,
              help="List every pre-flight issue, photo by photo (default: counts by kind).")
@click.pass_obj
def export(obj, photos, query, article_id, event_id, fmt, template, pattern, basename, bom,
           as_zip, long_edge, quality, overwrite, out_dir, verbose):
    """Export a caption set: csv, json, txt (caption sheet), xmp sidecars, jpeg copies with
    metadata, or an html gallery. Existing files are never replaced without --overwrite."""
    defaults = obj.settings.export
    fmt = fmt or defaults.format
    template = template if template is not None else (defaults.template or None)
    bom = defaults.csv_bom if bom is None else bom
    out_dir = out_dir or defaults.folder
    if not out_dir:
        raise click.UsageError("give -o FOLDER (or set an export folder in the settings)")
    cat = obj.catalog
    selection = _selection(cat, photos, query, article_id, event_id)
    options = export_core.Options(template=template, pattern=pattern, bom=bom,
                                  long_edge=long_edge, quality=quality,
                                  basename=basename or ("index" if fmt == "html" else "captions"),
                                  codes=code_list.load_codes())
    try:
        plan = export_core.plan(cat, selection, fmt, options)
    except export_core.ExportError as exc:
        raise click.UsageError(str(exc)) from exc
    for note in selection.notes:
        click.echo(f"note: {note}", err=True)
    for line in preflight_export(cat, selection.photo_ids, iim=fmt == "jpeg").lines(verbose):
        click.echo(line, err=True)
    zip_name = (basename or ZIP_NAMES[fmt]) if as_zip else None
    _run_export(plan, out_dir, zip_name, overwrite)


def _selection(cat, photos, query, article_id, event_id):
    given = sum(x is not None for x in (query, article_id, event_id)) + bool(photos)
    if given != 1:
        raise click.UsageError("give one of: PHOTO…, --query, --article or --event")
    try:
        if article_id is not None:
            return export_core.of_article(cat, article_id)
        if event_id is not None:
            return export_core.of_event(cat, event_id)
        if query is not None:
            return export_core.of_query(cat, query)
        return export_core.of_photos(cat, _photo_ids(cat, photos, None))
    except export_core.SelectionError as exc:
        raise click.UsageError(str(exc)) from exc


def _run_export(plan, out_dir, zip_name, overwrite) -> None:
    job = JobReport(bar=False)  # the files written are listed at the end
    try:
        for event in export_core.run(plan, out_dir, zip_name=zip_name, overwrite=overwrite):
            if job.take(event):
                continue
            if isinstance(event, export_core.Exported):
                for note in event.notes:
                    click.echo(f"note: {os.path.basename(event.path)}: {note}", err=True)
            elif isinstance(event, Done):
                shown = [w for w in event.written if ".zip:" not in w]
                for path in shown:
                    click.echo(path)
                click.echo(f"{len(shown)} files written, {event.skipped} skipped", err=True)
    except export_core.ExportConflict as exc:
        raise click.ClickException(f"{exc}; nothing was written (use --overwrite to replace "
                                   "them)") from exc
    except (ValueError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc
    job.show(job.skipped, prefix="skipped ")  # an output not made fails the export
    if job.skipped:
        sys.exit(1)


# --- codes -------------------------------------------------------------------------------------

@main.group()
def codes():
    """Code replacements (\\vtax\\ → full text), kept in the user's config folder."""


@codes.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--replace", is_flag=True, help="Replace the whole list instead of adding to it.")
def codes_import(file, replace):
    """Add the codes of a tab-separated code file (code TAB replacement) to the list."""
    try:
        result = code_list.import_codes(file, replace=replace)
    except code_list.CodeFileError as exc:
        raise click.ClickException(str(exc)) from exc
    for warning in result.warnings:
        click.echo(f"note: {warning}", err=True)
    click.echo(f"{result.added} codes added, {result.changed} changed "
               f"({code_list.codes_path()})")


@codes.command("export")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--overwrite", is_flag=True, help="Replace FILE if it exists.")
def codes_export(file, overwrite):
    """Write the code list to FILE in the same tab-separated form."""
    try:
        count = code_list.export_codes(file, overwrite=overwrite)
    except code_list.CodeFileError as exc:
        raise click.ClickException(str(exc)) from exc
    except FileExists as exc:
        raise click.ClickException(f"{exc.path} exists; use --overwrite to replace it") from exc
    click.echo(f"{count} codes written to {file}")


@codes.command("list")
@click.option("--json", "as_json", is_flag=True)
def codes_list(as_json):
    """Show the code list."""
    current = code_list.load_codes()
    if as_json:
        click.echo(json.dumps(current, ensure_ascii=False, indent=2))
        return
    for code, text in sorted(current.items()):
        click.echo(f"\\{code}\\\t{text}")
