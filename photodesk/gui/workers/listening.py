"""Other desks' changes in the window: core's Listener on a worker (the archive only)."""

from PySide6.QtCore import QCoreApplication, QObject, Signal

from photodesk.core.catalog import Location
from photodesk.core.catalog.listening import Listener, PhotosChanged, Reachable, Unreachable
from photodesk.gui.workers.tasks import GeneratorTask


class ListenTask(GeneratorTask):
    """A generator task whose cancel also wakes the listener from its wait."""

    def __init__(self, location: Location, listener: Listener, parent=None):
        self.listener = listener
        super().__init__(location, listener.run, parent)

    def cancel(self) -> None:
        self.listener.stop()
        super().cancel()


class OtherDesks(QObject):
    """Relays what other desks change in the archive while the window is open."""

    photosChanged = Signal(object)  # photo ids another desk changed
    everythingChanged = Signal()  # too many to name, or the archive was away
    reachable = Signal()  # the archive is back after it was away
    problem = Signal(str, str)  # where, reason

    def __init__(self, location: Location, parent=None):
        super().__init__(parent)
        self._location = location
        self._task: ListenTask | None = None

    def start(self) -> None:
        if self._task is not None or not self._location.archive:
            return
        self._task = ListenTask(self._location, Listener(), self)
        self._task.events.connect(self._on_events)
        self._task.failed.connect(lambda msg: self.problem.emit(str(self._location), msg))
        self._task.start()

    def _on_events(self, events: list) -> None:
        ids, everything = [], False
        for event in events:
            if isinstance(event, PhotosChanged):
                ids += event.photo_ids
                everything = everything or event.everything
            elif isinstance(event, Unreachable):
                self.problem.emit(str(self._location), QCoreApplication.translate(
                    "OtherDesks", "The archive cannot be reached; PhotoDesk keeps trying. "
                    "Edits made meanwhile are not saved: %1").replace("%1", event.reason))
            elif isinstance(event, Reachable):
                self.reachable.emit()
                self.problem.emit(str(self._location), QCoreApplication.translate(
                    "OtherDesks", "The archive is reachable again."))
        if everything:
            self.everythingChanged.emit()
        elif ids:
            self.photosChanged.emit(list(dict.fromkeys(ids)))

    def shutdown(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            task.wait()
