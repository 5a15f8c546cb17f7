"""The window follows its folders live: a photo copied in appears in the grid."""

import shutil

from photodesk.core.catalog import Catalog
from photodesk.core.index import index_paths
from photodesk.gui.app import create_window
from tests.gui.conftest import watched_and_arriving
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


def test_a_folder_found_elsewhere_is_located_and_its_photos_come_back(qtbot, tmp_path,
                                                                      photo_dir):
    from photodesk.core.catalog import photos as photo_store
    from photodesk.core.edit import edit_photos
    make_jpeg(photo_dir / "a.jpg")
    make_jpeg(photo_dir / "2025" / "b.jpg", color=(10, 20, 30))
    catalog_path = tmp_path / "c.sqlite"
    with Catalog(catalog_path) as cat:
        list(index_paths(cat, [str(photo_dir)], workers=0))
        ids = {row["name"]: row["id"] for row in photo_store.photos(cat, [1, 2])}
        edit_photos(cat, [ids["b.jpg"]], keywords=["lũ lụt"], rating=4)
    # The share is mounted elsewhere on this desk.
    share = tmp_path / "mnt" / "nas"
    share.mkdir(parents=True)
    shutil.move(photo_dir, share / "anh")
    elsewhere = share / "anh"
    window = create_window(str(catalog_path), workers=0)
    qtbot.addWidget(window)
    sidebar = window.sidebar
    qtbot.waitUntil(lambda: sidebar.items("folder") and sidebar.menu_for(
        sidebar.items("folder")[0]) is not None, timeout=10000)
    menu = sidebar.menu_for(sidebar.items("folder")[0])
    assert [a.text() for a in menu.actions()] == ["Locate folder…"]
    sidebar.locateRequested.disconnect(window.locate_folder)  # the action asks for a folder
    with qtbot.waitSignal(sidebar.locateRequested) as asked:
        menu.actions()[0].trigger()
    assert asked.args == [str(photo_dir)]

    # The wrong folder: said, and nothing changes.
    empty = tmp_path / "empty"
    empty.mkdir()
    window.locate_folder(str(photo_dir), str(empty))
    qtbot.waitUntil(lambda: window.problems.count() == 1, timeout=10000)
    assert "is it the right folder" in window.problems.tree.topLevelItem(0).text(2)

    said = []
    window.statusBar().messageChanged.connect(said.append)
    with qtbot.waitSignal(window.indexingFinished, timeout=60000):
        window.locate_folder(str(photo_dir), str(elsewhere))
    assert f"{photo_dir} is at {elsewhere} on this computer: 2 of 2 photo" in said[0]
    with Catalog(catalog_path) as cat:
        rows = {r["name"]: r for r in photo_store.photos(cat, list(ids.values()))}
    assert {name: r["id"] for name, r in rows.items()} == ids  # the same photos, not new ones
    assert rows["b.jpg"]["path"] == str(elsewhere / "2025" / "b.jpg")
    assert {r["status"] for r in rows.values()} == {"present"}
    assert rows["b.jpg"]["keywords"] == ["lũ lụt"] and rows["b.jpg"]["rating"] == 4
    qtbot.waitUntil(lambda: sidebar.paths() == [str(elsewhere)], timeout=10000)
    assert sidebar.menu_for(sidebar.items("folder")[0]) is None  # found here now

    # Watched at its new place.
    watched_and_arriving(qtbot, window, elsewhere, 2)
    window.shutdown()
