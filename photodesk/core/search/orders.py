"""The sort orders: each walks a plan's photos in its order and returns one page of ids and
the cursor after it.

Date taken is the search key, so that order is a walk of the full-text index (or of the keys)
newest first that stops after one page, whatever the number of matches. The other orders walk
a catalog index and test each photo against the words, or, when the words match few photos,
gather those and sort them. Relevance ranks only the newest RELEVANCE_WINDOW matches (scoring
every match of a common word costs hundreds of milliseconds at a million photos); the older
matches follow in date order.
"""

from photodesk.core.search import cursor as cursors
from photodesk.core.search.sources import (candidates, count_plan, deadline, fts_where,
                                            gathered_source, joined_source, key_column,
                                            range_where)
from photodesk.core.search.sql import Plan
from photodesk.core.search.syntax import QueryError

SORTS = {
    "taken": "date taken, newest first",
    "indexed": "date indexed, newest first",
    "name": "file name, A to Z",
    "rating": "rating, highest first",
    "relevance": "best match first (the newest 5,000 matches are ranked, then by date)",
}
COLUMN_SORTS = {"indexed": ("p.indexed_at", True), "name": ("p.name_key", False),
                "rating": ("p.rating", True)}
GATHER = 15_000  # fewer matches than this: fetch them all and sort, rather than walk an index
RELEVANCE_WINDOW = 5_000
SELECTIVE_BUDGET = 0.005  # seconds to count what an index on photos lets through
WALK_BUDGET = 0.01  # seconds the newest-first walk of conditions alone may take to fill a page


def page(db, the_plan: Plan, sort: str, after: str | None, limit: int):
    """(ids, cursor after them) of one page in the sort order."""
    walk = {"taken": _taken, "relevance": _relevance}.get(sort, _by_column)
    return walk(db, the_plan, sort, after, limit)


# --- the walk newest first ---------------------------------------------------------------------

def _taken(db, the_plan: Plan, sort: str, after: str | None, limit: int):
    before = None
    if after is not None:
        before = _int(cursors.decode(after, sort), 0)
    rows = _newest(db, the_plan, before, limit + 1)
    return _paged(rows, limit, lambda last: cursors.encode(sort, last[1]))


def _newest(db, the_plan: Plan, before: int | None, limit: int):
    """(photo id, key) of the newest matches with keys below `before`.

    Words drive the walk through the full-text index. Conditions alone are walked newest
    first when they match many recent photos; when an index on photos lets only a few
    through, or the walk has not filled the page within WALK_BUDGET (the matches are rare
    or old: indexed:2020), the photos are gathered by their conditions and sorted instead.
    """
    walk = joined_source(the_plan)
    gathered = None if the_plan.match or not the_plan.conditions else gathered_source(the_plan)
    if gathered is None:
        return _keyed_rows(db, *walk, before, limit, key_column(the_plan))
    few = candidates(db, the_plan, GATHER, SELECTIVE_BUDGET)
    if few is None or few > GATHER:
        rows = None
        with deadline(db, WALK_BUDGET) as finished:
            rows = _keyed_rows(db, *walk, before, limit)
        if finished():
            return rows
    return _keyed_rows(db, *gathered, before, limit)


def _keyed_rows(db, source: str, where: str, params: list, before: int | None, limit: int,
                key: str = "s.key"):
    if before is not None:
        where += f" AND {key} < ?"
        params = [*params, before]
    sql = f"SELECT s.photo_id, {key} FROM {source} WHERE {where} ORDER BY {key} DESC LIMIT ?"
    return db.execute(sql, [*params, limit]).fetchall()


def _paged(rows: list, limit: int, make_cursor) -> tuple[list[int], str | None]:
    more = len(rows) > limit
    rows = rows[:limit]
    return [r[0] for r in rows], (make_cursor(rows[-1]) if more and rows else None)


# --- orders of a catalog column ----------------------------------------------------------------

def _by_column(db, the_plan: Plan, sort: str, after: str | None, limit: int):
    column, descending = COLUMN_SORTS[sort]
    position = None
    if after is not None:
        values = cursors.decode(after, sort)
        if len(values) != 2 or not isinstance(values[1], int) or isinstance(values[0], (list, dict)):
            raise QueryError(f"this cursor does not belong to a search sorted by {sort}")
        position = values
    source, where, params = _column_source(db, the_plan)
    direction = "DESC" if descending else "ASC"
    rows = []
    for segment, segment_params in _segments(column, descending, position):
        sql = (f"SELECT p.id, {column} FROM {source} WHERE {where} AND {segment} "
               f"ORDER BY {column} {direction}, p.id {direction} LIMIT ?")
        rows += db.execute(sql, [*params, *segment_params, limit + 1 - len(rows)]).fetchall()
        if len(rows) > limit:
            break
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = cursors.encode(sort, rows[-1][1], rows[-1][0]) if more and rows else None
    return [r[0] for r in rows], next_cursor


def _column_source(db, the_plan: Plan) -> tuple[str, str, list]:
    if the_plan.match and count_plan(db, Plan(match=the_plan.match, low=the_plan.low,
                                               high=the_plan.high), GATHER) <= GATHER:
        return joined_source(the_plan)  # few matches: gather them, then sort
    where, params = range_where(the_plan, "s.key")
    if the_plan.match:
        # Many matches: walk the column's index and look each photo up in the word index,
        # which stops after a page instead of collecting every match first.
        where += (" AND EXISTS (SELECT 1 FROM photo_search WHERE photo_search MATCH ? "
                  "AND photo_search.rowid = s.key)")
        params.append(the_plan.match)
    if the_plan.where:
        where += " AND " + " AND ".join(f"({w})" for w in the_plan.where)
        params += the_plan.params
    return "photos p CROSS JOIN search_keys s ON s.photo_id = p.id", where, params


def _segments(column: str, descending: bool, position) -> list[tuple[str, list]]:
    """Conditions for the rows after position, in order, each walkable on the column's index.

    SQLite sorts NULL first ascending and last descending; a row value comparison never
    matches NULL, so the NULL rows are their own segment.
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


# --- relevance ---------------------------------------------------------------------------------

def _relevance(db, the_plan: Plan, sort: str, after: str | None, limit: int):
    if not the_plan.match:
        return _taken(db, the_plan, sort, after, limit)
    floor = _window_floor(db, the_plan)
    phase, position = "ranked", None
    if after is not None:
        values = cursors.decode(after, sort)
        phase = values[0] if values and values[0] in ("ranked", "older") else None
        if phase is None:
            raise QueryError(f"this cursor does not belong to a search sorted by {sort}")
        position = values[1:]
    rows = []
    if phase == "ranked":
        rows = _ranked(db, the_plan, floor, position, limit + 1)
        if len(rows) > limit:
            return [r[0] for r in rows[:limit]], cursors.encode(sort, "ranked",
                                                                rows[limit - 1][2],
                                                                rows[limit - 1][1])
        position = None
    if floor is None:
        return [r[0] for r in rows], None
    before = floor if position is None else min(floor, _int(position, 0))
    older = _newest(db, the_plan, before, limit + 1 - len(rows))
    rows = [r[:2] for r in rows] + older
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = cursors.encode(sort, "older", rows[-1][1]) if more and rows else None
    return [r[0] for r in rows], next_cursor


def _window_floor(db, the_plan: Plan) -> int | None:
    """The key of the oldest match that relevance ranks; None when it ranks them all."""
    where, params = fts_where(the_plan, "photo_search.rowid")
    row = db.execute(f"SELECT photo_search.rowid FROM photo_search WHERE {where} "
                     "ORDER BY photo_search.rowid DESC LIMIT 1 OFFSET ?",
                     [*params, RELEVANCE_WINDOW]).fetchone()
    return row[0] + 1 if row else None


def _ranked(db, the_plan: Plan, floor: int | None, position, limit: int):
    source, where, params = joined_source(the_plan)
    if floor is not None:
        where += " AND photo_search.rowid >= ?"
        params.append(floor)
    if position:
        if len(position) != 2 or not isinstance(position[0], (int, float)):
            raise QueryError("this cursor does not belong to a search sorted by relevance")
        rank, key = position
        where += (" AND (photo_search.rank > ? OR (photo_search.rank = ? "
                  "AND photo_search.rowid < ?))")
        params += [rank, rank, _int([key], 0)]
    sql = (f"SELECT s.photo_id, photo_search.rowid, photo_search.rank FROM {source} "
           f"WHERE {where} ORDER BY photo_search.rank, photo_search.rowid DESC LIMIT ?")
    return db.execute(sql, [*params, limit]).fetchall()


def _int(values: list, index: int) -> int:
    if len(values) <= index or not isinstance(values[index], int) or isinstance(values[index],
                                                                                 bool):
        raise QueryError("this cursor is damaged")
    return values[index]
