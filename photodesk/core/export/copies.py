"""Per-photo export files: JPEG copies with the catalog's metadata embedded (re-encoded only
when resized) and XMP sidecars."""

import io
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from photodesk.core.metadata.embed import WriteRefused, embed, raw
from photodesk.core.metadata.exiv2 import Exiv2Problem
from photodesk.core.metadata.jpeg import APP1, APP13, SOI, JpegError, is_jpeg, layout
from photodesk.core.metadata.sidecar import sidecar_packet
from photodesk.core.metadata.values import WRITABLE, catalog_values
from photodesk.core.metadata.verify import packet, verify_jpeg

COMMENT = 0xFE


class Skip(Exception):
    """This photo gives no file in this export; the message says why."""


@dataclass
class Produced:
    data: bytes
    notes: list[str] = field(default_factory=list)
    extra: dict[str, bytes] = field(default_factory=dict)  # name -> bytes, beside the main file


def photo_values(row: dict, caption: str | None = None) -> dict:
    """Every writable field the catalog has a value for, normalised for writing; caption (a
    template's text) replaces the catalog's caption in the exported file only."""
    values = catalog_values(row, [f.name for f in WRITABLE
                                  if row.get(f.name) not in (None, "", [])])
    if caption is not None:
        values.update(catalog_values({"caption": caption}, ["caption"]))
    return values


def _original(row: dict) -> bytes:
    if row.get("status") == "missing":
        raise Skip("the file is missing")
    try:
        return Path(row["path"]).read_bytes()
    except OSError as exc:
        raise Skip(f"cannot read the file ({exc.strerror or exc})") from exc


def jpeg_copy(row: dict, sidecar_name: str, *, long_edge: int | None = None,
              quality: int = 90, caption: str | None = None) -> Produced:
    """The photo as a JPEG with the catalog's fields in XMP and IIM.

    Without long_edge the image data are the original bytes; with it (and only then) the image
    is re-encoded, its EXIF, XMP, IPTC and comments carried over. When the metadata cannot be
    embedded safely, the copy is the original bytes and an XMP sidecar goes beside it."""
    data = _original(row)
    if not is_jpeg(data):
        raise Skip("not a JPEG: only JPEG files are copied")
    notes = []
    if long_edge:
        data, note = resized(data, long_edge, quality)
        notes += [note] if note else []
    values = photo_values(row, caption)
    try:
        new, cuts = embed(data, values)
        verify_jpeg(data, new, values)
    except (WriteRefused, Exiv2Problem, JpegError) as exc:
        side = sidecar_packet(values, _packet_or_none(data))
        return Produced(data, notes + [f"metadata not embedded ({exc}); written to "
                                       f"{sidecar_name}"], {sidecar_name: side})
    return Produced(new, notes + [c.message for c in cuts])


def _packet_or_none(data: bytes) -> bytes | None:
    try:
        return packet(data)
    except JpegError:
        return None


def xmp_sidecar(row: dict, caption: str | None = None) -> Produced:
    """An XMP sidecar from the photo's own XMP (when readable) and the catalog's fields."""
    values = photo_values(row, caption)
    base = None
    try:
        data = _original(row)
        base = _packet_or_none(data) if is_jpeg(data) else None
    except Skip:
        pass  # the catalog alone still makes a sidecar
    try:
        return Produced(sidecar_packet(values, base))
    except WriteRefused:
        if base is None:
            raise
        return Produced(sidecar_packet(values, None),
                        ["the photo's own XMP could not be read; the sidecar holds the "
                         "catalog's fields only"])


def resized(data: bytes, long_edge: int, quality: int) -> tuple[bytes, str | None]:
    """The JPEG scaled down to long_edge and re-encoded, with the original's metadata segments.

    The pixels keep their stored orientation, so the EXIF orientation tag stays true."""
    try:
        image = Image.open(io.BytesIO(data))
        width, height = image.size
        if max(width, height) <= long_edge:
            return data, f"already {width}×{height}: not resized, not re-encoded"
        image.draft(image.mode, (long_edge, long_edge))
        image.thumbnail((long_edge, long_edge), Image.Resampling.LANCZOS)
        if image.mode not in ("RGB", "L", "CMYK"):
            image = image.convert("RGB")
        buf = io.BytesIO()
        image.save(buf, "JPEG", quality=quality, optimize=True,
                   icc_profile=image.info.get("icc_profile"))
    except Exception as exc:  # Pillow raises many kinds on damaged data
        raise Skip(f"could not be resized ({exc})") from exc
    return graft(data, buf.getvalue()), None


def graft(original: bytes, encoded: bytes) -> bytes:
    """encoded's image with original's EXIF, XMP, IPTC and comment segments (its own JFIF,
    ICC and Adobe segments describe how to decode it, so they come from the encoder)."""
    keep = [raw(original, s) for s in layout(original).segments
            if s.marker in (APP1, APP13, COMMENT)]
    lay = layout(encoded)
    head = [raw(encoded, s) for s in lay.segments if s.marker == 0xE0]
    rest = [raw(encoded, s) for s in lay.segments if s.marker != 0xE0]
    return SOI + b"".join(head + keep + rest) + lay.image_data(encoded)


