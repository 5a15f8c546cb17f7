"""The window on the newsroom's archive: it opens on PostgreSQL; another desk's change to the
photo shown appears in it within 2 s, without a click; an edit made while the server is away
is kept and saved when it is back."""

import time

from photodesk.core.catalog import Catalog, postgres
from photodesk.core.edit import edit_photos
from tests.core.test_archive_catalog import _newsroom
from tests.gui.test_desk import select


def _window_on_archive(qtbot, open_window, tmp_path, pg_url):
    """The window on a new archive holding the sample newsroom; DSC_0452.jpg shown."""
    postgres.init(pg_url)
    window = open_window(pg_url, [str(_newsroom(tmp_path))])
    with qtbot.waitSignal(window.indexingFinished, timeout=60000):
        pass
    qtbot.waitUntil(lambda: window.model.rowCount() == 7, timeout=15000)
    # The archive's echo of the indexing comes after it (LISTEN): a photo chosen while the
    # grid reads it again can lose its selection (see README, known limits)
    qtbot.wait(2000)
    select(qtbot, window, "DSC_0452.jpg")  # the photo shown stays the one edited
    return window, window.inspector.photo_id()


def test_another_desks_caption_appears(qtbot, open_window, tmp_path, pg_url):
    window, pid = _window_on_archive(qtbot, open_window, tmp_path, pg_url)
    qtbot.wait(800)  # the window listens by now
    with Catalog(pg_url) as other_desk:
        edit_photos(other_desk, [pid], caption="Chú thích sửa ở bàn biên tập khác", desk="B")
    saved = time.monotonic()
    qtbot.waitUntil(lambda: window.inspector.text_of("caption") ==
                    "Chú thích sửa ở bàn biên tập khác", timeout=5000)
    assert time.monotonic() - saved < 2.0
    assert window.model.photo(pid)["caption"] == "Chú thích sửa ở bàn biên tập khác"


def test_an_edit_made_while_the_archive_is_away_is_saved_when_it_is_back(
        qtbot, open_window, tmp_path, pg_url, pg_server, monkeypatch):
    from photodesk.gui.dialogs import conflict as conflict_dialog
    asked = []
    monkeypatch.setattr(conflict_dialog, "choose", lambda _, c: asked.append(c) or False)
    window, pid = _window_on_archive(qtbot, open_window, tmp_path, pg_url)
    qtbot.wait(800)
    pg_server.stop()
    try:
        window.inspector.caption.setFocus()
        window.inspector.caption.setPlainText("Sửa khi mất kết nối")
        window.inspector.caption.commit()
        qtbot.waitUntil(lambda: any("edits are kept" in r for r in window.problems.reasons()),
                        timeout=15000)
    finally:
        pg_server.start()

    def saved():
        with Catalog(pg_url) as cat:
            row = cat.db.execute("SELECT caption FROM photos WHERE id = ?", [pid]).fetchone()
        return row[0] == "Sửa khi mất kết nối"
    try:
        qtbot.waitUntil(saved, timeout=20000)
    finally:
        assert asked == []
    assert any("reachable again" in r for r in window.problems.reasons())


def test_a_reader_sees_the_editing_parts_greyed(qtbot, open_window, tmp_path, pg_url,
                                                pg_server):
    import psycopg
    postgres.init(pg_url)
    with Catalog(pg_url) as cat:
        from photodesk.core.index import index_paths
        list(index_paths(cat, [str(_newsroom(tmp_path))], workers=1))
    with psycopg.connect(pg_server.url(), autocommit=True) as admin:
        admin.execute("DROP ROLE IF EXISTS window_reader")
        admin.execute("CREATE ROLE window_reader LOGIN IN ROLE photodesk_reader")
    window = open_window(pg_url.replace("postgres@", "window_reader@"))
    qtbot.waitUntil(lambda: not window.inspector.editing.isEnabled(), timeout=10000)
    assert "Read only" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: window.model.rowCount() == 7, timeout=15000)  # it reads
