"""Work off the GUI thread: core generators on a QThread, catalog reads and image loads on pools."""

import threading
from collections import deque
from typing import Callable, Iterator

from PySide6.QtCore import QObject, QRunnable, QSize, QThread, QTimer, Qt, Signal
from PySide6.QtGui import QImage, QImageReader

from photodesk.core.catalog import Location
from photodesk.core import thumbs
from photodesk.core.catalog import Catalog, connections
from photodesk.core.index import index_paths
from photodesk.core.jobs import Failed, Progress

RELAY_MS = 200


class GeneratorTask(QThread):
    """Runs make(catalog) -> iterator of core events on its own thread and catalog connection.

    Events are queued by the worker and handed to the GUI in lists every RELAY_MS, so a burst
    of thousands of events costs the GUI a few signal deliveries, not thousands. The events
    every job shares (core/jobs.py) are relayed the same way for all: each Failed as a
    problem, before the list, and a list's latest Progress after it.
    """

    events = Signal(object)  # list of core events, in order
    problem = Signal(str, str)  # path, reason: a jobs.Failed
    progress = Signal(object)  # the latest jobs.Progress of a list; earlier ones are out of date
    failed = Signal(str)  # the run itself stopped with this message
    done = Signal(bool)  # True when the run was cancelled

    def __init__(self, location: Location, make: Callable[[Catalog], Iterator], parent=None):
        super().__init__(parent)
        self._location = location
        self._make = make
        self._queue: deque = deque()
        self._cancel = threading.Event()
        self._error: str | None = None
        self._relay = QTimer(self, interval=RELAY_MS)
        self._relay.timeout.connect(self._flush)
        self.started.connect(self._relay.start)
        self.finished.connect(self._finish)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        """Ask the generator to stop at its next event; the catalog stays consistent."""
        self._cancel.set()

    def run(self) -> None:
        try:
            with Catalog(self._location) as cat:
                generator = self._make(cat)
                try:
                    for event in generator:
                        self._queue.append(event)
                        if self._cancel.is_set():
                            break
                finally:
                    # close() runs the generator's cleanup here, on the thread owning its catalog.
                    generator.close()
        except Exception as exc:  # the GUI must hear of it; a dead thread says nothing
            self._error = str(exc) or type(exc).__name__

    def _flush(self) -> None:
        batch = []
        while self._queue:
            batch.append(self._queue.popleft())
        if not batch:
            return
        for event in batch:
            if isinstance(event, Failed):
                self.problem.emit(event.path, event.reason)
        self.events.emit(batch)
        progress = [e for e in batch if isinstance(e, Progress)]
        if progress:
            self.progress.emit(progress[-1])

    def _finish(self) -> None:
        self._relay.stop()
        self._flush()
        if self._error:
            self.failed.emit(self._error)
        self.done.emit(self.cancelled)


def photo_ids(events: list) -> list[int]:
    """The photos a list of events names: indexed, failed (recorded as unreadable), missing,
    linked by an article that came in."""
    ids = [e.photo_id for e in events if getattr(e, "photo_id", None)]
    return ids + [pid for e in events for pid in getattr(e, "photo_ids", ())]


class IndexTask(GeneratorTask):
    """index_paths() over some folders, in the background."""

    def __init__(self, location: Location, paths: list[str], workers: int | None = None,
                 parent=None):
        super().__init__(location, lambda cat: index_paths(cat, paths, workers=workers),
                         parent)
        self.paths = list(paths)


class Relay(QObject):
    """Carries results from pool threads; it lives on the GUI thread, so slots run there."""

    result = Signal(object, object)  # token, value (an Exception when the work failed)
    image = Signal(object, object)  # key, QImage (null when the file could not be read)


class CatalogQuery(QRunnable):
    """fn(catalog, *args) on a pool thread, through that thread's own connection (kept
    between queries)."""

    def __init__(self, relay: Relay, token, location: Location, fn: Callable, *args):
        super().__init__()
        self._relay, self._token = relay, token
        self._location, self._fn, self._args = location, fn, args

    def run(self) -> None:
        try:
            with connections.shared(self._location).catalog() as cat:
                value = self._fn(cat, *self._args)
        except Exception as exc:
            value = exc
        _emit(self._relay.result, self._token, value)


def source_of(row: dict) -> str | None:
    """The photo file a missing thumbnail may be made again from: only a present one (an
    offline share would block the loader threads)."""
    return row.get("path") if row.get("status", "present") == "present" else None


class ImageLoad(QRunnable):
    """Reads a cached thumbnail JPEG into a QImage, scaled to fit box when given.

    The thumbnail is marked as used (the cache keeps what is used); one that was removed from
    the cache is made again from source, the photo's file, when given.
    """

    def __init__(self, relay: Relay, key, path: str, box: QSize | None = None,
                 source: str | None = None):
        super().__init__()
        self._relay, self._key, self._path, self._box = relay, key, path, box
        self._source = source

    def run(self) -> None:
        cached = thumbs.thumb_key(self._path)
        if cached is not None:
            try:
                thumbs.ensure(*cached, self._source)
            except Exception:
                pass  # not remade: the reader below finds no file and gives a null image
        reader = QImageReader(self._path)
        reader.setAutoTransform(False)  # the cache holds upright pixels already
        image = reader.read()
        if not image.isNull() and self._box is not None and (
                image.width() > self._box.width() or image.height() > self._box.height()):
            image = image.scaled(self._box, Qt.AspectRatioMode.KeepAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation)
        _emit(self._relay.image, self._key, image)


class FullSizeLoad(QRunnable):
    """Decodes the photo itself at 100 % (thumbs.full_size) into a QImage, to be drawn as it is
    (made into a QPixmap, 24 MP would stall the GUI thread for a third of a second): a null
    image when it cannot be read, and the preview stays."""

    def __init__(self, relay: Relay, key, path: str):
        super().__init__()
        self._relay, self._key, self._path = relay, key, path

    def run(self) -> None:
        try:
            decoded = thumbs.full_size(self._path)
            # Pillow's bytes, wrapped as they are (PySide keeps them alive with the image): a
            # Qt copy or conversion of 24 MP here holds the GIL, and so every Python slot of
            # the GUI thread, for 0.1–0.3 s; Pillow lets it go while it works.
            image = QImage(decoded.tobytes(), decoded.width, decoded.height, 3 * decoded.width,
                           QImage.Format.Format_RGB888)
        except (thumbs.ThumbnailError, MemoryError, OSError):
            image = QImage()
        _emit(self._relay.image, self._key, image)


def _emit(signal, *args) -> None:
    try:
        signal.emit(*args)
    except RuntimeError:
        pass  # the receiver was torn down while this ran; nobody is waiting for it
