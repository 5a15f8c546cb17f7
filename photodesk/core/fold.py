"""Vietnamese-aware text folding, shared by the search index and the query side."""

import re
import unicodedata

_MARKS = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# đ/Đ carry a stroke, not a combining mark, so NFD leaves them alone.
_STROKES = str.maketrans({"đ": "d", "Đ": "D", "ð": "d", "Ð": "D"})
_WORD = re.compile(r"\w+", re.UNICODE)


def fold(text: str | None) -> str:
    """Fold text for matching: NFD, drop combining marks, đ→d, casefold."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text)
    stripped = _MARKS.sub("", decomposed).translate(_STROKES)
    return unicodedata.normalize("NFC", stripped).casefold()


def words(text: str | None) -> list[str]:
    """The folded words of text, in order: what the index stores and a query matches."""
    return _WORD.findall(fold(text))
