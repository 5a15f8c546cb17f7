"""Live folders in the window: core.watch.Watcher on a worker, its events relayed as signals."""

from PySide6.QtCore import QCoreApplication, QObject, Signal

from photodesk.core.catalog import Location
from photodesk.core.index import ArticleImported
from photodesk.core.watch import Offline, Online, Ready, Watcher, Watching, WatchProblem
from photodesk.gui.workers.tasks import GeneratorTask, photo_ids


class WatchTask(GeneratorTask):
    """A generator task whose cancel also wakes the watcher, which may be waiting for events."""

    def __init__(self, location: Location, watcher: Watcher, parent=None):
        self.watcher = watcher
        super().__init__(location, watcher.run, parent)

    def cancel(self) -> None:
        self.watcher.stop()
        super().cancel()


class LiveFolders(QObject):
    """Keeps the catalog true to every catalog folder while the window is open."""

    photosChanged = Signal(object)  # photo ids that arrived, changed or went missing
    catalogChanged = Signal()  # articles, folders going offline or coming back
    problem = Signal(str, str)  # path, reason
    ready = Signal()  # caught up; every folder that can be watched is

    def __init__(self, location: Location, settle: float | None = None, parent=None):
        super().__init__(parent)
        self._location = location
        self._settle = settle
        self._task: WatchTask | None = None

    def start(self) -> None:
        if self._task is not None:
            return
        watcher = Watcher(**({"settle": self._settle} if self._settle is not None else {}))
        self._task = WatchTask(self._location, watcher, self)
        self._task.events.connect(self._on_events)
        self._task.problem.connect(self.problem)
        self._task.failed.connect(lambda msg: self.problem.emit(str(self._location), msg))
        self._task.start()

    def is_running(self) -> bool:
        return self._task is not None

    def _on_events(self, events: list) -> None:
        catalog_changed = False
        for event in events:
            if isinstance(event, (ArticleImported, Online)):
                catalog_changed = True
            elif isinstance(event, Offline):
                catalog_changed = True
                message = QCoreApplication.translate("LiveFolders", "folder offline: %1")
                self.problem.emit(event.path, message.replace("%1", event.reason))
            elif isinstance(event, WatchProblem):
                self.problem.emit(event.path, event.reason)
            elif isinstance(event, Watching) and event.reason:
                self.problem.emit(event.path, event.reason)
            elif isinstance(event, Ready):
                self.ready.emit()
        changed = photo_ids(events)
        if changed:
            self.photosChanged.emit(changed)
        if catalog_changed:
            self.catalogChanged.emit()

    def shutdown(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            task.wait()

