"""A removed thumbnail cache comes back as the desk shows the photos: nothing is lost but time."""

import shutil

import pytest
from PySide6.QtCore import Qt

from photodesk.core import thumbcache
from photodesk.core.catalog import Catalog
from photodesk.core.catalog import photos as catalog
from photodesk.core.index import index_paths
from photodesk.core.thumbs import SIZES, has_thumbnails, thumb_path
from photodesk.gui.models.photolist import PhotoListModel, PhotoRole
from photodesk.gui.views.placeholders import is_placeholder
from photodesk.gui.workers.tasks import ImageLoad, Relay
from tests.conftest import ROOT

DECORATION = Qt.ItemDataRole.DecorationRole


@pytest.fixture
def sample_catalog(tmp_path, catalog_path) -> str:
    """The bundled sample photos, copied and indexed; then their whole cache removed."""
    folder = tmp_path / "sample"
    shutil.copytree(ROOT / "resources" / "sample", folder)
    with Catalog(catalog_path) as cat:
        list(index_paths(cat, [str(folder)], workers=0))
        removed = thumbcache.clear(cat.thumbs_dir)
        assert removed.files == 14 and not cat.thumbs_dir.exists()
    return catalog_path


def test_the_grid_shows_real_thumbnails_again_after_the_cache_was_removed(
        qtbot, app, sample_catalog):
    with Catalog(sample_catalog) as cat:
        thumbs_dir, rows = cat.thumbs_dir, catalog.present_photo_files(cat)
    model = PhotoListModel(sample_catalog, thumbs_dir)
    try:
        with qtbot.waitSignal(model.resultsChanged, timeout=10000):
            model.set_query("")
        indexes = [model.index(r) for r in range(model.rowCount())]
        assert len(indexes) == 7
        qtbot.waitUntil(lambda: all(i.data(PhotoRole) is not None for i in indexes), timeout=10000)
        for index in indexes:
            index.data(DECORATION)  # asks for the thumbnail: remade on a worker
        qtbot.waitUntil(lambda: not any(is_placeholder(i.data(DECORATION), model.placeholder)
                                        for i in indexes), timeout=20000)

        for index in indexes:
            pixmap = index.data(DECORATION)
            assert not is_placeholder(pixmap, model.placeholder, model.broken)
            assert max(pixmap.width(), pixmap.height()) == 176  # the photo, fitted to the cell
        assert all(has_thumbnails(thumbs_dir, r["hash"]) for r in rows)
    finally:
        model.shutdown()


def test_a_thumbnail_whose_photo_is_gone_shows_as_missing(qtbot, app, sample_catalog, tmp_path):
    with Catalog(sample_catalog) as cat:
        thumbs_dir, row = cat.thumbs_dir, catalog.present_photo_files(cat)[0]
    (tmp_path / "sample" / row["path"].rsplit("/", 1)[1]).unlink()
    model = PhotoListModel(sample_catalog, thumbs_dir)
    try:
        with qtbot.waitSignal(model.resultsChanged, timeout=10000):
            model.set_query(f'file:"{row["path"].rsplit("/", 1)[1]}"')
        index = model.index(0)
        qtbot.waitUntil(lambda: index.data(PhotoRole) is not None, timeout=10000)
        index.data(DECORATION)
        qtbot.waitUntil(lambda: not is_placeholder(index.data(DECORATION), model.placeholder),
                        timeout=10000)
        assert is_placeholder(index.data(DECORATION), model.broken)
        assert not any(thumb_path(thumbs_dir, row["hash"], s).exists() for s in SIZES)
    finally:
        model.shutdown()


def test_an_image_load_without_a_source_does_not_remake(qtbot, app, sample_catalog):
    with Catalog(sample_catalog) as cat:
        thumbs_dir, row = cat.thumbs_dir, catalog.present_photo_files(cat)[0]
    relay, path = Relay(), str(thumb_path(thumbs_dir, row["hash"], 1024))
    with qtbot.waitSignal(relay.image, timeout=10000) as loaded:
        ImageLoad(relay, "key", path).run()
    assert loaded.args[0] == "key" and loaded.args[1].isNull()
    with qtbot.waitSignal(relay.image, timeout=10000) as loaded:
        ImageLoad(relay, "key", path, source=row["path"]).run()
    assert max(loaded.args[1].width(), loaded.args[1].height()) == 1024
