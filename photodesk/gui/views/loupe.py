"""Loupe: one photo over the whole window, from the 1024 px cached preview, for culling.

Left/Right (or Up/Down) step through the grid's photos, the culling keys work as in the grid,
Space or Escape closes it. Z, or a click, shows the photo at 100 % (decoded from the file
itself, off the GUI thread) to check focus; +/- step 50 %, 100 %, 200 %; dragging pans, and
the zoom stays on while stepping through a burst, at the same place in each frame.
"""

from PySide6.QtCore import QPointF, QRect, Qt, Signal
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QWidget

from photodesk.gui.views.photoview import FOOTER, Overlay, PhotoPane, marks, paint_footer

STEPS = {Qt.Key.Key_Right: 1, Qt.Key.Key_Down: 1, Qt.Key.Key_Left: -1, Qt.Key.Key_Up: -1}


class Loupe(Overlay):
    """One pane over the window, with the photo's name, place in the grid and marks below."""

    step = Signal(int)  # +1 next photo, -1 previous

    def __init__(self, thumbs_dir, window: QWidget):
        super().__init__(thumbs_dir, window)
        self.setObjectName("loupe")
        self.pane = self._new_pane()
        self._position = ""

    def panes(self) -> list[PhotoPane]:
        return [self.pane]

    def open(self, row: dict | None, stand_in: QPixmap | None, position: str) -> None:
        self.cover()
        self.show_photo(row, stand_in, position)

    def close_loupe(self) -> None:
        self.close_overlay()

    def show_photo(self, row: dict | None, stand_in: QPixmap | None, position: str) -> None:
        """row may be None while the catalog row loads; stand_in draws until the preview does."""
        self._position = position
        if self.pane.show(row, stand_in):
            self._pool.clear()  # what was queued for the photos stepped past
            self.pane.load(full=self.zoomed())
        self.update()

    def zoomed(self) -> bool:
        return self.zoom.scale is not None

    def has_full_size(self) -> bool:
        return self.pane.full is not None

    def shown_pane(self) -> PhotoPane:
        return self.pane

    def photo_id(self) -> int | None:
        return self.pane.row["id"] if self.pane.row else None

    def has_image(self) -> bool:
        return self.pane.preview is not None

    def _key(self, event) -> bool:
        if event.key() == Qt.Key.Key_Space:
            self.close_loupe()
        elif event.key() in STEPS:
            self.step.emit(STEPS[event.key()])
        else:
            return False
        return True

    def _pane_at(self, pos: QPointF) -> tuple[PhotoPane, QRect]:
        return self.pane, self._area()

    def _clicked(self, pos: QPointF) -> None:
        self.toggle_zoom(pos)

    def _area(self) -> QRect:
        return self.rect().adjusted(24, 24, -24, -FOOTER - 12)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        self.paint_background(painter)
        self.pane.paint(painter, self._area(), self.zoom)
        row = self.pane.row or {}
        text = "   ".join(filter(None, (row.get("name"), self._position, self.zoom.text(),
                                        marks(row))))
        hint = self.tr("←/→ previous/next · Z or click 100 % · +/− zoom · 0–5 rating · "
                       "6–9 label · P pick · X reject · Esc close")
        paint_footer(painter, QRect(0, self.height() - FOOTER, self.width(), FOOTER), text,
                     hint, row.get("label"))
