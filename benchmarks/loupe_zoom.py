"""The 100 % view of 24 MP camera JPEGs: from the Z key press to the photo's own pixels on
screen, and the longest the event loop stalled meanwhile; then compare on four photos, opened
and zoomed the same way.

Prints figures; asserts nothing. The files are benchmarks/index_throughput.py's camera-like
JPEGs (24 MP, 10–13 MB), or the JPEGs of --folder; they are indexed into a temporary catalog
and the window opened on it, as `photodesk gui` opens it. Each run opens the loupe on another
photo, waits for its preview, presses Z, and waits for the first paint with the decoded pixels
(nothing of a photo's full size is kept between photos, so every run decodes). The stall is
the longest gap of a 1 ms timer in the normal event loop (grid_scroll.py's Heartbeat): the
goal is under 100 ms. The machine is shared: the load average is printed beside the figures.
Usage:
    python benchmarks/loupe_zoom.py [--runs 5] [--compare-runs 3] [--folder DIR]
    Xvfb :97 -screen 0 1600x1000x24 &  DISPLAY=:97 python benchmarks/loupe_zoom.py
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

# A real X server when there is one (the figures of a desk); offscreen otherwise.
os.environ.setdefault("QT_QPA_PLATFORM", "xcb" if os.environ.get("DISPLAY") else "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from grid_scroll import Heartbeat, _wait  # noqa: E402
from index_throughput import _load, make_folder  # noqa: E402

from photodesk.core import thumbs  # noqa: E402
from photodesk.core.catalog import Catalog  # noqa: E402
from photodesk.core.index import Indexed, index_paths  # noqa: E402

TIMEOUT = 60  # seconds a decode may take before the run is given up


class PaintWatch:
    """The moment the first paint with every pane's full-size pixels has been drawn."""

    def __init__(self, overlay):
        from PySide6.QtCore import QObject, QEvent, QTimer

        self.at: float | None = None
        watch = self

        class Filter(QObject):
            def eventFilter(self, watched, event) -> bool:
                if (event.type() == QEvent.Type.Paint and watch.at is None
                        and overlay.panes() and all(p.full is not None for p in overlay.panes())):
                    # Recorded once this paint (and the flush to the screen) is done.
                    QTimer.singleShot(0, watch.mark)
                return False

        self._filter = Filter()
        overlay.installEventFilter(self._filter)
        self._overlay = overlay

    def mark(self) -> None:
        if self.at is None:
            self.at = time.perf_counter()

    def reset(self) -> None:
        self.at = None

    def remove(self) -> None:
        self._overlay.removeEventFilter(self._filter)


def index_folder(folder: Path, catalog: Path) -> tuple[int, float]:
    started = time.perf_counter()
    with Catalog(catalog) as cat:
        count = sum(isinstance(e, Indexed) for e in index_paths(cat, [str(folder)]))
    return count, time.perf_counter() - started


def decode_alone(files: list[str], runs: int) -> list[float]:
    """thumbs.full_size alone, off any GUI: the floor of the 100 % view."""
    took = []
    for path in files[:runs]:
        started = time.perf_counter()
        thumbs.full_size(path)
        took.append(time.perf_counter() - started)
    return took


def run_window(catalog: Path, runs: int, compare_runs: int) -> dict:
    from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
    from PySide6.QtTest import QTest

    from photodesk.gui.app import application, create_window
    from photodesk.gui.models.photolist import PhotoIdRole

    app = application()
    window = create_window(str(catalog), [])
    window.resize(1600, 1000)
    window.show()
    model = window.model
    _wait(app, lambda: model.rowCount() > 0 and not model.is_loading(), 60)
    _settle(app, 1.0)
    heartbeat = Heartbeat()
    heartbeat.start()
    figures = {"loupe": [], "compare_open": [], "compare_zoom": [], "photos": model.rowCount()}

    loupe = window.loupe
    watch = PaintWatch(loupe)
    for run in range(runs):
        window.select_photo(model.index(run % model.rowCount()).data(PhotoIdRole))
        window.open_loupe()
        _wait(app, loupe.has_image, TIMEOUT)
        _settle(app, 0.3)
        watch.reset()
        heartbeat.longest = 0.0
        pressed = time.perf_counter()
        QTest.keyClick(loupe, Qt.Key.Key_Z)
        assert loupe.zoomed() and not loupe.has_full_size()
        _wait(app, lambda: watch.at is not None, TIMEOUT)
        figures["loupe"].append((watch.at - pressed, heartbeat.longest, _load()))
        QTest.keyClick(loupe, Qt.Key.Key_Z)  # fitted again: the loupe keeps its zoom
        QTest.keyClick(loupe, Qt.Key.Key_Escape)
    watch.remove()

    compare = window.compare
    watch = PaintWatch(compare)
    four = min(4, model.rowCount())
    for _ in range(compare_runs):
        window.grid.setCurrentIndex(model.index(0))
        window.grid.selectionModel().select(QItemSelection(model.index(0), model.index(four - 1)),
                                            QItemSelectionModel.SelectionFlag.ClearAndSelect)
        _settle(app, 0.3)
        heartbeat.longest = 0.0
        asked = time.perf_counter()
        window.open_compare()
        _wait(app, lambda: all(p.preview is not None for p in compare.panes()), TIMEOUT)
        figures["compare_open"].append((time.perf_counter() - asked, heartbeat.longest))
        _settle(app, 0.3)
        watch.reset()
        heartbeat.longest = 0.0
        pressed = time.perf_counter()
        QTest.keyClick(compare, Qt.Key.Key_Z)
        _wait(app, lambda: watch.at is not None, TIMEOUT * four)
        figures["compare_zoom"].append((watch.at - pressed, heartbeat.longest, _load()))
        QTest.keyClick(compare, Qt.Key.Key_Escape)
    watch.remove()
    heartbeat.stop()
    window.close()
    return figures


def _settle(app, seconds: float) -> None:
    from PySide6.QtCore import QEventLoop, QTimer
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="loupe runs, one photo each")
    parser.add_argument("--compare-runs", type=int, default=3)
    parser.add_argument("--folder", type=Path, help="these JPEGs instead of generated ones")
    parser.add_argument("--megapixels", type=float, default=24)
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, Qt platform "
          f"{os.environ['QT_QPA_PLATFORM']}; {_load()}")
    with tempfile.TemporaryDirectory(prefix="photodesk-zoom-") as tmp:
        work = Path(tmp)
        folder = args.folder
        if folder is None:
            folder = work / "photos"
            folder.mkdir()
            make_folder(folder, max(args.runs, 4), args.megapixels)
        files = sorted(str(p) for p in folder.glob("*.jp*g"))
        size_mb = sum(os.path.getsize(f) for f in files) / max(1, len(files)) / 1e6
        count, took = index_folder(folder, work / "zoom.sqlite")
        print(f"{count} JPEGs indexed from {folder} ({size_mb:.1f} MB each on average) "
              f"in {took:.1f} s")
        alone = decode_alone(files, args.runs)
        print(f"decode alone (thumbs.full_size, no GUI): median {statistics.median(alone) * 1000:.0f}"
              f" ms, {min(alone) * 1000:.0f}–{max(alone) * 1000:.0f} ms; {_load()}")
        f = run_window(work / "zoom.sqlite", args.runs, args.compare_runs)
    ms = lambda seconds: f"{seconds * 1000:6.0f} ms"  # noqa: E731
    for n, (shown, stall, load) in enumerate(f["loupe"], 1):
        print(f"loupe run {n}: Z to full-size pixels shown {ms(shown)}, longest stall "
              f"{ms(stall)}; {load}")
    for n, ((opened, open_stall), (shown, stall, load)) in enumerate(
            zip(f["compare_open"], f["compare_zoom"]), 1):
        print(f"compare run {n} (4 photos): open to previews {ms(opened)} (stall "
              f"{ms(open_stall)}); Z to all four at full size {ms(shown)}, longest stall "
              f"{ms(stall)}; {load}")
    for name, rows in (("loupe Z", f["loupe"]), ("compare Z", f["compare_zoom"])):
        if rows:
            shown, stalls = [r[0] for r in rows], [r[1] for r in rows]
            print(f"{name + ':':11} to pixels median {ms(statistics.median(shown))}, max "
                  f"{ms(max(shown))}; longest stall median {ms(statistics.median(stalls))}, "
                  f"max {ms(max(stalls))} (goal < 100)")


if __name__ == "__main__":
    main()
