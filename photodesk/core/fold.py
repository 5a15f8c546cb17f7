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


# Vietnamese alphabetical order (with the Latin letters Vietnamese does not use in their
# places): ă and â after a, đ after d, ê after e, ô and ơ after o, ư after u. Tones come
# second, in CLDR's order for Vietnamese: none, grave, hook, tilde, acute, dot below.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_PRIMARY = {c: chr(0xE100 + i) for i, c in enumerate(_ALPHABET)}  # above digits and marks
_SHAPES = {("a", "\u0306"): "ă", ("a", "\u0302"): "â", ("e", "\u0302"): "ê",
           ("o", "\u0302"): "ô", ("o", "\u031b"): "ơ", ("u", "\u031b"): "ư"}
_TONES = {"\u0300": "1", "\u0309": "2", "\u0303": "3", "\u0301": "4", "\u0323": "5"}


def sort_key(text: str | None) -> str:
    """A key that sorts text in Vietnamese order when compared code point by code point
    (SQLite's BINARY): An, Ánh, Bình, Dũng, Đào, Em; then by tone, then as written."""
    if not text:
        return ""
    letters: list[list[str]] = []  # [letter, tone]
    for ch in unicodedata.normalize("NFD", text.casefold()):
        if ch in _TONES and letters:
            letters[-1][1] = _TONES[ch]
        elif letters and (letters[-1][0], ch) in _SHAPES:
            letters[-1][0] = _SHAPES[(letters[-1][0], ch)]
        elif not unicodedata.combining(ch):
            letters.append([ch, "0"])
    primary = "".join(_PRIMARY.get(letter, letter) for letter, _ in letters)
    return primary + "\x01" + "".join(tone for _, tone in letters) + "\x01" + text
