"""XMP sidecars beside the photos: which file is a photo's sidecar, reading it, and writing it.

A photo's sidecar is, of the files that exist, the first of:
  1. NAME.xmp marked for it (photoshop:SidecarForExtension holds its extension): the one
     PhotoDesk wrote before, found again even after another photo with the same stem arrived;
  2. NAME.EXT.xmp (DSC_0412.jpg.xmp), the form darktable and digiKam use;
  3. NAME.xmp without a mark, when no other photo in the folder has the stem NAME.
A new sidecar is NAME.xmp, which Lightroom and Photo Mechanic read, when no other photo in the
folder has the stem and no NAME.xmp is there; otherwise NAME.EXT.xmp, so that same.jpg,
same.jpeg and same.png never share one. A NAME.xmp that PhotoDesk writes is marked.
"""

import os
from pathlib import Path

from defusedxml import ElementTree

from photodesk.core.formats import NOT_IMAGES
from photodesk.core.metadata.embed import WriteRefused, new_xmp_packet
from photodesk.core.metadata.files import read_only, replace_file, write_new
from photodesk.core.metadata.verify import check_packet

MARK = "Xmp.photoshop.SidecarForExtension"
MARK_TAG = "{http://ns.adobe.com/photoshop/1.0/}SidecarForExtension"
# Raw and layered files take sidecars of their own (Lightroom's DSC_0412.xmp for DSC_0412.NEF).
SIDECAR_TAKERS = frozenset(".dng .cr2 .cr3 .nef .arw .raf .orf .rw2 .psd".split())
NOT_PHOTOS = (NOT_IMAGES - SIDECAR_TAKERS) | {".xmp"}


def folder_names(folder) -> frozenset[str]:
    """The names of the files in folder (nothing when it cannot be listed)."""
    try:
        with os.scandir(folder) as entries:
            return frozenset(e.name for e in entries if not e.is_dir())
    except OSError:
        return frozenset()


def shares_stem(photo_path, names=None) -> bool:
    """Another photo (or raw file) in the folder has the same name before its extension."""
    photo = Path(photo_path)
    names = folder_names(photo.parent) if names is None else names
    stem = photo.stem.casefold()
    return any(n != photo.name and Path(n).stem.casefold() == stem
               and Path(n).suffix.lower() not in NOT_PHOTOS for n in names)


def own_sidecar(photo_path, names=None) -> Path | None:
    """The photo's existing sidecar by the rule above, or None."""
    photo = Path(photo_path)
    plain, long = photo.with_suffix(".xmp"), photo.with_name(photo.name + ".xmp")
    plain_mark = _mark(plain) if plain.is_file() and plain != photo else None
    if plain_mark is not None and _marked_for(photo, plain_mark, names):
        return plain
    if long.is_file():
        return long
    if plain_mark == "" and not shares_stem(photo, names):
        return plain
    return None


def sidecar_path(photo_path, names=None) -> Path:
    """Where the photo's sidecar is, or where a new one goes."""
    photo = Path(photo_path)
    found = own_sidecar(photo, names)
    if found is not None:
        return found
    plain = photo.with_suffix(".xmp")
    if plain != photo and not plain.exists() and not shares_stem(photo, names):
        return plain
    return photo.with_name(photo.name + ".xmp")


def unclaimed(photo_path, names=None) -> str | None:
    """Why a NAME.xmp beside the photo is not taken as its sidecar, when that is worth a word:
    it cannot be read, or it says not whose it is while several photos share NAME."""
    photo = Path(photo_path)
    plain = photo.with_suffix(".xmp")
    if plain == photo or not plain.is_file() or own_sidecar(photo, names) == plain:
        return None
    mark = _mark(plain)
    if mark is None:
        return f"{plain.name} is not readable XMP; it was left as it is"
    if mark == "" and shares_stem(photo, names):
        return (f"{plain.name} does not say which photo named {photo.stem}.* it belongs to; "
                "it was left as it is")
    return None


def read_sidecar(photo_path, names=None) -> bytes | None:
    """The XMP packet of the photo's own sidecar, or None when it has none (or it is unreadable)."""
    path = own_sidecar(photo_path, names)
    if path is None:
        return None
    try:
        return split_file(path.read_bytes())[1]
    except (OSError, ValueError):
        # A sidecar that cannot be read must not cost the photo: its own metadata is read.
        return None


def _marked_for(photo: Path, mark: str, names) -> bool:
    """The mark names this photo's extension: exactly, or in another case when no other photo
    with the same stem has that extension too (same.JPG and same.jpg in one folder)."""
    ext = photo.suffix[1:]
    if not mark or not ext:
        return False
    if mark == ext:
        return True
    if mark.casefold() != ext.casefold():
        return False
    names = folder_names(photo.parent) if names is None else names
    return not any(n != photo.name and Path(n).stem.casefold() == photo.stem.casefold()
                   and Path(n).suffix[1:] == mark for n in names)


def _mark(path: Path) -> str | None:
    """The sidecar's photoshop:SidecarForExtension, "" when it has none, None when the file
    cannot be read as XML (then it is nobody's, and never replaced)."""
    try:
        root = ElementTree.fromstring(split_file(path.read_bytes())[1].rstrip(b"\x00 \t\r\n"))
    except (OSError, ElementTree.ParseError, ValueError):
        return None
    for element in root.iter():
        value = element.get(MARK_TAG) if element.tag.endswith("Description") else None
        if value is None and element.tag == MARK_TAG:
            value = element.text
        if value is not None:
            return value.strip()
    return ""


# --- writing ---------------------------------------------------------------------------------

def sidecar_packet(values: dict, base: bytes | None, extra: dict | None = None) -> bytes:
    """A verified XMP packet: base (an existing packet, or None) with values applied."""
    packet = new_xmp_packet(base, values, extra)
    check_packet(base, packet, values, extra)
    return packet


def write_sidecar(photo_path, values: dict, embedded: bytes | None = None, names=None) -> Path:
    """Write (or update) the photo's sidecar; an existing sidecar's other properties stay.

    embedded seeds a new sidecar with the photo's own XMP; when that XMP cannot be read, the
    sidecar starts empty (the photo keeps its XMP untouched either way)."""
    photo = Path(photo_path)
    path = sidecar_path(photo, names)
    extra = {MARK: photo.suffix[1:]} if path.name == photo.stem + ".xmp" and photo.suffix else None
    if path.exists():
        if read_only(path):
            raise WriteRefused(f"its sidecar {path.name} is read-only")
        head, base = split_file(path.read_bytes())
        packet = sidecar_packet(values, base, extra)  # an unreadable sidecar is refused, not replaced
        replace_file(path, head + packet, path.stat())
        return path
    try:
        packet = sidecar_packet(values, embedded, extra)
    except WriteRefused:
        if embedded is None:
            raise
        packet = sidecar_packet(values, None, extra)
    write_new(path, packet)
    return path


def split_file(text: bytes) -> tuple[bytes, bytes]:
    """A sidecar file as (what comes before the packet: a BOM, an XML declaration, kept as they
    were; the packet)."""
    rest = text.removeprefix(b"\xef\xbb\xbf").lstrip()
    if rest.startswith(b"<?xml "):
        rest = rest[rest.index(b"?>") + 2:].lstrip()
    return text[:len(text) - len(rest)], rest
