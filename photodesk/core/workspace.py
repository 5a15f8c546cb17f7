"""The user's settings applied to a catalog: which folders are watched, and by which observer."""

import os
from dataclasses import dataclass, field
from pathlib import Path

from photodesk.core import settings as store
from photodesk.core.catalog import Catalog
from photodesk.core import catalog
from photodesk.core.paths import inside


@dataclass
class Synced:
    new: list[str] = field(default_factory=list)  # folders added to the catalog: index them
    problem: str | None = None  # the settings could not be saved (the catalog is still right)


def is_settings_catalog(cat: Catalog, settings: store.Settings) -> bool:
    """The settings' folders belong to one catalog: `--catalog test.sqlite` must neither take
    the archive's folders nor give its own to the archive."""
    return Path(cat.path) == Path(settings.catalog_path()).expanduser().resolve()


def sync_folders(cat: Catalog, settings: store.Settings, *,
                 settings_file: Path | None = None) -> Synced:
    """Make the catalog and the settings name the same folders, each with its observer.

    A folder listed in the settings but not yet in the catalog is added (and returned, so the
    caller indexes it); a catalog folder the settings do not list (added by `photodesk index`,
    say) is added to the settings. Only for the settings' own catalog.
    """
    if not is_settings_catalog(cat, settings):
        return Synced()
    known = {row["path"]: row for row in catalog.folders.folders(cat)}
    synced = Synced()
    with cat.transaction():
        for folder in settings.folders:
            if folder.path not in known:
                if not os.path.isdir(folder.path):
                    continue  # gone or unmounted: the watcher reports it when it comes back
                catalog.folders.add_folder(cat, folder.path)
                known[folder.path] = {"path": folder.path, "observer": None}
                synced.new.append(folder.path)
            observer = None if folder.observer == "auto" else folder.observer
            if known[folder.path].get("observer") != observer:
                catalog.folders.set_folder_watch(cat, folder.path, observer=observer)
    listed = {f.path for f in settings.folders}
    missing = [p for p in known
               if p not in listed and not any(inside(p, other) for other in known)]
    if not missing:
        return synced

    def add_missing(s: store.Settings) -> None:
        # Subfolders of a watched folder are watched with it: only top folders are listed.
        s.folders += [store.WatchedFolder(p, known[p].get("observer") or "auto")
                      for p in missing if all(f.path != p for f in s.folders)]
    try:
        store.modify(add_missing, settings_file)  # one write for them all
    except (OSError, ValueError) as exc:
        synced.problem = (f"the watched folders could not be saved in the settings "
                          f"({getattr(exc, 'strerror', None) or exc})")
    return synced
