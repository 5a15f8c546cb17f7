"""Live folders: watchdog observers feed settled changes to index_paths(); catch_up() at start."""

import errno
import os
import queue
import re
import sqlite3
import threading
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserverVFS

from photodesk.core import search
from photodesk.core.articles.link import link_photos
from photodesk.core.catalog import Catalog
from photodesk.core.catalog import backup
from photodesk.core import catalog
from photodesk.core.catalog.db import passes_by_itself
from photodesk.core.catalog.db import problem as storage_problem
from photodesk.core.folders import add_folder
from photodesk.core.formats import ARTICLE_SUFFIXES, NOT_IMAGES
from photodesk.core.index import Event as IndexEvent
from photodesk.core.index import Indexed, Missing, ReaderPool, index_paths
from photodesk.core.jobs import Failed, Skipped
from photodesk.core.paths import inside
from photodesk.core.scan import is_hidden

SETTLE_SECONDS = 1.0  # a file is read once its size and mtime held still this long
POLL_SECONDS = 3.0  # how often the polling observer lists a folder
CHECK_SECONDS = 2.0  # how often each folder is checked for being offline
RETRY_SECONDS = 2.0  # a busy or full catalog is tried again after this
BACKUP_CHECK_SECONDS = 3600.0  # how often a long watch looks whether the daily backup is due
NETWORK_FILESYSTEMS = frozenset(
    "nfs nfs4 cifs smb3 smbfs ncpfs afs 9p davfs fuse.davfs2 fuse.sshfs fuse.rclone fuse.s3fs "
    "glusterfs fuse.glusterfs ceph fuse.ceph lustre".split())
NOISE = frozenset({"opened", "closed_no_write"})  # our own reads make these
# After a batch this big, the folder is rescanned (by stat) once things are quiet: the kernel
# drops events when its queue overflows (fs.inotify.max_queued_events), and says so only in a log.
RESCAN_AFTER = 500


@dataclass(frozen=True)
class Watching:
    """A folder is being watched, by the native or the polling observer (reason says why)."""
    path: str
    observer: str
    reason: str | None = None


@dataclass(frozen=True)
class Offline:
    path: str
    photos: int  # photos under the folder that are offline now
    reason: str


@dataclass(frozen=True)
class Online:
    path: str


@dataclass(frozen=True)
class Batch:
    """Settled files go to the indexer together: one Batch, then index events."""
    files: int


@dataclass(frozen=True)
class Ready:
    """Catching up is done and every folder that can be watched is."""
    folders: int


@dataclass(frozen=True)
class WatchProblem:
    path: str
    reason: str


Event = Watching | Offline | Online | Batch | Ready | WatchProblem | IndexEvent


# --- catching up --------------------------------------------------------------------------------

def catch_up(cat: Catalog, *, workers: int | None = None,
             readers: ReaderPool | None = None) -> Iterator[Event]:
    """Rescan every catalog folder by size and mtime (unchanged files are not opened); a folder
    that is gone or unmounted has its photos marked offline instead."""
    online = []
    for folder in top_folders(cat):
        reason = offline_reason(folder)
        if reason:
            yield _go_offline(cat, folder["path"], reason)
        else:
            _remember_mount(cat, folder)
            online.append(folder["path"])
    if online:
        yield from index_paths(cat, online, workers=workers, readers=readers)


def top_folders(cat: Catalog) -> list[dict]:
    """Catalog folders not inside another one (a folder and its subfolder are watched once)."""
    top: list[dict] = []
    for folder in catalog.folders.folders(cat):  # sorted, so a parent comes before its children
        if not any(inside(folder["path"], t["path"]) for t in top):
            top.append(folder)
    return top


def offline_reason(folder: dict) -> str | None:
    """Why a catalog folder is offline, or None when it is there."""
    path = folder["path"]
    if not os.path.isdir(path):
        return "folder not found (deleted, moved away or on a disk that is not connected)"
    if folder.get("mount_point") and not is_mount_point(path) and _empty(path):
        return "the share is not mounted (its mount point is empty)"
    return None


def network_filesystem(path: str, mounts: str = "/proc/mounts") -> str | None:
    """The type of the network file system holding path (nfs, cifs, sshfs…), or None."""
    real, best, kind = os.path.realpath(path), "", None
    for point, fs in _mount_table(mounts):
        if (real == point or inside(real, point)) and len(point) >= len(best):
            best, kind = point, fs
    return kind if kind in NETWORK_FILESYSTEMS else None


def is_mount_point(path: str, mounts: str = "/proc/mounts") -> bool:
    """os.path.ismount misses a bind mount from the same file system; the mount table has it."""
    real = os.path.realpath(path)
    return os.path.ismount(real) or any(point == real for point, _ in _mount_table(mounts))


def _mount_table(mounts: str) -> list[tuple[str, str]]:
    try:
        with open(mounts, encoding="utf-8", errors="replace") as fh:
            lines = fh.read().splitlines()
    except OSError:
        return []  # not Linux: nothing to tell, the native observer is tried first
    table = []
    for line in lines:
        parts = line.split()
        if len(parts) >= 3:
            point = re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), parts[1])
            table.append((point, parts[2]))
    return table


def _go_offline(cat: Catalog, path: str, reason: str) -> Offline:
    with cat.transaction():
        count = catalog.folders.mark_offline(cat, path, reason)
    return Offline(path, count, reason)


def _remember_mount(cat: Catalog, folder: dict) -> None:
    mount = int(is_mount_point(folder["path"]))
    if folder.get("mount_point") != mount:
        with cat.transaction():
            catalog.folders.set_folder_watch(cat, folder["path"], mount_point=mount)


def _empty(path: str) -> bool:
    try:
        with os.scandir(path) as entries:
            return next(entries, None) is None
    except OSError:
        return True


# --- watching -----------------------------------------------------------------------------------

@dataclass
class _Pending:
    """A file that changed and is waiting to hold still."""
    seen: float  # time of its last event
    stat: tuple | None  # (size, mtime_ns) when last looked at
    stable: float  # since when stat has not changed


@dataclass
class _Folder:
    path: str
    real: str  # what the observer watches: a symlinked folder is watched at its target
    observer: BaseObserver | None = None
    online: bool = True
    watchable: bool = True  # False once it could not be watched: not retried at every check


@dataclass
class _Changes:
    """What the observers reported and the watcher has not yet acted on."""
    pending: dict[str, _Pending] = field(default_factory=dict)
    gone: dict[str, float] = field(default_factory=dict)  # path -> when it vanished
    moves: list[tuple[str, str]] = field(default_factory=list)
    rescan: set[str] = field(default_factory=set)  # watched folders to rescan once quiet


class _Relay(FileSystemEventHandler):
    """Runs on observer threads: it only queues what happened; the watcher's thread acts."""

    def __init__(self, inbox: queue.Queue, folder: _Folder):
        self._inbox, self._folder = inbox, folder

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in NOISE or (event.is_directory and event.event_type == "modified"):
            return
        self._inbox.put((event.event_type, self._ours(event.src_path),
                         self._ours(event.dest_path), event.is_directory))

    def _ours(self, path) -> str:
        path = os.fsdecode(path)
        real, root = self._folder.real, self._folder.path
        if path and real != root and (path == real or inside(path, real)):
            return root + path[len(real):]
        return path


class Watcher:
    """Keeps the catalog true to its folders while run(cat) is iterated.

    run() is a generator of events, iterated on the thread that owns cat (the CLI's main thread
    or a GUI worker); stop() may be called from any thread and ends it within a tick.
    """

    def __init__(self, paths: Iterable[str] = (), *, settle: float = SETTLE_SECONDS,
                 poll_interval: float = POLL_SECONDS, check_interval: float = CHECK_SECONDS,
                 observer: str | None = None, workers: int | None = None,
                 native: Callable[[], BaseObserver] = Observer):
        if observer not in (None, "auto", "native", "polling"):
            raise ValueError(f"observer must be auto, native or polling, not {observer!r}")
        self.paths = [os.path.abspath(p) for p in paths]
        self.settle, self.poll_interval, self.check_interval = settle, poll_interval, check_interval
        self.observer = observer  # stored for the given paths; None leaves their setting alone
        self.workers = workers
        self._native = native
        self._tick = min(0.1, settle / 4)
        self._inbox: queue.Queue = queue.Queue()
        self._stopped = threading.Event()
        self._folders: dict[str, _Folder] = {}
        self._changes = _Changes()
        self._next_check = 0.0
        self._next_backup = time.monotonic() + BACKUP_CHECK_SECONDS
        self._excluded = ""
        self._readers: ReaderPool | None = None

    def stop(self) -> None:
        self._stopped.set()
        self._inbox.put(None)

    def run(self, cat: Catalog) -> Iterator[Event]:
        self._excluded = str(cat.thumbs_dir)
        # Kept for the whole watch: settled files are then read without starting processes.
        self._readers = ReaderPool(self.workers)
        try:
            yield from self._add_paths(cat)
            for folder in top_folders(cat):
                yield from self._watch(cat, folder)
            while not self._stopped.is_set():
                if (yield from self._passing(cat, lambda: self._index_events(
                        catch_up(cat, readers=self._readers), set()))):
                    break
            self._readers.warm()
            yield Ready(sum(1 for f in self._folders.values() if f.observer))
            self._next_check = time.monotonic() + self.check_interval
            while not self._stopped.is_set():
                self._receive()
                yield from self._passing(cat, lambda: self._act(cat))
        finally:
            self._stop_observers()
            self._readers.close()

    def _passing(self, cat: Catalog, work: Callable[[], Iterator[Event]]) -> Iterator[Event]:
        """Run work; a catalog held by another writer past the busy timeout, or a full disk,
        is said and waited out, never the end of the watch. The folders are then rescanned
        (by size and time), so the files of the batch that was not saved are read again.
        Returns True when work ran to its end."""
        try:
            yield from work()
            return True
        except sqlite3.OperationalError as exc:
            # A damaged or read-only catalog ends the watch with its message.
            if not passes_by_itself(exc):
                raise
            message = storage_problem(exc, cat.path)
            # problem() names the catalog first; the event's path says it already.
            reason = message.removeprefix(f"{cat.path}: ")
            yield WatchProblem(str(cat.path), f"{reason} (the watch tries again in "
                                              f"{RETRY_SECONDS:.0f} s)")
            self._changes.rescan |= {f.path for f in self._folders.values() if f.online}
            self._stopped.wait(RETRY_SECONDS)
            return False

    # -- starting and stopping observers --

    def _add_paths(self, cat: Catalog) -> Iterator[Event]:
        folders = [p for p in self.paths if os.path.isdir(p)]
        for path in folders:
            add_folder(cat, path, self.observer)  # watched from now on, with its observer
        for path in self.paths:
            if path not in folders:
                yield WatchProblem(path, "not a folder, or it does not exist")

    def _watch(self, cat: Catalog, row: dict) -> Iterator[Event]:
        path = row["path"]
        folder = self._folders.setdefault(path, _Folder(path, os.path.realpath(path)))
        folder.real, folder.watchable = os.path.realpath(path), True
        if offline_reason(row):
            folder.online = False  # catch_up() or the next check reports it
            return
        if not os.access(path, os.R_OK | os.X_OK):
            folder.watchable = False
            yield WatchProblem(path, "permission denied: the folder cannot be read, so it is "
                                     "not watched")
            return
        kind, reason = _choice(row)
        if kind == "native":
            try:
                folder.observer = self._launch(self._native(), folder)
                yield Watching(path, "native", reason)
                return
            except OSError as exc:
                reason = _native_failure(exc)
        try:
            folder.observer = self._launch(
                PollingObserverVFS(os.lstat, os.scandir, polling_interval=self.poll_interval),
                folder)
        except OSError as exc:
            folder.watchable = False
            yield WatchProblem(path, f"cannot watch: {exc.strerror or exc}")
            return
        every = f"listed every {self.poll_interval:g} s"
        yield Watching(path, "polling", f"{reason}; {every}" if reason else every)

    def _launch(self, observer: BaseObserver, folder: _Folder) -> BaseObserver:
        # lstat for polling, and no symlink following for inotify: a symlink loop cannot trap them.
        try:
            observer.schedule(_Relay(self._inbox, folder), folder.real, recursive=True)
            observer.start()
        except BaseException:
            observer.stop()  # closes an inotify instance, and with it the watches already added
            raise
        return observer

    def _unwatch(self, folder: _Folder) -> None:
        observer, folder.observer = folder.observer, None
        if observer is not None:
            observer.stop()
            if observer.is_alive():
                observer.join(timeout=5)

    def _stop_observers(self) -> None:
        for folder in self._folders.values():
            self._unwatch(folder)

    # -- receiving what observers saw --

    def _receive(self) -> None:
        try:
            item = self._inbox.get(timeout=self._tick)
        except queue.Empty:
            return
        while item is not None:
            self._note(*item)
            try:
                item = self._inbox.get_nowait()
            except queue.Empty:
                return

    def _note(self, kind: str, src: str, dest: str, is_dir: bool) -> None:
        changes, now = self._changes, time.monotonic()
        if kind == "moved":
            self._note_move(src, dest, is_dir, now)
        elif kind == "deleted":
            if src in self._folders:
                self._next_check = 0.0  # a watched folder itself went: check it now
            elif self._wanted(src, is_dir):
                changes.pending.pop(src, None)
                changes.gone[src] = now
        elif not is_dir and self._wanted(src, False):
            self._touch(src, now)

    def _note_move(self, src: str, dest: str, is_dir: bool, now: float) -> None:
        changes = self._changes
        wanted_src, wanted_dest = self._wanted(src, is_dir), self._wanted(dest, is_dir)
        if not wanted_dest:
            if wanted_src:
                changes.gone[src] = now
            return
        if not is_dir and (src in changes.pending or not wanted_src):
            changes.pending.pop(src, None)  # written under a temporary name, then renamed
            self._touch(dest, now)
            return
        if is_dir:
            for old in [p for p in changes.pending if inside(p, src)]:
                changes.pending.pop(old)
                self._touch(dest + old[len(src):], now)
        changes.moves.append((src, dest))

    def _touch(self, path: str, now: float) -> None:
        pending = self._changes.pending.get(path)
        key = _stat_key(path)
        if pending is None:
            self._changes.pending[path] = _Pending(now, key, now)
            return
        pending.seen = now
        if key != pending.stat:
            pending.stat, pending.stable = key, now

    def _wanted(self, path: str, is_dir: bool) -> bool:
        if not path or path == self._excluded or inside(path, self._excluded):
            return False
        root = self._folder_of(path)
        if root is None:
            return False
        if any(is_hidden(part) for part in path[len(root.path):].split("/") if part):
            return False
        if is_dir:
            return True
        suffix = os.path.splitext(path)[1].lower()
        if path.endswith(("-wal", "-shm", "-journal")):
            return False
        return suffix in ARTICLE_SUFFIXES or suffix not in NOT_IMAGES

    def _folder_of(self, path: str) -> _Folder | None:
        best = None
        for folder in self._folders.values():
            if (path == folder.path or inside(path, folder.path)) and (
                    best is None or len(folder.path) > len(best.path)):
                best = folder
        return best

    # -- acting on settled changes --

    def _act(self, cat: Catalog) -> Iterator[Event]:
        yield from self._apply_moves(cat)
        ready = self._settled(time.monotonic())
        if ready:
            yield from self._index(cat, ready)
        yield from self._vanish(cat)
        changes = self._changes
        if changes.rescan and not changes.pending and not changes.gone:
            roots, changes.rescan = sorted(changes.rescan), set()
            yield from self._index_events(index_paths(cat, roots, readers=self._readers), set())
        if time.monotonic() >= self._next_check:
            self._next_check = time.monotonic() + self.check_interval
            yield from self._check_folders(cat)
        if time.monotonic() >= self._next_backup:
            self._next_backup = time.monotonic() + BACKUP_CHECK_SECONDS
            yield from self._backup(cat)

    def _backup(self, cat: Catalog) -> Iterator[Event]:
        """The daily catalog copy, for a watch that runs for days."""
        try:
            backup.make_if_due(cat)
        except (OSError, sqlite3.Error) as exc:
            yield WatchProblem(str(backup.backup_dir(cat.path)),
                               f"the daily catalog backup failed ({exc})")

    def _settled(self, now: float) -> list[str]:
        """Files quiet for the settle time whose size and mtime did not change meanwhile."""
        ready = []
        for path, pending in list(self._changes.pending.items()):
            if now - pending.seen < self.settle:
                continue
            key = _stat_key(path)
            if key is None:
                del self._changes.pending[path]  # gone before it was complete: never read
            elif key != pending.stat:
                pending.stat, pending.stable = key, now
            elif now - pending.stable >= self.settle:
                del self._changes.pending[path]
                ready.append(path)
        return ready

    def _index(self, cat: Catalog, paths: list[str]) -> Iterator[Event]:
        # A folder removed from the catalog meanwhile is no longer ours to index.
        known = catalog.folders.folders(cat)
        paths = [p for p in paths
                 if catalog.folders.folder_for(cat, p, known) is not None and not _unchanged(cat, p)]
        if len(paths) >= RESCAN_AFTER:
            self._changes.rescan |= {f.path for f in map(self._folder_of, paths) if f}
        if paths:
            yield Batch(len(paths))
            yield from self._index_events(index_paths(cat, paths, readers=self._readers),
                                          set(paths))

    def _index_events(self, events: Iterator[IndexEvent], batch: set[str]) -> Iterator[Event]:
        for event in events:
            if self._stopped.is_set():
                events.close()  # each written batch is whole; the next start carries on
                return
            if isinstance(event, Skipped) and event.reason.startswith("still being written"):
                self._touch(event.path, time.monotonic())  # wait for it to hold still again
            elif isinstance(event, Failed) and event.path in batch and not os.path.exists(
                    event.path):
                continue  # deleted while waiting: its deletion event says so
            else:
                yield event

    def _apply_moves(self, cat: Catalog) -> Iterator[Event]:
        """Renames and moves inside watched folders: the same photo, at its new path, unread."""
        moves, self._changes.moves = self._changes.moves, []
        for src, dest in moves:
            moved = []
            for old, (pid, size, mtime_ns, status) in catalog.photos.known_files(cat, src).items():
                new = dest + old[len(src):]
                if _stat_key(new) == (size, mtime_ns) and status != "offline":
                    moved.append((pid, new, status))
                elif os.path.exists(new):
                    self._touch(new, time.monotonic())  # changed on the way: read it again
            if not moved and not os.path.isdir(dest):
                self._touch(dest, time.monotonic())  # not a photo yet (an article, a new file)
            yield from _move(cat, moved)

    def _vanish(self, cat: Catalog) -> Iterator[Event]:
        """Deleted files are marked missing once nothing else is waiting (a move across folders
        arrives as a deletion and a creation), unless their whole folder went offline."""
        now, gone, waiting = time.monotonic(), self._changes.gone, bool(self._changes.pending)
        due = [p for p, t in gone.items()
               if now - t >= self.settle and (not waiting or now - t > 5 * self.settle)]
        lost = []
        for path in due:
            del gone[path]
            folder = self._folder_of(path)
            folder_row = catalog.folders.folder_by_path(cat, folder.path) if folder else None
            if folder_row is None or offline_reason(folder_row):
                self._next_check = 0.0  # the whole folder went: offline, not missing
                continue
            lost += [(p, known[0]) for p, known in catalog.photos.known_files(cat, path).items()
                     if known[3] not in ("missing", "offline") and not os.path.exists(p)]
        if lost:
            with cat.transaction():
                catalog.photos.set_status(cat, [pid for _, pid in lost], "missing", "file not found")
            for path, pid in lost:
                yield Missing(path, pid)

    def _check_folders(self, cat: Catalog) -> Iterator[Event]:
        """Folders that went offline, came back, or whose observer stopped; folders another
        window or command added to the catalog are watched too."""
        rows = {row["path"]: row for row in top_folders(cat)}
        for path in [p for p in self._folders if p not in rows]:
            # Now inside a folder added since (its changes still count), or removed from the
            # catalog (they no longer do).
            self._unwatch(self._folders.pop(path))
            if not any(inside(path, r) for r in rows):
                self._forget(path)
        for path in [p for p in rows if p not in self._folders]:
            yield from self._watch(cat, rows[path])
        for folder in list(self._folders.values()):
            row = rows[folder.path]
            reason = offline_reason(row)
            if reason and folder.online:
                folder.online = False
                self._unwatch(folder)
                self._forget(folder.path)
                yield _go_offline(cat, folder.path, reason)
            elif not reason and (not folder.online or (folder.watchable
                                                       and not _alive(folder.observer))):
                back = not folder.online
                folder.online = True
                self._unwatch(folder)
                _remember_mount(cat, row)
                yield from self._watch(cat, row)
                rescan = index_paths(cat, [folder.path], readers=self._readers)
                yield from self._index_events(rescan, set())
                if back:
                    yield Online(folder.path)

    def _forget(self, root: str) -> None:
        changes = self._changes
        for table in (changes.pending, changes.gone):
            for path in [p for p in table if p == root or inside(p, root)]:
                del table[path]


def _move(cat: Catalog, moved: list[tuple[int, str, str]]) -> Iterator[Event]:
    if not moved:
        return
    ids = [pid for pid, _, _ in moved]
    with cat.transaction():
        for pid, path, status in moved:
            catalog.photos.move_photo(cat, pid, path, catalog.folders.folder_for(cat, path),
                               os.path.basename(path))
            if status == "missing":
                catalog.photos.set_status(cat, [pid], "present")
        linked = link_photos(cat, ids)
        search.refresh(cat, set(ids) | set(linked))
    for pid, path, _ in moved:
        yield Indexed(path, pid, "moved")


def _choice(row: dict) -> tuple[str, str | None]:
    if row.get("observer") in ("native", "polling"):
        return row["observer"], "chosen for this folder"
    fs = network_filesystem(row["path"])
    if fs:
        return "polling", f"network share ({fs}): changes made elsewhere reach no native observer"
    return "native", None


def _native_failure(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        limit = _sysctl("fs/inotify/max_user_watches")
        return (f"the inotify watch limit is reached (fs.inotify.max_user_watches = {limit}); "
                "raise it with: sudo sysctl fs.inotify.max_user_watches=524288")
    if exc.errno == errno.EMFILE:
        limit = _sysctl("fs/inotify/max_user_instances")
        return f"too many inotify instances (fs.inotify.max_user_instances = {limit})"
    return f"the native observer failed ({exc.strerror or exc})"


def _sysctl(name: str) -> str:
    try:
        with open(f"/proc/sys/{name}") as fh:
            return fh.read().strip()
    except OSError:
        return "unknown"


def _alive(observer: BaseObserver | None) -> bool:
    return observer is not None and observer.is_alive() and all(
        e.is_alive() for e in observer.emitters) and bool(observer.emitters)


def _stat_key(path: str) -> tuple | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns)


def _unchanged(cat: Catalog, path: str) -> bool:
    """Already in the catalog as it is on disk (a touch, or a file moved back and forth)."""
    row = catalog.photos.known_files(cat, path).get(path)
    return row is not None and row[3] == "present" and (row[1], row[2]) == _stat_key(path)
