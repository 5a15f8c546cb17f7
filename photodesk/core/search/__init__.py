"""Searching the catalog: a query language over a folded full-text index, pages, facets and
saved searches.

One parser serves the GUI search field, `photodesk search` and saved searches alike, and one
route finds the photos of the desk's scopes (a folder, an article, a person…): text → tokens
(tokens.py) → syntax tree (parser.py), to which a scope adds its condition (scopes.py) → a plan
(planner.py) → SQL with parameters (sqlite.py: what knows SQLite, FTS5 and the schema's
indexes; index.py writes the index) → a page of ids in a sort order (orders.py, pages.py).
"""

from datetime import date

from photodesk.core.catalog import Catalog
from photodesk.core.search.facet_counts import FACETS, FacetValue, Facets, facet_clause, facets, narrow
from photodesk.core.search.help import SYNTAX_HELP, syntax, syntax_help
from photodesk.core.search.index import rebuild, refresh
from photodesk.core.search.parser import parse
from photodesk.core.search.orders import ARTICLE, DIRECTIONS, SORTS, described
from photodesk.core.search.pages import COUNT_CAP, PAGE, Page, prepare, run
from photodesk.core.search.planner import plan as portable_plan
from photodesk.core.search.saved import (SavedSearch, delete_saved_search, run_saved,
                                         save_search, saved_search, saved_searches)
from photodesk.core.search.scopes import EVERYTHING, Scope, within
from photodesk.core.search.sqlite import Compiled, compile_plan, count_plan
from photodesk.core.search.syntax import Problem, Query, QueryError

ORDER = SORTS  # the sort names, as the first version called them

__all__ = [
    "ARTICLE", "COUNT_CAP", "DIRECTIONS", "EVERYTHING", "FACETS", "ORDER", "PAGE", "SORTS",
    "SYNTAX_HELP", "FacetValue", "Facets", "Page", "Problem", "Query", "QueryError",
    "SavedSearch", "Scope", "count", "delete_saved_search", "described", "facet_clause",
    "facets", "match_expression", "narrow",
    "parse", "plan", "rebuild", "refresh", "run", "run_saved", "save_search", "saved_search",
    "saved_searches", "search", "syntax", "syntax_help", "within",
]


def search(cat: Catalog, query: str = "", *, scope: Scope = EVERYTHING, limit: int = 200,
           sort: str | None = None, descending: bool | None = None, after: str | None = None,
           today: date | None = None) -> list[int]:
    """Ids of the photos of scope matching query, in sort order (None: the scope's own) and
    direction (None: the sort's usual). An empty query lists every photo of the scope; a
    query of which nothing can be used finds nothing."""
    return run(cat, query, scope=scope, sort=sort, descending=descending, limit=limit,
               after=after, count_cap=0, today=today).ids


def count(cat: Catalog, query: str = "", *, scope: Scope = EVERYTHING, cap: int | None = None,
          today: date | None = None) -> int:
    """How many photos of scope match query (at most cap + 1 are counted when cap is given)."""
    if getattr(cat, "backend", "sqlite") == "postgresql":
        from photodesk.core.search import postgres
        from photodesk.core.search.pages import archive_plan
        the_plan = archive_plan(cat, query, scope, today)[1]
        return 0 if the_plan.nothing else postgres.count(cat.db, the_plan, cap)
    return count_plan(cat.db, prepare(query, scope, today, cat)[1], cap)


def match_expression(query: str) -> str | None:
    """The FTS5 expression for the words of a query (None when it has no words)."""
    return prepare(query)[1].match


def plan(query: Query) -> Compiled:
    """A parsed query's plan, compiled for the catalog's database."""
    return compile_plan(portable_plan(query))
