"""Running a query: one page of photo ids in a sort order, the cursor to the next page, and
the number of matches counted up to a cap within a time budget. A query runs within a scope
(scopes.py): everything, a folder, an article, a person, an event or a saved search."""

import time
from dataclasses import dataclass
from datetime import date

from photodesk.core.catalog import Catalog
from photodesk.core.search import orders
from photodesk.core.search.orders import ARTICLE, SORTS
from photodesk.core.search.lookalikes import resolved
from photodesk.core.search.named import named
from photodesk.core.search.parser import parse
from photodesk.core.search.places import placed
from photodesk.core.search.planner import Plan, plan
from photodesk.core.search.scopes import EVERYTHING, Scope, within
from photodesk.core.search.sqlite import Compiled, compile_plan, count_plan
from photodesk.core.search.syntax import Problem, Query, QueryError

PAGE = 50
COUNT_CAP = 10_000
# Seconds a page may take, its search and its count together; past it the count is left to
# count(). A common word with a condition (indexed:2020 co) cannot be counted to the cap in
# 10 ms: on a busy machine a fixed count budget on top of a slow search doubled the page.
COUNT_BUDGET = 0.01
MIN_COUNT_BUDGET = 0.001  # a page that took its budget searching still counts the few


@dataclass
class Page:
    """One page of a search. total counts matches up to the cap: when total_exact is False
    there are more than total ("more than 10,000"). total is None when the page was not to
    count, or counting would have taken longer than its budget (call count() for it)."""
    ids: list[int]
    cursor: str | None           # after= for the next page; None on the last page
    total: int | None
    total_exact: bool
    query: Query

    @property
    def problems(self) -> tuple[Problem, ...]:
        return self.query.problems


def prepare(query: str | Query, scope: Scope = EVERYTHING, today: date | None = None,
            cat: Catalog | None = None, by_date: bool = False) -> tuple[Query, Compiled]:
    """The query within scope, and its plan compiled for the catalog's database; cat (the
    catalog searched) places the folder paths it names and finds the look-alikes of a
    similar: (without it, similar:ID is the photo alone) and what person:, event: and
    keyword: name in the registry. by_date: the matches are wanted in
    date order, which a folder scope's words serve (places.placed)."""
    parsed = query if isinstance(query, Query) else parse(query, today=today)
    parsed = within(parsed, scope, today)
    if cat is None:
        return parsed, compile_plan(plan(parsed))
    parsed = resolved(placed(parsed, cat.roots, scope_words=by_date), cat)
    # The words of person:, event: and keyword: stay in the query a page reports (they are
    # what the user typed); the plan searches the links they name.
    return parsed, compile_plan(plan(named(parsed, cat)))


def run(cat: Catalog, query: str | Query, *, scope: Scope = EVERYTHING, sort: str | None = None,
        descending: bool | None = None, limit: int = PAGE, after: str | None = None,
        count_cap: int | None = COUNT_CAP, count_budget: float | None = COUNT_BUDGET,
        today: date | None = None) -> Page:
    """A page of the photos of scope matching query, in sort order: one of SORTS, or None for
    the scope's own (an article's photos in the article's order, others by date taken).
    descending: the direction (None: the sort's usual, DIRECTIONS); the other direction is
    the exact reverse, and relevance runs one way only (QueryError). A cursor continues only
    the sort and direction it came from. count_cap=None counts every match, 0 counts none;
    count_budget: seconds the search and its count may take together (None: count however
    long it takes)."""
    if sort is not None and sort not in SORTS and sort != ARTICLE:
        raise QueryError(f"cannot sort by {sort!r} (sorts: {', '.join(SORTS)})")
    if getattr(cat, "backend", "sqlite") == "postgresql":
        return _archive_run(cat, query, scope, sort, descending, limit, after, count_cap, today)
    parsed, the_plan = prepare(query, scope, today, cat, by_date=sort in (None, "taken"))
    sort, descending = _sorted(the_plan, sort, descending)
    limit = max(0, int(limit))
    started = time.perf_counter()
    if the_plan.nothing:
        rows, more = [], None
    else:
        rows, more = orders.page(cat.db, the_plan, sort, after, limit, descending)
    def counted():
        budget = count_budget
        if budget is not None:
            budget = max(MIN_COUNT_BUDGET, budget - (time.perf_counter() - started))
        return count_plan(cat.db, the_plan, count_cap, budget=budget)
    return _page(rows, more, after, limit, count_cap, counted, parsed)


def _sorted(the_plan, sort: str | None, descending: bool | None) -> tuple[str, bool]:
    """The sort (None: the scope's own) and its direction (None: the sort's usual)."""
    if sort is None:
        sort = ARTICLE if the_plan.article is not None else "taken"
    elif sort == ARTICLE and the_plan.article is None:
        raise QueryError("only the photos of one article can be in the article's order")
    return sort, orders.direction(sort, descending)


def _page(rows, more, after, limit: int, count_cap, counted, parsed) -> Page:
    """The page, with the matches counted up to count_cap (counted() counts them, or None
    when out of time)."""
    total, exact = None, False
    if count_cap != 0:
        if after is None and more is None and len(rows) < limit:
            total = len(rows)  # the first page holds every match: nothing left to count
        else:
            total = counted()
        if total is not None:
            exact = count_cap is None or total <= count_cap
            total = total if exact else count_cap
    return Page(rows, more, total, exact, parsed)


def archive_plan(cat: Catalog, query: str | Query, scope: Scope = EVERYTHING,
                 today: date | None = None) -> tuple[Query, Plan]:
    """The query within scope as the archive searches it (search/postgres.py): placed, its
    look-alikes and registry names resolved, planned."""
    parsed = query if isinstance(query, Query) else parse(query, today=today)
    parsed = resolved(placed(within(parsed, scope, today), cat.roots), cat)
    return parsed, plan(named(parsed, cat))


def _archive_run(cat, query, scope, sort, descending, limit, after, count_cap, today) -> Page:
    from photodesk.core.search import postgres
    parsed, the_plan = archive_plan(cat, query, scope, today)
    sort, descending = _sorted(the_plan, sort, descending)
    limit = max(0, int(limit))
    if the_plan.nothing:
        return Page([], None, 0 if count_cap != 0 else None, count_cap != 0, parsed)
    rows, more = postgres.page(cat.db, the_plan, sort, after, limit, descending)
    return _page(rows, more, after, limit, count_cap,
                 lambda: postgres.count(cat.db, the_plan, count_cap), parsed)
