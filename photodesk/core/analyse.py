"""Reading one image file into catalog facts: content hash, metadata and thumbnails (runs in workers)."""

import json
import os
from pathlib import Path

from photodesk.core.fields import BY_NAME, Kind
from photodesk.core.formats import sniff
from photodesk.core.metadata.read import read_metadata
from photodesk.core.thumbs import ThumbnailError, content_hash_of, make_thumbnails

IMAGE_SUFFIXES = frozenset(".jpg .jpeg .jpe .png .tif .tiff .webp .heic .heif".split())


def analyse(path: str, size: int, mtime_ns: int, thumbs_dir: str) -> dict:
    """One file's outcome as a plain dict (it crosses process boundaries).

    "outcome" is "photo" (record and lists follow), "skip" (not ours, or not finished) or
    "unreadable" (recorded with its reason, so the editor sees it).
    """
    try:
        with open(path, "rb") as fh:
            data = fh.read()
        after = os.stat(path)
    except OSError as exc:
        return {"outcome": "skip", "reason": f"cannot read: {exc.strerror or exc}"}
    if (after.st_size, after.st_mtime_ns) != (size, mtime_ns) or len(data) != after.st_size:
        return {"outcome": "skip", "reason": "still being written (size or time changed)"}
    fmt = sniff(data[:16])
    if fmt is None:
        if Path(path).suffix.lower() not in IMAGE_SUFFIXES:
            return {"outcome": "skip", "reason": "not an image"}
        reason = "empty file (0 bytes)" if not data else "not an image: its content is no known image format"
        return {"outcome": "unreadable", "reason": reason, "record": {"format": None}}
    return _photo(data, fmt, thumbs_dir)


def _photo(data: bytes, fmt: str, thumbs_dir: str) -> dict:
    content_hash = content_hash_of(data)
    meta = read_metadata(data)
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
    outcome = "photo"
    try:
        decoded = make_thumbnails(data, Path(thumbs_dir), content_hash)
        record.update(width=decoded.width, height=decoded.height)
        if decoded.truncated:
            warnings.append("image data is truncated: the thumbnail shows only what is there")
    except ThumbnailError as exc:
        outcome, record["status_reason"] = "unreadable", str(exc)
    record["warnings"] = json.dumps(warnings, ensure_ascii=False) if warnings else None
    return {"outcome": outcome, "record": record, "lists": lists,
            "reason": record.get("status_reason")}
