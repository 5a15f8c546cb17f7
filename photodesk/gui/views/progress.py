"""IndexingStatus: the status-bar strip that shows a running index and can cancel it."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QProgressBar, QPushButton, QSizePolicy,
                               QWidget)

from photodesk.core.index import Scanned
from photodesk.core.jobs import Progress


class IndexingStatus(QWidget):
    """Count, rate and time left while index_paths runs; hidden otherwise."""

    cancelRequested = Signal()
    textChanged = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setFixedWidth(180)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.cancel_button.clicked.connect(self.cancelRequested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.hide()

    def begin(self) -> None:
        self.bar.setRange(0, 0)  # busy until the walk says how much there is
        self.cancel_button.setEnabled(True)
        self._set(self.tr("Looking for photos…"))
        self.show()

    def scanned(self, event: Scanned) -> None:
        self.bar.setRange(0, max(event.to_index, 1))
        self.bar.setValue(0)
        self._set(self.tr("Indexing: 0 of %1").replace("%1", str(event.to_index)))

    def progress(self, event: Progress) -> None:
        self.bar.setRange(0, max(event.total, 1))
        self.bar.setValue(event.done)
        text = self.tr("Indexing: %1 of %2").replace("%1", str(event.done)).replace(
            "%2", str(event.total))
        text += " · " + self.tr("%1 photos/s").replace("%1", f"{event.rate:.1f}")
        if event.eta_seconds is not None and event.done < event.total:
            text += " · " + self.tr("%1 left").replace("%1", _duration(event.eta_seconds))
        self._set(text)

    def cancelling(self) -> None:
        self.cancel_button.setEnabled(False)
        self._set(self.tr("Stopping after the current batch…"))

    def finish(self) -> None:
        self.hide()

    def text(self) -> str:
        return self.label.text()

    def _set(self, text: str) -> None:
        self.label.setText(text)
        self.textChanged.emit(text)


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"
