"""Opening a catalog: the SQLite file, its pragmas, its migrations and its thumbnail folder."""

import errno
import json
import os
import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from photodesk.core.catalog.location import Location, LocationError, locate
from photodesk.core.catalog.schema import migrations

BUSY_SECONDS = 30  # how long a writer waits for another process's transaction to finish
# Catalogs up to this size are quick-checked when first opened in a process (64 MB take about
# 0.1 s); a larger one is checked by the window in the background and by `catalog check`.
# A time limit does not work: SQLite runs the whole check as one step of its VM, which a
# progress handler cannot stop (4.5 s at a million photos, on the GUI thread).
QUICK_CHECK_BYTES = 64 * 2**20
_CHECKED: set[tuple[Path, int]] = set()  # (catalog, inode) checked on open in this process


class CatalogError(Exception):
    """The catalog file cannot be opened or used; the message says why and what to do."""


class CatalogDamaged(CatalogError):
    """The catalog file is damaged: check it, then restore a backup."""


class CatalogTooNew(CatalogError):
    """The catalog was last changed by a newer PhotoDesk: this one must not touch it."""


def default_catalog_path() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "photodesk" / "catalog.sqlite"


class _Database(Database):
    """sqlite-utils with every write transaction begun IMMEDIATE.

    A deferred transaction that reads and then writes fails at once ("database is locked",
    no busy wait) when another process committed in between; taking the write lock first
    makes a second PhotoDesk wait its turn instead."""

    @contextmanager
    def atomic(self):
        if self.conn.in_transaction:
            with super().atomic():  # nested: a savepoint
                yield self
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        else:
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise


class Catalog:
    """An open catalog. One writer at a time; each thread opens its own Catalog to read."""

    backend = "sqlite"

    def __new__(cls, where=None, *args, **kwargs):
        # The newsroom's archive (postgresql://…) is a catalog too, on the server.
        if cls is Catalog and where is not None:
            try:
                archive = locate(where).archive
            except LocationError:
                archive = False
            if archive:
                from photodesk.core.catalog.archivedb import ArchiveCatalog
                return super().__new__(ArchiveCatalog)
        return super().__new__(cls)

    def __init__(self, where: "str | os.PathLike | Location", *, check_same_thread: bool = True,
                 backups: bool = True):
        """where: a Location (with its thumbnail folder), or a path or sqlite:/// URL whose
        thumbnails go beside it."""
        try:
            self.location = locate(where)
        except LocationError as exc:
            raise CatalogError(str(exc)) from exc
        self.path = self.location.path
        self._roots = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # isolation_level=None: no implicit transactions, which Python's sqlite3 would
            # leave open (holding the write lock) after a lone UPDATE until some later commit.
            conn = sqlite3.connect(self.path, timeout=BUSY_SECONDS, isolation_level=None,
                                   check_same_thread=check_same_thread)
            self.db = _Database(conn)
            self._refuse_foreign()
            self.db.enable_wal()
            # WAL with NORMAL stays consistent on power loss; it may only lose the last commits.
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self._refuse_newer()
            _quick_check(self)
            pending = migrations.pending(self.db)
            if pending:
                self._migrate(pending, backups)
        except CatalogError:
            self._close_quietly()
            raise
        except (sqlite3.DatabaseError, OSError) as exc:
            self._close_quietly()
            raise CatalogError(problem(exc, self.path) or f"{self.path}: cannot open catalog ({exc})") from exc
        except UnicodeDecodeError as exc:
            # SQLite quoted damaged schema bytes in its error message.
            self._close_quietly()
            raise CatalogDamaged(damaged_message(self.path, "unreadable schema")) from exc

    def _refuse_foreign(self) -> None:
        """An SQLite file of another program is not made into a catalog (tables added, WAL
        switched on): it has tables but no PhotoDesk migrations."""
        tables = {r[0] for r in self.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        if tables and not (tables & {migrations.migrations_table, "photos"}):
            raise CatalogError(
                f"{self.path}: cannot open catalog: this is an SQLite file of another program "
                "(it has no PhotoDesk tables); it was left as it is")

    def _refuse_newer(self) -> None:
        known = {m.name for m in migrations._migrations}
        unknown = [m.name for m in migrations.applied(self.db) if m.name not in known]
        if unknown:
            raise CatalogTooNew(
                f"{self.path}: this catalog was changed by a newer PhotoDesk (it has "
                f"{', '.join(unknown)}, which this version does not know); open it with that "
                "version, or restore a backup made before (photodesk catalog restore)")

    def _migrate(self, pending, backups: bool) -> None:
        # A copy first: a migration that goes wrong, or a downgrade, must have a way back.
        if backups and _has_data(self.db):
            from photodesk.core.catalog import backup
            backup.make(self, f"before-{pending[0].name}")
        with self.transaction():  # the lock first: two processes opening a new catalog at once
            migrations.apply(self.db)

    def _close_quietly(self) -> None:
        db = getattr(self, "db", None)
        if db is not None:
            try:
                db.close()
            except sqlite3.Error:
                pass

    @property
    def roots(self):
        """Where this machine finds the roots photos live under (roots.py)."""
        if self._roots is None:
            from photodesk.core.catalog.roots import Roots
            self._roots = Roots(self)
        return self._roots

    @property
    def thumbs_dir(self) -> Path:
        """Where this catalog's thumbnails are cached: handed to it with its location."""
        return self.location.thumbs_dir

    @contextmanager
    def transaction(self):
        """One write transaction, begun with the write lock held (nested: a savepoint).

        Threads of one process take turns on a lock of their own first: SQLite's busy wait
        polls with sleeps, a lock hands over at once."""
        if self.db.conn.in_transaction:
            with self.db.atomic():
                yield self
            return
        with _writer(self.path), self.db.atomic():
            yield self

    # Rows by id: the few statements every catalog module needs, spelled once per backend.
    def insert(self, table: str, values: dict) -> int:
        """Insert one row; its new id."""
        columns = list(values)
        return self.db.execute(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            [values[c] for c in columns]).lastrowid

    def insert_many(self, table: str, rows) -> None:
        rows = list(rows)
        if rows:
            columns = list(dict.fromkeys(c for r in rows for c in r))
            self.db.conn.executemany(
                f"INSERT INTO {table} ({', '.join(columns)}) "
                f"VALUES ({', '.join('?' * len(columns))})",
                [[r.get(c) for c in columns] for r in rows])

    def update(self, table: str, row_id: int, values: dict) -> None:
        """Set columns of the row with this id."""
        if values:
            self.db.execute(f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in values)} "
                            "WHERE id = ?", [*values.values(), row_id])

    read_only = False  # an archive's reader role: it may search and export, not edit

    @property
    def who(self) -> str:
        """Who edits, as the history records it: the user logged in on this machine."""
        import getpass
        try:
            return getpass.getuser()
        except (KeyError, OSError):
            return "unknown"

    IN_IDS = "IN (SELECT value FROM json_each(?))"  # a list of ids of any length, one parameter

    def ids(self, ids) -> str:
        """The parameter of IN_IDS."""
        return json.dumps(list(ids))

    def count(self, table: str) -> int:
        return self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def schema_version(self) -> list[str]:
        return [m.name for m in migrations.applied(self.db)]

    def close(self) -> None:
        self.db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


_WRITERS: dict[Path, threading.RLock] = {}
_WRITERS_LOCK = threading.Lock()


def _writer(path: Path) -> threading.RLock:
    """The process's writer lock for one catalog file."""
    with _WRITERS_LOCK:
        return _WRITERS.setdefault(path, threading.RLock())


def pending_upgrade(where: "str | os.PathLike | Location") -> list[str]:
    """Names of the migrations opening this catalog would apply to photos already in it
    (each after a backup copy of the whole file: a minute for a million photos), without
    applying them; [] for a new, empty or unreadable catalog (opening it says what is wrong)."""
    try:
        path = locate(where).path
        if path is None or not path.is_file():  # the archive is upgraded by archive init
            return []
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=BUSY_SECONDS)
    except (LocationError, sqlite3.Error, OSError, ValueError):
        return []
    try:
        db = _Database(conn)
        if not _has_data(db):
            return []
        return [m.name for m in migrations.pending(db)]
    except sqlite3.Error:
        return []
    finally:
        conn.close()


def _has_data(db: Database) -> bool:
    return bool(db.execute("SELECT 1 FROM sqlite_master WHERE name = 'photos'").fetchone())


def _quick_check(cat: Catalog) -> None:
    """SQLite's quick_check of a catalog up to QUICK_CHECK_BYTES, on its first open in a
    process (the window opens one per query); a damaged page met later is still named by
    problem()."""
    key = (cat.path, os.stat(cat.path).st_ino)
    if key in _CHECKED:
        return
    _CHECKED.add(key)
    if not checked_on_open(cat.path):
        return
    rows = cat.db.execute("PRAGMA quick_check(5)").fetchall()
    if rows != [("ok",)]:
        _CHECKED.discard(key)
        raise CatalogDamaged(damaged_message(cat.path, "; ".join(r[0] for r in rows)))


def checked_on_open(path) -> bool:
    """Whether the catalog is small enough to be quick-checked when it is opened."""
    return os.path.getsize(path) <= QUICK_CHECK_BYTES


def damaged_message(path: Path, detail: str) -> str:
    return (f"{path}: the catalog is damaged ({detail}); run `photodesk catalog check` for a "
            "full report, then `photodesk catalog restore` to bring back the latest backup. "
            "Your photos are not affected.")


def _sqlite_header(path: Path | str) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def passes_by_itself(exc: BaseException) -> bool:
    """A storage fault that ends without anyone acting on the catalog: another writer's
    transaction, a disk being freed. Worth waiting out; the rest are not."""
    text = str(exc)
    return isinstance(exc, sqlite3.OperationalError) and any(
        w in text for w in ("database is locked", "database is busy", "database or disk is full"))


def problem(exc: BaseException, path: Path | str) -> str | None:
    """A one-line message for a storage fault met while using the catalog at path, naming the
    file and what to do; None when exc is not one."""
    text = str(exc)
    if isinstance(exc, OSError) and exc.errno is not None:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            where = exc.filename or path
            return (f"{where}: the disk is full; free some space and run again (what was "
                    "saved before stays saved)")
        return None
    if not isinstance(exc, sqlite3.Error):
        return None
    if "database or disk is full" in text:
        return (f"{path}: the disk holding the catalog is full; free some space and run again "
                "(the last changes were not saved, everything before them was)")
    if "database is locked" in text or "database is busy" in text:
        return (f"{path}: another PhotoDesk is writing to this catalog and did not finish within "
                f"{BUSY_SECONDS} s; try again when it is done")
    if "not a database" in text and not _sqlite_header(path):
        return f"{path}: cannot open catalog: this file is not a PhotoDesk catalog ({text})"
    if "malformed" in text or "not a database" in text or "file is encrypted" in text:
        return damaged_message(Path(path), text)
    if "readonly" in text or "read-only" in text:
        return f"{path}: the catalog cannot be written (read-only file or folder); check its permissions"
    if "unable to open" in text:
        return f"{path}: the catalog cannot be opened ({text}); check that its folder exists and can be written"
    if "disk I/O error" in text:
        return f"{path}: the disk reported an error reading or writing the catalog; check the disk, then run `photodesk catalog check`"
    return None
