"""The Help menu: keyboard shortcuts, the search syntax, and About (version, licence, catalog)."""

import platform
from html import escape

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHeaderView, QMessageBox,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout)

from photodesk import __version__

translate = QCoreApplication.translate  # lupdate reads translate("context", "text") calls
LICENCE_URL = "https://www.gnu.org/licenses/gpl-3.0.html"


def attach(window) -> QAction:
    """Help, last in the menu bar; returns the action that opens the shortcuts."""
    menu = window.menuBar().addMenu(translate("Help", "&Help"))
    shortcuts = QAction(translate("Help", "&Keyboard shortcuts"), window)
    shortcuts.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
    shortcuts.triggered.connect(lambda *_: _show(ShortcutsDialog(window)))
    menu.addAction(shortcuts)
    syntax = QAction(translate("Help", "&Search syntax"), window)
    syntax.triggered.connect(lambda *_: window.search_help_button.click())
    menu.addAction(syntax)
    menu.addSeparator()
    about = QAction(translate("Help", "&About PhotoDesk"), window)
    about.triggered.connect(lambda *_: QMessageBox.about(window, about_title(),
                                                         about_text(window.location)))
    menu.addAction(about)
    return shortcuts


def _show(dialog: QDialog) -> None:
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # one each time it is asked for
    dialog.exec()


def about_title() -> str:
    return translate("Help", "About PhotoDesk")


def about_text(location) -> str:
    licence = translate("Help", "GNU GPL 3.0 or later")
    lines = [
        f"<h3>PhotoDesk {__version__}</h3>",
        translate("Help", "A desk for press photos: culling, captions, people and the "
                          "articles each photo belongs to."),
        translate("Help", "Licence: %1").replace(
            "%1", f'<a href="{LICENCE_URL}">{licence}</a>'),
        translate("Help", "Catalog: %1").replace("%1", escape(str(location))),
        f"Python {platform.python_version()} · Qt (PySide6) {pyside_version}",
    ]
    return "<p>" + "</p><p>".join(lines) + "</p>"


def culling_keys() -> list[tuple[str, str]]:
    """The keys that act without a menu entry: the grid's, the loupe's and compare's."""
    return [
        ("0 – 5", translate("Help", "Rate the selected photos (0 clears the stars)")),
        ("6 / 7 / 8 / 9", translate("Help", "Colour label red, yellow, green, blue "
                                            "(again: clear it)")),
        ("P", translate("Help", "Pick (again: clear the flag)")),
        ("X", translate("Help", "Reject (again: clear the flag)")),
        ("Space", translate("Help", "Open or close the loupe")),
        ("← → ↑ ↓", translate("Help", "Previous or next photo (in the loupe too)")),
        ("Z", translate("Help", "100 % view in the loupe (a click too) and in compare "
                                "(a double-click too)")),
        ("+ / −", translate("Help", "Zoom in or out in the loupe and in compare")),
        ("Shift + ← → ↑ ↓", translate("Help", "Move around a zoomed photo (dragging too)")),
        ("Tab / Shift+Tab", translate("Help", "Next or previous photo in the compare view")),
        ("Esc", translate("Help", "Close the loupe or the compare view")),
    ]


def menu_shortcuts(window) -> list[tuple[str, str]]:
    """(keys, menu › entry) for every menu entry that has a shortcut, in menu order."""
    found = []
    for top in window.menuBar().actions():
        menu = top.menu()
        if menu is None:
            continue
        for action in menu.actions():
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            if keys and not action.isSeparator():
                found.append((keys, f"{_plain(top.text())} › {_plain(action.text())}"))
    return found


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


class ShortcutsDialog(QDialog):
    """Every key of the desk: the culling keys, then the menus' shortcuts."""

    def __init__(self, window):
        super().__init__(window)
        self.setWindowTitle(translate("Help", "Keyboard shortcuts"))
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([translate("Help", "Keys"), translate("Help", "Does")])
        self.tree.setRootIsDecorated(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for section, rows in ((translate("Help", "Culling and viewing"), culling_keys()),
                              (translate("Help", "Menus"), menu_shortcuts(window))):
            head = QTreeWidgetItem([section, ""])
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(head)
            for keys, does in rows:
                self.tree.addTopLevelItem(QTreeWidgetItem([keys, does]))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(620, 560)

    def rows(self) -> list[tuple[str, str]]:
        return [(self.tree.topLevelItem(i).text(0), self.tree.topLevelItem(i).text(1))
                for i in range(self.tree.topLevelItemCount())]
