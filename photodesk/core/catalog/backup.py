"""Catalog backups: online copies (SQLite's backup API) beside the catalog, rotated, and restore."""

import os
import re
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from photodesk.core.catalog import db
from photodesk.core.catalog.db import Catalog, CatalogError
from photodesk.core.safefile import replacing

DAILY_SECONDS = 24 * 3600
# How many of each kind are kept, newest first: a week of daily copies, the last few made
# before a migration or a restore, and the ones asked for by hand.
KEEP = {"daily": 7, "before": 3, "manual": 5}
NAME = re.compile(r"(?P<stem>.+)-(?P<when>\d{8}-\d{6})-(?P<why>[\w.-]+)\.sqlite")


@dataclass(frozen=True)
class Backup:
    path: Path
    made: float  # seconds since the epoch, from the name
    why: str     # "daily", "manual", "before-m007_retry", "before-restore"

    @property
    def kind(self) -> str:
        return self.why.split("-", 1)[0] if self.why.startswith("before") else self.why


def backup_dir(catalog_path: str | os.PathLike) -> Path:
    """Beside the catalog, named by its whole file name (photos.db and photos.sqlite in one
    folder keep their backups apart): catalog.sqlite.backups/."""
    path = Path(catalog_path)
    return path.with_name(f"{path.name}.backups")


def make(cat: Catalog, why: str = "manual") -> Path:
    """Copy the open catalog, consistent while others write (the backup API), then rotate."""
    folder = backup_dir(cat.path)
    folder.mkdir(parents=True, exist_ok=True)
    base = f"{cat.path.name}-{time.strftime('%Y%m%d-%H%M%S')}-{why}"
    # Two copies in one second keep both, numbered past every copy of that second made so
    # far: a number freed by rotation, taken again, would sort older than the copies it
    # followed and be rotated away at once.
    taken = [0]
    for entry in folder.iterdir():
        if entry.name == f"{base}.sqlite":
            taken.append(1)
        elif entry.name.startswith(f"{base}.") and entry.name.endswith(".sqlite"):
            number = entry.name[len(base) + 1:-len(".sqlite")]
            taken.append(int(number) if number.isdigit() else 0)
    n = max(taken) + 1
    final = folder / (f"{base}.sqlite" if n == 1 else f"{base}.{n}.sqlite")
    with replacing(final) as temp:
        _copy(cat.db.conn, temp.path)
    rotate(cat.path)
    return final


def due(catalog_path: str | os.PathLike, every: float = DAILY_SECONDS) -> bool:
    daily = [b for b in list_backups(catalog_path) if b.kind == "daily"]
    return not daily or time.time() - daily[0].made >= every


def make_if_due(cat: Catalog, every: float = DAILY_SECONDS) -> Path | None:
    """The scheduled copy: one a day, made by whichever PhotoDesk finds it due (not of the
    archive: its server's own backups keep it)."""
    if cat.path is None or not due(cat.path, every):
        return None
    return make(cat, "daily")


def list_backups(catalog_path: str | os.PathLike) -> list[Backup]:
    """This catalog's backups, newest first."""
    folder = backup_dir(catalog_path)
    stem = Path(catalog_path).name
    found = []
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return []
    for entry in entries:
        m = NAME.fullmatch(entry.name)
        if m and m["stem"] == stem:
            made = time.mktime(time.strptime(m["when"], "%Y%m%d-%H%M%S"))
            why, _, n = m["why"].rpartition(".") if re.search(r"\.\d+$", m["why"]) else (
                m["why"], "", "1")
            found.append((made, int(n), Backup(Path(entry.path), made, why)))
    # Within one second make() numbers the copies .2, .3…: the higher, the newer (by name,
    # "x.sqlite" sorted after "x.2.sqlite", and rotation removed the newest copy).
    return [b for *_, b in sorted(found, key=lambda f: f[:2], reverse=True)]


def rotate(catalog_path: str | os.PathLike) -> list[Path]:
    removed, seen = [], {kind: 0 for kind in KEEP}
    for b in list_backups(catalog_path):
        seen[b.kind] = seen.get(b.kind, 0) + 1
        if seen[b.kind] > KEEP.get(b.kind, KEEP["manual"]):
            b.path.unlink(missing_ok=True)
            removed.append(b.path)
    return removed


def check_unchecked(cat) -> str | None:
    """The quick check a catalog too large to check on open did not get (the window runs it
    in the background): a message saying what to do when it is damaged, else None (and for
    the archive, which its server checks)."""
    if cat.path is None or db.checked_on_open(cat.path):
        return None
    problems = check(cat.path, full=False)
    return db.damaged_message(cat.path, "; ".join(problems[:5])) if problems else None


def check(path: str | os.PathLike, *, full: bool = True) -> list[str]:
    """SQLite's integrity_check (full) or quick_check of a catalog file: [] when it is sound."""
    try:
        conn = _read_only(path)
    except sqlite3.Error as exc:
        return [str(exc)]
    try:
        pragma = "integrity_check" if full else "quick_check"
        rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}(100)").fetchall()]
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        return [str(exc)]
    finally:
        conn.close()
    return [] if rows == ["ok"] else rows


def _copy(src: sqlite3.Connection, tmp: Path) -> None:
    """src into the empty file tmp (safefile's temp file, which syncs it) through SQLite's
    backup API, as one self-contained file (no WAL beside it to lose)."""
    target = sqlite3.connect(tmp)
    try:
        src.backup(target)
        target.execute("PRAGMA journal_mode=DELETE")
    finally:
        target.close()


def _read_only(path: str | os.PathLike) -> sqlite3.Connection:
    """A read-only connection; the path quoted as a URI (a # or ? in it must not cut it)."""
    return sqlite3.connect(Path(path).expanduser().resolve().as_uri() + "?mode=ro", uri=True)


def restore(catalog_path: str | os.PathLike, source: str | os.PathLike) -> Path | None:
    """Put the backup source in the catalog's place. The catalog it replaces (with its WAL) is
    kept beside as CATALOG.replaced-DATE-TIME; returns that path (None when there was none).
    Other PhotoDesk windows and watchers on this catalog must be closed first."""
    catalog_path, source = Path(catalog_path).expanduser().resolve(), Path(source)
    problems = check(source)
    if problems:
        raise CatalogError(f"{source}: this backup is damaged too ({problems[0]}); choose an older one")
    kept = None
    stamp = time.strftime("%Y%m%d-%H%M%S")

    def set_aside_and_replace(tmp: Path, path: Path) -> None:
        nonlocal kept
        if path.exists():
            kept = path.with_name(f"{path.name}.replaced-{stamp}")
            # The WAL holds committed changes of the replaced file: it moves with it.
            for suffix in ("-wal", "-shm"):
                side = Path(f"{path}{suffix}")
                if side.exists():
                    os.replace(side, f"{kept}{suffix}")
            os.replace(path, kept)
        os.replace(tmp, path)

    with replacing(catalog_path, place=set_aside_and_replace) as temp:
        # Through SQLite, not a byte copy: a source with a WAL beside it (a catalog set aside
        # by an earlier restore) keeps the changes the WAL holds.
        src = _read_only(source)
        try:
            _copy(src, temp.path)
        finally:
            src.close()
    return kept
