"""PhotoGrid: the contact sheet, a QListView in icon mode with a hint when it is empty."""

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QAbstractItemView, QListView

from photodesk.gui.delegate import GRID, ThumbDelegate
from photodesk.gui.style import COLORS


class PhotoGrid(QListView):
    """Uniform cells, so Qt lays out a hundred thousand rows without asking for each size."""

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
        self.setSpacing(0)
        self.setMouseTracking(True)  # hover highlight
        self.setItemDelegate(ThumbDelegate(self))
        self._empty_text = ""

    def resizeEvent(self, event) -> None:
        # Share the spare width out among the cells, as contact sheets do, so no ragged gap
        # is left on the right. Qt wraps once a cell would reach the last pixel, hence -1.
        width = self.maximumViewportSize().width() - 1
        columns = max(1, width // GRID.width())
        self.setGridSize(QSize(max(GRID.width(), width // columns), GRID.height()))
        super().resizeEvent(event)

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
