import signal
import subprocess
import sys

import pytest

from photodesk.core.catalog import Catalog
from tests.conftest import make_jpeg


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL])
def test_a_stopped_index_leaves_a_consistent_catalog_and_the_next_run_carries_on(
        tmp_path, photo_dir, sig):
    for i in range(80):
        make_jpeg(photo_dir / f"p{i:03}.jpg", size=(900, 600), color=(i * 3, 90, 90))
    catalog_path = tmp_path / "c.sqlite"
    command = [sys.executable, "-m", "photodesk", "--catalog", str(catalog_path), "index",
               "--workers", "1", str(photo_dir)]
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    assert "images found" in proc.stderr.readline()  # the walk is done, reading has begun
    proc.send_signal(sig)
    proc.wait(timeout=60)
    if sig == signal.SIGINT and proc.returncode != 0:  # it may have finished before the signal
        assert proc.returncode == 130 and "Stopped." in proc.stderr.read()

    with Catalog(catalog_path) as cat:
        assert cat.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        done = cat.db["photos"].count
    finished = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert finished.returncode == 0, finished.stderr
    assert f"80 images found, {done} unchanged, {80 - done} to read" in finished.stderr
    with Catalog(catalog_path) as cat:
        assert cat.db["photos"].count == 80
