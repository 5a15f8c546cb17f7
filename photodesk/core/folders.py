"""Removing a folder from the catalog (its files stay on disk) and from the watched list."""

from dataclasses import dataclass

from photodesk.core import search
from photodesk.core import settings as store
from photodesk.core import workspace
from photodesk.core.catalog import Catalog
from photodesk.core import catalog
from photodesk.core.paths import inside


@dataclass(frozen=True)
class Removed:
    folder: str
    photos: int
    articles: int
    problem: str | None = None  # the settings could not be saved


class FolderError(Exception):
    """The folder cannot be removed; the message says why."""


def remove_folder(cat: Catalog, path: str, settings: store.Settings | None = None) -> Removed:
    """Forget a watched folder: its photos, their tags and edits not yet written to the files,
    and the articles filed in it leave the catalog; the files on disk are not touched. It also
    leaves the settings' watched list (for the settings' catalog), so it is not added back."""
    path = store.normal_path(path)
    settings = settings or store.load()
    own = workspace.is_settings_catalog(cat, settings)
    parent = next((f["path"] for f in catalog.folders.folders(cat) if inside(path, f["path"])), None)
    if parent is not None:
        # The parent's next scan would bring the photos straight back.
        raise FolderError(f"{path} is inside the catalog folder {parent}: remove that one, "
                          "or move the photos out")
    listed = own and any(f.path == path for f in settings.folders)
    if catalog.folders.folder_by_path(cat, path) is None and not catalog.photos.known_files(cat, path):
        if not listed:
            raise FolderError(f"{path} is not a folder of this catalog "
                              f"(photodesk folders list shows them)")
        # Only in the settings (a share that was not mounted at start): off the list.
        return Removed(path, 0, 0, _unlist(path))
    with cat.transaction():
        ids, cut, articles = catalog.folders.remove_folder(cat, path)
        search.refresh(cat, [*ids, *cut])  # removed photos leave the index; others lose words
    return Removed(path, len(ids), articles, _unlist(path) if own else None)


def _unlist(path: str) -> str | None:
    """Take the folder off the settings' watched list; why that failed, or None."""
    def forget(s: store.Settings) -> None:
        s.folders = [f for f in s.folders if f.path != path]
    try:
        store.modify(forget)
    except (OSError, ValueError) as exc:
        return f"the watched list in the settings could not be saved ({exc})"
    return None
