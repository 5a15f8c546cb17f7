"""The application: QApplication, look, translations, and run() for `photodesk gui`."""

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from photodesk.core.catalog import Catalog, CatalogError
from photodesk.core.catalog import photos as catalog
from photodesk.gui.i18n import install_translator
from photodesk.gui.mainwindow import MainWindow
from photodesk.gui.style import apply_style


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("PhotoDesk")
    app.setOrganizationName("PhotoDesk")
    apply_style(app)
    return app


def create_window(catalog_path: str, paths: list[str] = (), *,
                  workers: int | None = None) -> MainWindow:
    """The main window on catalog_path; paths, when given, start indexing in the background.

    Opening the catalog here (migrations, the folder list) is the only catalog work done on
    the GUI thread: it is small and the window cannot be built without it.
    """
    with Catalog(catalog_path) as cat:
        thumbs_dir, folders = cat.thumbs_dir, catalog.folders(cat)
        resolved = str(cat.path)
    window = MainWindow(resolved, thumbs_dir, folders, workers=workers)
    if paths:
        window.add_paths(list(paths))
    return window


def run(catalog_path: str, paths: list[str]) -> int:
    """Show the window at once; indexing of paths runs behind it. Returns the exit code."""
    app = application()
    install_translator(app)
    try:
        window = create_window(catalog_path)
    except CatalogError as exc:
        title = QCoreApplication.translate("app", "PhotoDesk cannot open the catalog")
        QMessageBox.critical(None, title, f"{title}\n\n{exc}")
        return 1
    _fill_screen(window)
    if paths:
        window.add_paths(paths)  # after show(): the thread starts once the window is up
    window.watch_folders()  # live from then on: files that arrive, change, move or vanish
    return app.exec()


def _fill_screen(window: MainWindow) -> None:
    """Photos want the whole screen: maximised where a window manager can do it, and the
    screen's size where there is none (a bare X server)."""
    screen = window.screen() or QApplication.primaryScreen()
    if screen is not None:
        window.setGeometry(screen.availableGeometry())
    window.showMaximized()
