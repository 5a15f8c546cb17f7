"""What the desk asks the catalog, as plain functions that run on worker threads (core calls only)."""

from photodesk.core import people, search
from photodesk.core.catalog import desk
from photodesk.core import catalog
from photodesk.core.catalog.schema import name_key
from photodesk.core.search import EVERYTHING, Scope  # noqa: F401 (the desk's scopes are search's)

ALL = 10_000_000  # "every match": ids are cheap, the rows behind them are what pages


def scope_ids(cat, scope: Scope, query: str, sort: str) -> list[int]:
    """Ids of the photos in scope that match query, in sort order: one search, the scope one
    of its conditions. An article keeps its own order, as it prints its photos."""
    return search.search(cat, query, scope=scope, limit=ALL,
                         sort=None if scope.kind == "article" else sort)


def overview(cat) -> dict:
    """Everything the sidebar and the completers list."""
    return {"folders": desk.folder_tree(cat), "articles": catalog.articles.articles(cat),
            **people.registry(cat), "saved": saved_searches(cat)}


def saved_searches(cat) -> list[dict] | None:
    """Saved searches as [{name, query}], or None while the core has no saved searches."""
    lister = getattr(search, "saved_searches", None)
    if lister is None:
        return None
    out = []
    for entry in lister(cat):
        get = entry.get if isinstance(entry, dict) else lambda k, e=entry: getattr(e, k, None)
        query = get("query")
        if query is not None:
            out.append({"name": get("name") or query, "query": query})
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


def photo_extras(cat, photo_id: int) -> dict:
    """What the inspector shows beside the row: the suggestions waiting for the editor."""
    return {"id": photo_id, "suggestions": people.suggestions(cat, photo_id)}


def newest_article(cat, folders: list[str]) -> int | None:
    return desk.newest_article_under(cat, folders)
