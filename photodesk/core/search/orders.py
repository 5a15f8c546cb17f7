"""The sort orders: each walks a plan's photos in its order and returns one page of ids and
the cursor after it.

Date taken is the search key, so that order is a walk of the full-text index (or of the keys)
newest first that stops after one page, whatever the number of matches. The other orders walk
a catalog index and test each photo against the words, or, when the words match few photos,
gather those and sort them. Relevance ranks only the newest RELEVANCE_WINDOW matches (scoring
every match of a common word costs hundreds of milliseconds at a million photos); the older
matches follow in date order. The photos of one article also come in the order the article
prints them (ARTICLE), walked in that order.
"""

from photodesk.core.search import cursor as cursors
from photodesk.core.search.sqlite import (Compiled, article_source, candidates, column_rows,
                                          count_plan, deadline, filtered_source,
                                          gathered_source, joined_source, key_column, ranked,
                                          window_floor)
from photodesk.core.search.syntax import QueryError

SORTS = {
    "taken": "date taken, newest first",
    "indexed": "date indexed, newest first",
    "name": "file name, A to Z",
    "rating": "rating, highest first",
    "relevance": "best match first (the newest 5,000 matches are ranked, then by date)",
}
ARTICLE = "article"  # the article's order: only for the photos of one article (an article scope)
COLUMN_SORTS = {"indexed": ("p.indexed_at", True), "name": ("p.name_sort", False),
                "rating": ("p.rating", True)}
GATHER = 15_000  # fewer matches than this: fetch them all and sort, rather than walk an index
RELEVANCE_WINDOW = 5_000
SELECTIVE_BUDGET = 0.005  # seconds to count what an index on photos lets through
WALK_BUDGET = 0.01  # seconds the newest-first walk of conditions alone may take to fill a page


def page(db, the_plan: Compiled, sort: str, after: str | None, limit: int):
    """(ids, cursor after them) of one page in the sort order."""
    walk = {"taken": _taken, "relevance": _relevance, ARTICLE: _article}.get(sort, _by_column)
    return walk(db, the_plan, sort, after, limit)


# --- the walk newest first ---------------------------------------------------------------------

def _taken(db, the_plan: Compiled, sort: str, after: str | None, limit: int):
    before = None
    if after is not None:
        before = _int(cursors.decode(after, sort), 0)
    rows = _newest(db, the_plan, before, limit + 1)
    return _paged(rows, limit, lambda last: cursors.encode(sort, last[1]))


def _newest(db, the_plan: Compiled, before: int | None, limit: int):
    """(photo id, key) of the newest matches with keys below `before`.

    Words drive the walk through the full-text index. Conditions alone are walked newest
    first when they match many recent photos; when an index on photos lets only a few
    through, or the walk has not filled the page within WALK_BUDGET (the matches are rare
    or old: indexed:2020), the photos are gathered by their conditions and sorted instead.
    """
    walk = joined_source(the_plan)
    if the_plan.match:
        gathered = _fewer_than_the_words(db, the_plan, limit)
        if gathered is not None:
            return _keyed_rows(db, *gathered, before, limit)
        return _keyed_rows(db, *walk, before, limit, key_column(the_plan))
    gathered = gathered_source(the_plan) if the_plan.conditions else None
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


def _fewer_than_the_words(db, the_plan: Compiled, limit: int):
    """FROM and WHERE that gather the photos the conditions let through and look each up in
    the word index, when the page takes every match of many words (the desk asks for every id
    at once: the walk would read them all) and the conditions let fewer through; else None."""
    if limit <= GATHER or not the_plan.conditions or gathered_source(the_plan) is None:
        return None
    words = count_plan(db, Compiled(match=the_plan.match, low=the_plan.low, high=the_plan.high),
                       limit)
    if words <= GATHER or words > limit:
        return None
    few = candidates(db, the_plan, words, SELECTIVE_BUDGET)
    if few is None or few >= words:
        return None
    return gathered_source(the_plan, words=True)


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

def _by_column(db, the_plan: Compiled, sort: str, after: str | None, limit: int):
    column, descending = COLUMN_SORTS[sort]
    position = None
    if after is not None:
        values = cursors.decode(after, sort)
        if len(values) != 2 or not isinstance(values[1], int) or isinstance(values[0], (list, dict)):
            raise QueryError(f"this cursor does not belong to a search sorted by {sort}")
        position = values
    rows = column_rows(db, *_column_source(db, the_plan, limit + 1), column, descending,
                       position, limit + 1)
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = cursors.encode(sort, rows[-1][1], rows[-1][0]) if more and rows else None
    return [r[0] for r in rows], next_cursor


def _column_source(db, the_plan: Compiled, wanted: int) -> tuple[str, str, list]:
    """Gather the matches of the words and sort them when they are few, or when the page
    takes them all (the desk asks for every id at once: a walk of the column's index would
    read every photo) and the conditions let no fewer photos through. Otherwise walk: the
    column's index, or whatever index serves the conditions, looking each photo up in the
    word index."""
    if not the_plan.match:
        return filtered_source(the_plan)
    words = count_plan(db, Compiled(match=the_plan.match, low=the_plan.low, high=the_plan.high),
                       max(GATHER, wanted))
    if words <= GATHER:
        return joined_source(the_plan)
    if words <= wanted:
        few = candidates(db, the_plan, words, SELECTIVE_BUDGET) \
            if the_plan.photo_terms()[0] else None
        if few is None or few >= words:
            return joined_source(the_plan)
    return filtered_source(the_plan)


# --- the article's order -----------------------------------------------------------------------

def _article(db, the_plan: Compiled, sort: str, after: str | None, limit: int):
    """The article's photos in the order it prints them (each at its first image), walked from
    the article's images: an article has few."""
    if the_plan.article is None:
        raise QueryError("only the photos of one article can be in the article's order")
    source, where, params = article_source(the_plan)
    if after is not None:
        values = cursors.decode(after, sort)
        where += " AND (a.position, a.photo_id) > (?, ?)"
        params += [_int(values, 0), _int(values, 1)]
    sql = (f"SELECT a.photo_id, a.position FROM {source} WHERE {where} "
           "ORDER BY a.position, a.photo_id LIMIT ?")
    rows = db.execute(sql, [*params, limit + 1]).fetchall()
    return _paged(rows, limit, lambda last: cursors.encode(sort, last[1], last[0]))


# --- relevance ---------------------------------------------------------------------------------

def _relevance(db, the_plan: Compiled, sort: str, after: str | None, limit: int):
    if not the_plan.match:
        return _taken(db, the_plan, sort, after, limit)
    floor = window_floor(db, the_plan, RELEVANCE_WINDOW)
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


def _ranked(db, the_plan: Compiled, floor: int | None, position, limit: int):
    after = None
    if position:
        if len(position) != 2 or not isinstance(position[0], (int, float)):
            raise QueryError("this cursor does not belong to a search sorted by relevance")
        after = position[0], _int(position, 1)
    return ranked(db, the_plan, floor, after, limit)


def _int(values: list, index: int) -> int:
    if len(values) <= index or not isinstance(values[index], int) or isinstance(values[index],
                                                                                 bool):
        raise QueryError("this cursor is damaged")
    return values[index]
