"""Reading one image file into catalog facts: hash, metadata, thumbnails, fingerprint (in workers)."""

import errno
import json
import os
from pathlib import Path

from photodesk.core import fingerprint
from photodesk.core.fields import BY_NAME, Kind
from photodesk.core.formats import sniff
from photodesk.core.metadata.read import read_metadata
from photodesk.core.metadata.sidecar import read_sidecar
from photodesk.core.thumbs import ThumbnailError, content_hash_of, make_thumbnails

IMAGE_SUFFIXES = frozenset(".jpg .jpeg .jpe .png .tif .tiff .webp .heic .heif".split())
# Errors that say nothing about the file itself: the same file may read well in a minute.
PASSING_ERRNOS = frozenset({
    errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EACCES, errno.EPERM, errno.EAGAIN,
    errno.EBUSY, errno.ETIMEDOUT, errno.ENOMEM, errno.ESTALE, errno.EINTR, errno.ENOTCONN,
    errno.EHOSTDOWN, errno.EHOSTUNREACH, errno.ECONNRESET, errno.ENOLCK, errno.EROFS,
    errno.EMFILE, errno.ENFILE,
})


def failure_of(exc: BaseException) -> str:
    """"passing" for a fault of the moment (disk, network, memory), else "permanent"."""
    if isinstance(exc, MemoryError):
        return "passing"
    if isinstance(exc, OSError) and exc.errno in PASSING_ERRNOS:
        return "passing"
    return "permanent"


def failed(reason: str, exc: BaseException | None = None, failure: str | None = None) -> dict:
    """An unreadable outcome with its failure kind; nothing else is known of the file."""
    return {"outcome": "unreadable", "reason": reason,
            "failure": failure or (failure_of(exc) if exc else "permanent")}


def analyse(path: str, size: int, mtime_ns: int, thumbs_dir: str) -> dict:
    """One file's outcome as a plain dict (it crosses process boundaries).

    "outcome" is "photo" (record and lists follow), "skip" (not ours, or not finished) or
    "unreadable" (recorded with its reason, so the editor sees it, and its "failure":
    "passing" when it is worth reading again unchanged, else "permanent").
    """
    try:
        with open(path, "rb") as fh:
            data = fh.read()
        after = os.stat(path)
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError) as exc:
        return {"outcome": "skip", "reason": f"cannot read: {exc.strerror or exc}"}
    except (OSError, MemoryError) as exc:
        return failed(f"cannot read: {_why(exc)}", exc)
    if (after.st_size, after.st_mtime_ns) != (size, mtime_ns) or len(data) != after.st_size:
        return {"outcome": "skip", "reason": "still being written (size or time changed)"}
    fmt = sniff(data[:16])
    if fmt is None:
        if Path(path).suffix.lower() not in IMAGE_SUFFIXES:
            return {"outcome": "skip", "reason": "not an image"}
        reason = "empty file (0 bytes)" if not data else "not an image: its content is no known image format"
        return {**failed(reason), "record": {"format": None}}
    try:
        # Edits written to the photo's XMP sidecar come before what the file itself says.
        return _photo(data, fmt, thumbs_dir, _sidecar_of(path))
    except (OSError, MemoryError) as exc:
        # Reading went well but a thumbnail could not be saved (a full disk, most often):
        # what was read is kept, and the file is read again once the fault has passed.
        return failed(f"could not be indexed: {_why(exc)}", exc)
    except Exception as exc:  # a reader's bug on one file must not stop the run
        return failed(f"reading failed: {exc}", exc)


def _sidecar_of(path: str) -> bytes | None:
    try:
        return read_sidecar(path)
    except Exception:  # a broken sidecar costs the sidecar, never the photo
        return None


def _why(exc: BaseException) -> str:
    if isinstance(exc, MemoryError):
        return "out of memory"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror + (f" ({exc.filename})" if exc.filename else "")
    return str(exc)


def metadata_part(data: bytes, fmt: str) -> bytes:
    """What the metadata readers need of a file: of a JPEG only its header, every segment
    before the image data. pyexiv2 copies and scans all the bytes it is given (19 ms for an
    11 MB camera file) although exiv2 stops reading a JPEG where its image data starts; the
    header alone costs 0.05 ms and reads the same. Any other format, or a JPEG header that
    cannot be walked to its image data (damaged), is given whole, as before."""
    end = _jpeg_image_data_start(data) if fmt == "JPEG" else None
    return data if end is None else data[:end] + b"\xff\xd9"  # closed by an end-of-image


def _jpeg_image_data_start(data: bytes) -> int | None:
    """Offset of a JPEG's first start-of-scan marker, walking the segments from the start."""
    i, n = 2, len(data)
    while i + 4 <= n:
        if data[i] != 0xFF:
            return None  # not a marker where one must be: damaged, let the readers judge
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte before a marker
            i += 1
        elif marker == 0xDA:
            return i
        elif marker == 0x01 or 0xD0 <= marker <= 0xD8:  # markers without a length
            i += 2
        else:
            i += 2 + int.from_bytes(data[i + 2:i + 4], "big")
    return None


def _photo(data: bytes, fmt: str, thumbs_dir: str, sidecar: bytes | None = None) -> dict:
    content_hash = content_hash_of(data)
    meta = read_metadata(metadata_part(data, fmt), sidecar)
    record = {"hash": content_hash, "format": fmt, **meta.facts}
    lists = {}
    for name, value in meta.fields.items():
        f = BY_NAME[name]
        if name in ("keywords", "people"):
            lists[name] = value
        elif name == "event":
            lists["event"] = [value]
        elif f.kind in (Kind.BAG, Kind.SEQ):
            record[name] = "; ".join(value)
        else:
            record[name] = value
    rating = record.pop("rating", None)
    if rating is not None and 1 <= rating <= 5:
        record["rating"] = int(rating)
    warnings = list(meta.warnings)
    outcome, failure, look = "photo", None, {}
    try:
        decoded = make_thumbnails(data, Path(thumbs_dir), content_hash)
        record.update(width=decoded.width, height=decoded.height)
        if decoded.truncated:
            warnings.append("image data is truncated: the thumbnail shows only what is there")
        look = _look(decoded, thumbs_dir, content_hash)
    except ThumbnailError as exc:
        outcome, failure, record["status_reason"] = "unreadable", "permanent", str(exc)
    except (OSError, MemoryError) as exc:
        # The metadata was read; only the thumbnails could not be saved. Keep what was read.
        outcome, failure = "unreadable", failure_of(exc)
        record["status_reason"] = f"thumbnails could not be saved: {_why(exc)}"
    record["warnings"] = json.dumps(warnings, ensure_ascii=False) if warnings else None
    return {"outcome": outcome, "record": record, "lists": lists,
            "reason": record.get("status_reason"), "failure": failure, **look}


def _look(decoded, thumbs_dir: str, content_hash: str) -> dict:
    """{"fingerprint": …} of the photo, from the 256 px image just made for its thumbnail, or
    from the cached one when its thumbnails were there already; None for a truncated file
    (the grey its missing part shows would be compared); {} when the cached thumbnail cannot
    be read (the next index tries again)."""
    if decoded.truncated:
        return {"fingerprint": None}
    if decoded.small is not None:
        return {"fingerprint": fingerprint.of_image(decoded.small)}
    try:
        return {"fingerprint": fingerprint.of_thumbnail(thumbs_dir, content_hash)}
    except OSError:
        return {}
