"""The newsroom archive on a real PostgreSQL server: `archive init` makes the tables, indexes
and roles on an empty database and says so; a desk's catalog copied in and back out keeps
every row, id and search answer."""

import pytest

from photodesk.core import search
from photodesk.core.catalog import Catalog, archive, postgres
from photodesk.core.catalog.registry import ensure_event, ensure_keyword, ensure_person
from tests.conftest import make_scene


def test_init_makes_the_archive_once(pg_url):
    done = postgres.init(pg_url)
    assert done[0].startswith("created 19 tables")
    assert any(line == f"created role {postgres.EDITOR}" or "exists already" in line
               for line in done)
    with postgres.connect(pg_url) as conn:
        tables = {r[0] for r in conn.execute("SELECT tablename FROM pg_tables "
                                              "WHERE schemaname = 'public'")}
        assert {"photos", "people", "photo_people", "articles", "article_images", "roots",
                "saved_searches", "fingerprints", "history", "photo_words"} <= tables
        indexes = {r[0] for r in conn.execute("SELECT indexname FROM pg_indexes")}
        assert "photo_words_words" in indexes
        kind = conn.execute("SELECT amname FROM pg_class c JOIN pg_am a ON a.oid = c.relam "
                            "WHERE c.relname = 'photo_words_words'").fetchone()[0]
        assert kind == "gin"
    with pytest.raises(postgres.ArchiveError, match="already holds a PhotoDesk archive"):
        postgres.init(pg_url)


def test_init_refuses_another_programs_database(pg_url):
    with postgres.connect(pg_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE invoices (id int)")
    with pytest.raises(postgres.ArchiveError, match="1 tables of another program"):
        postgres.init(pg_url)


def test_an_unreachable_server_is_a_message():
    with pytest.raises(postgres.ArchiveError, match="cannot reach the archive at "
                                                   "postgresql://desk:\\*\\*\\*@127.0.0.1:9/"):
        postgres.connect("postgresql://desk:secret@127.0.0.1:9/archive")


def _desk_catalog(tmp_path):
    from photodesk.core.index import index_paths
    folder = tmp_path / "photos"
    for i in range(6):
        make_scene(folder / f"IMG_{i:04d}.jpg", seed=i, size=(320, 240))
    cat = Catalog(tmp_path / "desk.sqlite")
    for _ in index_paths(cat, [str(folder)], workers=1):
        pass
    ids = search.search(cat, "", sort="name")
    with cat.transaction():
        xuan = ensure_person(cat, "Võ Thị Ánh Xuân")
        cat.insert("photo_people", {"photo_id": ids[0], "person_id": xuan, "state": "confirmed"})
        event = ensure_event(cat, "Lễ hội Hoa Ban")
        cat.insert("photo_events", {"photo_id": ids[1], "event_id": event})
        keyword = ensure_keyword(cat, "lũ lụt")
        cat.insert("photo_keywords", {"photo_id": ids[2], "keyword_id": keyword})
        cat.update("photos", ids[3], {"caption": "Đồng chí Đặng Xuân Phong phát biểu",
                                      "rating": 5, "label": "Red"})
        search.save_search(cat, "đỏ", "label:red")
        search.refresh(cat, ids)
    return cat, ids


def test_a_desk_catalog_goes_into_the_archive_and_back(tmp_path, pg_url):
    cat, ids = _desk_catalog(tmp_path)
    before = {t: cat.db.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()
              for t in ("photos", "people", "photo_people", "events", "photo_events",
                        "keywords", "photo_keywords", "roots", "folders", "saved_searches",
                        "fingerprints")}
    queries = ('person:"vo thi anh xuan"', "dang xuan phong", "hoa ban", "keyword:lu",
               "label:red", "")
    answers = {q: search.search(cat, q) for q in queries}
    cat.close()
    events = list(archive.copy(str(tmp_path / "desk.sqlite"), pg_url))
    done = events[-1]
    assert "photos: 6" in done.written
    with postgres.connect(pg_url) as conn:
        assert conn.execute("SELECT count(*) FROM photos").fetchone()[0] == 6
        assert conn.execute("SELECT count(*) FROM photo_words").fetchone()[0] == 6
        # PhotoDesk's fold in the archive's index: đ is d, and a name is a phrase
        found = conn.execute("SELECT photo_id FROM photo_words WHERE words @@ "
                             "'''caption.dang'' <-> ''caption.xuan'''::tsquery").fetchall()
        assert found == [(ids[3],)]
        found = conn.execute("SELECT photo_id FROM photo_words WHERE words @@ "
                             "'''people.vo'' <-> ''people.thi'' <-> ''people.anh'''::tsquery"
                             ).fetchall()
        assert found == [(ids[0],)]
        # A new photo gets the next id, not one of the copied ones
        new = conn.execute("INSERT INTO people (name) VALUES ('Mới') RETURNING id").fetchone()
        assert new[0] > max(r[0] for r in before["people"])
        conn.rollback()
    # …and the copy refuses to run twice into the same archive
    with pytest.raises(postgres.ArchiveError, match="already holds 6 photos"):
        list(archive.copy(str(tmp_path / "desk.sqlite"), pg_url))
    back = tmp_path / "back.sqlite"
    list(archive.copy(pg_url, str(back)))
    again = Catalog(back)
    try:
        for table, rows in before.items():
            assert again.db.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall() == rows, \
                table
        for q in queries:
            assert search.search(again, q) == answers[q], q
    finally:
        again.close()


def test_copy_needs_one_archive_side(tmp_path):
    with pytest.raises(postgres.ArchiveError, match="from a SQLite catalog into an archive"):
        list(archive.copy(str(tmp_path / "a.sqlite"), str(tmp_path / "b.sqlite")))
