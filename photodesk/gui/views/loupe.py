"""Loupe: one photo over the whole window, from the 1024 px cached preview, for culling.

Left/Right (or Up/Down) step through the grid's photos, the culling keys work as in the grid,
Space or Escape closes it. Z, or a click, shows the photo at 100 % (decoded from the file
itself, off the GUI thread) to check focus; dragging pans, and the 100 % view stays on while
stepping through a burst, at the same place in each frame.
"""

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, Qt, QThreadPool, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap
from PySide6.QtWidgets import QWidget

from photodesk.core.thumbs import thumb_path
from photodesk.gui.views.culling import LABEL_COLORS, PICK, REJECT, is_culling_key, label_text
from photodesk.gui.style import COLORS
from photodesk.gui.workers.tasks import FullSizeLoad, ImageLoad, Relay, source_of

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
        self._zoomed = False          # 100 %: the file's own pixels, one to one
        self._full: QPixmap | None = None
        self._centre = QPointF(0.5, 0.5)  # the point of the photo in the middle, 0..1
        self._pressed: QPoint | None = None
        self._dragged = False
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
            self._pixmap, self._stand_in, self._full = None, stand_in, None
            if row is not None and row.get("hash"):
                self._pool.clear()
                path = str(thumb_path(self._thumbs_dir, row["hash"], PREVIEW_SIZE))
                self._pool.start(ImageLoad(self._relay, (row["id"], row["hash"]), path,
                                           source=source_of(row)))
                if self._zoomed:
                    self._load_full()
        self.update()

    # --- 100 % ---------------------------------------------------------------------------------

    def zoomed(self) -> bool:
        return self._zoomed

    def has_full_size(self) -> bool:
        return self._full is not None

    def toggle_zoom(self, at: QPointF | None = None) -> None:
        """100 % on or off; at (a point of the widget) becomes the middle of the view."""
        self._zoomed = not self._zoomed
        if self._zoomed:
            if at is not None:
                target = self._fitted()
                if target is not None and target.width() and target.height():
                    self._centre = QPointF(
                        min(1.0, max(0.0, (at.x() - target.x()) / target.width())),
                        min(1.0, max(0.0, (at.y() - target.y()) / target.height())))
            if self._full is None:
                self._load_full()
        self.update()

    def _load_full(self) -> None:
        row = self._row or {}
        source = source_of(row)
        if source:
            self._pool.start(FullSizeLoad(self._relay, ("full", row["id"], row.get("hash")),
                                          source))

    def _source_rect(self, area: QRect) -> QRect:
        """The part of the 100 % image that fills area, around the centre, kept inside it."""
        full = self._full
        width, height = min(area.width(), full.width()), min(area.height(), full.height())
        x = int(self._centre.x() * full.width() - width / 2)
        y = int(self._centre.y() * full.height() - height / 2)
        return QRect(max(0, min(x, full.width() - width)), max(0, min(y, full.height() - height)),
                     width, height)

    def photo_id(self) -> int | None:
        return self._row["id"] if self._row else None

    def has_image(self) -> bool:
        return self._pixmap is not None

    def _on_image(self, key, image) -> None:
        if self._row is None:
            return
        current = (self._row["id"], self._row.get("hash"))
        if key == ("full", *current):
            if not image.isNull():
                self._full = QPixmap.fromImage(image)
                self.update()
            return
        if key != current:
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
        elif key == Qt.Key.Key_Z and not event.modifiers():
            self.toggle_zoom()
        elif is_culling_key(key, event.modifiers()):
            self.cullKey.emit(key)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._pressed, self._dragged = event.position().toPoint(), False

    def mouseMoveEvent(self, event) -> None:
        if self._pressed is None or not self._zoomed or self._full is None:
            return
        now = event.position().toPoint()
        delta = now - self._pressed
        if self._dragged or delta.manhattanLength() > 4:
            self._dragged = True
            self._centre = QPointF(
                min(1.0, max(0.0, self._centre.x() - delta.x() / self._full.width())),
                min(1.0, max(0.0, self._centre.y() - delta.y() / self._full.height())))
            self._pressed = now
            self.update()

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._pressed is not None:
            if not self._dragged:
                self.toggle_zoom(event.position())
            self._pressed = None

    def eventFilter(self, watched, event) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self.setGeometry(watched.rect())
        return False

    # --- painting ------------------------------------------------------------------------------

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#111111"))
        pixmap = self._pixmap or self._stand_in
        area = self._area()
        if self._zoomed and self._full is not None:
            source = self._source_rect(area)
            target = QRect(0, 0, source.width(), source.height())
            target.moveCenter(area.center())
            painter.drawPixmap(target, self._full, source)
        elif pixmap is not None and not pixmap.isNull():
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            size = pixmap.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(0, 0, size.width(), size.height())
            target.moveCenter(area.center())
            painter.drawPixmap(target, pixmap)
            if self._row and self._row.get("pick") == REJECT:
                painter.fillRect(target, QColor(0, 0, 0, 120))
        if self._zoomed and self._full is None:
            painter.setPen(QColor(COLORS["muted"]))
            painter.drawText(area, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter,
                             self.tr("Loading 100 %…"))
        self._paint_footer(painter)

    def _area(self) -> QRect:
        return self.rect().adjusted(24, 24, -24, -FOOTER - 12)

    def _fitted(self) -> QRect | None:
        """Where the whole photo is drawn when it fits the view."""
        pixmap = self._pixmap or self._stand_in
        if pixmap is None or pixmap.isNull():
            return None
        area = self._area()
        size = pixmap.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
        target = QRect(0, 0, size.width(), size.height())
        target.moveCenter(area.center())
        return target

    def _paint_footer(self, painter: QPainter) -> None:
        footer = QRect(0, self.height() - FOOTER, self.width(), FOOTER)
        painter.fillRect(footer, QColor(COLORS["panel"]))
        row = self._row or {}
        painter.setPen(QColor(COLORS["text"]))
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.05)
        painter.setFont(font)
        zoom = "100 %" if self._zoomed else ""
        text = "   ".join(filter(None, (row.get("name"), self._position, zoom,
                                        self._marks(row))))
        painter.drawText(footer.adjusted(16, 0, -16, 0), Qt.AlignmentFlag.AlignVCenter, text)
        hint = self.tr("←/→ previous/next · Z or click 100 % · 0–5 rating · 6–9 label · "
                       "P pick · X reject · Esc close")
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
