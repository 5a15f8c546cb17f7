"""Where a plan's photos come from: FROM and WHERE clauses with their parameters, over the
word index (photo_search), the search keys (s) and the photos (p); and counting them within a
time budget."""

import re
import sqlite3
import time
from contextlib import contextmanager

from photodesk.core.search.sql import Plan

_NAMES_PHOTO = re.compile(r"\bp\.")


def key_column(the_plan: Plan) -> str:
    """The search key as the driving table names it."""
    return "photo_search.rowid" if the_plan.match else "s.key"


def joined_source(the_plan: Plan) -> tuple[str, str, list]:
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


def fts_where(the_plan: Plan, key: str) -> tuple[str, list]:
    """The plan's words and date range, for a query over photo_search alone."""
    where, params = range_where(the_plan, key)
    return f"photo_search MATCH ? AND {where}", [the_plan.match, *params]


def range_where(the_plan: Plan, key: str) -> tuple[str, list]:
    """The plan's date range on the search key, as the driving table names it."""
    parts, params = ["1"], []
    if the_plan.low is not None:
        parts.append(f"{key} >= ?")
        params.append(the_plan.low)
    if the_plan.high is not None:
        parts.append(f"{key} < ?")
        params.append(the_plan.high)
    return " AND ".join(parts), params


def count_plan(db, the_plan: Plan, cap: int | None = None,
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
        source, where, params = photos_source(the_plan)
    else:
        source, where, params = "search_keys s", *range_where(the_plan, "s.key")
    sql = f"SELECT count(*) FROM (SELECT 1 FROM {source} WHERE {where} LIMIT ?)"
    found = None
    with deadline(db, budget) as finished:
        found = db.execute(sql, [*params, limit]).fetchone()[0]
    return found if finished() else None


def photos_source(the_plan: Plan) -> tuple[str, str, list]:
    """Photos with conditions and no words, for the query planner to pick an index
    (rating, status, indexed_at) rather than walking the keys."""
    where, params = range_where(the_plan, "s.key")
    where += " AND " + " AND ".join(f"({w})" for w in the_plan.where)
    return "photos p JOIN search_keys s ON s.photo_id = p.id", where, [*params, *the_plan.params]


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


def gathered_source(the_plan: Plan) -> tuple[str, str, list] | None:
    """FROM and WHERE that find the photos by their conditions first (an index on photos
    serves them), then look up their search keys in photo id order; None when no condition
    names the photo alone. For conditions without words that match few photos, or only old
    ones: walking the keys newest first would read every newer photo to reject it."""
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
    source = "search_keys s"
    if any(_NAMES_PHOTO.search(sql) for sql, _ in keyed):  # e.g. (date OR rating) names both
        source += " CROSS JOIN photos p ON p.id = s.photo_id"
    return source, where, params


def candidates(db, the_plan: Plan, cap: int, budget: float) -> int | None:
    """How many photos the conditions that name the photo alone let through (at most cap + 1),
    without their search keys; None when budget seconds ran out (no index served them)."""
    on_photos, _ = the_plan.photo_terms()
    inner = " AND ".join(f"({sql})" for sql, _ in on_photos) or "1"
    sql = f"SELECT count(*) FROM (SELECT 1 FROM photos p WHERE {inner} LIMIT ?)"
    found = None
    with deadline(db, budget) as finished:
        found = db.execute(sql, [*(p for _, ps in on_photos for p in ps), cap + 1]).fetchone()[0]
    return found if finished() else None
