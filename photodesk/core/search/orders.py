"""The sort orders: each walks a plan's photos in its order and returns one page of ids and
the cursor after it.

Every order but relevance also runs the other way (DIRECTIONS: each order's usual direction),
and then it is the exact reverse of the usual one, ties and photos without a value included:
the same walks over the same indexes in the other direction (ORDER BY … ASC, the cursor's
< become >). The text below says "newest first" for the usual direction of the date taken.

Date taken is the search key, so that order is a walk of the full-text index (or of the keys)
newest first that stops after one page, whatever the number of matches. Conditions that match
few photos, or only old ones, are read newest first from their own index instead (m011 keeps
the key beside each condition), or ranged over in it and sorted. The other orders walk
a catalog index and test each photo against the words, or, when the words match few photos,
gather those and sort them. Relevance ranks only the newest RELEVANCE_WINDOW matches (scoring
every match of a common word costs hundreds of milliseconds at a million photos); the older
matches follow in date order. The photos of one article also come in the order the article
prints them (ARTICLE), walked in that order.
"""

from photodesk.core.search import cursor as cursors
from photodesk.core.search.sqlite import (DRIVER_BUDGET, DRIVER_CAP, IN_IDS, PHOTO_KEY,
                                          Compiled, article_source, candidates, column_rows,
                                          count_plan, deadline, driver, filtered_source,
                                          gathered_source, id_list, in_key_order,
                                          joined_source, key_column, keyed_source, linked_walk, past,
                                          ranked, split_rows, split_values, way, window_floor)
from photodesk.core.search.syntax import QueryError

ARTICLE = "article"  # the article's order: only for the photos of one article (an article scope)
# Each order's usual direction (descending: the newest, the highest, the last name first) and
# what it lists first each way, in the user's words; None: it does not run that way.
DIRECTIONS = {
    "taken": (True, {True: "date taken, newest first", False: "date taken, oldest first"}),
    "indexed": (True, {True: "date indexed, newest first", False: "date indexed, oldest first"}),
    "name": (False, {True: "file name, Z to A", False: "file name, A to Z"}),
    "rating": (True, {True: "rating, highest first", False: "rating, lowest first"}),
    "relevance": (True, {True: "best match first (the newest 5,000 matches are ranked, then by "
                               "date)", False: None}),
    ARTICLE: (False, {True: "the article's order, last image first",
                      False: "the article's order"}),
}
# The orders a search may name (ARTICLE only within an article), each as it usually runs.
SORTS = {sort: ways[usual] for sort, (usual, ways) in DIRECTIONS.items() if sort != ARTICLE}
COLUMN_SORTS = {"indexed": "p.indexed_at", "name": "p.name_sort", "rating": "p.rating"}
GATHER = 15_000  # fewer matches than this: fetch them all and sort, rather than walk an index
RELEVANCE_WINDOW = 5_000
SELECTIVE_BUDGET = 0.005  # seconds to count what an index on photos lets through
KEYED_BUDGET = 0.012  # seconds a condition's index read newest first may take to fill a page
# A condition split into values (the months of indexed:2020, the ratings of rating:>=4, the
# spellings of label:red) over more values than this is not read value by value.
SPLIT_MOST = 240
SPLIT_BUDGET = 0.02  # seconds it may take with words, which may be rare among its photos
WALK_BUDGET = 0.005  # seconds the newest-first walk of conditions may take to fill a page
# Conditions with words whose index cannot give them newest first: their photos, sorted, are
# looked up in the word index CHECKED at a time (about 10 µs each), LOOKUPS at most.
CHECKED = 100
LOOKUPS = 500
COLUMN_BUDGET = 0.01  # seconds the walk of a column's index may take to fill a page
LINK_WALK_BUDGET = 0.03  # seconds the walk of a person's or event's many photos may take
LINK_GATHER = GATHER  # a person or event in fewer photos: gather and sort them instead


def direction(sort: str, descending: bool | None = None) -> bool:
    """Whether a page of sort runs descending: as asked, or as the sort usually does (None);
    QueryError when the sort does not run that way."""
    usual, described = DIRECTIONS[sort]
    descending = usual if descending is None else bool(descending)
    if described[descending] is None:
        raise QueryError(f"{sort} runs one way only: {described[usual]}")
    return descending


def described(sort: str, descending: bool | None = None) -> str:
    """What a sort lists first in that direction (None: its usual), in the user's words."""
    return DIRECTIONS[sort][1][direction(sort, descending)]


def page(db, the_plan: Compiled, sort: str, after: str | None, limit: int,
         descending: bool | None = None):
    """(ids, cursor after them) of one page in the sort order, in that direction (None: the
    sort's usual)."""
    walk = {"taken": _taken, "relevance": _relevance, ARTICLE: _article}.get(sort, _by_column)
    return walk(db, the_plan, sort, after, limit, direction(sort, descending))


# --- the walk by date taken (the search key) ---------------------------------------------------

def _taken(db, the_plan: Compiled, sort: str, after: str | None, limit: int, descending: bool):
    beyond = None
    if after is not None:
        beyond = _int(cursors.decode(after, sort, descending), 0)
    rows = _by_key(db, the_plan, beyond, limit + 1, descending)
    return _paged(rows, limit, lambda last: cursors.encode(sort, descending, last[1]))


def _by_key(db, the_plan: Compiled, beyond: int | None, limit: int, descending: bool):
    """(photo id, key) of the newest matches (oldest, ascending) with keys beyond `beyond`.

    Words drive the walk through the full-text index, the search keys drive it otherwise.
    Conditions on photos have their own route (_by_conditions) when the walk would not fill
    the page soon.
    """
    walked = _by_links(db, the_plan, beyond, limit, descending)
    if walked is not None:
        return walked
    walk = joined_source(the_plan)
    if the_plan.match:
        gathered = _fewer_than_the_words(db, the_plan, limit)
        if gathered is not None:
            return _keyed_rows(db, *gathered, beyond, limit, descending)
    keyed = keyed_source(the_plan) if the_plan.conditions else None
    if keyed is None:
        return _keyed_rows(db, *walk, beyond, limit, descending, key_column(the_plan))
    lead = driver(db, the_plan, DRIVER_CAP, DRIVER_BUDGET)
    rows = _by_values(db, the_plan, lead, beyond, limit, descending)
    if rows is not None:
        return rows
    if lead is not None:
        keyed = keyed_source(the_plan, lead)
    return _by_conditions(db, the_plan, keyed, lead, beyond, limit, descending)


def _by_links(db, the_plan: Compiled, beyond: int | None, limit: int, descending: bool):
    """A person's or an event's photos (a sidebar scope, with or without words), when they
    are more than GATHER: the keys walked in order, each tested against their ids, stop after
    a page (5 ms for a person in 39,323 photos of a million). None when they are fewer (the
    routes below gather and sort them), for the desk's long reads, or past the budget."""
    found = linked_walk(the_plan)
    if found is None or limit > GATHER:
        return None
    source, where, params, counts = found
    fewest = min(db.execute(sql, [*ps, LINK_GATHER + 1]).fetchone()[0] for sql, ps in counts)
    if fewest <= LINK_GATHER:
        return None
    return _within(db, LINK_WALK_BUDGET, _keyed_rows, source, where, params, beyond, limit,
                   descending, key_column(the_plan))


def _by_values(db, the_plan: Compiled, lead: int | None, beyond: int | None, limit: int,
               descending: bool):
    """A condition that is a range or a list (indexed:2020, rating:>=4, label:red) and that no
    other condition narrows more, read value by value, each newest first from its index, merged
    (with words, within SPLIT_BUDGET: they may be rare among its photos); None when it does
    not serve."""
    split = [n for n in the_plan.splits if lead is None or n == lead]
    if not split:
        return None
    values = split_values(db, the_plan.splits[split[0]], SPLIT_MOST)
    if values is None:
        return None
    args = the_plan, the_plan.splits[split[0]], values, beyond, limit, descending
    if not the_plan.match:
        return split_rows(db, *args)
    return _within(db, SPLIT_BUDGET, split_rows, *args)


def _by_conditions(db, the_plan: Compiled, keyed, lead: int | None, beyond: int | None,
                   limit: int, descending: bool):
    """The newest matches of conditions on photos, each way within a budget, cheapest first:
    one condition's index newest first when SQLite can read it so (pick:yes, status:missing),
    then the walk newest first (the matches are many and recent), then the range of the index
    sorted (indexed:2020: its photos are old, label:red: one of several spellings); with words,
    the photos of that range are looked up in the word index newest first. Oldest first the
    same ways serve (the walk is quick when the matches are many and old)."""
    if in_key_order(db, *keyed, descending):
        rows = _within(db, KEYED_BUDGET, _photo_rows, *keyed, beyond, limit, descending)
        if rows is not None:
            return rows
    walk = joined_source(the_plan)
    key = key_column(the_plan)
    rows = _within(db, WALK_BUDGET, _keyed_rows, *walk, beyond, limit, descending, key)
    if rows is not None:
        return rows
    if not the_plan.match:
        return _photo_rows(db, *keyed, beyond, limit, descending)
    return _checked(db, the_plan, keyed_source(the_plan, lead, words=False), beyond, limit,
                    descending)


def _checked(db, the_plan: Compiled, bare, beyond: int | None, limit: int, descending: bool):
    """The photos the conditions let through, sorted newest first, looked up in the word index
    CHECKED at a time until the page is full; after LOOKUPS of them (the words are rare among
    them) the walk of the words' matches takes over beyond the last photo looked up."""
    source, where, params = bare
    if beyond is not None:
        where, params = f"{where} AND {past(PHOTO_KEY, descending)}", [*params, beyond]
    sorted_keys = db.execute(f"SELECT {PHOTO_KEY}, p.id FROM {source} WHERE {where} "
                             f"ORDER BY {PHOTO_KEY} {way(descending)}", params)
    rows, looked = [], 0
    while len(rows) < limit and (chunk := sorted_keys.fetchmany(CHECKED)):
        ids = dict(chunk)
        found = db.execute("SELECT rowid FROM photo_search WHERE photo_search MATCH ? AND "
                           f"rowid {IN_IDS} ORDER BY rowid {way(descending)}",
                           [the_plan.match, id_list(ids)])
        rows += [(ids[k], k) for k, in found]
        looked += len(chunk)
        if looked >= LOOKUPS and len(rows) < limit:
            rows += _keyed_rows(db, *joined_source(the_plan), chunk[-1][0], limit - len(rows),
                                descending, key_column(the_plan))
            break
    sorted_keys.close()
    return rows[:limit]


def _within(db, budget: float, rows, *args):
    """rows(db, *args), or None when it ran past budget seconds."""
    found = None
    with deadline(db, budget) as finished:
        found = rows(db, *args)
    return found if finished() else None


def _photo_rows(db, source: str, where: str, params: list, beyond: int | None, limit: int,
                descending: bool):
    return _keyed_rows(db, source, where, params, beyond, limit, descending, PHOTO_KEY, "p.id")


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


def _keyed_rows(db, source: str, where: str, params: list, beyond: int | None, limit: int,
                descending: bool, key: str = "s.key", photo: str = "s.photo_id"):
    """(photo id, key) of the first `limit` rows beyond `beyond` in the key's order."""
    if beyond is not None:
        where += f" AND {past(key, descending)}"
        params = [*params, beyond]
    sql = (f"SELECT {photo}, {key} FROM {source} WHERE {where} "
           f"ORDER BY {key} {way(descending)} LIMIT ?")
    return db.execute(sql, [*params, limit]).fetchall()


def _paged(rows: list, limit: int, make_cursor) -> tuple[list[int], str | None]:
    more = len(rows) > limit
    rows = rows[:limit]
    return [r[0] for r in rows], (make_cursor(rows[-1]) if more and rows else None)


# --- orders of a catalog column ----------------------------------------------------------------

def _by_column(db, the_plan: Compiled, sort: str, after: str | None, limit: int,
               descending: bool):
    column = COLUMN_SORTS[sort]
    position = None
    if after is not None:
        values = cursors.decode(after, sort, descending)
        if len(values) != 2 or not isinstance(values[1], int) or isinstance(values[0], (list, dict)):
            raise QueryError(f"this cursor does not belong to a search sorted by {sort}")
        position = values
    order = column, descending, position, limit + 1
    if the_plan.match or keyed_source(the_plan) is None:
        rows = column_rows(db, *_column_source(db, the_plan, limit + 1), *order)
    else:
        rows = _by_column_conditions(db, the_plan, order)
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = cursors.encode(sort, descending, rows[-1][1], rows[-1][0]) \
        if more and rows else None
    return [r[0] for r in rows], next_cursor


def _by_column_conditions(db, the_plan: Compiled, order: tuple) -> list:
    """Conditions on photos in a column's order, each way within COLUMN_BUDGET: the column's
    index walked, testing each photo (the matches are many), then as SQLite's planner chooses;
    the planner first when a condition is on the column itself (indexed:2020 by date indexed,
    rating:>=4 by rating: a range of the column's index, in its order, where the walk from
    the other end would first pass every photo outside it); else the photos found through
    the index of the condition that lets the fewest through (it holds the other condition
    columns and indexed_at: often no photo is read), and sorted (status:offline would walk
    every photo to find none)."""
    on_column = any(order[0] in split.expression for split in the_plan.splits.values())
    for visible in ((None, -1) if on_column else (-1, None)):  # -1: the column's index walked
        rows = _within(db, COLUMN_BUDGET, column_rows, *keyed_source(the_plan, visible),
                       *order)
        if rows is not None:
            return rows
    lead = driver(db, the_plan, DRIVER_CAP, DRIVER_BUDGET)
    return column_rows(db, *keyed_source(the_plan, lead), *order, by_index=False)


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

def _article(db, the_plan: Compiled, sort: str, after: str | None, limit: int,
             descending: bool):
    """The article's photos in the order it prints them (each at its first image), walked from
    the article's images: an article has few. Descending: the last image first."""
    if the_plan.article is None:
        raise QueryError("only the photos of one article can be in the article's order")
    source, where, params = article_source(the_plan)
    if after is not None:
        values = cursors.decode(after, sort, descending)
        where += f" AND {past('(a.position, a.photo_id)', descending, '(?, ?)')}"
        params += [_int(values, 0), _int(values, 1)]
    sql = (f"SELECT a.photo_id, a.position FROM {source} WHERE {where} "
           f"ORDER BY a.position {way(descending)}, a.photo_id {way(descending)} LIMIT ?")
    rows = db.execute(sql, [*params, limit + 1]).fetchall()
    return _paged(rows, limit, lambda last: cursors.encode(sort, descending, last[1], last[0]))


# --- relevance ---------------------------------------------------------------------------------

def _relevance(db, the_plan: Compiled, sort: str, after: str | None, limit: int,
               descending: bool):
    if not the_plan.match:
        return _taken(db, the_plan, sort, after, limit, descending)
    floor = window_floor(db, the_plan, RELEVANCE_WINDOW)
    phase, position = "ranked", None
    if after is not None:
        values = cursors.decode(after, sort, descending)
        phase = values[0] if values and values[0] in ("ranked", "older") else None
        if phase is None:
            raise QueryError(f"this cursor does not belong to a search sorted by {sort}")
        position = values[1:]
    rows = []
    if phase == "ranked":
        rows = _ranked(db, the_plan, floor, position, limit + 1)
        if len(rows) > limit:
            return [r[0] for r in rows[:limit]], cursors.encode(sort, descending, "ranked",
                                                                rows[limit - 1][2],
                                                                rows[limit - 1][1])
        position = None
    if floor is None:
        return [r[0] for r in rows], None
    below = floor if position is None else min(floor, _int(position, 0))
    older = _by_key(db, the_plan, below, limit + 1 - len(rows), descending)
    rows = [r[:2] for r in rows] + older
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = cursors.encode(sort, descending, "older", rows[-1][1]) \
        if more and rows else None
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
