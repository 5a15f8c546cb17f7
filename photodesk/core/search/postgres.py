"""The PostgreSQL backend of search, as far as it goes: a photo's folded words as the tsvector
the archive's GIN index holds (photo_words.words), and tsquery text for words.

Each word is stored twice: bare, for words typed without a field, and as COLUMN.word, for
person:, caption:… (a tsvector has no columns; its four weights are too few for thirteen).
Positions keep the words' order within a column, so phrases match with <->; a gap between
columns and between the items of a list (two people, two keywords) keeps a phrase inside one
of them, as SEP does in SQLite's index. Folder words keep their mark: a free word never
matches a folder's (it is only ever folder.WORD). The words are PhotoDesk's fold (index.py): no text search configuration
of PostgreSQL's parses them, so no dictionary can stem or unaccent them differently.
"""

from photodesk.core.fold import words as folded_words
from photodesk.core.search.index import COLUMNS, SEP

GAP = 2           # positions left between columns and between the items of a list
MOST = 16383      # PostgreSQL's highest position: later words share it


def vector(values: list[str]) -> str:
    """tsvector text for a document's folded values, in index.COLUMNS order."""
    lexemes: dict[str, list[int]] = {}
    position = 1
    for column, value in zip(COLUMNS, values):
        if not value:
            continue
        for item in value.split(SEP.strip()):
            # A folder's words keep their mark (not a letter: words() would drop it).
            tokens = item.split() if column == "folder" else folded_words(item)
            for word in tokens:
                here = min(position, MOST)
                if column != "folder":
                    lexemes.setdefault(word, []).append(here)
                lexemes.setdefault(f"{column}.{word}", []).append(here)
                position += 1
            position += GAP
    return " ".join(f"{_quoted(lexeme)}:{','.join(map(str, sorted(set(at))[:256]))}"
                    for lexeme, at in lexemes.items())


def _quoted(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"
