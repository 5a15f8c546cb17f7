"""PhotoListModel: lazy rows, thumbnails, searches off the GUI thread, live updates, scopes."""

import shutil

import pytest
from hypothesis import given, settings, strategies as st
from PySide6.QtCore import Qt

from photodesk.core.catalog import Catalog
from photodesk.core.index import index_paths
from photodesk.gui.models.photolist import PhotoIdRole, PhotoListModel, PhotoRole
from photodesk.gui.models.queries import Scope
from photodesk.gui.views.placeholders import is_placeholder


@pytest.fixture
def make_model(app, qtbot):
    made = []

    def make(catalog_path, query=""):
        with Catalog(catalog_path) as cat:
            thumbs = cat.thumbs_dir
        model = PhotoListModel(catalog_path, thumbs)
        made.append(model)
        with qtbot.waitSignal(model.resultsChanged, timeout=10000):
            model.set_query(query)
        return model
    yield make
    for model in made:
        model.shutdown()


def test_model_passes_qt_model_tester(qtmodeltester, make_model, indexed_catalog):
    model = make_model(indexed_catalog)
    assert model.rowCount() == 4
    qtmodeltester.check(model)


def test_rows_and_thumbnails_load_lazily(qtbot, make_model, indexed_catalog):
    model = make_model(indexed_catalog, "mourinho")
    index = model.index(0)
    assert index.data(PhotoRole) is None  # queued, not read on the GUI thread
    assert is_placeholder(index.data(Qt.ItemDataRole.DecorationRole), model.placeholder)
    qtbot.waitUntil(lambda: index.data(PhotoRole) is not None)
    assert index.data(Qt.ItemDataRole.DisplayRole) == "metapm.jpg"
    assert index.data(PhotoRole)["caption"] == "José Mourinho"
    decoration = Qt.ItemDataRole.DecorationRole
    with qtbot.waitSignal(model.dataChanged, timeout=10000,
                          check_params_cb=lambda first, last, roles: decoration in roles):
        index.data(decoration)
    assert not is_placeholder(index.data(Qt.ItemDataRole.DecorationRole), model.placeholder,
                              model.broken)


def test_newer_search_supersedes_older(qtbot, make_model, indexed_catalog):
    model = make_model(indexed_catalog)
    model.set_query("mourinho")
    with qtbot.waitSignal(model.resultsChanged, timeout=10000) as result:
        model.set_query("canon")
    assert result.args == [1]
    qtbot.waitUntil(lambda: model.index(0).data(PhotoRole) is not None)
    assert model.index(0).data(Qt.ItemDataRole.DisplayRole) == "Canon_40D.jpg"
    assert model.query == "canon"


def _half_indexed(catalog_path, photo_folder, tmp_path):
    """Two of the four photos indexed; the folder of the other two, to index later."""
    later = tmp_path / "later"
    later.mkdir()
    for name in ("DSCN0010.jpg", "portrait_1.jpg"):
        shutil.move(photo_folder / name, later / name)
    with Catalog(catalog_path) as cat:
        list(index_paths(cat, [str(photo_folder)], workers=0))
    return later


def test_refresh_inserts_and_removes_rows_without_a_reset(qtbot, qtmodeltester, make_model,
                                                          catalog_path, photo_folder, tmp_path):
    later = _half_indexed(catalog_path, photo_folder, tmp_path)
    model = make_model(catalog_path)
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    kept = model.index(0).data(PhotoIdRole)
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    with Catalog(catalog_path) as cat:
        list(index_paths(cat, [str(later)], workers=0))
    with qtbot.waitSignal(model.resultsChanged, timeout=10000):
        model.refresh()
    assert model.rowCount() == 4 and not resets
    assert kept in [model.index(r).data(PhotoIdRole) for r in range(4)]
    with qtbot.waitSignal(model.resultsChanged, timeout=10000):
        model.set_query("canon")
    assert model.rowCount() == 1


def test_invalidate_rereads_a_changed_row(qtbot, make_model, indexed_catalog):
    model = make_model(indexed_catalog, "mourinho")
    index = model.index(0)
    qtbot.waitUntil(lambda: index.data(PhotoRole) is not None)
    with Catalog(indexed_catalog) as cat, cat.transaction():
        cat.db["photos"].update(index.data(PhotoIdRole), {"rating": 4})
    with qtbot.waitSignal(model.dataChanged, timeout=10000):
        model.invalidate([index.data(PhotoIdRole)])
    assert index.data(PhotoRole)["rating"] == 4


def test_a_scope_shows_a_folder_and_search_narrows_it(qtbot, qtmodeltester, make_model,
                                                      catalog_path, photo_folder, tmp_path):
    later = photo_folder / "later"
    later.mkdir()
    shutil.move(photo_folder / "metapm.jpg", later / "metapm.jpg")
    with Catalog(catalog_path) as cat:
        list(index_paths(cat, [str(photo_folder)], workers=0))
    model = make_model(catalog_path)
    with qtbot.waitSignal(model.resultsChanged, timeout=10000) as result:
        model.set_scope(Scope("folder", str(later)))
    assert result.args == [1]
    qtmodeltester.check(model)
    with qtbot.waitSignal(model.resultsChanged, timeout=10000) as result:
        model.set_scope(Scope("folder", str(photo_folder)), "canon")
    assert result.args == [1]
    with qtbot.waitSignal(model.resultsChanged, timeout=10000) as result:
        model.set_scope(Scope("folder", str(photo_folder)))
    assert result.args == [4]  # a folder holds its subfolders' photos too


def test_patch_shows_an_edit_before_the_catalog_answers(qtbot, make_model, indexed_catalog):
    model = make_model(indexed_catalog, "mourinho")
    index = model.index(0)
    qtbot.waitUntil(lambda: index.data(PhotoRole) is not None)
    with qtbot.waitSignal(model.dataChanged):
        model.patch([index.data(PhotoIdRole)], {"rating": 5})
    assert index.data(PhotoRole)["rating"] == 5
    assert model.ids_in([(0, 0)]) == [index.data(PhotoIdRole)]


def test_a_read_in_flight_does_not_undo_a_patch(qtbot, make_model, indexed_catalog):
    model = make_model(indexed_catalog, "mourinho")
    index = model.index(0)
    qtbot.waitUntil(lambda: index.data(PhotoRole) is not None)
    pid = index.data(PhotoIdRole)
    model.invalidate([pid])  # a read that started before the edit reached the catalog
    model.patch([pid], {"pick": 1})
    with qtbot.waitSignal(model.dataChanged, timeout=10000):
        pass
    qtbot.wait(50)
    assert index.data(PhotoRole)["pick"] == 1  # the edit stays shown
    with qtbot.waitSignal(model.dataChanged, timeout=10000):
        model.settle()  # the catalog never got it: the truth comes back
    assert index.data(PhotoRole)["pick"] == 0


def _listed(model) -> list[int]:
    return [model.index(r).data(PhotoIdRole) for r in range(model.rowCount())]


def _searched(catalog_path, query="", sort="taken") -> list[int]:
    from photodesk.core import search
    with Catalog(catalog_path) as cat:
        return search.search(cat, query, sort=sort, limit=10_000)


@pytest.mark.parametrize("big", (20_000, 1))  # 1: the ways of a million-row list
def test_a_long_search_lists_its_first_rows_at_once_then_the_rest(
        qtbot, qtmodeltester, make_model, indexed_catalog, monkeypatch, big):
    from photodesk.gui.models import photolist, queries
    monkeypatch.setattr(photolist, "FIRST_ROWS", 1)
    monkeypatch.setattr(photolist, "BIG", big)
    monkeypatch.setattr(queries, "REST_CHUNK", 2)
    counts = []
    model = PhotoListModel(indexed_catalog, Catalog(indexed_catalog).thumbs_dir)
    model.resultsChanged.connect(counts.append)
    qtmodeltester.check(model)
    model.set_query("")
    qtbot.waitUntil(lambda: not model.is_loading() and model.rowCount() == 4)
    assert counts[0] == 1 and counts[-1] == 4  # the first screen did not wait for the rest
    assert _listed(model) == _searched(indexed_catalog)
    assert all(model.index_of(pid).row() == row for row, pid in enumerate(_listed(model)))
    model.shutdown()


# big 1: the ways of a million-row list. Its row map comes with the rest of the ids (first 1)
# and notes each move; edits 1: it is made again on a worker after every move; first 600: the
# list came whole, without a map, and one is made after the first move.
@pytest.mark.parametrize("big, edits, first", ((20_000, 64, 1), (1, 64, 1), (1, 1, 1),
                                                (1, 64, 600)))
def test_photos_that_change_are_placed_without_searching_again(
        qtbot, qtmodeltester, make_model, catalog_path, photo_folder, tmp_path, monkeypatch,
        big, edits, first):
    from photodesk.gui.models import photolist
    monkeypatch.setattr(photolist, "BIG", big)
    monkeypatch.setattr(photolist, "EDITS", edits)
    monkeypatch.setattr(photolist, "FIRST_ROWS", first)
    later = _half_indexed(catalog_path, photo_folder, tmp_path)
    model = make_model(catalog_path)
    qtmodeltester.check(model)
    resets, searches = [], []
    model.modelReset.connect(lambda: resets.append(1))
    monkeypatch.setattr(model, "_start_search", searches.append)
    with Catalog(catalog_path) as cat:
        arrived = [e.photo_id for e in index_paths(cat, [str(later)], workers=0)
                   if getattr(e, "photo_id", None)]
    model.update(arrived)  # as the watcher says: these photos came
    qtbot.waitUntil(lambda: model.rowCount() == 4)
    assert _listed(model) == _searched(catalog_path)

    first = _listed(model)[0]  # edited to an old date: it moves down, below the dated ones
    with Catalog(catalog_path) as cat:
        with cat.transaction():
            cat.update("photos", first, {"taken_at": "1990-01-01T00:00:00"})
        from photodesk.core import search
        search.refresh(cat, [first])
    model.update([first])
    qtbot.waitUntil(lambda: _listed(model)[0] != first)
    assert _listed(model) == _searched(catalog_path)
    assert not resets and not searches
    qtbot.waitUntil(lambda: model._remapping is None)
    assert model._pos is not None or big > 1  # a long list's map is kept, not dropped
    assert all(model.index_of(pid).row() == row for row, pid in enumerate(_listed(model)))


def test_a_photo_that_no_longer_matches_leaves_the_list(qtbot, make_model, indexed_catalog):
    model = make_model(indexed_catalog, "mourinho")
    assert model.rowCount() == 1
    pid = model.index(0).data(PhotoIdRole)
    with Catalog(indexed_catalog) as cat:
        with cat.transaction():
            cat.update("photos", pid, {"caption": "Một chú thích khác"})
        from photodesk.core import search
        search.refresh(cat, [pid])
    model.update([pid])
    qtbot.waitUntil(lambda: model.rowCount() == 0)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(("insert", "remove", "rebase")),
                          st.integers(0, 40), st.integers(1, 3)), max_size=30))
def test_the_row_map_follows_inserts_and_removals_without_being_made_again(steps):
    """RowMap against the list itself: every id's row, and None for those taken out, after
    any run of inserts, removals and maps made again part way (as the worker's arrive)."""
    from photodesk.gui.models.photolist import RowMap
    from photodesk.gui.models.queries import positions
    ids, fresh = list(range(20)), iter(range(1000, 2000))
    rows, gone = RowMap(positions(None, ids)), set()
    snapshot = (list(ids), 0)
    for kind, at, n in steps:
        if kind == "insert":
            at = min(at, len(ids))
            new = [next(fresh) for _ in range(n)]
            ids[at:at] = new
            rows.inserted(at, new)
            gone -= set(new)
        elif kind == "remove" and ids:
            at = min(at, len(ids) - 1)
            taken = ids[at:at + n]
            gone |= set(taken)
            del ids[at:at + n]
            rows.removed(at, len(taken))
        elif kind == "rebase":  # a map of the list as it was, arriving now
            rows.rebase(positions(None, snapshot[0]), snapshot[1])
            snapshot = (list(ids), rows.edits())
    assert all(rows.row(pid) == row for row, pid in enumerate(ids))
    assert all(rows.row(pid) is None for pid in gone)
