"""The application: QApplication, look, translations, and run() for `photodesk gui`."""

import sys

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from photodesk.core import settings as store
from photodesk.core import workspace
from photodesk.core.catalog import Catalog, CatalogError, Location
from photodesk.core.catalog.location import LocationError
from photodesk.core import catalog
from photodesk.gui import errorlog
from photodesk.gui.i18n import install_translator, language
from photodesk.gui.dialogs.upgrade import upgrade
from photodesk.gui.mainwindow import MainWindow
from photodesk.gui.style import apply_style
from photodesk.resources import resource_dir

APP_ID = "org.photodesk.PhotoDesk"


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("PhotoDesk")
    app.setOrganizationName("PhotoDesk")
    # The desktop entry's name: lets Wayland and the task bar match the window to its icon.
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    apply_style(app)
    return app


def app_icon() -> QIcon:
    """The PNG sizes rather than the SVG: 16 and 24 px are drawn for their pixel grids."""
    icon = QIcon()
    for png in sorted((resource_dir() / "icons" / "hicolor").glob(f"*/apps/{APP_ID}.png")):
        icon.addFile(str(png))
    return icon


def create_window(location: "Location | str", paths: list[str] = (), *,
                  workers: int | None = None, loaded: store.Loaded | None = None) -> MainWindow:
    """The main window on location (a path or URL takes the settings' thumbnail folder);
    paths, when given, start indexing in the background.

    Opening the catalog here (migrations, the folder list, the one-time move of the folders an
    earlier version listed in the settings) is the only catalog work done on the GUI thread: it is small and the window cannot be built without it.
    A catalog with no folder yet opens on the welcome page.
    """
    loaded = loaded or store.read()
    if not isinstance(location, Location):
        try:
            location = loaded.settings.location(location)
        except LocationError as exc:
            raise CatalogError(str(exc)) from exc
    with Catalog(location) as cat:
        moved = workspace.move_listed_folders(cat, loaded.settings)
        folders = catalog.folders.folders(cat)
        empty = not folders and not catalog.photos.has_photos(cat)
    window = MainWindow(location, folders, workers=workers, settings=loaded.settings)
    for problem in (loaded.problem, moved.problem):
        if problem:
            window.report_problem(str(store.settings_path()), problem)
    if moved.folders:
        window.statusBar().showMessage(QCoreApplication.translate(
            "app", "The folders listed in the settings moved into the catalog: every "
                   "PhotoDesk that opens it watches them."), 15000)
    if paths or moved.new:
        window.add_paths([*paths, *moved.new])
    elif empty:
        window.show_welcome()
    return window


def run(location: "Location | str", paths: list[str], *, quit_after: float | None = None,
        loaded: store.Loaded | None = None, describe=str) -> int:
    """Show the window at once; indexing of paths runs behind it. Returns the exit code.

    loaded: the settings as the command line read them (with any problem found reading them);
    describe: the text for a catalog that cannot be opened (it may say where its name came from).
    """
    app = application()
    # Read once: reading a damaged file sets it aside, and the window must still say so.
    loaded = loaded or store.read()
    install_translator(app, language(loaded.settings.language))
    try:
        if not isinstance(location, Location):
            try:
                location = loaded.settings.location(location)
            except LocationError as exc:
                raise CatalogError(str(exc)) from exc
        upgrade(location)  # an older catalog: upgraded behind a dialog, not a blank screen
        window = create_window(location, loaded=loaded)
    except CatalogError as exc:
        title = QCoreApplication.translate("app", "PhotoDesk cannot open the catalog")
        print(f"photodesk: {describe(exc)}", file=sys.stderr)
        QMessageBox.critical(None, title, f"{title}\n\n{describe(exc)}")
        return 1
    errorlog.install(window.report_problem)
    _fill_screen(window)
    if paths:
        window.add_paths(paths)  # after show(): the thread starts once the window is up
    window.watch_folders()  # live from then on: files that arrive, change, move or vanish
    if quit_after is not None:
        QTimer.singleShot(int(quit_after * 1000), window.close)
    return app.exec()


def _fill_screen(window: MainWindow) -> None:
    """Photos want the whole screen: maximised where a window manager can do it, and the
    screen's size where there is none (a bare X server)."""
    screen = window.screen() or QApplication.primaryScreen()
    if screen is not None:
        window.setGeometry(screen.availableGeometry())
    window.showMaximized()
