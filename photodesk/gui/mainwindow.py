"""MainWindow: sidebar, contact sheet, article pane, inspector, loupe, indexing and problems."""

import gc
import os
import time
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QThreadPool, QTimer, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (QFileDialog, QLabel, QMainWindow, QSplitter, QStackedWidget,
                               QStyle)

from photodesk.core.catalog import Location
from photodesk.core import settings as settings_store
from photodesk.core import thumbcache
from photodesk.core import people
from photodesk.core.catalog import backup, connections, desk
from photodesk.core.search import orders
from photodesk.core import folders as catalog_folders
from photodesk.core.sample import install_sample
from photodesk.gui.dialogs import conflict as conflict_dialog
from photodesk.gui.models import queries
from photodesk.gui.views.articleview import ArticleView
from photodesk.gui.views.culling import change_for_key, describe
from photodesk.gui.views.imagedrop import ImageDrop
from photodesk.gui.workers.edits import Editor
from photodesk.gui.views.problems import ProblemsDock
from photodesk.gui.views import facetpanel, panels
from photodesk.gui.views import searchhelp
from photodesk.gui.views.grid import PhotoGrid
from photodesk.gui.workers.indexing import Indexing
from photodesk.gui.workers.listening import OtherDesks
from photodesk.gui.workers.watching import LiveFolders
from photodesk.gui.workers.writing import Writing
from photodesk.gui.views.inspector import Inspector
from photodesk.gui.views.compare import MAX_PHOTOS, Compare
from photodesk.gui.views.loupe import Loupe
from photodesk.gui.models.photolist import PhotoIdRole, PhotoListModel, PhotoRole
from photodesk.gui.views.progress import IndexingStatus
from photodesk.gui.models.queries import EVERYTHING, Scope
from photodesk.gui.dialogs import help as help_menu
from photodesk.gui.dialogs.settings import FolderChanges, SettingsDialog
from photodesk.gui.views.sidebar import Sidebar
from photodesk.gui.workers.thumbrebuild import ThumbnailRebuild
from photodesk.gui.views.welcome import WelcomePage
from photodesk.gui.workers.tasks import CatalogQuery, Relay
from photodesk.gui.window_parts import (build_menus, build_toolbar, choose_folder, count_text,
                                        direction_text, empty_text)

SEARCH_DELAY_MS = 180  # typing pauses this long before a search runs
FOLDERS_DELAY_MS = 2000  # photos arriving recount the sidebar's folders at most this often,
FOLDERS_SHARE = 10  # and, for a catalog where that takes seconds, at most a tenth of the time
REGISTRY_AFTER_MS = 1500  # the completers' registry is read this long after the window opens
OVERVIEW_DELAY_MS = 400  # tagging people and events recounts the sidebar at most this often
PROBLEMS_HEIGHT = 160
INSPECTOR_WIDTH = 380
COMMON_ROWS = 500  # selected rows compared to find the values they share
PRUNE_EVERY_MS = 15 * 60 * 1000  # how often a long session checks the thumbnail cache's size


class MainWindow(QMainWindow):
    """Wires the widgets to the model, the editor and the indexing; holds no catalog logic."""

    indexingFinished = Signal(bool)  # True when cancelled
    articleShown = Signal(int)

    def __init__(self, location: Location, folders: list[dict] = (),
                 workers: int | None = None, parent=None, *,
                 settings: settings_store.Settings | None = None):
        super().__init__(parent)
        self.location = location
        self.thumbs_dir = thumbs_dir = location.thumbs_dir
        self._select_first = True  # the first results select their first photo
        self._pending_select: int | None = None  # a photo to select once the results arrive
        # The photo the new results keep chosen, if they hold it: the one shown when the search
        # was asked for, or one chosen while it ran.
        self._keep_select: int | None = None
        self._relay = Relay(self)
        self._relay.result.connect(self._on_query)
        self.setWindowTitle(self.tr("PhotoDesk — %1").replace("%1", location.name))
        self.setAcceptDrops(True)
        self.resize(1440, 900)
        self.editor = Editor(self.location, self)
        self.model = PhotoListModel(self.location, thumbs_dir, self)
        self.grid = PhotoGrid()
        self.grid.setModel(self.model)
        self.sidebar = Sidebar()
        self.sidebar.set_overview({"folders": [
            {**f, "name": os.path.basename(f["path"]), "count": 0, "children": [],
             "online": f["status"] != "offline"} for f in folders]})
        self.article_view = ArticleView(thumbs_dir, self.editor)
        self.article_view.hide()
        self.inspector = Inspector(thumbs_dir, self.location, self.editor,
                                   self.selected_ids)
        self.loupe = Loupe(thumbs_dir, self)
        self.compare = Compare(thumbs_dir, self)
        self.problems = ProblemsDock(self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems)
        self.status = IndexingStatus()
        self.indexing = Indexing(self.location, self.status, workers, self)
        self.live = LiveFolders(self.location, parent=self)
        self.other_desks = OtherDesks(self.location, parent=self)  # the archive's other desks
        self._watch_requested = False
        self._folders_asked = 0.0  # when the folder counts were last asked for
        self._prune_refused = False
        self._pending_removal: list[str] = []
        self._settings = settings or settings_store.load()  # a tiny startup read
        self.editor.desk = self._settings.desk
        # One thread: two changes of the file are made in the order they were asked for.
        self._settings_pool = QThreadPool(self)
        self._settings_pool.setMaxThreadCount(1)
        self._layout()
        self.search_field, self.sort, self.sort_direction = build_toolbar(self)
        self.sort.setCurrentIndex(max(0, self.sort.findData(self._settings.sort)))
        self.grid.set_cell_size(self._settings.thumb_size)
        build_menus(self)
        self.search_help_button, self.search_help, self.search_hint = searchhelp.attach(
            self, self.search_field)
        self.facets = facetpanel.attach(self)
        self.give_way = panels.GiveWay(self, self.inspector_dock, self.facets, self.article_view,
                                       self.grid, self.centre, self._share_centre,
                                       INSPECTOR_WIDTH)
        self.writing = Writing(self)
        self.thumbnails = ThumbnailRebuild(self.location, self)
        self.shortcuts_action = help_menu.attach(self)  # last in the menu bar
        self._connect()
        self._update_empty_text()
        self.model.set_sort(self.sort.currentData(),
                            settings_store.SORT_DIRECTIONS.get(self._settings.sort_direction))
        self._show_direction()
        self.reload_overview()
        # After the first screen: the registry (20,000 people at a million photos, folded in
        # Python on a worker) read beside it held the GIL through the first paint, 200 ms.
        self._registry_timer = QTimer(self, singleShot=True, interval=REGISTRY_AFTER_MS)
        self._registry_timer.timeout.connect(self.reload_registry)
        self._registry_timer.start()
        self._query(("checked", None), backup.check_unchecked)

    def _layout(self) -> None:
        self.count_label = QLabel()
        self.statusBar().addWidget(self.count_label)
        # A query typed in an article (a folder, a person…) searches only there: say so, and
        # offer the whole catalog in one click.
        self.search_everywhere = QLabel()
        self.search_everywhere.setObjectName("searchEverywhere")
        self.search_everywhere.setTextFormat(Qt.TextFormat.RichText)
        self.search_everywhere.setText('<a href="#all">' + self.tr("Search all photos") + "</a>")
        self.search_everywhere.linkActivated.connect(lambda _: self.search_all_photos())
        self.search_everywhere.hide()
        self.statusBar().addWidget(self.search_everywhere)
        self.statusBar().addPermanentWidget(self.status)
        self.centre = QSplitter(Qt.Orientation.Horizontal)
        self.centre.addWidget(self.grid)
        self.centre.addWidget(self.article_view)
        self.centre.setChildrenCollapsible(False)
        self.centre.setStretchFactor(0, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        for widget in (self.sidebar, self.centre):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([230, 830])
        self.splitter.setChildrenCollapsible(False)
        self.inspector_dock = panels.inspector_dock(self, self.inspector, INSPECTOR_WIDTH)
        self.welcome = WelcomePage()
        self.welcome.addFolderRequested.connect(self.choose_folder)
        self.welcome.sampleRequested.connect(self.open_sample)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.splitter)
        self.pages.addWidget(self.welcome)
        self.setCentralWidget(self.pages)

    def _connect(self) -> None:
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._run_search)
        self.search_field.textChanged.connect(lambda _: self._search_timer.start())
        self.search_field.returnPressed.connect(self._run_search)
        self.image_drop = ImageDrop(self.search_field, self.search_like_file)
        self.sort.currentIndexChanged.connect(lambda _: self._sort_changed())
        self.sort_direction.clicked.connect(lambda *_: self.reverse_sort())
        # Live folders add thumbnails all day long: the cache is checked now and then too.
        self._prune_timer = QTimer(self, interval=PRUNE_EVERY_MS)
        self._prune_timer.timeout.connect(self.keep_cache_within_limit)
        self._prune_timer.start()
        self._folders_timer = QTimer(self, singleShot=True, interval=FOLDERS_DELAY_MS)
        self._folders_timer.timeout.connect(self.reload_folders)
        self._overview_timer = QTimer(self, singleShot=True, interval=OVERVIEW_DELAY_MS)
        self._overview_timer.timeout.connect(self.reload_overview)
        self.model.resultsChanged.connect(self._on_results)
        self.model.searchFailed.connect(lambda msg: self.statusBar().showMessage(msg, 8000))
        self.model.dataChanged.connect(self._on_data_changed)
        # A click changes the current photo and the selection: show it once, not twice.
        self._show_timer = QTimer(self, singleShot=True, interval=0)
        self._show_timer.timeout.connect(self._show_current)
        self.model.modelReset.connect(self._show_timer.start)
        self.grid.selectionModel().currentChanged.connect(self._show_timer.start)
        self.grid.selectionModel().selectionChanged.connect(self._show_timer.start)
        self.grid.cullKey.connect(self.cull)
        self.grid.loupeRequested.connect(self.open_loupe)
        self.grid.doubleClicked.connect(lambda _: self.open_loupe())
        self.inspector.loupeRequested.connect(self.open_loupe)
        self.inspector.articleRequested.connect(self.open_article)
        self.inspector.originalRequested.connect(lambda pid: self.search_similar(f"similar:{pid}"))
        self.sidebar.scopeChosen.connect(self.set_scope)
        self.sidebar.locateRequested.connect(self.locate_folder)
        self.sidebar.moreRequested.connect(self.more_of_section)
        self.article_view.photoClicked.connect(self.select_photo)
        self.article_view.closed.connect(self._article_closed)
        self.loupe.step.connect(self._loupe_step)
        self.loupe.cullKey.connect(self.cull)
        self.loupe.closed.connect(self.grid.setFocus)
        self.compare.cullKey.connect(self.cull)
        self.compare.activeChanged.connect(self._compare_chose)
        self.compare.closed.connect(self.grid.setFocus)
        self.model.dataChanged.connect(self._refresh_compare)
        self.editor.changed.connect(self._on_edited)
        self.editor.idle.connect(self.model.settle)
        self.editor.registryChanged.connect(self.reload_overview)
        self.editor.registryChanged.connect(self.reload_registry)
        self.editor.articleChanged.connect(self._on_article_changed)
        self.editor.failed.connect(lambda msg: self.report_problem(str(self.location), msg))
        self.editor.conflicted.connect(self._on_conflict)
        self.indexing.photosChanged.connect(self._on_photos_changed)
        self.indexing.catalogChanged.connect(self.reload_overview)
        self.indexing.catalogChanged.connect(self.reload_registry)
        self.indexing.problem.connect(self.report_problem)
        self.indexing.finished.connect(self._on_index_done)
        self.live.photosChanged.connect(self._on_photos_changed)
        self.live.catalogChanged.connect(self.reload_overview)
        self.live.catalogChanged.connect(self.reload_registry)
        self.live.problem.connect(self.report_problem)
        self.writing.photosChanged.connect(self._on_photos_changed)
        self.other_desks.photosChanged.connect(self._on_photos_changed)
        self.other_desks.everythingChanged.connect(self.model.refresh)
        self.other_desks.everythingChanged.connect(self.reload_overview)
        self.other_desks.problem.connect(self.report_problem)
        self.other_desks.reachable.connect(self.editor.save_waiting)
        self.other_desks.start()
        self._query(("access", None), _read_only)
        self.writing.problem.connect(self.report_problem)
        self.writing.message.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.thumbnails.message.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.thumbnails.problem.connect(self.report_problem)
        self.thumbnails.finished.connect(self._on_thumbnails_rebuilt)

    # --- scope, search and the current photo ---------------------------------------------------

    def set_scope(self, scope: Scope) -> None:
        """Show the photos of a folder, article, person, event or saved search."""
        if scope.kind == "all":
            self.search_field.blockSignals(True)
            self.search_field.clear()
            self.search_field.blockSignals(False)
        if self.sidebar.chosen() != scope:
            self.sidebar.choose(scope, emit=False)
        self._select_first = True
        sort, descending = self.sidebar.saved_order(scope)
        if self.sort.findData(sort) >= 0:  # a saved search runs in the order it was saved with
            self.sort.blockSignals(True)
            self.sort.setCurrentIndex(self.sort.findData(sort))
            self.sort.blockSignals(False)
            self.model.set_query(self.search_field.text().strip(), sort, scope, descending)
        else:
            self.model.set_scope(scope, self.search_field.text().strip())
        if scope.kind == "article":
            self.load_article(scope.key)

    def _run_search(self) -> None:
        self._search_timer.stop()
        query = self.search_field.text().strip()
        if query != self.model.query:
            # The photo in the inspector stays chosen when the new results hold it; otherwise
            # the first result is, rather than nothing.
            self._keep_select = self.inspector.photo_id()
            self._select_first = True
        self.model.set_query(query)
        self._update_empty_text()

    def search_all_photos(self) -> None:
        """The query typed, over every photo instead of the current folder, article…"""
        self.sidebar.choose(EVERYTHING, emit=False)
        self._keep_select = self.inspector.photo_id()
        self._select_first = True
        self.model.set_scope(EVERYTHING, self.search_field.text().strip())

    def find_similar(self) -> None:
        """View → Find similar photos (Ctrl+Shift+F): the photo chosen and its look-alikes
        (resized, re-compressed or cropped copies) among every photo, as similar:ID finds them."""
        ids = self.selected_ids()
        if not ids:
            self.statusBar().showMessage(self.tr("Choose a photo to find the photos that look "
                                                 "like it."), 6000)
            return
        self.search_similar(f"similar:{ids[0]}")

    def search_like_file(self, path: str) -> None:
        """An image file dropped on the search field: the catalog's photos that look like it
        (a copy from the web finds its original)."""
        self.search_similar('similar:"{}"'.format(path.replace('"', '')))

    def search_similar(self, query: str) -> None:
        self.search_field.setText(query)
        self._search_timer.stop()
        self.search_all_photos()
        self._update_empty_text()

    def step_cell_size(self, step: int) -> None:
        """View → Larger / Smaller thumbnails (Ctrl++ / Ctrl+-), remembered for next time."""
        names = list(settings_store.THUMB_SIZES)
        at = names.index(self.grid.cell_size()) + step
        if 0 <= at < len(names):
            self.grid.set_cell_size(names[at])
            self.give_way.fit()
            self._settings.thumb_size = names[at]
            self._store_settings(settings_store.update, thumb_size=names[at])

    def _sort_changed(self, descending: bool | None = None) -> None:
        """A sort chosen runs its usual way (newest, highest first; names A to Z)."""
        self.model.set_sort(self.sort.currentData(), descending)
        self._show_direction()
        self._settings.sort = self.sort.currentData()
        self._settings.sort_direction = next(
            name for name, way in settings_store.SORT_DIRECTIONS.items() if way == descending)
        self._store_settings(settings_store.update, sort=self._settings.sort,
                             sort_direction=self._settings.sort_direction)

    def reverse_sort(self) -> None:
        """The sort button: the same sort the other way round (oldest first: shooting order)."""
        self._sort_changed(not orders.direction(self.model.sort, self.model.descending))

    def _show_direction(self) -> None:
        """The button says which way the grid runs; an article keeps its own order."""
        own = self.model.scope.kind == "article"
        self.sort.setEnabled(not own)
        self.sort_direction.setEnabled(not own)
        if own:
            self.sort_direction.setText(self.tr("Article's order"))
            self.sort_direction.setIcon(QIcon())
            return
        descending = orders.direction(self.model.sort, self.model.descending)
        self.sort_direction.setText(direction_text(self.model.sort, descending))
        arrows = QStyle.StandardPixmap.SP_ArrowUp, QStyle.StandardPixmap.SP_ArrowDown
        self.sort_direction.setIcon(self.style().standardIcon(arrows[descending]))

    def _store_settings(self, fn, *args, **kwargs) -> None:
        """Change the settings file on its own thread (the GUI thread touches no disk after
        starting); only the keys named change, so what others wrote meanwhile stays."""
        def store() -> None:
            try:
                fn(*args, **kwargs)
            except (OSError, ValueError):
                pass  # a read-only config folder costs the remembered choice, nothing more
        self._settings_pool.start(store)

    def _on_results(self, n: int) -> None:
        counted = self.tr("%n photo(s)", "", n) if not self.model.is_loading() else self.tr(
            "More than %n photo(s)", "", n)  # the rest of the ids are still being read
        self.count_label.setText(count_text(counted, self.model.scope))
        self._show_direction()
        elsewhere = bool(self.model.query) and self.model.scope.kind != "all"
        if elsewhere and not self.search_everywhere.isVisible():
            self.statusBar().clearMessage()  # a lasting message would be drawn over the link
        self.search_everywhere.setVisible(elsewhere)
        self._update_empty_text()
        keep, self._keep_select = self._keep_select, None
        if keep is not None and self.model.index_of(keep).isValid():
            self._select_first = False
            self.select_photo(keep)
        elif self._pending_select is not None and self.model.index_of(
                self._pending_select).isValid():
            self._select_first, pending, self._pending_select = False, self._pending_select, None
            self.select_photo(pending)
        elif self._select_first and n:
            self._select_first = False
            self.grid.setCurrentIndex(self.model.index(0))
            self.grid.setFocus()

    def _update_empty_text(self) -> None:
        self.grid.set_empty_text(empty_text(self.model.query, self.model.scope))

    def selected_ids(self) -> list[int]:
        ids = self.model.ids_in(self.grid.selected_rows())
        current = self.grid.currentIndex()
        if not ids and current.isValid():
            ids = [current.data(PhotoIdRole)]
        return ids

    def _show_current(self, *_) -> None:
        index = self.grid.currentIndex()
        if not index.isValid():
            self.inspector.show_photo(None)
            return
        ids = self.selected_ids()
        rows = [r for r in (self.model.cached(i) for i in ids[:COMMON_ROWS]) if r]
        self.inspector.show_photo(index.data(PhotoRole),
                                  index.data(Qt.ItemDataRole.DecorationRole), rows, len(ids))
        if self.article_view.isVisible():
            self.article_view.highlight(index.data(PhotoIdRole))
        if self.loupe.isVisible():
            self._show_in_loupe(index)

    def _on_data_changed(self, top: QModelIndex, bottom: QModelIndex, roles=()) -> None:
        current = self.grid.currentIndex()
        if current.isValid() and top.row() <= current.row() <= bottom.row() and (
                not roles or PhotoRole in roles):
            self._show_timer.start()

    def select_photo(self, photo_id: int) -> None:
        """Make photo_id current and selected in the grid (showing every photo if need be)."""
        index = self.model.index_of(photo_id)
        if not index.isValid():
            self.statusBar().showMessage(self.tr("That photo is not in the grid's current "
                                                 "list; showing all photos."), 6000)
            self._pending_select = photo_id
            self.set_scope(EVERYTHING)
            return
        if self.model.is_loading():
            self._keep_select = photo_id  # chosen while results come: they do not replace it
        self.grid.setCurrentIndex(index)
        self.grid.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.grid.scrollTo(index)
        self.grid.setFocus()

    # --- culling and the loupe -------------------------------------------------------------

    def cull(self, key: int) -> None:
        """A culling key for the selection, or for the photo the loupe or compare shows."""
        shown = next((v for v in (self.loupe, self.compare) if v.isVisible()), None)
        if shown is not None:  # its own row: the photo may have left the grid meanwhile
            ids, rows = [shown.photo_id()], [shown.shown_row()]
        else:
            ids = self.selected_ids()
            rows = [self.model.cached(i) for i in ids[:COMMON_ROWS]]
        ids, rows = [i for i in ids if i is not None], [r for r in rows if r]
        change = change_for_key(key, rows)
        if change and ids:
            text = describe(change)
            if len(ids) > 1:
                text = self.tr("%1 (%n photos)", "", len(ids)).replace("%1", text)
            self.editor.edit(ids, change, text)
            self.model.patch(ids, change)
            if shown is not None:
                shown.patch_shown(change)

    def open_loupe(self) -> None:
        index = self.grid.currentIndex()
        if index.isValid():
            self.loupe.open(index.data(PhotoRole), index.data(Qt.ItemDataRole.DecorationRole),
                            self._position(index))

    def _show_in_loupe(self, index: QModelIndex) -> None:
        self.loupe.show_photo(index.data(PhotoRole), index.data(Qt.ItemDataRole.DecorationRole),
                              self._position(index))

    def _position(self, index: QModelIndex) -> str:
        return f"{index.row() + 1} / {self.model.rowCount()}"

    def _loupe_step(self, step: int) -> None:
        row = self.grid.currentIndex().row() + step
        if 0 <= row < self.model.rowCount():
            index = self.model.index(row)
            self.grid.setCurrentIndex(index)
            self.grid.scrollTo(index)

    def open_compare(self) -> None:
        """View → Compare (C): the two to four photos selected, side by side; C again closes."""
        if self.compare.isVisible():
            self.compare.close_overlay()
            return
        ids = self.selected_ids()
        if not 2 <= len(ids) <= MAX_PHOTOS:
            self.statusBar().showMessage(
                self.tr("Select two to four photos to compare them."), 6000)
            return
        if self.loupe.isVisible():
            self.loupe.close_loupe()
        indexes = [self.model.index_of(pid) for pid in ids]
        current = self.grid.currentIndex().data(PhotoIdRole)
        photos = [(pid, index.data(PhotoRole), index.data(Qt.ItemDataRole.DecorationRole))
                  for pid, index in zip(ids, indexes)]
        self.compare.open(photos, ids.index(current) if current in ids else 0)

    def _compare_chose(self, photo_id: int) -> None:
        """The active photo of compare becomes the grid's current one; the selection stays."""
        index = self.model.index_of(photo_id)
        if index.isValid():
            self.grid.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.NoUpdate)

    def _refresh_compare(self, *_) -> None:
        if self.compare.isVisible():
            self.compare.refresh(self.model.cached)

    # --- articles --------------------------------------------------------------------------

    def open_article(self, article_id: int) -> None:
        """Show the article's photos in the grid and the article beside them."""
        self.set_scope(Scope("article", article_id))

    def load_article(self, article_id: int) -> None:
        self._query(("article", article_id), queries.article_page, article_id)

    def _share_centre(self) -> None:
        """Two columns of photos beside the article; the article's column gets the rest."""
        width = self.centre.width()
        grid = panels.grid_share(width, self.grid)
        self.centre.setSizes([grid, width - grid])

    def _article_closed(self) -> None:
        if self.model.scope.kind == "article":
            self.set_scope(EVERYTHING)

    def _on_article_changed(self, article_id: int) -> None:
        if self.model.scope.kind == "article":
            self.model.refresh()  # an article's photos: a few, and in its own order
        self.reload_overview()
        if self.article_view.article_id() == article_id:
            self.load_article(article_id)

    # --- edits and indexing ------------------------------------------------------------------

    def _on_edited(self, ids: list[int], fields) -> None:
        self.model.invalidate(ids)
        self.model.update(ids)
        if (fields is None or {"people", "event"} & set(fields)) and (
                not self._overview_timer.isActive()):
            self._overview_timer.start()  # the people's and events' photo counts
        # The article shows captions and offers its suggestions; culling keys change nothing
        # in it.
        article = self.article_view.article_id()
        if article is not None and self.article_view.isVisible() and (
                fields is None or {"caption", "people", "event"} & set(fields)):
            self.load_article(article)
        if self.inspector.photo_id() in ids:
            self._show_timer.start()

    def _on_photos_changed(self, ids: list[int]) -> None:
        """Photos came, changed or went: each is placed in the grid, and the folder counts
        are read again soon; the rest of the sidebar does not depend on photos arriving."""
        self.model.invalidate(ids)
        self.model.update(ids)
        if not self._folders_timer.isActive():
            self._folders_timer.start()

    def add_paths(self, paths: list[str]) -> None:
        """Index paths in the background (after the run in progress, if there is one); the
        folders among them become catalog folders, watched from now on by every PhotoDesk
        that opens this catalog."""
        self.show_welcome(False)
        self.indexing.add_paths(paths)

    def show_welcome(self, shown: bool = True) -> None:
        """The welcome page in place of the desk: for a catalog that has no folder yet."""
        self.pages.setCurrentWidget(self.welcome if shown else self.splitter)
        self.inspector_dock.setVisible(not shown)

    def is_welcoming(self) -> bool:
        return self.pages.currentWidget() is self.welcome

    def open_sample(self) -> None:
        """Copy the sample newsroom folder into the user's data folder (off the GUI thread),
        then index it like any folder."""
        self.welcome.sample_button.setEnabled(False)
        self.welcome.show_status(self.tr("Copying the sample folder…"))
        self._query(("sample", None), lambda _cat: str(install_sample()))

    def is_indexing(self) -> bool:
        return self.indexing.is_running()

    def cancel_indexing(self) -> None:
        self.indexing.cancel()

    def watch_folders(self) -> None:
        """Follow every catalog folder live, once the indexing in progress is done
        (two writers indexing the same folder would only repeat each other's work)."""
        self._watch_requested = True
        if not self.indexing.is_running():
            self.keep_cache_within_limit()
            self.live.start()

    def keep_cache_within_limit(self) -> None:
        """Prune the thumbnail cache on the pool (least recently used first)."""
        self._query(("prune", None), thumbcache.keep_within_limit,
                    self._settings.thumbnail_cache_bytes)
        self._query(("backup", None), backup.make_if_due)  # the daily catalog copy, when due

    def _on_index_done(self, cancelled: bool, count: int, paths: list[str]) -> None:
        self.keep_cache_within_limit()
        if self._pending_removal:
            paths, self._pending_removal = self._pending_removal, []
            self.remove_folders(paths)
        elif self._watch_requested:
            self.live.start()
        self.reload_overview()
        if cancelled:
            message = self.tr("Indexing cancelled after %n photo(s).", "", count)
        else:
            message = self.tr("Indexing finished: %n photo(s) read.", "", count)
        self.statusBar().showMessage(message, 10000)
        self.indexingFinished.emit(cancelled)
        if not cancelled and self.model.scope == EVERYTHING and not self.model.query:
            folders = [p for p in paths if os.path.isdir(p)]
            self._query(("newest article", None), queries.newest_article, folders)

    def set_read_only(self, read_only: bool) -> None:
        """A reader of the archive: the editing parts of the details are greyed, and the
        status bar says why."""
        self.inspector.set_read_only(read_only)
        if read_only:
            self.statusBar().showMessage(self.tr(
                "Read only: your role on the archive may search and export, not edit."))

    def _on_conflict(self, conflict) -> None:
        """Another desk changed the photo since it was shown: nothing was saved; the editor
        keeps theirs or saves their own over it (as a new edit, undoable)."""
        if conflict_dialog.choose(self, conflict):
            self.editor.edit([conflict.photo_id], conflict.changes, conflict.text)

    def report_problem(self, path: str, reason: str) -> None:
        self.problems.add(path, reason)
        if self.problems.isHidden():
            self.problems.show()
            # A strip under the grid: the dock's own size hint would take half the window.
            self.resizeDocks([self.problems], [PROBLEMS_HEIGHT], Qt.Orientation.Vertical)

    def reload_overview(self) -> None:
        """The sidebar read again: folders, the first page of each section, saved searches."""
        self._query(("overview", None), queries.overview)

    def reload_folders(self) -> None:
        self._folders_asked = time.monotonic()
        self._query(("folders", None), desk.folder_tree)

    def reload_registry(self) -> None:
        """People, events and keywords for the inspector's completers."""
        self._query(("registry", None), people.registry)

    def more_of_section(self, section: str, offset: int) -> None:
        self._query(("section", section), queries.section_page, section, offset)

    def choose_folder(self) -> None:
        choose_folder(self)

    def rebuild_thumbnails(self) -> None:
        """Make the thumbnails missing from the cache again from the photos, in the background."""
        self.thumbnails.start()

    def _on_thumbnails_rebuilt(self, remade: int, failed: int) -> None:
        self.model.reload_thumbnails()
        self.keep_cache_within_limit()

    def settings(self) -> settings_store.Settings:
        return self._settings

    def open_settings(self) -> None:
        dialog = SettingsDialog(self._settings, self, location=self.location)
        if dialog.exec():
            before, self._settings = self._settings, dialog.chosen()
            changed = {name: value for name, value in vars(self._settings).items()
                       if getattr(before, name) != value}
            if changed:
                self._store_settings(settings_store.update, **changed)
            self.change_folders(dialog.folder_changes())

    def change_folders(self, changes: FolderChanges) -> None:
        """Apply what the Settings dialog's Folders tab changed, through the core on the pool:
        added folders join the catalog (then are indexed), observers change, removed ones go."""
        if changes.added or changes.observers:
            self._query(("folders changed", None), _change_folders, changes)
        if changes.removed:
            self.remove_folders(changes.removed)

    def remove_folders(self, paths: list[str]) -> None:
        """Forget folders (their files stay on disk): live watching stops while the catalog
        changes under it, and starts again without them. An indexing run is let finish first,
        or it would put back what it read meanwhile."""
        if self.indexing.is_running():
            self._pending_removal += paths
            self.statusBar().showMessage(self.tr("Folders are removed once indexing is done."))
            return
        self.live.shutdown()

        def remove_each(cat):
            done = []
            for path in paths:  # one that fails does not stop the others
                try:
                    done.append(catalog_folders.remove_folder(cat, path))
                except catalog_folders.FolderError as exc:
                    done.append(exc)
            return done
        self._query(("removed", tuple(paths)), remove_each)

    def _on_folders_removed(self, removed) -> None:
        for failure in [r for r in removed if isinstance(r, Exception)]:
            self.report_problem(self.tr("Remove from catalog"), str(failure))
        removed = [r for r in removed if not isinstance(r, Exception)]
        photos = sum(r.photos for r in removed)
        self.statusBar().showMessage(
            self.tr("Removed from the catalog: %n photo(s); the files are still on disk.", "",
                    photos), 10000)
        self.set_scope(EVERYTHING)
        self.model.refresh()
        self.reload_overview()
        if self._watch_requested:
            self.live.start()

    def locate_folder(self, folder: str, where: str | None = None) -> None:
        """Say where this computer finds a catalog folder it does not find (where: asked for
        when None). Its root is mounted there on the pool; then the folder is read again, so
        its photos come back present with their ids and tags (only changed files are read)."""
        if where is None:
            where = QFileDialog.getExistingDirectory(
                self, self.tr("Where is %1 now?").replace("%1", folder), str(Path.home()))
            if not where:
                return
        self.live.shutdown()  # it would go on watching the old place meanwhile
        self._query(("located", folder), catalog_folders.locate_folder, folder, where)

    def _on_located(self, folder: str, value) -> None:
        if isinstance(value, Exception):
            self.report_problem(folder, str(value))
        elif not value.moved:
            message = self.tr("None of the %n photo(s) looked for is in %1: is it the right "
                              "folder? Nothing was changed.", "", value.looked)
            self.report_problem(folder, message.replace("%1", value.folder))
        else:
            message = self.tr("%1 is at %2 on this computer: %3 of %n photo(s) looked for "
                              "are there.", "", value.looked) if value.looked else self.tr(
                "%1 is at %2 on this computer.")
            self.statusBar().showMessage(
                message.replace("%1", folder).replace("%2", value.folder)
                .replace("%3", str(value.found)), 15000)
            self.add_paths([value.folder])  # then watched again, once read
            self.reload_overview()
            return
        self.statusBar().showMessage(self.tr("The folder was not located."), 10000)
        if self._watch_requested and not self.indexing.is_running():
            self.live.start()

    # --- catalog reads on the pool -------------------------------------------------------------

    def _query(self, token, fn, *args) -> None:
        QThreadPool.globalInstance().start(
            CatalogQuery(self._relay, token, self.location, fn, *args))

    def _on_query(self, token, value) -> None:
        kind, key = token
        if kind == "sample":
            self._on_sample(value)
        elif kind == "located":
            self._on_located(key, value)
        elif kind == "removed":
            if isinstance(value, Exception):
                self.report_problem(", ".join(key), str(value))
                if self._watch_requested:
                    self.live.start()
            else:
                self._on_folders_removed(value)
        elif kind == "access":
            self.set_read_only(value is True)
        elif isinstance(value, Exception):
            self.statusBar().showMessage(str(value), 8000)
        elif kind == "folders changed":
            self._on_folders_changed(*value)
        elif kind == "overview":
            self.sidebar.set_overview(value)
            _long_lived()
        elif kind == "folders":
            took = time.monotonic() - self._folders_asked
            self._folders_timer.setInterval(max(FOLDERS_DELAY_MS, int(took * 1000 *
                                                                      FOLDERS_SHARE)))
            self.sidebar.set_folders(value)
        elif kind == "section":
            self.sidebar.add_entries(key, value)
        elif kind == "registry":
            self.inspector.set_registry(value)
            _long_lived()
        elif kind == "article":
            wanted = self.model.scope == Scope("article", key) or (
                self.article_view.article_id() == key)
            if value is not None and wanted:
                if self.article_view.isHidden():
                    self._share_centre()
                self.article_view.show_article(value)
                self.article_view.highlight(self.grid.currentIndex().data(PhotoIdRole))
                self.articleShown.emit(key)
        elif kind == "prune" and value.refused and not self._prune_refused:
            self._prune_refused = True  # said once: the folder will not change by itself
            self.report_problem(str(self.thumbs_dir), value.refused)
        elif kind == "checked" and value:
            self.report_problem(str(self.location), value)
        elif kind == "newest article" and value is not None:
            self.open_article(value)

    def _on_folders_changed(self, added: list[str], failures: list[tuple[str, str]]) -> None:
        for path, reason in failures:
            self.report_problem(path, reason)
        if added:
            self.add_paths(added)
        self.reload_overview()

    def _on_sample(self, value) -> None:
        self.welcome.sample_button.setEnabled(True)
        if isinstance(value, Exception):
            self.welcome.show_status(str(value))
            self.report_problem(self.tr("Sample newsroom folder"), str(value))
        else:
            self.welcome.show_status("")
            self.add_paths([value])

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
        """Stop indexing, write the queued edits, and wait for every worker."""
        self._registry_timer.stop()
        self.indexing.shutdown()
        self.live.shutdown()
        self.other_desks.shutdown()
        self.editor.wait()
        self._settings_pool.waitForDone()
        self.writing.shutdown()
        self.thumbnails.shutdown()
        for part in (self.model, self.inspector, self.article_view, self.loupe, self.compare):
            part.shutdown()
        QThreadPool.globalInstance().waitForDone()
        connections.release(self.location)  # the pool threads' connections, now idle


def _local_paths(mime) -> list[str]:
    if not mime.hasUrls():
        return []
    paths = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
    return [p for p in paths if os.path.exists(p)]


def _change_folders(cat, changes: FolderChanges) -> tuple[list[str], list[tuple[str, str]]]:
    """On the pool: the folders added (to index next) and what failed, by path."""
    added, failures = [], []
    for path, observer in changes.added.items():
        try:
            added.append(catalog_folders.add_folder(cat, path, observer))
        except (catalog_folders.FolderError, OSError) as exc:
            failures.append((path, str(exc)))
    for path, observer in changes.observers.items():
        try:
            catalog_folders.set_observer(cat, path, observer)
        except catalog_folders.FolderError as exc:
            failures.append((path, str(exc)))
    return added, failures


def _long_lived() -> None:
    """What the window keeps for long (the registry's 20,000 people with their folded words,
    the sidebar's sections) is left out of the cycle collector's full passes from now on:
    each pass walked all of it, 90-220 ms holding the GIL on whichever thread ran it, and the
    grid stopped painting meanwhile (issue 20). These tables hold no cycles: replaced, they
    are still freed. Young garbage goes first, so no cycle is kept for good."""
    gc.collect(1)
    gc.freeze()


def _read_only(cat) -> bool:
    return cat.read_only
