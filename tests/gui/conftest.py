"""GUI test fixtures: an offscreen Qt, a catalog of real corpus photos, an open main window."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything creates the QApplication

import shutil  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

SAMPLES = {  # corpus path -> name in the test folder
    "exif-samples/jpg/Canon_40D.jpg": "Canon_40D.jpg",
    "exif-samples/jpg/orientation/portrait_1.jpg": "portrait_1.jpg",
    "exif-samples/jpg/gps/DSCN0010.jpg": "DSCN0010.jpg",
    "php-image-metadata-parser/tests/Fixtures/metapm.jpg": "metapm.jpg",
}


@pytest.fixture
def photo_folder(tmp_path, corpus) -> Path:
    """Four real JPEGs; metapm.jpg's caption is "José Mourinho"."""
    folder = tmp_path / "photos"
    folder.mkdir()
    for rel, name in SAMPLES.items():
        if not (corpus / rel).exists():
            pytest.skip(f"corpus file missing: {rel}")
        shutil.copyfile(corpus / rel, folder / name)
    return folder


@pytest.fixture(autouse=True)
def own_settings(tmp_path, monkeypatch):
    """Each test has its own settings file: the user's own is never read or written."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


@pytest.fixture
def catalog_path(tmp_path) -> str:
    return str(tmp_path / "catalog.sqlite")


@pytest.fixture
def indexed_catalog(catalog_path, photo_folder) -> str:
    from photodesk.core.catalog import Catalog
    from photodesk.core.index import index_paths
    with Catalog(catalog_path) as cat:
        list(index_paths(cat, [str(photo_folder)], workers=0))
    return catalog_path


@pytest.fixture
def app(qapp):
    from photodesk.gui.app import application
    return application()


@pytest.fixture
def open_window(app, qtbot):
    """open_window(catalog, paths=()) -> a shown MainWindow that is shut down after the test."""
    from photodesk.gui.app import create_window

    def make(catalog, paths=()):
        window = create_window(catalog, list(paths), workers=0)
        qtbot.addWidget(window)
        window.show()
        return window
    return make


def watched_and_arriving(qtbot, window, folder, shown: int) -> None:
    """Start the window's live watch; it shows `shown` photos, then one copied into folder."""
    from tests.conftest import make_jpeg
    window.live._settle = 0.3
    with qtbot.waitSignal(window.live.ready, timeout=15000):
        window.watch_folders()
    qtbot.waitUntil(lambda: window.model.rowCount() == shown, timeout=10000)
    make_jpeg(folder / "arrived.jpg", color=(10, 200, 30))
    qtbot.waitUntil(lambda: window.model.rowCount() == shown + 1, timeout=15000)
