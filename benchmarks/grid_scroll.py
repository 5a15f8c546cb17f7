"""Opening the window on a large catalog, searching it, scrolling its grid from top to bottom,
and photos arriving while it is open.

Prints the time to the first screen (all photos, a common word, a prefix), the longest time the
event loop was blocked in each phase, and how long each arriving photo took to show; asserts
nothing. Usage:
    python benchmarks/grid_scroll.py [--photos 100000] [--seconds 20] [--keep DIR]
    python benchmarks/grid_scroll.py --catalog /tmp/s1m.sqlite --word co --prefix xu

The catalog is generated fast: rows go in with one executemany in one transaction, and each
photo's cached thumbnails are hard links to one of a hundred small JPEGs (every photo keeps a
hash of its own, so the grid reads as many thumbnail files as a real catalog would). --catalog
opens one made elsewhere instead, e.g. the million photos, 125,000 articles and 20,000 people
of benchmarks/search_scale.py (it has no thumbnails: the grid shows placeholders).
"""

import argparse
import hashlib
import io
import os
import random
import shutil
import statistics
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


def run_window(catalog: Path, seconds: float, word: str, prefix: str, arrivals: int) -> dict:
    load = os.getloadavg()  # other work on the machine skews every figure: said with them
    loading = time.perf_counter()
    from PySide6.QtCore import QEventLoop, QTimer

    from photodesk.gui.app import application, create_window

    app = application()
    started = time.perf_counter()
    qt_start = started - loading
    window = create_window(str(catalog), [])
    window.show()
    built = time.perf_counter() - started
    heartbeat = Heartbeat()
    heartbeat.start()
    model, grid = window.model, window.grid

    _wait(app, lambda: _first_screen(model), 60)
    figures = {"qt_start": qt_start, "built": built, "opened": time.perf_counter() - started,
               "load": load}
    _wait(app, lambda: not model.is_loading(), 120)
    figures["all_ids"] = time.perf_counter() - started
    figures["open_stall"], heartbeat.longest = heartbeat.longest, 0.0
    photos = model.rowCount()

    for name, query in (("word", word), ("prefix", prefix), ("all", "")):
        asked = time.perf_counter()
        window.search_field.setText(query)
        window._run_search()
        _wait(app, lambda: model.query == query and _first_screen(model), 60)
        figures[f"{name}_first"] = time.perf_counter() - asked
        _wait(app, lambda: not model.is_loading(), 120)
        figures[f"{name}_all"] = time.perf_counter() - asked
        figures[f"{name}_rows"] = model.rowCount()
    figures["search_stall"], heartbeat.longest = heartbeat.longest, 0.0

    figures["arrivals"] = _arrive(app, window, catalog, arrivals)
    figures["arrival_stall"], heartbeat.longest = heartbeat.longest, 0.0

    bar = grid.verticalScrollBar()
    frames = max(1, int(seconds * 60))
    step = max(1, (photos // max(1, _columns(grid))) * grid.gridSize().height() // frames)
    loop = QEventLoop()
    ticks = {"n": 0}

    last = model.index(model.rowCount() - 1)

    def at_end() -> bool:
        return grid.visualRect(last).intersects(grid.viewport().rect())

    def scroll() -> None:
        ticks["n"] += 1
        if at_end():
            loop.quit()
            return
        bar.setValue(bar.value() + step)

    timer = QTimer(interval=16)
    timer.timeout.connect(scroll)
    shown = {"n": 0}  # thumbnails decoded and handed to the grid while it scrolled

    def counted(_digest, image) -> None:
        shown["n"] += image is not None and not image.isNull()

    model._relay.image.connect(counted)
    asked = model.thumbs_asked
    scroll_started = time.perf_counter()
    timer.start()
    QTimer.singleShot(int(seconds * 1000 * 6), loop.quit)  # a hang ends the run, reported
    loop.exec()
    timer.stop()
    figures.update(scrolled=time.perf_counter() - scroll_started, at_end=at_end(),
                   scroll_stall=heartbeat.longest, frames=ticks["n"], rows=model.rowCount(),
                   thumbs_asked=model.thumbs_asked - asked, thumbs_shown=shown["n"])
    figures.update(_browse(app, window, heartbeat, BROWSE_SECONDS))
    heartbeat.stop()
    window.close()
    return figures


BROWSE_SECONDS = 8


def _browse(app, window, heartbeat, seconds: float) -> dict:
    """An editor reading the grid: from the middle of the list, down one screen a second,
    every thumbnail on the way decoded and shown (the fast scroll passes most rows by)."""
    from PySide6.QtCore import QEventLoop, QTimer
    grid, model = window.grid, window.model
    bar = grid.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    _idle(1.0)  # the rows and thumbnails of the first screen come in
    heartbeat.longest = 0.0
    shown = {"n": 0}

    def counted(_digest, image) -> None:
        shown["n"] += image is not None and not image.isNull()

    model._relay.image.connect(counted)
    step = max(1, grid.viewport().height() // 60)
    loop = QEventLoop()
    timer = QTimer(interval=16)
    timer.timeout.connect(lambda: bar.setValue(bar.value() + step))
    timer.start()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()
    timer.stop()
    _idle(1.0)
    return {"browse_stall": heartbeat.longest, "browse_shown": shown["n"],
            "browse_screens": seconds}


def _first_screen(model) -> bool:
    """The first row is listed and its catalog row has arrived (the grid can draw it)."""
    from photodesk.gui.models.photolist import PhotoRole
    index = model.index(0)
    return index.isValid() and index.data(PhotoRole) is not None


def _arrive(app, window, catalog: Path, count: int) -> list[float]:
    """Photos added to the catalog one by one, as the folder watcher adds them (on another
    thread and connection, then the window told which photo changed): seconds until each
    shows at the top of All photos, newest first."""
    import threading

    from photodesk.core.catalog import Catalog
    from photodesk.gui.models.photolist import PhotoIdRole
    waits = []
    with Catalog(catalog) as cat:
        root_id, folder_id = cat.db.execute(
            "SELECT root_id, id FROM folders ORDER BY id LIMIT 1").fetchone()
    for n in range(count):
        done = {}

        def add(n=n, done=done) -> None:
            with Catalog(catalog) as cat:
                name = f"ARRIVED_{time.time_ns()}_{n}.jpg"
                with cat.transaction():
                    done["id"] = cat.insert("photos", {
                        "root_id": root_id, "folder_id": folder_id, "relpath": name,
                        "name": name, "name_key": name_key(name), "name_sort": sort_key(name),
                        "size": 1, "mtime_ns": 1, "format": "JPEG", "status": "present",
                        "taken_at": "2099-01-01T00:00:00"})
                search.refresh(cat, [done["id"]])

        asked = time.perf_counter()
        worker = threading.Thread(target=add)
        worker.start()
        _wait(app, lambda: not worker.is_alive(), 30)
        window._on_photos_changed([done["id"]])
        _wait(app, lambda: window.model.index(0).data(PhotoIdRole) == done["id"], 30)
        waits.append(time.perf_counter() - asked)
    return waits


def _columns(grid) -> int:
    return max(1, grid.viewport().width() // grid.gridSize().width())


def _idle(seconds: float) -> None:
    from PySide6.QtCore import QEventLoop, QTimer
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


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
    parser.add_argument("--catalog", type=Path, help="open this catalog instead of building one")
    parser.add_argument("--word", default="dsc", help="a common word of the catalog")
    parser.add_argument("--prefix", default="ds", help="a short prefix (matches like word*)")
    parser.add_argument("--arrivals", type=int, default=20)
    args = parser.parse_args()
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="photodesk-grid-"))
    catalog = args.catalog or workdir / "grid.sqlite"
    try:
        if not catalog.exists():
            workdir.mkdir(parents=True, exist_ok=True)
            took = build_catalog(catalog, args.photos)
            print(f"built a catalog of {args.photos:,} photos with thumbnails in {took:.1f} s")
        f = run_window(catalog, args.seconds, args.word, args.prefix, args.arrivals)
    finally:
        if args.keep is None and args.catalog is None:
            shutil.rmtree(workdir, ignore_errors=True)
    ms = lambda seconds: f"{seconds * 1000:7.0f} ms"  # noqa: E731
    print("load average before the run:           "
          + " ".join(f"{n:.2f}" for n in f["load"]))
    print(f"loading Qt and PhotoDesk's GUI:        {ms(f['qt_start'])}")
    print(f"window built and shown:                {ms(f['built'])}")
    print(f"open: first screen of All photos:      {ms(f['opened'])}  (goal < 1000)")
    print(f"      every id listed:                 {ms(f['all_ids'])}  ({f['rows']:,} rows)")
    print(f"longest stall while opening:           {ms(f['open_stall'])}  (goal < 100)")
    for name, label in (("word", f"a common word ({args.word})"),
                        ("prefix", f"a prefix ({args.prefix})"), ("all", "All photos again")):
        print(f"search, {label + ':':31}{ms(f[name + '_first'])}  first screen; every id in "
              f"{f[name + '_all']:.1f} s ({f[name + '_rows']:,} rows)")
    print(f"longest stall while searching:         {ms(f['search_stall'])}  (goal < 100)")
    waits = sorted(f["arrivals"])
    if waits:
        print(f"{len(waits)} photos arriving one by one:     shown after "
              f"{statistics.median(waits) * 1000:.0f} ms median, {waits[-1] * 1000:.0f} ms "
              "worst (from the catalog write)")
    print(f"longest stall while photos arrived:    {ms(f['arrival_stall'])}  (goal < 100)")
    print(f"scroll top to bottom:                  {f['scrolled']:7.1f} s, "
          f"{f['frames']} frames, {f['rows']:,} rows, "
          f"{'reached the end' if f['at_end'] else 'DID NOT reach the end'}; "
          f"{f['thumbs_shown']:,} thumbnails shown of {f['thumbs_asked']:,} asked for")
    print(f"longest stall while scrolling:         {ms(f['scroll_stall'])}  (goal < 100)")
    print(f"browsing {f['browse_screens']} screens at one a second: {f['browse_shown']:,} "
          f"thumbnails shown; longest stall {ms(f['browse_stall'])}  (goal < 100)")


if __name__ == "__main__":
    main()
