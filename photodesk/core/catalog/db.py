"""Opening a catalog: the SQLite file, its pragmas, its migrations and its thumbnail folder."""

import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from photodesk.core.catalog.schema import migrations


class CatalogError(Exception):
    """The catalog file cannot be opened or used; the message says why."""


def default_catalog_path() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "photodesk" / "catalog.sqlite"


_THUMBNAIL_DIRS: dict[tuple[str, Path], Path] = {}


def _thumbnail_dir(catalog_path: Path) -> Path:
    """Read once per process (and settings file): a folder changed in the settings mid-session
    takes effect at the next start, for the indexer and the grid alike."""
    from photodesk.core import settings
    key = (str(settings.settings_path()), catalog_path)
    if key not in _THUMBNAIL_DIRS:
        # repair=False: a worker thread must not set a damaged file aside unseen; the window
        # and the command line read it first and report it.
        chosen = settings.read(repair=False).settings
        _THUMBNAIL_DIRS[key] = chosen.thumbnail_dir(catalog_path)
    return _THUMBNAIL_DIRS[key]


class Catalog:
    """An open catalog. One writer at a time; each thread opens its own Catalog to read."""

    def __init__(self, path: str | os.PathLike, *, check_same_thread: bool = True):
        self.path = Path(path).expanduser().resolve()
        self._thumbs_dir: Path | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=30, check_same_thread=check_same_thread)
            self.db = Database(conn)
            self.db.enable_wal()
            # WAL with NORMAL stays consistent on power loss; it may only lose the last commits.
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            migrations.apply(self.db)
        except (sqlite3.DatabaseError, OSError) as exc:
            raise CatalogError(f"{self.path}: cannot open catalog ({exc})") from exc

    @property
    def thumbs_dir(self) -> Path:
        """Where this catalog's thumbnails are cached: the settings say (beside the catalog
        unless the user chose a folder). Read once per open catalog."""
        if self._thumbs_dir is None:
            self._thumbs_dir = _thumbnail_dir(self.path)
        return self._thumbs_dir

    @contextmanager
    def transaction(self):
        with self.db.atomic():
            yield self

    def schema_version(self) -> list[str]:
        return [m.name for m in migrations.applied(self.db)]

    def close(self) -> None:
        self.db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
