"""Facets: counts of a result by person, event, article, date, camera, rating, label, pick,
folder and status; the clause each value narrows to; sampled counts on a large result."""

import pytest

from photodesk.core import search
from photodesk.core.catalog import Catalog
from tests.core.test_query_catalog import EVERY, TODAY, open_desk


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    yield from open_desk(tmp_path_factory)


def counts(found, name):
    return {v.value: v.count for v in found.groups[name]}


def test_facets_of_every_photo(desk):
    found = search.facets(desk.cat, "")
    assert (found.total, found.exact, found.sampled) == (len(EVERY), True, len(EVERY))
    assert counts(found, "person") == {"Võ Thị Ánh Xuân": 2, "Trịnh Xuân Trường": 2}
    assert counts(found, "event") == {"Hội nghị thi đua khen thưởng 2024": 1}
    title = "Các phong trào thi đua góp phần đưa Lào Cai trở thành tỉnh phát triển toàn diện"
    assert counts(found, "article") == {title: 1}
    assert counts(found, "year") == {"2024": 3, "2023": 1}
    assert [v.value for v in found.groups["month"]] == ["2024-02", "2024-01", "2023-06"]
    assert counts(found, "day") == {"2024-02-28": 2, "2024-01-15": 1, "2023-06-01": 1}
    assert counts(found, "camera") == {"Canon EOS R6": 1, "NIKON D850": 1}
    assert counts(found, "rating") == {"5": 1, "4": 1, "2": 1, "0": 3}
    assert counts(found, "label") == {"Red": 1, "Green": 1}
    assert counts(found, "pick") == {"yes": 1, "reject": 1, "no": 4}
    assert counts(found, "folder") == {str(desk.folder): 6, f"{desk.folder}/sub": 1}  # and below
    assert counts(found, "status") == {"present": 5, "missing": 1}
    assert list(found.groups) == list(search.FACETS)


def test_facets_follow_the_query(desk):
    found = search.facets(desk.cat, "xuan -rating:2", today=TODAY)
    assert found.total == 2
    assert counts(found, "person") == {"Trịnh Xuân Trường": 2, "Võ Thị Ánh Xuân": 1}
    assert counts(found, "rating") == {"4": 1, "0": 1}
    assert search.facets(desk.cat, "foo:bar").total == 0


def test_every_facet_value_narrows_to_exactly_its_count(desk):
    """What the GUI does when a value is clicked: the clause joins the query text."""
    for query in ("", "xuan", "sa OR bac"):
        found = search.facets(desk.cat, query)
        for name, values in found.groups.items():
            for value in values:
                narrowed = search.narrow(query, search.facet_clause(name, value.value))
                page = search.run(desk.cat, narrowed)
                assert not page.problems, (narrowed, page.problems)
                assert page.total == value.count, (narrowed, value)


def test_facet_clauses_read_as_a_person_would_type_them():
    assert search.facet_clause("person", "Võ Thị Ánh Xuân") == 'person:"Võ Thị Ánh Xuân"'
    assert search.facet_clause("month", "2024-02") == "date:2024-02"
    assert search.facet_clause("pick", "reject") == "pick:reject"
    assert search.facet_clause("article", 'Bão "Yagi"') == 'article:"Bão Yagi"'
    assert search.narrow("a OR b", "rating:3") == "(a OR b) rating:3"
    assert search.narrow("xuan", "rating:3") == "xuan rating:3"
    assert search.narrow("xuan rating:3", "rating:3") == "xuan rating:3"
    assert search.narrow("", "rating:3") == "rating:3"
    with pytest.raises(ValueError):
        search.facet_clause("colour", "red")


def test_a_large_result_is_counted_from_a_sample_and_says_so(tmp_path):
    cat = Catalog(tmp_path / "big.sqlite")
    with cat.transaction():
        root = cat.roots.place("/p")[0]
        cat.db.execute("INSERT INTO people (id, name) VALUES (1, 'Lan'), (2, 'Hùng')")
        cat.db.conn.executemany(
            "INSERT INTO photos (id, root_id, relpath, name, status, caption, rating, taken_at) "
            "VALUES (?, ?, ?, ?, 'present', ?, ?, ?)",
            [(i, root, f"{i % 4}/{i}.jpg", f"{i}.jpg", "ảnh thời sự", i % 2 * 5,
              f"{2020 + i % 3}-05-01T10:00:00") for i in range(1, 4001)])
        cat.db.conn.executemany(
            "INSERT INTO photo_people (photo_id, person_id, source, state) "
            "VALUES (?, ?, 'file', 'confirmed')",
            [(i, 1 if i % 4 else 2) for i in range(1, 4001)])
    assert search.rebuild(cat) == 4000
    found = search.facets(cat, "thoi su", sample=300)
    assert not found.exact and 150 <= found.sampled <= 600
    assert 3000 <= found.total <= 5000
    people = counts(found, "person")
    assert 2400 <= people["Lan"] <= 3600 and 600 <= people["Hùng"] <= 1400
    assert 1500 <= counts(found, "rating")["5"] <= 2500
    assert set(counts(found, "year")) == {"2020", "2021", "2022"}
    assert search.facets(cat, "thoi su", sample=5000).exact
    cat.close()


def test_a_folder_counts_the_folders_inside_it_but_not_its_namesakes():
    from collections import Counter

    from photodesk.core.search.facet_counts import _folders
    direct = Counter({"/a/b": 2, "/a/b-c": 3, "/a/b/x": 4, "/a/b/x/y": 1, "/": 1})
    assert _folders(direct) == {"/a/b": 7, "/a/b-c": 3, "/a/b/x": 5, "/a/b/x/y": 1, "/": 11}
