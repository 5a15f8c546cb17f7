"""Sidebar: where photos come from — all photos, watched folders (a tree), articles, people,
events and saved searches. Choosing one shows its photos in the grid. Articles, people and
events come a page at a time (an archive has a hundred thousand articles), with a "Show more"
entry that asks for the next."""

import os

from PySide6.QtCore import QPoint, QSize, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QMenu, QStyle, QTreeWidget, QTreeWidgetItem

from photodesk.gui.models.queries import EVERYTHING, Scope

ScopeRole = Qt.ItemDataRole.UserRole
OfflineRole = Qt.ItemDataRole.UserRole + 1  # a catalog folder this computer does not find
MoreRole = Qt.ItemDataRole.UserRole + 2  # "Show more": (section, offset of the next page)
LoadingRole = Qt.ItemDataRole.UserRole + 3  # a "Show more" clicked: replaced by its page
ChildrenRole = Qt.ItemDataRole.UserRole + 4  # a folder's subfolders, made when it is opened
PAGED = ("articles", "people", "events")
SECTIONS = ("folders", "articles", "people", "events", "saved")


class Sidebar(QTreeWidget):
    """Rebuilt from the catalog overview (read on a worker); keeps the chosen entry selected."""

    scopeChosen = Signal(object)  # a Scope
    locateRequested = Signal(str)  # an offline catalog folder's path: where is it now?
    moreRequested = Signal(str, int)  # a section's next page, from this offset

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("sidebar")
        self._saved_orders: dict[str, tuple] = {}  # saved search name -> (sort, descending)
        self.setHeaderHidden(True)
        self.setMinimumWidth(180)
        self.setIconSize(QSize(16, 16))
        self.setIndentation(14)
        self.setUniformRowHeights(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        icons = self.style().standardIcon
        self._icons = {"folder": icons(QStyle.StandardPixmap.SP_DirIcon),
                       "all": icons(QStyle.StandardPixmap.SP_DirHomeIcon),
                       "article": icons(QStyle.StandardPixmap.SP_FileDialogDetailedView),
                       "saved": icons(QStyle.StandardPixmap.SP_FileDialogContentsView)}
        self._sections: dict[str, QTreeWidgetItem] = {}
        self._chosen: Scope = EVERYTHING
        self.itemClicked.connect(self._clicked)
        self.itemActivated.connect(self._clicked)
        self.itemExpanded.connect(self._expanding)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self.set_overview({})

    # --- building ----------------------------------------------------------------------------

    def set_overview(self, data: dict) -> None:
        """data is queries.overview(): folders, articles, people, events, saved (or None)."""
        expanded = self._expanded_paths()
        self.clear()
        everything = self._item(self, EVERYTHING, self.tr("All photos"), "all")
        everything.setFont(0, _bold(self.font()))
        self._sections = {}
        self._section("folders", self.tr("Folders"))
        for folder in data.get("folders", []):
            self._folder(self._sections["folders"], folder, expanded)
        titles = {"articles": self.tr("Articles"), "people": self.tr("People"),
                  "events": self.tr("Events")}
        for section in PAGED:
            self._section(section, titles[section])
            self.add_entries(section, data.get(section, []), reselect=False)
        if data.get("saved") is not None:
            self._section("saved", self.tr("Saved searches"))
            self._saved_orders = {s["name"]: (s.get("sort"), s.get("descending"))
                                  for s in data["saved"]}
            for s in data["saved"]:
                self._item(self._sections["saved"], Scope("saved", s["query"], s["name"]),
                           s["name"], "saved").setToolTip(0, s["query"])
        for section in self._sections.values():
            section.setExpanded(True)
            section.setHidden(section.childCount() == 0 and section is not
                              self._sections["folders"])
        self._reselect()

    def set_folders(self, folders: list[dict]) -> None:
        """Only the folder tree read again (photos arrived: the counts changed)."""
        section = self._sections.get("folders")
        if section is None:
            return
        expanded = self._expanded_paths()
        for item in section.takeChildren():
            del item
        for folder in folders:
            self._folder(section, folder, expanded)
        self._reselect()

    def add_entries(self, section: str, page, reselect: bool = True) -> None:
        """A page of a section ({entries, offset, total}, or a plain list of all of them),
        put in place of its "Show more" entry, which comes again while more are left."""
        if isinstance(page, list):
            page = {"entries": page, "offset": 0, "total": len(page)}
        parent = self._sections[section]
        for i in reversed(range(parent.childCount())):
            if parent.child(i).data(0, MoreRole) is not None or parent.child(i).data(
                    0, LoadingRole):
                parent.takeChild(i)
        for entry in page["entries"]:
            {"articles": self._article, "people": self._person,
             "events": self._event}[section](entry)
        shown = page["offset"] + len(page["entries"])
        if shown < page["total"]:
            more = QTreeWidgetItem(parent, [self.tr("Show %n more…", "", page["total"] - shown)])
            more.setData(0, MoreRole, (section, shown))
            more.setForeground(0, self.palette().link())
        parent.setHidden(parent.childCount() == 0)
        if reselect:
            self._reselect()

    def _person(self, p: dict) -> None:
        item = self._item(self._sections["people"], Scope("person", p["id"], p["name"]),
                          p["name"], count=p["photos"])
        item.setToolTip(0, ", ".join(filter(None, (p["name"], p.get("title")))))

    def _event(self, e: dict) -> None:
        label = " · ".join(filter(None, (e["name"], _day(e.get("date")))))
        item = self._item(self._sections["events"], Scope("event", e["id"], e["name"]),
                          label, count=e["photos"])
        item.setToolTip(0, "\n".join(filter(None, (e["name"], e.get("date"), e.get("place")))))

    def _section(self, key: str, title: str) -> None:
        item = QTreeWidgetItem(self, [title.upper()])
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = _bold(self.font())
        font.setPointSizeF(font.pointSizeF() * 0.82)
        item.setFont(0, font)
        item.setForeground(0, self.palette().placeholderText())
        item.setSizeHint(0, QSize(0, 30))
        self._sections[key] = item

    def _item(self, parent, scope: Scope, text: str, icon: str | None = None,
              count: int | None = None) -> QTreeWidgetItem:
        label = f"{text}  ({count})" if count else text
        item = QTreeWidgetItem(parent, [label])
        item.setData(0, ScopeRole, scope)
        item.setToolTip(0, text)
        if icon:
            item.setIcon(0, self._icons[icon])
        return item

    def _folder(self, parent, node: dict, expanded: set[str]) -> None:
        item = self._item(parent, Scope("folder", node["path"], node["name"]), node["name"],
                          "folder", node["count"])
        item.setToolTip(0, node["path"])
        if not node.get("online", True):
            item.setData(0, OfflineRole, True)
            item.setForeground(0, self.palette().placeholderText())
            item.setToolTip(0, self.tr("%1\nNot found on this computer: right-click → Locate "
                                       "folder… to say where it is now.")
                            .replace("%1", node["path"]))
        if not node["children"]:
            return
        if node["path"] in expanded or parent is self._sections["folders"]:
            for child in node["children"]:
                self._folder(item, child, expanded)
            item.setExpanded(True)
        else:  # made when opened: an archive has thousands of dated subfolders
            item.setData(0, ChildrenRole, (node["children"], expanded))
            item.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)

    def _expanding(self, item: QTreeWidgetItem) -> None:
        pending = item.data(0, ChildrenRole)
        if pending is not None:
            item.setData(0, ChildrenRole, None)
            children, expanded = pending
            for child in children:
                self._folder(item, child, expanded)

    def _article(self, a: dict) -> None:
        title = a.get("title") or os.path.basename(a["path"])
        item = self._item(self._sections["articles"], Scope("article", a["id"], title), title,
                          "article")
        linked = self.tr("%1 of %2 images linked").replace("%1", str(a["linked"] or 0)).replace(
            "%2", str(a["images"] or 0))
        tip = [title, linked]
        if a.get("ambiguous"):
            tip.append(self.tr("%n image(s) wait for a choice", "", a["ambiguous"]))
            item.setForeground(0, self.palette().link())
        item.setToolTip(0, "\n".join(tip))

    # --- the context menu ----------------------------------------------------------------------

    def menu_for(self, item: QTreeWidgetItem | None) -> QMenu | None:
        """The context menu of an entry: Locate folder… for a catalog folder this computer
        does not find; None when an entry has nothing to offer."""
        if item is None or not item.data(0, OfflineRole):
            return None
        menu = QMenu(self)
        path = item.data(0, ScopeRole).key
        locate = menu.addAction(self.tr("Locate folder…"))
        locate.triggered.connect(lambda: self.locateRequested.emit(path))
        return menu

    def _context_menu(self, pos: QPoint) -> None:
        menu = self.menu_for(self.itemAt(pos))
        if menu is not None:
            menu.exec(self.viewport().mapToGlobal(pos))
            menu.deleteLater()

    # --- choosing ----------------------------------------------------------------------------

    def choose(self, scope: Scope, emit: bool = True) -> None:
        self._chosen = scope
        self._reselect()
        if emit:
            self.scopeChosen.emit(scope)

    def saved_order(self, scope: Scope) -> tuple[str | None, bool | None]:
        """(sort, descending) a saved search was saved with; (None, None) for other scopes."""
        if scope.kind != "saved":
            return None, None
        return self._saved_orders.get(scope.label, (None, None))

    def chosen(self) -> Scope:
        return self._chosen

    def items(self, kind: str) -> list[QTreeWidgetItem]:
        return [i for i in self._walk() if (s := i.data(0, ScopeRole)) and s.kind == kind]

    def paths(self) -> list[str]:
        """The watched folders (the top of the folder tree)."""
        section = self._sections.get("folders")
        if section is None:
            return []
        return [section.child(i).data(0, ScopeRole).key for i in range(section.childCount())]

    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        more = item.data(0, MoreRole)
        if more is not None:
            item.setText(0, self.tr("Loading…"))
            item.setData(0, MoreRole, None)
            item.setData(0, LoadingRole, True)
            self.moreRequested.emit(*more)
            return
        scope = item.data(0, ScopeRole)
        if scope is not None:
            self.choose(scope)

    def _reselect(self) -> None:
        for item in self._walk():
            scope = item.data(0, ScopeRole)
            if scope is not None and (scope.kind, scope.key) == (self._chosen.kind,
                                                                 self._chosen.key):
                self.setCurrentItem(item)
                return
        self.clearSelection()

    def _walk(self):
        stack = [self.topLevelItem(i) for i in range(self.topLevelItemCount())]
        while stack:
            item = stack.pop(0)
            yield item
            stack[:0] = [item.child(i) for i in range(item.childCount())]

    def _expanded_paths(self) -> set[str]:
        return {s.key for i in self._walk() if i.isExpanded()
                and (s := i.data(0, ScopeRole)) is not None and s.kind == "folder"}


def _bold(font: QFont) -> QFont:
    font = QFont(font)
    font.setBold(True)
    return font


def _day(date: str | None) -> str:
    """2025-03-15 as 15/3/2025, the way Vietnamese newsrooms write dates."""
    if not date or len(date) < 10:
        return date or ""
    year, month, day = date[:10].split("-")
    return f"{int(day)}/{int(month)}/{year}"
