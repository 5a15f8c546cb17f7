"""Editing photos in the catalog: one call changes fields on a selection and keeps search current."""

from photodesk.core import search
from photodesk.core.catalog import Catalog
from photodesk.core import catalog


def edit_photos(cat: Catalog, photo_ids, *, versions: dict | None = None,
                desk: str | None = None, **changes) -> dict[int, int]:
    """Apply the same changes to every photo in photo_ids, in one transaction; their new
    versions. versions: the version each photo was read at (a window's edit): one another
    desk changed since raises EditConflict and nothing is saved. desk: the desk's name, for
    the history."""
    ids = list(photo_ids)
    versions = versions or {}
    with cat.transaction():
        saved = {pid: catalog.edits.apply_edit(cat, pid, changes, versions.get(pid), desk)
                 for pid in ids}
        search.refresh(cat, ids)
    return saved


def decide_suggestion(cat: Catalog, photo_ids, kind: str, target_id: int, accept: bool) -> None:
    """Confirm (it becomes Person Shown / Event) or reject a suggested person or event."""
    ids = list(photo_ids)
    with cat.transaction():
        for pid in ids:
            catalog.articles.decide_suggestion(cat, pid, kind, target_id, accept)
        search.refresh(cat, ids)


def keep_photo_caption(cat: Catalog, photo_id: int, article_id: int) -> None:
    """The editor keeps the photo's own caption over the article's; not asked again unless the
    photo's caption changes."""
    with cat.transaction():
        catalog.articles.keep_caption(cat, photo_id, article_id)



def versions(cat: Catalog, photo_ids) -> dict[int, int]:
    """Each photo's version now (it goes up with every editor's change)."""
    return catalog.edits.versions(cat, photo_ids)
