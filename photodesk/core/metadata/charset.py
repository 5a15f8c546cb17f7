"""IPTC IIM text decoding by the envelope's character-set marker."""

UTF8_MARKERS = ("\x1b%G", "\x1b%/G", "\x1b%/I")
LATIN1_MARKERS = ("\x1b-A", "\x1b.A")


def iim_codec(marker: str | None) -> str | None:
    """The codec a CodedCharacterSet value names, or None when there is no usable marker."""
    if not marker:
        return None
    if marker in UTF8_MARKERS:
        return "utf-8"
    if marker in LATIN1_MARKERS:
        return "latin-1"
    return None


def decode_iim(raw: bytes, codec: str | None) -> str:
    """Decode one IIM value: the declared codec, else strict UTF-8, else cp1252."""
    if codec:
        return raw.decode(codec, errors="replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        # Legacy Windows desks wrote cp1252; its five undefined bytes fall back to Latin-1.
        return raw.decode("cp1252", errors="strict") if _cp1252_ok(raw) else raw.decode("latin-1")


def _cp1252_ok(raw: bytes) -> bool:
    try:
        raw.decode("cp1252")
        return True
    except UnicodeDecodeError:
        return False
