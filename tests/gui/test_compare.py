"""Compare: two to four selected photos side by side, zoomed and panned in step, culled one
at a time, on real JPEGs in a real catalog."""

from PIL import Image
from PySide6.QtCore import QItemSelection, QItemSelectionModel, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from photodesk.core.catalog import Catalog
from photodesk.core.catalog import photos as catalog
from photodesk.gui.views.photoview import marks
from tests.conftest import make_jpeg

COLOURS = [(200, 40, 40), (40, 200, 40), (40, 40, 200), (200, 200, 40), (40, 200, 200)]


def _window(qtbot, open_window, catalog_path, folder, sizes):
    for n, size in enumerate(sizes):
        make_jpeg(folder / f"C_{n:04}.jpg", size=size, color=COLOURS[n])
    window = open_window(catalog_path, [str(folder)])
    qtbot.waitUntil(lambda: window.model.rowCount() == len(sizes)
                    and window.inspector.photo_id() is not None, timeout=60000)
    window.resize(1400, 900)
    return window


def _select(window, count: int) -> list[int]:
    """The first count photos of the grid selected (the first one current), as a drag does."""
    model, grid = window.model, window.grid
    grid.setCurrentIndex(model.index(0))
    grid.selectionModel().select(QItemSelection(model.index(0), model.index(count - 1)),
                                 QItemSelectionModel.SelectionFlag.ClearAndSelect)
    grid.setFocus()
    return window.selected_ids()


def _stored(catalog_path, path) -> dict:
    with Catalog(catalog_path) as cat:
        return catalog.photo_by_path(cat, str(path))


def test_compare_opens_on_two_to_four_photos_side_by_side_and_escape_keeps_the_selection(
        qtbot, open_window, catalog_path, tmp_path):
    window = _window(qtbot, open_window, catalog_path, tmp_path / "five", [(640, 480)] * 5)
    compare = window.compare
    for count in (1, 5):
        _select(window, count)
        window.compare_action.trigger()
        assert not compare.isVisible()
        assert "two to four" in window.statusBar().currentMessage()

    grids = {2: (2, 1), 3: (3, 1), 4: (2, 2)}  # columns, rows
    for count, (columns, rows) in grids.items():
        ids = _select(window, count)
        if count == 2:
            window.activateWindow()
            qtbot.waitUntil(window.isActiveWindow)
            qtbot.keyClick(window.grid, Qt.Key.Key_C)  # View → Compare's shortcut
        else:
            window.compare_action.trigger()
        assert compare.isVisible() and compare.geometry() == window.rect()
        assert compare.photo_ids() == ids and compare.photo_id() == ids[0]
        qtbot.waitUntil(lambda: all(p.preview is not None for p in compare.panes()))
        rects = compare.pane_rects()
        assert len(rects) == count
        for at, rect in enumerate(rects):
            assert compare.rect().contains(rect)
            assert rect.width() > 300 and rect.height() > 300
            assert compare.photo_area(at).intersected(rect) == compare.photo_area(at)
            assert not any(rect.intersects(other) for other in rects[at + 1:])
            assert compare.panes()[at].fitted(compare.photo_area(at)).width() > 250
        assert len({r.left() for r in rects}) == columns and len({r.top() for r in rects}) == rows
        assert rects[1].left() > rects[0].right() and rects[1].top() == rects[0].top()
        if rows == 2:
            assert rects[2].top() > rects[0].bottom() and rects[2].left() == rects[0].left()
        qtbot.keyClick(compare, Qt.Key.Key_Escape)
        assert not compare.isVisible() and window.grid.hasFocus()
        assert window.selected_ids() == ids  # back in the grid, nothing lost
    qtbot.keyClick(window.search_field, Qt.Key.Key_C)  # typed: a text field keeps C
    assert window.search_field.text() == "c" and not compare.isVisible()


def test_zoom_and_pan_in_step_show_each_files_own_pixels(
        qtbot, open_window, catalog_path, tmp_path):
    sizes = [(3000, 2000), (2400, 1600), (2000, 3000), (3000, 2000)]
    window = _window(qtbot, open_window, catalog_path, tmp_path / "four", sizes)
    _select(window, 4)
    window.open_compare()
    compare = window.compare
    panes = compare.panes()
    qtbot.waitUntil(lambda: all(p.preview is not None for p in panes))
    size = [dict(zip((f"C_{n:04}.jpg" for n in range(4)), sizes))[p.row["name"]] for p in panes]

    qtbot.keyClick(compare, Qt.Key.Key_Z)
    assert compare.zoom.scale == 1.0
    qtbot.waitUntil(lambda: all(p.full is not None for p in panes), timeout=30000)
    shot = compare.grab().toImage()
    for at, pane in enumerate(panes):
        assert (pane.full.width(), pane.full.height()) == size[at]  # the files', not previews
        source, target = pane.view(compare.photo_area(at), compare.zoom)
        assert target.size() == source.size()  # one to one
        assert abs(source.center().x() - size[at][0] // 2) <= 1  # the same relative centre
        assert abs(source.center().y() - size[at][1] // 2) <= 1
        # The pixel in the middle of the pane, and a few around it, are the file's own.
        with Image.open(tmp_path / "four" / pane.row["name"]) as original:
            for dx, dy in ((0, 0), (13, 7), (-60, 41), (97, -55)):
                at_screen = target.center() + QPoint(dx, dy)
                there = at_screen - target.topLeft() + source.topLeft()
                colour = shot.pixelColor(at_screen)
                assert (colour.red(), colour.green(), colour.blue()) == original.getpixel(
                    (there.x(), there.y()))

    # A drag in one pane moves the view of every pane by the same part of its photo.
    area = compare.photo_area(1)
    start = area.center()
    qtbot.mousePress(compare, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(compare, start + QPoint(-120, -80))
    qtbot.mouseRelease(compare, Qt.MouseButton.LeftButton, pos=start + QPoint(-120, -80))
    assert compare.zoom.scale == 1.0 and compare.active() == 1
    centre = compare.zoom.centre
    assert abs(centre.x() - (0.5 + 120 / size[1][0])) < 1e-6
    assert abs(centre.y() - (0.5 + 80 / size[1][1])) < 1e-6
    for at, pane in enumerate(panes):
        source, _ = pane.view(compare.photo_area(at), compare.zoom)
        assert abs(source.center().x() - centre.x() * size[at][0]) < 2  # QRect rounds down
        assert abs(source.center().y() - centre.y() * size[at][1]) < 2

    qtbot.keyClick(compare, Qt.Key.Key_Minus)
    assert compare.zoom.scale == 0.5
    qtbot.keyClick(compare, Qt.Key.Key_Plus)
    qtbot.keyClick(compare, Qt.Key.Key_Plus)
    assert compare.zoom.scale == 2.0
    source, target = panes[0].view(compare.photo_area(0), compare.zoom)
    assert target.width() == 2 * source.width()
    at = QPointF(compare.photo_area(0).center())
    QApplication.sendEvent(compare, QWheelEvent(  # Ctrl and the wheel turned back a notch
        at, compare.mapToGlobal(at), QPoint(), QPoint(0, -120), Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False))
    assert compare.zoom.scale == 1.0
    qtbot.keyClick(compare, Qt.Key.Key_Z)
    assert compare.zoom.scale is None  # back to every photo whole
    qtbot.mouseDClick(compare, Qt.MouseButton.LeftButton, pos=compare.photo_area(3).center())
    assert compare.zoom.scale == 1.0 and compare.active() == 3
    qtbot.keyClick(compare, Qt.Key.Key_Up)  # two rows of two: the photo above
    assert compare.active() == 1
    qtbot.keyClick(compare, Qt.Key.Key_Escape)
    assert not compare.isVisible() and not compare.panes()  # the decoded pixels are let go


def test_culling_keys_mark_the_active_photo_only(qtbot, open_window, catalog_path, tmp_path):
    folder = tmp_path / "three"
    window = _window(qtbot, open_window, catalog_path, folder, [(800, 600)] * 3)
    ids = _select(window, 3)
    window.open_compare()
    compare = window.compare
    paths = {pane.row["id"]: folder / pane.row["name"] for pane in compare.panes()}
    assert compare.active() == 0

    qtbot.keyClick(compare, Qt.Key.Key_Tab)
    assert compare.active() == 1 and compare.hasFocus()
    assert window.grid.currentIndex().row() == 1  # the grid follows, the selection stays
    assert window.selected_ids() == ids
    qtbot.keyClick(compare, Qt.Key.Key_5)
    qtbot.waitUntil(lambda: _stored(catalog_path, paths[ids[1]])["rating"] == 5)
    qtbot.waitUntil(lambda: marks(compare.panes()[1].row) == "★★★★★")  # the footer's marks
    assert marks(compare.panes()[0].row) == ""
    qtbot.keyClick(compare, Qt.Key.Key_Right)
    assert compare.active() == 2
    qtbot.keyClick(compare, Qt.Key.Key_P)
    qtbot.keyClick(compare, Qt.Key.Key_6)
    qtbot.waitUntil(lambda: _stored(catalog_path, paths[ids[2]])["pick"] == 1
                    and _stored(catalog_path, paths[ids[2]])["label"] == "Red")
    qtbot.keyClick(compare, Qt.Key.Key_Backtab)
    qtbot.keyClick(compare, Qt.Key.Key_Backtab)
    qtbot.keyClick(compare, Qt.Key.Key_Down)  # one row: Down stays
    assert compare.active() == 0
    qtbot.keyClick(compare, Qt.Key.Key_X)
    qtbot.waitUntil(lambda: _stored(catalog_path, paths[ids[0]])["pick"] == -1)
    qtbot.waitUntil(lambda: not window.editor.busy())
    rows = {pid: _stored(catalog_path, path) for pid, path in paths.items()}
    assert [(rows[i]["rating"] or 0, rows[i]["pick"] or 0, rows[i]["label"]) for i in ids] == [
        (0, -1, None), (5, 0, None), (0, 1, "Red")]
    qtbot.waitUntil(lambda: [marks(pane.row) for pane in compare.panes()] == [
        "Rejected", "★★★★★", "Red · Picked"])
    qtbot.keyClick(compare, Qt.Key.Key_C)
    assert not compare.isVisible() and window.selected_ids() == ids
