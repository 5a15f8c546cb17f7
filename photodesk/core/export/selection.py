"""Which photos an export covers: a selection, a search, an article (in its order) or an event.
An article's and an event's photos are the search of their scope: the order the desk shows."""

from dataclasses import dataclass, field

from photodesk.core import search as search_core
from photodesk.core.catalog import Catalog
from photodesk.core import catalog
from photodesk.core.search import Scope

QUERY_LIMIT = 100_000


class SelectionError(ValueError):
    """The article, event or photos asked for are not in the catalog."""


@dataclass
class Selection:
    photo_ids: list[int]
    title: str | None = None           # shown atop an HTML gallery
    article_title: str | None = None   # {article_title} for every photo, when exporting an article
    notes: list[str] = field(default_factory=list)


def of_photos(cat: Catalog, photo_ids) -> Selection:
    ids = list(dict.fromkeys(int(i) for i in photo_ids))
    found = {p["id"] for p in catalog.photos.photos(cat, ids)}
    missing = [i for i in ids if i not in found]
    if missing:
        raise SelectionError(f"no photo {', '.join(map(str, missing))} in the catalog")
    return Selection(ids)


def of_query(cat: Catalog, query: str, *, limit: int = QUERY_LIMIT) -> Selection:
    return Selection(search_core.search(cat, query, limit=limit), title=query or None)


def of_article(cat: Catalog, article_id: int) -> Selection:
    article = catalog.articles.article(cat, article_id)
    if article is None:
        raise SelectionError(f"no article {article_id} in the catalog")
    ids = search_core.search(cat, scope=Scope("article", article_id), limit=QUERY_LIMIT)
    unlinked = [i["name"] for i in article["images"] if not i["photo_id"]]
    notes = [f"{name}: named by the article but not linked to a photo" for name in unlinked]
    return Selection(ids, title=article["title"], article_title=article["title"], notes=notes)


def of_event(cat: Catalog, event_id: int) -> Selection:
    event = catalog.registry.event_info(cat, event_id)
    if event is None:
        raise SelectionError(f"no event {event_id} in the catalog")
    ids = search_core.search(cat, scope=Scope("event", event_id), limit=QUERY_LIMIT)
    return Selection(ids, title=event["name"])
