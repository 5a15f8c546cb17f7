"""The loupe at 100 %: the file's own pixels, right way up, to check focus."""

from PIL import Image
from PySide6.QtCore import QPoint, Qt

from tests.conftest import make_jpeg


def _exif_rotated():
    exif = Image.Exif()
    exif[0x0112] = 6  # the camera was turned: shown rotated 90° clockwise
    return exif.tobytes()


def test_z_shows_the_photo_at_100_percent_and_stays_on_through_a_burst(
        qtbot, open_window, catalog_path, tmp_path):
    folder = tmp_path / "burst"
    make_jpeg(folder / "A_0001.jpg", size=(3000, 2000), color=(200, 40, 40))
    make_jpeg(folder / "A_0002.jpg", size=(3000, 2000), color=(40, 200, 40), exif=_exif_rotated())
    window = open_window(catalog_path, [str(folder)])
    qtbot.waitUntil(lambda: window.model.rowCount() == 2 and window.inspector.photo_id() is not None,
                    timeout=60000)
    window.resize(1400, 900)
    window.grid.setFocus()
    qtbot.keyClick(window.grid, Qt.Key.Key_Space)
    loupe = window.loupe
    qtbot.waitUntil(loupe.has_image)
    first = loupe.photo_id()
    assert not loupe.zoomed()

    qtbot.keyClick(loupe, Qt.Key.Key_Z)
    assert loupe.zoomed()
    qtbot.waitUntil(loupe.has_full_size, timeout=20000)
    upright = {"A_0001.jpg": (3000, 2000), "A_0002.jpg": (2000, 3000)}  # 0002 turned upright
    size = lambda: (loupe.pane.full.width(), loupe.pane.full.height())  # noqa: E731
    assert size() == upright[loupe.pane.row["name"]]  # the file's pixels, not the 1024 preview
    # The view shows the middle of the photo, one to one: each pixel drawn is the file's.
    area = loupe._area()
    source, target = loupe.pane.view(area, loupe.zoom)
    assert abs(source.center().x() - size()[0] // 2) <= 1
    assert abs(source.center().y() - size()[1] // 2) <= 1
    assert target.size() == source.size()
    shot, full = loupe.grab().toImage(), loupe.pane.full
    for dx, dy in ((0, 0), (17, 5), (-40, 33), (101, -77)):
        at = area.center() + QPoint(dx, dy)
        assert shot.pixelColor(at) == full.pixelColor(at - target.topLeft() + source.topLeft())

    qtbot.keyClick(loupe, Qt.Key.Key_Right)  # the next frame of the burst, still at 100 %
    qtbot.waitUntil(lambda: loupe.photo_id() != first and loupe.has_full_size(), timeout=20000)
    assert loupe.zoomed() and size() == upright[loupe.pane.row["name"]]

    centre = loupe.zoom.centre
    qtbot.mousePress(loupe, Qt.MouseButton.LeftButton, pos=QPoint(600, 400))
    qtbot.mouseMove(loupe, QPoint(500, 300))
    qtbot.mouseRelease(loupe, Qt.MouseButton.LeftButton, pos=QPoint(500, 300))
    assert loupe.zoomed() and loupe.zoom.centre != centre  # a drag pans, it does not zoom out
    centre, shown = loupe.zoom.centre, loupe.photo_id()
    qtbot.keyClick(loupe, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)  # keys pan too
    assert loupe.zoom.centre.x() > centre.x() and loupe.zoom.centre.y() == centre.y()
    qtbot.keyClick(loupe, Qt.Key.Key_Up, Qt.KeyboardModifier.ShiftModifier)
    assert loupe.zoom.centre.y() < centre.y() and loupe.photo_id() == shown  # no step
    qtbot.mouseClick(loupe, Qt.MouseButton.LeftButton, pos=QPoint(600, 400))
    assert not loupe.zoomed()  # a click goes back to the whole photo
    qtbot.keyClick(loupe, Qt.Key.Key_Escape)
    assert not loupe.isVisible()


def test_closing_the_loupe_mid_decode_lets_it_go_and_it_decodes_again_on_return(
        qtbot, open_window, catalog_path, tmp_path):
    """Esc before the 100 % decode lands, then the loupe again on the same photo, zoomed:
    the photo's own pixels come (the queued decode was dropped with the view), and a closed
    loupe holds no decoded photo."""
    make_jpeg(tmp_path / "f" / "A_0001.jpg", size=(3000, 2000), color=(200, 40, 40))
    window = open_window(catalog_path, [str(tmp_path / "f")])
    qtbot.waitUntil(lambda: window.inspector.photo_id() is not None, timeout=60000)
    window.grid.setFocus()
    loupe = window.loupe
    qtbot.keyClick(window.grid, Qt.Key.Key_Space)
    qtbot.keyClick(loupe, Qt.Key.Key_Z)
    qtbot.keyClick(loupe, Qt.Key.Key_Escape)  # at once: the decode may still be queued
    assert loupe.pane.full is None and loupe.pane.row is None
    window.grid.setFocus()
    qtbot.keyClick(window.grid, Qt.Key.Key_Space)
    assert loupe.zoomed()  # the zoom stays as the editor left it
    qtbot.waitUntil(loupe.has_full_size, timeout=20000)
    assert not loupe.pane.loading
