"""pyexiv2 under watch: warnings count as failures while we write, and the log level is put back."""

import io
import os
import sys
import tempfile
import threading
from contextlib import contextmanager
from functools import lru_cache

import pyexiv2
from PIL import Image

from photodesk.core.metadata.jpeg import APP1, SOI, XMP_SIG, layout

# read.py mutes exiv2 for reading; this is the level we restore after a write.
READ_LOG_LEVEL = 4
WARN = 2
_lock = threading.Lock()  # exiv2's log level and our capture of fd 1 are process-wide


class Exiv2Problem(Exception):
    """exiv2 raised or warned: its view of the file is not complete enough to write from."""


@contextmanager
def watched():
    """Run pyexiv2 calls at the default (warn) level; any warning or error raises Exiv2Problem.

    exiv2 prints warnings to C++ stdout, not to Python, so fd 1 is captured while inside.
    Muted, it would silently drop what it could not parse (a damaged EXIF block) on write.
    """
    with _lock:
        sys.stdout.flush()
        capture = tempfile.TemporaryFile()
        saved = os.dup(1)
        os.dup2(capture.fileno(), 1)
        pyexiv2.set_log_level(WARN)
        error = None
        try:
            yield
        except Exception as exc:  # exiv2 raises RuntimeError and its own error types
            error = exc
        finally:
            pyexiv2.set_log_level(READ_LOG_LEVEL)
            os.dup2(saved, 1)
            os.close(saved)
        capture.seek(0)
        logged = capture.read().decode("utf-8", "replace")
        capture.close()
    messages = _messages(logged)
    if error is not None:
        raise Exiv2Problem("; ".join([_clean(str(error))] + messages)) from error
    if messages:
        raise Exiv2Problem("; ".join(messages))


def _messages(logged: str) -> list[str]:
    lines = [_clean(line) for line in logged.splitlines()]
    return list(dict.fromkeys(line for line in lines if line))


def _clean(text: str) -> str:
    text = " ".join(text.split())
    for prefix in ("[warn] ", "[error] ", "[info] "):
        text = text.removeprefix(prefix)
    return text


def check_file(data: bytes) -> str | None:
    """What exiv2 complains of when it reads the whole file (a damaged EXIF block, say), or None."""
    try:
        with watched():
            image = pyexiv2.ImageData(data)
            image.read_exif()
            image.close()
    except Exiv2Problem as exc:
        return str(exc) or "exiv2 could not read the file"
    return None


# --- a packet on its own ---------------------------------------------------------------------

@lru_cache(maxsize=1)
def _carrier_body() -> bytes:
    """Tables, frame and scan of an 8×8 grey JPEG: enough image for exiv2 to accept a carrier."""
    buf = io.BytesIO()
    Image.new("L", (8, 8), 128).save(buf, "JPEG", quality=50)
    data = buf.getvalue()
    return data[layout(data).segments[1].offset:]  # after Pillow's JFIF segment


def packet_image(packet: bytes) -> "pyexiv2.ImageData":
    """exiv2's view of an XMP packet alone: in a tiny JPEG carrier (as a photo holds it), or,
    too large for one JPEG segment (a sidecar may be), as an XMP file."""
    size = len(XMP_SIG) + len(packet) + 2
    if size <= 0xFFFF:
        segment = bytes([0xFF, APP1]) + size.to_bytes(2, "big") + XMP_SIG + packet
        return pyexiv2.ImageData(SOI + segment + _carrier_body())
    return pyexiv2.ImageData(b'<?xml version="1.0" encoding="UTF-8"?>\n' + packet)


def packet_properties(packet: bytes) -> dict:
    """The properties exiv2 reads from an XMP packet (raises whatever exiv2 raises)."""
    image = packet_image(packet)
    try:
        return image.read_xmp()
    finally:
        image.close()
