"""Loupe: one photo over the whole window, from the 1024 px cached preview, for culling.

Left/Right (or Up/Down) step through the grid's photos, the culling keys work as in the grid,
Space or Escape closes it.
"""

from PySide6.QtCore import QEvent, QRect, Qt, QThreadPool, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap
from PySide6.QtWidgets import QWidget

from photodesk.core.thumbs import thumb_path
from photodesk.gui.views.culling import LABEL_COLORS, PICK, REJECT, is_culling_key, label_text
from photodesk.gui.style import COLORS
from photodesk.gui.workers.tasks import ImageLoad, Relay, source_of

PREVIEW_SIZE = 1024
FOOTER = 38
STEPS = {Qt.Key.Key_Right: 1, Qt.Key.Key_Down: 1, Qt.Key.Key_Left: -1, Qt.Key.Key_Up: -1}


class Loupe(QWidget):
    """A child of the main window that covers it and follows its size."""

    step = Signal(int)  # +1 next photo, -1 previous
    cullKey = Signal(int)
    closed = Signal()

    def __init__(self, thumbs_dir, window: QWidget):
        super().__init__(window)
        self.setObjectName("loupe")
        self._thumbs_dir = thumbs_dir
        self._row: dict | None = None
        self._pixmap: QPixmap | None = None
        self._stand_in: QPixmap | None = None
        self._position = ""
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = Relay(self)
        self._relay.image.connect(self._on_image)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAutoFillBackground(False)
        window.installEventFilter(self)
        self.hide()

    def open(self, row: dict | None, stand_in: QPixmap | None, position: str) -> None:
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()
        self.setFocus()
        self.show_photo(row, stand_in, position)

    def close_loupe(self) -> None:
        self.hide()
        self._pool.clear()
        self.closed.emit()

    def show_photo(self, row: dict | None, stand_in: QPixmap | None, position: str) -> None:
        """row may be None while the catalog row loads; stand_in draws until the preview does."""
        same = row is not None and self._row is not None and (row["id"], row.get("hash")) == (
            self._row["id"], self._row.get("hash"))
        self._row, self._position = row, position
        if not same:
            self._pixmap, self._stand_in = None, stand_in
            if row is not None and row.get("hash"):
                self._pool.clear()
                path = str(thumb_path(self._thumbs_dir, row["hash"], PREVIEW_SIZE))
                self._pool.start(ImageLoad(self._relay, (row["id"], row["hash"]), path,
                                           source=source_of(row)))
        self.update()

    def photo_id(self) -> int | None:
        return self._row["id"] if self._row else None

    def has_image(self) -> bool:
        return self._pixmap is not None

    def _on_image(self, key, image) -> None:
        if self._row is None or key != (self._row["id"], self._row.get("hash")):
            return
        if not image.isNull():
            self._pixmap = QPixmap.fromImage(image)
            self.update()

    # --- keys and size -------------------------------------------------------------------------

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Escape, Qt.Key.Key_Space):
            self.close_loupe()
        elif key in STEPS:
            self.step.emit(STEPS[key])
        elif is_culling_key(key, event.modifiers()):
            self.cullKey.emit(key)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self.setGeometry(watched.rect())
        return False

    # --- painting ------------------------------------------------------------------------------

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#111111"))
        pixmap = self._pixmap or self._stand_in
        area = self.rect().adjusted(24, 24, -24, -FOOTER - 12)
        if pixmap is not None and not pixmap.isNull():
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            size = pixmap.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(0, 0, size.width(), size.height())
            target.moveCenter(area.center())
            painter.drawPixmap(target, pixmap)
            if self._row and self._row.get("pick") == REJECT:
                painter.fillRect(target, QColor(0, 0, 0, 120))
        self._paint_footer(painter)

    def _paint_footer(self, painter: QPainter) -> None:
        footer = QRect(0, self.height() - FOOTER, self.width(), FOOTER)
        painter.fillRect(footer, QColor(COLORS["panel"]))
        row = self._row or {}
        painter.setPen(QColor(COLORS["text"]))
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.05)
        painter.setFont(font)
        text = "   ".join(filter(None, (row.get("name"), self._position, self._marks(row))))
        painter.drawText(footer.adjusted(16, 0, -16, 0), Qt.AlignmentFlag.AlignVCenter, text)
        hint = self.tr("←/→ previous/next · 0–5 rating · 6–9 label · P pick · X reject · "
                       "Esc close")
        painter.setPen(QColor(COLORS["muted"]))
        painter.drawText(footer.adjusted(16, 0, -16, 0),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, hint)
        label = row.get("label")
        if label in LABEL_COLORS:
            painter.fillRect(QRect(0, footer.top(), 6, FOOTER), QColor(LABEL_COLORS[label]))

    def _marks(self, row: dict) -> str:
        parts = []
        if row.get("rating"):
            parts.append("★" * int(row["rating"]))
        if row.get("label"):
            parts.append(label_text(row["label"]))
        if row.get("pick") == PICK:
            parts.append(self.tr("Picked"))
        elif row.get("pick") == REJECT:
            parts.append(self.tr("Rejected"))
        return " · ".join(parts)

    def shutdown(self) -> None:
        self._pool.clear()
        self._pool.waitForDone()
