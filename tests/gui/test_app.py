"""run(): the window appears at once and the folders given index behind it."""

import json
import os
import subprocess
import sys
from pathlib import Path

import photodesk

IMPORT_ROOT = Path(photodesk.__file__).resolve().parents[1]  # the child imports the same code

# run() owns the event loop (app.exec()); once it returns, Qt will not run nested loops in
# that process again, so it runs in a child process of its own.
SCRIPT = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from photodesk.gui.app import application, run
from photodesk.gui.mainwindow import MainWindow

app, seen = application(), {}

def on_start():
    window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
    seen.update(visible=window.isVisible(), indexing=window.is_indexing())
    texts = []
    window.status.textChanged.connect(texts.append)

    def finish():
        seen.update(rows=window.model.rowCount(), count=window.count_label.text(),
                    progress=texts, placeholder=window.search_field.placeholderText())
        window.close()

    def on_done(cancelled):
        seen["cancelled"] = cancelled
        if window.model.total() == 4:
            finish()
        else:
            window.model.resultsChanged.connect(lambda n: n == 4 and finish())
    window.indexingFinished.connect(on_done)

QTimer.singleShot(0, on_start)  # the first thing the event loop does, with the window shown
QTimer.singleShot(30000, app.quit)  # a hang fails instead of blocking CI
code = run(sys.argv[1], sys.argv[2:])
print(json.dumps({"code": code, **seen}))
"""


def run_child(catalog_path, paths, lang):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PHOTODESK_LANG": lang,
           "PYTHONPATH": str(IMPORT_ROOT)}
    done = subprocess.run([sys.executable, "-c", SCRIPT, catalog_path, *paths], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_run_shows_the_window_then_indexes_in_the_background(catalog_path, photo_folder):
    seen = run_child(catalog_path, [str(photo_folder)], "en")
    assert seen["code"] == 0
    assert seen["visible"] and seen["indexing"]
    assert seen["cancelled"] is False
    assert seen["rows"] == 4 and seen["count"] == "4 photos"
    assert any("4 of 4" in text for text in seen["progress"]), seen["progress"]


def test_run_in_vietnamese(catalog_path, photo_folder):
    seen = run_child(catalog_path, [str(photo_folder)], "vi")
    assert seen["placeholder"] == "Tìm chú thích, nhân vật, địa điểm… (không cần dấu)"
    assert seen["count"] == "4 ảnh"
    assert any("Đang lập chỉ mục: 4 / 4" in text for text in seen["progress"]), seen["progress"]
