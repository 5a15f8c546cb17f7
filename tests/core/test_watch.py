"""Live folders with real watchdog observers on temporary folders."""

import errno
import io
import os
import shutil
import subprocess
import threading
import time
from collections import Counter

import pytest
from blake3 import blake3
from PIL import Image
from watchdog.observers import Observer

from photodesk.core import search
from photodesk.core.catalog import Catalog
from photodesk.core.catalog import articles as store
from photodesk.core.catalog import photos as photo_store
from photodesk.core.catalog import folders as catalog_folders
from photodesk.core.edit import edit_photos
from photodesk.core.index import ArticleImported, Indexed, Missing, Scanned, index_paths
from photodesk.core.jobs import Failed
from photodesk.core.watch import Batch, Offline, Online, Watcher, Watching, network_filesystem
from tests.conftest import ROOT, exiftool, make_jpeg

SETTLE = 0.3  # short, so the tests run fast; the default is a second
SAMPLE = ROOT / "resources" / "sample"


class Live:
    """A Watcher on its own thread with its own catalog connection, as the GUI runs it."""

    def __init__(self, catalog_path, paths=(), **options):
        options = {"settle": SETTLE, "check_interval": 0.2, "poll_interval": 0.2, "workers": 1,
                   **options}
        self.catalog_path = catalog_path
        self.watcher = Watcher([str(p) for p in paths], **options)
        self.events: list = []
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        try:
            with Catalog(self.catalog_path) as cat:
                for event in self.watcher.run(cat):
                    self.events.append(event)
        except BaseException as exc:  # the test thread reports it
            self.error = exc

    def __enter__(self):
        self.thread.start()
        self.wait_for(lambda: self.of(Watching) or self.error, "the folders to be watched")
        self.wait_for(lambda: any(type(e).__name__ == "Ready" for e in self.events), "ready")
        return self

    def __exit__(self, *exc):
        self.watcher.stop()
        self.thread.join(timeout=10)
        assert not self.thread.is_alive(), "the watcher did not stop"
        if self.error and not exc[0]:
            raise self.error

    def wait_for(self, condition, what, timeout=15.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.error:
                raise self.error
            if condition():
                return
            time.sleep(0.05)
        raise AssertionError(f"timed out waiting for {what}; last events: {self.events[-12:]}")

    def of(self, kind):
        return [e for e in list(self.events) if isinstance(e, kind)]

    def indexed(self, path, change=None):
        return [e for e in self.of(Indexed)
                if e.path == str(path) and (change is None or e.change == change)]


def row(cat, path):
    return photo_store.photo_by_path(cat, str(path))


def status(cat, path):
    found = row(cat, path)
    return found and found["status"]


def jpeg_bytes(size=(1600, 1200), color=(30, 120, 200)) -> bytes:
    image = Image.new("RGB", size, color)
    for x in range(0, size[0], 40):
        image.paste((x % 256, 90, 200), (x, 0, x + 9, size[1]))
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=92)
    return buf.getvalue()


@pytest.fixture
def indexed(catalog, photo_dir):
    """Three photos indexed before watching; the first carries an editor's keyword."""
    paths = [make_jpeg(photo_dir / f"p{i}.jpg", color=(i * 60, 90, 40)) for i in range(3)]
    list(index_paths(catalog, [str(photo_dir)], workers=1))
    edit_photos(catalog, [row(catalog, paths[0])["id"]], keywords=["bầu cử"])
    return paths


def test_a_copy_written_in_chunks_with_pauses_is_indexed_once_and_complete(catalog, photo_dir):
    data = jpeg_bytes()
    target = photo_dir / "arriving.jpg"
    with Live(catalog.path, [photo_dir]) as live:
        with open(target, "wb") as fh:
            for start in range(0, len(data), len(data) // 6):
                fh.write(data[start:start + len(data) // 6])
                fh.flush()
                time.sleep(SETTLE / 3)  # the copy pauses, shorter than the settle time
        assert not live.indexed(target), "read before the copy was complete"
        live.wait_for(lambda: live.indexed(target, "new"), "the copied photo")
    assert len(live.indexed(target)) == 1
    photo = row(catalog, target)
    assert (photo["size"], photo["hash"]) == (len(data), blake3(data).hexdigest())
    assert (photo["width"], photo["height"]) == (1600, 1200) and photo["warnings"] == []


def test_a_file_written_under_a_hidden_name_then_renamed_is_indexed_once(catalog, photo_dir):
    with Live(catalog.path, [photo_dir]) as live:
        make_jpeg(photo_dir / ".partial-upload.jpg")
        os.rename(photo_dir / ".partial-upload.jpg", photo_dir / "upload.jpg")
        live.wait_for(lambda: live.indexed(photo_dir / "upload.jpg"), "the renamed upload")
    assert row(catalog, photo_dir / ".partial-upload.jpg") is None
    assert len(live.of(Indexed)) == 1


def test_rename_keeps_the_photo_and_its_tags(catalog, photo_dir, indexed):
    pid = row(catalog, indexed[0])["id"]
    renamed = photo_dir / "Võ Thị Ánh Xuân.jpg"
    with Live(catalog.path, [photo_dir]) as live:
        os.rename(indexed[0], renamed)
        live.wait_for(lambda: live.indexed(renamed, "moved"), "the rename")
    photo = row(catalog, renamed)
    assert (photo["id"], photo["status"], photo["keywords"]) == (pid, "present", ["bầu cử"])
    assert not live.of(Missing) and photo_store.stats(catalog)["photos"] == 3
    assert pid in search.search(catalog, "vo thi anh xuan")


def test_moves_between_subfolders_keep_each_photo(catalog, photo_dir, indexed):
    (photo_dir / "sub").mkdir()
    (photo_dir / "old").mkdir()
    shutil.move(indexed[1], photo_dir / "old" / "p1.jpg")
    shutil.move(indexed[2], photo_dir / "old" / "p2.jpg")
    list(index_paths(catalog, [str(photo_dir)], workers=1))
    ids = {p: row(catalog, p)["id"] for p in
           (indexed[0], photo_dir / "old" / "p1.jpg", photo_dir / "old" / "p2.jpg")}
    with Live(catalog.path, [photo_dir]) as live:
        shutil.move(indexed[0], photo_dir / "sub" / "p0.jpg")  # one file to another subfolder
        os.rename(photo_dir / "old", photo_dir / "new")  # a whole subfolder renamed
        moved = [photo_dir / "sub" / "p0.jpg", photo_dir / "new" / "p1.jpg",
                 photo_dir / "new" / "p2.jpg"]
        live.wait_for(lambda: all(live.indexed(p, "moved") for p in moved), "the moves")
    assert [row(catalog, p)["id"] for p in moved] == list(ids.values())
    assert row(catalog, moved[0])["keywords"] == ["bầu cử"]
    assert not live.of(Missing) and photo_store.stats(catalog)["photos"] == 3
    assert all(status(catalog, p) == "present" for p in moved)


def test_deleted_photo_is_missing_and_comes_back_whole(catalog, photo_dir, indexed, tmp_path):
    pid = row(catalog, indexed[0])["id"]
    trash = tmp_path / "trash.jpg"
    with Live(catalog.path, [photo_dir]) as live:
        shutil.move(indexed[0], trash)  # out of the watched folder: a deletion
        live.wait_for(lambda: Missing(str(indexed[0]), pid) in live.events, "missing")
        assert status(catalog, indexed[0]) == "missing"
        assert row(catalog, indexed[0])["keywords"] == ["bầu cử"]
        shutil.move(trash, indexed[0])  # restored from the trash: same path, same mtime
        live.wait_for(lambda: status(catalog, indexed[0]) == "present", "the restored photo")
        os.remove(indexed[1])
        make_jpeg(tmp_path / "copy.jpg", color=(60, 90, 40))  # the same content as p1
        live.wait_for(lambda: status(catalog, indexed[1]) == "missing", "the second deletion")
        shutil.copy(tmp_path / "copy.jpg", photo_dir / "returned.jpg")
        live.wait_for(lambda: live.indexed(photo_dir / "returned.jpg"), "the returned copy")
    photo = row(catalog, indexed[0])
    assert (photo["id"], photo["keywords"]) == (pid, ["bầu cử"])
    assert live.indexed(photo_dir / "returned.jpg")[0].change == "moved"  # matched by hash
    assert photo_store.stats(catalog)["photos"] == 3


def test_a_modified_photo_is_read_again_and_keeps_its_edits(catalog, photo_dir, indexed):
    pid = row(catalog, indexed[0])["id"]
    edit_photos(catalog, [pid], headline="Tiêu đề của biên tập")
    with Live(catalog.path, [photo_dir]) as live:
        exiftool("-overwrite_original", "-XMP-dc:Description=Chú thích mới từ máy ảnh", indexed[0])
        live.wait_for(lambda: live.indexed(indexed[0], "updated"), "the re-read")
    photo = row(catalog, indexed[0])
    assert photo["caption"] == "Chú thích mới từ máy ảnh"
    assert (photo["headline"], photo["keywords"]) == ("Tiêu đề của biên tập", ["bầu cử"])


def test_a_burst_of_a_thousand_files_is_indexed_in_a_few_batches(catalog, photo_dir):
    with Live(catalog.path, [photo_dir], workers=2) as live:
        for i in range(1000):
            image = Image.new("RGB", (24, 16), (i % 256, i // 256 * 60, 120))
            image.save(photo_dir / f"burst-{i:04}.jpg", "JPEG")
        # The events too: a batch's events follow its commit, and stopping the watch between
        # the two (a loaded machine can pause the watch's thread there) drops the rest.
        live.wait_for(lambda: photo_store.stats(catalog)["present"] == 1000
                      and len(live.of(Indexed)) >= 1000, "1,000 photos", timeout=40)
    batches = live.of(Batch)
    assert sum(b.files for b in batches) == 1000 and len(batches) <= 20
    paths = Counter(e.path for e in live.of(Indexed))
    assert len(paths) == 1000 and set(paths.values()) == {1}
    assert search.count(catalog, "burst 0999") == 1


def test_an_article_links_its_photos_whether_it_arrives_before_or_after_them(catalog, tmp_path):
    before, after = tmp_path / "before", tmp_path / "after"
    before.mkdir()
    after.mkdir()
    article = "hoi-cho-nong-san-hoa-son-2025.txt"
    photos = sorted(p for p in SAMPLE.iterdir() if p.suffix.lower() in (".jpg", ".jpeg"))
    with Live(catalog.path, [before, after]) as live:
        shutil.copy(SAMPLE / article, before / article)
        live.wait_for(lambda: live.of(ArticleImported), "the article")
        assert live.of(ArticleImported)[0].linked == 0
        for photo in photos:
            shutil.copy(photo, before / photo.name)
            shutil.copy(photo, after / photo.name)
        live.wait_for(lambda: photo_store.stats(catalog)["present"] == 2 * len(photos), "the photos")
        shutil.copy(SAMPLE / article, after / article)
        live.wait_for(lambda: len(live.of(ArticleImported)) == 2, "the second article")
    for folder in (before, after):
        found = store.article(catalog, store.article_by_path(catalog, str(folder / article)))
        assert [i["match"] for i in found["images"]] == ["linked"] * len(photos)
        assert {os.path.dirname(i["photo_path"]) for i in found["images"]} == {str(folder)}
    assert live.of(ArticleImported)[1].linked == len(photos)


def test_changes_made_while_not_watching_are_found_at_the_next_start(catalog, photo_dir, indexed):
    pid = row(catalog, indexed[0])["id"]
    exiftool("-overwrite_original", "-XMP-dc:Description=Sửa khi tắt máy", indexed[0])
    os.remove(indexed[1])
    make_jpeg(photo_dir / "new.jpg", color=(1, 2, 3))
    with Live(catalog.path) as live:  # no paths: every catalog folder
        pass
    assert Scanned(total=3, unchanged=1, to_index=2) in live.events  # p2 was not opened
    assert live.indexed(indexed[0], "updated") and live.indexed(photo_dir / "new.jpg", "new")
    assert Missing(str(indexed[1]), row(catalog, indexed[1])["id"]) in live.events
    photo = row(catalog, indexed[0])
    assert (photo["id"], photo["caption"], photo["keywords"]) == (pid, "Sửa khi tắt máy",
                                                                  ["bầu cử"])


def test_a_deleted_folder_goes_offline_and_comes_back_whole(catalog, photo_dir, indexed, tmp_path):
    away = tmp_path / "away"
    with Live(catalog.path, [photo_dir]) as live:
        os.rename(photo_dir, away)
        live.wait_for(lambda: live.of(Offline), "offline")
        assert live.of(Offline)[0].photos == 3
        assert {status(catalog, p) for p in indexed} == {"offline"}
        os.rename(away, photo_dir)
        live.wait_for(lambda: live.of(Online), "back online")
        make_jpeg(photo_dir / "after.jpg", color=(9, 9, 9))
        live.wait_for(lambda: live.indexed(photo_dir / "after.jpg"), "watching again")
    assert {status(catalog, p) for p in indexed} == {"present"}
    assert row(catalog, indexed[0])["keywords"] == ["bầu cử"]
    assert not live.of(Missing)
    assert catalog_folders.folder_by_path(catalog, str(photo_dir))["status"] == "online"


def test_an_unmounted_share_goes_offline_not_missing(catalog, tmp_path):
    source, share = tmp_path / "nas", tmp_path / "share"
    share.mkdir()
    make_jpeg(source / "a.jpg")
    if subprocess.run(["mount", "--bind", str(source), str(share)],
                      capture_output=True).returncode != 0:
        pytest.skip("bind mounts need root")
    try:
        list(index_paths(catalog, [str(share)], workers=1))
        with Live(catalog.path, [share]) as live:
            subprocess.run(["umount", str(share)], check=True)
            live.wait_for(lambda: live.of(Offline), "offline")
            assert "not mounted" in live.of(Offline)[0].reason
            assert status(catalog, share / "a.jpg") == "offline"
            subprocess.run(["mount", "--bind", str(source), str(share)], check=True)
            live.wait_for(lambda: live.of(Online), "remounted")
        assert status(catalog, share / "a.jpg") == "present" and not live.of(Missing)
    finally:
        subprocess.run(["umount", str(share)], capture_output=True)


def test_polling_observer_chosen_for_a_folder(catalog, photo_dir):
    with Live(catalog.path, [photo_dir], observer="polling") as live:
        make_jpeg(photo_dir / "polled.jpg")
        live.wait_for(lambda: live.indexed(photo_dir / "polled.jpg"), "the polled photo")
        os.rename(photo_dir / "polled.jpg", photo_dir / "renamed.jpg")
        live.wait_for(lambda: live.indexed(photo_dir / "renamed.jpg", "moved"), "the rename")
    assert live.of(Watching)[0].observer == "polling"
    assert catalog_folders.folder_by_path(catalog, str(photo_dir))["observer"] == "polling"


class WatchLimitReached(type(Observer())):
    """The native observer as it fails when fs.inotify.max_user_watches is used up."""

    def schedule(self, *args, **kwargs):
        raise OSError(errno.ENOSPC, "inotify watch limit reached")


def test_native_failure_falls_back_to_polling_with_a_message(catalog, photo_dir):
    with Live(catalog.path, [photo_dir], native=WatchLimitReached) as live:
        make_jpeg(photo_dir / "a.jpg")
        live.wait_for(lambda: live.indexed(photo_dir / "a.jpg"), "the photo, by polling")
    watching = live.of(Watching)[0]
    assert watching.observer == "polling" and "max_user_watches" in watching.reason


def test_network_shares_are_recognised_from_the_mount_table(tmp_path):
    mounts = tmp_path / "mounts"
    mounts.write_text("/dev/sda1 / ext4 rw 0 0\n"
                      "//nas/ảnh /mnt/nas\\040photos cifs rw 0 0\n"
                      "server:/x /mnt/nfs nfs4 rw 0 0\n", encoding="utf-8")
    assert network_filesystem("/mnt/nas photos/2025", str(mounts)) == "cifs"
    assert network_filesystem("/mnt/nfs", str(mounts)) == "nfs4"
    assert network_filesystem("/mnt/nfsother", str(mounts)) is None
    assert network_filesystem("/home/x", str(mounts)) is None


def test_a_symlink_loop_is_reported_and_the_folder_still_watched(catalog, photo_dir):
    (photo_dir / "sub").mkdir()
    os.symlink(photo_dir, photo_dir / "sub" / "loop")
    with Live(catalog.path, [photo_dir]) as live:
        make_jpeg(photo_dir / "sub" / "a.jpg")
        live.wait_for(lambda: live.indexed(photo_dir / "sub" / "a.jpg"), "the photo")
    assert Failed(str(photo_dir / "sub" / "loop"),
                  "folder already scanned (symlink loop or repeat)") in live.events
    assert photo_store.stats(catalog)["photos"] == 1


def test_a_folder_reached_through_a_symlink_keeps_its_own_paths(catalog, tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    link = tmp_path / "link"
    os.symlink(real, link)
    with Live(catalog.path, [link]) as live:
        make_jpeg(link / "a.jpg")
        live.wait_for(lambda: live.indexed(link / "a.jpg"), "the photo, by its link path")
    assert row(catalog, real / "a.jpg") is None


def test_a_folder_another_window_adds_to_the_catalog_is_watched_too(catalog, photo_dir, tmp_path):
    other = tmp_path / "other"
    make_jpeg(other / "first.jpg")
    with Live(catalog.path, [photo_dir]) as live:
        list(index_paths(catalog, [str(other)], workers=1))  # as the GUI or `photodesk index` does
        live.wait_for(lambda: any(w.path == str(other) for w in live.of(Watching)), "watching")
        make_jpeg(other / "second.jpg")
        live.wait_for(lambda: live.indexed(other / "second.jpg"), "the photo in the new folder")


def test_a_catalog_held_by_another_writer_is_waited_out_and_nothing_is_lost(
        catalog, photo_dir, indexed, monkeypatch):
    import sqlite3

    from photodesk.core.catalog import db
    from photodesk.core.watch import WatchProblem
    monkeypatch.setattr(db, "BUSY_SECONDS", 0.3)  # the watch's connection gives up quickly
    with Live(catalog.path, [photo_dir], settle=0.2) as live:
        # Another process's long transaction: the write lock, held past the busy timeout.
        other = sqlite3.connect(catalog.path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            make_jpeg(photo_dir / "during.jpg", color=(10, 200, 90))
            live.wait_for(lambda: live.of(WatchProblem), "the watch to say the catalog is busy")
            assert "another PhotoDesk is writing" in live.of(WatchProblem)[0].reason
        finally:
            other.execute("ROLLBACK")
            other.close()
        live.wait_for(lambda: live.indexed(photo_dir / "during.jpg"), "the file to be indexed")
        assert live.thread.is_alive()
    assert status(catalog, photo_dir / "during.jpg") == "present"
