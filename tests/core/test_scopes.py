"""A sidebar scope is a condition of the search: within a scope, a query finds the same photos,
in the same order and the same pages, as the search that spells the scope out, on a catalog
of real JPEGs; an article keeps the order it prints its photos in."""

import os
import shutil

import pytest
from PIL import Image

from photodesk.core import search
from photodesk.core.search import orders
from photodesk.core.catalog import Catalog
from photodesk.core.catalog import articles as store
from photodesk.core.catalog import photos as catalog
from photodesk.core.edit import edit_photos
from photodesk.core.index import index_paths
from photodesk.core.search import Scope
from tests.conftest import ROOT, make_jpeg

LAN, BINH = "Nguyễn Thị Lan", "Trần Văn Bình"
FAIR = "Hội chợ xuân Hòa Sơn"
# name, folder, EXIF date taken (None: undated), rating, people, event
PHOTOS = (
    ("An.jpg", "2024/03", "2024:03:15 09:00:00", 3, [LAN], FAIR),
    ("Ánh.jpg", "2024/03", "2024:03:15 09:00:00", None, [LAN, BINH], FAIR),  # An's second
    ("Bình.jpg", "2024/04", "2024:04:01 08:00:00", 5, [LAN], FAIR),
    ("Dũng.jpg", "2025/01", None, 1, [LAN], FAIR),
    ("Đào.jpg", "2025/01", "2023:12:31 23:59:59", 3, [LAN, BINH], FAIR),
    ("Em.jpg", "khác", "2024:03:15 09:00:00", 4, [LAN], FAIR),
    ("IMG_0001.jpg", "2024/04", "2024:04:02 10:00:00", 2, [BINH], None),
    ("IMG_0002.jpg", "2025/01", "2025:01:05 07:30:00", None, [], FAIR),
    ("IMG_0003.jpg", "khác", None, None, [], None),
)
VIETNAMESE_ORDER = ["An.jpg", "Ánh.jpg", "Bình.jpg", "Dũng.jpg", "Đào.jpg", "Em.jpg"]
# The article names photos neither by date nor by name; Bình.jpg twice (first at position 1).
ARTICLE = """Hội chợ xuân Hòa Sơn khai mạc

Sáng 15/3, hội chợ xuân khai mạc tại quảng trường.

Em.jpg
Người dân tham quan hội chợ.

Bình.jpg
Bà Nguyễn Thị Lan phát biểu.

IMG_0001.jpg
Ông Trần Văn Bình thăm gian hàng.

An.jpg
Quang cảnh hội chợ.

Bình.jpg
Bà Nguyễn Thị Lan cắt băng.
"""
SAVED = "rating:>=3 OR binh"
QUERIES = ("", "lan", "rating:>=2", "-has:caption", "date:2024", "hoi cho -rating:5")
SORTS = ("taken", "name", "rating", "indexed", "relevance")


def _jpeg(path, taken, n):
    exif = Image.Exif()
    if taken:
        exif.get_ifd(0x8769)[0x9003] = taken  # DateTimeOriginal
    return make_jpeg(path, size=(160, 120), color=(30 * n % 256, 90, 200), exif=exif.tobytes())


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    """A catalog of the sample folder and of PHOTOS with their people, event and article."""
    tmp = tmp_path_factory.mktemp("scopes")
    with pytest.MonkeyPatch.context() as patch:
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
            patch.setenv(name, str(tmp / name.lower()))
        photos = tmp / "photos"
        for n, (name, folder, taken, *_) in enumerate(PHOTOS):
            _jpeg(photos / folder / name, taken, n)
        (photos / "khác" / "hoi-cho.txt").write_text(ARTICLE, encoding="utf-8")
        sample = tmp / "sample"
        shutil.copytree(ROOT / "resources" / "sample", sample)
        cat = Catalog(tmp / "c.sqlite")
        list(index_paths(cat, [str(photos), str(sample)], workers=0))
        ids = {}
        for name, folder, _, rating, people, event in PHOTOS:
            pid = catalog.photo_by_path_id(cat, os.path.join(photos, folder, name))
            ids[name] = pid
            edit_photos(cat, [pid], rating=rating, people=people, event=event)
        yield cat, photos, ids
        cat.close()


def _person(cat, name):
    return cat.db.execute("SELECT id FROM people WHERE name = ?", [name]).fetchone()[0]


def _event(cat, name):
    return cat.db.execute("SELECT id FROM events WHERE name = ?", [name]).fetchone()[0]


def _article(cat):
    (article,) = [a for a in store.articles(cat) if a["title"].startswith("Hội chợ xuân")]
    return article


def _scopes(cat, photos):
    """Each kind of scope, and the query that spells it out."""
    article = _article(cat)
    return {
        "all": (search.EVERYTHING, ""),
        "folder": (Scope("folder", str(photos / "2024")), f'folder:"{photos / "2024"}"'),
        "subfolder": (Scope("folder", str(photos / "2025" / "01")),
                      f'folder:"{photos / "2025" / "01"}"'),
        "person": (Scope("person", _person(cat, LAN), LAN), f'person:"{LAN}"'),
        "event": (Scope("event", _event(cat, FAIR), FAIR), f'event:"{FAIR}"'),
        "article": (Scope("article", article["id"]), f'article:"{article["title"]}"'),
        "saved": (Scope("saved", SAVED, "Hay"), f"({SAVED})"),
    }


def _pages(cat, query, size=2, **options):
    """Every id, walked by keyset pages of size."""
    found, cursor = [], None
    while True:
        page = search.run(cat, query, limit=size, after=cursor, count_cap=0, **options)
        found += page.ids
        if page.cursor is None:
            return found
        cursor = page.cursor


UNRANKED = ("person", "event", "article", "folder", "subfolder")


@pytest.mark.parametrize("kind", ["all", "folder", "subfolder", "person", "event", "article",
                                  "saved"])
def test_a_scope_and_a_query_are_the_search_that_spells_the_scope_out(desk, kind):
    cat, photos, _ = desk
    scope, spelled = _scopes(cat, photos)[kind]
    for query in QUERIES:
        for sort in SORTS:
            if sort == "relevance" and kind in UNRANKED:
                continue  # below: an id or a folder's place has no words to rank by
            expected = search.search(cat, f"{spelled} {query}".strip(), sort=sort, limit=1000)
            found = search.search(cat, query, scope=scope, sort=sort, limit=1000)
            assert found == expected, (query, sort)
            assert _pages(cat, query, scope=scope, sort=sort) == expected, (query, sort)
            assert search.count(cat, query, scope=scope) == len(expected)
        if kind in UNRANKED:  # the query's ranking, within the scope
            ranked = search.search(cat, query, sort="relevance", limit=1000)
            assert search.search(cat, query, scope=scope, sort="relevance", limit=1000) == [
                i for i in ranked if i in set(expected)], query
    assert search.search(cat, scope=scope, sort="taken", limit=1000), "the scope finds photos"


def test_a_scope_finds_its_photos(desk):
    """What each scope holds, from the catalog rather than from search."""
    cat, photos, ids = desk
    scopes = _scopes(cat, photos)

    def found(kind, query=""):
        return {n for n, i in ids.items()
                if i in search.search(cat, query, scope=scopes[kind][0], limit=1000)}
    assert found("folder") == {"An.jpg", "Ánh.jpg", "Bình.jpg", "IMG_0001.jpg"}
    assert found("subfolder") == {"Dũng.jpg", "Đào.jpg", "IMG_0002.jpg"}
    assert found("person") == set(VIETNAMESE_ORDER)
    assert found("event") == set(VIETNAMESE_ORDER) | {"IMG_0002.jpg"}
    assert found("person", "rating:>=3") == {"An.jpg", "Bình.jpg", "Đào.jpg", "Em.jpg"}
    everything = search.search(cat, limit=1000)
    assert len(everything) == len(PHOTOS) + 7  # and the sample's seven
    assert search.search(cat, scope=Scope("folder", "/"), limit=1000) == everything


def test_an_article_keeps_the_order_it_prints_its_photos_in(desk):
    cat, _, ids = desk
    article = Scope("article", _article(cat)["id"])
    printed = [ids[n] for n in ("Em.jpg", "Bình.jpg", "IMG_0001.jpg", "An.jpg")]
    assert search.search(cat, scope=article) == printed
    assert _pages(cat, "", size=1, scope=article) == printed
    assert search.run(cat, "", scope=article).total == 4
    assert search.search(cat, "lan", scope=article) == [ids["Em.jpg"], ids["Bình.jpg"],
                                                         ids["An.jpg"]]
    assert search.search(cat, "-rating:5", scope=article, sort=search.ARTICLE) == [
        ids["Em.jpg"], ids["IMG_0001.jpg"], ids["An.jpg"]]
    # Another order when asked for; the article's order only within an article.
    assert search.search(cat, scope=article, sort="name") == [
        ids[n] for n in sorted(("Em.jpg", "Bình.jpg", "IMG_0001.jpg", "An.jpg"),
                               key=str.casefold)]
    with pytest.raises(search.QueryError, match="one article"):
        search.search(cat, "lan", sort=search.ARTICLE)


def test_facets_count_the_photos_of_the_scope(desk):
    cat, photos, _ = desk
    for kind, (scope, spelled) in _scopes(cat, photos).items():
        for query in ("", "rating:>=2"):
            within = search.facets(cat, query, scope=scope)
            assert within == search.facets(cat, f"{spelled} {query}".strip()), (kind, query)


def test_a_saved_scope_that_cannot_be_read_finds_nothing_and_an_empty_one_everything(desk):
    cat, _, _ = desk
    assert search.search(cat, scope=Scope("saved", "rating:9")) == []
    assert search.search(cat, "", scope=Scope("saved", "")) == search.search(cat)
    assert search.search(cat, "rating:9", scope=Scope("person", 1)) == []  # nothing usable
    with pytest.raises(search.QueryError, match="unknown scope"):
        search.search(cat, scope=Scope("shelf", 1))


def test_person_and_event_scopes_sort_names_as_search_does(desk):
    cat, _, ids = desk
    by_name = search.search(cat, f'person:"{LAN}"', sort="name")
    assert search.search(cat, scope=Scope("person", _person(cat, LAN)), sort="name") == by_name
    names = {i: n for n, i in ids.items()}
    event = search.search(cat, scope=Scope("event", _event(cat, FAIR)), sort="name")
    assert [names[i] for i in event if names[i] in VIETNAMESE_ORDER] == [
        names[i] for i in by_name]


def test_person_and_event_scopes_sort_names_the_vietnamese_way(desk):
    cat, _, ids = desk
    names = {i: n for n, i in ids.items()}
    for scope in (Scope("person", _person(cat, LAN)), Scope("event", _event(cat, FAIR))):
        found = [names[i] for i in search.search(cat, scope=scope, sort="name")]
        assert [n for n in found if n in VIETNAMESE_ORDER] == VIETNAMESE_ORDER


@pytest.mark.parametrize("kind", ["person", "event"])
def test_a_person_or_event_in_many_photos_is_walked_newest_first_to_the_same_pages(
        desk, kind, monkeypatch):
    # At a million photos a person in 39,323 photos is walked key by key, each tested
    # against the person's photo ids (orders._by_links); here every person and event counts
    # as "many", so the walk serves every page, each way, with and without words.
    cat, photos, _ = desk
    scope, spelled = _scopes(cat, photos)[kind]
    walked = []
    by_links = orders._by_links
    monkeypatch.setattr(orders, "LINK_GATHER", 0)

    def recorded(*args):
        rows = by_links(*args)
        if orders.linked_walk(args[1]) is not None:  # the scope alone, or with words
            walked.append(rows is not None)
        return rows
    monkeypatch.setattr(orders, "_by_links", recorded)
    for query in QUERIES:
        for descending in (True, False):
            expected = search.search(cat, f"{spelled} {query}".strip(), limit=1000,
                                     descending=descending)
            assert _pages(cat, query, scope=scope, descending=descending) == expected, query
    assert walked and all(walked)  # the walk served every page


def test_a_folder_scope_in_date_order_keeps_out_a_sibling_whose_name_begins_the_same(tmp_path):
    # The scope of /photos/2024 is walked through its folder words newest first, and those
    # words also begin /photos/2024-old and /photos/2024 cũ: the folder's own range keeps
    # them out, in every order and page by page.
    photos = tmp_path / "photos"
    for n, folder in enumerate(("2024", "2024/05", "2024-old", "2024 cũ", "2023")):
        _jpeg(photos / folder / f"IMG_{n}.jpg", f"2024:0{n + 1}:01 10:00:00", n)
    with Catalog(tmp_path / "c.sqlite") as cat:
        list(index_paths(cat, [str(photos)], workers=0))
        scope = Scope("folder", str(photos / "2024"))
        names = {r["id"]: r["name"] for r in cat.db.query("SELECT id, name FROM photos")}
        for sort in ("taken", "name", "rating", "indexed"):
            for descending in (True, False):
                found = [names[i] for i in search.search(cat, scope=scope, sort=sort,
                                                         descending=descending)]
                assert sorted(found) == ["IMG_0.jpg", "IMG_1.jpg"], (sort, descending)
                assert [names[i] for i in _pages(cat, "", size=1, scope=scope, sort=sort,
                                                 descending=descending)] == found
        assert [names[i] for i in search.search(cat, scope=scope)] == ["IMG_1.jpg", "IMG_0.jpg"]
