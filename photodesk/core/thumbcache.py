"""The thumbnail cache as a whole: its size, pruning to a limit (least recently used first),
rebuilding from the originals, clearing. Removing thumbnails loses nothing but time."""

import os
import time
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple

from photodesk.core.catalog import Catalog
from photodesk.core import catalog
from photodesk.core.jobs import Failed, Progress
from photodesk.core.thumbs import SIZES, TEMP_NAME, THUMB_NAME, remake, temp_writer_gone

LOW_WATER = 0.9  # prune to 90 % of the limit, so the next few thumbnails do not prune again
STRAY_AGE = 3600  # seconds: a temp file this old was left by a crash, not being written
PROGRESS_SECONDS = 0.2


# Files that file browsers and tools drop into any folder; they do not make a folder foreign.
HARMLESS = frozenset({".DS_Store", "Thumbs.db", "desktop.ini", "CACHEDIR.TAG", ".directory"})


class CacheError(Exception):
    """The cache folder cannot be handled as asked; the message says why."""


class Usage(NamedTuple):
    files: int
    bytes: int


@dataclass(frozen=True)
class Pruned:
    removed: int  # thumbnails removed, least recently used first
    freed: int  # their bytes
    files: int  # thumbnails left
    bytes: int  # their bytes
    strays: int = 0  # temp files left by crashed writes, removed
    refused: str | None = None  # why nothing was removed (the folder holds other files)


@dataclass(frozen=True)
class Checked:
    """rebuild() has looked: how many present photos, how many of them it will make."""
    photos: int
    to_make: int


@dataclass(frozen=True)
class Remade:
    photo_id: int
    path: str


# Failed: the original is missing, changed or cannot be decoded; the photo is not touched.
RebuildEvent = Checked | Remade | Failed | Progress


def usage(cache_dir: str | os.PathLike) -> Usage:
    """How many thumbnails the cache holds and their bytes (0, 0 when it does not exist)."""
    files = _thumbnails(cache_dir)
    return Usage(len(files), sum(f[1] for f in files))


def keep_within_limit(cat: Catalog, limit_bytes: int) -> Pruned:
    """Prune the catalog's cache to its limit: after indexing and when the window starts."""
    return prune(cat.thumbs_dir, limit_bytes)


def prune(cache_dir: str | os.PathLike, limit_bytes: int, keep: Iterable[str] = ()) -> Pruned:
    """Remove the least recently used thumbnails until the cache is under LOW_WATER of the
    limit (nothing when it is within the limit). Thumbnails of the hashes in keep stay; temp
    files a crash left (older than STRAY_AGE) go.

    Others may use the cache meanwhile: a file that vanishes is simply no longer counted.
    """
    strays: list[str] = []
    files = _thumbnails(cache_dir, strays)
    total = sum(f[1] for f in files)
    removed = freed = gone = 0
    if total > limit_bytes:
        refused = _refusal(Path(cache_dir))
        if refused:
            return Pruned(0, 0, len(files), total, 0, refused)
        target, keep = max(0, int(limit_bytes * LOW_WATER)), set(keep)
        files.sort(key=itemgetter(0))  # oldest use first
        for _, size, path, digest in files:
            if total <= target:
                break
            if digest in keep:
                continue
            try:
                os.unlink(path)
            except FileNotFoundError:
                gone += 1
            except OSError:
                continue  # cannot be removed (permissions): it still counts
            else:
                removed, freed = removed + 1, freed + size
            total -= size
    return Pruned(removed, freed, len(files) - removed - gone, total, _removed(strays))


def clear(cache_dir: str | os.PathLike) -> Usage:
    """Remove the cache folder with every thumbnail in it; what was removed.

    Refuses (CacheError, nothing removed) when the folder holds anything that is not a
    thumbnail: a cache set to a wrong folder must not cost the user their files.
    """
    cache_dir = Path(cache_dir)
    if not os.path.lexists(cache_dir):
        return Usage(0, 0)
    if cache_dir.is_symlink() or not cache_dir.is_dir():
        raise CacheError(f"{cache_dir} is not a thumbnail folder; nothing was removed")
    refused = _refusal(cache_dir)
    if refused:
        raise CacheError(refused)
    removed = Usage(0, 0)
    for folder in _subfolders(cache_dir):
        for entry in _listing(folder.path):
            if THUMB_NAME.fullmatch(entry.name) or TEMP_NAME.fullmatch(entry.name):
                removed = _unlinked(entry, removed)
            elif entry.name in HARMLESS:
                _removed([entry.path])
        _rmdir(folder.path)
    _removed([str(cache_dir / name) for name in HARMLESS])
    _rmdir(cache_dir)
    return removed


def rebuild(cat: Catalog, cache_dir: str | os.PathLike, *, all: bool = False,
            workers: int | None = None) -> Iterator[RebuildEvent]:
    """Make the thumbnails missing for present photos (all: every photo's) from the
    originals, on worker threads. A photo whose original is gone or changed is reported
    (Failed), not touched: the indexer owns what the catalog says of it."""
    photos = catalog.photos.present_photo_files(cat)
    if all:
        todo = photos
    else:
        complete = _complete_hashes(cache_dir)
        todo = [p for p in photos if p["hash"] not in complete]
    retry = catalog.photos.passing_failures(cat)
    yield Checked(len(photos), len(todo) + len(retry))
    yield from _retried(cat, retry, workers)
    started, last = time.monotonic(), 0.0
    for done, (photo, reason) in enumerate(_remade(todo, cache_dir, all, workers), 1):
        if reason is None:
            yield Remade(photo["id"], photo["path"])
        else:
            yield Failed(photo["path"], reason, photo["id"])
        if done == len(todo) or time.monotonic() - last > PROGRESS_SECONDS:
            last = time.monotonic()
            yield Progress(done, len(todo), started)


def _retried(cat: Catalog, paths: list[str], workers: int | None) -> Iterator[RebuildEvent]:
    """Photos whose reading failed for a passing reason (a full disk, most often while making
    their thumbnails) are read again whole, by the indexer, which owns what the catalog says."""
    if not paths:
        return
    from photodesk.core.index import Indexed, index_paths
    for event in index_paths(cat, paths, workers=workers):
        if isinstance(event, Indexed):
            yield Remade(event.photo_id, event.path)
        elif isinstance(event, Failed):
            yield event


def _remade(todo: list[dict], cache_dir, replace: bool, workers: int | None):
    """(photo, None or why not) as each photo's thumbnails are made. Threads suffice: hashing,
    decoding, scaling and encoding all run outside the GIL."""
    workers = os.cpu_count() or 1 if workers is None else workers
    if workers <= 1:
        for photo in todo:
            yield photo, _remake(cache_dir, photo, replace)
        return
    queue, pending = iter(todo), {}
    pool = ThreadPoolExecutor(workers, thread_name_prefix="thumbs")
    try:
        for photo in _take(queue, workers * 2):
            pending[pool.submit(_remake, cache_dir, photo, replace)] = photo
        while pending:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                photo = pending.pop(future)
                for nxt in _take(queue, 1):
                    pending[pool.submit(_remake, cache_dir, nxt, replace)] = nxt
                yield photo, future.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _remake(cache_dir, photo: dict, replace: bool) -> str | None:
    try:
        return remake(cache_dir, photo["hash"], photo["path"], replace=replace)
    except Exception as exc:  # one photo's failure must not stop the rebuild
        return f"thumbnails could not be made ({exc})"


def _take(iterator, n: int) -> list:
    return [item for _, item in zip(range(n), iterator)]


# --- reading the folder: one listing, one stat per thumbnail --------------------------------

def _subfolders(cache_dir) -> list[os.DirEntry]:
    """The hash folders (named by the hash's first two digits) of the cache."""
    return [e for e in _listing(cache_dir) if _is_dir(e) and len(e.name) == 2]


def _thumbnails(cache_dir, strays: list[str] | None = None) -> list[tuple[float, int, str, str]]:
    """(last use, bytes, path, hash) of every thumbnail file, in one listing and one stat
    each; temp files older than STRAY_AGE, or whose writer on this host is gone, are added to
    strays when it is given."""
    found, old = [], time.time() - STRAY_AGE
    for folder in _subfolders(cache_dir):
        for entry in _listing(folder.path):
            match = THUMB_NAME.fullmatch(entry.name)
            if match is None or match.group(1) != folder.name:
                if strays is not None and TEMP_NAME.fullmatch(entry.name):
                    if _mtime(entry) < old or temp_writer_gone(entry.name):
                        strays.append(entry.path)
                continue
            try:
                st = entry.stat(follow_symlinks=False)
            except OSError:
                continue  # removed meanwhile
            found.append((st.st_mtime, st.st_size, entry.path, entry.name.rsplit("-", 1)[0]))
    return found


def _mtime(entry: os.DirEntry) -> float:
    try:
        return entry.stat(follow_symlinks=False).st_mtime
    except OSError:
        return float("inf")  # gone: nothing to remove


def _removed(paths: list[str]) -> int:
    removed = 0
    for path in paths:
        try:
            os.unlink(path)
            removed += 1
        except OSError:
            pass  # renamed into place or removed meanwhile
    return removed


def _complete_hashes(cache_dir) -> set[str]:
    """Hashes with every size cached, from the names alone."""
    sizes: dict[str, int] = {}
    for folder in _subfolders(cache_dir):
        for entry in _listing(folder.path):
            match = THUMB_NAME.fullmatch(entry.name)
            if match and int(match.group(3)) in SIZES:
                digest = entry.name.rsplit("-", 1)[0]
                sizes[digest] = sizes.get(digest, 0) + 1
    return {digest for digest, n in sizes.items() if n == len(SIZES)}


def _refusal(cache_dir: Path) -> str | None:
    """Why the folder must not be pruned or cleared: it holds what is not ours (a cache set
    to a wrong folder must not cost the user their files). None when all is ours."""
    foreign = _foreign(cache_dir)
    if not foreign:
        return None
    more = f" and {len(foreign) - 3} more" if len(foreign) > 3 else ""
    return (f"{cache_dir} holds files that are not thumbnails ({', '.join(foreign[:3])}{more}); "
            "nothing was removed")


def _foreign(cache_dir: Path) -> list[str]:
    """Names under cache_dir that the thumbnail layout does not explain."""
    foreign = []
    for entry in _listing(cache_dir):
        if entry.name in HARMLESS:
            continue
        if not (_is_dir(entry) and len(entry.name) == 2
                and all(c in "0123456789abcdef" for c in entry.name)):
            foreign.append(entry.name)
            continue
        for inner in _listing(entry.path):
            if inner.name in HARMLESS:
                continue
            match = THUMB_NAME.fullmatch(inner.name)
            ours = (match is not None and match.group(1) == entry.name) or (
                TEMP_NAME.fullmatch(inner.name) is not None)
            if not ours or not inner.is_file(follow_symlinks=False):
                foreign.append(f"{entry.name}/{inner.name}")
    return foreign


def _listing(folder) -> list[os.DirEntry]:
    try:
        with os.scandir(folder) as entries:
            return list(entries)
    except OSError:
        return []  # no cache yet, a folder removed meanwhile, or one we may not read


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _unlinked(entry: os.DirEntry, so_far: Usage) -> Usage:
    try:
        size = entry.stat(follow_symlinks=False).st_size
        os.unlink(entry.path)
    except FileNotFoundError:
        return so_far
    except OSError as exc:
        raise CacheError(f"{entry.path} cannot be removed ({exc.strerror or exc}); "
                         f"{so_far.files} thumbnails were removed before it") from exc
    return Usage(so_far.files + (not TEMP_NAME.fullmatch(entry.name)), so_far.bytes + size)


def _rmdir(path) -> None:
    try:
        os.rmdir(path)
    except OSError:
        pass  # gone already, or a thumbnail arrived meanwhile: it stays for next time
