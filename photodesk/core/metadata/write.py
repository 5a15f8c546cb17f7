"""Writing the catalog's fields back to photos: embedded losslessly and verified, or as sidecars.

write_photos() is a generator of events (Written, NotWritten, Unchanged, Progress) for the CLI
and the GUI alike. A file is replaced only after its new bytes were proved to be the old bytes
plus our XMP and IIM (verify.py), through a temp file in its folder, fsync and one rename.
"""

import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from photodesk.core import thumbs
from photodesk.core.catalog import Catalog
from photodesk.core.catalog import photos as catalog
from photodesk.core.metadata.embed import WriteRefused, embed
from photodesk.core.metadata.exiv2 import Exiv2Problem, check_file
from photodesk.core.metadata.files import FileChanged, read_only, replace_file
from photodesk.core.metadata.jpeg import JpegError, is_jpeg
from photodesk.core.metadata.sidecar import write_sidecar
from photodesk.core.fields import BY_NAME
from photodesk.core.metadata.values import WRITABLE, Cut, catalog_values, normalised
from photodesk.core.metadata.verify import packet, verify_jpeg

WRITABLE_NAMES = tuple(f.name for f in WRITABLE)


@dataclass(frozen=True)
class Written:
    photo_id: int | None
    path: str
    target: str                    # "file" (embedded) or "sidecar"
    written_to: str                # the photo itself, or its sidecar
    fields: tuple[str, ...]
    notes: tuple[str, ...] = ()    # IIM cuts, and why a sidecar was written instead


@dataclass(frozen=True)
class NotWritten:
    photo_id: int | None
    path: str
    reason: str


@dataclass(frozen=True)
class Unchanged:
    photo_id: int
    path: str
    reason: str


@dataclass(frozen=True)
class Progress:
    done: int
    total: int


Event = Written | NotWritten | Unchanged | Progress


@dataclass
class FileResult:
    target: str
    written_to: Path
    cuts: list[Cut] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    data: bytes | None = None            # the new bytes of an embedded write
    stat: os.stat_result | None = None


def write_photos(cat: Catalog, photo_ids, *, sidecar: bool = False, fields=None,
                 damaged_exif: str = "sidecar") -> Iterator[Event]:
    """Write each photo's changed fields (or the named fields) to its file, one at a time.

    sidecar: write NAME.xmp instead of touching the photo. damaged_exif: "sidecar" (when exiv2
    warns about the file, write a sidecar) or "embed" (embed anyway: the EXIF bytes are copied
    untouched, never parsed and rewritten)."""
    ids = list(photo_ids)
    for done, pid in enumerate(ids, 1):
        yield write_photo(cat, pid, sidecar=sidecar, fields=fields, damaged_exif=damaged_exif)
        yield Progress(done, len(ids))


def write_photo(cat: Catalog, photo_id: int, *, sidecar: bool = False, fields=None,
                damaged_exif: str = "sidecar") -> Written | NotWritten | Unchanged:
    row = catalog.photo(cat, photo_id)
    if row is None:
        return NotWritten(photo_id, "", f"no photo {photo_id} in the catalog")
    names = fields_to_write(row, fields)
    if not names and not sidecar:
        return Unchanged(photo_id, row["path"], "no field was changed since the last write")
    values = catalog_values(row, names)
    full = catalog_values(row, [n for n in WRITABLE_NAMES if row.get(n) not in (None, "", [])])
    try:
        result = write_file(row["path"], values, sidecar=sidecar, damaged_exif=damaged_exif,
                            sidecar_values={**full, **values})
    except WriteRefused as exc:
        return NotWritten(photo_id, row["path"], str(exc))
    if result.target == "file":
        new_hash = thumbs.content_hash_of(result.data)
        with cat.transaction():
            catalog.record_written(cat, photo_id, result.stat.st_size, result.stat.st_mtime_ns,
                                   new_hash, names)
        _carry_thumbnails(cat.thumbs_dir, row.get("hash"), new_hash)
    notes = tuple(c.message for c in result.cuts) + tuple(result.notes)
    return Written(photo_id, row["path"], result.target, str(result.written_to),
                   tuple(names if result.target == "file" else sorted({**full, **values})), notes)


def fields_to_write(row: dict, fields=None) -> list[str]:
    """The named fields, or those the editor changed; only fields that files can carry."""
    wanted = fields if fields is not None else json.loads(row.get("edited") or "[]")
    unknown = set(wanted) - set(WRITABLE_NAMES)
    if fields is not None and unknown:
        raise ValueError(f"not a writable field: {', '.join(sorted(unknown))}")
    return [n for n in WRITABLE_NAMES if n in set(wanted)]


def write_file(path, values: dict, *, sidecar: bool = False, damaged_exif: str = "sidecar",
               sidecar_values: dict | None = None) -> FileResult:
    """Write values into the file at path (or its sidecar). Raises WriteRefused with the reason
    when neither can be written; the photo is then untouched."""
    path = Path(path)
    values = {n: normalised(BY_NAME[n], v) for n, v in values.items()}
    if sidecar_values is not None:
        sidecar_values = {n: normalised(BY_NAME[n], v) for n, v in sidecar_values.items()}
    try:
        data = path.read_bytes()
        before = os.stat(path)
    except OSError as exc:
        raise WriteRefused(f"cannot read it: {exc.strerror or exc}") from exc
    reason = _why_sidecar(path, data, sidecar, damaged_exif)
    if reason is None:
        try:
            return _embed_file(path, data, before, values)
        except (WriteRefused, Exiv2Problem, JpegError) as exc:
            reason = f"it could not be written safely ({exc})"
        except FileChanged as exc:
            raise WriteRefused(str(exc)) from exc
        except OSError as exc:
            reason = f"it could not be replaced ({exc.strerror or exc})"
    return _sidecar_file(path, data, sidecar_values or values, reason)


def _why_sidecar(path: Path, data: bytes, sidecar: bool, damaged_exif: str) -> str | None:
    if sidecar:
        return "sidecar asked for"
    if not is_jpeg(data):
        return "only JPEG files get embedded metadata"
    if read_only(path):
        return "the file is read-only"
    if damaged_exif == "sidecar":
        problem = check_file(data)
        if problem:
            return f"exiv2 reports a problem in the file ({problem})"
    return None


def _embed_file(path: Path, data: bytes, before: os.stat_result, values: dict) -> FileResult:
    new, cuts = embed(data, values)
    verify_jpeg(data, new, values)
    stat = replace_file(path, new, before)
    return FileResult("file", path, cuts, [], new, stat)


def _sidecar_file(path: Path, data: bytes, values: dict, reason: str) -> FileResult:
    try:
        embedded = packet(data) if is_jpeg(data) else None
    except JpegError:
        embedded = None
    try:
        written = write_sidecar(path, values, embedded)
    except (WriteRefused, Exiv2Problem) as exc:
        raise WriteRefused(f"{reason}; the sidecar could not be written either ({exc})") from exc
    except OSError as exc:
        raise WriteRefused(f"{reason}; the sidecar could not be written either "
                           f"({exc.strerror or exc})") from exc
    note = [] if reason == "sidecar asked for" else [f"written to the sidecar: {reason}"]
    return FileResult("sidecar", written, [], note)


def _carry_thumbnails(cache: Path, old_hash: str | None, new_hash: str) -> None:
    """The image data did not change, so the thumbnails under the old hash serve the new one."""
    if not old_hash or old_hash == new_hash:
        return
    for size in thumbs.SIZES:
        source = thumbs.thumb_path(cache, old_hash, size)
        dest = thumbs.thumb_path(cache, new_hash, size)
        if source.exists() and not dest.exists():
            dest.parent.mkdir(parents=True, exist_ok=True)
            try:
                shutil.copyfile(source, dest)
            except OSError:
                pass  # a missing thumbnail is made again at the next index
