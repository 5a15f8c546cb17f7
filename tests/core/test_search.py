from hypothesis import given, settings, strategies as st

from photodesk.core import search
from photodesk.core.edit import edit_photos
from tests.conftest import stored_at


def add(cat, name, **fields):
    pid = cat.db["photos"].insert({**stored_at(cat, f"/p/{name}"), "name": name, "status": "present"}).last_pk
    edit_photos(cat, [pid], **fields)
    return pid


def test_vietnamese_is_found_without_accents_or_case(catalog):
    a = add(catalog, "a.jpg", caption="Đồng chí Trịnh Xuân Trường phát biểu")
    b = add(catalog, "b.jpg", people=["Võ Thị Ánh Xuân"], event="Hội nghị thi đua")
    assert search.search(catalog, "dong chi") == [a]
    assert search.search(catalog, "truong") == [a]
    assert search.search(catalog, "vo thi anh xuan") == [b]
    assert search.search(catalog, "HỘI NGHỊ") == [b]
    assert sorted(search.search(catalog, "xuan")) == sorted([a, b])
    assert search.search(catalog, "tru") == [a]  # prefix


def test_all_words_must_match(catalog):
    a = add(catalog, "a.jpg", caption="Lào Cai hội nghị")
    add(catalog, "b.jpg", caption="Lào Cai lễ hội")
    assert search.search(catalog, "lao nghi") == [a]


def test_empty_query_lists_everything_and_punctuation_finds_nothing(catalog):
    ids = {add(catalog, f"{i}.jpg", caption=f"ảnh {i}") for i in range(3)}
    assert set(search.search(catalog, "")) == ids
    assert search.search(catalog, '"*-()') == []


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_typed_text_is_a_valid_query(tmp_path_factory, text):
    from photodesk.core.catalog import Catalog
    cat = _shared_catalog(tmp_path_factory, Catalog)
    search.search(cat, text)
    search.count(cat, text)


_CAT = {}


def _shared_catalog(factory, Catalog):
    if "cat" not in _CAT:
        _CAT["cat"] = Catalog(factory.mktemp("hyp") / "c.sqlite")
        add(_CAT["cat"], "x.jpg", caption='NEAR("a" b) * - AND OR NOT')
    return _CAT["cat"]
