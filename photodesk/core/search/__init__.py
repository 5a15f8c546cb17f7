"""Searching the catalog: a query language over a folded full-text index, pages, facets and
saved searches (SQLite FTS5 lives here and in the schema only).

One parser serves the GUI search field, `photodesk search` and saved searches alike:
text → tokens (tokens.py) → syntax tree (parser.py) → SQL with parameters (sql.py) → a page
of ids (run.py).
"""

from datetime import date

from photodesk.core.catalog import Catalog
from photodesk.core.search.facet_counts import FACETS, FacetValue, Facets, facet_clause, facets, narrow
from photodesk.core.search.help import SYNTAX_HELP, syntax, syntax_help
from photodesk.core.search.index import rebuild, refresh
from photodesk.core.search.parser import parse
from photodesk.core.search.orders import SORTS
from photodesk.core.search.pages import COUNT_CAP, PAGE, Page, run
from photodesk.core.search.sources import count_plan
from photodesk.core.search.saved import (SavedSearch, delete_saved_search, run_saved,
                                         save_search, saved_search, saved_searches)
from photodesk.core.search.sql import plan
from photodesk.core.search.syntax import Problem, Query, QueryError

ORDER = SORTS  # the sort names, as the first version called them

__all__ = [
    "COUNT_CAP", "FACETS", "ORDER", "PAGE", "SORTS", "SYNTAX_HELP", "FacetValue", "Facets",
    "Page", "Problem", "Query", "QueryError", "SavedSearch", "count", "delete_saved_search",
    "facet_clause", "facets", "match_expression", "narrow", "parse", "rebuild", "refresh", "run",
    "run_saved", "save_search", "saved_search", "saved_searches", "search", "syntax",
    "syntax_help",
]


def search(cat: Catalog, query: str = "", *, limit: int = 200, sort: str = "taken",
           after: str | None = None, today: date | None = None) -> list[int]:
    """Ids of photos matching query, in sort order. An empty query lists every photo; a query
    of which nothing can be used finds nothing."""
    return run(cat, query, sort=sort, limit=limit, after=after, count_cap=0, today=today).ids


def count(cat: Catalog, query: str = "", *, cap: int | None = None,
          today: date | None = None) -> int:
    """How many photos match query (at most cap + 1 are counted when cap is given)."""
    return count_plan(cat.db, plan(parse(query, today=today)), cap)


def match_expression(query: str) -> str | None:
    """The FTS5 expression for the words of a query (None when it has no words)."""
    return plan(parse(query)).match
