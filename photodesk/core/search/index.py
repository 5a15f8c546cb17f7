"""The search index: a folded full-text row per photo (FTS5), numbered by its search key.

Text is folded in Python before FTS5 sees it (unicode61 cannot fold đ), so the tokenizer only
splits. Items of a list (people, keywords, articles…) are joined by SEP, a private-use
character that FTS5 takes as a word but no query can produce, so a quoted name never matches
across two people. Each word of the folder path starts with FOLDER_MARK, another private-use
character: free words then never match a folder, and need no column filter (which would
double the cost of walking a common word's matches).

Each photo's key is also written to photos.search_key, in the same transaction: the condition
indexes of m011 order a condition's photos by it.
"""

import json
import os
from dataclasses import dataclass
from datetime import datetime

from photodesk.core.catalog import Catalog
from photodesk.core.fold import fold, words
from photodesk.core.search import keys

SEP = " \ue000 "
FOLDER_MARK = "\ue001"
COLUMNS = ("name", "folder", "caption", "headline", "keywords", "people", "event", "article",
           "place", "creator", "credit", "camera", "lens")
BATCH = 20_000

_DOCUMENTS = (
    "SELECT p.id, rtrim(r.path, '/') || '/' || p.relpath, p.name, p.caption, p.headline, p.title, p.location, p.city, p.state, "
    "p.country, p.creator, p.credit, p.source, p.make, p.model, p.lens, p.taken_at, "
    "p.date_created, "
    "(SELECT group_concat(t.name, :sep) FROM photo_keywords x JOIN keywords t "
    " ON t.id = x.keyword_id WHERE x.photo_id = p.id AND x.state = 'confirmed'), "
    "(SELECT group_concat(t.name, :sep) FROM photo_people x JOIN people t "
    " ON t.id = x.person_id WHERE x.photo_id = p.id AND x.state = 'confirmed'), "
    "(SELECT group_concat(t.name, :sep) FROM photo_events x JOIN events t "
    " ON t.id = x.event_id WHERE x.photo_id = p.id AND x.state = 'confirmed'), "
    "(SELECT group_concat(t.title, :sep) FROM article_images x JOIN articles t "
    " ON t.id = x.article_id WHERE x.photo_id = p.id) "
    "FROM photos p LEFT JOIN roots r ON r.id = p.root_id")
_KEYED = "UPDATE photos SET search_key = ? WHERE id = ? AND search_key IS NOT ?"
_INSERT = (f"INSERT INTO photo_search (rowid, {', '.join(COLUMNS)}) "
           f"VALUES ({', '.join('?' * (len(COLUMNS) + 1))})")


@dataclass
class Document:
    photo_id: int
    when: datetime | None
    values: list[str]  # folded, in COLUMNS order


def document(row) -> Document:
    (pid, path, name, caption, headline, title, location, city, state, country, creator, credit,
     source, make, model, lens, taken_at, date_created, keywords, people, events, articles) = row
    values = [name, None, caption, _joined(headline, title), keywords, people, events,
              articles, _joined(location, city, state, country), creator,
              _joined(credit, source), " ".join(filter(None, (make, model))), lens]
    values = [fold(v) for v in values]
    values[1] = folder_words(os.path.dirname(path or ""))
    return Document(pid, keys.taken(taken_at, date_created), values)


def folder_words(path: str) -> str:
    """The folder column: the path's folded words, each marked as a folder's."""
    return " ".join(FOLDER_MARK + w for w in words(path))


def _joined(*parts) -> str:
    return SEP.join(p for p in parts if p)


def _documents(db, photo_ids: list[int]):
    sql = f"{_DOCUMENTS} WHERE p.id IN (SELECT value FROM json_each(:ids))"
    return [document(r) for r in db.execute(sql, {"sep": SEP, "ids": json.dumps(photo_ids)})]


def refresh(cat: Catalog, photo_ids) -> None:
    """Rewrite the index rows of these photos from the catalog (call inside the write batch).

    A photo that no longer exists leaves the index.
    """
    if getattr(cat, "backend", "sqlite") == "postgresql":
        from photodesk.core.search import postgres
        return postgres.refresh(cat, photo_ids)
    ids = sorted({int(i) for i in photo_ids})
    if not ids:
        return
    db = cat.db
    old = dict(db.execute("SELECT photo_id, key FROM search_keys "
                          "WHERE photo_id IN (SELECT value FROM json_each(?))", [json.dumps(ids)]))
    docs = {d.photo_id: d for d in _documents(db, ids)}
    for pid in ids:
        key, doc = old.get(pid), docs.get(pid)
        if key is not None:
            db.execute("DELETE FROM photo_search WHERE rowid = ?", [key])
            if doc is None or not keys.same_place(key, pid, doc.when):
                db.execute("DELETE FROM search_keys WHERE key = ?", [key])
                key = None
        if doc is None:
            continue
        if key is None:
            key = _free_key(db, pid, doc.when)
            db.execute("INSERT INTO search_keys (key, photo_id) VALUES (?, ?)", [key, pid])
        db.execute(_KEYED, [key, pid, key])
        db.execute(_INSERT, [key, *doc.values])


def _free_key(db, photo_id: int, when: datetime | None) -> int:
    key = keys.wanted(photo_id, when)
    if when is None:
        return key
    base, mask = keys.of_moment(when), (1 << keys.TIE_BITS) - 1
    tie = key - base
    while db.execute("SELECT 1 FROM search_keys WHERE key = ?", [base + tie]).fetchone():
        tie = (tie + 1) & mask  # photos of the same second share its range of keys
    return base + tie


def rebuild(cat: Catalog) -> int:
    """Index every photo afresh, in big batches (for a catalog filled without refresh());
    returns how many photos were indexed."""
    if getattr(cat, "backend", "sqlite") == "postgresql":
        from photodesk.core.search import postgres
        return postgres.rebuild(cat)
    db, used, count = cat.db, set(), 0
    mask = (1 << keys.TIE_BITS) - 1
    with cat.transaction():
        db.execute("DELETE FROM photo_search")
        db.execute("DELETE FROM search_keys")
        rows = db.conn.cursor().execute(f"{_DOCUMENTS} ORDER BY p.id", {"sep": SEP})
        while batch := rows.fetchmany(BATCH):
            docs = [document(r) for r in batch]
            pairs = []
            for doc in docs:
                key = keys.wanted(doc.photo_id, doc.when)
                if doc.when is not None:
                    base = keys.of_moment(doc.when)
                    while key in used:
                        key = base + ((key - base + 1) & mask)
                used.add(key)
                pairs.append((key, doc))
            db.conn.executemany("INSERT INTO search_keys (key, photo_id) VALUES (?, ?)",
                                [(k, d.photo_id) for k, d in pairs])
            db.conn.executemany(_KEYED, [(k, d.photo_id, k) for k, d in pairs])
            db.conn.executemany(_INSERT, [(k, *d.values) for k, d in pairs])
            count += len(pairs)
        db.execute("INSERT INTO photo_search (photo_search) VALUES ('optimize')")
    return count
