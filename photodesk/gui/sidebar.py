"""FolderList: the catalog's folders under a "Library" entry that shows every photo."""

import os

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyle

PathRole = Qt.ItemDataRole.UserRole
KindRole = Qt.ItemDataRole.UserRole + 1


class FolderList(QListWidget):
    """Shows where the photos live; choosing "All photos" clears the search.

    Folders do not filter yet: the core has no folder query for the grid to use.
    """

    allPhotosChosen = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setMinimumWidth(160)
        self.setIconSize(QSize(16, 16))
        self._folder_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_DirIcon)
        self._photos_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_DirHomeIcon)
        self.itemClicked.connect(self._clicked)
        self.set_folders([])

    def set_folders(self, folders: list[dict]) -> None:
        self.clear()
        self._heading(self.tr("Library"))
        everything = QListWidgetItem(self._photos_icon, self.tr("All photos"))
        everything.setData(KindRole, "all")
        self.addItem(everything)
        self._heading(self.tr("Folders"))
        for folder in folders:
            path = folder["path"]
            item = QListWidgetItem(self._folder_icon, os.path.basename(path.rstrip("/")) or path)
            item.setData(PathRole, path)
            item.setData(KindRole, "folder")
            item.setToolTip(path)
            if folder.get("status") not in (None, "online"):
                item.setForeground(self.palette().placeholderText())
            self.addItem(item)
        self.setCurrentItem(everything)

    def _heading(self, text: str) -> None:
        item = QListWidgetItem(text.upper())
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 0.85)
        item.setFont(font)
        item.setSizeHint(QSize(0, 36))
        item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        item.setForeground(self.palette().placeholderText())
        self.addItem(item)

    def paths(self) -> list[str]:
        items = (self.item(i) for i in range(self.count()))
        return [i.data(PathRole) for i in items if i.data(KindRole) == "folder"]

    def _clicked(self, item: QListWidgetItem) -> None:
        if item.data(KindRole) == "all":
            self.allPhotosChosen.emit()
