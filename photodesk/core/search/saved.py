"""Saved searches: a name, the query text and its sort and direction, kept in the catalog and
run afresh each time, so a photo indexed later that matches appears in them."""

from dataclasses import dataclass

from photodesk.core.catalog import Catalog
from photodesk.core.catalog.photos import now
from photodesk.core.fold import fold, sort_key
from photodesk.core.search.parser import parse
from photodesk.core.search.orders import SORTS, direction
from photodesk.core.search.pages import Page, run
from photodesk.core.search.syntax import QueryError


@dataclass(frozen=True)
class SavedSearch:
    name: str
    query: str
    sort: str
    created_at: str
    updated_at: str
    descending: bool | None = None  # None: the sort's usual direction


def save_search(cat: Catalog, name: str, query: str, sort: str = "taken",
                descending: bool | None = None) -> SavedSearch:
    """Save (or replace) a search under name, with its sort and direction (None: the sort's
    usual). A query with a part that cannot be read is not saved: QueryError says which
    part."""
    name = " ".join((name or "").split())
    if not name:
        raise QueryError("a saved search needs a name")
    if sort not in SORTS:
        raise QueryError(f"cannot sort by {sort!r} (sorts: {', '.join(SORTS)})")
    if descending is not None:
        descending = direction(sort, descending)
    query = query.strip()
    if not query:
        raise QueryError("a saved search needs a query")
    parse(query, strict=True)
    stamp = now()
    with cat.transaction():
        cat.db.execute(
            "INSERT INTO saved_searches (name, query, sort, created_at, updated_at, descending) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET query = excluded.query, "
            "sort = excluded.sort, updated_at = excluded.updated_at, "
            "descending = excluded.descending", [name, query, sort, stamp, stamp, descending])
    return saved_search(cat, name)


def saved_searches(cat: Catalog) -> list[SavedSearch]:
    rows = cat.db.execute("SELECT name, query, sort, created_at, updated_at, descending "
                          "FROM saved_searches")
    return sorted((SavedSearch(*r[:5], None if r[5] is None else bool(r[5])) for r in rows),
                  key=lambda s: sort_key(s.name))


def saved_search(cat: Catalog, name: str) -> SavedSearch | None:
    """The saved search of this name; without accents or case when that names only one."""
    name = " ".join((name or "").split())
    everything = saved_searches(cat)
    for entry in everything:
        if entry.name == name:
            return entry
    loose = [e for e in everything if fold(e.name) == fold(name)]
    return loose[0] if len(loose) == 1 else None


def delete_saved_search(cat: Catalog, name: str) -> bool:
    entry = saved_search(cat, name)
    if entry is None:
        return False
    with cat.transaction():
        cat.db.execute("DELETE FROM saved_searches WHERE name = ?", [entry.name])
    return True


def run_saved(cat: Catalog, name: str, *, also: str = "", sort: str | None = None,
              descending: bool | None = None, **options) -> Page:
    """Run a saved search now; `also` narrows it further (words or fields, ANDed). It runs in
    its saved sort and direction unless sort or descending say otherwise; the saved direction
    goes with the saved sort (another sort runs its usual way unless descending is given)."""
    entry = saved_search(cat, name)
    if entry is None:
        known = ", ".join(e.name for e in saved_searches(cat)) or "none yet"
        raise QueryError(f"no saved search named {name!r} (saved: {known})")
    query = f"({entry.query}) {also}" if also.strip() else entry.query
    if not sort or sort == entry.sort:
        sort, descending = entry.sort, entry.descending if descending is None else descending
    return run(cat, query, sort=sort, descending=descending, **options)
