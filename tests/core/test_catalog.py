
import pytest

from photodesk.core.catalog import Catalog, CatalogError
from photodesk.core.catalog import photos as catalog
from photodesk.core.catalog import photos as catalog_module
from photodesk.core.catalog.schema import migrations
from tests.conftest import stored_at
from photodesk.core.catalog import folders as catalog_folders


def test_new_catalog_uses_wal_foreign_keys_and_migrations(tmp_path):
    cat = Catalog(tmp_path / "c.sqlite")
    assert cat.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert cat.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert cat.schema_version() == [m.name for m in migrations._migrations]
    assert {"photos", "folders", "people", "events", "keywords", "photo_people",
            "photo_events", "photo_keywords", "photo_search"} <= set(cat.db.table_names())


def test_opening_an_older_catalog_upgrades_it_and_keeps_its_data(tmp_path):
    path = tmp_path / "old.sqlite"
    from sqlite_utils import Database
    db = Database(path)
    migrations.apply(db, stop_before="m002_articles")
    db["folders"].insert({"path": "/photos", "added_at": "2024-01-01", "status": "online"})
    db["photos"].insert({"path": "/photos/a.jpg", "name": "a.jpg", "folder_id": 1,
                         "caption": "Đồng chí", "status": "present"})
    db.close()

    cat = Catalog(path)
    assert "m002_articles" in cat.schema_version()
    assert catalog.photo_by_path(cat, "/photos/a.jpg")["caption"] == "Đồng chí"
    assert "articles" in cat.db.table_names()


def test_a_file_that_is_not_a_catalog_gets_a_clear_error(tmp_path):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(CatalogError, match="cannot open catalog"):
        Catalog(bad)


def test_edits_are_remembered(catalog):
    from photodesk.core.edit import edit_photos
    fid = catalog_folder(catalog)
    pid = catalog.db["photos"].insert({**stored_at(catalog, "/p/a.jpg"), "name": "a.jpg", "folder_id": fid,
                                       "status": "present"}).last_pk
    edit_photos(catalog, [pid], caption="Chú thích", people=["Võ Thị Ánh Xuân"], rating=4)
    row = catalog_photo(catalog, pid)
    assert row["caption"] == "Chú thích" and row["people"] == ["Võ Thị Ánh Xuân"]
    assert row["rating"] == 4
    with pytest.raises(ValueError):
        edit_photos(catalog, [pid], no_such_field=1)


def catalog_folder(cat):
    return catalog_folders.add_folder(cat, "/p")


def catalog_photo(cat, pid):
    return catalog.photo(cat, pid)


def _statements(cat, work) -> int:
    """Statements that read or change rows (sqlite-utils' savepoints around them not counted)."""
    count = [0]

    def seen(sql: str) -> None:
        if sql.lstrip().split(" ", 1)[0].upper() in ("SELECT", "INSERT", "UPDATE", "DELETE"):
            count[0] += 1

    cat.db.conn.set_trace_callback(seen)
    try:
        work()
    finally:
        cat.db.conn.set_trace_callback(None)
    return count[0]


def test_a_page_of_photos_costs_the_same_statements_whatever_its_size(catalog):
    with catalog.transaction():
        folder = catalog_folders.add_folder(catalog, "/p")
        for i in range(150):
            catalog.db["photos"].insert({**stored_at(catalog, f"/p/{i}.jpg"), "name": f"{i}.jpg",
                                         "folder_id": folder, "status": "present"})
        for i in range(1, 151):
            catalog.db.execute("INSERT OR IGNORE INTO people (name) VALUES (?)", [f"P{i % 7}"])
            catalog.db.execute("INSERT INTO photo_people (photo_id, person_id) "
                               "SELECT ?, id FROM people WHERE name = ?", [i, f"P{i % 7}"])
    ids = list(range(1, 151))
    ten = _statements(catalog, lambda: catalog_module.photos(catalog, ids[:10]))
    sixty = _statements(catalog, lambda: catalog_module.photos(catalog, ids[:60]))
    all_ = _statements(catalog, lambda: catalog_module.photos(catalog, ids))
    assert ten == sixty == all_ == 5
    rows = catalog_module.photos(catalog, ids[:60])
    assert [r["id"] for r in rows] == ids[:60]
    assert rows[0]["people"] == ["P1"] and rows[6]["people"] == ["P0"]


def test_a_status_change_is_one_statement_for_many_photos(catalog):
    with catalog.transaction():
        for i in range(100):
            catalog.db["photos"].insert({**stored_at(catalog, f"/p/{i}.jpg"), "name": f"{i}.jpg",
                                         "status": "present"})
    ids = list(range(1, 101))
    assert _statements(catalog, lambda: catalog_module.set_status(catalog, ids, "missing")) == 1
    assert catalog.db.execute("SELECT count(*) FROM photos WHERE status = 'missing'"
                              ).fetchone()[0] == 100
