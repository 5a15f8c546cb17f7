"""Opening the window on a 100,000-photo catalog and scrolling its grid from top to bottom.

Prints the open time and the longest time the event loop was blocked; asserts nothing.
Usage:
    python benchmarks/grid_scroll.py [--photos 100000] [--seconds 20] [--keep DIR]

The catalog is generated fast: rows go in with one executemany in one transaction, and each
photo's cached thumbnails are hard links to one of a hundred small JPEGs (every photo keeps a
hash of its own, so the grid reads as many thumbnail files as a real catalog would).
"""

import argparse
import hashlib
import io
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PIL import Image, ImageDraw  # noqa: E402

from photodesk.core import search  # noqa: E402
from photodesk.core.catalog import Catalog  # noqa: E402
from photodesk.core.catalog.schema import name_key  # noqa: E402
from photodesk.core.fold import sort_key  # noqa: E402
from photodesk.core.thumbs import SIZES, thumb_path  # noqa: E402

DISTINCT_IMAGES = 100
LABELS = (None, None, None, "Red", "Yellow", "Green", "Blue")


def template_jpegs(count: int, size: int) -> list[bytes]:
    """Small distinct JPEGs: a colour field with a bar, so the grid shows something to judge."""
    out = []
    rng = random.Random(size)
    for i in range(count):
        w, h = (size, size * 2 // 3) if i % 4 else (size * 2 // 3, size)
        image = Image.new("RGB", (w, h), tuple(rng.randrange(40, 220) for _ in range(3)))
        draw = ImageDraw.Draw(image)
        draw.rectangle((w // 5, h // 3, w * 4 // 5, h // 2), fill=(240, 240, 240))
        buf = io.BytesIO()
        image.save(buf, "JPEG", quality=75)
        out.append(buf.getvalue())
    return out


def build_catalog(path: Path, photos: int, folder: str = "/photos/archive") -> float:
    """A catalog of `photos` rows and their cached thumbnails; returns the seconds it took."""
    started = time.perf_counter()
    cat = Catalog(path)
    cache = cat.thumbs_dir
    templates = {size: template_jpegs(DISTINCT_IMAGES, size) for size in SIZES}
    stock = cache / "_stock"
    stock.mkdir(parents=True, exist_ok=True)
    for size, blobs in templates.items():
        for i, blob in enumerate(blobs):
            (stock / f"{i}-{size}.jpg").write_bytes(blob)
    rng = random.Random(7)
    rows = []
    conn = cat.db.conn
    with conn:
        root_id = conn.execute("INSERT INTO roots (uid, path, added_at) VALUES (?, ?, ?)",
                               ["benchmark", folder, "2026-01-01T00:00:00+00:00"]).lastrowid
        cur = conn.execute("INSERT INTO folders (root_id, relpath, added_at, status) "
                           "VALUES (?, '', ?, 'online')", [root_id, "2026-01-01T00:00:00+00:00"])
        folder_id = cur.lastrowid
        for i in range(photos):
            digest = hashlib.blake2b(str(i).encode(), digest_size=32).hexdigest()
            day, month = i % 28 + 1, i // 2800 % 12 + 1
            name = f"DSC_{i:06}.jpg"
            rows.append((root_id, f"{2000 + i // 5000}/{month:02}/{name}", folder_id, name,
                         name_key(name), sort_key(name), 5_000_000 + i,
                         1_700_000_000_000_000_000 + i, digest,
                         "JPEG", 6000, 4000, f"{2000 + i // 5000}-{month:02}-{day:02}T"
                         f"{i % 24:02}:{i % 60:02}:00", rng.choice((0, 0, 1, 2, 3, 4, 5)),
                         rng.choice(LABELS), rng.choice((0, 0, 0, 1, -1)), "present"))
        conn.executemany(
            "INSERT INTO photos (root_id, relpath, folder_id, name, name_key, name_sort, size, "
            "mtime_ns, "
            "hash, format, width, height, taken_at, rating, label, pick, status) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    _index_for_search(cat)
    for n, row in enumerate(rows):
        for size in SIZES:
            target = thumb_path(cache, row[8], size)
            target.parent.mkdir(exist_ok=True)
            _link(stock / f"{n % DISTINCT_IMAGES}-{size}.jpg", target)
    cat.close()
    return time.perf_counter() - started


def _index_for_search(cat: Catalog) -> None:
    """Rows inserted by hand are not in the search index yet: build it, as a real index run
    would have (in bulk where the search module offers it)."""
    rebuild = getattr(search, "rebuild", None)
    if rebuild is not None:
        rebuild(cat)
        return
    ids = [r[0] for r in cat.db.execute("SELECT id FROM photos")]
    with cat.transaction():
        search.refresh(cat, ids)


def _link(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


class Heartbeat:
    """A 1 ms timer: the longest gap between its ticks is the longest the event loop was busy."""

    def __init__(self):
        from PySide6.QtCore import Qt, QTimer
        self.longest = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer(interval=1, timerType=Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now


def run_window(catalog: Path, photos: int, seconds: float) -> dict:
    loading = time.perf_counter()
    from PySide6.QtCore import QEventLoop, QTimer

    from photodesk.gui.app import application, create_window
    from photodesk.gui.models.photolist import PhotoRole

    app = application()
    started = time.perf_counter()
    qt_start = started - loading
    window = create_window(str(catalog), [])
    window.show()
    built = time.perf_counter() - started
    heartbeat = Heartbeat()
    heartbeat.start()
    model, grid = window.model, window.grid

    def first_screen_ready() -> bool:
        index = model.index(0)
        return model.total() == photos and index.isValid() and index.data(PhotoRole) is not None

    _wait(app, first_screen_ready, 30)
    opened = time.perf_counter() - started
    open_stall = heartbeat.longest
    heartbeat.longest = 0.0

    bar = grid.verticalScrollBar()
    frames = max(1, int(seconds * 60))
    step = max(1, (photos // max(1, _columns(grid))) * grid.gridSize().height() // frames)
    loop = QEventLoop()
    ticks = {"n": 0}

    last = model.index(photos - 1)

    def at_end() -> bool:
        return grid.visualRect(last).intersects(grid.viewport().rect())

    def scroll() -> None:
        ticks["n"] += 1
        if at_end():  # the grid lays out in batches, so the bar's range grows at first
            loop.quit()
            return
        bar.setValue(bar.value() + step)

    timer = QTimer(interval=16)
    timer.timeout.connect(scroll)
    scroll_started = time.perf_counter()
    timer.start()
    QTimer.singleShot(int(seconds * 1000 * 6), loop.quit)  # a hang ends the run, reported
    loop.exec()
    timer.stop()
    scrolled = time.perf_counter() - scroll_started
    reached = at_end()
    heartbeat.stop()
    window.close()
    return {"qt_start": qt_start, "built": built, "opened": opened, "open_stall": open_stall,
            "scroll_stall": heartbeat.longest, "scrolled": scrolled, "frames": ticks["n"],
            "at_end": reached, "rows": model.rowCount()}


def _columns(grid) -> int:
    return max(1, grid.viewport().width() // grid.gridSize().width())


def _wait(app, condition, timeout: float) -> None:
    """Wait as the application does, in a normal event loop that sleeps when idle: a busy
    processEvents() loop starves the worker threads that bring the rows (16–24 s to the first
    screen against 0.6 s, issue 20)."""
    from PySide6.QtCore import QEventLoop, QTimer
    loop = QEventLoop()
    check = QTimer(interval=5)
    check.timeout.connect(lambda: condition() and loop.quit())
    QTimer.singleShot(int(timeout * 1000), loop.quit)
    check.start()
    loop.exec()
    check.stop()
    if not condition():
        raise SystemExit("the window did not show the first rows in time")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=20.0,
                        help="how long the top-to-bottom scroll is meant to take")
    parser.add_argument("--keep", type=Path, help="build (or reuse) the catalog in this folder")
    args = parser.parse_args()
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="photodesk-grid-"))
    catalog = workdir / "grid.sqlite"
    try:
        if not catalog.exists():
            workdir.mkdir(parents=True, exist_ok=True)
            took = build_catalog(catalog, args.photos)
            print(f"built a catalog of {args.photos:,} photos with thumbnails in {took:.1f} s")
        figures = run_window(catalog, args.photos, args.seconds)
    finally:
        if args.keep is None:
            shutil.rmtree(workdir, ignore_errors=True)
    print(f"loading Qt and PhotoDesk's GUI:     {figures['qt_start'] * 1000:7.0f} ms")
    print(f"window built and shown:             {figures['built'] * 1000:7.0f} ms")
    print(f"open (first screen of rows shown):  {figures['opened'] * 1000:7.0f} ms  (goal < 1000)")
    print(f"longest stall while opening:        {figures['open_stall'] * 1000:7.0f} ms")
    print(f"scroll top to bottom:               {figures['scrolled']:7.1f} s, "
          f"{figures['frames']} frames, {figures['rows']:,} rows, "
          f"{'reached the end' if figures['at_end'] else 'DID NOT reach the end'}")
    print(f"longest stall while scrolling:      {figures['scroll_stall'] * 1000:7.0f} ms  "
          "(goal < 100)")


if __name__ == "__main__":
    main()
