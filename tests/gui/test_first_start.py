"""First start: the welcome page, the sample newsroom folder, and the settings dialog."""

import os

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from photodesk.core import settings as store
from photodesk.core.sample import sample_destination
from photodesk.core.catalog import Catalog
from photodesk.core.catalog import folders as catalog_folders
from photodesk.core.settings import ExportDefaults, ListedFolder, Settings
from photodesk.gui.dialogs.settings import SettingsDialog
from tests.gui.conftest import watched_and_arriving
from tests.conftest import make_jpeg


def test_an_empty_catalog_opens_on_the_welcome_page(open_window, catalog_path):
    window = open_window(catalog_path)
    assert window.is_welcoming() and window.welcome.isVisible()
    assert not window.grid.isVisible()
    assert QApplication.activeModalWidget() is None  # a page, not a dialog: nothing blocks
    assert window.menuBar().isVisible() and window.search_field.isVisible()


def test_the_sample_button_copies_the_sample_and_shows_its_photos(open_window, catalog_path,
                                                                  qtbot):
    store.save(Settings(catalog=catalog_path))  # the user's own catalog: its folders are kept
    window = open_window(catalog_path)
    with qtbot.waitSignal(window.indexingFinished, timeout=60000):
        qtbot.mouseClick(window.welcome.sample_button, Qt.MouseButton.LeftButton)
    copied = sample_destination()  # under a fresh XDG_DATA_HOME per test (tests/conftest.py)
    assert (copied / "hoi-cho-nong-san-hoa-son-2025.txt").exists()
    assert not window.is_welcoming() and window.grid.isVisible()
    qtbot.waitUntil(lambda: window.model.rowCount() == 7, timeout=10000)
    # The folder is the catalog's: watched now and at every start, by any PhotoDesk on it.
    with Catalog(catalog_path) as cat:
        assert [f["path"] for f in catalog_folders.folders(cat)] == [str(copied)]
    assert store.load().folders == []
    assert QApplication.activeModalWidget() is None


def test_a_catalog_with_folders_opens_on_the_desk(open_window, indexed_catalog):
    window = open_window(indexed_catalog)
    assert not window.is_welcoming() and window.grid.isVisible()


def test_photos_indexed_one_by_one_open_on_the_desk(open_window, catalog_path, photo_folder,
                                                    qtbot):
    from photodesk.core.catalog import Catalog
    from photodesk.core.index import index_paths
    with Catalog(catalog_path) as cat:  # `photodesk index a.jpg b.jpg`: photos, no folder
        list(index_paths(cat, [str(p) for p in sorted(photo_folder.iterdir())[:2]], workers=0))
    window = open_window(catalog_path)
    assert not window.is_welcoming()
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=10000)


def test_a_scratch_catalog_leaves_an_old_settings_file_alone(open_window, catalog_path,
                                                             photo_folder, tmp_path, qtbot):
    archive = tmp_path / "archive"
    archive.mkdir()
    store.save(Settings(folders=[ListedFolder(str(archive))]))  # an earlier version's list
    window = open_window(catalog_path, [str(photo_folder)])
    with qtbot.waitSignal(window.indexingFinished, timeout=60000):
        pass
    window.shutdown()
    # Kept for the default catalog, which it moves into when they meet.
    assert store.load().folders == [ListedFolder(str(archive))]
    with Catalog(catalog_path) as cat:
        assert [f["path"] for f in catalog_folders.folders(cat)] == [str(photo_folder)]


def test_folders_of_an_old_settings_file_move_into_the_catalog_at_start(
        open_window, catalog_path, photo_folder, qtbot):
    store.save(Settings(catalog=catalog_path,
                        folders=[ListedFolder(str(photo_folder), "polling")]))
    window = open_window(catalog_path)
    assert not window.is_welcoming()
    assert "moved into the catalog" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: window.model.rowCount() == 4, timeout=60000)
    assert "[[folders]]" not in store.settings_path().read_text(encoding="utf-8")
    with Catalog(catalog_path) as cat:
        assert catalog_folders.folder_by_path(cat, str(photo_folder))["observer"] == "polling"


def test_a_damaged_settings_file_is_shown_in_problems(open_window, catalog_path):
    path = store.settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("language = \"vi\nbroken", encoding="utf-8")
    window = open_window(catalog_path)
    assert window.problems.isVisible() and window.problems.count() == 1
    reason = window.problems.tree.topLevelItem(0).text(2)
    assert "not valid TOML" in reason and "damaged-" in reason
    assert list(path.parent.glob("settings.toml.damaged-*"))


def test_the_settings_dialog_shows_and_returns_every_setting(app, qtbot):
    current = Settings(language="vi", catalog="/srv/c.sqlite", thumbnail_cache="/srv/thumbs",
                       thumbnail_cache_mb=700, write_mode="sidecar",
                       export=ExportDefaults("html", "{caption} Ảnh: {credit}", "/out", True))
    dialog = SettingsDialog(current)
    qtbot.addWidget(dialog)
    assert dialog.chosen() == current  # shown as stored, returned unchanged
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.cache_limit.setValue(300)
    dialog.embedded.setChecked(True)
    dialog.export_format.setCurrentIndex(dialog.export_format.findData("csv"))
    dialog.export_bom.setChecked(False)
    dialog.thumbnail_cache.setText("thumbs")  # relative: refused, the dialog stays open
    dialog.accept()
    assert not dialog.problem.isHidden() and "thumbnail_cache" in dialog.problem.text()
    assert dialog.result() == 0
    dialog.thumbnail_cache.setText("/srv/thumbs")
    chosen = dialog.chosen()
    store.save(chosen)
    assert store.load() == Settings(
        language="en", catalog="/srv/c.sqlite", thumbnail_cache="/srv/thumbs",
        thumbnail_cache_mb=300, write_mode="embedded",
        export=ExportDefaults("csv", "{caption} Ảnh: {credit}", "/out", False))


def test_write_and_export_dialogs_start_from_the_settings(open_window, indexed_catalog, qtbot):
    store.save(Settings(write_mode="sidecar",
                        export=ExportDefaults("txt", "{caption} ({credit})", "/tmp/x", True)))
    window = open_window(indexed_catalog)
    qtbot.waitUntil(lambda: window.model.rowCount() == 4, timeout=10000)
    with qtbot.waitSignal(window.writing.dialogShown) as shown:
        window.writing.open_export()
    dialog = shown.args[0]
    assert dialog.format.currentData() == "txt" and dialog.bom.isChecked()
    assert dialog.template.text() == "{caption} ({credit})" and dialog.folder.text() == "/tmp/x"
    dialog.reject()


def test_the_window_keeps_the_thumbnail_cache_within_its_limit(open_window, indexed_catalog,
                                                                qtbot):
    from photodesk.core import thumbcache
    from photodesk.core.catalog import Catalog
    with Catalog(indexed_catalog) as cat:
        cache = cat.thumbs_dir
    # Old, unused thumbnails of photos long gone fill the cache past a 16 MB limit.
    stale = cache / "ff"
    stale.mkdir(parents=True, exist_ok=True)
    for n in range(20):
        path = stale / f"ff{n:062x}-1024.jpg"
        path.write_bytes(b"\xff" * 1024 * 1024)
        os.utime(path, (1_000_000_000, 1_000_000_000))
    store.save(Settings(thumbnail_cache_mb=16))
    window = open_window(indexed_catalog)
    window.watch_folders()
    qtbot.waitUntil(lambda: thumbcache.usage(cache).bytes < 16 * 1024 * 1024, timeout=10000)
    assert any(cache.glob("*/*-256.jpg"))  # the catalog's own (newer) thumbnails stay


def test_rebuild_thumbnails_from_the_file_menu(open_window, indexed_catalog, photo_folder,
                                               qtbot):
    from photodesk.core import thumbcache
    from photodesk.core.catalog import Catalog
    with Catalog(indexed_catalog) as cat:
        cache = cat.thumbs_dir
    thumbcache.clear(cache)
    (photo_folder / "metapm.jpg").unlink()  # its thumbnails cannot be made again
    window = open_window(indexed_catalog)
    action = next(a for a in window.menuBar().actions()[0].menu().actions()
                  if a.text().replace("&", "") == "Rebuild thumbnails")
    with qtbot.waitSignal(window.thumbnails.finished, timeout=60000) as done:
        action.trigger()
    remade, failed = done.args  # the grid may have remade some itself, as it showed them
    assert failed == 1 and remade <= 3
    assert thumbcache.usage(cache).files == 6  # both sizes of the three photos still there
    assert window.problems.count() == 1
    assert "metapm.jpg" in window.problems.tree.topLevelItem(0).toolTip(0)


def test_a_folder_removed_in_settings_leaves_the_catalog_not_the_disk(open_window, catalog_path,
                                                                     photo_folder, qtbot):
    from PySide6.QtWidgets import QMessageBox
    store.save(Settings(catalog=catalog_path))
    window = open_window(catalog_path, [str(photo_folder)])
    with qtbot.waitSignal(window.indexingFinished, timeout=60000):
        pass
    qtbot.waitUntil(lambda: window.model.rowCount() == 4, timeout=10000)
    dialog = SettingsDialog(window.settings(), window, location=window.location)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.folders.rowCount() == 1, timeout=10000)
    dialog.folders.selectRow(0)

    def answer_yes():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and str(photo_folder) in box.text()
        box.button(QMessageBox.StandardButton.Yes).click()
    QTimer.singleShot(100, answer_yes)
    dialog._remove_folder()
    assert dialog.removed_folders == [str(photo_folder)] and dialog.folders.rowCount() == 0
    window.change_folders(dialog.folder_changes())
    qtbot.waitUntil(lambda: window.model.rowCount() == 0, timeout=10000)
    assert len(list(photo_folder.iterdir())) == 4  # the files are all still there
    with Catalog(catalog_path) as cat:
        assert catalog_folders.folders(cat) == []


def test_one_folder_that_cannot_be_removed_does_not_stop_the_others(open_window, catalog_path,
                                                                    photo_folder, tmp_path,
                                                                    qtbot):
    store.save(Settings(catalog=catalog_path))
    window = open_window(catalog_path, [str(photo_folder)])
    with qtbot.waitSignal(window.indexingFinished, timeout=60000):
        pass
    qtbot.waitUntil(lambda: window.model.rowCount() == 4, timeout=10000)
    window.remove_folders([str(tmp_path / "never-added"), str(photo_folder)])
    qtbot.waitUntil(lambda: window.problems.count() == 1, timeout=10000)
    qtbot.waitUntil(lambda: window.model.rowCount() == 0, timeout=10000)
    assert "not a folder of this catalog" in window.problems.tree.topLevelItem(0).text(2)


def test_the_folders_tab_adds_a_folder_and_changes_how_one_is_watched(
        open_window, catalog_path, photo_folder, tmp_path, qtbot):
    window = open_window(catalog_path, [str(photo_folder)])
    with qtbot.waitSignal(window.indexingFinished, timeout=60000):
        pass
    more = tmp_path / "more"
    make_jpeg(more / "new.jpg")
    dialog = SettingsDialog(window.settings(), window, location=window.location)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.foldersLoaded, timeout=10000):
        pass
    assert dialog.folder_paths() == [str(photo_folder)]
    watched_by = dialog.folders.cellWidget(0, 1)
    assert watched_by.currentData() == "auto"
    watched_by.setCurrentIndex(watched_by.findData("polling"))
    dialog.add_folder(str(more) + "/")
    dialog.add_folder(str(photo_folder))  # listed already: not twice
    assert dialog.folder_paths() == [str(photo_folder), str(more)]
    dialog.thumbnail_cache.setText(str(more / "thumbs"))  # inside a folder of the catalog
    dialog.accept()
    assert "overlaps the watched folder" in dialog.problem.text() and dialog.result() == 0
    dialog.thumbnail_cache.setText("")
    changes = dialog.folder_changes()
    assert changes.added == {str(more): "auto"}
    assert changes.observers == {str(photo_folder): "polling"} and changes.removed == []
    with qtbot.waitSignal(window.indexingFinished, timeout=60000):
        window.change_folders(changes)
    qtbot.waitUntil(lambda: window.model.rowCount() == 5, timeout=10000)
    with Catalog(catalog_path) as cat:
        rows = {f["path"]: f["observer"] for f in catalog_folders.folders(cat)}
    assert rows == {str(photo_folder): "polling", str(more): None}
    assert store.load().folders == []  # nothing of it in the settings file


def test_a_second_photodesk_with_other_settings_watches_the_same_folders(
        open_window, catalog_path, photo_folder, tmp_path, qtbot, monkeypatch):
    store.save(Settings(catalog=catalog_path))
    first = open_window(catalog_path, [str(photo_folder)])
    with qtbot.waitSignal(first.indexingFinished, timeout=60000):
        pass
    first.shutdown()
    # Another desk (or user): its own settings file, naming another catalog.
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "other-desk"))
    store.save(Settings(catalog=str(tmp_path / "mine.sqlite"), language="en"))
    second = open_window(catalog_path)
    assert second.sidebar.paths() == [str(photo_folder)]
    watched_and_arriving(qtbot, second, photo_folder, 4)
    dialog = SettingsDialog(second.settings(), second, location=second.location)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.folder_paths() == [str(photo_folder)], timeout=10000)
    second.shutdown()
    assert store.load().folders == []
