"""What the desk asks the catalog, as plain functions that run on worker threads (core calls only)."""

from dataclasses import dataclass, field

from photodesk.core import people, search
from photodesk.core.catalog import articles as store
from photodesk.core.catalog import desk
from photodesk.core.catalog import photos as catalog
from photodesk.core.catalog.schema import name_key

ALL = 10_000_000  # "every match": ids are cheap, the rows behind them are what pages


@dataclass(frozen=True)
class Scope:
    """Where the grid's photos come from: everything, a folder, an article, a person…"""
    kind: str = "all"  # all, folder, article, person, event, saved
    key: object = None  # folder path, article/person/event id, saved query text
    label: str = field(default="", compare=False)  # shown, not part of what it is


EVERYTHING = Scope()


def scope_ids(cat, scope: Scope, query: str, sort: str) -> list[int]:
    """Ids of the photos in scope that match query, in sort order (an article keeps its own)."""
    if scope.kind == "all":
        return search.search(cat, query, limit=ALL, sort=sort)
    if scope.kind == "saved":
        ids = search.search(cat, str(scope.key), limit=ALL, sort=sort)
    elif scope.kind == "folder":
        ids = desk.folder_photo_ids(cat, scope.key, sort)
    elif scope.kind == "article":
        ids = desk.article_photo_ids(cat, scope.key)
    elif scope.kind == "person":
        ids = desk.person_photo_ids(cat, scope.key, sort)
    elif scope.kind == "event":
        ids = desk.event_photo_ids(cat, scope.key, sort)
    else:
        raise ValueError(f"unknown scope: {scope.kind}")
    if not query.strip():
        return ids
    wanted = set(search.search(cat, query, limit=ALL, sort=sort))
    return [i for i in ids if i in wanted]


def overview(cat) -> dict:
    """Everything the sidebar and the completers list."""
    return {"folders": desk.folder_tree(cat), "articles": store.articles(cat),
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
    article = store.article(cat, article_id)
    if article is None:
        return None
    linked = sorted({i["photo_id"] for i in article["images"] if i["photo_id"] is not None})
    article["photos"] = {p["id"]: p for p in catalog.photos(cat, linked)}
    article["candidates"] = {}
    for image in article["images"]:
        if image["match"] == "ambiguous":
            named = store.photos_named(cat, name_key(image["name"]))
            article["candidates"][image["position"]] = catalog.photos(
                cat, [p["id"] for p in named])
    return article


def photo_extras(cat, photo_id: int) -> dict:
    """What the inspector shows beside the row: the suggestions waiting for the editor."""
    return {"id": photo_id, "suggestions": people.suggestions(cat, photo_id)}


def newest_article(cat, folders: list[str]) -> int | None:
    return desk.newest_article_under(cat, folders)
