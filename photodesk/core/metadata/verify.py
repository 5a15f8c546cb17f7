"""Proof that a rewritten JPEG is the original plus our values: read back before it replaces anything."""

from defusedxml import ElementTree

from photodesk.core.fields import BY_NAME, Kind
from photodesk.core.metadata import iim
from photodesk.core.metadata.embed import APP1, WriteRefused, metadata_segments
from photodesk.core.metadata.exiv2 import Exiv2Problem, packet_properties, watched
from photodesk.core.metadata.jpeg import XMP_SIG, JpegError, layout
from photodesk.core.metadata.values import X_DEFAULT, iim_values
from photodesk.core.metadata.xmpedit import RDF as RDF_NS
from photodesk.core.metadata.xmpedit import XML, PacketError, property_name, utf8

RDF = "{%s}" % RDF_NS
DESCRIPTION, LANG = RDF + "Description", "{%s}lang" % XML


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


def _kept(segments) -> tuple[list, bytes]:
    """Every segment but the main XMP packet and the Photoshop block (extended XMP included),
    with the bytes before it; and the bytes that led those two blocks, in order."""
    ours = [s.kind == "photoshop" or (s.marker == APP1 and s.payload.startswith(XMP_SIG))
            for s in segments]
    return ([(s.marker, s.lead, s.payload) for s, o in zip(segments, ours) if not o],
            b"".join(s.lead for s, o in zip(segments, ours) if o))


def packet(data: bytes) -> bytes | None:
    xmp, _ = metadata_segments(data)
    return xmp[0].payload[len(XMP_SIG):] if xmp else None


def xmp_properties(packet_bytes: bytes | None) -> dict:
    if not packet_bytes:
        return {}
    try:
        with watched():
            return packet_properties(utf8(packet_bytes))
    except (Exiv2Problem, PacketError) as exc:
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


def check_packet(old_packet: bytes | None, new_packet: bytes | None, values: dict,
                 extra: dict | None = None) -> None:
    """Raise WriteRefused unless new_packet is old_packet with values (and extra: pyexiv2 key ->
    text) applied: exiv2 reads every other property back the same, and every other element and
    attribute of the packet (rdf:about, empty values, the toolkit's name) is as it was."""
    extra = extra or {}
    old, new = xmp_properties(old_packet), xmp_properties(new_packet)
    ours = {BY_NAME[n].xmp for n in values if BY_NAME[n].xmp} | set(extra)
    for key in (set(old) | set(new)) - ours:
        if old.get(key) != new.get(key):
            raise WriteRefused(f"XMP property {key} would change")
    for name, value in values.items():
        f = BY_NAME[name]
        if f.xmp and not _xmp_equal(f, value, new.get(f.xmp)):
            raise WriteRefused(f"XMP {f.xmp} reads back as {new.get(f.xmp)!r}")
    for key, value in extra.items():
        if new.get(key) != value:
            raise WriteRefused(f"XMP {key} reads back as {new.get(key)!r}")
    if new_packet:
        root = _tree(new_packet)
        if old_packet:
            _check_untouched(_tree(old_packet), root, values, ours)
        _check_bags(root, values)


def _tree(packet_bytes: bytes):
    try:
        return ElementTree.fromstring(utf8(packet_bytes).rstrip(b"\x00 \t\r\n"))
    except (ElementTree.ParseError, PacketError) as exc:
        raise WriteRefused(f"the XMP packet is not well-formed XML ({exc})") from exc


def _check_untouched(old_root, new_root, values: dict, keys: set) -> None:
    """Every element and attribute but the written properties compares equal (whitespace
    between elements aside), and a written text keeps its other languages."""
    names = {"{%s}%s" % property_name(k) for k in keys}
    if _shape(old_root, names) != _shape(new_root, names):
        raise WriteRefused("an XMP element or attribute other than those written would change")
    for name, value in values.items():
        f = BY_NAME[name]
        if f.xmp and f.kind is Kind.LANG_ALT and value is not None:
            tag = "{%s}%s" % property_name(f.xmp)
            if _other_languages(old_root, tag) != _other_languages(new_root, tag):
                raise WriteRefused(f"XMP {f.xmp} would lose or change another language")


def _shape(element, skip: set) -> tuple:
    """The element as a comparable tuple; a description's properties in skip are left out,
    written as elements or as attributes."""
    description = element.tag == DESCRIPTION
    attrs = sorted((k, v) for k, v in element.attrib.items() if not (description and k in skip))
    text = (element.text or "").strip() and element.text
    children = tuple(_shape(c, skip) for c in element if not (description and c.tag in skip))
    tail = (element.tail or "").strip() and element.tail
    return element.tag, tuple(attrs), text, tail, children


def _other_languages(root, tag: str) -> list:
    return [(li.get(LANG), li.text, sorted(li.attrib.items()))
            for prop in root.iter(tag) for alt in prop for li in alt
            if (li.get(LANG) or "").lower() != "x-default"]


def _xmp_equal(f, value, got) -> bool:
    if value is None:
        return got is None
    if f.kind is Kind.LANG_ALT:
        return isinstance(got, dict) and got.get(X_DEFAULT) == value
    if f.kind in (Kind.BAG, Kind.SEQ):
        return (got if isinstance(got, list) else [got]) == list(value)
    return got == str(value)


def _check_bags(root, values: dict) -> None:
    for name, value in values.items():
        f = BY_NAME[name]
        if f.kind is not Kind.BAG or not f.xmp or value is None:
            continue
        tag = "{%s}%s" % property_name(f.xmp)
        for element in root.iter(tag):
            if element.find(f"{RDF}Bag") is None:
                raise WriteRefused(f"XMP {f.xmp} is not written as rdf:Bag")
