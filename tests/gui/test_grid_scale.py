"""What keeps a 100,000-photo grid fast, checked on a few thousand: every id at once, catalog
rows in pages as the view asks for them, thumbnails read off the GUI thread.
(The clock is benchmarks/grid_scroll.py's job, not a test's.)"""

import importlib.util
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from photodesk.core.catalog import photos as catalog
from photodesk.gui.workers import tasks
from photodesk.gui.models.photolist import PAGE, PhotoIdRole, PhotoRole
from photodesk.gui.views.placeholders import is_placeholder

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "grid_scroll.py"
PHOTOS = 3000


@pytest.fixture(scope="module")
def big_catalog(tmp_path_factory) -> str:
    spec = importlib.util.spec_from_file_location("grid_scroll", BENCH)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    path = tmp_path_factory.mktemp("big") / "big.sqlite"
    bench.build_catalog(path, PHOTOS)
    return str(path)


def on_thread(record: list, fn):
    def wrapped(*args, **kwargs):
        record.append(threading.current_thread() is threading.main_thread())
        return fn(*args, **kwargs)
    return wrapped


def test_rows_arrive_in_pages_as_the_view_scrolls(qtbot, open_window, big_catalog, monkeypatch):
    reads: list[bool] = []
    monkeypatch.setattr(catalog, "photos", on_thread(reads, catalog.photos))
    window = open_window(big_catalog)
    model, grid = window.model, window.grid
    qtbot.waitUntil(lambda: model.rowCount() == PHOTOS, timeout=10000)
    qtbot.waitUntil(lambda: model.index(0).data(PhotoRole) is not None)
    first_screen = model.rows_in_memory()
    assert 0 < first_screen <= 2 * PAGE  # a screenful, not three thousand rows
    grid.scrollToBottom()
    last = model.index(PHOTOS - 1)
    qtbot.waitUntil(lambda: last.data(PhotoRole) is not None, timeout=10000)
    assert model.rows_in_memory() <= 6 * PAGE  # the top and the bottom, not the middle
    assert reads and not any(reads)  # every read ran on a worker thread


def test_thumbnails_are_read_off_the_gui_thread(qtbot, open_window, big_catalog, monkeypatch):
    reads: list[bool] = []

    class Reader(tasks.QImageReader):
        def read(self):
            reads.append(threading.current_thread() is threading.main_thread())
            return super().read()

    monkeypatch.setattr(tasks, "QImageReader", Reader)
    window = open_window(big_catalog)
    model = window.model
    qtbot.waitUntil(lambda: model.index(0).data(PhotoRole) is not None, timeout=10000)
    decoration = model.index(0).data(Qt.ItemDataRole.DecorationRole)
    qtbot.waitUntil(lambda: not is_placeholder(
        model.index(0).data(Qt.ItemDataRole.DecorationRole), model.placeholder), timeout=10000)
    assert decoration is not None
    assert reads and not any(reads)


def test_pages_the_view_has_moved_past_are_not_read(qtbot, open_window, big_catalog,
                                                    monkeypatch):
    from photodesk.gui.models import photolist
    window = open_window(big_catalog)
    model = window.model
    qtbot.waitUntil(lambda: model.rowCount() == PHOTOS and not model.is_loading(),
                    timeout=10000)
    qtbot.waitUntil(lambda: not model._rows_pending)
    reads: list[bool] = []
    monkeypatch.setattr(catalog, "photos", on_thread(reads, catalog.photos))
    pages = range(10 * PAGE, PHOTOS, PAGE)  # a fast scroll: a page a frame, 40 of them
    for row in pages:
        model.index(row).data(PhotoRole)
    last = model.index(pages[-1])
    qtbot.waitUntil(lambda: last.data(PhotoRole) is not None and not model._rows_pending,
                    timeout=10000)
    # The pages asked for last are read, and those the pool threads started while the others
    # were being asked for; not the forty.
    assert photolist.PAGES_WANTED <= len(reads) < len(pages) // 2
    skipped = [row for row in pages if model.cached(model.index(row).data(PhotoIdRole)) is None]
    assert len(skipped) > len(pages) // 2
    model.index(skipped[0]).data(PhotoRole)  # the view comes back: read now
    qtbot.waitUntil(lambda: model.index(skipped[0]).data(PhotoRole) is not None)
