"""PhotoGrid: the contact sheet, a grid of equal cells that takes the culling keys."""

from PySide6.QtCore import (QItemSelection, QModelIndex, QPersistentModelIndex, QPoint, QRect,
                            QSize, Qt, Signal)
from PySide6.QtGui import QColor, QPainter, QRegion
from PySide6.QtWidgets import (QAbstractItemView, QFrame, QRubberBand, QStyle,
                               QStyleOptionRubberBand, QStyleOptionViewItem)

from photodesk.gui.views.culling import is_culling_key
from photodesk.gui.views.delegate import CELLS, GAP, GRID, ThumbDelegate
from photodesk.gui.style import COLORS

Action = QAbstractItemView.CursorAction


class PhotoGrid(QAbstractItemView):
    """Cells of one size, left to right and then down: a row's place is arithmetic (its line is
    row // columns), so a million rows cost nothing to lay out and a photo arriving at the top
    costs nothing to show. QListView was dropped for this: it lays out every row again on each
    insert, asking the Python model twice per row (0.3–0.6 s at a million photos)."""

    cullKey = Signal(int)  # a rating, label, pick or reject key for the selection
    loupeRequested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        # First: the calls below already ask the overrides for the layout.
        self._empty_text = ""
        self._cell = GRID  # the size asked for
        self._grid = GRID  # the size drawn: the spare width shared out
        self._columns = 1
        self._hover = QPersistentModelIndex()
        self._band = QRect()  # the rubber band, in contents coordinates
        self._pressed = QPoint()
        self.setObjectName("grid")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.viewport().setAutoFillBackground(False)  # paintEvent fills it in the grid's colour
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(40)
        # Always shown, so the viewport width (and so the cell width) never flips with content.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMouseTracking(True)  # hover highlight
        self.setItemDelegate(ThumbDelegate(self))

    # --- cells ------------------------------------------------------------------------------

    def set_cell_size(self, name: str) -> None:
        """small, medium or large cells: a tighter sheet to cull a burst, larger to judge."""
        self._cell = CELLS.get(name, GRID)
        self._fit_cells()

    def cell_width(self) -> int:
        return self._cell.width()

    def cell_size(self) -> str:
        return next(n for n, size in CELLS.items() if size == self._cell)

    def gridSize(self) -> QSize:  # QListView's name, which callers know
        return QSize(self._grid)

    def columns(self) -> int:
        return self._columns

    def _fit_cells(self) -> None:
        """Share the spare width out among the cells, as contact sheets do, so no ragged gap is
        left on the right; the row at the top stays at the top."""
        width = self.maximumViewportSize().width()
        columns = max(1, width // self._cell.width())
        size = QSize(max(self._cell.width(), width // columns), self._cell.height())
        if size == self._grid and columns == self._columns:
            return
        top = self.verticalOffset() // self._grid.height() * self._columns
        self._grid, self._columns = size, columns
        self.updateGeometries()
        self.verticalScrollBar().setValue(top // columns * size.height())
        self.viewport().update()

    def _count(self) -> int:
        model = self.model()  # None until setModel
        return model.rowCount(self.rootIndex()) if model is not None else 0

    def _cell_rect(self, row: int) -> QRect:
        """The cell of row, in contents coordinates."""
        line, column = divmod(row, self._columns)
        return QRect(column * self._grid.width(), line * self._grid.height(),
                     self._grid.width(), self._grid.height())

    def _row_at(self, point: QPoint) -> int:
        """The row whose cell holds point (contents coordinates), or -1."""
        if point.x() < 0 or point.y() < 0:
            return -1
        column = point.x() // self._grid.width()
        if column >= self._columns:
            return -1
        row = point.y() // self._grid.height() * self._columns + column
        return row if row < self._count() else -1

    # --- QAbstractItemView ------------------------------------------------------------------

    def visualRect(self, index) -> QRect:
        """The cell less the gap on its right and below, as QListView placed it (viewport
        coordinates)."""
        if not index.isValid() or index.row() >= self._count():
            return QRect()
        cell = self._cell_rect(index.row()).translated(0, -self.verticalOffset())
        return cell.adjusted(0, 0, -GAP, -GAP)

    def indexAt(self, point) -> QModelIndex:
        """The photo under point; none in the gaps between cells, as in QListView."""
        row = self._row_at(point + QPoint(0, self.verticalOffset()))
        if row < 0:
            return QModelIndex()
        index = self.model().index(row, 0, self.rootIndex())
        return index if self.visualRect(index).contains(point) else QModelIndex()

    def scrollTo(self, index, hint=QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        if not index.isValid():
            return
        cell = self._cell_rect(index.row())
        bar, height = self.verticalScrollBar(), self.viewport().height()
        top = bar.value()
        hints = QAbstractItemView.ScrollHint
        if hint == hints.PositionAtTop:
            top = cell.top()
        elif hint == hints.PositionAtBottom:
            top = cell.bottom() + 1 - height
        elif hint == hints.PositionAtCenter:
            top = cell.center().y() - height // 2
        elif cell.top() < top:
            top = cell.top()
        elif cell.bottom() + 1 > top + height:
            top = min(cell.top(), cell.bottom() + 1 - height)
        bar.setValue(top)

    def horizontalOffset(self) -> int:
        return 0

    def verticalOffset(self) -> int:
        return self.verticalScrollBar().value()

    def isIndexHidden(self, index) -> bool:
        return False

    def moveCursor(self, action, modifiers):
        """Arrows step to the neighbouring cell and stop at the sheet's edges, as QListView's
        icon mode does; pages keep the column."""
        count, columns = self._count(), self._columns
        current = self.currentIndex()
        if not count:
            return QModelIndex()
        if not current.isValid():
            return self.model().index(0, 0, self.rootIndex())
        row = current.row()
        page = max(1, self.viewport().height() // self._grid.height() - 1)
        target = {
            Action.MoveLeft: row - 1 if row % columns else row,
            Action.MoveRight: row + 1 if row % columns < columns - 1 and row + 1 < count else row,
            Action.MoveUp: row - columns if row >= columns else row,
            Action.MovePrevious: row - columns if row >= columns else row,
            Action.MoveDown: row + columns if row + columns < count else row,
            Action.MoveNext: row + columns if row + columns < count else row,
            Action.MovePageUp: row - min(page, row // columns) * columns,
            Action.MovePageDown: row + min(page, (count - 1 - row) // columns) * columns,
            Action.MoveHome: 0,
            Action.MoveEnd: count - 1,
        }.get(action, row)
        return self.model().index(target, 0, self.rootIndex())

    def setSelection(self, rect: QRect, command) -> None:
        """A click selects the cell under it; a rubber band, the cells it touches; a shift-click
        or shift-arrow, every row from where the selection started to where it ends."""
        model, count = self.model(), self._count()
        if model is None or not count:
            return
        offset = QPoint(0, self.verticalOffset())
        selection = QItemSelection()
        if rect.width() == 1 and rect.height() == 1:
            index = self.indexAt(rect.topLeft())
            if index.isValid():
                selection.select(index, index)
        elif self.state() == QAbstractItemView.State.DragSelectingState:
            for first, last in self._rows_touched(rect.normalized().translated(offset)):
                selection.select(model.index(first, 0, self.rootIndex()),
                                 model.index(last, 0, self.rootIndex()))
        else:
            ends = [self._row_at(corner + offset) for corner in (rect.topLeft(),
                                                                 rect.bottomRight())]
            if min(ends) >= 0:
                selection.select(model.index(min(ends), 0, self.rootIndex()),
                                 model.index(max(ends), 0, self.rootIndex()))
        self.selectionModel().select(selection, command)

    def _rows_touched(self, rect: QRect) -> list[tuple[int, int]]:
        """(first, last) row runs whose photos rect (contents coordinates) touches, the gaps
        between them not counted: one run when it spans every column."""
        width, height, columns, count = (self._grid.width(), self._grid.height(), self._columns,
                                         self._count())
        left = max(0, (rect.left() + GAP) // width)  # past a photo's right edge: the next
        right = min(columns - 1, rect.right() // width)
        top, bottom = max(0, (rect.top() + GAP) // height), rect.bottom() // height
        if left > right or rect.bottom() < 0:
            return []
        if left == 0 and right == columns - 1:
            last = min(count - 1, (bottom + 1) * columns - 1)
            return [(top * columns, last)] if top * columns <= last else []
        runs = []
        for line in range(top, bottom + 1):
            first, last = line * columns + left, min(count - 1, line * columns + right)
            if first > last:
                break
            runs.append((first, last))
        return runs

    def visualRegionForSelection(self, selection) -> QRegion:
        """The part of the viewport the selection covers: whole lines, never row by row (a
        select-all of a million rows is one range)."""
        region = QRegion()
        view = self.viewport().rect()
        width, height, columns = self._grid.width(), self._grid.height(), self._columns
        offset = self.verticalOffset()
        for part in selection:
            top, bottom = part.top() // columns, part.bottom() // columns
            left = part.top() % columns * width if top == bottom else 0
            right = (part.bottom() % columns + 1) * width if top == bottom else columns * width
            rect = QRect(left, top * height - offset, right - left, (bottom - top + 1) * height)
            if rect.intersects(view):
                region += rect.intersected(view)
        return region

    def updateGeometries(self) -> None:
        lines = -(-self._count() // self._columns)
        bar, height = self.verticalScrollBar(), self.viewport().height()
        bar.setPageStep(height)
        bar.setRange(0, max(0, lines * self._grid.height() - height))
        self.horizontalScrollBar().setRange(0, 0)
        super().updateGeometries()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self.viewport().scroll(dx, dy)

    # --- model changes: the scroll range, and a repaint of what shows -----------------------

    def rowsInserted(self, parent, first: int, last: int) -> None:
        super().rowsInserted(parent, first, last)
        self._relaid()

    def setModel(self, model) -> None:
        super().setModel(model)
        model.rowsRemoved.connect(self._relaid)
        model.modelReset.connect(self._reset_view)
        model.layoutChanged.connect(self._relaid)

    def _relaid(self, *_) -> None:
        self.updateGeometries()
        self.viewport().update()

    def _reset_view(self) -> None:
        """Another list: it starts at its top."""
        self.updateGeometries()
        self.verticalScrollBar().setValue(0)
        self.viewport().update()

    def dataChanged(self, top_left, bottom_right, roles=()) -> None:
        """One cell: repaint it. A range: repaint the viewport (Qt's own way asks each row
        of the range for its rectangle: a million of them for a reload of the thumbnails)."""
        if top_left == bottom_right:
            rect = self.visualRect(top_left)
            if rect.intersects(self.viewport().rect()):
                self.viewport().update(rect)
        else:
            self.viewport().update()

    # --- keys, mouse, painting --------------------------------------------------------------

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
        self._fit_cells()
        super().resizeEvent(event)

    def mousePressEvent(self, event) -> None:
        self._pressed = event.position().toPoint() + QPoint(0, self.verticalOffset())
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        super().mouseMoveEvent(event)
        point = event.position().toPoint()
        hover = QPersistentModelIndex(self.indexAt(point))
        if hover != self._hover:
            self._update_cell(self._hover)
            self._hover = hover
            self._update_cell(hover)
        if self.state() == QAbstractItemView.State.DragSelectingState:
            band = QRect(self._pressed, point + QPoint(0, self.verticalOffset())).normalized()
            self.viewport().update(QRegion(self._band.translated(0, -self.verticalOffset()))
                                   .united(band.translated(0, -self.verticalOffset())))
            self._band = band

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        if not self._band.isNull():
            self._band = QRect()
            self.viewport().update()

    def leaveEvent(self, event) -> None:
        self._update_cell(self._hover)
        self._hover = QPersistentModelIndex()
        super().leaveEvent(event)

    def _update_cell(self, index) -> None:
        if index.isValid():
            self.viewport().update(self.visualRect(self.model().index(index.row(), 0)))

    def set_empty_text(self, text: str) -> None:
        self._empty_text = text
        self.viewport().update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self.viewport())
        painter.fillRect(event.rect(), QColor(COLORS["grid"]))
        count = self._count()
        if count:
            self._paint_cells(painter, event.rect(), count)
        elif self._empty_text:
            painter.setPen(QColor(COLORS["muted"]))
            painter.drawText(self.viewport().rect().adjusted(40, 40, -40, -40),
                             Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             self._empty_text)
        if not self._band.isNull():
            band = QStyleOptionRubberBand()
            band.initFrom(self)
            band.shape, band.opaque = QRubberBand.Shape.Rectangle, False
            band.rect = self._band.translated(0, -self.verticalOffset())
            self.style().drawControl(QStyle.ControlElement.CE_RubberBand, band, painter, self)
        painter.end()

    def _paint_cells(self, painter: QPainter, area: QRect, count: int) -> None:
        """Only the cells area shows: their rows are two divisions away."""
        offset, columns, height = self.verticalOffset(), self._columns, self._grid.height()
        first = (area.top() + offset) // height * columns
        last = min(count - 1, ((area.bottom() + offset) // height + 1) * columns - 1)
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        state, flag = option.state, QStyle.StateFlag
        model, selection, delegate = self.model(), self.selectionModel(), self.itemDelegate()
        current = self.currentIndex().row() if self.hasFocus() else -1
        hover = self._hover.row() if self._hover.isValid() else -1
        for row in range(first, last + 1):
            index = model.index(row, 0, self.rootIndex())
            option.rect = self.visualRect(index)
            option.state = state
            if selection.isSelected(index):
                option.state |= flag.State_Selected
            if row == hover:
                option.state |= flag.State_MouseOver
            if row == current:
                option.state |= flag.State_HasFocus
            delegate.paint(painter, option, index)
