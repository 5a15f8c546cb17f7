"""read_article: turning an article file's bytes into text, then handing it to the right reader."""

import codecs

from photodesk.core.articles.html import parse_html
from photodesk.core.articles.limits import MAX_HTML_BYTES, MAX_TEXT_BYTES, file_too_large
from photodesk.core.articles.model import Article, ArticleError
from photodesk.core.articles.text import parse_text
from photodesk.core.formats import ARTICLE_SUFFIXES

HTML_SUFFIXES = (".html", ".htm")
# UTF-32 marks first: the UTF-32 LE mark starts with the UTF-16 LE one.
BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"))
ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
MAX_CONTROL_SHARE = 0.01  # more stray control characters than this is not an article


def read_article(path, year: int | None = None) -> Article:
    """Read a .txt, .md, .html or .htm article. Raises ArticleError, and nothing else."""
    name = str(path)
    if not name.lower().endswith(ARTICLE_SUFFIXES):
        raise ArticleError(name, "not an article file (expected .txt, .md, .html or .htm)")
    data = _read_bytes(name)
    html = name.lower().endswith(HTML_SUFFIXES) or _looks_like_html(_head(data))
    if not html and len(data) > MAX_TEXT_BYTES:
        raise ArticleError(name, file_too_large(html=False))
    text = decode(name, data)
    del data  # a page's bytes need not stay in memory beside its text and tree
    try:
        if html:
            return parse_html(text, name, year=year)
        return parse_text(text, name, year=year)
    except ArticleError:
        raise
    except Exception as error:  # the readers raise nothing else; keep that promise to callers too
        raise ArticleError(name, f"could not be read ({type(error).__name__}: {error})") from error


def _read_bytes(name: str) -> bytes:
    try:
        with open(name, "rb") as handle:
            data = handle.read(MAX_HTML_BYTES + 1)
    except FileNotFoundError:
        raise ArticleError(name, "file not found") from None
    except IsADirectoryError:
        raise ArticleError(name, "is a folder, not a file") from None
    except OSError as error:
        raise ArticleError(name, f"cannot be read ({error.strerror or error})") from None
    if len(data) > MAX_HTML_BYTES:
        raise ArticleError(name, file_too_large(html=name.lower().endswith(HTML_SUFFIXES)))
    return data


def decode(name: str, data: bytes) -> str:
    """UTF-8 (with or without BOM) or UTF-16/32 with BOM; anything else is an ArticleError."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            text = _decode_marked(name, data[len(bom):], codec)
            break
    else:
        text = _decode_unmarked(name, data)
    if not text.strip():
        raise ArticleError(name, "empty file")
    _refuse_binary(name, text)
    return text


def _decode_marked(name: str, data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        raise ArticleError(name, f"has a {codec.upper()} byte-order mark but is not valid "
                                 f"{codec.upper()} (offset {error.start}); save it as UTF-8"
                           ) from None


def _decode_unmarked(name: str, data: bytes) -> str:
    if not data:
        raise ArticleError(name, "empty file")
    nul = data.find(b"\0")
    if nul >= 0:
        raise ArticleError(name, f"binary data, not text (NUL byte at offset {nul})")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        byte = data[error.start]
        raise ArticleError(name, f"not UTF-8 or UTF-16 text (byte 0x{byte:02X} at offset "
                                 f"{error.start}); save it as UTF-8") from None


def _refuse_binary(name: str, text: str) -> None:
    sample = text[:65536]
    nul = sample.find("\0")
    if nul >= 0:
        raise ArticleError(name, f"binary data, not text (NUL character at position {nul})")
    controls = sum(1 for c in sample if c < " " and c not in ALLOWED_CONTROLS)
    if controls > MAX_CONTROL_SHARE * len(sample):
        raise ArticleError(name, f"binary data, not text ({controls} control characters)")


def _head(data: bytes) -> str:
    """The first characters, enough to tell a page from a story before decoding it all."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return data[len(bom):256].decode(codec, errors="ignore")
    return data[:256].decode("utf-8", errors="ignore")


def _looks_like_html(text: str) -> bool:
    # A page saved as .txt by a browser or a CMS export is still HTML.
    head = text.lstrip("\ufeff \t\r\n")[:15].lower()
    return head.startswith(("<!doctype html", "<html"))
