"""Real processes sharing one catalog (issue 12): two indexes at once, an index beside a running
watch, and kill -9 at random moments. No mocks: `python -m photodesk` children, real signals,
real camera JPEGs from the corpus."""

import contextlib
import glob
import itertools
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.conftest import CORPUS, ROOT

PHOTODESK = [sys.executable, "-m", "photodesk"]
CAMERA_JPEGS = CORPUS / "exif-samples" / "jpg"
MARK = "PHOTODESK_FAULT_TEST"  # in the environment of a child and of every process it starts
GONE_WITHIN = 5.0  # seconds for the processes of a killed photodesk to end
_numbers = itertools.count()


# -- the photos --

def camera_copies(folder: Path, n: int, tag: str, first: int = 0) -> list[Path]:
    """n distinct JPEGs in folder: the corpus camera files in turn, each with a few bytes of
    its own after the image, so that every copy has its own content hash."""
    sources = sorted(CAMERA_JPEGS.glob("*.jpg"))
    if not sources:
        pytest.skip(f"no camera JPEGs in {CAMERA_JPEGS}")
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for i in range(first, first + n):
        source = sources[i % len(sources)]
        path = folder / f"{tag}-{i:03}-{source.name}"
        path.write_bytes(source.read_bytes() + f"\n{tag}-{i}\n".encode())
        made.append(path)
    return made


# -- the catalog, read beside the processes that write it --

def photo_status(catalog: Path) -> dict[str, str]:
    """path -> status of every photo of the catalog (empty when there is no catalog yet)."""
    if not catalog.exists():
        return {}
    db = sqlite3.connect(catalog, timeout=30)
    try:
        if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'photos'").fetchone():
            return {}
        return dict(db.execute("SELECT rtrim(r.path, '/') || '/' || p.relpath, p.status "
                               "FROM photos p JOIN roots r ON r.id = p.root_id"))
    finally:
        db.close()


def present(catalog: Path) -> set[str]:
    return {path for path, status in photo_status(catalog).items() if status == "present"}


def integrity(catalog: Path) -> str:
    db = sqlite3.connect(catalog, timeout=30)
    try:
        return "; ".join(row[0] for row in db.execute("PRAGMA integrity_check"))
    finally:
        db.close()


def copy_catalog(source: Path, dest: Path) -> None:
    """A consistent copy of a catalog no process has open (SQLite's backup API)."""
    src, dst = sqlite3.connect(source), sqlite3.connect(dest)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def wait_until(condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


# -- processes --

def _stat(pid: int) -> tuple[str, str] | None:
    """(state, start time) of a process, from /proc/PID/stat; None when it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rpartition(")")[2].split()
    except OSError:
        return None
    return fields[0], fields[19]


def descendants(pid: int) -> dict[int, str]:
    """Every process below pid, each with its start time (a pid may be used again later)."""
    found: dict[int, str] = {}
    todo = [pid]
    while todo:
        parent = todo.pop()
        for children in glob.glob(f"/proc/{parent}/task/*/children"):
            try:
                with open(children) as fh:
                    kids = [int(k) for k in fh.read().split()]
            except OSError:
                continue
            for kid in kids:
                stat = _stat(kid)
                if stat and kid not in found:
                    found[kid] = stat[1]
                    todo.append(kid)
    return found


def running(pid: int, started: str) -> bool:
    """The process is still there (a zombie has ended: it only waits to be reaped)."""
    stat = _stat(pid)
    return stat is not None and stat[1] == started and stat[0] not in "ZX"


def marked(mark: str) -> dict[int, str]:
    """Running processes with mark in their environment: the child and all it started,
    even those started after a snapshot of its descendants: pid -> command line."""
    needle = f"{MARK}={mark}".encode()
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/environ", "rb") as fh:
                if needle not in fh.read().split(b"\0"):
                    continue
            with open(f"/proc/{entry}/cmdline", "rb") as fh:
                command = fh.read().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        stat = _stat(int(entry))
        if stat and stat[0] not in "ZX":
            found[int(entry)] = command
    return found


def kind(command: str) -> str:
    if "resource_tracker" in command:
        return "tracker"
    if "multiprocessing" in command:
        return "reader"
    return "other"


class Child:
    """A photodesk child process; its stdout and stderr go to one file, read while it runs."""

    def __init__(self, logs: Path, catalog: Path, *args, bytecode: Path):
        self.mark = uuid.uuid4().hex
        self.log = logs / f"{next(_numbers):03}-{args[0]}.log"
        self.log.parent.mkdir(parents=True, exist_ok=True)
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update({MARK: self.mark, "PYTHONPYCACHEPREFIX": str(bytecode)})
        with open(self.log, "wb") as log:
            self.proc = subprocess.Popen(
                [*PHOTODESK, "--catalog", str(catalog), *map(str, args)], stdout=log,
                stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, cwd=ROOT, env=env)

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def alive(self) -> bool:
        return self.proc.poll() is None

    def wait_for(self, text: str, timeout: float = 60) -> bool:
        """True once text is in the output; False if the process ended without it."""
        deadline = time.monotonic() + timeout
        while text not in self.output():
            if not self.alive():
                return text in self.output()
            if time.monotonic() > deadline:
                raise AssertionError(f"no {text!r} after {timeout} s:\n{self.output()}")
            time.sleep(0.02)
        return True

    def finish(self, timeout: float = 120) -> int:
        return self.proc.wait(timeout=timeout)


@pytest.fixture(scope="session")
def bytecode(tmp_path_factory) -> Path:
    """Compiled modules for the children, kept out of the work tree: with some 230 processes
    each compiling PhotoDesk afresh (PYTHONDONTWRITEBYTECODE), this file took 3.5 minutes
    instead of 2 on two cores."""
    return tmp_path_factory.mktemp("bytecode")


@pytest.fixture
def photodesk(tmp_path, bytecode):
    """Starts photodesk children; any left running at the end is killed, with what it started."""
    children: list[Child] = []

    def start(catalog: Path, *args) -> Child:
        children.append(Child(tmp_path / "logs", catalog, *args, bytecode=bytecode))
        return children[-1]

    yield start
    for child in children:
        if child.alive():
            below = descendants(child.proc.pid)
            child.proc.kill()
            child.proc.wait()
            for pid, started in below.items():
                if running(pid, started):
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(pid, signal.SIGKILL)


def clean_output(child: Child, code: int) -> str | None:
    """What went wrong with a finished child, or None."""
    out = child.output()
    if code != 0 or "Traceback" in out:
        last = out.strip().splitlines()[-1:] or ["(no output)"]
        return f"exit {code}: {last[0]} (all of it in {child.log})"
    return None


# -- 1. two writers --

def test_two_indexes_at_once_both_finish_and_every_photo_is_saved(tmp_path, photodesk):
    rounds, failures = 10, []
    first = camera_copies(tmp_path / "A", 1, "a")
    template = tmp_path / "template.sqlite"  # a catalog that already holds one photo of A
    setup = photodesk(template, "index", tmp_path / "A")
    assert clean_output(setup, setup.finish()) is None
    files = first + camera_copies(tmp_path / "A", 29, "a", first=1) + camera_copies(
        tmp_path / "B", 30, "b", first=7)
    expected = {str(p) for p in files}
    started = time.monotonic()
    for r in range(rounds):
        catalog = tmp_path / f"round-{r}.sqlite"
        copy_catalog(template, catalog)
        # One reader each: the catalog's lock is under test, and the round stays short.
        both = [photodesk(catalog, "index", "--workers", "1", tmp_path / "A", tmp_path / "B"),
                photodesk(catalog, "index", "--workers", "1", tmp_path / "B", tmp_path / "A")]
        problems = [p for p in (clean_output(c, c.finish()) for c in both) if p]
        status = photo_status(catalog)
        if present(catalog) != expected or len(status) != len(expected):
            problems.append(f"{len(present(catalog))} present of {len(expected)}, "
                            f"{len(status)} photos in all")
        if problems:
            failures.append(f"round {r}: " + " | ".join(problems))
    print(f"\ntwo writers: {rounds} rounds, {len(failures)} failed, "
          f"{time.monotonic() - started:.1f} s")
    assert not failures, f"{len(failures)} of {rounds} rounds failed:\n" + "\n".join(failures)


# -- 2. an index beside a running watch --

def test_an_index_beside_a_running_watch_leaves_the_watch_running(tmp_path, photodesk):
    rounds, arrivals = 10, 0
    watched = tmp_path / "watched"
    arrived = {str(p) for p in camera_copies(watched, 2, "w")}
    catalog = tmp_path / "c.sqlite"
    watch = photodesk(catalog, "watch", "--settle", "0.3", watched)
    assert watch.wait_for("ready"), watch.output()
    indexed: set[str] = set()
    started = time.monotonic()
    for r in range(rounds):
        other = tmp_path / f"other-{r}"
        indexed |= {str(p) for p in camera_copies(other, 14, f"o{r}", first=r)}
        index = photodesk(catalog, "index", other)
        # A file arrives in the watched folder every 0.15 s while the index starts, walks,
        # reads and saves: the watch saves small batches while the index saves its own.
        for k in range(10):
            if not index.alive():
                break
            arrived |= {str(p) for p in camera_copies(watched, 1, f"w{r}-{k}", first=r + k)}
            arrivals += 1
            time.sleep(0.15)
        assert clean_output(index, index.finish()) is None
        wait_until(lambda: arrived <= present(catalog) or not watch.alive(), timeout=30)
        assert watch.alive(), f"round {r}: the watch ended:\n{watch.output()}"
        assert arrived <= present(catalog), (
            f"round {r}: not indexed by the watch: {sorted(arrived - present(catalog))}\n"
            f"{watch.output()}")
    assert present(catalog) == arrived | indexed
    assert "Traceback" not in watch.output(), watch.output()
    watch.proc.send_signal(signal.SIGTERM)
    assert watch.finish(timeout=30) == 0, watch.output()
    assert "Traceback" not in watch.output(), watch.output()
    waits = sum("another PhotoDesk is writing" in line for line in watch.output().splitlines())
    print(f"\nindex + watch: {rounds} rounds, {arrivals} files arrived while the index ran, "
          f"{waits} busy waits reported by the watch, {time.monotonic() - started:.1f} s")


# -- 3. kill -9 at random moments --

def kill_and_check(child: Child, catalog: Path, folder: Path, expected: set[str],
                   photodesk) -> dict:
    """SIGKILL child; then nothing it started may be left within GONE_WITHIN seconds, the
    catalog must pass integrity_check, and an index of folder must finish with every file
    (started at once, as a user would, while what the killed one started is ending)."""
    below = descendants(child.proc.pid)
    kinds = [kind(_command(pid)) for pid in below]
    child.proc.kill()
    code = child.proc.wait(timeout=10)
    killed = time.monotonic()
    if catalog.exists():
        assert integrity(catalog) == "ok", child.output()
    again = photodesk(catalog, "index", "--workers", "1", folder)

    def left() -> dict[int, str]:
        still = {pid: _command(pid) for pid, t in below.items() if running(pid, t)}
        return {**still, **marked(child.mark)}

    gone = wait_until(lambda: not left(), timeout=GONE_WITHIN)
    took = time.monotonic() - killed
    if not gone:
        remaining = left()
        for pid in remaining:  # ours (they carry the mark): not left to run after the test
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        raise AssertionError(f"{GONE_WITHIN} s after the kill these processes it started "
                             f"remain: {remaining}\n{child.output()}")
    assert clean_output(again, again.finish()) is None
    status = photo_status(catalog)
    assert present(catalog) == expected and len(status) == len(expected), status
    return {"finished": code != -signal.SIGKILL, "readers": kinds.count("reader"), "gone": took}


def _command(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            return fh.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def summary(name: str, results: list[dict], started: float) -> str:
    with_readers = sum(1 for r in results if r["readers"])
    return (f"\n{name}: {len(results)} kills, {with_readers} with readers running, "
            f"{sum(r['finished'] for r in results)} finished before the kill, slowest end of "
            f"its processes {max(r['gone'] for r in results):.2f} s, "
            f"{time.monotonic() - started:.1f} s")


def test_an_index_killed_at_random_moments_leaves_nothing_behind(tmp_path, photodesk):
    rng = random.Random(12)
    folder = tmp_path / "photos"
    expected = {str(p) for p in camera_copies(folder, 16, "k")}  # enough for readers
    results, started = [], time.monotonic()
    for r in range(20):
        catalog = tmp_path / f"kill-{r}.sqlite"
        index = photodesk(catalog, "index", folder)
        moment = ("start", "walked", "reading", "late")[r % 4]
        if moment == "start":  # the interpreter, the imports, opening the catalog, the walk
            time.sleep(rng.uniform(0, 1.2))
        else:
            index.wait_for("images found")  # then the readers start
            if moment == "reading":  # both readers are there
                wait_until(lambda: sum(kind(_command(p)) == "reader"
                                       for p in descendants(index.proc.pid)) >= 2, timeout=10)
            # late: reading, saving, the backup and the cache's pruning at the end
            time.sleep(rng.uniform(0, 0.4) if moment != "late" else rng.uniform(0.2, 0.9))
        results.append(kill_and_check(index, catalog, folder, expected, photodesk))
    print(summary("kill -9 index", results, started))


def test_a_watch_killed_at_random_moments_leaves_nothing_behind(tmp_path, photodesk):
    rng = random.Random(12)
    results, started = [], time.monotonic()
    for r in range(20):
        folder = tmp_path / f"watched-{r}"
        expected = {str(p) for p in camera_copies(folder, 16, "k", first=r)}
        catalog = tmp_path / f"kill-{r}.sqlite"
        watch = photodesk(catalog, "watch", "--settle", "0.3", folder)
        moment = ("start", "catch-up", "ready", "arrivals")[r % 4]
        if moment == "start":  # the interpreter, the imports, opening the catalog
            time.sleep(rng.uniform(0, 1.2))
        elif moment == "catch-up":  # reading the files found at the start
            watch.wait_for("catch-up")
            time.sleep(rng.uniform(0, 0.6))
        else:
            watch.wait_for("ready")
            if moment == "arrivals":  # files settling, being read, being saved
                expected |= {str(p) for p in camera_copies(folder, 4, "new", first=r)}
                time.sleep(rng.uniform(0, 1.0))
            else:
                time.sleep(rng.uniform(0, 0.3))
        results.append(kill_and_check(watch, catalog, folder, expected, photodesk))
    print(summary("kill -9 watch", results, started))
