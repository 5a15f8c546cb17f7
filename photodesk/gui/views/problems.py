"""ProblemsDock: files that could not be read, each with the reason, kept until dismissed."""

import os

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDockWidget, QHBoxLayout, QPushButton, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)


class ProblemsDock(QDockWidget):
    """Non-modal: a bad file in a folder of thousands must not stop anyone working.

    Hidden until the window reports the first problem into it.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("problems")
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setHeaderLabels([self.tr("File"), self.tr("Folder"), self.tr("Reason")])
        self.tree.setColumnWidth(0, 220)
        self.tree.setColumnWidth(1, 320)
        clear = QPushButton(self.tr("Clear"))
        clear.clicked.connect(self.clear)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(clear)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)
        self.setWidget(body)
        self._retitle()
        self.hide()

    def add(self, path: str, reason: str) -> None:
        item = QTreeWidgetItem([os.path.basename(path), os.path.dirname(path), reason])
        item.setToolTip(0, path)
        item.setToolTip(2, reason)
        item.setData(0, Qt.ItemDataRole.UserRole, path)
        self.tree.addTopLevelItem(item)
        self._retitle()

    def count(self) -> int:
        return self.tree.topLevelItemCount()

    def reasons(self) -> list[str]:
        """What each problem listed says, in order."""
        return [self.tree.topLevelItem(i).text(2) for i in range(self.count())]

    def clear(self) -> None:
        self.tree.clear()
        self._retitle()

    def _retitle(self) -> None:
        n = self.count()
        self.setWindowTitle(self.tr("Problems (%n)", "", n) if n else self.tr("Problems"))
