"""The main window end to end: grid, search, inspector, background indexing, problems, drops."""

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from photodesk.gui.views.placeholders import is_placeholder


def wait_rows(qtbot, window, n):
    qtbot.waitUntil(lambda: window.model.rowCount() == n, timeout=10000)


def test_search_finds_caption_and_inspector_shows_it(qtbot, open_window, indexed_catalog):
    window = open_window(indexed_catalog)
    wait_rows(qtbot, window, 4)
    qtbot.keyClicks(window.search_field, "mourinho")
    wait_rows(qtbot, window, 1)
    window.grid.setCurrentIndex(window.model.index(0))
    qtbot.waitUntil(lambda: window.inspector.text_of("caption") == "José Mourinho")
    assert window.inspector.name.text() == "metapm.jpg"
    assert "Event Name" in window.inspector.text_of("event")
    assert window.inspector.text_of("people") == "A person; Another person"


def test_search_ignores_accents_and_an_empty_search_lists_everything(qtbot, open_window,
                                                                     indexed_catalog):
    window = open_window(indexed_catalog)
    wait_rows(qtbot, window, 4)
    window.search_field.setText("JOSE")
    wait_rows(qtbot, window, 1)
    window.search_field.clear()
    wait_rows(qtbot, window, 4)
    assert "4" in window.count_label.text()


def test_thumbnails_arrive_in_the_grid(qtbot, open_window, indexed_catalog):
    window = open_window(indexed_catalog)
    wait_rows(qtbot, window, 4)
    model = window.model

    def all_loaded():
        pixmaps = [model.index(r).data(Qt.ItemDataRole.DecorationRole) for r in range(4)]
        return not any(is_placeholder(p, model.placeholder, model.broken) for p in pixmaps)
    qtbot.waitUntil(all_loaded, timeout=10000)
    pixmaps = [model.index(r).data(Qt.ItemDataRole.DecorationRole) for r in range(4)]
    assert max(p.width() for p in pixmaps) > 50  # real thumbnails, not 10 px stand-ins


def test_inspector_shows_camera_facts_and_a_large_preview(qtbot, open_window, indexed_catalog):
    window = open_window(indexed_catalog)
    window.search_field.setText("canon")
    wait_rows(qtbot, window, 1)
    window.grid.setCurrentIndex(window.model.index(0))
    qtbot.waitUntil(lambda: window.inspector.text_of("camera") == "Canon EOS 40D")
    assert window.inspector.text_of("exposure") == "1/160 s"
    assert window.inspector.text_of("aperture") == "f/7.1"
    assert window.inspector.text_of("iso") == "100"
    assert window.inspector.text_of("focal_length") == "135 mm"
    assert window.inspector.text_of("taken_at") == "2008-05-30 15:56:01"
    preview = window.inspector.preview
    qtbot.waitUntil(lambda: preview.pixmap() is not None and preview.pixmap().width() == 100)


def test_window_started_with_a_folder_indexes_it_in_the_background(qtbot, open_window,
                                                                   catalog_path, photo_folder):
    window = open_window(catalog_path, [str(photo_folder)])
    assert window.is_indexing()  # the window is up while the work goes on behind it
    shown = []
    window.status.textChanged.connect(shown.append)
    with qtbot.waitSignal(window.indexingFinished, timeout=30000) as finished:
        pass
    assert finished.args == [False]
    wait_rows(qtbot, window, 4)
    assert any("4 of 4" in text and "photos/s" in text for text in shown), shown
    assert window.status.isHidden()
    assert "finished" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: window.sidebar.paths() == [str(photo_folder)])
    assert window.problems.isHidden()


def test_unreadable_file_goes_to_the_problems_dock(qtbot, open_window, catalog_path,
                                                   photo_folder):
    (photo_folder / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 this is not a JPEG" * 20)
    window = open_window(catalog_path, [str(photo_folder)])
    with qtbot.waitSignal(window.indexingFinished, timeout=30000):
        pass
    assert window.problems.isVisible()
    assert window.problems.count() == 1
    item = window.problems.tree.topLevelItem(0)
    assert item.text(0) == "broken.jpg" and item.text(2)
    window.search_field.setText("broken")
    wait_rows(qtbot, window, 1)
    window.grid.setCurrentIndex(window.model.index(0))
    qtbot.waitUntil(lambda: window.inspector.status.isVisible())
    assert window.inspector.status.text().startswith("Unreadable")


def test_dropping_a_folder_indexes_it(qtbot, open_window, catalog_path, photo_folder):
    window = open_window(catalog_path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo_folder))])
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.indexingFinished, timeout=30000):
        window.dropEvent(drop)
    wait_rows(qtbot, window, 4)


def test_cancel_stops_indexing(qtbot, open_window, catalog_path, photo_folder):
    window = open_window(catalog_path, [str(photo_folder)])
    with qtbot.waitSignal(window.indexingFinished, timeout=30000) as finished:
        window.status.cancel_button.click()
    assert finished.args == [True]
    assert "cancelled" in window.statusBar().currentMessage()
