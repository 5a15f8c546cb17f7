"""Panels that give way to the contact sheet: the facets share the inspector's column as a tab
when, beside it, they would leave the grid fewer than two columns of photos.

The inspector and the facets are docks on the right of the window. Each time the window, the
article pane or the facets change size or show, the room left for the grid is measured; if
two columns (plus the article at its reading width, when one is open) do not fit, the facets
become a tab behind the inspector, and when there is room again they go back beside it.
Digikam's right sidebar keeps its panels as tabs for the same reason.
"""

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabWidget, QWidget

translate = QCoreApplication.translate  # lupdate reads translate("context", "text") calls
COLUMNS = 2  # photos side by side the grid keeps
ARTICLE_WIDTH = 400  # the article pane reads like the page from this width
FACETS_WIDTH = 260
SLACK = 24  # room to spare before the facets go back beside the inspector (no flicker)


def columns_width(grid) -> int:
    """The grid's width for COLUMNS columns of its cells, scroll bar and frame included."""
    chrome = grid.width() - grid.viewport().width() + 8
    return COLUMNS * grid.cell_width() + chrome


def grid_share(width: int, grid) -> int:
    """The grid's part of a centre width beside the article: its columns when the article
    keeps its reading width, else what the article leaves (at least half)."""
    wanted = columns_width(grid)
    return wanted if width - wanted >= ARTICLE_WIDTH else max(width - ARTICLE_WIDTH, width // 2)


def inspector_dock(window: QMainWindow, inspector: QWidget, width: int) -> QDockWidget:
    """The inspector as a fixed dock on the right: no title bar while it is alone, a tab when
    the facets share its column."""
    dock = QDockWidget(translate("MainWindow", "Photo details"), window)
    dock.setObjectName("inspectorDock")
    dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
    dock.setTitleBarWidget(QWidget(dock))
    dock.setWidget(inspector)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.setTabPosition(Qt.DockWidgetArea.RightDockWidgetArea, QTabWidget.TabPosition.North)
    window.resizeDocks([dock], [width], Qt.Orientation.Horizontal)
    return dock


class GiveWay(QObject):
    """Keeps the grid at COLUMNS columns by moving the facets between beside the inspector
    and behind it; fit() runs after any change of size, coalesced."""

    def __init__(self, window: QMainWindow, inspector: QDockWidget, facets: QDockWidget,
                 article: QWidget, grid, room: QWidget, share, width: int):
        super().__init__(window)
        self._window, self._inspector, self._facets = window, inspector, facets
        self._article, self._grid, self._room = article, grid, room
        self._share = share  # divides the centre between the grid and the article
        self._width = width  # the inspector's, kept when the facets come and go
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.fit)
        for watched in (window, article, facets):
            watched.installEventFilter(self)
        facets.visibilityChanged.connect(lambda _shown: self._timer.start())

    def eventFilter(self, watched, event) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide):
            self._timer.start()
        return False

    def tabbed(self) -> bool:
        return self._facets in self._window.tabifiedDockWidgets(self._inspector)

    def needed(self) -> int:
        """Width the centre needs: two columns of photos, and the article when it is open."""
        return columns_width(self._grid) + (ARTICLE_WIDTH if self._article.isVisible() else 0)

    def fit(self) -> None:
        # Open means wanted by the user: a facets tab behind the inspector is open but hidden.
        opened = self._facets.toggleViewAction().isChecked()
        if not opened or self._facets.isFloating() or not self._inspector.isVisible():
            return
        tabbed = self.tabbed()
        # The width the centre and the docks share; beside each other, the docks take their
        # own widths from it.
        shared = self._room.width() + self._inspector.width() + (
            0 if tabbed else self._facets.width())
        beside = shared - self._width - FACETS_WIDTH
        if tabbed and beside >= self.needed() + SLACK:
            # Out of the tab first: split would add it to the inspector's tabs again.
            self._window.removeDockWidget(self._facets)
            self._window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self._facets,
                                       Qt.Orientation.Horizontal)
            self._facets.show()
            docks = [self._inspector, self._facets], [self._width, FACETS_WIDTH]
        elif not tabbed and beside < self.needed():
            self._window.tabifyDockWidget(self._inspector, self._facets)
            self._facets.raise_()
            docks = [self._inspector], [self._width]
        else:
            return
        self._window.resizeDocks(*docks, Qt.Orientation.Horizontal)
        if self._article.isVisible():  # the centre changed width: the grid keeps its columns
            self._share()
