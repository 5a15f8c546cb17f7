"""ThumbnailRebuild: File → Rebuild thumbnails, run by the core off the GUI thread."""

from PySide6.QtCore import QObject, Signal

from photodesk.core.catalog import Location
from photodesk.core import thumbcache
from photodesk.gui.workers.tasks import GeneratorTask


class ThumbnailRebuild(QObject):
    """Remakes the thumbnails missing from the cache (or all of them) from the photos."""

    message = Signal(str)
    problem = Signal(str, str)  # path, reason
    finished = Signal(int, int)  # remade, could not be remade

    def __init__(self, location: Location, parent=None):
        super().__init__(parent)
        self._location = location
        self.task: GeneratorTask | None = None
        self._to_make = self._remade = self._failed = 0

    def is_running(self) -> bool:
        return self.task is not None

    def start(self, everything: bool = False) -> None:
        if self.task is not None:
            return
        self._to_make = self._remade = self._failed = 0
        self.task = GeneratorTask(
            self._location,
            lambda cat: thumbcache.rebuild(cat, cat.thumbs_dir, all=everything), self)
        self.task.events.connect(self._on_events)
        self.task.problem.connect(self._on_not_remade)  # relayed before the events' list
        self.task.failed.connect(lambda msg: self.problem.emit(str(self._location), msg))
        self.task.done.connect(self._on_done)
        self.message.emit(self.tr("Rebuilding thumbnails…"))
        self.task.start()

    def _on_events(self, events) -> None:
        for event in events:
            if isinstance(event, thumbcache.Checked):
                self._to_make = event.to_make
            elif isinstance(event, thumbcache.Remade):
                self._remade += 1
        if self._to_make:
            self.message.emit(self.tr("Rebuilding thumbnails: %1 of %2")
                              .replace("%1", str(self._remade + self._failed))
                              .replace("%2", str(self._to_make)))

    def _on_not_remade(self, path: str, reason: str) -> None:
        self._failed += 1
        self.problem.emit(path, reason)

    def _on_done(self, cancelled: bool) -> None:
        self.task.wait()
        self.task = None
        text = self.tr("Thumbnails rebuilt: %n photo(s).", "", self._remade)
        if self._failed:
            text += " " + self.tr("%n could not be (see Problems).", "", self._failed)
        self.message.emit(text)
        self.finished.emit(self._remade, self._failed)

    def shutdown(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.task.wait()
