"""Delay from a photo's copy completing in a watched folder to the photo being searchable.

Prints figures; asserts nothing. Copies camera-sized JPEGs one at a time (each waits until it is
found), then a burst copied back to back. Usage:
    python benchmarks/watch_latency.py [--count 20] [--burst 20] [--megapixels 24]
                                       [--settle 1.0] [--observer native|polling]
"""

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.index_throughput import _variant, camera_jpeg  # noqa: E402
from photodesk.core import search  # noqa: E402
from photodesk.core.catalog import Catalog  # noqa: E402
from photodesk.core.watch import SETTLE_SECONDS, Batch, Ready, Watcher  # noqa: E402


def run_watcher(watcher: Watcher, catalog_path: Path, ready: threading.Event,
                batches: list[int]) -> None:
    with Catalog(catalog_path) as cat:
        for event in watcher.run(cat):
            if isinstance(event, Ready):
                ready.set()
            elif isinstance(event, Batch):
                batches.append(event.files)


def searchable_after(cat: Catalog, word: str, since: float, timeout: float = 60.0) -> float:
    while time.perf_counter() - since < timeout:
        if search.search(cat, word, limit=1):
            return time.perf_counter() - since
        time.sleep(0.01)
    raise SystemExit(f"{word} was not searchable after {timeout:.0f} s")


def copy_in(source: Path, folder: Path, i: int) -> tuple[str, float]:
    """Copy as a photographer's tool does; returns the search word and when the copy ended."""
    name = f"lat{i:04}x"
    shutil.copyfile(source / f"{i}.jpg", folder / f"{name}.jpg")
    return name, time.perf_counter()


def one_at_a_time(cat: Catalog, source: Path, folder: Path, count: int) -> list[float]:
    delays = []
    for i in range(count):
        word, done = copy_in(source, folder, i)
        delays.append(searchable_after(cat, word, done))
    return delays


def burst(cat: Catalog, source: Path, folder: Path, first: int, count: int) -> list[float]:
    copies = [copy_in(source, folder, i) for i in range(first, first + count)]
    return [searchable_after(cat, word, done) for word, done in copies]


def report(label: str, delays: list[float]) -> None:
    print(f"{label:<28} n={len(delays):<3} median {statistics.median(delays):.2f} s   "
          f"worst {max(delays):.2f} s   best {min(delays):.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=20)
    parser.add_argument("--burst", type=int, default=20)
    parser.add_argument("--megapixels", type=float, default=24.0)
    parser.add_argument("--settle", type=float, default=SETTLE_SECONDS)
    parser.add_argument("--observer", choices=["native", "polling"], default="native")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        source, folder = work / "camera-card", work / "watched"
        source.mkdir()
        folder.mkdir()
        template = camera_jpeg(args.megapixels, 0)
        for i in range(args.count + args.burst):
            (source / f"{i}.jpg").write_bytes(_variant(template, i))
        watcher = Watcher([str(folder)], settle=args.settle, observer=args.observer)
        ready, batches = threading.Event(), []
        thread = threading.Thread(target=run_watcher,
                                  args=(watcher, work / "c.sqlite", ready, batches))
        thread.start()
        try:
            if not ready.wait(60):
                raise SystemExit("the watcher did not start")
            with Catalog(work / "c.sqlite") as cat:
                single = one_at_a_time(cat, source, folder, args.count)
                del batches[:]
                many = burst(cat, source, folder, args.count, args.burst) if args.burst else []
        finally:
            watcher.stop()
            thread.join()
    size = len(template) / 1e6
    print(f"PhotoDesk watch latency: copy complete -> searchable by file name "
          f"({args.megapixels:g} MP JPEG, {size:.1f} MB; settle {args.settle:g} s; "
          f"{args.observer} observer; {os.cpu_count()} cores; load average "
          + "{:.2f} {:.2f} {:.2f})".format(*os.getloadavg()))
    report("one copy at a time", single)
    if many:
        report(f"burst of {args.burst} back to back", many)
        print(f"{'':<28} indexed in batches of {', '.join(map(str, batches))}")


if __name__ == "__main__":
    main()
