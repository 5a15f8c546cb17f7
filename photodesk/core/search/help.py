"""The query syntax explained, in English, for the GUI's help popup and the CLI (the GUI
translates each line)."""

from photodesk.core.search.fields import QUERY_FIELDS

OPERATORS: tuple[tuple[str, str], ...] = (
    ("dong chi", "photos with every word; accents and case do not matter and each word is a "
                 "prefix (xu finds Xuân)"),
    ('"hội nghị"', "the words together, in this order"),
    ("-word", "photos without the word; works before a field or a group too: -person:Lan"),
    ("lũ OR bão", "either one"),
    ("(lũ OR bão) -has:caption", "parentheses group"),
    ("person:A person:B", "A and B both in the photo"),
)
NOTES = (
    "Field values fold like free words: person:\"vo thi anh xuan\" finds Võ Thị Ánh Xuân. "
    "A quoted value matches those words in that order; an unquoted one is a prefix.",
    "A part that cannot be read is left out and pointed at; the rest still searches.",
)


def syntax(window: bool = True) -> tuple[tuple[str, str], ...]:
    """(example, explanation) rows: the operators, then every field (window: those the
    window offers)."""
    return OPERATORS + tuple((f.example, f.help) for f in QUERY_FIELDS
                             if f.in_window or not window)


def syntax_help() -> str:
    """The whole syntax as plain text."""
    rows = syntax(window=False)
    width = max(len(example) for example, _ in rows)
    lines = [f"  {example:<{width}}  {explanation}" for example, explanation in rows]
    return "\n".join(["Search syntax:", *lines, "", *NOTES])


SYNTAX_HELP = syntax_help()
