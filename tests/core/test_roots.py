"""Photos live under roots: the same catalog on a machine that mounts the folder elsewhere."""

import shutil
import sqlite3
from pathlib import Path

from photodesk.core import search
from photodesk.core.catalog import Catalog
from photodesk.core.catalog import articles as store
from photodesk.core.catalog import photos as catalog
from photodesk.core.catalog import roots
from photodesk.core.edit import edit_photos
from photodesk.core.index import Indexed, index_paths
from tests.conftest import ROOT, copy_corpus, make_jpeg
from photodesk.core.catalog import folders as catalog_folders

OLD = ROOT / "tests" / "data" / "old-catalog" / "catalog-m008.sqlite"
CAMERA = ("exif-samples/jpg/Canon_40D.jpg", "exif-samples/jpg/Nikon_D70.jpg")


def _facts(cat: Catalog) -> dict:
    """What a user sees of every photo: name, people, keywords, event, caption, articles."""
    ids = search.search(cat, "", limit=1000)
    return {p["id"]: (p["name"], p["people"], p["keywords"], p["event"], p["caption"],
                      [a["title"] for a in p["articles"]])
            for p in catalog.photos(cat, ids)}


def test_a_catalog_opened_where_the_folder_is_mounted_elsewhere_finds_the_same_photos(
        tmp_path, monkeypatch):
    share = tmp_path / "desk-a" / "mnt" / "Photos"
    shutil.copytree(ROOT / "resources" / "sample", share / "2024" / "lao-cai")
    for rel in CAMERA:
        copy_corpus(rel, share / "2024" / "camera" / Path(rel).name)
    monkeypatch.setenv("PHOTODESK_MACHINE", "desk-a")
    with Catalog(tmp_path / "desk-a" / "catalog.sqlite") as cat:
        list(index_paths(cat, [share], workers=1))
        ids = search.search(cat, "", limit=1000)
        edit_photos(cat, ids[:2], people=["Võ Thị Ánh Xuân"], keywords=["thi đua"])
        before = _facts(cat)
        found_a = search.search(cat, 'person:"vo thi anh xuan"')
        assert len(before) == 9 and len(found_a) == 2

    # The catalog goes to another desk, which mounts the same share at another path.
    elsewhere = tmp_path / "desk-b" / "Volumes" / "newsroom-photos"
    elsewhere.parent.mkdir(parents=True)
    shutil.move(share, elsewhere)
    shutil.copy(tmp_path / "desk-a" / "catalog.sqlite", tmp_path / "desk-b" / "catalog.sqlite")
    monkeypatch.setenv("PHOTODESK_MACHINE", "desk-b")
    with Catalog(tmp_path / "desk-b" / "catalog.sqlite") as cat:
        [root] = cat.roots.all()
        assert not root.online  # not mounted where desk A had it
        done = roots.mount(cat, root.uid, str(elsewhere))
        assert (done.looked, done.found) == (9, 9)
        assert _facts(cat) == before
        assert search.search(cat, 'person:"vo thi anh xuan"') == found_a
        paths = [p["path"] for p in catalog.photos(cat, list(before))]
        assert all(p.startswith(str(elsewhere) + "/") and Path(p).is_file() for p in paths)
        # Nothing to index again: every file is known where it is now, under its own id.
        events = list(index_paths(cat, [elsewhere], workers=1))
        assert not [e for e in events if isinstance(e, Indexed)]
        assert _facts(cat) == before
        assert {p["status"] for p in catalog.photos(cat, list(before))} == {"present"}
        camera = {pid for pid, facts in before.items() if facts[0].endswith(("D70.jpg", "40D.jpg"))}
        assert set(search.search(cat, f'folder:"{elsewhere}/2024/camera"')) == camera
        assert set(search.search(cat, "", scope=search.Scope("folder", f"{elsewhere}/2024/camera"))) == camera
        assert set(search.search(cat, "", scope=search.Scope("folder", str(elsewhere)))) == set(before)

    # Desk A's own mapping is untouched by desk B's.
    monkeypatch.setenv("PHOTODESK_MACHINE", "desk-a")
    with Catalog(tmp_path / "desk-b" / "catalog.sqlite") as cat:
        assert cat.roots.all()[0].path == str(share)


def test_a_catalog_from_before_roots_upgrades_with_nothing_lost(tmp_path, monkeypatch):
    # Made by PhotoDesk at schema m008 (tests/data/old-catalog/make.py): seven photos under
    # /srv/old-desk/Photos, an article linking them, an editor's caption, people, event,
    # keywords, rating and pick on the first, and a saved search.
    path = tmp_path / "catalog.sqlite"
    shutil.copy(OLD, path)
    old = sqlite3.connect(path)
    rows = old.execute("SELECT id, path, caption, rating, pick FROM photos ORDER BY id").fetchall()
    links = old.execute("SELECT * FROM photo_people ORDER BY 1, 2").fetchall()
    article_links = old.execute("SELECT article_id, position, photo_id, match FROM article_images "
                                "ORDER BY 1, 2").fetchall()
    old.close()

    with Catalog(path) as cat:
        assert "m009_roots" in cat.schema_version()
        [root] = cat.roots.all()
        assert root.path == "/srv/old-desk/Photos"
        by_id = {p["id"]: p for p in catalog.photos(cat, [r[0] for r in rows])}
        assert [(i, by_id[i]["path"], by_id[i]["caption"], by_id[i]["rating"], by_id[i]["pick"])
                for i, *_ in rows] == rows
        assert cat.db.execute("SELECT * FROM photo_people ORDER BY 1, 2").fetchall() == links
        assert cat.db.execute("SELECT article_id, position, photo_id, match FROM article_images "
                              "ORDER BY 1, 2").fetchall() == article_links
        first = by_id[1]
        assert first["people"] == ["Võ Thị Ánh Xuân"] and first["event"] == "Hội nghị thi đua 2024"
        assert search.run_saved(cat, "Ánh Xuân").ids == [1]
        article = store.articles(cat)[0]
        assert article["path"] == "/srv/old-desk/Photos/2024/lao-cai/hoi-cho-nong-san-hoa-son-2025.txt"
        assert [f["path"] for f in catalog_folders.folders(cat)] == ["/srv/old-desk/Photos"]

        # The photos now sit elsewhere on this machine: one mapping, and they are all there.
        here = tmp_path / "Photos"
        shutil.copytree(ROOT / "resources" / "sample", here / "2024" / "lao-cai")
        assert roots.mount(cat, root.id, str(here)).found == 7
        # Their copies here have other times, so they are read again, as the same photos.
        events = list(index_paths(cat, [here], workers=1))
        assert {e.change for e in events if isinstance(e, Indexed)} == {"updated"}
        assert search.search(cat, "person:xuan") == [1]
        assert catalog.photo(cat, 1)["caption"] == rows[0][2]
        assert store.articles(cat)[0]["linked"] == 7


def test_a_folder_around_a_root_takes_it_in_keeping_ids(tmp_path):
    cat = Catalog(tmp_path / "catalog.sqlite")
    inner = tmp_path / "news" / "2024"
    a = make_jpeg(inner / "a.jpg")
    loose = make_jpeg(tmp_path / "news" / "elsewhere" / "b.jpg", color=(1, 2, 3))
    list(index_paths(cat, [inner], workers=1))
    list(index_paths(cat, [loose], workers=1))  # a file on its own: its folder is a root
    assert len(cat.roots.all()) == 2
    ids = {p["path"]: p["id"] for p in catalog.photos(cat, search.search(cat, ""))}
    list(index_paths(cat, [tmp_path / "news"], workers=1))
    [root] = cat.roots.all()
    assert root.path == str(tmp_path / "news")
    assert {p["path"]: p["id"] for p in catalog.photos(cat, search.search(cat, ""))} == ids
    assert cat.db.execute("SELECT relpath FROM photos ORDER BY id").fetchall() == [
        ("2024/a.jpg",), ("elsewhere/b.jpg",)]
    assert catalog_path_of(cat, a) is not None


def test_a_folder_scope_holds_that_folder_exactly(tmp_path):
    cat = Catalog(tmp_path / "catalog.sqlite")
    inside = make_jpeg(tmp_path / "news" / "2024" / "a.jpg")
    make_jpeg(tmp_path / "news" / "2024-old" / "b.jpg", color=(9, 9, 9))
    make_jpeg(tmp_path / "news" / "2024" / "deeper" / "c.jpg", color=(90, 9, 9))
    list(index_paths(cat, [tmp_path / "news"], workers=1))
    scoped = search.search(cat, "", scope=search.Scope("folder", str(tmp_path / "news" / "2024")))
    assert sorted(catalog.photo(cat, i)["name"] for i in scoped) == ["a.jpg", "c.jpg"]
    assert search.search(cat, "", scope=search.Scope("folder", str(tmp_path / "elsewhere"))) == []
    assert catalog_path_of(cat, inside) in scoped


def catalog_path_of(cat, path):
    return catalog.photo_by_path_id(cat, str(path))
