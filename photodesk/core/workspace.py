"""The user's settings meeting a catalog: whether they name it, and the one-time move of the
folders an earlier version listed in the settings into the catalog, where folders live now."""

import os
from dataclasses import dataclass, field
from pathlib import Path

from photodesk.core import settings as store
from photodesk.core.catalog import Catalog
from photodesk.core import catalog
from photodesk.core.folders import add_folder, observer_of, set_observer


@dataclass
class Moved:
    folders: list[str] = field(default_factory=list)  # every folder the settings listed
    new: list[str] = field(default_factory=list)  # of them, added to the catalog: index them
    problem: str | None = None  # the settings could not be saved (they move again next time)


def is_settings_catalog(cat: Catalog, settings: store.Settings) -> bool:
    """The catalog the settings name (a scratch catalog, `--catalog test.sqlite`, is not)."""
    if cat.path is None:  # the archive: the settings name it by its URL
        return cat.location.url == settings.catalog_where()
    return Path(cat.path) == Path(settings.catalog_path()).expanduser().resolve()


def move_listed_folders(cat: Catalog, settings: store.Settings, *,
                        settings_file: Path | None = None) -> Moved:
    """Move the folders a settings file of an earlier version lists (`[[folders]]`) into the
    catalog those settings name, once: a folder the catalog lacks is added (returned in new,
    for the caller to index, when it is on disk; one that is not comes back when it returns),
    each takes the observer the file gives it, and the list leaves the file. A file naming
    another catalog is left alone until it meets its own.

    The file is read again under the settings lock, so two PhotoDesks starting at once move
    the list once, and settings (the caller's copy) lose the list too.
    """
    moved = Moved()
    if not settings.folders or not is_settings_catalog(cat, settings):
        return moved
    done = False

    def move(current: store.Settings) -> None:
        nonlocal done
        if current.folders and is_settings_catalog(cat, current):
            moved.folders, moved.new = _into_catalog(cat, current.folders)
            current.folders = []
        done = True
    try:
        store.modify(move, settings_file)
    except (OSError, ValueError) as exc:
        if not done:  # the file could not be read again: the caller's copy moves
            moved.folders, moved.new = _into_catalog(cat, settings.folders)
        moved.problem = (f"the folders listed in the settings are in the catalog now, but the "
                         f"list could not be taken out of the settings "
                         f"({getattr(exc, 'strerror', None) or exc}); it is moved again, "
                         f"changing nothing, at the next start")
    settings.folders = []
    return moved


def _into_catalog(cat: Catalog, listed: list[store.ListedFolder]) -> tuple[list[str], list[str]]:
    known = {row["path"]: row for row in catalog.folders.folders(cat)}
    folders, new = [], []
    for folder in listed:
        row = known.get(folder.path)
        if row is None:
            add_folder(cat, folder.path, folder.observer)
            if os.path.isdir(folder.path):
                new.append(folder.path)
        elif observer_of(row) != folder.observer:
            set_observer(cat, folder.path, folder.observer)  # there already: the choice moves
        folders.append(folder.path)
    return folders, new
