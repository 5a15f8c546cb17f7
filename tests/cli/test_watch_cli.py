"""photodesk watch as a user runs it: a real process, real folders, Ctrl-C to stop."""

import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time

import pytest
from PIL import Image

from photodesk.core.catalog import Catalog
from photodesk.core.catalog import photos as photo_store
from photodesk.core.index import index_paths
from tests.conftest import ROOT, make_jpeg

class WatchProcess:
    """`photodesk watch` in a child process; its output lines are read on a thread."""

    def __init__(self, catalog_path, *args, prefix=()):
        command = [*prefix, sys.executable, "-m", "photodesk", "--catalog", str(catalog_path),
                   "watch", "--settle", "0.3", *map(str, args)]
        self.proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True, cwd=ROOT)
        self.lines: list[str] = []
        self._queue: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.proc.stdout:
            self._queue.put(line.rstrip("\n"))

    def wait_for(self, *words, timeout=20.0) -> str:
        """The first output line holding every word, waiting for it if need be."""
        deadline = time.monotonic() + timeout
        while True:
            for line in self.lines:
                if all(w in line for w in words):
                    return line
            remaining = deadline - time.monotonic()
            if remaining <= 0 or self.proc.poll() is not None and self._queue.empty():
                raise AssertionError(f"no line with {words}; output so far: {self.lines}; "
                                     f"stderr: {self._stderr()}")
            try:
                self.lines.append(self._queue.get(timeout=min(remaining, 0.05)))
            except queue.Empty:
                pass

    def interrupt(self) -> tuple[int, str]:
        self.proc.send_signal(signal.SIGINT)
        code = self.proc.wait(timeout=20)
        return code, self.proc.stderr.read()

    def _stderr(self) -> str:
        return self.proc.stderr.read() if self.proc.poll() is not None else "(still running)"

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def test_watch_prints_changes_as_they_happen_and_ctrl_c_stops_cleanly(tmp_path, photo_dir):
    make_jpeg(photo_dir / "before.jpg", color=(1, 2, 3))
    catalog_path = tmp_path / "c.sqlite"
    watching = WatchProcess(catalog_path, photo_dir)
    try:
        assert "(native)" in watching.wait_for("watching", str(photo_dir))
        watching.wait_for("catch-up", "1 images, 0 unchanged, 1 to read")
        watching.wait_for("ready")
        make_jpeg(photo_dir / "arrived.jpg", color=(4, 5, 6))
        watching.wait_for("new", str(photo_dir / "arrived.jpg"))
        os.rename(photo_dir / "before.jpg", photo_dir / "renamed.jpg")
        watching.wait_for("moved", str(photo_dir / "renamed.jpg"))
        code, stderr = watching.interrupt()
    finally:
        watching.kill()
    assert code == 0 and "Stopped watching." in stderr and "Traceback" not in stderr
    with Catalog(catalog_path) as cat:
        assert cat.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert photo_store.stats(cat)["present"] == 2


def test_watch_with_no_folder_at_all_is_a_usage_error(tmp_path):
    result = subprocess.run([sys.executable, "-m", "photodesk", "--catalog",
                             str(tmp_path / "c.sqlite"), "watch"], capture_output=True, text=True,
                            cwd=ROOT, timeout=60)
    assert result.returncode == 2 and "no folders to watch" in result.stderr


@pytest.fixture
def unprivileged() -> list[str]:
    """A command prefix under which file permissions apply: root reads anything, so as root
    the capabilities that let it are dropped (util-linux setpriv)."""
    if os.geteuid() != 0:
        return []
    if not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    caps = "-dac_override,-dac_read_search"
    return ["setpriv", f"--inh-caps={caps}", f"--bounding-set={caps}"]


def test_folders_that_cannot_be_read_get_a_clear_message(tmp_path, photo_dir, unprivileged):
    photos, locked = photo_dir, tmp_path / "locked"
    make_jpeg(photos / "ok.jpg")
    (photos / "secret").mkdir()
    make_jpeg(locked / "a.jpg")
    with Catalog(tmp_path / "c.sqlite") as cat:
        list(index_paths(cat, [str(locked)], workers=1))  # a catalog folder, readable then
    os.chmod(photos / "secret", 0)
    os.chmod(locked, 0)
    watching = WatchProcess(tmp_path / "c.sqlite", photos, prefix=unprivileged)
    try:
        watching.wait_for("problem", str(locked), "permission denied")
        watching.wait_for("failed", str(photos / "secret"), "permission denied")
        watching.wait_for("ready", "watching 1 folder")
        make_jpeg(photos / "later.jpg")
        watching.wait_for("new", str(photos / "later.jpg"))
        code, stderr = watching.interrupt()
    finally:
        watching.kill()
        os.chmod(photos / "secret", 0o755)
        os.chmod(locked, 0o755)
    assert code == 0, stderr


def test_a_big_arrival_shows_its_size_and_progress(tmp_path, photo_dir):
    staging = photo_dir / ".incoming"  # hidden: not watched until it is renamed
    staging.mkdir()
    for i in range(300):
        Image.new("RGB", (24, 16), (i % 256, 40, 90)).save(staging / f"card-{i:03}.jpg", "JPEG")
    watching = WatchProcess(tmp_path / "c.sqlite", photo_dir)
    try:
        watching.wait_for("ready")
        os.rename(staging, photo_dir / "card")  # a whole card's folder appears at once
        assert int(watching.wait_for("reading").split()[2]) >= 100
        watching.wait_for("progress", "images/s")
        with Catalog(tmp_path / "c.sqlite") as cat:
            deadline = time.monotonic() + 30
            while photo_store.stats(cat)["present"] < 300 and time.monotonic() < deadline:
                time.sleep(0.05)
            assert photo_store.stats(cat)["present"] == 300
        code, _ = watching.interrupt()
    finally:
        watching.kill()
    assert code == 0


def test_folders_of_an_old_settings_file_move_into_the_catalog_and_are_watched(tmp_path,
                                                                                photo_dir):
    from photodesk.core import settings as store
    from photodesk.core.catalog import folders as catalog_folders
    make_jpeg(photo_dir / "before.jpg", color=(1, 2, 3))
    # As an earlier version wrote it: the watched folders listed in the settings.
    store.save(store.Settings(catalog=str(tmp_path / "c.sqlite"),
                              folders=[store.ListedFolder(str(photo_dir), "polling")]))
    watching = WatchProcess(tmp_path / "c.sqlite")  # no PATH: the settings name the folder
    try:
        assert "(polling" in watching.wait_for("watching", str(photo_dir))
        watching.wait_for("ready")
        code, stderr = watching.interrupt()
    finally:
        watching.kill()
    assert code == 0, stderr
    assert f"moved the 1 folder(s) listed in {store.settings_path()} into the catalog" in stderr
    assert "[[folders]]" not in store.settings_path().read_text(encoding="utf-8")
    with Catalog(tmp_path / "c.sqlite") as cat:
        assert photo_store.stats(cat)["present"] == 1
        assert catalog_folders.folder_by_path(cat, str(photo_dir))["observer"] == "polling"


def test_a_folder_given_to_watch_is_watched_by_every_photodesk_on_the_catalog(
        tmp_path, photo_dir, monkeypatch):
    from photodesk.core import settings as store
    store.save(store.Settings(catalog=str(tmp_path / "c.sqlite")))
    watch_until_ready(tmp_path / "c.sqlite", "--observer", "polling", photo_dir)
    assert store.load() == store.Settings(catalog=str(tmp_path / "c.sqlite"))  # not listed
    # Another desk: its own settings file, the same catalog, no PATH.
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "other-desk"))
    watching = WatchProcess(tmp_path / "c.sqlite")
    try:
        assert "(polling" in watching.wait_for("watching", str(photo_dir))
        watching.wait_for("ready")
        watching.interrupt()
    finally:
        watching.kill()


def watch_until_ready(catalog_path, *args) -> None:
    """Start `photodesk watch`, wait until it is ready, stop it with Ctrl-C."""
    watching = WatchProcess(catalog_path, *args)
    try:
        watching.wait_for("ready")
        watching.interrupt()
    finally:
        watching.kill()
