"""New XMP and IIM blocks for a JPEG, spliced in place of the old ones; nothing else is touched.

exiv2 (through pyexiv2) only ever sees a carrier: a tiny JPEG holding the photo's own XMP
packet. It re-serialises that packet; the IIM datasets are written by iim.py. The photo's EXIF,
ICC, maker segments, other Photoshop resources and image data are copied byte for byte from
the original, so nothing can drop or re-encode them.
"""

import io
import re
from functools import lru_cache

import pyexiv2
from PIL import Image

from photodesk.core.fields import BY_NAME, Kind
from photodesk.core.metadata import iim
from photodesk.core.metadata.exiv2 import watched
from photodesk.core.metadata.jpeg import APP1, APP13, SOI, XMP_SIG, Segment, layout
from photodesk.core.metadata.values import Cut, xmp_value

BAGS = tuple(f for f in BY_NAME.values() if f.kind is Kind.BAG and f.xmp)
AFCP_ENDS = (b"AXS!", b"AXS*")
NAMESPACES = {"dc": "http://purl.org/dc/elements/1.1/",
              "iptcExt": "http://iptc.org/std/Iptc4xmpExt/2008-02-29/"}


class WriteRefused(Exception):
    """The file cannot be written safely; the message says why and the file is untouched."""


def raw(data: bytes, segment: Segment) -> bytes:
    return data[segment.offset:segment.offset + 4 + len(segment.payload)]


def signed(marker: int, payload: bytes) -> bytes:
    if len(payload) + 2 > 0xFFFF:
        raise WriteRefused(f"the new metadata block is {len(payload)} bytes, over JPEG's 64 KB "
                           "segment size")
    return bytes([0xFF, marker]) + (len(payload) + 2).to_bytes(2, "big") + payload


def metadata_segments(data: bytes) -> tuple[list[Segment], list[Segment]]:
    """The main XMP segments and the Photoshop (IIM) segments of a JPEG."""
    segments = layout(data).segments
    xmp = [s for s in segments if s.marker == APP1 and s.payload.startswith(XMP_SIG)]
    return xmp, [s for s in segments if s.kind == "photoshop"]


# --- XMP through exiv2 -----------------------------------------------------------------------

@lru_cache(maxsize=1)
def _carrier_body() -> bytes:
    """Tables, frame and scan of an 8×8 grey JPEG: enough image for exiv2 to accept a carrier."""
    buf = io.BytesIO()
    Image.new("L", (8, 8), 128).save(buf, "JPEG", quality=50)
    data = buf.getvalue()
    return data[layout(data).segments[1].offset:]  # after Pillow's JFIF segment


def xmp_carrier(packet_segment: bytes = b"") -> bytes:
    return SOI + packet_segment + _carrier_body()


def new_xmp_packet(old_packet: bytes | None, values: dict) -> bytes:
    """The XMP packet (bytes, UTF-8) with values applied; every other property kept by exiv2."""
    segment = signed(APP1, XMP_SIG + old_packet) if old_packet else b""
    with watched():
        image = pyexiv2.ImageData(xmp_carrier(segment))
        try:
            existing = image.read_xmp()
            image.modify_xmp({BY_NAME[n].xmp: xmp_value(BY_NAME[n], v, existing.get(BY_NAME[n].xmp))
                              for n, v in values.items() if BY_NAME[n].xmp})
            packet = image.read_raw_xmp()
            bagged = as_bags(packet, values)
            if bagged != packet:
                image.modify_raw_xmp(bagged)
            out = image.get_bytes()
        finally:
            image.close()
    xmp, _ = metadata_segments(out)
    return xmp[0].payload[len(XMP_SIG):] if xmp else b""


def as_bags(packet: str, values: dict) -> str:
    """pyexiv2 writes every list as rdf:Seq; unordered lists (keywords, people) must be rdf:Bag.

    The element's prefix is whatever the packet binds the namespace to (a file may have taught
    the XMP toolkit "Iptc4xmpExt" rather than exiv2's "iptcExt")."""
    for f in BAGS:
        if values.get(f.name) is None:
            continue
        _, prefix, name = f.xmp.split(".", 2)
        uri = re.escape(NAMESPACES[prefix])
        for bound in set(re.findall(rf'xmlns:([\w.-]+)=["\']{uri}["\']', packet)):
            element = re.escape(f"{bound}:{name}")
            packet = re.sub(rf"(<{element}>\s*)<rdf:Seq>(.*?)</rdf:Seq>(\s*</{element}>)",
                            r"\1<rdf:Bag>\2</rdf:Bag>\3", packet, flags=re.S)
    return packet


# --- IIM ---------------------------------------------------------------------------------------

def new_photoshop_block(old_payloads: list[bytes], values: dict) -> tuple[bytes, list[Cut]]:
    """The resource block with the IIM datasets updated; other resources kept byte for byte."""
    try:
        resources = iim.parse_resources(iim.irb_of(old_payloads))
        datasets = iim.parse_iim(iim.iim_block(resources) or b"")
    except iim.IimError as exc:
        raise WriteRefused(f"its IPTC block is not understood ({exc})") from exc
    datasets, cuts = iim.updated(datasets, values)
    return iim.encode_resources(iim.with_iim(resources, iim.encode_iim(datasets))), cuts


# --- splicing ------------------------------------------------------------------------------------

def embed(original: bytes, values: dict) -> tuple[bytes, list[Cut]]:
    """The photo's bytes with values written into XMP and IIM, and the IIM cuts made."""
    if original.rstrip(b"\x00").endswith(AFCP_ENDS) or original[-12:-8] in AFCP_ENDS:
        raise WriteRefused("it ends in an AFCP trailer, whose absolute offsets any change would "
                           "break")
    old_xmp, old_ps = metadata_segments(original)
    if len(old_xmp) > 1:
        raise WriteRefused("it holds two XMP packets; which one counts is unclear")
    xmp_values = {n: v for n, v in values.items() if BY_NAME[n].xmp}
    xmp_bytes = raw(original, old_xmp[0]) if old_xmp else b""
    if xmp_values:
        packet = new_xmp_packet(old_xmp[0].payload[len(XMP_SIG):] if old_xmp else None, xmp_values)
        xmp_bytes = signed(APP1, XMP_SIG + packet) if packet else b""
    ps_bytes, cuts = b"".join(raw(original, s) for s in old_ps), []
    if any(BY_NAME[n].iim for n in values):
        irb, cuts = new_photoshop_block([s.payload for s in old_ps], values)
        ps_bytes = b"".join(signed(APP13, p) for p in iim.segment_payloads(irb))
    return splice(original, xmp_bytes, ps_bytes), cuts


def splice(original: bytes, xmp_bytes: bytes, ps_bytes: bytes) -> bytes:
    """The original with its XMP and Photoshop segments replaced by new ones.

    A new block takes the old one's place; a block the file lacked goes after the leading
    JFIF/EXIF segments (XMP) or right after the XMP (Photoshop), and before any MPF segment:
    MPF offsets to the extra images at the end of the file count from that segment."""
    lay = layout(original)
    segments = lay.segments
    old_xmp, old_ps = metadata_segments(original)
    first_mpf = next((i for i, s in enumerate(segments) if s.kind == "mpf"), len(segments))
    xmp_at = segments.index(old_xmp[0]) if old_xmp else min(_insert_position(segments), first_mpf)
    ps_at = segments.index(old_ps[0]) if old_ps else None
    out = [SOI]
    for i, s in enumerate(segments + [None]):
        if i == xmp_at:
            out += [xmp_bytes] + ([ps_bytes] if ps_at is None else [])
        if i == ps_at:
            out.append(ps_bytes)
        if s is not None and s not in old_xmp and s not in old_ps:
            out.append(raw(original, s))
    out.append(lay.image_data(original))
    spliced = b"".join(out)
    if first_mpf < len(segments) and _from_mpf(original) != _from_mpf(spliced):
        raise WriteRefused("its XMP or IPTC block lies after the MPF index, whose offsets to the "
                           "extra images would break")
    return spliced


def _from_mpf(data: bytes) -> int:
    """Bytes from the MPF segment to the end of the file: MPF offsets count from there."""
    mpf = next(s for s in layout(data).segments if s.kind == "mpf")
    return len(data) - mpf.offset


def _insert_position(segments: list[Segment]) -> int:
    """New segments go after the leading JFIF and EXIF segments, where readers look first."""
    i = 0
    while i < len(segments) and (segments[i].marker == 0xE0 or segments[i].kind == "exif"):
        i += 1
    return i
