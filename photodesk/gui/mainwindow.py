"""MainWindow: search bar, folders, contact sheet, inspector, indexing status and problems."""

import os
from pathlib import Path

from PySide6.QtCore import QModelIndex, QThreadPool, QTimer, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QComboBox, QFileDialog, QLabel, QLineEdit, QMainWindow,
                               QSizePolicy, QSplitter, QToolBar, QWidget)

from photodesk.core.catalog import photos as catalog
from photodesk.core.index import Failed, Indexed, Missing, Progress, Scanned
from photodesk.gui.errors import ProblemsDock
from photodesk.gui.grid import PhotoGrid
from photodesk.gui.inspector import Inspector
from photodesk.gui.models import PhotoListModel, PhotoRole
from photodesk.gui.placeholders import search_icon
from photodesk.gui.progress import IndexingStatus
from photodesk.gui.sidebar import FolderList
from photodesk.gui.tasks import CatalogQuery, IndexTask, Relay

SEARCH_DELAY_MS = 180  # typing pauses this long before a search runs
REFRESH_DELAY_MS = 400  # indexing refreshes the grid at most this often
PROBLEMS_HEIGHT = 160


class MainWindow(QMainWindow):
    """Wires the widgets to the model and to the indexing task; holds no catalog logic."""

    indexingFinished = Signal(bool)  # True when cancelled

    def __init__(self, catalog_path: str, thumbs_dir: Path, folders: list[dict] = (),
                 workers: int | None = None, parent=None):
        super().__init__(parent)
        self.catalog_path = str(catalog_path)
        self._workers = workers
        self._task: IndexTask | None = None
        self._queued: list[str] = []
        self._indexed = 0
        self._relay = Relay(self)
        self._relay.result.connect(self._on_query)
        self.setWindowTitle(self.tr("PhotoDesk — %1").replace("%1", Path(catalog_path).name))
        self.setAcceptDrops(True)
        self.resize(1440, 900)

        self.model = PhotoListModel(self.catalog_path, thumbs_dir, self)
        self.grid = PhotoGrid()
        self.grid.setModel(self.model)
        self.inspector = Inspector(thumbs_dir)
        self.folders = FolderList()
        self.folders.set_folders(list(folders))
        self.problems = ProblemsDock(self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems)
        self.status = IndexingStatus()
        self.count_label = QLabel()
        self.statusBar().addWidget(self.count_label)
        self.statusBar().addPermanentWidget(self.status)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        for widget in (self.folders, self.grid, self.inspector):
            splitter.addWidget(widget)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 860, 380])
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)
        self._build_toolbar()
        self._build_menus()
        self._connect()
        self._update_empty_text()
        self.model.set_query("")

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Search"))
        bar.setObjectName("searchBar")
        bar.setMovable(False)
        self.search_field = QLineEdit()
        self.search_field.setPlaceholderText(
            self.tr("Search captions, people, places… (accents optional)"))
        self.search_field.setClearButtonEnabled(True)
        self.search_field.addAction(search_icon(), QLineEdit.ActionPosition.LeadingPosition)
        self.search_field.setMinimumWidth(420)
        self.search_field.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.sort = QComboBox()
        for key, text in (("taken", self.tr("Newest first")), ("name", self.tr("File name")),
                          ("rating", self.tr("Rating")), ("indexed", self.tr("Recently added"))):
            self.sort.addItem(text, key)
        sort_label = QLabel(self.tr("Sort:"))
        bar.addWidget(self.search_field)
        spacer = QWidget()
        spacer.setFixedWidth(12)
        bar.addWidget(spacer)
        bar.addWidget(sort_label)
        bar.addWidget(self.sort)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.add_folder_action = QAction(self.tr("&Add folder…"), self)
        self.add_folder_action.setShortcut(QKeySequence.StandardKey.Open)
        self.add_folder_action.triggered.connect(self.choose_folder)
        file_menu.addAction(self.add_folder_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        problems = self.problems.toggleViewAction()
        problems.setText(self.tr("Problems"))
        view_menu.addAction(problems)
        find = QAction(self.tr("&Find"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(lambda: self.search_field.setFocus())
        view_menu.addAction(find)

    def _connect(self) -> None:
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._run_search)
        self.search_field.textChanged.connect(lambda _: self._search_timer.start())
        self.search_field.returnPressed.connect(self._run_search)
        self.sort.currentIndexChanged.connect(
            lambda _: self.model.set_sort(self.sort.currentData()))
        self._refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.model.refresh)
        self.model.resultsChanged.connect(self._show_count)
        self.model.searchFailed.connect(lambda msg: self.statusBar().showMessage(msg, 8000))
        self.model.dataChanged.connect(self._on_data_changed)
        self.model.modelReset.connect(self._show_current)
        self.grid.selectionModel().currentChanged.connect(self._show_current)
        self.folders.allPhotosChosen.connect(self.search_field.clear)
        self.status.cancelRequested.connect(self.cancel_indexing)

    # --- searching and showing -------------------------------------------------------------

    def _run_search(self) -> None:
        self._search_timer.stop()
        self.model.set_query(self.search_field.text().strip())
        self._update_empty_text()

    def _show_count(self, n: int) -> None:
        self.count_label.setText(self.tr("%n photo(s)", "", n))
        self._update_empty_text()

    def _update_empty_text(self) -> None:
        if self.model.query:
            text = self.tr("No photo matches “%1”.").replace("%1", self.model.query)
        else:
            text = self.tr("No photos yet. Drop a folder here, or choose File → Add folder…")
        self.grid.set_empty_text(text)

    def _show_current(self, *_) -> None:
        index = self.grid.currentIndex()
        if not index.isValid():
            self.inspector.show_photo(None)
            return
        self.inspector.show_photo(index.data(PhotoRole),
                                  index.data(Qt.ItemDataRole.DecorationRole))

    def _on_data_changed(self, top: QModelIndex, bottom: QModelIndex, roles=()) -> None:
        current = self.grid.currentIndex()
        if current.isValid() and top.row() <= current.row() <= bottom.row() and (
                not roles or PhotoRole in roles):
            self._show_current()

    # --- indexing ----------------------------------------------------------------------------

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Add folder"), str(Path.home()))
        if folder:
            self.add_paths([folder])

    def add_paths(self, paths: list[str]) -> None:
        """Index paths in the background (after the run in progress, if there is one)."""
        self._queued.extend(os.path.abspath(p) for p in paths)
        if self._task is None:
            self._start_next()

    def is_indexing(self) -> bool:
        return self._task is not None

    def cancel_indexing(self) -> None:
        self._queued.clear()
        if self._task is not None:
            self._task.cancel()
            self.status.cancelling()

    def _start_next(self) -> None:
        if not self._queued:
            return
        paths, self._queued = self._queued, []
        self._indexed = 0
        self._task = IndexTask(self.catalog_path, paths, self._workers, self)
        self._task.events.connect(self._on_index_events)
        self._task.failed.connect(lambda msg: self.report_problem(self.catalog_path, msg))
        self._task.done.connect(self._on_index_done)
        self.status.begin()
        self._task.start()

    def _on_index_events(self, events: list) -> None:
        changed = []
        for event in events:
            if isinstance(event, Indexed):
                changed.append(event.photo_id)
                self._indexed += 1
            elif isinstance(event, Progress):
                self.status.progress(event)
            elif isinstance(event, Scanned):
                self.status.scanned(event)
                self._load_folders()  # the new folder is in the catalog now
            elif isinstance(event, Failed):
                self.report_problem(event.path, event.reason)
                if getattr(event, "photo_id", None):
                    changed.append(event.photo_id)
            elif isinstance(event, Missing):
                changed.append(event.photo_id)
        if changed:
            self.model.invalidate(changed)
            if not self._refresh_timer.isActive():
                self._refresh_timer.start()

    def _on_index_done(self, cancelled: bool) -> None:
        task, self._task = self._task, None
        if task is None:
            return  # the window shut down and already waited for it
        task.wait()
        task.deleteLater()
        self.status.finish()
        self.model.refresh()
        self._load_folders()
        if cancelled:
            message = self.tr("Indexing cancelled after %n photo(s).", "", self._indexed)
        else:
            message = self.tr("Indexing finished: %n photo(s) read.", "", self._indexed)
        self.statusBar().showMessage(message, 10000)
        self.indexingFinished.emit(cancelled)
        self._start_next()

    def report_problem(self, path: str, reason: str) -> None:
        self.problems.add(path, reason)
        if self.problems.isHidden():
            self.problems.show()
            # A strip under the grid: the dock's own size hint would take half the window.
            self.resizeDocks([self.problems], [PROBLEMS_HEIGHT], Qt.Orientation.Vertical)

    def _load_folders(self) -> None:
        QThreadPool.globalInstance().start(
            CatalogQuery(self._relay, "folders", self.catalog_path, catalog.folders))

    def _on_query(self, token, value) -> None:
        if token == "folders" and not isinstance(value, Exception):
            self.folders.set_folders(value)

    # --- drag and drop, closing ------------------------------------------------------------

    def dragEnterEvent(self, event) -> None:
        if _local_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = _local_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.add_paths(paths)

    def closeEvent(self, event) -> None:
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop indexing (the catalog stays consistent) and wait for every worker."""
        self._queued.clear()
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            task.wait()
        self.model.shutdown()
        self.inspector.shutdown()
        QThreadPool.globalInstance().waitForDone()


def _local_paths(mime) -> list[str]:
    if not mime.hasUrls():
        return []
    paths = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
    return [p for p in paths if os.path.exists(p)]
