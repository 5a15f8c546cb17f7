"""Queries made only of conditions (pick, label, rating, status, has, indexed) find the same
photos, in the same order, whether the search walks the keys newest first or gathers the photos
through an index on photos and sorts them; and -pick:yes, -label:red still find photos with
no pick or label."""

import random

import pytest

from photodesk.core import search
from photodesk.core.search import orders

LABELS = (None, None, None, "", "Red", "red", "Đỏ", "GREEN", "Blue")
CAPTIONS = (None, "", "Tết ở Hà Nội", "Lũ miền Trung", "Lũ miền Trung")
NOCASE = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _photo(rng: random.Random, pid: int) -> dict:
    year = rng.choice((2018, 2019, 2020, 2021, 2022))
    taken = None if rng.random() < 0.1 else \
        f"{year}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 28):02d}T10:{pid % 60:02d}:00"
    located = rng.random()
    return {
        "id": pid, "root_id": 1, "relpath": f"{pid:04d}.jpg", "name": f"{pid:04d}.jpg", "status":
        rng.choice(("present",) * 8 + ("missing", "unreadable")),
        "taken_at": taken, "pick": rng.choice((None, 0, 0, 0, 1, -1)),
        "label": rng.choice(LABELS), "rating": rng.choice((None, None, 0, 1, 3, 4, 5, -1)),
        "gps_lat": 21.0 if located < 0.2 else None, "gps_lon": 105.8 if located < 0.1 else None,
        "caption": rng.choice(CAPTIONS), "headline": rng.choice((None, "", "Bão")),
        "title": rng.choice((None, "", "Tin")), "credit": rng.choice((None, "", "TTXVN")),
        "source": rng.choice((None, "VNA")), "creator": rng.choice((None, "", "Ngọc Hà")),
        # mid-year, so that a local year and the same year in UTC hold the same photos
        "indexed_at": f"{rng.choice((2018, 2019, 2020, 2021))}-06-15T12:00:00+00:00",
    }


@pytest.fixture(scope="module")
def photos(tmp_path_factory):
    from photodesk.core.catalog import Catalog
    cat = Catalog(tmp_path_factory.mktemp("conditions") / "c.sqlite")
    rng = random.Random(11)
    rows = [_photo(rng, pid) for pid in range(1, 401)]
    with cat.transaction():
        assert cat.roots.place("/p") == (1, "")
        cat.db["photos"].insert_all(rows)
    search.rebuild(cat)
    newest_first = search.search(cat, "", limit=10_000)
    assert len(newest_first) == len(rows)
    yield cat, {r["id"]: r for r in rows}, newest_first
    cat.close()


def _nocase(text):
    return text.translate(NOCASE)


def _label(*spellings):
    wanted = {_nocase(s) for s in spellings}
    return lambda p: p["label"] is not None and _nocase(p["label"]) in wanted


def _has(*columns):
    """Has the text: the first of the columns that is not NULL is not empty (coalesce)."""
    return lambda p: next((p[c] for c in columns if p[c] is not None), "") != ""


def _pick(value):
    return lambda p: (p["pick"] or 0) == value


RED = _label("Red", "Đỏ", "đỏ", "red")
GPS = lambda p: p["gps_lat"] is not None and p["gps_lon"] is not None  # noqa: E731
CAPTION = _has("caption")
TET = lambda p: "Tết" in (p["caption"] or "")  # noqa: E731
RATING = lambda low: lambda p: p["rating"] is not None and p["rating"] >= low  # noqa: E731


def _year(column, year):
    return lambda p: (p[column] or "").startswith(str(year))


QUERIES = {
    "pick:yes": _pick(1),
    "pick:reject": _pick(-1),
    "pick:no": _pick(0),
    "-pick:yes": lambda p: not _pick(1)(p),
    "label:red": RED,
    "-label:red": lambda p: not RED(p),
    "has:label": _has("label"),
    "-has:label": lambda p: not p["label"],
    "has:gps": GPS,
    "-has:gps": lambda p: not GPS(p),
    "-has:caption": lambda p: not CAPTION(p),
    "-has:headline": lambda p: not _has("headline", "title")(p),
    "-has:credit": lambda p: not _has("credit", "source")(p),
    "-has:creator": lambda p: not p["creator"],
    "rating:>=4": RATING(4),
    "rating:5 -has:caption": lambda p: RATING(5)(p) and not CAPTION(p),
    "rating:5 (-has:caption OR label:red)": lambda p: (p["rating"] == 5
                                                       and (not CAPTION(p) or RED(p))),
    "status:missing": lambda p: p["status"] == "missing",
    "indexed:2020": _year("indexed_at", 2020),
    "indexed:2020 pick:yes": lambda p: _year("indexed_at", 2020)(p) and _pick(1)(p),
    "status:missing indexed:2019": lambda p: (p["status"] == "missing"
                                              and _year("indexed_at", 2019)(p)),
    "pick:yes has:gps": lambda p: _pick(1)(p) and GPS(p),
    "label:red rating:>=4": lambda p: RED(p) and RATING(4)(p),
    "pick:reject label:red": lambda p: _pick(-1)(p) and RED(p),
    "-(pick:yes OR has:gps)": lambda p: not (_pick(1)(p) or GPS(p)),
    "date:2020 pick:yes": lambda p: _year("taken_at", 2020)(p) and _pick(1)(p),
    "(date:2020 OR rating:5) pick:yes": lambda p: ((_year("taken_at", 2020)(p)
                                                    or p["rating"] == 5) and _pick(1)(p)),
    "pick:yes -tết": lambda p: _pick(1)(p) and not TET(p),
    "status:offline": lambda p: False,
}

ROUTES = {
    # conditions gathered through an index on photos, then sorted by date taken
    "gathered": {"GATHER": 10**9, "SELECTIVE_BUDGET": None},
    # every key walked newest first, however long it takes
    "walked": {"GATHER": -1, "SELECTIVE_BUDGET": None, "WALK_BUDGET": None},
    "chosen": {},
}


@pytest.mark.parametrize("route", list(ROUTES))
@pytest.mark.parametrize("query", list(QUERIES))
def test_conditions_find_the_same_photos_newest_first_by_any_route(photos, monkeypatch, route,
                                                                    query):
    cat, by_id, newest_first = photos
    for name, value in ROUTES[route].items():
        monkeypatch.setattr(orders, name, value)
    expected = [pid for pid in newest_first if QUERIES[query](by_id[pid])]
    page = search.run(cat, query, limit=1_000)
    assert not page.problems
    assert page.ids == expected
    assert (page.total, page.total_exact) == (len(expected), True)
    assert search.count(cat, query) == len(expected)
    walked, cursor = [], None
    while True:
        page = search.run(cat, query, limit=7, after=cursor)
        walked += page.ids
        if page.cursor is None:
            break
        cursor = page.cursor
    assert walked == expected


def test_the_queries_above_match_some_photos_and_leave_some_out(photos):
    cat, by_id, _ = photos
    for query in QUERIES:
        if query != "status:offline":
            assert 0 < search.count(cat, query) < len(by_id), query


def test_a_first_page_that_holds_every_match_is_counted_without_counting_again(photos):
    cat, by_id, _ = photos
    found = sum(1 for p in by_id.values() if _pick(1)(p) and GPS(p))
    page = search.run(cat, "pick:yes has:gps", limit=1_000, count_cap=3)
    assert (page.total, page.total_exact) == ((found, True) if found <= 3 else (3, False))


# --- facets of the same queries ---------------------------------------------------------------

FACET_ROUTES = ("walk", "gather")


def _facet_route(monkeypatch, route):
    from photodesk.core.search import facet_counts
    monkeypatch.setattr(facet_counts, "_route",
                        lambda db, the_plan, exact, sample: (facet_counts._UNKNOWN, route))


def _counts(found, name):
    return {v.value: v.count for v in found.groups[name]}


@pytest.mark.parametrize("route", FACET_ROUTES)
@pytest.mark.parametrize("query", list(QUERIES))
def test_facets_of_conditions_count_what_a_plain_filter_counts_by_either_route(
        photos, monkeypatch, route, query):
    from collections import Counter
    cat, by_id, _ = photos
    _facet_route(monkeypatch, route)
    matched = [p for p in by_id.values() if QUERIES[query](p)]
    found = search.facets(cat, query)
    assert (found.total, found.exact, found.sampled) == (len(matched), True, len(matched))
    assert _counts(found, "status") == Counter(p["status"] for p in matched)
    assert _counts(found, "pick") == Counter({1: "yes", -1: "reject"}.get(p["pick"], "no")
                                             for p in matched)
    assert _counts(found, "rating") == Counter(str(p["rating"] or 0) for p in matched)
    assert _counts(found, "label") == Counter(p["label"] for p in matched if p["label"])
    assert _counts(found, "year") == Counter(p["taken_at"][:4] for p in matched if p["taken_at"])
    assert _counts(found, "folder") == ({"/p": len(matched)} if matched else {})


@pytest.mark.parametrize("query", list(QUERIES))
def test_sampled_facets_of_conditions_are_the_same_by_either_route(photos, monkeypatch, query):
    """Above the sample size both routes estimate, choose the stride and sample alike."""
    cat, _, _ = photos
    found = {}
    for route in FACET_ROUTES:
        _facet_route(monkeypatch, route)
        found[route] = search.facets(cat, query, sample=20)
    assert found["walk"] == found["gather"]
    assert found["walk"].exact == (search.count(cat, query) <= 20)


def test_facets_of_conditions_choose_a_route_that_finds_the_same_counts(photos, monkeypatch):
    cat, _, _ = photos
    for query in QUERIES:
        chosen = search.facets(cat, query), search.facets(cat, query, sample=20)
        _facet_route(monkeypatch, "walk")
        assert (search.facets(cat, query), search.facets(cat, query, sample=20)) == chosen, query
        monkeypatch.undo()
