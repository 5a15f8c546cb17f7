"""A process's connections to a catalog: one per thread, opened on first use and kept.

The window asks the catalog hundreds of small questions from a pool of threads; opening a
connection for each (pragmas, the migration check) cost more than most answers. Each thread
keeps one instead; writes are still one at a time (Catalog.transaction holds the process's
writer lock, and SQLite's lock orders processes).
"""

import sqlite3
import threading
from contextlib import contextmanager
from typing import Iterator

from photodesk.core.catalog.db import Catalog, CatalogError
from photodesk.core.catalog.postgres import lost_archive
from photodesk.core.catalog.location import Location, locate


class Connections:
    def __init__(self, where):
        self.location: Location = locate(where)
        self._lock = threading.Lock()
        # By thread id, not threading.local: a Qt pool thread is given a new Python thread
        # state (and so an empty threading.local) each time it runs Python, which opened a
        # connection per query and kept them all (1,200 while a grid of a million scrolled).
        self._by_thread: dict[int, Catalog] = {}

    @property
    def _open(self) -> list[Catalog]:
        with self._lock:
            return list(self._by_thread.values())

    @contextmanager
    def catalog(self) -> Iterator[Catalog]:
        """This thread's catalog. One that failed (a damaged file, a full disk) is closed, so
        the next use opens it afresh."""
        thread = threading.get_ident()
        with self._lock:
            cat = self._by_thread.get(thread)
        if cat is None:
            # Closed from whichever thread ends the process, so not bound to this one.
            cat = Catalog(self.location, check_same_thread=False)
            with self._lock:
                self._by_thread[thread] = cat
        try:
            yield cat
        except Exception as exc:
            if isinstance(exc, (sqlite3.Error, CatalogError, OSError)) or lost_archive(exc):
                self._forget(thread, cat)  # the archive's server gone: a new one next time
            raise

    def _forget(self, thread: int, cat: Catalog) -> None:
        with self._lock:
            if self._by_thread.get(thread) is cat:
                del self._by_thread[thread]
        try:
            cat.close()
        except Exception:  # noqa: BLE001  (a connection already broken)
            pass

    def close(self) -> None:
        """Close every thread's connection (when no thread uses them any more)."""
        with self._lock:
            found, self._by_thread = list(self._by_thread.values()), {}
        for cat in found:
            try:
                cat.close()
            except sqlite3.Error:
                pass


_SHARED: dict[Location, Connections] = {}
_SHARED_LOCK = threading.Lock()


def shared(where) -> Connections:
    """The process's connections to the catalog at where."""
    location = locate(where)
    with _SHARED_LOCK:
        if location not in _SHARED:
            _SHARED[location] = Connections(location)
        return _SHARED[location]


def release(where) -> None:
    """Close the process's connections to the catalog at where (a window closing)."""
    with _SHARED_LOCK:
        found = _SHARED.pop(locate(where), None)
    if found is not None:
        found.close()


def close_all() -> None:
    with _SHARED_LOCK:
        found = list(_SHARED.values())
        _SHARED.clear()
    for connections in found:
        connections.close()
