"""Indexing: folders queued for index_paths() on a worker, relayed to the status strip and window."""

import os

from PySide6.QtCore import QObject, Signal

from photodesk.core.catalog import Location
from photodesk.core.index import ArticleImported, Indexed, Scanned
from photodesk.gui.views.progress import IndexingStatus
from photodesk.gui.workers.tasks import IndexTask, photo_ids


class Indexing(QObject):
    """One run at a time; paths added meanwhile wait for the next run."""

    photosChanged = Signal(object)  # photo ids indexed, failed or gone missing
    catalogChanged = Signal()  # folders or articles came in
    problem = Signal(str, str)  # path, reason
    finished = Signal(bool, int, object)  # cancelled, photos read, the paths of the run

    def __init__(self, location: Location, status: IndexingStatus, workers: int | None = None,
                 parent=None):
        super().__init__(parent)
        self._location, self._status, self._workers = location, status, workers
        self._task: IndexTask | None = None
        self._queued: list[str] = []
        self._count = 0
        status.cancelRequested.connect(self.cancel)

    def add_paths(self, paths: list[str]) -> None:
        self._queued.extend(os.path.abspath(p) for p in paths)
        if self._task is None:
            self._start_next()

    def is_running(self) -> bool:
        return self._task is not None

    def cancel(self) -> None:
        self._queued.clear()
        if self._task is not None:
            self._task.cancel()
            self._status.cancelling()

    def _start_next(self) -> None:
        if not self._queued:
            return
        paths, self._queued = self._queued, []
        self._count = 0
        self._task = IndexTask(self._location, paths, self._workers, self)
        self._task.events.connect(self._on_events)
        self._task.problem.connect(self.problem)
        self._task.progress.connect(self._status.progress)
        self._task.failed.connect(lambda msg: self.problem.emit(str(self._location), msg))
        self._task.done.connect(self._on_done)
        self._status.begin()
        self._task.start()

    def _on_events(self, events: list) -> None:
        catalog_changed = False
        for event in events:
            if isinstance(event, Indexed):
                self._count += 1
            elif isinstance(event, Scanned):
                self._status.scanned(event)
                catalog_changed = True  # the new folder is in the catalog now
            elif isinstance(event, ArticleImported):
                catalog_changed = True
        changed = photo_ids(events)
        if changed:
            self.photosChanged.emit(changed)
        if catalog_changed:
            self.catalogChanged.emit()

    def _on_done(self, cancelled: bool) -> None:
        task, self._task = self._task, None
        if task is None:
            return  # shut down already, and waited for it
        task.wait()
        task.deleteLater()
        self._status.finish()
        self.finished.emit(cancelled, self._count, task.paths)
        self._start_next()

    def shutdown(self) -> None:
        """Stop indexing (the catalog stays consistent) and wait for the worker."""
        self._queued.clear()
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            task.wait()
