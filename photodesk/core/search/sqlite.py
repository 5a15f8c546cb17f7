"""The SQLite backend of search: a plan (planner.py) compiled to SQL with parameters, and every
part of search that knows SQLite: FTS5 expressions and ranks, the condition texts the partial
indexes of m006 match, the joins that fix SQLite's walk order, where NULL sorts, which way a
walk runs (way(), past()), counting up to a cap, id lists as JSON, and time limits through the
progress handler. The walks of orders.py and facet_counts.py put these pieces together in
plain SQL; a second backend would be a module beside this one with the same names (the index
it searches is written by index.py).

The compiled plan holds one FTS5 expression that drives the walk where the text allows it, a
range of search keys for the date taken, and SQL conditions for the rest. Nothing the user
typed is pasted into SQL: the FTS5 expression holds only folded words (letters and digits),
each inside double quotes, and is passed as a parameter.

Conditions name photos as p and search_keys as s. The same search key is also photos.search_key
(m011), beside each condition in its index: keyed_source() reads a condition's photos newest
first from that index alone.
"""

import json
import re
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone

from photodesk.core.search import keys
from photodesk.core.search.index import FOLDER_MARK
from photodesk.core.search.planner import Plan
from photodesk.core.search.syntax import All, Any, Fact, Node, Not, Text

KEY = "s.key"
PHOTO_KEY = "p.search_key"  # the same key, on the photo: the condition indexes hold it
MONTH = "substr(p.indexed_at, 1, 7)"  # the month a photo was indexed, as m011's index spells it
_KEY_NAMED = re.compile(r"\bs\.key\b")
IN_INDEX = f"{KEY} IN (SELECT rowid FROM photo_search WHERE photo_search MATCH ?)"
# One photo looked up in the word index: for walks that another index drives.
LOOKED_UP = ("EXISTS (SELECT 1 FROM photo_search WHERE photo_search MATCH ? "
             "AND photo_search.rowid = s.key)")
IN_IDS = "IN (SELECT value FROM json_each(?))"  # with id_list(ids) as its parameter
HAS = {
    "caption": "coalesce(p.caption, '') != ''",
    "headline": "coalesce(p.headline, p.title, '') != ''",
    "credit": "coalesce(p.credit, p.source, '') != ''",
    "creator": "coalesce(p.creator, '') != ''",
    "label": "coalesce(p.label, '') != ''",
    "rating": "coalesce(p.rating, 0) != 0",
    "gps": "p.gps_lat IS NOT NULL AND p.gps_lon IS NOT NULL",
    "keyword": "EXISTS (SELECT 1 FROM photo_keywords x WHERE x.photo_id = p.id "
               "AND x.state = 'confirmed')",
    "people": "EXISTS (SELECT 1 FROM photo_people x WHERE x.photo_id = p.id "
              "AND x.state = 'confirmed')",
    "event": "EXISTS (SELECT 1 FROM photo_events x WHERE x.photo_id = p.id "
             "AND x.state = 'confirmed')",
    "article": "EXISTS (SELECT 1 FROM article_images x WHERE x.photo_id = p.id)",
    "original": "p.copy_of IS NOT NULL",  # marked as a copy: m014's partial index
}
# -has:… written as the partial indexes of m006 are (the same SQL, so SQLite can use them):
# the same photos as NOT (HAS[…]), found without reading every photo.
LACKS = {
    "caption": "coalesce(p.caption, '') = ''",
    "headline": "coalesce(p.headline, p.title, '') = ''",
    "credit": "coalesce(p.credit, p.source, '') = ''",
    "creator": "coalesce(p.creator, '') = ''",
}
# The facts of a scope: the photos linked to one person, event or article, found through the
# link table's index on the other id; person:, event: and keyword: resolved to the ids they
# name (named.py) are such facts too, with a tuple of ids (LINKED_ANY).
_LINK_TABLES = {"person_id": "photo_people", "event_id": "photo_events",
                "keyword_id": "photo_keywords"}
LINKED = {
    **{column: f"p.id IN (SELECT x.photo_id FROM {table} x WHERE x.{column} = ? "
               "AND x.state = 'confirmed')" for column, table in _LINK_TABLES.items()},
    "article_id": "p.id IN (SELECT x.photo_id FROM article_images x WHERE x.article_id = ?)",
}
LINKED_ANY = {column: f"p.id IN (SELECT x.photo_id FROM {table} x WHERE x.{column} {IN_IDS} "
                      "AND x.state = 'confirmed')" for column, table in _LINK_TABLES.items()}
# The links linked_walk() tests key by key: their rows of the link table, by the same params.
WALKED_LINKS = {
    **{LINKED[column]: f"SELECT x.photo_id FROM {table} x WHERE x.{column} = ? "
                       "AND x.state = 'confirmed'" for column, table in _LINK_TABLES.items()},
    **{LINKED_ANY[column]: f"SELECT x.photo_id FROM {table} x WHERE x.{column} {IN_IDS} "
                           "AND x.state = 'confirmed'" for column, table in _LINK_TABLES.items()},
}
_NAMES_PHOTO = re.compile(r"\bp\.")
# Several conditions on photos: each is counted up to DRIVER_CAP (within DRIVER_BUDGET seconds)
# through its index, and the one that lets the fewest through drives (see driver()).
DRIVER_CAP = 20_000
DRIVER_BUDGET = 0.004


def id_list(ids) -> str:
    """The parameter of IN_IDS."""
    return json.dumps(list(ids))


def way(descending: bool) -> str:
    """ORDER BY's word for a walk in that direction."""
    return "DESC" if descending else "ASC"


def past(key: str, descending: bool, value: str = "?") -> str:
    """The rows a walk in that direction reaches after value: below it descending, above it
    ascending."""
    return f"{key} {'<' if descending else '>'} {value}"


@dataclass
class Compiled:
    """A plan in SQLite's terms."""
    match: str | None = None          # an FTS5 expression every match satisfies
    low: int | None = None            # search keys in [low, high): the date taken
    high: int | None = None
    where: list[str] = field(default_factory=list)
    params: list = field(default_factory=list)
    nothing: bool = False             # no photo can match
    terms: list[tuple[str, list]] = field(default_factory=list)  # where with each one's params
    article: int | None = None        # the one article the photos are in
    # terms that are a range or a list, read value by value: their number -> Split
    splits: dict[int, "Split"] = field(default_factory=dict)
    # driver()'s choice, made once per plan: its page and its count ask alike
    drivers: dict = field(default_factory=dict, init=False, compare=False, repr=False)

    @property
    def conditions(self) -> bool:
        return bool(self.where)

    def add(self, sql: str, params: list) -> None:
        self.where.append(sql)
        self.params += params
        self.terms.append((sql, params))

    def photo_terms(self) -> tuple[list[tuple[str, list]], list[tuple[str, list]]]:
        """The conditions that name only the photo (an index on photos may find them), and
        the others (they name its search key: a date, or words left out)."""
        keyed = [t for t in self.terms if KEY in t[0]]
        return [t for t in self.terms if KEY not in t[0]], keyed


@dataclass(frozen=True)
class Split:
    """A condition as the values of one indexed expression: those listed, or those some photo
    has from low to high (both included). An index of m011 holds each value's photos newest
    first."""
    expression: str
    values: tuple | None = None
    low: object = None
    high: object = None


def _split(fact: Fact) -> Split | None:
    if fact.field == "indexed":
        low, high = (_utc(v) for v in fact.value)
        return Split(MONTH, None, low and low[:7], high and high[:7])
    if fact.field == "rating":
        low, high = fact.value
        if (low is not None and low > 0) or (high is not None and high < 0):
            return Split("p.rating", None, low, high)
    if fact.field == "label":  # NOCASE folds ASCII letters only
        return Split("p.label COLLATE NOCASE", tuple({v.translate(_ASCII_LOWER): v
                                                      for v in fact.value}.values()))
    return None


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def compile_plan(the_plan: Plan) -> Compiled:
    result = Compiled(low=the_plan.low, high=the_plan.high, nothing=the_plan.nothing,
                      article=the_plan.article)
    for part in the_plan.conditions:
        sql, params = condition(part)
        if isinstance(part, Fact) and _split(part) is not None:
            result.splits[len(result.terms)] = _split(part)
        result.add(sql, params)
    positives = [fts(part) for part in the_plan.words]
    negatives = [fts(part) for part in the_plan.without]
    if positives:
        result.match = _without(_joined(positives, "AND"), negatives)
    elif negatives:
        result.add(f"NOT {IN_INDEX}", [_joined(negatives, "OR")])
    return result


# --- FTS5 expressions ------------------------------------------------------------------------

def fts(node: Node) -> str | None:
    """The FTS5 expression for a tree made only of words, or None (FTS5 has no lone NOT)."""
    if isinstance(node, Text):
        return _term(node)
    if isinstance(node, Any):
        options = [fts(c) for c in node.children]
        return None if None in options else _joined(options, "OR")
    if isinstance(node, All):
        positives = [fts(c) for c in node.children if not isinstance(c, Not)]
        negatives = [fts(c.child) for c in node.children if isinstance(c, Not)]
        if not positives or None in positives or None in negatives:
            return None
        return _without(_joined(positives, "AND"), negatives)
    return None


def _term(text: Text) -> str:
    found = text.words
    if text.field == "folder":
        found = tuple(FOLDER_MARK + w for w in found)
    # A one-letter prefix would match nearly every photo and has no prefix index: a single
    # letter or digit is matched as a word of its own.
    prefix = not text.phrase and len(text.words[-1]) > 1
    term = '"' + " ".join(found) + '"' + ("*" if prefix else "")
    if text.anchored:
        term = "^ " + term
    if text.field is None:  # no column filter: free words cannot match marked folder words
        return term
    return f"({{{text.field}}} : {term})"


def _joined(expressions: list[str], operator: str) -> str:
    return expressions[0] if len(expressions) == 1 else \
        "(" + f" {operator} ".join(expressions) + ")"


def _without(expression: str, negatives: list[str]) -> str:
    for negative in negatives:
        expression = f"({expression} NOT {negative})"
    return expression


# --- SQL conditions --------------------------------------------------------------------------

def condition(node: Node) -> tuple[str, list]:
    """A SQL condition for any tree; word parts test membership in the full-text index."""
    expression = fts(node)
    if expression is not None:
        return IN_INDEX, [expression]
    if isinstance(node, Not):
        inner = fts(node.child)
        if inner is not None:
            return f"NOT {IN_INDEX}", [inner]
        if isinstance(node.child, Fact) and node.child.field == "has" and node.child.value in LACKS:
            return LACKS[node.child.value], []
        sql, params = condition(node.child)
        return f"NOT ({sql})", params
    if isinstance(node, Fact):
        return _fact(node)
    operator = " AND " if isinstance(node, All) else " OR "
    parts, params = [], []
    if isinstance(node, Any):  # the word options search the index once, together
        words = [e for e in (fts(c) for c in node.children) if e is not None]
        if words:
            parts.append(IN_INDEX)
            params.append(_joined(words, "OR"))
        children = [c for c in node.children if fts(c) is None]
    else:
        children = list(node.children)
    for child in children:
        sql, child_params = condition(child)
        parts.append(f"({sql})")
        params += child_params
    return operator.join(parts), params


def _fact(fact: Fact) -> tuple[str, list]:
    value = fact.value
    if fact.field == "date":
        low, high = keys.key_range(*value)
        return f"({KEY} >= ? AND {KEY} < ?)", [low, high]
    if fact.field == "indexed":
        sql, params = _between("p.indexed_at", *(_utc(v) for v in value))
        return f"(p.indexed_at IS NOT NULL AND {sql})", params
    if fact.field == "rating":
        low, high = value
        if (low is not None and low > 0) or (high is not None and high < 0):
            # Unrated photos cannot match: the rating index serves, and IS NOT NULL keeps
            # NOT (...) true for them.
            sql, params = _between("p.rating", low, high, inclusive=True)
            return f"(p.rating IS NOT NULL AND {sql})", params
        return _between("coalesce(p.rating, 0)", low, high, inclusive=True)
    if fact.field == "label":
        # Spelled as the partial label index of m006 is; IS NOT NULL also keeps NOT (...) true
        # for photos without a label.
        marks = ", ".join("?" * len(value))
        return (f"(p.label IS NOT NULL AND p.label COLLATE NOCASE IN ({marks}))", list(value))
    if fact.field == "pick":
        if value == 0:
            return "coalesce(p.pick, 0) = 0", []
        # Picked and rejected photos are few: `pick <> 0` is the partial pick index of m006.
        return "(p.pick IS NOT NULL AND p.pick <> 0 AND p.pick = ?)", [value]
    if fact.field == "status":
        return "p.status = ?", [value]
    if fact.field == "has":
        return HAS[value], []
    if fact.field in LINKED_ANY and isinstance(value, tuple):
        return LINKED_ANY[fact.field], [id_list(value)]
    if fact.field in LINKED:
        return LINKED[fact.field], [value]
    if fact.field == "similar":  # (photo ids…) once resolved (lookalikes.py); an id before
        return f"p.id {IN_IDS}", [id_list(value if isinstance(value, tuple) else (value,))]
    if fact.field == "folder_at":  # ((root id, relative path), …): none when under no root
        parts, params = [], []
        for root_id, rel in value:
            if rel:  # a range of the (root_id, relpath) index: '/' + 1 is '0'
                parts.append("(p.root_id = ? AND p.relpath > ? AND p.relpath < ?)")
                params += [root_id, rel + "/", rel + "0"]
            else:
                parts.append("p.root_id = ?")
                params.append(root_id)
        return "(" + (" OR ".join(parts) or "1 = 0") + ")", params
    raise ValueError(f"no SQL for {fact.field}")


def _between(column: str, low, high, inclusive: bool = False) -> tuple[str, list]:
    parts, params = [], []
    if low is not None:
        parts.append(f"{column} >= ?")
        params.append(low)
    if high is not None:
        parts.append(f"{column} {'<=' if inclusive else '<'} ?")
        params.append(high)
    return "(" + (" AND ".join(parts) or "1") + ")", params


def _utc(moment: datetime | None) -> str | None:
    """indexed_at is stored in UTC; a day typed by the user is a local day."""
    if moment is None:
        return None
    try:
        return moment.astimezone(timezone.utc).isoformat(timespec="seconds")
    except (OverflowError, OSError, ValueError):  # years the platform's clock cannot place
        return moment.replace(tzinfo=timezone.utc).isoformat(timespec="seconds")


# --- where the photos come from ----------------------------------------------------------------
# FROM and WHERE clauses with their parameters, over the word index (photo_search), the search
# keys (s) and the photos (p). CROSS JOIN keeps SQLite's planner to the order written.

def key_column(the_plan: Compiled) -> str:
    """The search key as the driving table names it."""
    return "photo_search.rowid" if the_plan.match else "s.key"


def joined_source(the_plan: Compiled) -> tuple[str, str, list]:
    """FROM and WHERE over matching photos: driven by the full-text index when there are words,
    by the search keys otherwise (CROSS JOIN keeps that order)."""
    if the_plan.match:
        where, params = fts_where(the_plan, "photo_search.rowid")
        source = ("photo_search CROSS JOIN search_keys s ON s.key = photo_search.rowid "
                  "CROSS JOIN photos p ON p.id = s.photo_id")
    else:
        where, params = range_where(the_plan, "s.key")
        source = "search_keys s CROSS JOIN photos p ON p.id = s.photo_id"
    if the_plan.where:
        where += " AND " + " AND ".join(f"({w})" for w in the_plan.where)
        params += the_plan.params
    return source, where, params


def linked_walk(the_plan: Compiled) -> tuple[str, str, list, list] | None:
    """FROM, WHERE and params that walk the search keys (or the words' matches) in order and
    test each photo against the ids of a person's or an event's photos, read once from the
    link index (m015); and (SQL, params) counting each one's photos up to a cap (the last
    parameter). For plans whose conditions are all such links: a sidebar scope, with or
    without words. None otherwise. Left to itself SQLite reads every linked photo and sorts
    them (70 ms for a person in 39,323 photos of a million); the walk stops after a page."""
    if not the_plan.terms or any(sql not in WALKED_LINKS for sql, _ in the_plan.terms):
        return None
    key = key_column(the_plan)
    if the_plan.match:
        where, params = fts_where(the_plan, key)
        source = "photo_search CROSS JOIN search_keys s ON s.key = photo_search.rowid"
    else:
        (where, params), source = range_where(the_plan, key), "search_keys s"
    counts = []
    for sql, term_params in the_plan.terms:
        links = WALKED_LINKS[sql]
        where += f" AND +s.photo_id IN ({links})"  # +: a list to test, not one to sort
        params = [*params, *term_params]
        counts.append((f"SELECT count(*) FROM ({links} LIMIT ?)", list(term_params)))
    return source, where, params, counts


def fts_where(the_plan: Compiled, key: str) -> tuple[str, list]:
    """The plan's words and date range, for a query over photo_search alone."""
    where, params = range_where(the_plan, key)
    return f"photo_search MATCH ? AND {where}", [the_plan.match, *params]


def range_where(the_plan: Compiled, key: str) -> tuple[str, list]:
    """The plan's date range on the search key, as the driving table names it."""
    parts, params = ["1"], []
    if the_plan.low is not None:
        parts.append(f"{key} >= ?")
        params.append(the_plan.low)
    if the_plan.high is not None:
        parts.append(f"{key} < ?")
        params.append(the_plan.high)
    return " AND ".join(parts), params


def photos_source(the_plan: Compiled) -> tuple[str, str, list]:
    """Photos with conditions and no words, for the query planner to pick an index
    (rating, status, indexed_at) rather than walking the keys."""
    where, params = range_where(the_plan, "s.key")
    where += " AND " + " AND ".join(f"({w})" for w in the_plan.where)
    return "photos p JOIN search_keys s ON s.photo_id = p.id", where, [*params, *the_plan.params]


def gathered_source(the_plan: Compiled, words: bool = False) -> tuple[str, str, list] | None:
    """FROM and WHERE that find the photos by their conditions first (an index on photos
    serves them), then look up their search keys in photo id order; None when no condition
    names the photo alone. For conditions without words that match few photos, or only old
    ones: walking the keys newest first would read every newer photo to reject it. words:
    also look each photo up in the word index (the plan's words match more photos)."""
    on_photos, keyed = the_plan.photo_terms()
    if not on_photos:
        return None
    where, params = range_where(the_plan, "s.key")
    inner = " AND ".join(f"({sql})" for sql, _ in on_photos)
    where += f" AND s.photo_id IN (SELECT p.id FROM photos p WHERE {inner})"
    params += [p for _, ps in on_photos for p in ps]
    for sql, ps in keyed:
        where += f" AND ({sql})"
        params += ps
    if words and the_plan.match:
        where += f" AND {LOOKED_UP}"
        params.append(the_plan.match)
    source = "search_keys s"
    if any(_NAMES_PHOTO.search(sql) for sql, _ in keyed):  # e.g. (date OR rating) names both
        source += " CROSS JOIN photos p ON p.id = s.photo_id"
    return source, where, params


def keyed_source(the_plan: Compiled, driver: int | None = None,
                 words: bool = True) -> tuple[str, str, list] | None:
    """FROM and WHERE over the photos alone, each keyed by photos.search_key: ordered by that
    key, an index of m011 reads one condition's photos newest first and stops after a page,
    or ranges over a condition (indexed:2020) without reading a photo. driver: the one term
    whose index SQLite must use (the others are hidden from its planner; -1 hides them all).
    The words, if any
    (and wanted), are looked up in the word index photo by photo. None when no condition names
    the photo alone (no index on photos can serve the rest)."""
    if not the_plan.photo_terms()[0]:
        return None
    where, params = range_where(the_plan, PHOTO_KEY)
    where = f"{PHOTO_KEY} IS NOT NULL AND {where}"
    for number, (sql, term_params) in enumerate(the_plan.terms):
        sql = _KEY_NAMED.sub(PHOTO_KEY, sql)
        if driver is not None and number != driver:
            sql = f"+({sql})"  # unary plus: the same truth, but no index serves it
        where += f" AND ({sql})"
        params += term_params
    if words and the_plan.match:
        where += " AND " + _KEY_NAMED.sub(PHOTO_KEY, LOOKED_UP)
        params.append(the_plan.match)
    return "photos p", where, params


def driver(db, the_plan: Compiled, cap: int, budget: float) -> int | None:
    """The term of the conditions on photos that lets the fewest photos through (counted up to
    cap within budget seconds each), when there are several; else None (SQLite chooses).
    SQLite's planner cannot tell that has:gps lets none through and pick:yes thousands."""
    if (cap, budget) not in the_plan.drivers:
        the_plan.drivers[cap, budget] = _driver(db, the_plan, cap, budget)
    return the_plan.drivers[cap, budget]


def _driver(db, the_plan: Compiled, cap: int, budget: float) -> int | None:
    terms = [n for n, (sql, _) in enumerate(the_plan.terms) if KEY not in sql]
    if len(terms) < 2:
        return None
    counted = {}
    for number in terms:
        alone = Compiled()
        alone.add(*the_plan.terms[number])
        source, where, params = keyed_source(alone)
        found = None
        with deadline(db, budget) as finished:
            found = db.execute(f"SELECT count(*) FROM (SELECT 1 FROM {source} WHERE {where} "
                               "LIMIT ?)", [*params, cap + 1]).fetchone()[0]
        if finished() and found <= cap:
            counted[number] = found
    if counted:
        return min(counted, key=counted.get)
    # All many: a person's or event's photos come from a list SQLite would sort whole, where
    # a condition's index on photos reads them newest first (person and pick:yes at a million
    # photos: 84 ms sorting the person's 39,323 photos), each tested against the list.
    on_photos = [n for n in terms if the_plan.terms[n][0] not in WALKED_LINKS]
    return on_photos[0] if len(on_photos) < len(terms) and on_photos else None


def split_values(db, split: Split, most: int) -> list | None:
    """The values of split, those listed or those some photo has (one seek of the index
    each); None when there are more than `most`."""
    if split.values is not None:
        return list(split.values) if len(split.values) <= most else None
    expression, found = split.expression, []
    after = f"SELECT min({expression}) FROM photos p WHERE {expression} > ?"
    if split.low is None:
        value = db.execute(f"SELECT min({expression}) FROM photos p").fetchone()[0]
    else:
        value = db.execute(f"SELECT min({expression}) FROM photos p WHERE {expression} >= ?",
                           [split.low]).fetchone()[0]
    while value is not None and (split.high is None or value <= split.high):
        if len(found) == most:
            return None
        found.append(value)
        value = db.execute(after, [value]).fetchone()[0]
    return found


def split_rows(db, the_plan: Compiled, split: Split, values: list, beyond: int | None,
               limit: int, descending: bool) -> list:
    """(photo id, key) of the newest matches (oldest, ascending) with keys beyond `beyond`,
    read value by value of split: each value's photos come in key order from its index, and
    SQLite merges them (UNION ALL … ORDER BY), reading only what the page takes. For a range
    or a list, whose photos no index gives in key order as a whole."""
    if not values:
        return []
    source, where, params = keyed_source(the_plan, -1)
    if beyond is not None:
        where, params = f"{where} AND {past(PHOTO_KEY, descending)}", [*params, beyond]
    arm = (f"SELECT p.id, {PHOTO_KEY} AS k FROM {source} "
           f"WHERE {split.expression} = ? AND {where}")
    sql = " UNION ALL ".join([arm] * len(values)) + f" ORDER BY k {way(descending)} LIMIT ?"
    return db.execute(sql, [*(v for value in values for v in (value, *params)),
                            limit]).fetchall()


def indexed(db, source: str, where: str, params: list) -> bool:
    """Whether an index serves keyed_source(): SQLite does not read every photo (or every
    entry of a whole index) for it; a partial index holds only the photos it is about."""
    partial = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index' "
                                        "AND tbl_name = 'photos' AND sql LIKE '% WHERE %'")}
    plan = db.execute(f"EXPLAIN QUERY PLAN SELECT p.id FROM {source} WHERE {where}",
                      params).fetchall()
    for row in plan:
        if row[-1].startswith("SCAN p") and row[-1].rpartition(" ")[2] not in partial:
            return False
    return True


def in_key_order(db, source: str, where: str, params: list, descending: bool) -> bool:
    """Whether SQLite reads keyed_source() in key order (newest first, or oldest) from an
    index, so that a page stops early, rather than gathering every match and sorting it."""
    plan = db.execute(f"EXPLAIN QUERY PLAN SELECT p.id FROM {source} WHERE {where} "
                      f"ORDER BY {PHOTO_KEY} {way(descending)}", params).fetchall()
    return not any("B-TREE FOR ORDER BY" in row[-1] for row in plan)


def filtered_source(the_plan: Compiled, driver: str = "photos p",
                    params: tuple = ()) -> tuple[str, str, list]:
    """FROM and WHERE that walk driver (photos, or rows naming their photo p.id) in its own
    order and test each photo against the words and conditions: the words through a look-up
    in the word index, which stops after a page instead of collecting every match first."""
    where, where_params = range_where(the_plan, "s.key")
    if the_plan.match:
        where += f" AND {LOOKED_UP}"
        where_params.append(the_plan.match)
    if the_plan.where:
        where += " AND " + " AND ".join(f"({w})" for w in the_plan.where)
        where_params += the_plan.params
    return f"{driver} CROSS JOIN search_keys s ON s.photo_id = p.id", where, [*params,
                                                                              *where_params]


def article_source(the_plan: Compiled) -> tuple[str, str, list]:
    """filtered_source() over the article's photos as a: each once, at its first position."""
    driver = ("(SELECT photo_id, min(position) AS position FROM article_images "
              "WHERE article_id = ? AND photo_id IS NOT NULL GROUP BY photo_id) a "
              "CROSS JOIN photos p ON p.id = a.photo_id")
    return filtered_source(the_plan, driver, (the_plan.article,))


# --- counting, within a time budget -----------------------------------------------------------

def count_plan(db, the_plan: Compiled, cap: int | None = None,
               budget: float | None = None) -> int | None:
    """How many photos match, counting at most cap + 1; None when budget seconds ran out."""
    if the_plan.nothing:
        return 0
    limit = -1 if cap is None else cap + 1
    if the_plan.match:
        if the_plan.conditions:
            source, where, params = joined_source(the_plan)
        else:
            source, where, params = "photo_search", *fts_where(the_plan, "photo_search.rowid")
    elif the_plan.conditions:
        # the photos alone, keyed by photos.search_key: a condition's index of m011 counts
        # without reading a photo or its search key
        keyed = keyed_source(the_plan, driver(db, the_plan, DRIVER_CAP, DRIVER_BUDGET))
        source, where, params = keyed or photos_source(the_plan)
    else:
        source, where, params = "search_keys s", *range_where(the_plan, "s.key")
    sql = f"SELECT count(*) FROM (SELECT 1 FROM {source} WHERE {where} LIMIT ?)"
    found = None
    with deadline(db, budget) as finished:
        found = db.execute(sql, [*params, limit]).fetchone()[0]
    return found if finished() else None


def candidates(db, the_plan: Compiled, cap: int, budget: float) -> int | None:
    """How many photos the conditions that name the photo alone let through (at most cap + 1),
    without their search keys; None when budget seconds ran out (no index served them)."""
    on_photos, _ = the_plan.photo_terms()
    inner = " AND ".join(f"({sql})" for sql, _ in on_photos) or "1"
    sql = f"SELECT count(*) FROM (SELECT 1 FROM photos p WHERE {inner} LIMIT ?)"
    found = None
    with deadline(db, budget) as finished:
        found = db.execute(sql, [*(p for _, ps in on_photos for p in ps), cap + 1]).fetchone()[0]
    return found if finished() else None


def count_keys(db, the_plan: Compiled, cap: int) -> int:
    """How many search keys the date range holds, counting at most cap + 1."""
    where, params = range_where(the_plan, "s.key")
    return db.execute(f"SELECT count(*) FROM (SELECT 1 FROM search_keys s WHERE {where} "
                      "LIMIT ?)", [*params, cap + 1]).fetchone()[0]


@contextmanager
def deadline(db, seconds: float | None):
    """Stop the statement run inside when `seconds` have passed (finished() then says False)."""
    state = {"stopped": False}
    if seconds is None:
        yield lambda: True
        return
    end = time.perf_counter() + seconds

    def check() -> int:
        state["stopped"] = time.perf_counter() > end
        return state["stopped"]

    db.conn.set_progress_handler(check, 2_000)
    try:
        yield lambda: not state["stopped"]
    except sqlite3.OperationalError:
        if not state["stopped"]:
            raise
    finally:
        db.conn.set_progress_handler(None, 0)


# --- orders that SQLite spells its own way -----------------------------------------------------

def column_rows(db, source: str, where: str, params: list, column: str, descending: bool,
                position, limit: int, by_index: bool = True) -> list:
    """(photo id, column value) of the first `limit` rows after position (value, photo id),
    ordered by the column and then the photo id; by_index=False: found through the
    conditions' indexes and sorted, not by walking the column's index."""
    direction = way(descending)
    order = column if by_index else f"+{column}"  # unary plus: no index gives this order
    rows = []
    for segment, segment_params in _segments(column, descending, position):
        sql = (f"SELECT p.id, {column} FROM {source} WHERE {where} AND {segment} "
               f"ORDER BY {order} {direction}, p.id {direction} LIMIT ?")
        rows += db.execute(sql, [*params, *segment_params, limit - len(rows)]).fetchall()
        if len(rows) >= limit:
            break
    return rows


def _segments(column: str, descending: bool, position) -> list[tuple[str, list]]:
    """Conditions for the rows after position, in order, each walkable on the column's index.

    SQLite sorts NULL first ascending and last descending (so each direction is the exact
    reverse of the other); a row value comparison never matches NULL, so the NULL rows are
    their own segment.
    """
    if position is None:
        return [("1", [])]
    value, photo_id = position
    if descending:
        if value is None:
            return [(f"{column} IS NULL AND p.id < ?", [photo_id])]
        return [(f"({column}, p.id) < (?, ?)", [value, photo_id]), (f"{column} IS NULL", [])]
    if value is None:
        return [(f"{column} IS NULL AND p.id > ?", [photo_id]), (f"{column} IS NOT NULL", [])]
    return [(f"({column}, p.id) > (?, ?)", [value, photo_id])]


def window_floor(db, the_plan: Compiled, window: int) -> int | None:
    """The key of the oldest match that relevance ranks; None when it ranks them all."""
    where, params = fts_where(the_plan, "photo_search.rowid")
    row = db.execute(f"SELECT photo_search.rowid FROM photo_search WHERE {where} "
                     "ORDER BY photo_search.rowid DESC LIMIT 1 OFFSET ?",
                     [*params, window]).fetchone()
    return row[0] + 1 if row else None


def ranked(db, the_plan: Compiled, floor: int | None, after: tuple | None, limit: int) -> list:
    """(photo id, key, FTS5 rank) of the best matches with keys from floor up, after the match
    (rank, key) when given."""
    source, where, params = joined_source(the_plan)
    if floor is not None:
        where += " AND photo_search.rowid >= ?"
        params.append(floor)
    if after is not None:
        rank, key = after
        where += (" AND (photo_search.rank > ? OR (photo_search.rank = ? "
                  "AND photo_search.rowid < ?))")
        params += [rank, rank, key]
    sql = (f"SELECT s.photo_id, photo_search.rowid, photo_search.rank FROM {source} "
           f"WHERE {where} ORDER BY photo_search.rank, photo_search.rowid DESC LIMIT ?")
    return db.execute(sql, [*params, limit]).fetchall()
