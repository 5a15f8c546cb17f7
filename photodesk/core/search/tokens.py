"""Splitting what a user typed into tokens: words, "phrases", field:values, -, OR, parentheses."""

import re
from dataclasses import dataclass

OPERATORS = ("OR", "AND", "NOT")
_FIELD = re.compile(r"([A-Za-z]+):(.*)", re.DOTALL)
_STOPS = set("()\"")


@dataclass(frozen=True)
class Token:
    """kind: word, phrase, field, neg, or, and, not, open, close.

    For a field, name is its lowercased name and text its value. closed is False for a quote
    that was never closed.
    """
    kind: str
    start: int
    end: int
    text: str = ""
    name: str = ""
    quoted: bool = False
    closed: bool = True


def tokenize(text: str) -> list[Token]:
    tokens, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
        elif c == "-":
            # A dash standing alone ("Hà Nội - Ảnh: TTXVN") is punctuation, not a negation.
            if i + 1 < n and not text[i + 1].isspace() and text[i + 1] != ")":
                tokens.append(Token("neg", i, i + 1))
            i += 1
        elif c in "()":
            tokens.append(Token("open" if c == "(" else "close", i, i + 1))
            i += 1
        elif c == '"':
            token, i = _quoted(text, i)
            tokens.append(token)
        else:
            token, i = _bare(text, i)
            tokens.append(token)
    return tokens


def _quoted(text: str, start: int, kind: str = "phrase", name: str = "",
            token_start: int | None = None) -> tuple[Token, int]:
    close = text.find('"', start + 1)
    closed = close >= 0
    end = close + 1 if closed else len(text)
    value = text[start + 1:close if closed else len(text)]
    return Token(kind, start if token_start is None else token_start, end, value, name,
                 quoted=True, closed=closed), end


def _bare(text: str, start: int) -> tuple[Token, int]:
    i = start
    while i < len(text) and not text[i].isspace() and text[i] not in _STOPS:
        i += 1
    run = text[start:i]
    if run in OPERATORS:
        return Token(run.lower(), start, i, run), i
    field = _FIELD.fullmatch(run)
    if field:
        name, value = field.group(1).lower(), field.group(2)
        if not value and i < len(text) and text[i] == '"':
            return _quoted(text, i, "field", name, start)
        return Token("field", start, i, value, name), i
    return Token("word", start, i, run), i
