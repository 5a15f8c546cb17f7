"""The PostgreSQL backend of search: a photo's folded words as the tsvector the archive's GIN
index holds (photo_words.words), words as tsquery text, a plan as SQL, pages and counts.

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


# --- writing the index ---------------------------------------------------------------------------

def refresh(cat, photo_ids) -> None:
    """index.refresh() on the archive: each photo's words and search key rewritten (a photo
    that no longer exists leaves the index)."""
    from photodesk.core.search import index, keys
    ids = sorted({int(i) for i in photo_ids})
    if not ids:
        return
    db = cat.db
    old = dict(db.execute("SELECT photo_id, key FROM search_keys WHERE photo_id = ANY(?)",
                          [ids]).fetchall())
    docs = {d.photo_id: d for d in _documents(db, ids)}
    for pid in ids:
        key, doc = old.get(pid), docs.get(pid)
        db.execute("DELETE FROM photo_words WHERE photo_id = ?", [pid])
        if key is not None and (doc is None or not keys.same_place(key, pid, doc.when)):
            db.execute("DELETE FROM search_keys WHERE key = ?", [key])
            key = None
        if doc is None:
            continue
        if key is None:
            key = index._free_key(db, pid, doc.when)
            db.execute("INSERT INTO search_keys (key, photo_id) VALUES (?, ?)", [key, pid])
        db.execute("UPDATE photos SET search_key = ? WHERE id = ? AND search_key IS NOT ?",
                   [key, pid, key])
        db.execute("INSERT INTO photo_words (photo_id, key, words) VALUES (?, ?, ?::tsvector)",
                   [pid, key, vector(doc.values)])


def _documents(db, ids: list[int]):
    from photodesk.core.search import index
    sql = f"{index._DOCUMENTS} WHERE p.id = ANY(:ids)"
    return [index.document(r) for r in db.execute(sql, {"sep": SEP, "ids": ids})]


def rebuild(cat) -> int:
    """Every photo's words and key afresh."""
    with cat.transaction():
        cat.db.execute("DELETE FROM photo_words")
        cat.db.execute("DELETE FROM search_keys")
        ids = [r[0] for r in cat.db.execute("SELECT id FROM photos ORDER BY id")]
        for first in range(0, len(ids), 5_000):
            refresh(cat, ids[first:first + 5_000])
    return len(ids)


# --- words as tsquery --------------------------------------------------------------------------

def tsquery(node) -> str | None:
    """tsquery text for a tree made only of words (planner.words_only), else None."""
    from photodesk.core.search.syntax import All, Any, Not, Text
    if isinstance(node, Text):
        return _term(node)
    if isinstance(node, Any):
        options = [tsquery(c) for c in node.children]
        return None if None in options else "(" + " | ".join(options) + ")"
    if isinstance(node, All):
        parts = [tsquery(c.child) if isinstance(c, Not) else tsquery(c)
                 for c in node.children]
        if None in parts:
            return None
        return "(" + " & ".join(f"!{p}" if isinstance(c, Not) else p
                                for c, p in zip(node.children, parts)) + ")"
    return None


def _term(text) -> str:
    from photodesk.core.search.index import FOLDER_MARK
    found = list(text.words)
    if text.field == "folder":
        found = [FOLDER_MARK + w for w in found]
    if text.field is not None:
        found = [f"{text.field}.{w}" for w in found]
    # As in SQLite's index: a one-letter last word is a word of its own, not a prefix.
    prefix = not text.phrase and len(text.words[-1]) > 1
    lexemes = [_quoted(w) for w in found]
    if prefix:
        lexemes[-1] += ":*"
    return "(" + " <-> ".join(lexemes) + ")"


# --- a plan in PostgreSQL's terms ----------------------------------------------------------------
# Photos are p, their words and search key w (photo_words). The planner of PostgreSQL chooses
# between the GIN index of the words and the key's index walked newest first.

SOURCE = "photos p JOIN photo_words w ON w.photo_id = p.id"
_ASCII = ("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_LINK_TABLES = {"person_id": "photo_people", "event_id": "photo_events",
                "keyword_id": "photo_keywords"}


def compiled(the_plan) -> tuple[str, list]:
    """WHERE and its parameters for a plan (planner.Plan)."""
    parts, params = [], []
    words = [tsquery(n) for n in the_plan.words]
    without = [tsquery(n) for n in the_plan.without]
    if words or without:
        text = " & ".join([*words, *(f"!{w}" for w in without)]) if words else \
            "!(" + " | ".join(without) + ")"
        if words:
            parts.append("w.words @@ ?::tsquery")
            params.append(text)
        else:
            parts.append("NOT (w.words @@ ?::tsquery)")
            params.append(" | ".join(without))
    if the_plan.low is not None:
        parts.append("w.key >= ?")
        params.append(the_plan.low)
    if the_plan.high is not None:
        parts.append("w.key < ?")
        params.append(the_plan.high)
    for node in the_plan.conditions:
        sql, more = condition(node)
        parts.append(f"({sql})")
        params += more
    return " AND ".join(parts) or "TRUE", params


def condition(node) -> tuple[str, list]:
    from photodesk.core.search.syntax import All, Any, Fact, Not
    words = tsquery(node)
    if words is not None:
        return "w.words @@ ?::tsquery", [words]
    if isinstance(node, Not):
        sql, params = condition(node.child)
        return f"NOT ({sql})", params
    if isinstance(node, Fact):
        return _fact(node)
    joiner = " AND " if isinstance(node, All) else " OR "
    parts, params = [], []
    assert isinstance(node, (All, Any))
    for child in node.children:
        sql, more = condition(child)
        parts.append(f"({sql})")
        params += more
    return joiner.join(parts), params


def _fact(fact) -> tuple[str, list]:
    """The facts whose SQL differs from SQLite's; the rest as sqlite.py spells them (portable:
    plain comparisons on photos)."""
    from photodesk.core.search import keys, sqlite
    value = fact.value
    if fact.field == "date":
        low, high = keys.key_range(*value)
        return "(w.key >= ? AND w.key < ?)", [low, high]
    if fact.field == "label":  # as SQLite's NOCASE: ASCII letters only
        folded = [v.translate(str.maketrans(*_ASCII)) for v in value]
        return (f"(p.label IS NOT NULL AND translate(p.label, '{_ASCII[0]}', '{_ASCII[1]}') "
                "= ANY(?))", [folded])
    if fact.field in _LINK_TABLES:
        table = _LINK_TABLES[fact.field]
        ids = list(value) if isinstance(value, tuple) else [value]
        return (f"p.id IN (SELECT x.photo_id FROM {table} x WHERE x.{fact.field} = ANY(?) "
                "AND x.state = 'confirmed')", [ids])
    if fact.field == "similar":
        ids = list(value) if isinstance(value, tuple) else [value]
        return "p.id = ANY(?)", [ids]
    return sqlite._fact(fact)


# --- pages and counts ----------------------------------------------------------------------------

COLUMNS_SORTED = {"indexed": "p.indexed_at", "name": "p.name_sort", "rating": "p.rating"}


def page(db, the_plan, sort: str, after: str | None, limit: int, descending: bool):
    """(ids, cursor after them) of one page, as orders.page() on SQLite."""
    from photodesk.core.search import cursor as cursors
    from photodesk.core.search.syntax import QueryError
    where, params = compiled(the_plan)
    way = "DESC" if descending else "ASC"
    less = "<" if descending else ">"
    if sort == "taken":
        if after is not None:
            where += f" AND w.key {less} ?"
            params = [*params, _int(cursors.decode(after, sort, descending))]
        rows = db.execute(f"SELECT p.id, w.key FROM {SOURCE} WHERE {where} "
                          f"ORDER BY w.key {way} LIMIT ?", [*params, limit + 1]).fetchall()
        return _paged(rows, limit, lambda last: cursors.encode(sort, descending, last[1]))
    if sort == "relevance":
        words = [tsquery(n) for n in the_plan.words]
        # Rounded, and in the cursor as text: a float4 rank read back and compared would
        # not equal itself, and the pages would go round.
        rank = "round(ts_rank_cd(w.words, ?::tsquery)::numeric, 6)" if words else "0::numeric"
        rank_params = [" & ".join(words)] if words else []
        if after is not None:
            values = cursors.decode(after, sort, descending)
            if len(values) != 2:
                raise QueryError("this cursor does not belong to a search sorted by relevance")
            where += f" AND ({rank} < ?::numeric OR ({rank} = ?::numeric AND w.key < ?))"
            params = [*params, *rank_params, values[0], *rank_params, values[0], values[1]]
        rows = db.execute(f"SELECT p.id, w.key, {rank} AS r FROM {SOURCE} WHERE {where} "
                          "ORDER BY r DESC, w.key DESC LIMIT ?",
                          [*rank_params, *params, limit + 1]).fetchall()
        return _paged(rows, limit, lambda last: cursors.encode(sort, descending, str(last[2]),
                                                               last[1]))
    if sort == "article":
        where += " AND ai.article_id = ?"
        params = [*params, the_plan.article]
        if after is not None:
            position, pid = cursors.decode(after, sort, descending)
            where += f" AND (ai.position, p.id) {less} (?, ?)"
            params = [*params, position, pid]
        rows = db.execute(f"SELECT p.id, ai.position FROM {SOURCE} JOIN article_images ai "
                          f"ON ai.photo_id = p.id WHERE {where} "
                          f"ORDER BY ai.position {way}, p.id {way} LIMIT ?",
                          [*params, limit + 1]).fetchall()
        return _paged(rows, limit, lambda last: cursors.encode(sort, descending, last[1],
                                                               last[0]))
    column = COLUMNS_SORTED[sort]
    if after is not None:
        values = cursors.decode(after, sort, descending)
        if len(values) != 2 or not isinstance(values[1], int):
            raise QueryError(f"this cursor does not belong to a search sorted by {sort}")
        more, more_params = _beyond(column, descending, *values)
        where, params = f"{where} AND ({more})", [*params, *more_params]
    # SQLite's NULLs are the lowest values: last newest first, first oldest first.
    nulls = "NULLS LAST" if descending else "NULLS FIRST"
    rows = db.execute(f"SELECT p.id, {column} FROM {SOURCE} WHERE {where} "
                      f"ORDER BY {column} {way} {nulls}, p.id {way} LIMIT ?",
                      [*params, limit + 1]).fetchall()
    return _paged(rows, limit, lambda last: cursors.encode(sort, descending, last[1], last[0]))


def _beyond(column: str, descending: bool, value, photo_id: int) -> tuple[str, list]:
    """The rows after (value, photo id) in the column's order, NULLs lowest."""
    if descending:
        if value is None:
            return f"{column} IS NULL AND p.id < ?", [photo_id]
        return (f"{column} < ? OR ({column} = ? AND p.id < ?) OR {column} IS NULL",
                [value, value, photo_id])
    if value is None:
        return f"({column} IS NULL AND p.id > ?) OR {column} IS NOT NULL", [photo_id]
    return f"{column} > ? OR ({column} = ? AND p.id > ?)", [value, value, photo_id]


def _paged(rows, limit: int, make_cursor):
    more = len(rows) > limit
    rows = rows[:limit]
    return [r[0] for r in rows], (make_cursor(rows[-1]) if more and rows else None)


def _int(values) -> int:
    from photodesk.core.search.syntax import QueryError
    if len(values) != 1 or not isinstance(values[0], int):
        raise QueryError("this cursor does not belong to a search sorted by taken")
    return values[0]


def count(db, the_plan, cap: int | None = None) -> int:
    """How many photos match, counting at most cap + 1."""
    where, params = compiled(the_plan)
    if cap is None:
        return db.execute(f"SELECT count(*) FROM {SOURCE} WHERE {where}", params).fetchone()[0]
    return db.execute(f"SELECT count(*) FROM (SELECT 1 FROM {SOURCE} WHERE {where} LIMIT ?) n",
                      [*params, cap + 1]).fetchone()[0]


# --- facets --------------------------------------------------------------------------------------

def facets(cat, query, scope, limit: int, sample: int, today):
    """facet_counts.facets() on the archive: every match counted when they are at most
    `sample`, else those whose id is a multiple of a prime stride (counts then scaled, and
    marked as estimates)."""
    from photodesk.core.search import facet_counts as fc
    from photodesk.core.search.pages import archive_plan
    the_plan = archive_plan(cat, query, scope, today)[1]
    if the_plan.nothing:
        return fc.Facets({name: [] for name in fc.FACETS}, 0, True, 0)
    where, params = compiled(the_plan)
    total = count(cat.db, the_plan)
    stride = 1 if total <= sample else fc._prime_at_most(max(2, round(total / sample)))
    rows = cat.db.execute(f"SELECT p.id, w.key, {fc.PHOTO_FACTS} FROM {SOURCE} "
                          f"WHERE (p.id % ?) = 0 AND {where}", [stride, *params]).fetchall()
    exact = stride == 1
    scale = (lambda n: n) if exact else (lambda n: max(1, round(n * stride)))
    ids = [r[0] for r in rows]
    groups = {name: fc._linked(cat.db, name, ids, limit, scale) for name in fc._LINKS}
    groups.update(fc._from_rows(rows, limit, scale, cat.roots.local))
    return fc.Facets({name: groups[name] for name in fc.FACETS}, total, exact, len(rows))
