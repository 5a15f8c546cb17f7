"""Writing the catalog's fields back to photos: embedded losslessly and verified, or as sidecars.

write_photos() is a generator of events for the CLI and the GUI alike: Written, and core/jobs.py's
Failed (the photo untouched), Skipped (nothing to write) and Progress. A file is replaced only
after its new bytes were proved to be the old bytes plus our XMP and IIM (verify.py), through a
temp file in its folder, fsync and one rename (safefile.py).
Every JPEG whose new bytes pass that proof is written embedded, whatever exiv2 thinks of its
EXIF (which is copied, never parsed); a sidecar is written only when the proof fails or the file
cannot take it (read-only, not a JPEG), and the reason is told.
"""

import json
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from photodesk.core import thumbs
from photodesk.core.catalog import Catalog
from photodesk.core import catalog
from photodesk.core.fields import BY_NAME
from photodesk.core.jobs import Failed, Progress, Skipped
from photodesk.core.metadata.embed import WriteRefused, embed
from photodesk.core.metadata.exiv2 import Exiv2Problem, check_file
from photodesk.core.metadata.files import FileChanged, clean_temps, read_only, replace_file
from photodesk.core.metadata.jpeg import JpegError, is_jpeg
from photodesk.core.metadata.sidecar import (
    folder_names, own_sidecar, sidecar_path, unclaimed, write_sidecar,
)
from photodesk.core.metadata.values import WRITABLE, Cut, catalog_values, normalised
from photodesk.core.metadata.verify import packet, verify_jpeg

WRITABLE_NAMES = tuple(f.name for f in WRITABLE)
ASKED = "sidecar asked for"


@dataclass(frozen=True)
class Written:
    photo_id: int | None
    path: str
    target: str                    # "file" (embedded) or "sidecar"
    written_to: str                # the photo itself, or its sidecar
    fields: tuple[str, ...]
    notes: tuple[str, ...] = ()    # IIM cuts, and why a sidecar was written instead


Event = Written | Failed | Skipped | Progress


@dataclass
class FileResult:
    target: str
    written_to: Path
    cuts: list[Cut] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    data: bytes | None = None            # the new bytes of an embedded write
    stat: os.stat_result | None = None


@dataclass
class Plan:
    """What a write of one file will do: target "file", "sidecar" or "none" (nothing can be
    written), why not embedded, and the embedded bytes already made and proved."""
    target: str
    reason: str | None = None
    sidecar: Path | None = None
    new: bytes | None = None
    cuts: list[Cut] = field(default_factory=list)


class Listings:
    """Each folder's file names, read once per run (sidecar names and temp files need them)."""

    def __init__(self):
        self._names: dict[Path, frozenset[str]] = {}

    def __call__(self, path) -> frozenset[str]:
        folder = Path(path).parent
        if folder not in self._names:
            self._names[folder] = folder_names(folder)
        return self._names[folder]


def write_photos(cat: Catalog, photo_ids, *, sidecar: bool = False, fields=None,
                 damaged_exif: str = "embed") -> Iterator[Event]:
    """Write each photo's changed fields (or the named fields) to its file, one at a time.

    sidecar: write the sidecar instead of touching the photo. damaged_exif: "embed" (embed
    whenever the written file proves exact; the EXIF bytes are copied, never parsed) or
    "sidecar" (the earlier rule: a sidecar for every file exiv2 warns about)."""
    ids = list(photo_ids)
    listings, started = Listings(), time.monotonic()
    for done, pid in enumerate(ids, 1):
        yield write_photo(cat, pid, sidecar=sidecar, fields=fields, damaged_exif=damaged_exif,
                          listings=listings)
        yield Progress(done, len(ids), started)


def write_photo(cat: Catalog, photo_id: int, *, sidecar: bool = False, fields=None,
                damaged_exif: str = "embed",
                listings: Listings | None = None) -> Written | Failed | Skipped:
    """One photo written (Written), not written and untouched (Failed), or with nothing to
    write (Skipped)."""
    row = catalog.photos.photo(cat, photo_id)
    if row is None:
        return Failed("", f"no photo {photo_id} in the catalog", photo_id)
    names = fields_to_write(row, fields)
    if not names and not sidecar:
        return Skipped(row["path"], "no field was changed since the last write", photo_id)
    values = catalog_values(row, names)
    full = catalog_values(row, [n for n in WRITABLE_NAMES if row.get(n) not in (None, "", [])])
    try:
        result = write_file(row["path"], values, sidecar=sidecar, damaged_exif=damaged_exif,
                            sidecar_values={**full, **values},
                            names=(listings or Listings())(row["path"]))
    except WriteRefused as exc:
        return Failed(row["path"], str(exc), photo_id)
    if result.target == "file":
        new_hash = thumbs.content_hash_of(result.data)
        with cat.transaction():
            catalog.edits.record_written(cat, photo_id, result.stat.st_size, result.stat.st_mtime_ns,
                                   new_hash, names)
        _carry_thumbnails(cat.thumbs_dir, row.get("hash"), new_hash)
    else:
        with cat.transaction():
            _record_sidecar_written(cat, row, names)
    notes = tuple(c.message for c in result.cuts) + tuple(result.notes)
    return Written(photo_id, row["path"], result.target, str(result.written_to),
                   tuple(names if result.target == "file" else sorted({**full, **values})), notes)


def _record_sidecar_written(cat: Catalog, row: dict, names: list[str]) -> None:
    """The edits are in the photo's sidecar now, so they no longer wait to be written; the
    photo itself did not change, so its size, time and hash stay the catalog's."""
    catalog.edits.record_sidecar_written(cat, row["id"], names)


def fields_to_write(row: dict, fields=None) -> list[str]:
    """The named fields, or those the editor changed (waiting to be written, or written to the
    sidecar only: a photo asked for again gets them embedded); only fields files can carry."""
    wanted = fields if fields is not None else (
        json.loads(row.get("edited") or "[]") + json.loads(row.get("sidecar_fields") or "[]"))
    unknown = set(wanted) - set(WRITABLE_NAMES)
    if fields is not None and unknown:
        raise ValueError(f"not a writable field: {', '.join(sorted(unknown))}")
    return [n for n in WRITABLE_NAMES if n in set(wanted)]


def write_file(path, values: dict, *, sidecar: bool = False, damaged_exif: str = "embed",
               sidecar_values: dict | None = None, names=None) -> FileResult:
    """Write values into the file at path (or its sidecar). Raises WriteRefused with the reason
    when neither can be written; the photo is then untouched. names: the folder's file names,
    when the caller has them."""
    path = Path(path)
    names = folder_names(path.parent) if names is None else names
    for target in (path, path.with_suffix(".xmp"), path.with_name(path.name + ".xmp")):
        clean_temps(target, names)  # what a write killed midway left beside it
    values = _normalised(values)
    sidecar_values = _normalised(sidecar_values) if sidecar_values is not None else values
    try:
        data = path.read_bytes()
        before = os.stat(path)
    except OSError as exc:
        raise WriteRefused(f"cannot read it: {exc.strerror or exc}") from exc
    plan = plan_file(path, data, values, sidecar=sidecar, damaged_exif=damaged_exif, names=names)
    if plan.target == "none":
        raise WriteRefused(plan.reason)
    if plan.target == "file":
        try:
            stat = replace_file(path, plan.new, before)
        except FileChanged as exc:
            raise WriteRefused(str(exc)) from exc
        except OSError as exc:
            plan.reason = f"it could not be replaced ({exc.strerror or exc})"
        else:
            notes = _sync_sidecar(path, values, names)
            return FileResult("file", path, plan.cuts, notes, plan.new, stat)
    return _sidecar_file(path, data, sidecar_values, plan.reason, names)


def _normalised(values: dict) -> dict:
    return {n: normalised(BY_NAME[n], v) for n, v in values.items()}


def plan_file(path: Path, data: bytes, values: dict, *, sidecar: bool = False,
              damaged_exif: str = "embed", names=None) -> Plan:
    """Decide, without writing anything, where values would go: the embedded write is made
    and proved in memory; the pre-flight report and the write itself both ask this."""
    path = Path(path)
    if read_only(path.parent):
        return Plan("none", "cannot be written: the folder is read-only (no sidecar can go "
                    "there either)")
    reason = ASKED if sidecar else _why_not_embedded(path, data, damaged_exif)
    if reason is None:
        try:
            new, cuts = embed(data, values)
            verify_jpeg(data, new, values)
            return Plan("file", new=new, cuts=cuts)
        except (WriteRefused, Exiv2Problem, JpegError) as exc:
            reason = f"it could not be written exactly ({exc})"
    side = sidecar_path(path, names)
    if side.exists() and read_only(side):
        why = "" if reason == ASKED else f"{reason}, and "
        return Plan("none", f"cannot be written: {why}its sidecar {side.name} is read-only",
                    side)
    return Plan("sidecar", reason, side)


def _why_not_embedded(path: Path, data: bytes, damaged_exif: str) -> str | None:
    if not is_jpeg(data):
        return "only JPEG files get embedded metadata"
    if read_only(path):
        return "the file is read-only"
    if damaged_exif == "sidecar":  # the old rule, kept for those who ask for it
        problem = check_file(data)
        if problem:
            return f"exiv2 reports a problem in the file ({problem})"
    return None


def _sync_sidecar(path: Path, values: dict, names) -> list[str]:
    """A photo that has a sidecar of its own gets the same values there too, so the two never
    disagree (readers such as darktable take the sidecar)."""
    side = own_sidecar(path, names)
    if side is None or not {n for n in values if BY_NAME[n].xmp}:
        return []
    try:
        write_sidecar(path, {n: v for n, v in values.items() if BY_NAME[n].xmp}, names=names)
    except (WriteRefused, Exiv2Problem, OSError) as exc:
        return [f"its sidecar {side.name} could not be updated too ({exc}); it holds the "
                "older values"]
    return []


def _sidecar_file(path: Path, data: bytes, values: dict, reason: str, names) -> FileResult:
    try:
        embedded = packet(data) if is_jpeg(data) else None
    except JpegError:
        embedded = None
    try:
        written = write_sidecar(path, values, embedded, names)
    except (WriteRefused, Exiv2Problem) as exc:
        raise WriteRefused(f"{reason}; the sidecar could not be written either ({exc})") from exc
    except OSError as exc:
        raise WriteRefused(f"{reason}; the sidecar could not be written either "
                           f"({exc.strerror or exc})") from exc
    note = [] if reason == ASKED else [f"written to the sidecar: {reason}"]
    other = unclaimed(path, names)
    return FileResult("sidecar", written, [], note + ([other] if other else []))


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
