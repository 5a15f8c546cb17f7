"""The facet panel: how the current search's photos divide by person, event, date…, counted on
the pool; clicking a value narrows the search to it."""

from PySide6.QtCore import QCoreApplication, QThreadPool, Qt, Signal
from PySide6.QtWidgets import QDockWidget, QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from photodesk.core.catalog import Location
from photodesk.core import search
from photodesk.gui.models.queries import EVERYTHING, Scope
from photodesk.gui.workers.tasks import CatalogQuery, Relay

translate = QCoreApplication.translate  # lupdate reads translate("context", "text") calls
FacetRole = Qt.ItemDataRole.UserRole  # (facet, value) on a value's item
OPEN_GROUPS = ("person", "event", "article", "year")  # shown unfolded; the rest on demand


def group_names() -> dict[str, str]:
    return {"person": translate("FacetPanel", "People"),
            "event": translate("FacetPanel", "Events"),
            "article": translate("FacetPanel", "Articles"),
            "year": translate("FacetPanel", "Year"),
            "month": translate("FacetPanel", "Month"),
            "day": translate("FacetPanel", "Day"),
            "camera": translate("FacetPanel", "Camera"),
            "rating": translate("FacetPanel", "Rating"),
            "label": translate("FacetPanel", "Colour label"),
            "pick": translate("FacetPanel", "Pick"),
            "folder": translate("FacetPanel", "Folder"),
            "status": translate("FacetPanel", "Status")}


def value_names() -> dict[tuple[str, str], str]:
    """The values the core names in English."""
    return {("pick", "yes"): translate("FacetPanel", "picked"),
            ("pick", "no"): translate("FacetPanel", "not picked"),
            ("pick", "reject"): translate("FacetPanel", "rejected"),
            ("rating", "0"): translate("FacetPanel", "no stars"),
            ("status", "present"): translate("FacetPanel", "present"),
            ("status", "missing"): translate("FacetPanel", "missing"),
            ("status", "unreadable"): translate("FacetPanel", "unreadable"),
            ("status", "offline"): translate("FacetPanel", "offline")}


def count_facets(cat, query: str, scope: Scope = EVERYTHING) -> search.Facets | Exception:
    """On a pool thread: a query the core cannot use yields its error, not a crash. The
    photos counted are the grid's: the same search within the same scope."""
    try:
        return search.facets(cat, query, scope=scope)
    except search.QueryError as exc:
        return exc


class FacetPanel(QDockWidget):
    """Counts for the query last given to show_query(); an older answer arriving late is dropped."""

    valueChosen = Signal(str, str)  # facet, value

    def __init__(self, location: Location, parent=None):
        super().__init__(self.tr("Facets"), parent)
        self.setObjectName("facetPanel")
        self.location = location
        self._asked = 0  # the number of the newest request: answers to older ones are stale
        self._query = ""
        self._relay = Relay(self)
        self._relay.result.connect(self._on_counts)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(2)
        # A long value (a name, an article's title) keeps its start and end readable; the
        # whole of it is the item's tooltip. The counts take what they need.
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemActivated.connect(self._chosen)
        self.tree.itemClicked.connect(self._chosen)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree)
        self.setWidget(body)

    def show_query(self, query: str, scope: Scope = EVERYTHING) -> None:
        """Count facets for query within scope on the pool; the newest request wins."""
        self._asked += 1
        self._query = query
        if not self.tree.topLevelItemCount():  # otherwise the old counts stay until the new come
            self.summary.setText(self.tr("Counting…"))
        QThreadPool.globalInstance().start(
            CatalogQuery(self._relay, (self._asked, query), self.location, count_facets, query,
                         scope))

    def query(self) -> str:
        return self._query

    def _on_counts(self, token, value) -> None:
        asked, query = token
        if asked != self._asked:
            return
        if isinstance(value, Exception):
            self.tree.clear()
            self.summary.setText(str(value).splitlines()[0])
            return
        self._fill(value)

    def _fill(self, found: search.Facets) -> None:
        if found.exact:
            self.summary.setText(self.tr("%n photo(s)", "", found.total))
        else:
            self.summary.setText(self.tr("about %n photo(s) (counted from a sample)", "",
                                         found.total))
        self.tree.clear()
        names, values = group_names(), value_names()
        for facet, entries in found.groups.items():
            if not entries:
                continue
            group = QTreeWidgetItem([names.get(facet, facet), ""])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for entry in entries:
                shown = values.get((facet, entry.value), entry.label)
                item = QTreeWidgetItem([shown, str(entry.count)])
                item.setToolTip(0, shown)
                item.setData(0, FacetRole, (facet, entry.value))
                item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
                group.addChild(item)
            self.tree.addTopLevelItem(group)
            group.setExpanded(facet in OPEN_GROUPS)

    def items(self, facet: str) -> list[QTreeWidgetItem]:
        """The value items of one facet group, in the order shown."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount()):
                child = group.child(j)
                if child.data(0, FacetRole)[0] == facet:
                    out.append(child)
        return out

    def _chosen(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        chosen = item.data(0, FacetRole)
        if chosen:
            self.valueChosen.emit(*chosen)


def attach(window) -> FacetPanel:
    """The panel on the right of the window, following its search; View menu toggles it."""
    panel = FacetPanel(window.location, window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel, Qt.Orientation.Horizontal)
    panel.hide()  # the contact sheet needs the width more; View → Facets opens it
    view_menu = window.menuBar().actions()[2].menu()
    toggle = panel.toggleViewAction()
    toggle.setText(translate("FacetPanel", "Facets"))
    view_menu.addAction(toggle)

    def follow(_n: int) -> None:
        # Every new result list, edits and indexing included: counts change with them.
        if panel.isVisible():
            panel.show_query(window.model.query, window.model.scope)

    def narrow(facet: str, value: str) -> None:
        # The field's own textChanged runs the search, as if the user had typed the clause.
        text = search.narrow(window.search_field.text(), search.facet_clause(facet, value))
        window.search_field.setText(text)
    window.model.resultsChanged.connect(follow)
    panel.visibilityChanged.connect(lambda shown: shown and panel.show_query(window.model.query, window.model.scope))
    panel.valueChosen.connect(narrow)
    return panel
