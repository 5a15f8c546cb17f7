"""The registry and tag edits on a selection: folded look-up, inline creation, undo values."""

import pytest

from photodesk.core import people, search
from photodesk.core.catalog import desk
from photodesk.core.catalog import photos as catalog
from photodesk.core.edit import edit_photos
from photodesk.core.search import Scope
from tests.conftest import make_jpeg


@pytest.fixture
def three(catalog, photo_dir):
    from photodesk.core.index import index_paths
    for n in range(3):
        make_jpeg(photo_dir / f"p{n}.jpg", color=(40 * n, 90, 200))
    list(index_paths(catalog, [str(photo_dir)], workers=0))
    return [catalog.db.execute("SELECT id FROM photos WHERE name = ?", [f"p{n}.jpg"]).fetchone()[0]
            for n in range(3)]


@pytest.mark.parametrize("typed, name, hit", [
    ("vo thi", "Võ Thị Ánh Xuân", True),
    ("VÕ THỊ", "Võ Thị Ánh Xuân", True),
    ("xuan", "Võ Thị Ánh Xuân", True),
    ("thi vo", "Võ Thị Ánh Xuân", False),
    ("dang", "Đặng Văn Lâm", True),
    ("van lam", "Đặng Văn Lâm", True),
    ("vanlam", "Đặng Văn Lâm", False),
    ("", "anyone", True),
])
def test_matches_folds_and_wants_word_starts_in_order(typed, name, hit):
    assert people.matches(typed, name) is hit


def test_parse_a_new_person_and_event():
    assert people.parse_person(" Võ Thị  Ánh Xuân ,  Phó Chủ tịch nước ") == (
        "Võ Thị Ánh Xuân", "Phó Chủ tịch nước")
    assert people.parse_person("Lê Văn Tám") == ("Lê Văn Tám", None)
    assert people.parse_event("Hội chợ, 2025-03-15, Hòa Sơn") == ("Hội chợ", "2025-03-15",
                                                                   "Hòa Sơn")
    assert people.parse_event("Hội chợ, Quảng trường, Hòa Sơn") == (
        "Hội chợ", None, "Quảng trường, Hòa Sơn")


def test_registry_add_update_and_find(catalog):
    pid = people.add_person(catalog, "Võ  Thị Ánh Xuân", "Phó Chủ tịch nước")
    assert people.add_person(catalog, "Võ Thị Ánh Xuân") == pid  # the same person
    people.update_person(catalog, pid, title="Chủ tịch nước", aliases=["Bà Xuân"])
    entry = people.find(people.registry(catalog)["people"], "vo thi anh xuan")
    assert entry["title"] == "Chủ tịch nước" and people.aliases_of(entry) == ["Bà Xuân"]
    event = people.add_event(catalog, "Hội chợ", "2025-03-15", "Hòa Sơn")
    assert people.add_event(catalog, "Hội chợ", "2025-03-15") == event
    assert people.registry(catalog)["events"][0]["place"] == "Hòa Sơn"
    with pytest.raises(ValueError):
        people.add_person(catalog, "  ")


def test_tag_adds_to_each_photo_keeping_its_own_then_restore(catalog, three):
    a, b, c = three
    edit_photos(catalog, [a], people=["Lê Văn Tám"])
    before = people.snapshot(catalog, three, ["people"])
    people.tag(catalog, three, "people", add=["Võ Thị Ánh Xuân"])
    rows = {p["id"]: p["people"] for p in catalog_photos(catalog, three)}
    assert rows[a] == ["Lê Văn Tám", "Võ Thị Ánh Xuân"] and rows[b] == rows[c] == [
        "Võ Thị Ánh Xuân"]
    assert search.search(catalog, "vo thi anh") and set(search.search(catalog, "vo thi anh")) \
        == set(three)
    people.tag(catalog, [a], "people", remove=["le van tam"])  # folded, as typed
    assert catalog_photos(catalog, [a])[0]["people"] == ["Võ Thị Ánh Xuân"]
    people.restore(catalog, before)
    rows = {p["id"]: p["people"] for p in catalog_photos(catalog, three)}
    assert rows == {a: ["Lê Văn Tám"], b: [], c: []}


def test_snapshot_and_restore_scalar_fields_and_event(catalog, three):
    a, b, _ = three
    edit_photos(catalog, [a], rating=2, event="Hội chợ")
    before = people.snapshot(catalog, [a, b], ["rating", "event", "caption"])
    assert before == {a: {"rating": 2, "event": "Hội chợ", "caption": None},
                      b: {"rating": None, "event": None, "caption": None}}
    edit_photos(catalog, [a, b], rating=5, event="Khác", caption="Mới")
    people.restore(catalog, before)
    assert desk.field_values(catalog, [a, b], ["rating", "event", "caption"]) == before
    with pytest.raises(ValueError):
        people.snapshot(catalog, [a], ["no_such_field"])


def test_decide_touches_only_suggestions_and_undecide_puts_them_back(catalog, three):
    from photodesk.core.catalog import articles as store
    a, b, _ = three
    person = people.add_person(catalog, "Nguyễn Văn An")
    with catalog.transaction():
        store.suggest(catalog, a, "person", person)
    edit_photos(catalog, [b], people=["Nguyễn Văn An"])
    before = people.decide(catalog, [a, b], "person", person, accept=False)
    assert list(before) == [a]  # b's confirmed tag is not a suggestion: left alone
    assert catalog_photos(catalog, [b])[0]["people"] == ["Nguyễn Văn An"]
    assert people.suggestions(catalog, a)["people"] == []
    people.undecide(catalog, before, "person", person)
    assert [p["name"] for p in people.suggestions(catalog, a)["people"]] == ["Nguyễn Văn An"]


def test_scopes_list_the_photos_of_a_folder_person_and_event(catalog, three, photo_dir):
    a, b, c = three
    edit_photos(catalog, [a, c], people=["Võ Thị Ánh Xuân"], event="Hội chợ")
    person = people.find(people.registry(catalog)["people"], "Võ Thị Ánh Xuân")
    assert sorted(search.search(catalog, scope=Scope("person", person["id"]))) == sorted([a, c])
    event = desk.events(catalog)[0]  # with its photo count (the completers' registry has none)
    assert event["photos"] == 2
    assert search.search(catalog, scope=Scope("event", event["id"]), sort="name") == [a, c]
    assert search.search(catalog, scope=Scope("folder", str(photo_dir)), sort="name") == [a, b, c]
    assert search.search(catalog, scope=Scope("folder", str(photo_dir) + "x")) == []
    tree = desk.folder_tree(catalog)
    assert [(t["path"], t["count"]) for t in tree] == [(str(photo_dir), 3)]


def catalog_photos(cat, ids):
    return catalog.photos(cat, ids)


def test_folder_tree_nests_subfolders_with_counts(catalog, photo_dir):
    from photodesk.core.index import index_paths
    make_jpeg(photo_dir / "a.jpg")
    make_jpeg(photo_dir / "2025" / "03" / "b.jpg")
    make_jpeg(photo_dir / "2025" / "03" / "c.jpg")
    make_jpeg(photo_dir / "2025" / "04" / "d.jpg")
    list(index_paths(catalog, [str(photo_dir)], workers=0))
    (root,) = desk.folder_tree(catalog)
    assert root["count"] == 4
    (year,) = root["children"]
    assert (year["name"], year["count"]) == ("2025", 3)
    assert [(m["name"], m["count"]) for m in year["children"]] == [("03", 2), ("04", 1)]
    assert len(search.search(catalog, scope=Scope("folder", year["path"]))) == 3
