"""Queries made only of conditions (pick, label, rating, status, has, indexed), alone or with a
word, find the same photos, in the same order, whatever the route: a condition's index read
newest first, the walk newest first, the index's range sorted (with a word, its photos looked
up in the word index, then the walk below them); and -pick:yes, -label:red still find photos
with no pick or label. Facets count the same by either route, or sample honestly."""

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

LU = lambda p: "Lũ" in (p["caption"] or "")  # noqa: E731
# Each query with a word that half the captions hold.
WITH_A_WORD = {f"{query} lũ": (lambda f: lambda p: f(p) and LU(p))(f)
               for query, f in QUERIES.items()}

ROUTES = {
    # a condition's index read newest first (m011), however long it takes
    "index newest first": {"in_key_order": True, "within": "index", "SPLIT_MOST": 0},
    # a range or list (indexed:2020, rating:>=4, label:red) read value by value, merged
    "value by value": {"within": "all"},
    # every key (or match of the word) walked newest first, however long it takes
    "walked": {"in_key_order": False, "within": "all", "SPLIT_MOST": 0},
    # the index's range sorted; with the word, its photos looked up in the word index, a few
    # at a time
    "sorted": {"in_key_order": False, "within": None, "LOOKUPS": 10**9, "CHECKED": 3,
               "SPLIT_MOST": 0},
    # with the word: a few looked up, then the walk below them
    "looked up, then walked": {"in_key_order": False, "within": None, "LOOKUPS": 5,
                               "CHECKED": 3, "SPLIT_MOST": 0},
    "chosen": {},
}


def _take(monkeypatch, route):
    """Send the searches down a route: a name of ROUTES, or settings of the same kind."""
    settings = dict(ROUTES[route] if isinstance(route, str) else route)
    if "in_key_order" in settings:
        ordered = settings.pop("in_key_order")
        monkeypatch.setattr(orders, "in_key_order", lambda *args: ordered)
    if "within" in settings:
        runs = settings.pop("within")

        def within(db, budget, rows, *args):
            if runs == "all" or (runs == "index" and rows is orders._photo_rows):
                return rows(db, *args)
            return None
        monkeypatch.setattr(orders, "_within", within)
    for name, value in settings.items():
        monkeypatch.setattr(orders, name, value)


@pytest.mark.parametrize("route", list(ROUTES))
@pytest.mark.parametrize("query", list(QUERIES) + list(WITH_A_WORD))
def test_conditions_find_the_same_photos_newest_first_by_any_route(photos, monkeypatch, route,
                                                                    query):
    cat, by_id, newest_first = photos
    _take(monkeypatch, route)
    matches = {**QUERIES, **WITH_A_WORD}[query]
    expected = [pid for pid in newest_first if matches(by_id[pid])]
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


@pytest.mark.parametrize("descending", (True, False))
@pytest.mark.parametrize("query", ["pick:yes", "pick:reject", "status:missing", "has:gps",
                                   "-has:caption", "pick:yes lũ", "status:missing lũ"])
def test_one_condition_s_index_gives_its_photos_newest_or_oldest_first(photos, query,
                                                                       descending):
    from photodesk.core.search.sqlite import in_key_order, keyed_source
    cat, _, _ = photos
    _, the_plan = search.prepare(query)
    assert in_key_order(cat.db, *keyed_source(the_plan), descending)


@pytest.mark.parametrize("descending", (True, False))
@pytest.mark.parametrize("query", ["indexed:2020", "rating:>=4", "indexed:2020 lũ"])
def test_a_range_of_a_condition_s_index_is_sorted(photos, query, descending):
    from photodesk.core.search.sqlite import in_key_order, keyed_source
    cat, _, _ = photos
    _, the_plan = search.prepare(query)
    assert not in_key_order(cat.db, *keyed_source(the_plan), descending)


@pytest.mark.parametrize("query, values", [
    ("indexed:2020", {"2019-12", "2020-06"}), ("indexed:..2019", {"2018-06", "2019-06"}),
    ("indexed:2020 pick:no", {"2019-12", "2020-06"}), ("indexed:2020 lũ", {"2019-12", "2020-06"}),
    ("rating:>=4", {4, 5}), ("rating:3..4 lũ", {3, 4}), ("label:red", {"red", "Đỏ", "đỏ"})])
def test_a_range_or_a_list_is_read_value_by_value(photos, monkeypatch, query, values):
    """The values some photo has (a month may hold none: 2019-12 only when a local day of 2020
    begins in it)."""
    cat, _, _ = photos
    read = []
    split_rows = orders.split_rows
    monkeypatch.setattr(orders, "split_rows", lambda *args: read.append(args[3]) or split_rows(
        *args))
    assert search.search(cat, query, limit=5)
    assert read and set(read[0]) - {"2019-12"} == values - {"2019-12"}


def test_every_photo_carries_its_search_key_through_edits_and_rebuilds(tmp_path):
    from photodesk.core.catalog import Catalog
    cat = Catalog(tmp_path / "c.sqlite")
    rng = random.Random(3)
    with cat.transaction():
        cat.roots.place("/p")
        cat.db["photos"].insert_all([_photo(rng, pid) for pid in range(1, 41)])
    search.rebuild(cat)

    def astray():
        return cat.db.execute("SELECT count(*) FROM photos p LEFT JOIN search_keys s "
                              "ON s.photo_id = p.id WHERE p.search_key IS NOT s.key").fetchone()[0]
    assert astray() == 0
    with cat.transaction():  # a new date moves the photo's key; a new photo gets one
        cat.db.execute("UPDATE photos SET taken_at = '2030-01-01T00:00:00' WHERE id = 5")
        cat.db["photos"].insert(_photo(rng, 41))
        cat.db.execute("DELETE FROM photos WHERE id = 7")
        search.refresh(cat, [5, 7, 41])
    assert astray() == 0
    assert search.search(cat, "", limit=1) == [5]
    newest = [5] if cat.db.execute("SELECT pick FROM photos WHERE id = 5").fetchone()[0] == 1 \
        else []
    assert search.search(cat, "pick:yes", limit=1)[:len(newest)] == newest
    cat.close()


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
                        lambda db, the_plan, sample: (facet_counts._UNKNOWN, route))


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


@pytest.mark.parametrize("route", FACET_ROUTES)
@pytest.mark.parametrize("query", list(QUERIES) + list(WITH_A_WORD))
def test_sampled_facets_are_the_matches_whose_key_is_a_multiple_of_the_stride(
        photos, monkeypatch, route, query):
    """Above the sample size either route counts the matches whose search key is a multiple
    of one stride, scaled up by it, and says the counts are estimates."""
    cat, by_id, _ = photos
    _facet_route(monkeypatch, route)
    matches = {**QUERIES, **WITH_A_WORD}[query]
    keys = dict(cat.db.execute("SELECT photo_id, key FROM search_keys"))
    matched = [pid for pid, p in by_id.items() if matches(p)]
    found = search.facets(cat, query, sample=20)
    assert found.exact == (len(matched) <= 20 or found.total == found.sampled)
    if found.exact:
        assert found.total == found.sampled == len(matched)
        return
    stride = found.total // max(1, found.sampled)
    assert found.total == found.sampled * stride and stride > 1
    # by key, or (most photos match) by photo id
    assert found.sampled in (sum(1 for pid in matched if keys[pid] % stride == 0),
                             sum(1 for pid in matched if pid % stride == 0))
    assert sum(v.count for v in found.groups["status"]) >= found.total - len(
        found.groups["status"])  # each value's count is scaled up and rounded


def test_facets_of_conditions_choose_a_route_that_finds_the_same_counts(photos, monkeypatch):
    cat, _, _ = photos
    for query in list(QUERIES) + list(WITH_A_WORD):
        chosen = search.facets(cat, query)
        _facet_route(monkeypatch, "walk")
        assert search.facets(cat, query) == chosen, query
        monkeypatch.undo()


@pytest.mark.parametrize("sort", ["indexed", "rating", "name"])
@pytest.mark.parametrize("query", ["pick:yes", "status:offline", "label:red rating:>=4",
                                   "pick:yes has:gps", "indexed:2020", "-has:caption",
                                   "status:missing indexed:2019", "pick:no"])
def test_conditions_in_a_column_s_order_are_the_same_walked_or_sorted(photos, monkeypatch,
                                                                       query, sort):
    """The column's index walked (the conditions tested photo by photo), or the photos found
    through a condition's index and sorted: the same pages."""
    cat, by_id, _ = photos
    found = {}
    for walked in (True, False):
        monkeypatch.setattr(orders, "_within",
                            lambda db, budget, rows, *args, w=walked: rows(db, *args) if w
                            else None)
        pages, cursor = [], None
        while True:
            page = search.run(cat, query, sort=sort, limit=7, after=cursor)
            pages += page.ids
            if page.cursor is None:
                break
            cursor = page.cursor
        found[walked] = pages
    assert found[True] == found[False]
    assert sorted(found[True]) == sorted(pid for pid, p in by_id.items() if QUERIES[query](p))
