"""Recognising image formats by their first bytes, never by the file name."""

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
# Extensions that are certainly not images: skipped without opening the file.
NOT_IMAGES = frozenset(
    ".xmp .xml .json .csv .tsv .pdf .doc .docx .odt .rtf .zip .gz .7z .rar .mp4 .mov .avi .mkv "
    ".mp3 .wav .m4a .exe .dll .so .py .js .css .db .sqlite .log .ini .cfg .toml .yaml .yml "
    ".psd .ai .eps .indd .thm .lrv .dng .cr2 .cr3 .nef .arw .raf .orf .rw2".split()
) | frozenset(ARTICLE_SUFFIXES)
HEADER_BYTES = 16


def sniff(header: bytes) -> str | None:
    """The image format that header starts, or None."""
    if header.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if header.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if header[:4] in (b"II*\x00", b"MM\x00*"):
        return "TIFF"
    if header[:4] == b"RIFF" and header[8:12] == b"WEBP":
        return "WEBP"
    if header[4:8] == b"ftyp" and header[8:12] in (b"heic", b"heix", b"mif1", b"msf1", b"heim"):
        return "HEIC"
    return None
