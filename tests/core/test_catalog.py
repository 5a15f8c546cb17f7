
import pytest

from photodesk.core.catalog import Catalog, CatalogError
from photodesk.core.catalog import photos as catalog
from photodesk.core.catalog.schema import migrations


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
    pid = catalog.db["photos"].insert({"path": "/p/a.jpg", "name": "a.jpg", "folder_id": fid,
                                       "status": "present"}).last_pk
    edit_photos(catalog, [pid], caption="Chú thích", people=["Võ Thị Ánh Xuân"], rating=4)
    row = catalog_photo(catalog, pid)
    assert row["caption"] == "Chú thích" and row["people"] == ["Võ Thị Ánh Xuân"]
    assert row["rating"] == 4
    with pytest.raises(ValueError):
        edit_photos(catalog, [pid], no_such_field=1)


def catalog_folder(cat):
    return catalog.add_folder(cat, "/p")


def catalog_photo(cat, pid):
    return catalog.photo(cat, pid)
