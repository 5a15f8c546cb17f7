"""Running an export: plan every output name first (so conflicts are known before anything is
written), then make the files one by one into a folder or one ZIP, as a generator of events:
Exported, and core/jobs.py's Skipped, Progress and Done."""

import time
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from photodesk.core import thumbs
from photodesk.core.catalog import Catalog
from photodesk.core import catalog
from photodesk.core.export import copies, html, text
from photodesk.core.export.names import (
    FileNameError, check_name, output_names, sidecar_beside, sidecar_names,
)
from photodesk.core.export.records import record
from photodesk.core.export.selection import Selection
from photodesk.core.jobs import Done, Progress, Skipped
from photodesk.core.metadata.files import FileExists, place_new, write_new
from photodesk.core.safefile import replacing
from photodesk.core.templates import parse

FORMATS = ("csv", "json", "txt", "xmp", "jpeg", "html")
DEFAULT_PATTERNS = {"jpeg": "{filename}", "xmp": "{stem}"}
THUMBS = "thumbs"


class ExportError(ValueError):
    """The export cannot run as asked; the message says why. Nothing was written."""


class ExportConflict(ExportError):
    """Files the export would write exist already; run again with overwrite to replace them."""

    def __init__(self, paths: list[Path]):
        shown = ", ".join(str(p) for p in paths[:5]) + (" …" if len(paths) > 5 else "")
        super().__init__(f"{len(paths)} file(s) exist already: {shown}")
        self.paths = paths


@dataclass(frozen=True)
class Exported:
    path: str
    photo_id: int | None = None
    notes: tuple[str, ...] = ()


# Skipped: an output not made (its path is the output's name); Done: every file written.
Event = Exported | Skipped | Progress | Done


@dataclass
class Output:
    name: str                            # relative to the export folder (or inside the ZIP)
    make: Callable[[], "copies.Produced"]
    photo_id: int | None = None


@dataclass
class Plan:
    fmt: str
    outputs: list[Output]
    records: list[dict] = field(default_factory=list)


@dataclass
class Options:
    template: str | None = None
    pattern: str | None = None
    bom: bool = True  # Excel on Windows reads UTF-8 without one as its own code page
    long_edge: int | None = None
    quality: int = 90
    basename: str = "captions"
    codes: dict | None = None


def plan(cat: Catalog, selection: Selection, fmt: str, options: Options | None = None) -> Plan:
    """Every file the export would write, named and checked, nothing made yet."""
    o = options or Options()
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    if o.long_edge is not None and (fmt != "jpeg" or o.long_edge < 16):
        raise ExportError("a long edge (16 px or more) applies to JPEG copies only")
    if not 1 <= o.quality <= 100:
        raise ExportError("JPEG quality is 1 to 100")
    try:
        template = parse(o.template, o.codes) if o.template else None
        rows = catalog.photos.photos(cat, selection.photo_ids)
        records = [record(r, n, template=template, article_title=selection.article_title)
                   for n, r in enumerate(rows, 1)]
        outputs = _outputs(cat, fmt, rows, records, selection, o)
    except (FileNameError, ValueError) as exc:
        raise ExportError(str(exc)) from exc
    return Plan(fmt, outputs, records)


def _outputs(cat, fmt, rows, records, selection, o: Options) -> list[Output]:
    base = check_name(o.basename)
    if fmt == "csv":
        return [Output(f"{base}.csv", lambda: copies.Produced(text.to_csv(records, bom=o.bom)))]
    if fmt == "json":
        return [Output(f"{base}.json",
                       lambda: copies.Produced(text.to_json(records, title=selection.title)))]
    if fmt == "txt":
        return [Output(f"{base}.txt", lambda: copies.Produced(text.to_sheet(records, bom=o.bom)))]
    pattern = o.pattern or DEFAULT_PATTERNS.get(fmt, "{filename}")
    captions = [r.get("text") for r in records]  # a template's text becomes the caption
    if fmt == "xmp":
        names = sidecar_names(rows, article_title=selection.article_title) if not o.pattern \
            else output_names(rows, pattern, ".xmp", article_title=selection.article_title)
        return [Output(n, _bind(copies.xmp_sidecar, r, c), r["id"])
                for n, r, c in zip(names, rows, captions)]
    if fmt == "jpeg":
        names = output_names(rows, pattern, ".jpg", keep=(".jpeg",),
                             article_title=selection.article_title)
        return [Output(n, _bind(copies.jpeg_copy, r, sidecar_beside(n, names),
                                long_edge=o.long_edge, quality=o.quality, caption=c), r["id"])
                for n, r, c in zip(names, rows, captions)]
    return _gallery_outputs(cat, rows, records, selection, base)


def _bind(fn, *args, **kwargs):
    return lambda: fn(*args, **kwargs)


def _gallery_outputs(cat, rows, records, selection, base) -> list[Output]:
    outputs, images = [], {}
    for r in rows:
        names = []
        for size in thumbs.SIZES:
            source = thumbs.thumb_path(cat.thumbs_dir, r["hash"], size) if r.get("hash") else None
            # A thumbnail pruned from the cache is made again from the photo as it is written.
            original = r.get("path") if r.get("status") == "present" else None
            if source is not None and (original or source.exists()):
                name = f"{THUMBS}/{r['hash']}-{size}.jpg"
                if all(o.name != name for o in outputs):
                    outputs.append(Output(name, _bind(_thumbnail, cat.thumbs_dir, r["hash"], size,
                                                      original), r["id"]))
                names.append(name)
            else:
                names.append(None)
        images[r["id"]] = (names[0], names[-1])
    page = "index.html" if base == "captions" else f"{base}.html"
    outputs.insert(0, Output(page, lambda: copies.Produced(
        html.gallery(records, images, title=selection.title).encode("utf-8"))))
    return outputs


def _file(path: Path) -> "copies.Produced":
    return copies.Produced(Path(path).read_bytes())


def _thumbnail(cache, digest: str, size: int, original: str | None) -> "copies.Produced":
    path = thumbs.ensure(cache, digest, size, original)
    if path is None:
        raise copies.Skip("no thumbnail: it was removed from the cache and the photo cannot be "
                          "read to make it again")
    return _file(path)


def conflicts(p: Plan, out_dir: Path, *, zip_name: str | None = None) -> list[Path]:
    out_dir = Path(out_dir)
    if zip_name:
        return [out_dir / zip_name] if (out_dir / zip_name).exists() else []
    names = [o.name for o in p.outputs]
    return [out_dir / n for n in names if (out_dir / n).exists()]


def run(p: Plan, out_dir, *, zip_name: str | None = None,
        overwrite: bool = False) -> Iterator[Event]:
    """Make the planned files. Existing files are never replaced unless overwrite: the whole
    export stops with ExportConflict before anything is written."""
    out_dir = Path(out_dir)
    if zip_name:
        zip_name = check_name(zip_name if zip_name.lower().endswith(".zip") else zip_name + ".zip")
    found = conflicts(p, out_dir, zip_name=zip_name)
    if found and not overwrite:
        raise ExportConflict(found)
    out_dir.mkdir(parents=True, exist_ok=True)
    written, skipped, started = [], 0, time.monotonic()
    # Stopped or failed midway, a folder keeps the files written so far (each whole); a ZIP
    # is left out entirely.
    opened = _zip_sink(out_dir / zip_name, overwrite) if zip_name else \
        _folder_sink(out_dir, overwrite)
    with opened as sink:
        for done, output in enumerate(p.outputs, 1):
            event = _make(output, sink)
            skipped += isinstance(event, Skipped)
            if isinstance(event, Exported):
                written.append(event.path)
            yield event
            yield Progress(done, len(p.outputs), started)
    if zip_name:
        written.append(str(out_dir / zip_name))
    yield Done(tuple(dict.fromkeys(written)), skipped)


def _make(output: Output, sink) -> Event:
    try:
        produced = output.make()
    except copies.Skip as exc:
        return Skipped(output.name, str(exc), output.photo_id)
    except (ValueError, OSError) as exc:
        return Skipped(output.name, f"failed: {exc}", output.photo_id)
    notes = list(produced.notes)
    try:
        path = sink.add(output.name, produced.data)
        for name, data in produced.extra.items():
            try:
                sink.add(name, data)
            except FileExists as exc:
                notes.append(f"{exc.path.name} exists already; not replaced")
    except FileExists as exc:
        return Skipped(output.name, f"{exc.path} appeared meanwhile; not replaced",
                       output.photo_id)
    return Exported(path, output.photo_id, tuple(notes))


class _FolderSink:
    def __init__(self, folder: Path, overwrite: bool):
        self.folder, self.overwrite = folder, overwrite

    def add(self, name: str, data: bytes) -> str:
        path = self.folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        write_new(path, data, overwrite=self.overwrite)
        return str(path)


@contextmanager
def _folder_sink(folder: Path, overwrite: bool):
    yield _FolderSink(folder, overwrite)


class _ZipSink:
    def __init__(self, archive: zipfile.ZipFile, target: Path):
        self.archive, self.target = archive, target

    def add(self, name: str, data: bytes) -> str:
        stored = zipfile.ZIP_STORED if name.lower().endswith((".jpg", ".jpeg")) else None
        self.archive.writestr(name, data, compress_type=stored)
        return f"{self.target}:{name}"


@contextmanager
def _zip_sink(target: Path, overwrite: bool):
    """Files go into a temp ZIP beside the target, renamed into place when all are in."""
    with replacing(target, place=None if overwrite else place_new) as temp:
        with zipfile.ZipFile(temp.path, "w", zipfile.ZIP_DEFLATED) as archive:
            yield _ZipSink(archive, target)
