"""Upgrading an older catalog before the window opens: off the GUI thread, with a dialog saying so."""

import threading

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog

from photodesk.core.catalog import Catalog, Location, pending_upgrade

POLL_MS = 50


def upgrade(location: Location, parent=None) -> bool:
    """Open the catalog at location once, so that its pending migrations run, on a thread of
    their own while a busy dialog says why the window is not there yet (each upgrade first
    copies the whole file as a backup: 28 s for a million photos). True when there was one;
    the CatalogError of a failed opening is raised here, as Catalog() raises it."""
    if not pending_upgrade(location):
        return False
    title = QCoreApplication.translate("upgrade", "Upgrading the catalog")
    text = QCoreApplication.translate(
        "upgrade", "Upgrading the catalog {name} for this version of PhotoDesk.\n"
        "A backup copy is made first; a large catalog takes a minute or two.")
    # No Cancel: a migration stopped halfway is rolled back, and would start again next time.
    dialog = QProgressDialog(text.format(name=location.name), None, 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.show()
    outcome: dict[str, BaseException] = {}

    def work() -> None:
        try:
            Catalog(location, check_same_thread=False).close()
        except BaseException as exc:  # raised on the GUI thread below, as the window expects
            outcome["error"] = exc

    thread = threading.Thread(target=work, name="catalog-upgrade")
    thread.start()
    loop = QEventLoop()
    poll = QTimer(interval=POLL_MS)
    poll.timeout.connect(lambda: thread.is_alive() or loop.quit())
    poll.start()
    if thread.is_alive():
        loop.exec()
    poll.stop()
    thread.join()
    dialog.close()
    dialog.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    return True
