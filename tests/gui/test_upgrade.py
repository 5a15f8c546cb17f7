"""Opening an older catalog: the upgrade runs off the GUI thread while a dialog says why."""

import shutil
import sqlite3
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

from photodesk.core.catalog import Catalog, locate, pending_upgrade
from photodesk.gui.dialogs.upgrade import upgrade

OLD = Path(__file__).resolve().parents[1] / "data" / "old-catalog" / "catalog-m008.sqlite"


def test_an_older_catalog_is_upgraded_behind_a_dialog_while_the_window_stays_live(qtbot, tmp_path):
    path = tmp_path / "catalog.sqlite"
    shutil.copy(OLD, path)
    assert "m014_fingerprints" in pending_upgrade(path)
    # Another process is writing the catalog: the upgrade waits for it, and meanwhile the
    # event loop must run (the dialog is seen, the timer that ends the other write fires).
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    seen = []

    def look() -> None:
        seen.extend(d.labelText() for d in QApplication.topLevelWidgets()
                    if isinstance(d, QProgressDialog) and d.isVisible())
        other.execute("COMMIT")

    QTimer.singleShot(300, look)
    assert upgrade(locate(path)) is True
    other.close()
    assert seen and "catalog.sqlite" in seen[0] and "backup" in seen[0]
    assert pending_upgrade(path) == []
    with Catalog(path) as cat:
        assert cat.db.execute("SELECT count(*) FROM photos").fetchone()[0] == 7
    assert not any(isinstance(d, QProgressDialog) and d.isVisible()
                   for d in QApplication.topLevelWidgets())


def test_a_current_or_new_catalog_opens_without_a_dialog(qtbot, tmp_path):
    Catalog(tmp_path / "current.sqlite").close()
    assert upgrade(locate(tmp_path / "current.sqlite")) is False
    assert upgrade(locate(tmp_path / "new.sqlite")) is False
    assert not (tmp_path / "new.sqlite").exists()  # nothing made before the window opens it
