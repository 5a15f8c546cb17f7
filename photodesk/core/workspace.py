"""The user's settings applied to a catalog: which folders are watched, and by which observer."""

import os

from photodesk.core import settings as store
from photodesk.core.catalog import Catalog
from photodesk.core.catalog import photos as catalog


def sync_folders(cat: Catalog, settings: store.Settings) -> list[str]:
    """Make the catalog and the settings name the same folders, each with its observer.

    A folder listed in the settings but not yet in the catalog is added (and returned, so the
    caller indexes it); a catalog folder the settings do not list (added by `photodesk index`,
    say) is added to the settings. The settings are saved when they changed.
    """
    known = {row["path"]: row for row in catalog.folders(cat)}
    new = []
    with cat.transaction():
        for folder in settings.folders:
            path = os.path.abspath(os.path.expanduser(folder.path))
            if path not in known:
                if not os.path.isdir(path):
                    continue  # gone or unmounted: the watcher reports it when it comes back
                catalog.add_folder(cat, path)
                new.append(path)
            observer = None if folder.observer == "auto" else folder.observer
            if path not in known or known[path].get("observer") != observer:
                catalog.set_folder_watch(cat, path, observer=observer)
    listed = {os.path.abspath(os.path.expanduser(f.path)) for f in settings.folders}
    missing = [p for p in known if p not in listed and _is_top(p, known)]
    if missing:
        for path in missing:
            settings.folders.append(store.WatchedFolder(path, known[path].get("observer") or "auto"))
        store.save(settings)
    return new


def _is_top(path: str, known: dict) -> bool:
    # Subfolders of a watched folder are watched with it; only the top ones are listed.
    return not any(path != other and path.startswith(other.rstrip("/") + "/") for other in known)
