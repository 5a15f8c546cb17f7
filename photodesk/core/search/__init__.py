"""Folded full-text search over the catalog (SQLite FTS5 lives here and in the schema only)."""

from photodesk.core.catalog import Catalog
from photodesk.core.catalog.photos import search_documents
from photodesk.core.fold import fold, words

INDEX_COLUMNS = ("name", "caption", "headline", "keywords", "people", "event", "article",
                 "place", "creator")
ORDER = {
    "taken": "coalesce(p.taken_at, p.date_created, '') DESC, p.id DESC",
    "name": "p.name COLLATE NOCASE, p.id",
    "rating": "coalesce(p.rating, 0) DESC, p.id DESC",
    "indexed": "p.indexed_at DESC, p.id DESC",
}


def refresh(cat: Catalog, photo_ids) -> None:
    """Rewrite the index rows of these photos from the catalog (call inside the write batch)."""
    ids = list(photo_ids)
    for pid in ids:
        cat.db.execute("DELETE FROM photo_search WHERE rowid = ?", [pid])
    for doc in search_documents(cat, ids):
        # File names split on _ - . so "IMG_6193" finds both "img" and "6193".
        doc["name"] = " ".join(words(doc["name"].replace("_", " ")))
        values = [doc["id"]] + [fold(doc[c]) if c != "name" else doc[c] for c in INDEX_COLUMNS]
        cat.db.execute(
            f"INSERT INTO photo_search (rowid, {', '.join(INDEX_COLUMNS)}) "
            f"VALUES ({', '.join('?' * len(values))})", values)


def match_expression(query: str) -> str | None:
    """An FTS5 MATCH expression for what a user typed: every folded word, prefix-matched, ANDed.

    Only word characters survive folding into terms, and every term is quoted, so quotes,
    *, -, parentheses or NEAR in the input can never become FTS5 syntax.
    """
    terms = words(query.replace("_", " "))
    return " ".join(f'"{t}"*' for t in terms) or None


def search(cat: Catalog, query: str = "", *, limit: int = 200, sort: str = "taken") -> list[int]:
    """Ids of photos matching query, in sort order. An empty query lists every photo."""
    order = ORDER.get(sort, ORDER["taken"])
    expression = match_expression(query)
    if expression is None:
        if query.strip():
            return []  # only punctuation: nothing can match
        sql = f"SELECT p.id FROM photos p ORDER BY {order} LIMIT ?"
        return [r[0] for r in cat.db.execute(sql, [limit])]
    sql = (f"SELECT p.id FROM photo_search s JOIN photos p ON p.id = s.rowid "
           f"WHERE photo_search MATCH ? ORDER BY {order} LIMIT ?")
    return [r[0] for r in cat.db.execute(sql, [expression, limit])]


def count(cat: Catalog, query: str = "") -> int:
    expression = match_expression(query)
    if expression is None:
        return 0 if query.strip() else cat.db["photos"].count
    return cat.db.execute("SELECT count(*) FROM photo_search WHERE photo_search MATCH ?",
                          [expression]).fetchone()[0]
