"""Catalog folders as the user handles them: adding one, how it is watched, where this machine
finds it, removing one (its files stay on disk). The catalog alone says which folders are
watched, so every PhotoDesk that opens it, whatever its settings, watches the same ones."""

import os
from dataclasses import dataclass

from photodesk.core import search
from photodesk.core.catalog import Catalog
from photodesk.core import catalog
from photodesk.core.paths import inside, normal_path

OBSERVERS = ("auto", "native", "polling")  # auto: native, polling on network file systems


@dataclass(frozen=True)
class Removed:
    folder: str
    photos: int
    articles: int


@dataclass(frozen=True)
class Located:
    folder: str   # the catalog folder where it was looked for (where it is now, when moved)
    root: str     # where its root is then: every catalog folder under it moves along
    looked: int   # photos of the root looked for there (a sample)
    found: int    # of them, how many are there
    moved: bool   # False: none was there (the wrong folder?), and nothing changed


class FolderError(Exception):
    """The folder cannot be added, changed or removed; the message says why."""


def add_folder(cat: Catalog, path: str, observer: str | None = None) -> str:
    """Make path a catalog folder, watched from then on by every PhotoDesk on this catalog;
    observer, when given, is how. Its photos are read by indexing it (index_paths, or a watch's
    catch-up). Returns the path as the catalog keeps it."""
    path = normal_path(path)
    if observer is not None:
        _check_observer(observer)
    with cat.transaction():
        catalog.folders.add_folder(cat, path)
        if observer is not None:
            catalog.folders.set_folder_watch(cat, path, observer=_stored(observer))
    return path


def set_observer(cat: Catalog, path: str, observer: str) -> None:
    """How a catalog folder is watched: 'auto' (the system's notifications, listing on network
    shares), 'native' or 'polling'."""
    _check_observer(observer)
    path = normal_path(path)
    if catalog.folders.folder_by_path(cat, path) is None:
        raise FolderError(f"{path} is not a folder of this catalog "
                          f"(photodesk folders list shows them)")
    with cat.transaction():
        catalog.folders.set_folder_watch(cat, path, observer=_stored(observer))


def observer_of(row: dict) -> str:
    """A catalog folder row's observer choice, as the user names it."""
    return row.get("observer") or "auto"


def _stored(observer: str) -> str | None:
    return None if observer == "auto" else observer  # NULL: chosen by file system


def _check_observer(observer: str) -> None:
    if observer not in OBSERVERS:
        raise FolderError(f"the observer must be one of {', '.join(OBSERVERS)}, "
                          f"not {observer!r}")


def remove_folder(cat: Catalog, path: str) -> Removed:
    """Forget a catalog folder: its photos, their tags and edits not yet written to the files,
    and the articles filed in it leave the catalog, and no PhotoDesk watches it any more; the
    files on disk are not touched."""
    path = normal_path(path)
    parent = next((f["path"] for f in catalog.folders.folders(cat) if inside(path, f["path"])),
                  None)
    if parent is not None:
        # The parent's next scan would bring the photos straight back.
        raise FolderError(f"{path} is inside the catalog folder {parent}: remove that one, "
                          "or move the photos out")
    if catalog.folders.folder_by_path(cat, path) is None and not catalog.photos.known_files(
            cat, path):
        raise FolderError(f"{path} is not a folder of this catalog "
                          f"(photodesk folders list shows them)")
    with cat.transaction():
        ids, cut, articles = catalog.folders.remove_folder(cat, path)
        search.refresh(cat, [*ids, *cut])  # removed photos leave the index; others lose words
    return Removed(path, len(ids), articles)


def locate_folder(cat: Catalog, folder: str, where: str, *, sample: int = 20) -> Located:
    """Say where this machine finds a catalog folder it no longer finds (a share mounted
    elsewhere, a disk under a new name): the root the folder lies under is mounted so that the
    folder is at where, for this machine. Its photos keep their ids, tags and edits; they are
    present again once the folder is read (indexed, or a watch's catch-up), which reads only
    what changed.

    A sample of the root's photos is looked for first: when none is there, nothing changes
    (moved is False) — most likely the wrong folder was chosen.
    """
    folder, where = normal_path(folder), normal_path(where)
    if not os.path.isdir(where):
        raise FolderError(f"{where}: no such folder")
    found = cat.roots.find(folder)
    if found is None or catalog.folders.folder_by_path(cat, folder) is None:
        raise FolderError(f"{folder} is not a folder of this catalog "
                          f"(photodesk folders list shows them)")
    root_id, rel = found
    base = where if not rel else catalog.roots.relative_base(where, rel)
    if base is None:
        raise FolderError(f"the catalog keeps {folder} as {rel} inside "
                          f"{cat.roots.root(root_id).path}, so its new place must end in /{rel} "
                          f"too ({where} does not): locate {cat.roots.root(root_id).path} "
                          f"instead, or photodesk catalog mount")
    others = [r for r, _ in cat.roots.covering(base) if r != root_id]
    if others:
        raise FolderError(f"{where} is already in the catalog, with "
                          f"{cat.roots.root(others[0]).path}")
    looked, present = catalog.roots.sample_found(cat, root_id, base, sample)
    if looked and not present:
        return Located(where, base, looked, 0, moved=False)
    catalog.roots.mount(cat, root_id, base, sample=0)
    return Located(where, base, looked, present, moved=True)
