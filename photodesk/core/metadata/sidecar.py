"""XMP sidecars (NAME.xmp beside the photo): built from the existing sidecar or the embedded XMP."""

from pathlib import Path

from photodesk.core.metadata.embed import WriteRefused, new_xmp_packet
from photodesk.core.metadata.exiv2 import Exiv2Problem
from photodesk.core.metadata.files import replace_file, write_new
from photodesk.core.metadata.verify import check_packet


def sidecar_path(photo_path) -> Path:
    """DSC_0412.jpg -> DSC_0412.xmp, the name Adobe and Photo Mechanic look for."""
    return Path(photo_path).with_suffix(".xmp")


def sidecar_packet(values: dict, base: bytes | None) -> bytes:
    """A verified XMP packet: base (an existing packet, or None) with values applied."""
    try:
        packet = new_xmp_packet(base, values)
    except Exiv2Problem as exc:
        raise WriteRefused(f"its XMP cannot be read ({exc})") from exc
    check_packet(base, packet, values)
    return packet


def write_sidecar(photo_path, values: dict, embedded: bytes | None = None) -> Path:
    """Write (or update) the sidecar of photo_path; an existing sidecar's other properties stay.

    embedded seeds a new sidecar with the photo's own XMP; when that XMP cannot be read, the
    sidecar starts empty (the photo keeps its XMP untouched either way)."""
    path = sidecar_path(photo_path)
    if path.exists():
        packet = sidecar_packet(values, _bare(path.read_bytes()))  # an unreadable sidecar is refused, not replaced
        replace_file(path, packet, path.stat())
        return path
    try:
        packet = sidecar_packet(values, embedded)
    except WriteRefused:
        if embedded is None:
            raise
        packet = sidecar_packet(values, None)
    write_new(path, packet)
    return path


def _bare(text: bytes) -> bytes:
    """A sidecar file's packet without the BOM or XML declaration some writers put first."""
    text = text.removeprefix(b"\xef\xbb\xbf").lstrip()
    if text.startswith(b"<?xml "):
        text = text[text.index(b"?>") + 2:].lstrip()
    return text
