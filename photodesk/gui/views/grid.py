"""PhotoGrid: the contact sheet, a QListView in icon mode that takes the culling keys."""

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QAbstractItemView, QListView

from photodesk.gui.views.culling import is_culling_key
from photodesk.gui.views.delegate import CELLS, GRID, ThumbDelegate
from photodesk.gui.style import COLORS

LAYOUT_BATCH = 2000  # rows laid out per event-loop turn: 100,000 rows never block at once


class PhotoGrid(QListView):
    """Uniform cells, so Qt lays out a hundred thousand rows without asking for each size."""

    cullKey = Signal(int)  # a rating, label, pick or reject key for the selection
    loupeRequested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("grid")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setGridSize(GRID)
        self.setUniformItemSizes(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(40)
        # Always shown, so the viewport width (and so the cell width) never flips with content.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        # Never a horizontal bar: while rows are laid out in batches it would come and go,
        # and each change of height would start the layout again.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSpacing(0)
        self.setMouseTracking(True)  # hover highlight
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(LAYOUT_BATCH)
        self.setItemDelegate(ThumbDelegate(self))
        self._empty_text = ""
        self._cell = GRID

    def set_cell_size(self, name: str) -> None:
        """small, medium or large cells: a tighter sheet to cull a burst, larger to judge."""
        self._cell = CELLS.get(name, GRID)
        self._fit_cells()

    def cell_width(self) -> int:
        return self._cell.width()

    def cell_size(self) -> str:
        return next(n for n, size in CELLS.items() if size == self._cell)

    def keyPressEvent(self, event) -> None:
        if is_culling_key(event.key(), event.modifiers()):
            if self.currentIndex().isValid():
                self.cullKey.emit(event.key())
            event.accept()
        elif event.key() == Qt.Key.Key_Space and not event.modifiers():
            if self.currentIndex().isValid():
                self.loupeRequested.emit()
            event.accept()
        else:
            super().keyPressEvent(event)

    def keyboardSearch(self, text: str) -> None:
        """Typed letters do not jump to file names: in a culling view they are commands."""

    def selected_rows(self) -> list[tuple[int, int]]:
        """The selection as (first, last) row ranges: cheap even when 100,000 rows are chosen."""
        return [(r.top(), r.bottom()) for r in self.selectionModel().selection()]

    def resizeEvent(self, event) -> None:
        # Share the spare width out among the cells, as contact sheets do, so no ragged gap
        # is left on the right. Qt wraps once a cell would reach the last pixel, hence -1.
        self._fit_cells()
        super().resizeEvent(event)

    def _fit_cells(self) -> None:
        width = self.maximumViewportSize().width() - 1
        columns = max(1, width // self._cell.width())
        size = QSize(max(self._cell.width(), width // columns), self._cell.height())
        if size != self.gridSize():
            self.setGridSize(size)

    def set_empty_text(self, text: str) -> None:
        self._empty_text = text
        self.viewport().update()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self.model() is None or self.model().rowCount() or not self._empty_text:
            return
        painter = QPainter(self.viewport())
        painter.setPen(QColor(COLORS["muted"]))
        painter.drawText(self.viewport().rect().adjusted(40, 40, -40, -40),
                         Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._empty_text)
