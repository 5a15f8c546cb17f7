"""Proof that a rewritten JPEG is the original plus our values: read back before it replaces anything."""

import pyexiv2
from defusedxml import ElementTree

from photodesk.core.fields import BY_NAME, Kind
from photodesk.core.metadata import iim
from photodesk.core.metadata.embed import (
    APP1, NAMESPACES, WriteRefused, metadata_segments, signed, xmp_carrier,
)
from photodesk.core.metadata.exiv2 import Exiv2Problem, watched
from photodesk.core.metadata.jpeg import XMP_SIG, JpegError, layout
from photodesk.core.metadata.values import X_DEFAULT, iim_values

RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
# The XMP toolkit turns a legacy rdf:about="uuid:…" into this property when it re-serialises.
TOOLKIT_ADDS = {"Xmp.xmpMM.InstanceID"}


def verify_jpeg(original: bytes, new: bytes, values: dict) -> None:
    """Raise WriteRefused unless new differs from original only by values in XMP and IIM."""
    try:
        before, after = layout(original), layout(new)
    except JpegError as exc:
        raise WriteRefused(f"the rewritten file is not a valid JPEG ({exc})") from exc
    if before.image_data(original) != after.image_data(new):
        raise WriteRefused("the image data would change")
    if _kept(before.segments) != _kept(after.segments):
        raise WriteRefused("a metadata segment other than XMP and IPTC would change")
    _check_photoshop(original, new, values)
    check_packet(packet(original), packet(new), values)


def _kept(segments) -> list[tuple[int, bytes]]:
    """Every segment but the main XMP packet and the Photoshop block (extended XMP included)."""
    return [(s.marker, s.payload) for s in segments if s.kind != "photoshop"
            and not (s.marker == APP1 and s.payload.startswith(XMP_SIG))]


def packet(data: bytes) -> bytes | None:
    xmp, _ = metadata_segments(data)
    return xmp[0].payload[len(XMP_SIG):] if xmp else None


def xmp_properties(packet_bytes: bytes | None) -> dict:
    if not packet_bytes:
        return {}
    try:
        with watched():
            image = pyexiv2.ImageData(xmp_carrier(signed(APP1, XMP_SIG + packet_bytes)))
            try:
                return image.read_xmp()
            finally:
                image.close()
    except Exiv2Problem as exc:
        raise WriteRefused(f"the XMP cannot be read back ({exc})") from exc


def _check_photoshop(original: bytes, new: bytes, values: dict) -> None:
    old_res, new_res = (_resources(d) for d in (original, new))
    skip = (iim.IPTC_RESOURCE, iim.DIGEST_RESOURCE)
    if [r for r in old_res if r[1] not in skip] != [r for r in new_res if r[1] not in skip]:
        raise WriteRefused("a Photoshop resource other than IPTC would change")
    old_text = iim.decoded(iim.parse_iim(iim.iim_block(old_res) or b""))
    new_text = iim.decoded(iim.parse_iim(iim.iim_block(new_res) or b""))
    expected, _ = iim_values({n: v for n, v in values.items() if BY_NAME[n].iim})
    ours = {iim.DATASETS[k] for k in expected} | {iim.DATASETS[iim.IIM_CHARSET]}
    for key in set(old_text) | set(new_text):
        if key not in ours and key[1] != 0 and old_text.get(key) != new_text.get(key):
            raise WriteRefused(f"IPTC dataset {key[0]}:{key[1]} would change")
    for key, value in expected.items():
        want = [] if value is None else value if isinstance(value, list) else [value]
        got = new_text.get(iim.DATASETS[key], [])
        if key.endswith(("DateCreated", "TimeCreated")):
            want = [w.replace("-", "").replace(":", "") for w in want]
        if got != want:
            raise WriteRefused(f"IPTC {key.rsplit('.', 1)[-1]} reads back as {got!r}, not {want!r}")


def _resources(data: bytes) -> list:
    _, ps = metadata_segments(data)
    try:
        return iim.parse_resources(iim.irb_of([s.payload for s in ps]))
    except iim.IimError as exc:
        raise WriteRefused(f"the Photoshop block does not read back ({exc})") from exc


def check_packet(old_packet: bytes | None, new_packet: bytes | None, values: dict) -> None:
    """Raise WriteRefused unless new_packet is old_packet with values applied."""
    old, new = xmp_properties(old_packet), xmp_properties(new_packet)
    ours = {BY_NAME[n].xmp for n in values if BY_NAME[n].xmp}
    for key in (set(old) | set(new)) - ours:
        if key not in new and _empty(old.get(key)):
            continue  # the XMP toolkit drops empty properties
        if key not in old and key in TOOLKIT_ADDS:
            continue
        if old.get(key) != new.get(key):
            raise WriteRefused(f"XMP property {key} would change")
    for name, value in values.items():
        f = BY_NAME[name]
        if f.xmp and not _xmp_equal(f, value, new.get(f.xmp)):
            raise WriteRefused(f"XMP {f.xmp} reads back as {new.get(f.xmp)!r}")
    if new_packet:
        _check_bags(new_packet, values)


def _empty(value) -> bool:
    if isinstance(value, dict):
        return not any(value.values())
    if isinstance(value, list):
        return not any(value)
    return not value


def _xmp_equal(f, value, got) -> bool:
    if value is None:
        return got is None
    if f.kind is Kind.LANG_ALT:
        return isinstance(got, dict) and got.get(X_DEFAULT) == value
    if f.kind in (Kind.BAG, Kind.SEQ):
        return (got if isinstance(got, list) else [got]) == list(value)
    return got == str(value)


def _check_bags(packet_bytes: bytes, values: dict) -> None:
    try:
        root = ElementTree.fromstring(packet_bytes)
    except ElementTree.ParseError as exc:
        raise WriteRefused(f"the new XMP packet is not well-formed XML ({exc})") from exc
    for name, value in values.items():
        f = BY_NAME[name]
        if f.kind is not Kind.BAG or not f.xmp or value is None:
            continue
        _, prefix, local = f.xmp.split(".", 2)
        tag = "{%s}%s" % (NAMESPACES[prefix], local)
        for element in root.iter(tag):
            if element.find(f"{RDF}Bag") is None:
                raise WriteRefused(f"XMP {f.xmp} is not written as rdf:Bag")
