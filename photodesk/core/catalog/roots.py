"""Roots: the folders photos live under, each with a stable id and, per machine, its mount.

The catalog stores a photo, folder or article as (root id, path relative to the root); the
rest of PhotoDesk speaks absolute paths as this machine sees them, and this module turns one
into the other. A root is mounted where it was first added (roots.path) unless this machine
says otherwise (root_mounts): a catalog moved to a desk that mounts the share elsewhere needs
one `photodesk catalog mount`, not a re-index.
"""

import os
import socket
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone


# Bumped when this process changes where a root is mounted: each connection's Roots (a window
# has one per pool thread) reads the roots again, rather than go on with the old place.
_mounts_changed = 0


def this_machine() -> str:
    """The name a machine's mounts are kept under: PHOTODESK_MACHINE, else the host name."""
    return os.environ.get("PHOTODESK_MACHINE") or socket.gethostname()


@dataclass(frozen=True)
class Root:
    id: int
    uid: str
    home: str    # where it was first added
    path: str    # where this machine finds it

    @property
    def online(self) -> bool:
        return os.path.isdir(self.path)


def join(base: str, rel: str) -> str:
    if not rel:
        return base
    return base.rstrip("/") + "/" + rel


def relative(path: str, base: str) -> str | None:
    """path relative to base ('' for base itself), or None when path is not inside it."""
    if path == base:
        return ""
    prefix = base.rstrip("/") + "/"
    return path[len(prefix):] if path.startswith(prefix) else None


def relative_base(path: str, rel: str) -> str | None:
    """The folder that holds rel at path (/new/b for path /new/b/2024 and rel 2024), or None
    when path does not end in rel."""
    if not path.endswith("/" + rel):
        return None
    return path[:-len(rel) - 1] or "/"


class Roots:
    """One catalog's roots as this machine sees them; read once, read again when a path or id
    is not found (another process may have added a root)."""

    def __init__(self, cat, machine: str | None = None):
        self._cat = cat
        self.machine = machine or this_machine()
        self._roots: dict[int, Root] | None = None
        self._read_at = -1  # _mounts_changed when last read

    def all(self) -> list[Root]:
        return sorted(self._load().values(), key=lambda r: r.path)

    def _load(self, again: bool = False) -> dict[int, Root]:
        if self._roots is None or again or self._read_at != _mounts_changed:
            self._read_at = _mounts_changed
            rows = self._cat.db.execute(
                "SELECT r.id, r.uid, r.path, m.path FROM roots r LEFT JOIN root_mounts m "
                "ON m.root_id = r.id AND m.machine = ?", [self.machine]).fetchall()
            self._roots = {i: Root(i, uid, home, mount or home) for i, uid, home, mount in rows}
        return self._roots

    def root(self, root_id: int) -> Root:
        roots = self._load()
        if root_id not in roots:
            roots = self._load(again=True)
        return roots[root_id]

    def local(self, root_id: int | None, rel: str) -> str:
        """The absolute path on this machine of a stored (root, relative path)."""
        if root_id is None:  # a row from before roots that no root took: never in practice
            return rel
        return join(self.root(root_id).path, rel)

    def home(self, root_id: int, rel: str) -> str:
        """The path where the root was first added: the same on every machine (the search
        index's folder words come from it)."""
        return join(self.root(root_id).home, rel)

    def find(self, path: str) -> tuple[int, str] | None:
        """(root id, relative path) of an absolute path on this machine, or None when no root
        holds it. The deepest root wins."""
        for again in (False, True):
            best = None
            for root in self._load(again).values():
                rel = relative(path, root.path)
                if rel is not None and (best is None or len(root.path) > len(best[0].path)):
                    best = (root, rel)
            if best is not None:
                return best[0].id, best[1]
        return None

    def covering(self, path: str) -> list[tuple[int, str]]:
        """(root id, relative path) for what lies at or under path: the root that holds it,
        or every root inside it (a parent of several roots, such as /)."""
        found = self.find(path)
        if found is not None:
            return [found]
        return [(r.id, "") for r in self._load().values() if relative(r.path, path) is not None]

    def place(self, folder: str) -> tuple[int, str]:
        """(root id, relative path) of a folder, making it a root when no root holds it. A root
        it holds joins it: their rows move under the new root, keeping their ids. Call inside
        a transaction."""
        found = self.find(folder)
        if found is not None:
            return found
        db = self._cat.db
        root_id = db.execute(
            "INSERT INTO roots (uid, path, added_at) VALUES (?, ?, ?)",
            [uuid.uuid4().hex, folder,
             datetime.now(timezone.utc).isoformat(timespec="seconds")]).lastrowid
        for inner in list(self._load().values()):
            prefix = relative(inner.path, folder)
            if prefix is None:
                continue
            for table in ("folders", "photos", "articles"):
                db.execute(f"UPDATE {table} SET root_id = ?, relpath = CASE WHEN relpath = '' "
                           "THEN ? ELSE ? || '/' || relpath END WHERE root_id = ?",
                           [root_id, prefix, prefix, inner.id])
            db.execute("DELETE FROM root_mounts WHERE root_id = ?", [inner.id])
            db.execute("DELETE FROM roots WHERE id = ?", [inner.id])
        self._load(again=True)
        return root_id, ""

    def mount(self, root: "int | str", path: str) -> Root:
        """Say where this machine finds a root (by id or uid); the path must be a folder."""
        found = next((r for r in self._load(again=True).values()
                      if str(root) in (str(r.id), r.uid)), None)
        if found is None:
            raise KeyError(root)
        self._cat.db.execute(
            "INSERT INTO root_mounts (root_id, machine, path) VALUES (?, ?, ?) "
            "ON CONFLICT (root_id, machine) DO UPDATE SET path = excluded.path",
            [found.id, self.machine, path])
        return self._load(again=True)[found.id]


@dataclass(frozen=True)
class Mounted:
    root: Root
    looked: int   # photos of the root looked for at the new place
    found: int    # of them, how many are there


def mount(cat, root: "int | str", path: str, *, sample: int = 20) -> Mounted:
    """Say that this machine finds a root at path (a folder), and how many of a sample of its
    photos are there: a wrong folder shows at once, before anything is marked missing."""
    global _mounts_changed
    path = os.path.abspath(os.path.expanduser(path))
    if not os.path.isdir(path):
        raise NotADirectoryError(f"{path}: no such folder")
    with cat.transaction():
        mounted = cat.roots.mount(root, path)
    _mounts_changed += 1  # once committed: a connection reading sooner would keep the old place
    return Mounted(mounted, *sample_found(cat, mounted.id, path, sample))


def sample_found(cat, root_id: int, path: str, sample: int = 20) -> tuple[int, int]:
    """(looked, found): how many of a sample of a root's photos are at path, were the root
    mounted there."""
    rels = [r[0] for r in cat.db.execute(
        "SELECT relpath FROM photos WHERE root_id = ? ORDER BY id LIMIT ?", [root_id, sample])]
    return len(rels), sum(os.path.exists(join(path, rel)) for rel in rels)


def photo_counts(cat) -> dict[int, int]:
    """How many photos each root holds."""
    return dict(cat.db.execute("SELECT root_id, count(*) FROM photos GROUP BY root_id").fetchall())


# --- stored paths ----------------------------------------------------------------------------
# The catalog's queries speak (root id, relative path); the rest of PhotoDesk, absolute paths.

def localised(cat, rows, to: str = "path") -> list[dict]:
    """Rows with root_id and relpath given their path on this machine (under the key to;
    with another key, the columns are read as to_root and to_rel and dropped)."""
    rows = list(rows)
    root, rel = ("root_id", "relpath") if to == "path" else (f"{to}_root", f"{to}_rel")
    for row in rows:
        root_id = row.get(root) if to == "path" else row.pop(root)
        relpath = row.pop(rel)
        row[to] = None if relpath is None else cat.roots.local(root_id, relpath)
    return rows


def under(cat, path: str, alias: str = "") -> tuple[str, list]:
    """SQL condition and parameters for the rows at or under an absolute path."""
    found = cat.roots.find(path)
    if found is None:
        return "0", []
    root_id, rel = found
    if not rel:
        return f"{alias}root_id = ?", [root_id]
    prefix = rel + "/"
    return (f"({alias}root_id = ? AND ({alias}relpath = ? OR substr({alias}relpath, 1, ?) = ?))",
            [root_id, rel, len(prefix), prefix])


def stored(cat, path: str) -> tuple[int, str]:
    """(root id, relative path) to store a file under; a file outside every root (indexed on
    its own) makes its folder a root."""
    found = cat.roots.find(path)
    if found is not None:
        return found
    folder, _, name = path.rpartition("/")
    root_id, rel = cat.roots.place(folder or "/")
    return root_id, (rel + "/" + name if rel else name)


def at(cat, path: str, alias: str = "") -> tuple[str, list]:
    """SQL condition and parameters for the row at exactly an absolute path."""
    found = cat.roots.find(path)
    if found is None:
        return "0", []
    return f"{alias}root_id = ? AND {alias}relpath = ?", list(found)
