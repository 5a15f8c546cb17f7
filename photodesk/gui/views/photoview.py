"""Photos shown to be judged: a pane that draws one photo fitted or at a scale around a point,
the footer of its name and marks, and the overlay over the window that holds panes and moves
them in step. The loupe (one photo) and the compare view (two to four) are both made of these.

A pane shows the 1024 px cached preview at once and the photo's own pixels once they are
decoded off the GUI thread. Those stay a QImage, drawn as it is (a few ms for the part shown):
turning 24 MP into a QPixmap on the GUI thread would stall it for a third of a second.
"""

from PySide6.QtCore import (QCoreApplication, QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt,
                            QThreadPool, Signal)
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QWidget

from photodesk.core.thumbs import thumb_path
from photodesk.gui.style import COLORS
from photodesk.gui.views.culling import LABEL_COLORS, PICK, REJECT, is_culling_key, label_text
from photodesk.gui.workers.tasks import FullSizeLoad, ImageLoad, Relay, source_of

PREVIEW_SIZE = 1024
FOOTER = 38
SCALES = (None, 0.5, 1.0, 2.0)  # fitted, then 50 %, 100 % and 200 %
ZOOM_KEYS = {Qt.Key.Key_Plus: 1, Qt.Key.Key_Equal: 1, Qt.Key.Key_Minus: -1}
DRAG = 4  # pixels the mouse moves before a press becomes a drag
# Shift and an arrow pan a zoomed view by a quarter of the window (the arrows alone step
# through the photos, as culling wants).
PAN_KEYS = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1)}
translate = QCoreApplication.translate  # lupdate reads translate("context", "text") calls


class Zoom:
    """How photos are shown: fitted (scale None) or at a scale, with centre the point of each
    photo (0..1 across and down) in the middle of its view. Panes that share one move in step."""

    def __init__(self):
        self.scale: float | None = None
        self.centre = QPointF(0.5, 0.5)

    def stepped(self, step: int) -> float | None:
        at = SCALES.index(self.scale) + step
        return SCALES[max(0, min(at, len(SCALES) - 1))]

    def pan(self, delta: QPoint, size: QSize) -> None:
        """Move the view by delta screen pixels over a photo of size (its own pixels)."""
        self.centre = QPointF(_clamp(self.centre.x() - delta.x() / (size.width() * self.scale)),
                              _clamp(self.centre.y() - delta.y() / (size.height() * self.scale)))

    def text(self) -> str:
        return f"{round(self.scale * 100)} %" if self.scale else ""


class PhotoPane:
    """One photo: its catalog row, the preview (a stand-in, the grid's thumbnail, until it
    loads) and its own pixels once decoded, both read on the overlay's pool."""

    def __init__(self, thumbs_dir, pool: QThreadPool, relay: Relay):
        self._thumbs_dir, self._pool, self._relay = thumbs_dir, pool, relay
        self.row: dict | None = None
        self.preview: QPixmap | None = None
        self.stand_in: QPixmap | None = None
        self.full: QImage | None = None
        self.loading = False  # the full-size decode is on its way
        self.failed = False  # the decode came back empty: the file could not be read
        self._asked = False

    def show(self, row: dict | None, stand_in: QPixmap | None) -> bool:
        """row may be None while the catalog row loads. True when it is another photo: its
        images are dropped, and load() reads them."""
        other = row is None or self.row is None or _key(row) != _key(self.row)
        self.row = row
        if other:
            self.preview, self.stand_in, self.full = None, stand_in, None
            self.loading = self.failed = self._asked = False
        return other

    def release(self) -> None:
        """Forget the photo and its pixels (a decoded 24 MP photo holds 72 MB); the next
        show() reads it again, whatever was still queued when the view closed."""
        self.show(None, None)

    def load(self, full: bool = False) -> None:
        """Read the preview, and decode the photo itself when full."""
        row = self.row or {}
        if row.get("hash"):
            path = str(thumb_path(self._thumbs_dir, row["hash"], PREVIEW_SIZE))
            self._pool.start(ImageLoad(self._relay, _key(row), path, source=source_of(row)))
        if full:
            self.load_full()

    def load_full(self) -> None:
        source = source_of(self.row or {})
        if source and not self._asked:
            self._asked = self.loading = True
            self._pool.start(FullSizeLoad(self._relay, ("full", *_key(self.row)), source))

    def take(self, key, image: QImage) -> bool:
        """An image from the pool: True when it was this pane's (a null one is a failed read:
        the preview stays)."""
        if self.row is None:
            return False
        if key == ("full", *_key(self.row)):
            self.loading = False
            self.full = None if image.isNull() else image
            self.failed = self.full is None
            return True
        if key == _key(self.row) and not image.isNull():
            self.preview = QPixmap.fromImage(image)
            return True
        return False

    # --- geometry ------------------------------------------------------------------------------

    def shown(self) -> QPixmap | None:
        pixmap = self.preview or self.stand_in
        return None if pixmap is None or pixmap.isNull() else pixmap

    def fitted(self, area: QRect) -> QRect | None:
        """Where the whole photo is drawn when it fits area."""
        shape = self.shown() or self.full  # a photo with no preview: its decode, once there
        if shape is None:
            return None
        target = QRect(QPoint(), shape.size().scaled(area.size(),
                                                     Qt.AspectRatioMode.KeepAspectRatio))
        target.moveCenter(area.center())
        return target

    def point_at(self, area: QRect, pos: QPointF) -> QPointF | None:
        """The point of the fitted photo (0..1 across and down) under pos."""
        target = self.fitted(area)
        if target is None or target.isEmpty():
            return None
        return QPointF(_clamp((pos.x() - target.x()) / target.width()),
                       _clamp((pos.y() - target.y()) / target.height()))

    def full_size(self) -> QSize | None:
        """The photo's own size, right way up: the decode's, or until it lands the preview's
        shape at the long side the catalog knows."""
        if self.full is not None:
            return self.full.size()
        pixmap, row = self.shown(), self.row or {}
        side = max(row.get("width") or 0, row.get("height") or 0)
        if pixmap is None or not side:
            return None
        return pixmap.size().scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio)

    def view(self, area: QRect, zoom: Zoom) -> tuple[QRect, QRect] | None:
        """At zoom's scale: the part of the photo shown, in its own pixels, kept inside it, and
        where that is drawn in area. None when fitted, or while the size is not known."""
        size = self.full_size()
        if zoom.scale is None or size is None:
            return None
        width = min(int(area.width() / zoom.scale), size.width())
        height = min(int(area.height() / zoom.scale), size.height())
        x = int(zoom.centre.x() * size.width() - width / 2)
        y = int(zoom.centre.y() * size.height() - height / 2)
        source = QRect(max(0, min(x, size.width() - width)), max(0, min(y, size.height() - height)),
                       width, height)
        target = QRect(0, 0, round(width * zoom.scale), round(height * zoom.scale))
        target.moveCenter(area.center())
        return source, target

    # --- painting ------------------------------------------------------------------------------

    def paint(self, painter: QPainter, area: QRect, zoom: Zoom) -> None:
        painter.save()
        painter.setClipRect(area)
        view = self.view(area, zoom)
        if view is not None:
            self._paint_at_scale(painter, *view, zoom.scale)
        elif (target := self.fitted(area)) is not None:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            if self.shown() is not None:
                painter.drawPixmap(target, self.shown())
            else:
                painter.drawImage(target, self.full)
            if self.row and self.row.get("pick") == REJECT:
                painter.fillRect(target, QColor(0, 0, 0, 120))
        note = None
        if zoom.scale is not None and self.loading:
            note = translate("photoview", "Loading 100 %…")
        elif zoom.scale is not None and self.failed:
            note = translate("photoview", "This photo cannot be read at 100 %: its file is "
                                          "missing or damaged.")
        if note:
            painter.setPen(QColor(COLORS["muted"]))
            painter.drawText(area, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter,
                             note)
        painter.restore()

    def _paint_at_scale(self, painter: QPainter, source: QRect, target: QRect,
                        scale: float) -> None:
        # Smaller than 100 % is smoothed; 100 % and over show the pixels as they are.
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, scale < 1)
        if self.full is not None:
            painter.drawImage(target, self.full, source)
            return
        pixmap = self.shown()  # the preview, blown up at the place the pixels will land
        ratio = pixmap.width() / self.full_size().width()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawPixmap(QRectF(target), pixmap, QRectF(
            source.x() * ratio, source.y() * ratio, source.width() * ratio,
            source.height() * ratio))


def marks(row: dict) -> str:
    """A photo's rating, colour label and pick or reject, as the footer shows them."""
    parts = []
    if row.get("rating"):
        parts.append("★" * int(row["rating"]))
    if row.get("label"):
        parts.append(label_text(row["label"]))
    if row.get("pick") == PICK:
        parts.append(translate("photoview", "Picked"))
    elif row.get("pick") == REJECT:
        parts.append(translate("photoview", "Rejected"))
    return " · ".join(parts)


def paint_footer(painter: QPainter, rect: QRect, text: str, hint: str = "",
                 label: str | None = None) -> None:
    """A strip under photos: text on the left, the keys' hint on the right, a colour label as
    a bar at the left edge."""
    painter.save()
    painter.fillRect(rect, QColor(COLORS["panel"]))
    font = QFont(painter.font())
    font.setPointSizeF(font.pointSizeF() * 1.05)
    painter.setFont(font)
    metrics = painter.fontMetrics()
    inner = rect.adjusted(16, 0, -16, 0)
    hint_width = min(metrics.horizontalAdvance(hint), inner.width() * 2 // 3) if hint else 0
    left = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
    painter.setPen(QColor(COLORS["text"]))
    painter.drawText(inner, left, metrics.elidedText(
        text, Qt.TextElideMode.ElideRight, inner.width() - hint_width - (24 if hint else 0)))
    if hint:
        painter.setPen(QColor(COLORS["muted"]))
        painter.drawText(inner, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                         metrics.elidedText(hint, Qt.TextElideMode.ElideRight, hint_width))
    if label in LABEL_COLORS:
        painter.fillRect(QRect(rect.left(), rect.top(), 6, rect.height()),
                         QColor(LABEL_COLORS[label]))
    painter.restore()


class Overlay(QWidget):
    """A child of the main window that covers it and follows its size, showing panes that
    share one Zoom. Escape closes it; Z (or a subclass's click) toggles 100 %, +/- or Ctrl and
    the wheel step the zoom, dragging pans every pane, and the culling keys go out as cullKey."""

    cullKey = Signal(int)
    closed = Signal()

    def __init__(self, thumbs_dir, window: QWidget, threads: int = 1):
        super().__init__(window)
        self._thumbs_dir = thumbs_dir
        self.zoom = Zoom()
        self._pressed: QPoint | None = None
        self._dragged = False
        self._dragging: PhotoPane | None = None
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._relay = Relay(self)
        self._relay.image.connect(self._on_image)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAutoFillBackground(False)
        window.installEventFilter(self)
        self.hide()

    def panes(self) -> list[PhotoPane]:
        raise NotImplementedError

    def _pane_at(self, pos: QPointF) -> tuple[PhotoPane, QRect] | None:
        """The pane under pos and the area its photo is drawn in."""
        raise NotImplementedError

    def shown_pane(self) -> PhotoPane | None:
        """The pane the culling keys mark."""
        raise NotImplementedError

    def shown_row(self) -> dict | None:
        pane = self.shown_pane()
        return pane.row if pane else None

    def patch_shown(self, change: dict) -> None:
        """A culling edit, shown at once on the photo it marks (which may have left the grid,
        so no refresh of the grid's rows reaches it)."""
        pane = self.shown_pane()
        if pane is not None and pane.row is not None:
            pane.row = {**pane.row, **change}
            self.update()

    def _new_pane(self) -> PhotoPane:
        return PhotoPane(self._thumbs_dir, self._pool, self._relay)

    def cover(self) -> None:
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()
        self.setFocus()

    def close_overlay(self) -> None:
        self.hide()
        self._pool.clear()
        for pane in self.panes():
            pane.release()
        self.closed.emit()

    def _on_image(self, key, image) -> None:
        if any([pane.take(key, image) for pane in self.panes()]):
            self.update()

    # --- zoom ----------------------------------------------------------------------------------

    def set_scale(self, scale: float | None, centre: QPointF | None = None) -> None:
        """Every pane at scale (None: fitted), around centre when given; the photos' own pixels
        are asked for once a scale needs them."""
        if centre is not None:
            self.zoom.centre = centre
        self.zoom.scale = scale
        if scale is not None:
            for pane in self._loading_order():
                pane.load_full()
        self.update()

    def _loading_order(self) -> list[PhotoPane]:
        """The panes in the order their full-size decodes are asked for."""
        return self.panes()

    def toggle_zoom(self, at: QPointF | None = None) -> None:
        """100 % on or off; at (a point of the widget) becomes the middle of the view."""
        if self.zoom.scale is not None:
            self.set_scale(None)
            return
        hit = self._pane_at(at) if at is not None else None
        self.set_scale(1.0, hit[0].point_at(hit[1], at) if hit else None)

    def pan_by(self, across: int, down: int) -> None:
        """Show more of the photos to the right (across 1), left (-1), below or above, a quarter
        of the window at a time; fitted photos stay as they are."""
        size = next((s for pane in self.panes() if (s := pane.full_size()) is not None), None)
        if self.zoom.scale is None or size is None:
            return
        self.zoom.pan(QPoint(-across * self.width() // 4, -down * self.height() // 4), size)
        self.update()

    # --- keys and mouse ------------------------------------------------------------------------

    def keyPressEvent(self, event) -> None:
        key, modifiers = event.key(), event.modifiers()
        if key == Qt.Key.Key_Escape:
            self.close_overlay()
        elif key == Qt.Key.Key_Z and not modifiers:
            self.toggle_zoom()
        elif key in ZOOM_KEYS and not modifiers & ~(Qt.KeyboardModifier.ShiftModifier
                                                    | Qt.KeyboardModifier.KeypadModifier):
            self.set_scale(self.zoom.stepped(ZOOM_KEYS[key]))
        elif is_culling_key(key, modifiers):
            self.cullKey.emit(key)
        elif key in PAN_KEYS and modifiers == Qt.KeyboardModifier.ShiftModifier:
            self.pan_by(*PAN_KEYS[key])
        elif not self._key(event):
            super().keyPressEvent(event)
            return
        event.accept()

    def _key(self, event) -> bool:
        """A subclass's own keys: True when it took the key."""
        return False

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and event.angleDelta().y():
            self.set_scale(self.zoom.stepped(1 if event.angleDelta().y() > 0 else -1))
            event.accept()

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._pressed, self._dragged = event.position().toPoint(), False
            hit = self._pane_at(event.position())
            self._dragging = hit[0] if hit else None

    def mouseMoveEvent(self, event) -> None:
        # The pane pressed on, for the whole drag: the pointer may cross the gaps between panes.
        if self._pressed is None or self._dragging is None:
            return
        size = self._dragging.full_size()
        if self.zoom.scale is None or size is None:
            return
        now = event.position().toPoint()
        delta = now - self._pressed
        if self._dragged or delta.manhattanLength() > DRAG:
            self._dragged = True
            self.zoom.pan(delta, size)
            self._pressed = now
            self.update()

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._pressed is not None:
            if not self._dragged:
                self._clicked(event.position())
            self._pressed = None

    def _clicked(self, pos: QPointF) -> None:
        """A press and release without a drag."""

    def eventFilter(self, watched, event) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self.setGeometry(watched.rect())
        return False

    def paint_background(self, painter: QPainter) -> None:
        painter.fillRect(self.rect(), QColor("#111111"))

    def shutdown(self) -> None:
        self._pool.clear()
        self._pool.waitForDone()


def _key(row: dict) -> tuple:
    return row["id"], row.get("hash")


def _clamp(value: float) -> float:
    return min(1.0, max(0.0, value))
