"""New XMP and IIM blocks for a JPEG, spliced in place of the old ones; nothing else is touched.

The XMP packet is edited in place by xmpedit.py (only the written properties' bytes change);
the IIM datasets are written by iim.py. The photo's EXIF, ICC, maker segments, other Photoshop
resources and image data are copied byte for byte from the original, so nothing can drop or
re-encode them. exiv2 never writes: it only reads the result back (verify.py).
"""

from photodesk.core.fields import BY_NAME
from photodesk.core.metadata import iim
from photodesk.core.metadata.jpeg import APP1, APP13, SOI, XMP_SIG, Segment, layout
from photodesk.core.metadata.values import Cut
from photodesk.core.metadata.xmpedit import PacketError, edit_packet

AFCP_ENDS = (b"AXS!", b"AXS*")


class WriteRefused(Exception):
    """The file cannot be written safely; the message says why and the file is untouched."""


def raw(data: bytes, segment: Segment, lead: bool = False) -> bytes:
    """The segment's bytes as in the file (with lead, the fill or junk bytes before it too)."""
    start = segment.offset - (len(segment.lead) if lead else 0)
    return data[start:segment.offset + 4 + len(segment.payload)]


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


# --- XMP -----------------------------------------------------------------------------------------

def new_xmp_packet(old_packet: bytes | None, values: dict, extra: dict | None = None) -> bytes:
    """The XMP packet (UTF-8) with values applied in place; every other byte of it kept."""
    try:
        return edit_packet(old_packet, values, extra)
    except PacketError as exc:
        raise WriteRefused(str(exc)) from exc


def within_segment(packet: bytes) -> bytes:
    """The packet, its trailing padding shortened if it would not fit one JPEG segment: the
    padding is there to be used up by edits (XMP part 3)."""
    over = len(XMP_SIG) + len(packet) + 2 - 0xFFFF
    end = packet.rfind(b"<?xpacket end")
    if over <= 0 or end < 0:
        return packet
    pad = end - len(packet[:end].rstrip(b" \t\r\n"))
    if pad < over:
        return packet  # signed() says it is too large
    return packet[:end - over] + packet[end:]


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
        xmp_bytes = signed(APP1, XMP_SIG + within_segment(packet))
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
    # Bytes that led the old blocks (fill or junk) stay where the blocks were.
    xmp_lead = old_xmp[0].lead if old_xmp else b""
    ps_lead = b"".join(s.lead for s in old_ps)
    out = [SOI]
    for i, s in enumerate(segments + [None]):
        if i == xmp_at:
            out += [xmp_lead, xmp_bytes] + ([ps_bytes] if ps_at is None else [])
        if i == ps_at:
            out += [ps_lead, ps_bytes]
        if s is not None and s not in old_xmp and s not in old_ps:
            out.append(raw(original, s, lead=True))
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
