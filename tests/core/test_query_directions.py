"""Every sort runs both ways: the other direction lists exactly the reverse of the usual one
(photos without a date or a value, and ties, reversed too), page by page, whatever route the
search takes (each route forced as test_query_conditions forces them, the routes above
thresholds with the thresholds lowered); a cursor continues only its own direction, and
relevance runs one way only."""

import random

import pytest

from photodesk.core import search
from photodesk.core.fold import sort_key
from photodesk.core.search import orders
from photodesk.core.search.scopes import Scope
from tests.core.test_query_conditions import ROUTES, _photo, _take
from tests.core.test_scopes import _pages

# Words, conditions (one index, a range read value by value, a list, two conditions, none
# matching), both together, a date range.
QUERIES = ("", "lũ", "trung -tết", "pick:yes", "rating:>=3", "indexed:2020", "label:red",
           "pick:yes has:gps", "status:missing indexed:2019", "-has:caption", "status:offline",
           "lũ pick:yes", "lũ rating:>=3", "lũ indexed:2020", "lũ -has:caption",
           "date:2019..2020 pick:no")
# The routes of test_query_conditions, and the ones that fire only above a threshold: every
# match of the words gathered when the page takes more than GATHER (the desk asks for every
# id) and the conditions let fewer through.
DIRECTED_ROUTES = {**ROUTES, "gathered": {"GATHER": 5}}
COLUMN_ROUTES = ("walked", "sorted", "chosen", "gathered")  # walked or sorted for the columns
COLUMNS = {"indexed": "indexed_at", "name": "name_sort", "rating": "rating"}
EVERY = 10_000


@pytest.fixture(scope="module")
def photos(tmp_path_factory):
    """400 photos (a tenth undated, many sharing a rating, a day indexed or a name, a few
    without a name key) in two folders, 40 of them in an article, some printed twice."""
    from photodesk.core.catalog import Catalog
    cat = Catalog(tmp_path_factory.mktemp("directions") / "c.sqlite")
    rng = random.Random(17)
    rows = []
    for pid in range(1, 401):
        row = _photo(rng, pid)
        name = f"ảnh {pid % 37:02d}.jpg"
        row.update(relpath=f"{'ab'[pid % 2]}/{pid:04d}.jpg", name=name,
                   name_sort=None if pid % 53 == 0 else sort_key(name))
        rows.append(row)
    printed = rng.sample(range(1, 401), 40)
    printed += printed[:5]  # printed twice: the photo is at its first image
    with cat.transaction():
        assert cat.roots.place("/p") == (1, "")
        cat.db["photos"].insert_all(rows)
        cat.db["articles"].insert({"id": 1, "root_id": 1, "relpath": "bai.txt",
                                   "title": "Bài"})
        cat.db["article_images"].insert_all(
            [{"article_id": 1, "position": n, "name": "x.jpg", "name_key": "x.jpg",
              "photo_id": pid} for n, pid in enumerate(printed)]
            + [{"article_id": 1, "position": 100, "name": "y.jpg", "name_key": "y.jpg",
                "photo_id": None}])
    search.rebuild(cat)
    keys = dict(cat.db.execute("SELECT photo_id, key FROM search_keys"))
    values = {r["id"]: r for r in cat.db.query("SELECT * FROM photos")}
    positions = {}
    for n, pid in enumerate(printed):
        positions.setdefault(pid, n)
    yield cat, keys, values, positions
    cat.close()


def _expected(photos, ids, sort: str, descending: bool) -> list[int]:
    """ids in sort order, worked out here: the search key, a column (NULL first ascending, as
    SQLite sorts it, then the photo id) or the article's positions."""
    _, keys, values, positions = photos
    if sort == "taken":
        ordered = sorted(ids, key=keys.get)
    elif sort == search.ARTICLE:
        ordered = sorted(ids, key=lambda pid: (positions[pid], pid))
    else:
        column = COLUMNS[sort]
        ordered = sorted(ids, key=lambda pid: (values[pid][column] is not None,
                                               values[pid][column], pid))
    return ordered[::-1] if descending else ordered


def _both_ways(photos, query, sort, scope=search.EVERYTHING):
    """The order each way, worked out, against the search's whole list and its pages."""
    cat = photos[0]
    matches = search.search(cat, query, scope=scope, limit=EVERY)
    descending = _expected(photos, matches, sort, True)
    usual = orders.DIRECTIONS[sort][0]
    assert search.search(cat, query, scope=scope, sort=sort, limit=EVERY) == (
        descending if usual else descending[::-1])
    assert search.search(cat, query, scope=scope, sort=sort, descending=True,
                         limit=EVERY) == descending
    assert search.search(cat, query, scope=scope, sort=sort, descending=False,
                         limit=EVERY) == descending[::-1]
    assert _pages(cat, query, 9, scope=scope, sort=sort, descending=False) == descending[::-1]
    assert _pages(cat, query, 9, scope=scope, sort=sort, descending=True) == descending


@pytest.mark.parametrize("route", list(DIRECTED_ROUTES))
@pytest.mark.parametrize("query", QUERIES)
def test_oldest_first_is_newest_first_reversed_by_any_route(photos, monkeypatch, route, query):
    _take(monkeypatch, DIRECTED_ROUTES[route])
    _both_ways(photos, query, "taken")


@pytest.mark.parametrize("route", COLUMN_ROUTES)
@pytest.mark.parametrize("sort", list(COLUMNS))
@pytest.mark.parametrize("query", QUERIES)
def test_a_column_s_order_reversed_is_its_exact_reverse_walked_or_sorted(photos, monkeypatch,
                                                                         route, sort, query):
    _take(monkeypatch, DIRECTED_ROUTES[route])
    _both_ways(photos, query, sort)


@pytest.mark.parametrize("route", ("chosen", "gathered"))
@pytest.mark.parametrize("sort", ["taken", *COLUMNS, search.ARTICLE])
@pytest.mark.parametrize("scope", [Scope("folder", "/p/a"), Scope("article", 1)])
@pytest.mark.parametrize("query", ("", "lũ", "pick:no", "lũ -rating:0"))
def test_within_a_scope_both_ways(photos, monkeypatch, route, sort, scope, query):
    if sort == search.ARTICLE and scope.kind != "article":
        return
    _take(monkeypatch, DIRECTED_ROUTES[route])
    _both_ways(photos, query, sort, scope)


def test_the_undated_come_last_newest_first_and_first_oldest_first(photos):
    cat, keys, _, _ = photos
    undated = sum(1 for k in keys.values() if k < (1 << 40))
    assert undated
    oldest = search.search(cat, "", descending=False, limit=undated + 1)
    assert all(keys[pid] < (1 << 40) for pid in oldest[:undated])
    assert keys[oldest[undated]] >= 1 << 40
    assert search.search(cat, "", limit=EVERY)[-undated:] == oldest[:undated][::-1]


@pytest.mark.parametrize("sort", ["taken", "name", "rating", "indexed"])
def test_a_cursor_continues_only_its_own_direction(photos, sort):
    cat = photos[0]
    for descending in (True, False):
        cursor = search.run(cat, "", sort=sort, descending=descending, limit=3).cursor
        with pytest.raises(search.QueryError, match=f"sorted by {sort} "
                                                    f"{'de' if descending else 'a'}scending"):
            search.run(cat, "", sort=sort, descending=not descending, after=cursor)
        search.run(cat, "", sort=sort, descending=descending, after=cursor)
    cursor = search.run(cat, "", scope=Scope("article", 1), descending=True, limit=3).cursor
    with pytest.raises(search.QueryError, match="sorted by article descending"):
        search.run(cat, "", scope=Scope("article", 1), after=cursor)


def test_relevance_runs_one_way_only(photos):
    cat = photos[0]
    with pytest.raises(search.QueryError, match="relevance runs one way only: best match"):
        search.run(cat, "lũ", sort="relevance", descending=False)
    assert search.search(cat, "lũ", sort="relevance", descending=True, limit=EVERY) == \
        search.search(cat, "lũ", sort="relevance", limit=EVERY)


def test_each_direction_is_described():
    assert search.described("taken") == "date taken, newest first"
    assert search.described("taken", False) == "date taken, oldest first"
    assert search.described("name") == "file name, A to Z"
    assert search.described("name", True) == "file name, Z to A"
    assert search.described(search.ARTICLE, True) == "the article's order, last image first"
    assert set(orders.DIRECTIONS) == {*search.SORTS, search.ARTICLE}

