"""Takes docs/screenshot-vi.png: the window in Vietnamese on the sample, under a real X server.

    Xvfb :91 -screen 0 1600x1000x24 &
    DISPLAY=:91 PHOTODESK_LANG=vi .venv/bin/python docs/screenshot.py
    DISPLAY=:91 PHOTODESK_LANG=vi .venv/bin/python docs/screenshot.py --article

With --article it takes docs/article-vi.png instead: the real Lào Cai article of
../shared/samples/articles in the article view, at 1600×1000 with the facets open (they give
way as a tab behind the inspector). Its 15 photos are the sample's generated ones, renamed as
the article names them: no third-party photo is in the repository.

It indexes a fresh copy of resources/sample into a fresh catalog, opens the window as
`photodesk gui` does, culls a few photos with the keys an editor would press (ratings, labels, pick, reject), selects
DSC_0415.jpg (its own caption differs from the article's, and the article suggests a person
and the event), then runs `import -window root docs/screenshot-vi.png`.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QLabel  # noqa: E402

from photodesk.core.sample import fresh_copy  # noqa: E402
from photodesk.gui.app import _fill_screen, application, create_window  # noqa: E402
from photodesk.gui.i18n import install_translator  # noqa: E402
from photodesk.gui.models.photolist import PhotoRole  # noqa: E402

CULLING = {"DSC_0412.jpg": [Qt.Key.Key_4, Qt.Key.Key_P], "DSC_0421.JPG": [Qt.Key.Key_3],
           "DSC_0430.jpg": [Qt.Key.Key_X], "DSC_0447.jpeg": [Qt.Key.Key_5, Qt.Key.Key_8],
           "DSC_0452.jpg": [Qt.Key.Key_2, Qt.Key.Key_6]}
SELECTED = "DSC_0415.jpg"


def wait(app, condition, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("the window did not get there in time")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def settle(app, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def row_of(window, name: str) -> int:
    for row in range(window.model.rowCount()):
        data = window.model.index(row).data(PhotoRole)
        if data and data["name"] == name:
            return row
    raise SystemExit(f"{name} is not in the grid")


def main() -> None:
    out = ROOT / "docs" / "screenshot-vi.png"
    app = application()
    install_translator(app)
    folder, catalog = fresh_copy()  # as make run does: the tracked sample stays untouched
    window = create_window(str(catalog), [])
    _fill_screen(window)
    window.add_paths([str(folder)])
    wait(app, lambda: window.article_view.article_id() is not None
         and window.inspector.photo_id() is not None)
    wait(app, lambda: all(window.model.index(r).data(PhotoRole)
                          for r in range(window.model.rowCount())))
    for name, keys in CULLING.items():
        window.grid.setCurrentIndex(window.model.index(row_of(window, name)))
        for key in keys:
            QTest.keyClick(window.grid, key)
    wait(app, lambda: not window.editor.busy())
    window.select_photo(window.model.index(row_of(window, SELECTED)).data(PhotoRole)["id"])
    wait(app, lambda: window.inspector.people.suggestion_chips())
    settle(app, 2.0)  # previews and thumbnails arrive
    subprocess.run(["import", "-window", "root", str(out)], check=True,
                   env={**os.environ})
    print(f"wrote {out}")
    window.close()


def article() -> None:
    out = ROOT / "docs" / "article-vi.png"
    source = Path(os.environ.get("PHOTODESK_SHARED", ROOT.parent / "shared")) / (
        "samples/articles/lao-cai-thi-dua-2024.txt")
    folder = Path(tempfile.mkdtemp(prefix="photodesk-shot-")) / "lao-cai"
    folder.mkdir()
    shutil.copy(source, folder)
    names = re.findall(r"^(IMG_\d+\.jpe?g)$", source.read_text(encoding="utf-8"), re.M)
    photos = sorted((ROOT / "resources" / "sample").glob("DSC_*"))
    for n, name in enumerate(names):
        shutil.copy(photos[n % len(photos)], folder / name)
    app = application()
    install_translator(app)
    window = create_window(str(folder.parent / "catalog.sqlite"), [])
    _fill_screen(window)
    window.add_paths([str(folder)])
    wait(app, lambda: window.article_view.article_id() is not None
         and len(window.article_view.images()) == len(names), 60)
    wait(app, lambda: all(i.has_image() for i in window.article_view.images()))
    window.facets.show()
    wait(app, lambda: window.give_way.tabbed())
    window.inspector_dock.raise_()
    settle(app, 2.0)
    # The run of photos at the end of the story, down to the pair that shares one caption.
    shared = next(label for label in window.article_view.findChildren(QLabel)
                  if label.objectName() == "caption" and label.text().startswith("Tặng Cờ"))
    window.article_view.scroll.ensureWidgetVisible(shared, 0, 40)
    settle(app, 1.0)
    subprocess.run(["import", "-window", "root", str(out)], check=True, env={**os.environ})
    print(f"wrote {out}")
    window.close()


if __name__ == "__main__":
    article() if "--article" in sys.argv else main()
