"""The archive as a catalog: a folder indexed straight into PostgreSQL, its article linked, and
searched; the same folder on SQLite and on the archive gives the same answers to the same
queries, in every sort and direction, page by page."""

import shutil

import pytest

from photodesk.core import search
from photodesk.core.catalog import Catalog, postgres
from photodesk.core.catalog.registry import ensure_person
from photodesk.core.index import index_paths
from photodesk.core.sample import bundled_sample
from tests.core.test_query_named import _every_page

QUERIES = (
    "", "hoa son", "hoa", "nong san", '"hoi cho"', "ban -hoa", "hoa OR ban", "pick:yes",
    "label:red", "rating:>=4", "rating:>=4 hoa", "-label:red", "has:caption", "-has:caption",
    "has:article", "person:xuan", 'person:"vo thi anh xuan"', "person:xuan label:red",
    "date:2025", "date:2024..2026 hoa", "status:present", "folder:sample", "name:dsc",
    "camera:nikon", "-has:people", "similar:1",
)
SORTS = [("taken", None), ("taken", False), ("name", None), ("name", False), ("rating", None),
         ("rating", False), ("indexed", None), ("relevance", None)]


def _newsroom(tmp_path):
    folder = tmp_path / "sample"
    shutil.copytree(bundled_sample(), folder, ignore=shutil.ignore_patterns("generate.py"))
    return folder


def _edited(cat) -> None:
    ids = search.search(cat, "", sort="name")
    with cat.transaction():
        xuan = ensure_person(cat, "Võ Thị Ánh Xuân")
        for n, pid in enumerate(ids):
            cat.update("photos", pid, {"rating": n % 6, "label": ("Red", "red", None)[n % 3],
                                       "pick": (0, 1, -1)[n % 3]})
            if n % 2:
                cat.insert("photo_people", {"photo_id": pid, "person_id": xuan,
                                            "state": "confirmed", "source": "editor"})
        search.refresh(cat, ids)


@pytest.fixture
def both(tmp_path, pg_url):
    folder = _newsroom(tmp_path)
    postgres.init(pg_url)
    desk, archive = Catalog(tmp_path / "desk.sqlite"), Catalog(pg_url)
    for cat in (desk, archive):
        events = list(index_paths(cat, [str(folder)], workers=1))
        assert not [e for e in events if type(e).__name__ == "Failed"], events
        _edited(cat)
    yield desk, archive
    desk.close()
    archive.close()


def test_a_folder_indexed_into_the_archive(both):
    _, archive = both
    assert type(archive).__name__ == "ArchiveCatalog"
    assert archive.count("photos") == 7
    assert archive.count("articles") == 1
    linked = archive.db.execute("SELECT count(*) FROM article_images WHERE photo_id IS NOT NULL"
                                ).fetchone()[0]
    assert linked == 7
    page = search.run(archive, "hoa son")
    assert page.total == len(page.ids) > 0


@pytest.mark.parametrize("sort,descending", SORTS)
def test_both_backends_answer_alike(both, sort, descending):
    desk, archive = both
    for query in QUERIES:
        if sort == "relevance" and query and not any(c.isalpha() for c in query):
            continue
        expected = _every_page(desk, query, sort, descending)
        got = _every_page(archive, query, sort, descending)
        if sort == "relevance":  # each ranks its own way: the same photos
            assert sorted(got) == sorted(expected), query
        else:
            assert got == expected, (query, sort, descending)
        assert search.count(archive, query) == search.count(desk, query) == len(expected), query
