"""Saved searches: kept by name in the catalog, run afresh, so new photos that match appear."""

import pytest

from photodesk.core import search
from photodesk.core.catalog import Catalog
from photodesk.core.catalog import photos as catalog
from photodesk.core.index import index_paths
from tests.conftest import exiftool, make_jpeg, stored_at


def tagged(folder, name, *tags):
    path = make_jpeg(folder / name, size=(160, 120))
    exiftool("-overwrite_original", *tags, path)
    return path


def test_a_saved_search_picks_up_a_photo_indexed_later(tmp_path, photo_dir):
    first = tagged(photo_dir, "a.jpg", "-XMP-iptcExt:PersonInImage=Võ Thị Ánh Xuân",
                   "-EXIF:DateTimeOriginal=2024:01:15 10:00:00")
    tagged(photo_dir, "b.jpg", "-XMP-iptcExt:PersonInImage=Trịnh Xuân Trường")
    path = tmp_path / "c.sqlite"
    with Catalog(path) as cat:
        list(index_paths(cat, [str(photo_dir)], workers=1))
        search.save_search(cat, "Phó Chủ tịch nước", 'person:"vo thi anh xuan" date:2024')
        page = search.run_saved(cat, "Phó Chủ tịch nước")
        assert page.ids == [catalog.photo_by_path_id(cat, str(first))]

    later = tagged(photo_dir, "c.jpg", "-XMP-iptcExt:PersonInImage=Võ Thị Ánh Xuân",
                   "-EXIF:DateTimeOriginal=2024:02:28 14:30:00")
    with Catalog(path) as cat:  # another session: the search was kept in the catalog
        list(index_paths(cat, [str(photo_dir)], workers=1))
        page = search.run_saved(cat, "Phó Chủ tịch nước")
        assert page.ids == [catalog.photo_by_path_id(cat, str(p)) for p in (later, first)]
        assert page.total == 2


def test_saving_listing_replacing_and_deleting(catalog):
    search.save_search(catalog, "  Lũ   lụt ", "lu OR lut", sort="rating")
    search.save_search(catalog, "Bão", "bao -has:caption")
    assert [(s.name, s.query, s.sort) for s in search.saved_searches(catalog)] == [
        ("Bão", "bao -has:caption", "taken"), ("Lũ lụt", "lu OR lut", "rating")]
    search.save_search(catalog, "Bão", "bao yagi")
    assert search.saved_search(catalog, "Bão").query == "bao yagi"
    assert search.saved_search(catalog, "bao").name == "Bão"  # accents and case may be left out
    assert search.saved_search(catalog, "nothing") is None
    assert search.delete_saved_search(catalog, "BAO")
    assert [s.name for s in search.saved_searches(catalog)] == ["Lũ lụt"]
    assert not search.delete_saved_search(catalog, "Bão")


def test_a_query_that_cannot_be_read_is_not_saved(catalog):
    with pytest.raises(search.QueryError, match="rating:9"):
        search.save_search(catalog, "Best", "xuan rating:9")
    with pytest.raises(search.QueryError, match="needs a name"):
        search.save_search(catalog, "  ", "xuan")
    with pytest.raises(search.QueryError, match="needs a query"):
        search.save_search(catalog, "Empty", "  ")
    with pytest.raises(search.QueryError, match="cannot sort"):
        search.save_search(catalog, "Odd", "xuan", sort="colour")
    assert search.saved_searches(catalog) == []
    with pytest.raises(search.QueryError, match="no saved search named 'Best'"):
        search.run_saved(catalog, "Best")


def _rated(catalog) -> list[int]:
    """Three photos, named 0.jpg to 2.jpg, rated 5, 3 and 4: two of floods (lũ), one of a
    storm."""
    from photodesk.core.edit import edit_photos
    ids = []
    for i, (caption, rating) in enumerate([("lũ Hà Giang", 5), ("lũ Yên Bái", 3), ("bão", 4)]):
        pid = catalog.db["photos"].insert({**stored_at(catalog, f"/p/{i}.jpg"), "name": f"{i}.jpg",
                                           "status": "present"}).last_pk
        edit_photos(catalog, [pid], caption=caption, rating=rating)
        ids.append(pid)
    return ids


def test_a_saved_search_can_be_narrowed_and_keeps_its_sort(catalog):
    ids = _rated(catalog)
    search.save_search(catalog, "Lũ", "lu OR bao", sort="rating")
    assert search.run_saved(catalog, "Lũ").ids == [ids[0], ids[2], ids[1]]
    assert search.run_saved(catalog, "Lũ", also="-ha").ids == [ids[2], ids[1]]
    assert search.run_saved(catalog, "Lũ", sort="name").ids == ids


def test_a_saved_search_keeps_its_direction(catalog):
    ids = _rated(catalog)
    search.save_search(catalog, "Lũ", "lu OR bao", sort="rating", descending=False)
    assert search.saved_search(catalog, "Lũ").descending is False
    assert search.run_saved(catalog, "Lũ").ids == [ids[1], ids[2], ids[0]]
    assert search.run_saved(catalog, "Lũ", sort="rating").ids == [ids[1], ids[2], ids[0]]
    assert search.run_saved(catalog, "Lũ", descending=True).ids == [ids[0], ids[2], ids[1]]
    # the direction goes with the saved sort: another sort runs its own usual way
    assert search.run_saved(catalog, "Lũ", sort="name").ids == ids
    assert search.run_saved(catalog, "Lũ", sort="name", descending=True).ids == ids[::-1]
    search.save_search(catalog, "Lũ", "lu OR bao", sort="rating")  # replaced: the usual way
    assert search.saved_search(catalog, "Lũ").descending is None
    assert search.run_saved(catalog, "Lũ").ids == [ids[0], ids[2], ids[1]]
    with pytest.raises(search.QueryError, match="one way only"):
        search.save_search(catalog, "Best", "lu", sort="relevance", descending=False)


def test_a_search_saved_before_directions_runs_its_usual_way(tmp_path):
    from sqlite_utils import Database

    from photodesk.core.catalog.schema import migrations
    path = tmp_path / "old.sqlite"
    db = Database(path)
    migrations.apply(db, stop_before="m013_saved_direction")
    db["saved_searches"].insert({"name": "Lũ", "query": "lu", "sort": "name",
                                 "created_at": "2024-01-01", "updated_at": "2024-01-01"})
    db.close()
    with Catalog(path, backups=False) as cat:
        assert "m013_saved_direction" in cat.schema_version()
        (entry,) = search.saved_searches(cat)
        assert (entry.sort, entry.descending) == ("name", None)
        assert search.run_saved(cat, "Lũ").ids == []
