"""JPEG structure: the marker segments before the image data, so writes can be proved lossless."""

from dataclasses import dataclass

SOI = b"\xff\xd8"
SOS = 0xDA
EOI = 0xD9
APP1, APP2, APP13 = 0xE1, 0xE2, 0xED
XMP_SIG = b"http://ns.adobe.com/xap/1.0/\x00"
XMP_EXT_SIG = b"http://ns.adobe.com/xmp/extension/\x00"
EXIF_SIG = b"Exif\x00"
PHOTOSHOP_SIG = b"Photoshop 3.0\x00"
MPF_SIG = b"MPF\x00"


class JpegError(ValueError):
    """The bytes are not a JPEG whose segments can be walked."""


@dataclass(frozen=True)
class Segment:
    marker: int
    offset: int   # of the 0xFF marker byte
    payload: bytes
    lead: bytes = b""  # what lies between the previous segment and this marker: fill bytes,
    #                    or junk some writers leave (decoders skip it; a splice keeps it)

    @property
    def kind(self) -> str:
        """What the segment holds, in the words the write check uses."""
        if self.marker == APP1 and self.payload.startswith(EXIF_SIG):
            return "exif"
        if self.marker == APP1 and self.payload.startswith((XMP_SIG, XMP_EXT_SIG)):
            return "xmp"
        if self.marker == APP13 and self.payload.startswith(PHOTOSHOP_SIG):
            return "photoshop"
        if self.marker == APP2 and self.payload.startswith(MPF_SIG):
            return "mpf"
        return f"{self.marker:02X}"


@dataclass(frozen=True)
class Layout:
    segments: list[Segment]
    image_offset: int  # where the first SOS marker (with any junk before it) starts: from here
    #                    on is the image data

    def image_data(self, data: bytes) -> bytes:
        return data[self.image_offset:]


def layout(data: bytes) -> Layout:
    """The marker segments up to the first SOS, and where the compressed image data begins."""
    if not data.startswith(SOI):
        raise JpegError("not a JPEG (no SOI marker)")
    pos, segments, lead = 2, [], 2
    while pos < len(data):
        if data[pos] != 0xFF:  # junk between segments: skipped up to the next marker, and kept
            pos = _next_marker(data, pos)
            continue
        marker = data[pos + 1] if pos + 1 < len(data) else None
        if marker == 0xFF:  # fill byte before a marker
            pos += 1
            continue
        if marker is None or marker == EOI:
            raise JpegError("no image data (EOI before SOS)")
        if marker == SOS:
            return Layout(segments, lead)
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            pos += 2
            continue
        if pos + 4 > len(data):
            raise JpegError("truncated marker segment")
        length = int.from_bytes(data[pos + 2:pos + 4], "big")
        if length < 2 or pos + 2 + length > len(data):
            raise JpegError(f"segment at byte {pos} runs past the end of the file")
        segments.append(Segment(marker, pos, data[pos + 4:pos + 2 + length], data[lead:pos]))
        pos += 2 + length
        lead = pos
    raise JpegError("no image data (file ends before SOS)")


def _next_marker(data: bytes, pos: int) -> int:
    """The offset of the next 0xFF that starts a marker (0xFF 0x00 is no marker)."""
    at = data.find(b"\xff", pos)
    while at >= 0 and at + 1 < len(data) and data[at + 1] == 0x00:
        at = data.find(b"\xff", at + 2)
    if at < 0:
        raise JpegError(f"no marker after the bytes at {pos}")
    return at


def is_jpeg(data: bytes) -> bool:
    return data.startswith(SOI + b"\xff")

