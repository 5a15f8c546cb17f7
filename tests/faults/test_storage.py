"""Storage faults on real file systems: a full thumbnail disk, a full catalog disk, a damaged
catalog, a catalog from a newer PhotoDesk, backups and restore. Each is met as a user meets it,
through the command line in its own process, and must end in a message, never a traceback."""

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from tests.conftest import CORPUS

SAMPLES = sorted((CORPUS / "exif-samples/jpg").glob("*.jpg"))


def photodesk(catalog: Path, *args: str, check: int | None = 0) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "photodesk", "--catalog", str(catalog), *args],
                            capture_output=True, text=True, timeout=300)
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    if check is not None:
        assert result.returncode == check, result.stdout + result.stderr
    return result


def catalog_rows(catalog: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(catalog)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


class SmallDisk:
    """A real tmpfs of a few hundred KB, made larger later: a disk that fills, then is freed."""

    def __init__(self, path: Path, size: str):
        self.path = path
        path.mkdir()
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
                              capture_output=True, text=True)
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here (needs root): {done.stderr.strip()}")

    def resize(self, size: str) -> None:
        subprocess.run(["mount", "-o", f"remount,size={size}", str(self.path)], check=True)

    def remove(self) -> None:
        subprocess.run(["umount", "-l", str(self.path)], check=False)


@pytest.fixture
def small_disk(tmp_path):
    disks = []

    def make(name: str, size: str) -> SmallDisk:
        disks.append(SmallDisk(tmp_path / name, size))
        return disks[-1]

    yield make
    for disk in disks:
        disk.remove()


@pytest.fixture
def photos(tmp_path) -> Path:
    if not SAMPLES:
        pytest.skip(f"no corpus at {CORPUS}")
    folder = tmp_path / "photos"
    folder.mkdir()
    for path in SAMPLES:
        shutil.copyfile(path, folder / path.name)
    return folder


def use_thumbnail_folder(folder: Path) -> None:
    config = Path(os.environ["XDG_CONFIG_HOME"]) / "photodesk"
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.toml").write_text(f'thumbnail_cache = "{folder}"\n', encoding="utf-8")


def cameras(catalog: Path) -> int:
    return catalog_rows(catalog, "SELECT count(*) FROM photos WHERE make IS NOT NULL")[0][0]


# --- a passing fault is retried ----------------------------------------------------------

@pytest.mark.parametrize("retry_with", ["index", "cache rebuild", "watch catch-up"])
def test_a_full_thumbnail_disk_then_space_freed_gives_every_photo_with_its_metadata(
        tmp_path, photos, small_disk, retry_with):
    # The reference: the same files indexed with room to spare.
    reference = tmp_path / "reference.sqlite"
    photodesk(reference, "index", "-q", str(photos), check=None)
    expected = catalog_rows(reference, "SELECT name, make, model, taken_at FROM photos "
                                       "WHERE status = 'present' ORDER BY name")

    disk = small_disk("thumbs", "300k")
    use_thumbnail_folder(disk.path)
    catalog = tmp_path / "c.sqlite"
    first = photodesk(catalog, "index", "-q", str(photos), check=1)
    assert "No space left on device" in first.stderr and "passing fault" in first.stderr
    failed = catalog_rows(catalog, "SELECT failure, make FROM photos WHERE status = 'unreadable'")
    assert failed and {f for f, _ in failed} >= {"passing"}
    # What was read is kept even though the thumbnails could not be saved.
    assert any(make for _, make in failed)

    disk.resize("50m")
    if retry_with == "index":
        again = photodesk(catalog, "index", "-q", str(photos))
        assert f"{len(failed)} to read" in again.stderr
    elif retry_with == "cache rebuild":
        photodesk(catalog, "cache", "rebuild", "--quiet")
    else:
        watch = subprocess.Popen([sys.executable, "-m", "photodesk", "--catalog", str(catalog),
                                  "watch", "--settle", "0.2"], stdout=subprocess.PIPE,
                                 stderr=subprocess.STDOUT, text=True)
        try:
            for line in watch.stdout:
                if "ready" in line:
                    break
        finally:
            watch.terminate()
            output = watch.communicate(timeout=30)[0]
        assert "Traceback" not in output
    got = catalog_rows(catalog, "SELECT name, make, model, taken_at FROM photos "
                                "WHERE status = 'present' ORDER BY name")
    assert got == expected
    assert catalog_rows(catalog, "SELECT count(*) FROM photos WHERE failure IS NOT NULL") == [(0,)]


def test_a_file_that_is_not_an_image_is_not_read_again_until_it_changes(tmp_path, photos):
    (photos / "notes.jpg").write_text("not a photo")
    catalog = tmp_path / "c.sqlite"
    photodesk(catalog, "index", "-q", str(photos), check=1)
    assert catalog_rows(catalog, "SELECT failure FROM photos WHERE name = 'notes.jpg'") == [
        ("permanent",)]
    again = photodesk(catalog, "index", "-q", str(photos), check=0)
    assert "0 to read" in again.stderr


# --- the catalog's own disk ------------------------------------------------------------------

def test_a_full_catalog_disk_is_a_message_and_the_next_run_carries_on(tmp_path, photos,
                                                                      small_disk):
    use_thumbnail_folder(tmp_path / "thumbs")
    disk = small_disk("catalog", "160k")
    catalog = disk.path / "c.sqlite"
    many = tmp_path / "many"
    many.mkdir()
    for i in range(8):  # distinct bytes, distinct photos: enough rows to fill 160 KB
        for path in SAMPLES:
            data = path.read_bytes() + f"copy {i}".encode()
            (many / f"{i}-{path.name}").write_bytes(data)
    full = photodesk(catalog, "index", "-q", str(many), check=1)
    assert "the disk holding the catalog is full" in full.stderr
    assert str(catalog) in full.stderr

    disk.resize("20m")
    photodesk(catalog, "index", "-q", str(many))
    assert catalog_rows(catalog, "PRAGMA integrity_check") == [("ok",)]
    assert catalog_rows(catalog, "SELECT count(*) FROM photos WHERE status = 'present'") == [
        (8 * len(SAMPLES),)]


# --- a damaged catalog, a newer catalog ------------------------------------------------------

def damage(catalog: Path) -> None:
    """Overwrite one page in the middle of the catalog file, as a failing disk would."""
    page = catalog_rows(catalog, "PRAGMA page_size")[0][0]
    pages = catalog.stat().st_size // page
    with open(catalog, "r+b") as fh:
        fh.seek(page * (pages // 2))
        fh.write(b"\xab" * page)


def test_a_damaged_catalog_is_named_checked_and_restored(tmp_path, photos):
    catalog = tmp_path / "c.sqlite"
    photodesk(catalog, "index", "-q", str(photos), check=None)  # makes the daily backup too
    photodesk(catalog, "catalog", "check")
    count = catalog_rows(catalog, "SELECT count(*) FROM photos")[0][0]
    damage(catalog)

    for args in (["stats"], ["search", "canon"], ["index", "-q", str(photos)]):
        result = photodesk(catalog, *args, check=1)
        assert "the catalog is damaged" in result.stderr and str(catalog) in result.stderr
        assert "photodesk catalog restore" in result.stderr

    check = photodesk(catalog, "catalog", "check", check=1)
    assert "damaged" in check.stderr and "catalog restore" in check.stderr

    restored = photodesk(catalog, "catalog", "restore", "--yes")
    assert "replaced is kept as" in restored.stdout
    assert list(tmp_path.glob("c.sqlite.replaced-*"))
    stats = json.loads(photodesk(catalog, "stats", "--json").stdout)
    assert stats["photos"] == count
    photodesk(catalog, "catalog", "check")


def test_a_catalog_from_a_newer_photodesk_is_refused_and_left_alone(tmp_path, photos):
    catalog = tmp_path / "c.sqlite"
    photodesk(catalog, "index", "-q", str(photos), check=None)
    conn = sqlite3.connect(catalog)
    with conn:
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                     "VALUES ('photodesk', 'm999_from_the_future', '2030-01-01')")
    conn.close()
    before = catalog_rows(catalog, "SELECT * FROM photos ORDER BY id")
    for args in (["stats"], ["index", "-q", str(photos)], ["search", "canon"]):
        result = photodesk(catalog, *args, check=1)
        assert "newer PhotoDesk" in result.stderr and "m999_from_the_future" in result.stderr
    assert catalog_rows(catalog, "SELECT * FROM photos ORDER BY id") == before


def test_a_file_that_is_no_catalog_is_named(tmp_path):
    catalog = tmp_path / "c.sqlite"
    catalog.write_bytes(b"PK\x03\x04 a zip file, say" * 100)
    result = photodesk(catalog, "stats", check=1)
    assert "not a PhotoDesk catalog" in result.stderr


# --- backups -----------------------------------------------------------------------------------

def test_a_backup_is_made_before_a_migration_and_holds_the_photos(tmp_path):
    from sqlite_utils import Database

    from photodesk.core.catalog import backup
    from photodesk.core.catalog.schema import migrations
    # A catalog as the version before roots left it, with a photo in it.
    last = "m009_roots"
    assert last in [m.name for m in migrations._migrations]
    catalog = tmp_path / "c.sqlite"
    db = Database(catalog)
    migrations.apply(db, stop_before=last)
    db["folders"].insert({"path": "/photos", "added_at": "2024-01-01", "status": "online"})
    db["photos"].insert({"path": "/photos/a.jpg", "name": "a.jpg", "folder_id": 1,
                         "caption": "Đồng chí", "status": "present"})
    db.close()

    photodesk(catalog, "stats")
    made = backup.list_backups(catalog)
    assert [b.why for b in made] == [f"before-{last}"]
    assert catalog_rows(made[0].path, "SELECT caption FROM photos") == [("Đồng chí",)]
    assert backup.check(made[0].path) == []
    assert last in [r[0] for r in catalog_rows(catalog, "SELECT name FROM _sqlite_migrations")]


def test_backups_rotate_and_the_newest_is_restored(tmp_path, photos):
    from photodesk.core.catalog import Catalog, backup
    catalog = tmp_path / "c.sqlite"
    with Catalog(catalog) as cat:
        for _ in range(backup.KEEP["manual"] + 2):
            backup.make(cat, "manual")
        assert backup.make_if_due(cat) is not None
        assert backup.make_if_due(cat) is None  # one a day
    kinds = [b.why for b in backup.list_backups(catalog)]
    assert kinds.count("manual") == backup.KEEP["manual"] and kinds.count("daily") == 1

    photodesk(catalog, "index", "-q", str(photos), check=None)
    newest = photodesk(catalog, "catalog", "backup").stdout.split("backed up to ", 1)[1].strip()
    photodesk(catalog, "edit", str(photos / SAMPLES[0].name), "--caption", "after the backup")
    photodesk(catalog, "catalog", "restore", "--yes", newest)
    assert catalog_rows(catalog, "SELECT count(*) FROM photos WHERE caption = 'after the backup'"
                        ) == [(0,)]
    listed = photodesk(catalog, "catalog", "backups").stdout
    assert Path(newest).name in listed


def test_copies_made_in_one_second_rotate_oldest_first(tmp_path):
    # make() numbers the copies of one second .2, .3…; rotation once took "x.sqlite" for
    # the newest of them and a freed number was taken again, so the copy just made could be
    # the one rotated away (a restore of it then failed: no such file).
    from photodesk.core.catalog import Catalog, backup
    with Catalog(tmp_path / "c.sqlite") as cat:
        made = [backup.make(cat, "manual") for _ in range(backup.KEEP["manual"] * 3)]
    listed = [b.path for b in backup.list_backups(tmp_path / "c.sqlite")]
    assert listed == made[::-1][:backup.KEEP["manual"]]
    assert all(p.exists() for p in listed)


def test_a_damaged_backup_is_not_restored(tmp_path):
    catalog = tmp_path / "c.sqlite"
    photodesk(catalog, "stats")
    bad = tmp_path / f"{uuid.uuid4().hex}.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\xab" * 8000)
    result = photodesk(catalog, "catalog", "restore", "--yes", str(bad), check=1)
    assert "damaged too" in result.stderr
    photodesk(catalog, "stats")


def test_an_sqlite_file_of_another_program_is_refused_and_left_as_it_is(tmp_path):
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    with conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
    conn.close()
    before = other.read_bytes()
    result = photodesk(other, "stats", check=1)
    assert "SQLite file of another program" in result.stderr
    assert other.read_bytes() == before and not Path(f"{other}-wal").exists()


def test_check_and_restore_take_the_file_named_even_with_hash_or_question_marks(tmp_path, photos):
    folder = tmp_path / "số #1 ?x"
    folder.mkdir()
    catalog = folder / "c.sqlite"
    photodesk(catalog, "index", "-q", str(photos), check=None)
    photodesk(catalog, "catalog", "backup")
    damage(catalog)
    assert "damaged" in photodesk(catalog, "catalog", "check", check=1).stderr
    photodesk(catalog, "catalog", "restore", "--yes")
    photodesk(catalog, "catalog", "check")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([folder.name, "photos"])


def test_two_catalogs_with_one_stem_keep_their_backups_apart(tmp_path):
    from photodesk.core.catalog import backup
    first, second = tmp_path / "photos.db", tmp_path / "photos.sqlite"
    photodesk(first, "catalog", "backup")
    photodesk(second, "catalog", "backup")
    assert len(backup.list_backups(first)) == len(backup.list_backups(second)) == 1
    assert backup.list_backups(first)[0].path.parent != backup.list_backups(second)[0].path.parent


def test_undoing_a_restore_brings_back_what_the_replaced_catalogs_wal_held(tmp_path, photos):
    from photodesk.core.catalog import Catalog, backup
    catalog = tmp_path / "c.sqlite"
    photodesk(catalog, "stats")
    photodesk(catalog, "catalog", "backup")  # an empty catalog
    # Rows committed to the WAL and not yet checkpointed, as a killed process leaves them.
    script = ("import os, sys; from photodesk.core.catalog import Catalog\n"
              "cat = Catalog(sys.argv[1]); cat.db.execute('PRAGMA wal_autocheckpoint=0')\n"
              "with cat.transaction():\n"
              "    cat.db.execute(\"INSERT INTO people (name) VALUES ('Hoàng Minh Đức')\")\n"
              "os._exit(0)\n")
    subprocess.run([sys.executable, "-c", script, str(catalog)], check=True)
    restored = photodesk(catalog, "catalog", "restore", "--yes").stdout
    kept = restored.split("kept as ", 1)[1].strip()
    photodesk(catalog, "catalog", "restore", "--yes", kept)
    with Catalog(catalog) as cat:
        assert cat.db.execute("SELECT name FROM people").fetchall() == [("Hoàng Minh Đức",)]
    assert backup.check(catalog) == []


def test_a_large_catalog_is_checked_in_the_background_not_on_open(tmp_path, photos,
                                                                   monkeypatch):
    """SQLite's check cannot be cut short: a catalog over QUICK_CHECK_BYTES is not checked on
    open (4.5 s on the GUI thread at a million photos before); the window's background check
    names the damage as the check on open would."""
    from types import SimpleNamespace

    from photodesk.core.catalog import backup, db
    catalog = tmp_path / "c.sqlite"
    photodesk(catalog, "index", "-q", str(photos), check=None)
    assert backup.check_unchecked(SimpleNamespace(path=catalog)) is None  # small: on open
    monkeypatch.setattr(db, "QUICK_CHECK_BYTES", 0)
    assert backup.check_unchecked(SimpleNamespace(path=catalog)) is None  # sound
    damage(catalog)
    message = backup.check_unchecked(SimpleNamespace(path=catalog))
    assert "the catalog is damaged" in message and "photodesk catalog restore" in message
