"""The search index behind queries: keys in date-taken order, kept current by refresh(),
rebuilt whole by rebuild(), and filled by migration m004 when an older catalog opens."""

from datetime import datetime

from sqlite_utils import Database

from photodesk.core import search
from photodesk.core.catalog import Catalog
from photodesk.core.catalog.schema import migrations
from photodesk.core.edit import edit_photos
from photodesk.core.search import keys
from tests.conftest import stored_at


def add(cat, name, taken=None, **fields):
    pid = cat.db["photos"].insert({**stored_at(cat, f"/p/{name}"), "name": name, "status": "present",
                                   "taken_at": taken}).last_pk
    edit_photos(cat, [pid], **fields)
    return pid


def test_keys_follow_the_date_taken_and_undated_photos_come_last():
    early = keys.wanted(7, datetime(2020, 1, 1, 8))
    late = keys.wanted(3, datetime(2024, 2, 28, 14, 30))
    assert keys.DATED < early < late and keys.wanted(999, None) < keys.DATED
    assert keys.moment(late) == datetime(2024, 2, 28, 14, 30)
    low, high = keys.key_range(datetime(2024, 2, 28), datetime(2024, 2, 29))
    assert low <= late < high and not low <= early < high
    assert keys.taken(None, "2024-02") == datetime(2024, 2, 1)
    assert keys.taken("2024-02-28T14:30:00", "2020-01-01") == datetime(2024, 2, 28, 14, 30)
    assert keys.taken("garbage", None) is None


def test_photos_of_the_same_second_keep_distinct_keys_in_both_ways(catalog):
    same = "2024-02-28T14:30:00"
    ids = [add(catalog, f"{i}.jpg", same, caption="cùng giây") for i in range(5)]
    huge = catalog.db["photos"].insert({"id": ids[0] + (1 << keys.TIE_BITS), **stored_at(catalog, "/p/x.jpg"),
                                        "name": "x.jpg", "status": "present",
                                        "taken_at": same}).last_pk
    search.refresh(catalog, [huge])  # wants the same key as ids[0]
    assert set(search.search(catalog, "")) == {*ids, huge}
    assert search.count(catalog, "date:2024-02-28") == 6
    assert search.rebuild(catalog) == 6
    assert set(search.search(catalog, "date:2024-02-28")) == {*ids, huge}


def test_refresh_follows_edits_dates_and_deletions(catalog):
    a = add(catalog, "a.jpg", "2024-01-01T10:00:00", caption="lũ")
    b = add(catalog, "b.jpg", "2023-01-01T10:00:00", caption="lũ")
    assert search.search(catalog, "lu") == [a, b]
    catalog.db["photos"].update(b, {"taken_at": "2025-01-01T10:00:00"})
    search.refresh(catalog, [b])
    assert search.search(catalog, "lu") == [b, a]
    edit_photos(catalog, [a], caption="bão", people=["Lan"])
    assert search.search(catalog, "lu") == [b] and search.search(catalog, "person:lan") == [a]
    catalog.db.execute("DELETE FROM photo_people WHERE photo_id = ?", [a])
    catalog.db.execute("DELETE FROM photos WHERE id = ?", [a])
    search.refresh(catalog, [a])
    assert search.search(catalog, "") == [b]
    assert catalog.db.execute("SELECT count(*) FROM photo_search").fetchone()[0] == 1


def test_an_older_catalog_gets_its_index_when_it_opens(tmp_path):
    path = tmp_path / "old.sqlite"
    db = Database(path)
    migrations.apply(db, stop_before="m004_search")
    db["photos"].insert_all([
        {"id": 1, "path": "/p/2024/a.jpg", "name": "a.jpg", "status": "present",
         "caption": "Đồng chí phát biểu", "taken_at": "2024-02-28T14:30:00", "make": "Canon",
         "model": "Canon EOS R6"},
        {"id": 2, "path": "/p/2023/b.jpg", "name": "b.jpg", "status": "present",
         "caption": "Lễ hội", "date_created": "2023-06-01"},
    ])
    db["people"].insert({"id": 1, "name": "Võ Thị Ánh Xuân"})
    db["photo_people"].insert({"photo_id": 1, "person_id": 1, "source": "file",
                               "state": "confirmed"})
    db.close()
    with Catalog(path) as cat:
        assert "m004_search" in cat.schema_version()
        assert search.search(cat, "") == [1, 2]
        assert search.search(cat, 'person:"vo thi anh xuan" camera:r6 date:2024-02') == [1]
        assert search.search(cat, 'folder:"/p/2023"') == [2]
        assert search.search(cat, "dong chi") == [1] and search.search(cat, "2023") == []
        search.refresh(cat, [1, 2])  # the live rules agree with the migration's frozen copy
        assert search.search(cat, "date:2023-06") == [2]
