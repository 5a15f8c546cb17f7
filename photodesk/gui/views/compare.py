"""Compare: two to four photos side by side over the window, zoomed and panned in step.

Opened on the grid's selection (View → Compare, C): two photos stand in two columns, three in
three, four in two rows of two, each fitted with its name and marks below. One pane is active
(its border lit): a click, Tab or Left/Right chooses it (Up/Down a row of two rows), and the
culling keys mark its photo.
Z or a double-click shows every photo at 100 % around the same point, +/- (or Ctrl and the
wheel) step fit, 50 %, 100 %, 200 %, and dragging any of them pans all. Escape or C closes it.
"""

import os

from PySide6.QtCore import QPointF, QRect, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QWidget

from photodesk.gui.style import COLORS
from photodesk.gui.views.photoview import FOOTER, Overlay, PhotoPane, Zoom, marks, paint_footer

MAX_PHOTOS = 4
GRIDS = {2: (2, 1), 3: (3, 1), 4: (2, 2)}  # photos: (columns, rows)
MARGIN, GAP, BORDER = 12, 8, 3
STEPS = {Qt.Key.Key_Right: 1, Qt.Key.Key_Left: -1}
ROWS = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}  # a row down or up in two rows of two


class Compare(Overlay):
    """Panes that share one zoom; the window gives the photos and hears which is active."""

    activeChanged = Signal(int)  # the photo id of the active pane

    def __init__(self, thumbs_dir, window: QWidget):
        # Two decodes at once, where a core is left for the GUI thread.
        super().__init__(thumbs_dir, window, threads=max(1, min(2, (os.cpu_count() or 2) - 1)))
        self.setObjectName("compare")
        self._ids: list[int] = []
        self._panes: list[PhotoPane] = []
        self._active = 0

    def panes(self) -> list[PhotoPane]:
        return self._panes

    def open(self, photos: list[tuple[int, dict | None, QPixmap | None]], active: int = 0) -> None:
        """photos: (id, catalog row or None while it loads, the grid's thumbnail) of each."""
        self._pool.clear()
        self._ids, self._panes = [p[0] for p in photos], []
        for _, row, stand_in in photos:
            pane = self._new_pane()
            pane.show(row, stand_in)
            pane.load()
            self._panes.append(pane)
        self.zoom = Zoom()  # each photo whole
        self._active = active
        self.cover()

    def close_overlay(self) -> None:
        super().close_overlay()  # the panes let their pixels go
        self._panes, self._ids = [], []

    def refresh(self, row_of) -> None:
        """The rows again (row_of(id) -> row or None), after the marks changed."""
        for pid, pane in zip(self._ids, self._panes):
            row = row_of(pid)
            if row is not None and pane.show(row, pane.stand_in):
                pane.load(full=self.zoom.scale is not None)  # it had no row yet, or a new file
        self.update()

    def _loading_order(self) -> list[PhotoPane]:
        return sorted(self._panes, key=lambda pane: pane is not self._panes[self._active])

    def photo_ids(self) -> list[int]:
        return list(self._ids)

    def shown_pane(self) -> PhotoPane | None:
        return self._panes[self._active] if self._panes else None

    def photo_id(self) -> int | None:
        return self._ids[self._active] if self._ids else None

    def active(self) -> int:
        return self._active

    def set_active(self, at: int) -> None:
        if self._ids:
            self._active = at % len(self._ids)
            self.activeChanged.emit(self._ids[self._active])
            self.update()

    # --- layout --------------------------------------------------------------------------------

    def pane_rects(self) -> list[QRect]:
        """Each pane, its footer included, in the window above the bar of keys."""
        columns, rows = GRIDS.get(len(self._panes), (1, 1))
        room = self.rect().adjusted(MARGIN, MARGIN, -MARGIN, -FOOTER - MARGIN)
        width = (room.width() - GAP * (columns - 1)) // columns
        height = (room.height() - GAP * (rows - 1)) // rows
        return [QRect(room.x() + at % columns * (width + GAP),
                      room.y() + at // columns * (height + GAP), width, height)
                for at in range(len(self._panes))]

    def photo_area(self, at: int) -> QRect:
        inset = BORDER + 4
        return self.pane_rects()[at].adjusted(inset, inset, -inset, -FOOTER - inset)

    def _pane_at(self, pos: QPointF) -> tuple[PhotoPane, QRect] | None:
        for at, rect in enumerate(self.pane_rects()):
            if rect.contains(pos.toPoint()):
                return self._panes[at], self.photo_area(at)
        return None

    # --- keys and mouse ------------------------------------------------------------------------

    def _key(self, event) -> bool:
        if event.key() == Qt.Key.Key_C and not event.modifiers():
            self.close_overlay()  # when no menu shortcut took C first
        elif event.key() in STEPS:
            self.set_active(self._active + STEPS[event.key()])
        elif event.key() in ROWS:
            self.set_active(self._active + ROWS[event.key()] * GRIDS[len(self._panes)][0])
        else:
            return False
        return True

    def focusNextPrevChild(self, forward: bool) -> bool:
        """Tab and Shift+Tab choose the next or previous photo, not another widget."""
        if not self._panes:
            return super().focusNextPrevChild(forward)
        self.set_active(self._active + (1 if forward else -1))
        return True

    def mousePressEvent(self, event) -> None:
        super().mousePressEvent(event)
        self._activate_at(event.position())

    def mouseDoubleClickEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._activate_at(event.position())
            self.toggle_zoom(event.position())

    def _activate_at(self, pos: QPointF) -> None:
        hit = self._pane_at(pos)
        if hit is not None and self._panes.index(hit[0]) != self._active:
            self.set_active(self._panes.index(hit[0]))

    # --- painting ------------------------------------------------------------------------------

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        self.paint_background(painter)
        for at, (pane, rect) in enumerate(zip(self._panes, self.pane_rects())):
            pane.paint(painter, self.photo_area(at), self.zoom)
            row = pane.row or {}
            footer = QRect(rect.left(), rect.bottom() - FOOTER + 1, rect.width(), FOOTER)
            paint_footer(painter, footer, "   ".join(filter(None, (row.get("name"), marks(row)))),
                         label=row.get("label"))
            color = COLORS["accent"] if at == self._active else COLORS["frame"]
            painter.setPen(QPen(QColor(color), BORDER, Qt.PenStyle.SolidLine,
                                Qt.PenCapStyle.SquareCap, Qt.PenJoinStyle.MiterJoin))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        hint = self.tr("Tab or ←/→ active photo · Z or double-click 100 % · +/− zoom · "
                       "0–5 rating · 6–9 label · P pick · X reject · Esc or C close")
        paint_footer(painter, QRect(0, self.height() - FOOTER, self.width(), FOOTER),
                     self.zoom.text(), hint)
