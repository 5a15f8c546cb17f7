"""index_paths(): folders in, catalog rows out, as a generator of events."""

import os
import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import repeat
from typing import Iterable, Iterator

from photodesk.core import fingerprint, search
from photodesk.core.analyse import analyse, failed
from photodesk.core.catalog import Catalog
from photodesk.core.articles import ArticleError
from photodesk.core.articles.link import import_article, link_photos
from photodesk.core import catalog
from photodesk.core.jobs import Failed, Progress, Skipped
from photodesk.core.paths import inside
from photodesk.core.readers import prepare, start_pool
from photodesk.core.scan import Candidate, ScanProblem, scan

BATCH_SIZE = 200
BATCH_SECONDS = 1.0
INLINE_BELOW = 12  # fewer files than this are not worth starting worker processes for


@dataclass(frozen=True)
class Scanned:
    """The walk is done: how many files there are and how many need reading; to_fingerprint:
    how many unchanged photos, indexed before fingerprints were kept, get theirs (from their
    thumbnails, after the files to read)."""
    total: int
    unchanged: int
    to_index: int
    to_fingerprint: int = 0


@dataclass(frozen=True)
class Indexed:
    path: str
    photo_id: int
    change: str  # "new", "updated" or "moved"


@dataclass(frozen=True)
class Missing:
    path: str
    photo_id: int


@dataclass(frozen=True)
class ArticleImported:
    path: str
    article_id: int
    references: int
    linked: int
    photo_ids: tuple[int, ...] = ()  # the photos it links: their rows now name the article


Event = Scanned | Indexed | Skipped | Failed | Missing | ArticleImported | Progress


class ReaderPool:
    """Reader processes kept between runs: a watcher indexing small batches all day would
    otherwise pay for starting Python and importing the readers (0.5–1 s) on every batch."""

    def __init__(self, workers: int | None = None):
        self.workers = os.cpu_count() or 1 if workers is None else workers
        self._executor: ProcessPoolExecutor | None = None

    def executor(self) -> ProcessPoolExecutor:
        if self._executor is None:
            self._executor = start_pool(self.workers)
        return self._executor

    def warm(self) -> None:
        """Start the processes now, so the first batch does not wait for them."""
        if self.workers > 1:
            for future in [self.executor().submit(os.getpid) for _ in range(self.workers)]:
                future.result()

    def discard(self) -> None:
        """Forget a broken pool; the next run starts a new one."""
        executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)

    close = discard


def index_paths(cat: Catalog, paths: Iterable[str], *, workers: int | None = None,
                batch_size: int = BATCH_SIZE, readers: ReaderPool | None = None
                ) -> Iterator[Event]:
    """Index every image under paths. Stopping the generator at any point leaves the catalog
    consistent: each batch is one transaction, and the next run carries on from there.
    readers: a pool kept by the caller between runs (otherwise one is started per run)."""
    roots = [os.path.abspath(p) for p in paths]
    known: dict[str, tuple] = {}
    known_articles: dict[str, tuple] = {}
    retry: set[str] = set()
    for root in roots:
        if os.path.isdir(root):
            with cat.transaction():
                catalog.folders.add_folder(cat, root)
        known.update(catalog.photos.known_files(cat, root))
        known_articles.update(catalog.articles.known_articles(cat, root))
        retry.update(catalog.photos.passing_failures(cat, root))
    todo, seen, problems, articles, returned = [], set(), [], [], []
    own = {str(cat.thumbs_dir)}  # the catalog's own cache must never be indexed
    for root in roots:
        for item in scan(root, exclude=own):
            if isinstance(item, ScanProblem):
                problems.append(item)
            elif item.kind == "article":
                old = known_articles.get(item.path)
                if old is None or (old[1], old[2]) != (item.size, item.mtime_ns):
                    articles.append(item)
            elif item.kind == "image":
                seen.add(item.path)
                old = known.get(item.path)
                changed = old is None or (old[1], old[2]) != (item.size, item.mtime_ns)
                # A file back at its path, or one that failed for a passing reason, is read again.
                if changed or old[3] == "missing" or item.path in retry:
                    todo.append(item)
                    if len(todo) == INLINE_BELOW and _workers(workers, readers) > 1:
                        prepare()  # readers will be wanted: their fork server starts meanwhile
                elif old[3] == "offline":
                    returned.append((item.path, old[0]))
    unlooked = _unlooked(cat, roots, seen, {c.path for c in todo})
    yield Scanned(len(seen), len(seen) - len(todo), len(todo), len(unlooked))
    yield from _returned(cat, returned)
    for problem in problems:
        yield Failed(problem.path, problem.reason)
    saved: set[int] = set()
    # Files given by name may stand alone; a file found in a folder needs the folder's row.
    loose = frozenset(r for r in roots if not os.path.isdir(r))
    yield from _index(cat, todo, workers, batch_size, saved, readers, loose)
    yield from _fingerprinted(cat, unlooked, workers, batch_size, readers)
    yield from _import_articles(cat, articles)
    gone = [(path, row[0]) for path, row in known.items()
            if path not in seen and row[0] not in saved and row[3] != "missing"
            and _root_readable(path, roots, problems)]
    if gone:
        with cat.transaction():
            catalog.photos.set_status(cat, [pid for _, pid in gone], "missing", "file not found")
        for path, pid in gone:
            yield Missing(path, pid)


def _unlooked(cat: Catalog, roots: list[str], seen: set[str],
              reading: set[str]) -> list[tuple[str, int, str]]:
    """(path, photo id, content hash) of the unchanged photos found that have no fingerprint
    yet: indexed before fingerprints were kept (m014)."""
    found = {}
    for root in roots:
        found.update(catalog.fingerprints.missing(cat, root))
    return [(path, pid, content_hash) for path, (pid, content_hash) in sorted(found.items())
            if path in seen and path not in reading]


def _fingerprinted(cat: Catalog, unlooked: list[tuple[str, int, str]], workers: int | None,
                   batch_size: int, readers: ReaderPool | None) -> Iterator[Event]:
    """Give photos indexed before fingerprints were kept theirs, read from their cached
    thumbnails: their files are not read again (unless a thumbnail is gone), nor their rows,
    dates or thumbnails rewritten. One that cannot be done now is tried at the next index."""
    started, done, batch = time.monotonic(), 0, []
    for (path, photo_id, _), (found, problem) in _looked_at(unlooked, str(cat.thumbs_dir),
                                                            workers, readers):
        done += 1
        if problem is not None:
            yield Skipped(path, f"no fingerprint yet: {problem}", photo_id)
        else:
            batch.append((photo_id, found))
        if len(batch) >= batch_size or done == len(unlooked):
            _save_fingerprints(cat, batch)
            batch = []
            yield Progress(done, len(unlooked), started)
    _save_fingerprints(cat, batch)  # what was done before the pool broke, if it did


def _save_fingerprints(cat: Catalog, batch: list) -> None:
    if batch:
        with cat.transaction():
            for photo_id, found in batch:
                catalog.fingerprints.save(cat, photo_id, found)


def _looked_at(unlooked: list[tuple[str, int, str]], thumbs_dir: str, workers: int | None,
               readers: ReaderPool | None):
    """(item, (fingerprint, problem)) for each item, in order, on the readers when they are
    worth it; a broken pool ends it early (the rest waits for the next index)."""
    workers = _workers(workers, readers)
    if workers <= 1 or len(unlooked) < (2 if readers else INLINE_BELOW):
        for item in unlooked:
            yield item, fingerprint.of_photo(item[0], item[2], thumbs_dir)
        return
    pool = readers.executor() if readers else start_pool(workers)
    try:
        found = pool.map(fingerprint.of_photo, [i[0] for i in unlooked],
                         [i[2] for i in unlooked], repeat(thumbs_dir), chunksize=32)
        yield from zip(unlooked, found)
    except BrokenProcessPool:
        if readers:
            readers.discard()
    finally:
        if not readers:
            pool.shutdown(wait=True, cancel_futures=True)


def _import_articles(cat: Catalog, candidates: list[Candidate]) -> Iterator[Event]:
    for c in candidates:
        try:
            result = import_article(cat, c.path, found_in_folder=True)
        except ArticleError as exc:
            yield Failed(c.path, exc.reason)
        else:
            if result is None:
                yield Skipped(c.path, "names no photo: not taken for an article")
            else:
                yield ArticleImported(c.path, result.article_id, result.references, result.linked,
                                      tuple(result.photo_ids))


def _returned(cat: Catalog, returned: list[tuple[str, int]]) -> Iterator[Event]:
    """Files of a folder back online, unchanged by size and mtime: present again, not re-read
    (only present photos are ever marked offline)."""
    if returned:
        with cat.transaction():
            catalog.photos.set_status(cat, [pid for _, pid in returned], "present")
        for path, pid in returned:
            yield Indexed(path, pid, "updated")


def _root_readable(path: str, roots: list[str], problems: list[ScanProblem]) -> bool:
    """A file under a folder we could not list is not known to be gone."""
    return not any(inside(path, p.path) for p in problems)


def _index(cat: Catalog, todo: list[Candidate], workers: int | None, batch_size: int,
           saved: set[int], readers: ReaderPool | None,
           loose: frozenset[str] = frozenset()) -> Iterator[Event]:
    started = time.monotonic()
    done, batch, last_write = 0, [], time.monotonic()
    for candidate, result in _analysed(todo, str(cat.thumbs_dir), workers, readers):
        batch.append((candidate, result))
        if len(batch) >= batch_size or time.monotonic() - last_write > BATCH_SECONDS:
            yield from _write(cat, batch, saved, loose)
            done += len(batch)
            batch, last_write = [], time.monotonic()
            yield Progress(done, len(todo), started)
    if batch:
        yield from _write(cat, batch, saved, loose)
        done += len(batch)
        yield Progress(done, len(todo), started)


def _analysed(todo: list[Candidate], thumbs_dir: str, workers: int | None,
              readers: ReaderPool | None):
    workers = _workers(workers, readers)
    # A running pool is worth using for two files; starting one is not, below INLINE_BELOW.
    if workers <= 1 or len(todo) < (2 if readers else INLINE_BELOW):
        for c in todo:
            yield c, analyse(c.path, c.size, c.mtime_ns, thumbs_dir)
        return
    queue = iter(todo)
    while True:
        crashed = yield from _pooled(queue, thumbs_dir, workers, readers)
        if not crashed:
            return
        # A reader crashed a worker: retry the files in flight one by one, so only the
        # file that really crashes it is marked unreadable.
        for c in crashed:
            yield c, next(iter(_isolated(c, thumbs_dir)))


def _workers(workers: int | None, readers: ReaderPool | None) -> int:
    return readers.workers if readers else os.cpu_count() or 1 if workers is None else workers


def _pooled(queue, thumbs_dir: str, workers: int, readers: ReaderPool | None):
    """Analyse files from queue in a pool; return the files in flight if the pool broke."""
    pool = readers.executor() if readers else start_pool(workers)
    pending: dict[Future, Candidate] = {}

    def submit(c: Candidate) -> None:
        pending[pool.submit(analyse, c.path, c.size, c.mtime_ns, thumbs_dir)] = c

    try:
        for c in _take(queue, workers * 4):
            submit(c)
        while pending:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                try:
                    result = future.result()
                except BrokenProcessPool:
                    if readers:
                        readers.discard()
                    return list(pending.values())
                except Exception as exc:  # one file's failure must not stop the run
                    result = failed(f"reading failed: {exc}", exc)
                c = pending.pop(future)
                for nxt in _take(queue, 1):
                    submit(nxt)
                yield c, result
        return []
    finally:
        if readers:
            for future in pending:  # a stopped run leaves the kept pool idle
                future.cancel()
        else:
            # Waited for: a pool left to shut down while the interpreter exits races
            # concurrent.futures' own exit hook ("Bad file descriptor" on stderr). Only the
            # files in flight are waited for, one per reader.
            pool.shutdown(wait=True, cancel_futures=True)


def _isolated(c: Candidate, thumbs_dir: str):
    with start_pool(1) as pool:
        try:
            yield pool.submit(analyse, c.path, c.size, c.mtime_ns, thumbs_dir).result()
        except BrokenProcessPool:
            # Passing: a reader killed from outside (out of memory) looks the same as one the
            # file crashed; the next index tries it again, alone.
            yield failed("the metadata reader crashed on this file", failure="passing")


def _take(iterator, n: int) -> list:
    out = []
    for item in iterator:
        out.append(item)
        if len(out) == n:
            break
    return out


def _write(cat: Catalog, batch: list, saved: set[int],
           loose: frozenset[str] = frozenset()) -> Iterator[Event]:
    events: list[Event] = []
    with cat.transaction():
        changed = []
        known_folders = catalog.folders.folders(cat)  # once a batch, not once a file
        for candidate, result in batch:
            event = _save(cat, candidate, result, known_folders, loose)
            events.append(event)
            if getattr(event, "photo_id", None) is not None:
                changed.append(event.photo_id)
        saved.update(changed)
        linked = link_photos(cat, changed)
        search.refresh(cat, set(changed) | set(linked))
    yield from events


def _save(cat: Catalog, c: Candidate, result: dict, known_folders: list[dict],
          loose: frozenset[str] = frozenset()) -> Event:
    outcome = result["outcome"]
    if outcome == "skip":
        return Skipped(c.path, result["reason"])
    folder_id = catalog.folders.folder_for(cat, c.path, known_folders)
    if folder_id is None and c.path not in loose:
        # Its folder was removed from the catalog while the run went on: the editor asked to
        # forget it, so it must not come back as a photo no folder owns.
        return Skipped(c.path, "its folder was removed from the catalog")
    name = os.path.basename(c.path)
    record = {**result.get("record", {}), "path": c.path, "name": name, "size": c.size,
              "mtime_ns": c.mtime_ns, "folder_id": folder_id, "indexed_at": catalog.photos.now()}
    if outcome == "unreadable":
        failure = result.get("failure") or "permanent"
        record.update(status="unreadable", status_reason=result["reason"], failure=failure)
        known_id = catalog.photos.photo_by_path_id(cat, c.path)
        if "hash" not in record and known_id is not None:
            # Nothing was read this time: keep all the catalog knew (the editor's fields, the
            # file's last readable metadata). A passing failure is read again; a permanent one
            # takes the file's size and time, so it is read again only once it changes.
            stat = None if failure == "passing" else (c.size, c.mtime_ns)
            catalog.photos.set_failed(cat, known_id, result["reason"], failure, stat)
            return Failed(c.path, result["reason"], known_id, failure)
    else:
        record.update(status="present", status_reason=None, failure=None)
    photo_id, change = _identity(cat, c.path, record.get("hash"))
    if change == "moved":
        catalog.photos.move_photo(cat, photo_id, c.path, record["folder_id"], name)
    photo_id = catalog.photos.save_photo(cat, record, result.get("lists", {}), photo_id)
    if "fingerprint" in result:
        catalog.fingerprints.save(cat, photo_id, result["fingerprint"])
    if outcome == "unreadable":
        return Failed(c.path, result["reason"], photo_id, record["failure"])
    return Indexed(c.path, photo_id, change)


def _identity(cat: Catalog, path: str, content_hash: str | None) -> tuple[int | None, str]:
    """Which photo this file is: the one at this path, or one whose file moved here."""
    current = catalog.photos.photo_by_path_id(cat, path)
    if current is not None:
        return current, "updated"
    if content_hash:
        for row in catalog.photos.photos_with_hash(cat, content_hash):
            # An offline photo keeps its identity for when its folder comes back.
            if row["status"] == "missing" or (row["status"] != "offline"
                                              and not os.path.exists(row["path"])):
                return row["id"], "moved"
    return None, "new"
