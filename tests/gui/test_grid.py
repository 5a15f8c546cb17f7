"""PhotoGrid: cells placed by arithmetic, so a million rows and a photo arriving among them
cost the view nothing per row; keys, clicks and the rubber band select as QListView's did."""

import pytest
from PySide6.QtCore import QAbstractListModel, QEvent, QModelIndex, QPoint, QPointF, QSize, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from photodesk.gui.views.delegate import GAP, _print_size
from photodesk.gui.views.grid import PhotoGrid


class Counting(QAbstractListModel):
    """n rows; counts how often the view asks for the row count and for data."""

    def __init__(self, n: int):
        super().__init__()
        self.n, self.counts, self.data_asked = n, 0, 0

    def rowCount(self, parent=QModelIndex()) -> int:
        self.counts += 1
        return 0 if parent.isValid() else self.n

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        self.data_asked += 1
        return f"DSC_{index.row():07}.jpg" if role == Qt.ItemDataRole.DisplayRole else None

    def arrive(self, row: int = 0) -> None:
        self.beginInsertRows(QModelIndex(), row, row)
        self.n += 1
        self.endInsertRows()


@pytest.fixture
def grid(app, qtbot):
    def make(n: int) -> tuple[PhotoGrid, Counting]:
        view, model = PhotoGrid(), Counting(n)
        view.setModel(model)
        view._keep = model  # the view does not own the model
        qtbot.addWidget(view)
        view.resize(840, 700)
        view.show()
        qtbot.waitExposed(view)
        qtbot.waitUntil(lambda: view.columns() > 1)
        return view, model
    return make


def centre(view: PhotoGrid, row: int) -> QPoint:
    return view.visualRect(view.model().index(row)).center()


def test_cells_are_placed_by_arithmetic_and_found_again(grid):
    view, model = grid(50)
    columns, cell = view.columns(), view.gridSize()
    assert columns * cell.width() <= view.viewport().width() < (columns + 1) * cell.width()
    for row in range(12):
        line, column = divmod(row, columns)
        rect = view.visualRect(model.index(row))
        assert rect.topLeft() == QPoint(column * cell.width(), line * cell.height())
        assert rect.size() == cell - QSize(GAP, GAP)
        assert view.indexAt(rect.center()).row() == row
    gap = view.visualRect(model.index(0)).topRight() + QPoint(GAP // 2, 10)
    assert not view.indexAt(gap).isValid()  # between cells, as in QListView
    lines = -(-50 // columns)
    assert view.verticalScrollBar().maximum() == lines * cell.height() - view.viewport().height()


def test_a_photo_arriving_in_a_million_costs_the_view_nothing_per_row(grid, qtbot):
    view, model = grid(1_000_000)
    qtbot.wait(50)
    model.counts = model.data_asked = 0
    for _ in range(5):
        model.arrive(0)
    qtbot.wait(50)  # the repaint
    assert model.counts < 100  # QListView asked twice per row: two million times
    assert model.data_asked < 500  # the cells on screen, not the million
    bar = view.verticalScrollBar()
    lines = -(-1_000_005 // view.columns())
    assert bar.maximum() == lines * view.gridSize().height() - view.viewport().height()
    view.selectAll()  # one range, and a repaint of what shows, not a rectangle per row
    assert view.selected_rows() == [(0, 1_000_004)]
    assert model.data_asked < 1000


def test_keys_step_by_cells_stop_at_the_edges_and_pages_keep_the_column(grid, qtbot):
    view, model = grid(50)
    columns = view.columns()
    view.setFocus()
    view.setCurrentIndex(model.index(0))

    def press(key, row):
        qtbot.keyClick(view, key)
        assert view.currentIndex().row() == row

    press(Qt.Key.Key_Left, 0)  # the left edge: stays
    press(Qt.Key.Key_Right, 1)
    press(Qt.Key.Key_Down, 1 + columns)
    press(Qt.Key.Key_Up, 1)
    press(Qt.Key.Key_Up, 1)  # the top: stays
    press(Qt.Key.Key_End, 49)
    press(Qt.Key.Key_Right, 49)  # the last photo: stays
    press(Qt.Key.Key_Home, 0)
    page = view.viewport().height() // view.gridSize().height() - 1
    press(Qt.Key.Key_PageDown, max(1, page) * columns)
    short_line = 49 // columns * columns  # the last line, with fewer photos than columns
    assert 49 < short_line + columns - 1
    view.setCurrentIndex(model.index(short_line - 1))  # the end of the line above
    press(Qt.Key.Key_Down, short_line - 1)  # no photo below it: stays


def test_shift_selects_every_photo_between_as_the_list_reads(grid, qtbot):
    view, model = grid(50)
    columns = view.columns()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre(view, 2))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.ShiftModifier, centre(view, columns + 1))
    assert view.selected_rows() == [(2, columns + 1)]
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert view.selected_rows() == [(2, 2 * columns + 1)]
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.ControlModifier, centre(view, 0))
    assert sorted(view.selected_rows()) == [(0, 0), (2, 2 * columns + 1)]


def test_a_rubber_band_selects_the_cells_it_touches(grid, qtbot):
    view, model = grid(50)
    columns = view.columns()
    start = view.visualRect(model.index(0)).topRight() + QPoint(GAP // 2, 5)  # a gap
    end = centre(view, columns + 2)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    for point in (start + QPoint(5, 5), end):
        move = QMouseEvent(QEvent.Type.MouseMove, QPointF(point),
                           QPointF(view.viewport().mapToGlobal(point)),
                           Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton,
                           Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(view.viewport(), move)
    assert not view._band.isNull()  # drawn while dragging
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=end)
    assert sorted(view.selected_rows()) == [(1, 2), (columns + 1, columns + 2)]
    assert view._band.isNull()


def test_a_new_list_starts_at_its_top(grid, qtbot):
    view, model = grid(5000)
    view.verticalScrollBar().setValue(10_000)
    model.beginResetModel()
    model.n = 4000
    model.endResetModel()
    assert view.verticalScrollBar().value() == 0


def test_thumbnails_are_drawn_at_their_own_size_unless_they_must_change():
    assert _print_size(QSize(176, 117), QSize(178, 164)) == QSize(176, 117)  # not blurred
    assert _print_size(QSize(176, 117), QSize(122, 110)) == QSize(122, 81)  # small cells
    assert _print_size(QSize(176, 117), QSize(256, 244)) == QSize(256, 170)  # large cells
