"""Running an export: plan every output name first (so conflicts are known before anything is
written), then make the files one by one into a folder or one ZIP, as a generator of events."""

import os
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from photodesk.core import thumbs
from photodesk.core.catalog import Catalog
from photodesk.core.catalog import photos as catalog
from photodesk.core.export import copies, html, text
from photodesk.core.export.names import (
    FileNameError, check_name, output_names, sidecar_beside, sidecar_names,
)
from photodesk.core.export.records import record
from photodesk.core.export.selection import Selection
from photodesk.core.metadata.files import FileExists, move_new, write_new
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


@dataclass(frozen=True)
class ExportSkipped:
    photo_id: int | None
    name: str
    reason: str


@dataclass(frozen=True)
class ExportProgress:
    done: int
    total: int


@dataclass(frozen=True)
class ExportDone:
    written: tuple[str, ...]
    skipped: int


Event = Exported | ExportSkipped | ExportProgress | ExportDone


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
    bom: bool = False
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
        rows = catalog.photos(cat, selection.photo_ids)
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
    sink = _ZipSink(out_dir / zip_name, overwrite) if zip_name else _FolderSink(out_dir, overwrite)
    written, skipped = [], 0
    try:
        for done, output in enumerate(p.outputs, 1):
            event = _make(output, sink)
            skipped += isinstance(event, ExportSkipped)
            if isinstance(event, Exported):
                written.append(event.path)
            yield event
            yield ExportProgress(done, len(p.outputs))
        written += sink.close()
    except BaseException:
        sink.abort()
        raise
    yield ExportDone(tuple(dict.fromkeys(written)), skipped)


def _make(output: Output, sink) -> Event:
    try:
        produced = output.make()
    except copies.Skip as exc:
        return ExportSkipped(output.photo_id, output.name, str(exc))
    except (ValueError, OSError) as exc:
        return ExportSkipped(output.photo_id, output.name, f"failed: {exc}")
    notes = list(produced.notes)
    try:
        path = sink.add(output.name, produced.data)
        for name, data in produced.extra.items():
            try:
                sink.add(name, data)
            except FileExists as exc:
                notes.append(f"{exc.path.name} exists already; not replaced")
    except FileExists as exc:
        return ExportSkipped(output.photo_id, output.name, f"{exc.path} appeared meanwhile; "
                             "not replaced")
    return Exported(path, output.photo_id, tuple(notes))


class _FolderSink:
    def __init__(self, folder: Path, overwrite: bool):
        self.folder, self.overwrite = folder, overwrite

    def add(self, name: str, data: bytes) -> str:
        path = self.folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        write_new(path, data, overwrite=self.overwrite)
        return str(path)

    def close(self) -> list[str]:
        return []

    def abort(self) -> None:
        pass  # files already written are whole; the rest were never started


class _ZipSink:
    """Files go into a temp ZIP beside the target, renamed into place when all are in."""

    def __init__(self, target: Path, overwrite: bool):
        self.target, self.overwrite = target, overwrite
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        os.close(fd)
        self.tmp = Path(tmp)
        self.zip = zipfile.ZipFile(self.tmp, "w", zipfile.ZIP_DEFLATED)

    def add(self, name: str, data: bytes) -> str:
        stored = zipfile.ZIP_STORED if name.lower().endswith((".jpg", ".jpeg")) else None
        self.zip.writestr(name, data, compress_type=stored)
        return f"{self.target}:{name}"

    def close(self) -> list[str]:
        self.zip.close()
        with open(self.tmp, "rb") as fh:
            os.fsync(fh.fileno())
        try:
            move_new(self.tmp, self.target, overwrite=self.overwrite)
        finally:
            self.tmp.unlink(missing_ok=True)
        return [str(self.target)]

    def abort(self) -> None:
        try:
            self.zip.close()
        finally:
            self.tmp.unlink(missing_ok=True)
