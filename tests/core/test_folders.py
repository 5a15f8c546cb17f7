"""Removing a folder from the catalog: its photos and articles go, the files and the rest stay."""

import shutil
import time

import pytest

from photodesk.core import search
from photodesk.core import settings as store
from photodesk.core.catalog import Catalog
from photodesk.core.catalog import articles as article_store
from photodesk.core.catalog import photos as catalog
from photodesk.core.folders import (FolderError, Located, add_folder, remove_folder,
                                    set_observer)
from photodesk.core.index import index_paths
from tests.conftest import ROOT, make_jpeg
from photodesk.core.catalog import folders as catalog_folders


@pytest.fixture
def two_folders(tmp_path):
    """The sample story's photos in one folder; its article, and photos of another day, in a
    second folder."""
    photos, desk = tmp_path / "photos", tmp_path / "desk"
    shutil.copytree(ROOT / "resources" / "sample", photos)
    desk.mkdir()
    shutil.move(photos / "hoi-cho-nong-san-hoa-son-2025.txt", desk)
    make_jpeg(desk / "other.jpg")
    cat = Catalog(tmp_path / "catalog.sqlite")
    store.save(store.Settings(catalog=str(cat.path)))
    list(index_paths(cat, [str(photos), str(desk)], workers=0))
    yield cat, photos, desk
    cat.close()


def test_removing_a_folder_forgets_its_photos_and_touches_no_file(two_folders):
    cat, photos, desk = two_folders
    before = {p.name: p.read_bytes() for p in photos.iterdir()}
    assert search.run(cat, "quang canh khai mac").total >= 1
    removed = remove_folder(cat, str(photos) + "/")
    assert (removed.photos, removed.articles) == (7, 0)
    assert {p.name: p.read_bytes() for p in photos.iterdir()} == before  # files untouched
    assert search.run(cat, "quang canh khai mac").total == 0
    assert [r["path"] for r in catalog_folders.folders(cat)] == [str(desk)]
    assert catalog.stats(cat)["photos"] == 1  # other.jpg
    # The article in the other folder stays, its images now unmatched; the people stay.
    article = article_store.articles(cat)[0]
    refs = article_store.references_of_article(cat, article["id"])
    assert refs and all(r["photo_id"] is None for r in refs)
    assert {p["name"] for p in article_store.people(cat)} >= {"Hoàng Minh Đức"}
    assert store.load() == store.Settings(catalog=str(cat.path))  # the settings: untouched
    assert cat.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert list(cat.db.execute("PRAGMA foreign_key_check")) == []


def test_removing_the_article_folder_frees_the_photos_it_named(two_folders):
    cat, photos, desk = two_folders
    linked = catalog.known_files(cat, str(photos))
    removed = remove_folder(cat, str(desk))
    assert (removed.photos, removed.articles) == (1, 1)
    assert article_store.articles(cat) == []
    assert catalog.stats(cat)["photos"] == 7
    for pid, *_ in linked.values():
        assert article_store.photo_article_ids(cat, pid) == []
    assert search.run(cat, "article:hoi").total == 0
    assert list(cat.db.execute("PRAGMA foreign_key_check")) == []
    # Indexed again, it comes back whole, as a new folder would.
    list(index_paths(cat, [str(desk)], workers=0))
    assert len(article_store.articles(cat)) == 1


def test_a_folder_not_in_the_catalog_is_refused(two_folders, tmp_path):
    cat, _, _ = two_folders
    with pytest.raises(FolderError, match="not a folder of this catalog"):
        remove_folder(cat, str(tmp_path / "elsewhere"))


def orphans(cat) -> int:
    return cat.db.execute("SELECT count(*) FROM photos WHERE folder_id IS NULL").fetchone()[0]


def test_an_index_run_going_on_does_not_bring_a_removed_folder_back(tmp_path):
    big = tmp_path / "big"
    big.mkdir()
    for n in range(12):
        make_jpeg(big / f"p{n:02}.jpg", size=(200, 150), color=(n * 20, 40, 90))
    cat = Catalog(tmp_path / "c.sqlite")
    run = index_paths(cat, [str(big)], workers=0, batch_size=4)
    first = [next(run) for _ in range(4)]  # the first batch is written
    assert catalog.stats(cat)["photos"] == 4 and first
    with Catalog(tmp_path / "c.sqlite") as other:  # the editor removes it meanwhile
        assert remove_folder(other, str(big)).photos == 4
    rest = list(run)
    assert catalog.stats(cat)["photos"] == 0 and orphans(cat) == 0
    assert sum("folder was removed" in getattr(e, "reason", "") for e in rest) == 8
    cat.close()


def test_a_live_watch_stops_taking_a_removed_folder(tmp_path):
    from tests.core.test_watch import Live
    folder = tmp_path / "live"
    folder.mkdir()
    make_jpeg(folder / "first.jpg")
    path = tmp_path / "c.sqlite"
    with Live(path, [folder]) as live:
        live.wait_for(lambda: live.indexed(folder / "first.jpg"), "the first photo")
        with Catalog(path) as cat:
            remove_folder(cat, str(folder))
        time.sleep(0.5)  # the watcher's folder check (every 0.2 s here) notices
        make_jpeg(folder / "after.jpg", color=(1, 2, 3))
        time.sleep(1.5)  # well past the settle time: it would have been read by now
    with Catalog(path) as cat:
        assert catalog.stats(cat)["photos"] == 0 and orphans(cat) == 0
    assert not live.indexed(folder / "after.jpg")


def test_a_subfolder_of_a_catalog_folder_is_refused(two_folders):
    cat, photos, _ = two_folders
    sub = photos / "sub"
    sub.mkdir()
    with cat.transaction():
        catalog_folders.add_folder(cat, str(sub))
    with pytest.raises(FolderError, match="is inside the catalog folder"):
        remove_folder(cat, str(sub))


def test_a_folder_added_is_watched_with_the_observer_chosen(tmp_path):
    folder = tmp_path / "nas"
    folder.mkdir()
    with Catalog(tmp_path / "c.sqlite") as cat:
        assert add_folder(cat, str(folder) + "/", "polling") == str(folder)
        assert catalog_folders.folder_by_path(cat, str(folder))["observer"] == "polling"
        set_observer(cat, str(folder), "auto")  # back to choosing by file system
        assert catalog_folders.folder_by_path(cat, str(folder))["observer"] is None
        with pytest.raises(FolderError, match="one of auto, native, polling"):
            set_observer(cat, str(folder), "telepathy")
        with pytest.raises(FolderError, match="not a folder of this catalog"):
            set_observer(cat, str(tmp_path / "elsewhere"), "native")


def test_a_folder_this_machine_does_not_find_is_located_keeping_its_photos(tmp_path):
    from photodesk.core.folders import locate_folder
    old = tmp_path / "old" / "photos"
    make_jpeg(old / "a.jpg")
    make_jpeg(old / "2025" / "b.jpg", color=(1, 2, 3))
    with Catalog(tmp_path / "c.sqlite") as cat:
        list(index_paths(cat, [str(old)], workers=0))
        before = catalog.known_files(cat, str(old))
        new = tmp_path / "new" / "ảnh"
        new.parent.mkdir()
        shutil.move(old, new)
        with pytest.raises(FolderError, match="not a folder of this catalog"):
            locate_folder(cat, str(tmp_path / "never"), str(new))
        with pytest.raises(FolderError, match="no such folder"):
            locate_folder(cat, str(old), str(tmp_path / "nowhere"))
        wrong = tmp_path / "wrong"
        wrong.mkdir()
        assert locate_folder(cat, str(old), str(wrong)) == Located(str(wrong), str(wrong), 2, 0,
                                                                   moved=False)
        assert [f["path"] for f in catalog_folders.folders(cat)] == [str(old)]  # unchanged
        assert locate_folder(cat, str(old), str(new) + "/") == Located(str(new), str(new), 2, 2,
                                                                       moved=True)
        assert [f["path"] for f in catalog_folders.folders(cat)] == [str(new)]
        after = catalog.known_files(cat, str(new))
        assert sorted(pid for pid, *_ in after.values()) == sorted(
            pid for pid, *_ in before.values())
        assert str(new / "2025" / "b.jpg") in after


def test_a_folder_inside_its_root_is_located_by_the_same_inner_path(tmp_path):
    from photodesk.core.folders import locate_folder
    share = tmp_path / "share"
    make_jpeg(share / "loose.jpg")
    make_jpeg(share / "2024" / "a.jpg", color=(1, 2, 3))
    busy = tmp_path / "busy"
    make_jpeg(busy / "c.jpg", color=(4, 5, 6))
    with Catalog(tmp_path / "c.sqlite") as cat:
        # A file indexed on its own makes its folder a root; a folder added inside it later
        # is kept as a path inside that root.
        list(index_paths(cat, [str(share / "loose.jpg"), str(busy)], workers=0))
        list(index_paths(cat, [str(share / "2024")], workers=0))
        shutil.move(share, tmp_path / "moved")
        with pytest.raises(FolderError, match="must end in /2024"):
            locate_folder(cat, str(share / "2024"), str(tmp_path / "moved"))
        (busy / "2024").mkdir()
        with pytest.raises(FolderError, match="already in the catalog"):
            locate_folder(cat, str(share / "2024"), str(busy / "2024"))
        located = locate_folder(cat, str(share / "2024"), str(tmp_path / "moved" / "2024"))
        assert (located.root, located.found, located.moved) == (str(tmp_path / "moved"), 2, True)
        assert str(tmp_path / "moved" / "2024") in [f["path"] for f in catalog_folders.folders(cat)]
