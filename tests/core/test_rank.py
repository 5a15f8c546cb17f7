"""Placing changed photos in a listed result gives what searching again from scratch gives:
for every sort that can be placed, in both directions, with words, conditions and scopes,
when photos arrive, change their date, rating, name or caption, or stop matching."""

import random

import pytest

from photodesk.core import search
from photodesk.core.search import rank
from photodesk.core.search.scopes import Scope

from tests.core.test_query_conditions import _photo

QUERIES = ("", "pick:yes", "Tết", "lũ label:red", "rating:>=3", "-has:caption", "2020")


@pytest.fixture()
def cat(tmp_path):
    from photodesk.core.catalog import Catalog
    cat = Catalog(tmp_path / "c.sqlite")
    rng = random.Random(5)
    with cat.transaction():
        assert cat.roots.place("/p") == (1, "")
        cat.db["photos"].insert_all([_photo(rng, pid) for pid in range(1, 301)])
    search.rebuild(cat)
    yield cat
    cat.close()


def _change(cat, rng: random.Random) -> list[int]:
    """Edit a dozen photos (dates, ratings, names, captions, picks) and add five new ones."""
    changed = rng.sample(range(1, 301), 12)
    with cat.transaction():
        for pid in changed:
            what = rng.choice(("taken_at", "rating", "name_sort", "caption", "pick",
                               "indexed_at"))
            value = {"taken_at": f"20{rng.randrange(10, 25)}-0{rng.randrange(1, 9)}-11T08:00:00",
                     "rating": rng.choice((None, 0, 2, 5)), "name_sort": f"z{rng.random()}",
                     "caption": rng.choice((None, "Tết ở Lào Cai", "Lũ về")),
                     "pick": rng.choice((None, 1, -1)),
                     "indexed_at": f"2022-0{rng.randrange(1, 9)}-01T00:00:00+00:00"}[what]
            cat.update("photos", pid, {what: value})
        new = [_photo(rng, pid) for pid in range(1000, 1005)]
        cat.db["photos"].insert_all(new)
    search.refresh(cat, changed + [p["id"] for p in new])
    return changed + [p["id"] for p in new]


@pytest.mark.parametrize("descending", (None, True, False))
@pytest.mark.parametrize("sort", rank.PLACEABLE)
@pytest.mark.parametrize("query", QUERIES)
def test_placing_gives_what_a_new_search_gives(cat, sort, query, descending):
    listed = search.search(cat, query, sort=sort, descending=descending, limit=10_000)
    changed = _change(cat, random.Random(hash((sort, query)) & 0xFFFF))
    placement = rank.place(cat, query, listed, changed, sort=sort, descending=descending)
    assert placement.applied(listed) == search.search(cat, query, sort=sort,
                                                      descending=descending, limit=10_000)


@pytest.mark.parametrize("every_row", (False, True))
def test_rows_the_caller_knows_give_the_same_placement(cat, every_row):
    listed = search.search(cat, "", limit=10_000)
    changed = _change(cat, random.Random(8))
    known = {pid: listed.index(pid) for pid in changed if pid in listed}
    if not every_row:
        known = dict(list(known.items())[::2])
    placement = rank.place(cat, "", listed, changed, rows=known, every_row=every_row)
    assert placement.applied(listed) == search.search(cat, "", limit=10_000)


def test_unchanged_order_keeps_photos_in_place(cat):
    listed = search.search(cat, "", limit=10_000)
    with cat.transaction():
        cat.update("photos", listed[7], {"caption": "Một chú thích mới"})
    search.refresh(cat, [listed[7]])
    placement = rank.place(cat, "", listed, [listed[7]])
    assert placement.kept == [listed[7]] and placement.placed == [] and placement.gone == []


def test_a_scope_counts_as_a_condition(cat):
    scope = Scope("folder", "/p")
    listed = search.search(cat, "", scope=scope, limit=10_000)
    changed = _change(cat, random.Random(3))
    placement = rank.place(cat, "", listed, changed, scope=scope)
    assert placement.applied(listed) == search.search(cat, "", scope=scope, limit=10_000)


def test_orders_that_cannot_be_placed_ask_for_a_new_search(cat):
    assert rank.place(cat, "tết", [], [1], sort="relevance") is None
