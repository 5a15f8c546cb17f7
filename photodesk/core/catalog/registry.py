"""People, events and keywords: one way to find or create each, one rule for what may change.

The rule: a value an editor gives (typed in the window, `photodesk edit`) replaces what is
stored; a value from an article or a file only fills what is empty, so a title an editor
corrected is never overwritten by the next article that mentions the person.
"""

from photodesk.core.catalog.db import Catalog
from photodesk.core.catalog.schema import folded_name

TABLES = {"person": "people", "event": "events", "keyword": "keywords"}


def ensure_person(cat: Catalog, name: str, title: str | None = None,
                  aliases: str | None = None, *, replace: bool = False) -> int:
    """The id of the person called name, created when new. title and aliases fill empty
    ones; with replace (the editor's word) they replace the stored ones."""
    row = cat.db.execute("SELECT id, title, aliases FROM people WHERE name = ?",
                         [name]).fetchone()
    if row is None:
        return cat.insert("people", {"name": name, "title": title or None,
                                        "aliases": aliases or None,
                                        "folded": folded_name(name)})
    values = _changes({"title": (title, row[1]), "aliases": (aliases, row[2])}, replace)
    if values:
        cat.update("people", row[0], values)
    return row[0]


def ensure_event(cat: Catalog, name: str, date: str | None = None, place: str | None = None,
                 *, article_id: int | None = None, replace: bool = False) -> int:
    """The id of the event (name, date), created when new. Without a date (an IPTC Event field
    names no date) it is the undated event of that name, else the first one of that name.
    place and article_id fill empty ones; with replace they replace the stored ones."""
    if date is None:
        row = cat.db.execute(
            "SELECT id, place, article_id FROM events WHERE name = ? "
            "ORDER BY date IS NOT NULL, id LIMIT 1", [name]).fetchone()
    else:
        row = cat.db.execute("SELECT id, place, article_id FROM events WHERE name = ? AND date = ?",
                             [name, date]).fetchone()
    if row is None:
        return cat.insert("events", {"name": name, "date": date, "place": place or None,
                                        "article_id": article_id,
                                        "folded": folded_name(name)})
    values = _changes({"place": (place, row[1]), "article_id": (article_id, row[2])}, replace)
    if values:
        cat.update("events", row[0], values)
    return row[0]


def ensure_keyword(cat: Catalog, name: str) -> int:
    row = cat.db.execute("SELECT id FROM keywords WHERE name = ?", [name]).fetchone()
    return row[0] if row else cat.insert("keywords", {"name": name, "folded": folded_name(name)})


def named_ids(cat: Catalog, kind: str, words: tuple[str, ...], prefix: bool,
              most: int) -> tuple[int, ...] | None:
    """The ids of the people, events or keywords (kind: person, event, keyword) whose name
    holds the folded words in a row (the last one only begun, with prefix), as the full-text
    index matches them in a photo's list of names; None when they are more than most, or when
    a name has no folded words (added by another program: only the index can tell)."""
    table = TABLES[kind]
    db = cat.db
    if db.execute(f"SELECT 1 FROM {table} WHERE folded IS NULL LIMIT 1").fetchone():
        return None
    phrase = " ".join(words)
    if prefix:
        pattern = f"% {phrase}%"
    else:
        pattern = f"% {phrase} %"
    # Every row's name is read (20,000 people: 3 ms); words are letters and digits, so the
    # pattern holds no wildcard of the user's.
    ids = [r[0] for r in db.execute(f"SELECT id FROM {table} WHERE folded LIKE ? LIMIT ?",
                                    [pattern, most + 1])]
    return None if len(ids) > most else tuple(ids)


def _changes(given: dict[str, tuple], replace: bool) -> dict:
    """The values to store: each given one that replaces (replace) or fills an empty one."""
    return {k: new for k, (new, old) in given.items()
            if new and new != old and (replace or not old)}


def event_info(cat: Catalog, event_id: int) -> dict | None:
    rows = list(cat.db.query("SELECT id, name, date, place, article_id FROM events WHERE id = ?",
                             [event_id]))
    return rows[0] if rows else None
