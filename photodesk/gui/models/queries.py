"""What the desk asks the catalog, as plain functions that run on worker threads (core calls only)."""

from photodesk.core import people, search
from photodesk.core.catalog import desk
from photodesk.core import catalog
from photodesk.core.catalog.schema import name_key
from photodesk.core.search import EVERYTHING, Scope  # noqa: F401 (the desk's scopes are search's)
from photodesk.core.search import rank

ALL = 10_000_000  # "every match": ids are cheap, the rows behind them are what pages


def scope_ids(cat, scope: Scope, query: str, sort: str, descending: bool | None = None
              ) -> list[int]:
    """Ids of the photos in scope that match query, in sort order: one search, the scope one
    of its conditions. An article keeps its own order, as it prints its photos."""
    return search.search(cat, query, scope=scope, limit=ALL, **_order(scope, sort, descending))


def _order(scope: Scope, sort: str, descending: bool | None) -> dict:
    """The sort and direction asked for, except that an article keeps its own order."""
    if scope.kind == "article":
        return {"sort": None}
    return {"sort": sort, "descending": descending}


SECTION_PAGE = 200  # entries of a sidebar section read at a time: an archive has 100,000s


def overview(cat) -> dict:
    """What the sidebar lists: the folder tree, saved searches, and the first page of the
    articles, people and events (each {entries, offset, total})."""
    return {"folders": desk.folder_tree(cat), "saved": saved_searches(cat),
            **{section: section_page(cat, section) for section in ("articles", "people",
                                                                   "events")}}


def section_page(cat, section: str, offset: int = 0) -> dict:
    """{entries, offset, total}: SECTION_PAGE articles (newest first), people (by name) or
    events (newest first) from offset on."""
    if section == "articles":
        entries = catalog.articles.articles(cat, limit=SECTION_PAGE, offset=offset)
        total = catalog.articles.count(cat)
    else:
        everyone = (desk.people if section == "people" else desk.events)(cat, counted=False)
        entries = desk.counted(cat, everyone[offset:offset + SECTION_PAGE], section)
        total = len(everyone)
    return {"entries": entries, "offset": offset, "total": total}


def saved_searches(cat) -> list[dict] | None:
    """Saved searches as [{name, query, sort, descending}], or None while the core has no
    saved searches."""
    lister = getattr(search, "saved_searches", None)
    if lister is None:
        return None
    out = []
    for entry in lister(cat):
        get = entry.get if isinstance(entry, dict) else lambda k, e=entry: getattr(e, k, None)
        query = get("query")
        if query is not None:
            out.append({"name": get("name") or query, "query": query, "sort": get("sort"),
                        "descending": get("descending")})
    return out


def article_page(cat, article_id: int) -> dict | None:
    """An article with the rows of its linked photos and the candidates of ambiguous images."""
    article = catalog.articles.article(cat, article_id)
    if article is None:
        return None
    linked = sorted({i["photo_id"] for i in article["images"] if i["photo_id"] is not None})
    article["photos"] = {p["id"]: p for p in catalog.photos.photos(cat, linked)}
    article["pending"] = len(catalog.articles.pending_suggestions(cat, linked))
    article["candidates"] = {}
    for image in article["images"]:
        if image["match"] == "ambiguous":
            named = catalog.articles.photos_named(cat, name_key(image["name"]))
            article["candidates"][image["position"]] = catalog.photos.photos(
                cat, [p["id"] for p in named])
    return article


def photo_extras(cat, photo_id: int, copy_of: int | None = None) -> dict:
    """What the inspector shows beside the row: the suggestions waiting for the editor, and
    the original of a photo marked as a copy (copy_of: its id) as {"id", "name"}."""
    original = catalog.photos.photo(cat, copy_of) if copy_of else None
    return {"id": photo_id, "suggestions": people.suggestions(cat, photo_id),
            "original": {"id": original["id"], "name": original["name"]} if original else None}


def newest_article(cat, folders: list[str]) -> int | None:
    return desk.newest_article_under(cat, folders)


def first_ids(cat, scope: Scope, query: str, sort: str, descending: bool | None, limit: int):
    """(ids, cursor) of the first `limit` photos of scope matching query, in sort order (an
    article in its own); cursor is None when they are all of them."""
    page = search.run(cat, query, scope=scope, limit=limit, count_cap=0,
                      **_order(scope, sort, descending))
    return page.ids, page.cursor


REST_CHUNK = 20_000  # ids read per statement: a search superseded meanwhile stops there, and
# the rows read at once stay few (a million row tuples alive made the garbage collector walk
# them all, holding the GIL for 0.2–0.3 s: a frozen window)


def rest_ids(cat, scope: Scope, query: str, sort: str, descending: bool | None, cursor: str,
             first: list[int], wanted=lambda: True):
    """(every id, first ones included, and each one's row): the rest of a search whose first
    ids are listed; the whole list and its row map are made here, as a million entries would
    stall the window. None when wanted() turns false (a newer search replaced this one): the
    reading stops."""
    rest = []
    while cursor is not None:
        if not wanted():
            return None
        page = search.run(cat, query, scope=scope, limit=REST_CHUNK, after=cursor, count_cap=0,
                          **_order(scope, sort, descending))
        rest += page.ids
        cursor = page.cursor
    every = first + rest
    return every, positions(cat, every)


BLOCK = 20_000  # consecutive rows per dict of the row map


def positions(_cat, ids: list[int]) -> list[dict[int, int]]:
    """Each id's row, in dicts of BLOCK consecutive rows, each made by one C call of a few
    milliseconds. One dict of a million took 0.42 s as a comprehension, or held the GIL for
    30-70 ms at a time as it grew (each growth copies all it holds): the window waited."""
    return [dict(zip(ids[start:start + BLOCK], range(start, start + BLOCK)))
            for start in range(0, len(ids), BLOCK)]


def rows_of(cat, ids: list[int], wanted=None) -> list[dict] | None:
    """The catalog rows of ids; None, unread, when wanted() says they are no longer."""
    if wanted is not None and not wanted():
        return None
    return catalog.photos.photos(cat, ids)


def placement(cat, scope: Scope, query: str, sort: str, descending: bool | None,
              listed: list[int], changed: list[int], rows: dict[int, int], every_row: bool):
    """Where photos that changed now go in the listed ids (search.rank); None: search again."""
    return rank.place(cat, query, listed, changed, scope=scope, rows=rows, every_row=every_row,
                      **_order(scope, sort, descending))
