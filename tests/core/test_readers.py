"""Reader processes: forked from a fork server with the readers' modules imported, each its
own writer of temp files, and gone soon after the process that started them is killed."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from photodesk.core import thumbs
from photodesk.core.readers import start_pool
from tests.conftest import ROOT

STARTS_POOL = """
import os, sys
from photodesk.core.readers import start_pool
pool = start_pool(2)
pids = {pool.submit(os.getpid).result() for _ in range(8)}
print(" ".join(map(str, sorted(pids))), flush=True)
sys.stdin.read()  # until killed
"""


def test_a_reader_names_its_temp_files_by_its_own_pid():
    # Forked from the fork server, a reader has thumbs imported there, with the server's pid
    # in TEMP_PREFIX; a temp file left by a killed reader must name the reader.
    with start_pool(1) as pool:
        pid = pool.submit(os.getpid).result()
        prefix = pool.submit(thumbs.temp_prefix).result()
    assert prefix.split("-")[2] == str(pid)


def test_readers_end_soon_after_their_parent_is_killed():
    parent = subprocess.Popen([sys.executable, "-c", STARTS_POOL], cwd=ROOT, text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        readers = [int(p) for p in parent.stdout.readline().split()]
        below = _descendants(parent.pid)  # the readers, their fork server, the tracker
        assert readers and set(readers) <= set(below)
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    deadline = time.monotonic() + 5
    while [p for p in below if _running(p)] and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [p for p in below if _running(p)]


def _descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        for children in Path(f"/proc/{todo.pop()}/task").glob("*/children"):
            kids = [int(k) for k in children.read_text().split()]
            found += kids
            todo += kids
    return found


def _running(pid: int) -> bool:
    """Still there and not a zombie (a zombie has ended; it only waits to be reaped)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[0] not in "ZX"
