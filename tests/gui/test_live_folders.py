"""The window follows its folders live: a photo copied in appears in the grid."""

import shutil

from photodesk.core.catalog import Catalog
from photodesk.core.index import index_paths
from photodesk.gui.app import create_window
from tests.conftest import make_jpeg


def test_a_photo_copied_into_a_watched_folder_appears_in_the_grid(qtbot, tmp_path, photo_dir):
    make_jpeg(photo_dir / "first.jpg")
    catalog_path = tmp_path / "c.sqlite"
    with Catalog(catalog_path) as cat:
        list(index_paths(cat, [str(photo_dir)], workers=0))
    window = create_window(str(catalog_path), workers=0)
    qtbot.addWidget(window)
    window.live._settle = 0.3
    with qtbot.waitSignal(window.live.ready, timeout=15000):
        window.watch_folders()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=10000)

    outside = make_jpeg(tmp_path / "incoming.jpg", color=(10, 200, 30))
    shutil.copyfile(outside, photo_dir / "arrived.jpg")
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=15000)

    (photo_dir / "first.jpg").unlink()
    with Catalog(catalog_path) as cat:
        qtbot.waitUntil(lambda: cat.db.execute(
            "SELECT status FROM photos WHERE name = 'first.jpg'").fetchone()[0] == "missing",
            timeout=15000)
    window.shutdown()
    assert not window.live.is_running()
