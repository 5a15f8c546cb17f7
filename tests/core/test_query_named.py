"""person:, event: and keyword: search the photos linked to what they name in the registry
(named.py), and find the same photos, in the same order, as the full-text index does: with
conditions, sorts and directions, phrases, prefixes, đ folded; names that many entries share
stay words, and a registry row another program added (no folded name) sends the search back
to the index."""

import random

import pytest

from photodesk.core import search
from photodesk.core.catalog.registry import ensure_event, ensure_keyword, ensure_person
from photodesk.core.search import named
from photodesk.core.search.sqlite import WALKED_LINKS

PEOPLE = ("Võ Thị Ánh Xuân", "Trịnh Xuân Trường", "Đặng Xuân Phong", "Bùi Bảo Hòa",
          "Bùi Thị Hòa", "Nguyễn Văn Đức", "Đức Anh", "Lê Anh Tuấn", "A Páo", "Hồ Xuân Hương")
EVENTS = ("Lễ hội Hoa Ban", "Đại hội thi đua yêu nước", "Hội nghị tổng kết", "Lễ khai mạc")
KEYWORDS = ("lũ lụt", "văn hóa miền núi", "kinh tế", "lũ quét", "đô thị")
QUERIES = (
    'person:"Võ Thị Ánh Xuân"', 'person:"vo thi anh xuan"', "person:xuan", "person:xu",
    'person:"xuan trinh"', "person:duc", 'person:"đức anh"', "person:dang", "person:a",
    'person:"Bùi Bảo Hòa" label:red', "person:bui pick:yes", "person:hoa rating:>=4",
    'person:"anh xuan" -label:red', 'person:"vo thi anh xuan" person:"trinh xuan truong"',
    "-person:xuan", "person:xuan OR label:red", 'person:"Đặng Xuân Phong" lũ',
    'event:"hoa ban"', "event:dai pick:yes", 'event:"hội nghị" label:red', "event:le",
    'keyword:"lu lut"', "keyword:lu", "keyword:lu label:red", 'keyword:"do thi" rating:>=4',
    "keyword:kinh pick:yes person:xuan", "person:nobody", "person:nobody label:red",
)


@pytest.fixture(scope="module")
def catalog(tmp_path_factory):
    from photodesk.core.catalog import Catalog
    cat = Catalog(tmp_path_factory.mktemp("named") / "n.sqlite")
    rng = random.Random(5)
    with cat.transaction():
        assert cat.roots.place("/p") == (1, "")
        people = [ensure_person(cat, n) for n in PEOPLE]
        events = [ensure_event(cat, n) for n in EVENTS]
        keywords = [ensure_keyword(cat, n) for n in KEYWORDS]
        for pid in range(1, 301):
            cat.insert("photos", {
                "id": pid, "root_id": 1, "relpath": f"{pid:04d}.jpg", "name": f"{pid:04d}.jpg",
                "status": "present", "caption": rng.choice((None, "Lũ về", "Tết")),
                "taken_at": None if rng.random() < 0.1 else
                f"{rng.choice((2019, 2021, 2023))}-0{rng.randrange(1, 10)}-1{pid % 10}T08:00:00",
                "label": rng.choice((None, "Red", "red", "Blue")),
                "rating": rng.choice((None, 1, 4, 5)), "pick": rng.choice((0, 0, 1, -1))})
            for table, column, ids in (("photo_people", "person_id", people),
                                       ("photo_events", "event_id", events),
                                       ("photo_keywords", "keyword_id", keywords)):
                for other in rng.sample(ids, rng.choice((0, 1, 1, 2, 3))):
                    cat.insert(table, {"photo_id": pid, column: other,
                                       "state": rng.choice(("confirmed",) * 4 + ("suggested",))})
    search.rebuild(cat)
    yield cat
    cat.close()


def _through_the_index(monkeypatch):
    monkeypatch.setattr(named, "MOST", -1)  # every name stays words


@pytest.mark.parametrize("sort,descending", [("taken", None), ("taken", False), ("name", None),
                                             ("rating", None), ("indexed", None)])
def test_the_links_find_what_the_index_finds(catalog, monkeypatch, sort, descending):
    linked = {q: search.search(catalog, q, sort=sort, descending=descending, limit=1000)
              for q in QUERIES}
    paged = {q: _every_page(catalog, q, sort, descending) for q in QUERIES}
    counts = {q: search.count(catalog, q) for q in QUERIES}
    _through_the_index(monkeypatch)
    for q in QUERIES:
        words = search.search(catalog, q, sort=sort, descending=descending, limit=1000)
        assert linked[q] == words, q
        assert paged[q] == words, q
        assert counts[q] == len(words), q
    assert any(linked.values())


def _every_page(cat, query, sort, descending):
    ids, cursor = [], None
    while True:
        page = search.run(cat, query, sort=sort, descending=descending, limit=7, after=cursor)
        ids += page.ids
        if page.cursor is None:
            return ids
        cursor = page.cursor


def test_a_name_searches_the_links(catalog):
    _, plan = search.pages.prepare('person:"Bùi Bảo Hòa" label:red', cat=catalog)
    assert plan.match is None  # no word left for the full-text index
    assert any(sql in WALKED_LINKS for sql, _ in plan.terms)
    _, plan = search.pages.prepare("person:bui", cat=catalog)  # two people: both linked
    assert plan.match is None and plan.terms[0][0] in WALKED_LINKS
    # What the page reports is what the user typed
    page = search.run(catalog, 'person:"Bùi Bảo Hòa" label:red')
    assert any(getattr(part, "field", None) == "people" for part in page.query.tree.children)


def test_many_entries_stay_words(catalog, monkeypatch):
    monkeypatch.setattr(named, "MOST", 1)
    _, plan = search.pages.prepare("person:xuan", cat=catalog)  # four people
    assert plan.match is not None


def test_a_name_without_its_fold_sends_back_to_the_index(catalog):
    with catalog.transaction():
        catalog.insert("people", {"name": "Đinh Văn Mới"})  # as another program would
    try:
        _, plan = search.pages.prepare('person:"dinh van moi"', cat=catalog)
        assert plan.match is not None
        assert search.search(catalog, 'person:"Võ Thị Ánh Xuân"') == \
            search.search(catalog, 'person:"vo thi anh xuan"')
    finally:
        with catalog.transaction():
            catalog.db.execute("DELETE FROM people WHERE folded IS NULL")


def test_the_upgrade_folds_the_names_of_an_older_catalog(tmp_path):
    import shutil
    import sqlite3
    from pathlib import Path

    from photodesk.core.catalog import Catalog
    old = Path(__file__).parents[1] / "data" / "old-catalog" / "catalog-m008.sqlite"
    path = tmp_path / "c.sqlite"
    shutil.copy(old, path)
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO people (name) VALUES ('Đặng Thị Ánh')")
    cat = Catalog(path)
    try:
        row = cat.db.execute("SELECT folded FROM people WHERE name = 'Đặng Thị Ánh'").fetchone()
        assert row == (" dang thi anh ",)
        assert not cat.db.execute("SELECT 1 FROM people WHERE folded IS NULL").fetchone()
    finally:
        cat.close()
