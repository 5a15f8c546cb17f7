"""Several desks on one catalog (the archive on PostgreSQL, or one SQLite file): every editor's
change is in the photo's history with who and when; an edit made on a version another desk
has changed since is refused as a conflict, with both values, and nothing is lost; two desks
saving at the same moment: one wins, the other is told."""

import os
import subprocess
import sys
import threading

import pytest

from photodesk.core import search
from photodesk.core.catalog import Catalog, edits, postgres
from photodesk.core.edit import edit_photos
from photodesk.core.index import index_paths
from tests.core.test_archive_catalog import _newsroom


@pytest.fixture(params=["sqlite", "postgresql"])
def newsroom(request, tmp_path):
    """(catalog location, the sample folder), indexed, on each backend."""
    folder = _newsroom(tmp_path)
    if request.param == "sqlite":
        where = str(tmp_path / "desk.sqlite")
    else:
        where = request.getfixturevalue("pg_url")
        postgres.init(where)
    cat = Catalog(where)
    list(index_paths(cat, [str(folder)], workers=1))
    cat.close()
    return where, folder


def _desk(where: str, *args: str) -> subprocess.CompletedProcess:
    """A second PhotoDesk process on the same catalog."""
    return subprocess.run([sys.executable, "-m", "photodesk", "--catalog", where, *args],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": os.getcwd()})


def test_every_edit_is_in_the_history(newsroom):
    where, folder = newsroom
    cat = Catalog(where)
    try:
        pid = search.search(cat, "", sort="name")[0]
        before, earlier = catalog_version(cat, pid), len(edits.history(cat, pid))
        assert edit_photos(cat, [pid], caption="Lễ khai mạc", desk="Ảnh 1") == {pid: before + 1}
        edit_photos(cat, [pid], people=["Võ Thị Ánh Xuân", "Trịnh Xuân Trường"])
        changes = edits.history(cat, pid)[earlier:]
        assert [c["field"] for c in changes] == ["caption", "people"]
        assert changes[0]["new"] == "Lễ khai mạc" and changes[0]["desk"] == "Ảnh 1"
        assert changes[0]["old"] != "Lễ khai mạc"
        assert changes[1]["old"] == [] and changes[1]["new"] == ["Trịnh Xuân Trường",
                                                                 "Võ Thị Ánh Xuân"]
        assert changes[0]["who"] == cat.who and changes[0]["at"]
    finally:
        cat.close()
    shown = _desk(where, "history", str(pid))
    assert shown.returncode == 0, shown.stderr
    assert f"(version {before + 2})" in shown.stdout
    assert "caption:" in shown.stdout and "'Lễ khai mạc'" in shown.stdout
    assert "(Ảnh 1)" in shown.stdout


def test_an_edit_on_an_old_version_is_a_conflict(newsroom):
    where, folder = newsroom
    cat = Catalog(where)
    try:
        pid = search.search(cat, "", sort="name")[0]
        opened_at = catalog_version(cat, pid)  # desk A opens the photo
        other = _desk(where, "edit", "--caption", "Desk B's caption", str(pid))  # desk B saves
        assert other.returncode == 0, other.stderr
        with pytest.raises(edits.EditConflict) as caught:
            edit_photos(cat, [pid], versions={pid: opened_at}, caption="Desk A's caption")
        assert caught.value.theirs == {"caption": "Desk B's caption"}
        assert caught.value.current == opened_at + 1
        assert catalog_version(cat, pid) == opened_at + 1
        row = cat.db.execute("SELECT caption FROM photos WHERE id = ?", [pid]).fetchone()
        assert row[0] == "Desk B's caption"  # nothing of A's saved, nothing of B's lost
        assert search.search(cat, "desk b") == [pid]
    finally:
        cat.close()
    refused = _desk(where, "edit", "--if-version", str(opened_at), "--caption", "late", str(pid))
    assert refused.returncode == 1
    assert "was changed" in refused.stderr and "Desk B's caption" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert _desk(where, "edit", "--if-version", str(opened_at + 1), "--caption", "now",
                 str(pid)).returncode == 0


def catalog_version(cat, pid: int) -> int:
    return cat.db.execute("SELECT version FROM photos WHERE id = ?", [pid]).fetchone()[0]


def test_two_desks_saving_at_once_on_the_archive(tmp_path, pg_url):
    """Desk A's save holds the photo's row; desk B's, made on the same version, waits for it
    and is then refused: the row it would change is no longer at its version."""
    folder = _newsroom(tmp_path)
    postgres.init(pg_url)
    a, b = Catalog(pg_url), Catalog(pg_url)
    try:
        list(index_paths(a, [str(folder)], workers=1))
        pid = search.search(a, "", sort="name")[0]
        version = catalog_version(a, pid)
        outcome = {}
        with a.transaction():
            edit_photos(a, [pid], versions={pid: version}, caption="A")

            def save_b():
                try:
                    edit_photos(b, [pid], versions={pid: version}, caption="B")
                    outcome["b"] = "saved"
                except edits.EditConflict as e:
                    outcome["b"] = e

            thread = threading.Thread(target=save_b)
            thread.start()
            thread.join(1.0)
            assert thread.is_alive()  # B waits for A's transaction
        thread.join(10)
        assert isinstance(outcome["b"], edits.EditConflict)
        assert outcome["b"].theirs == {"caption": "A"}
        assert a.db.execute("SELECT caption, version FROM photos WHERE id = ?",
                            [pid]).fetchone() == ("A", version + 1)
        saved = [c["new"] for c in edits.history(a, pid)]
        assert saved[-1] == "A" and "B" not in saved
    finally:
        a.close()
        b.close()
