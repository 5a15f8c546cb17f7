"""The main window's toolbar, menus and status texts, built apart so the window only wires."""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QComboBox, QFileDialog, QLabel, QLineEdit, QSizePolicy,
                               QToolBar, QToolButton, QWidget)

from photodesk.gui.views.placeholders import search_icon

SORTS = ("taken", "name", "rating", "indexed")


translate = QCoreApplication.translate  # lupdate reads translate("context", "text") calls


def build_toolbar(window) -> tuple[QLineEdit, QComboBox, QToolButton]:
    bar = QToolBar(translate("MainWindow", "Search"))
    bar.setObjectName("searchBar")
    bar.setMovable(False)
    field = QLineEdit()
    field.setPlaceholderText(
        translate("MainWindow", "Search captions, people, places… (accents optional)"))
    field.setClearButtonEnabled(True)
    field.addAction(search_icon(), QLineEdit.ActionPosition.LeadingPosition)
    field.setMinimumWidth(420)
    field.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    sort = QComboBox()
    names = {"taken": translate("MainWindow", "Date taken"),
             "name": translate("MainWindow", "File name"),
             "rating": translate("MainWindow", "Rating"),
             "indexed": translate("MainWindow", "Recently added")}
    for key in SORTS:
        sort.addItem(names[key], key)
    spacer = QWidget()
    spacer.setFixedWidth(12)
    bar.addWidget(field)
    bar.addWidget(spacer)
    # Which way the sort runs, in its own words ("Oldest first"); a click turns it round.
    direction = QToolButton()
    direction.setObjectName("sortDirection")
    direction.setToolTip(translate("MainWindow", "Reverse the order"))
    direction.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    bar.addWidget(QLabel(translate("MainWindow", "Sort:")))
    bar.addWidget(sort)
    bar.addWidget(direction)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    return field, sort, direction


def direction_text(sort: str, descending: bool) -> str:
    """The direction of a sort as the sort button says it."""
    if sort == "name":
        return "Z → A" if descending else "A → Z"
    if sort == "rating":
        return (translate("MainWindow", "Highest first") if descending
                else translate("MainWindow", "Lowest first"))
    return (translate("MainWindow", "Newest first") if descending
            else translate("MainWindow", "Oldest first"))


def build_menus(window) -> None:
    keys = QKeySequence.StandardKey
    file_menu = window.menuBar().addMenu(translate("MainWindow", "&File"))
    window.add_folder_action = _action(window, translate("MainWindow", "&Add folder…"),
                                       window.choose_folder, keys.Open)
    file_menu.addAction(window.add_folder_action)
    file_menu.addAction(_action(window, translate("MainWindow", "Re&build thumbnails"),
                                window.rebuild_thumbnails))
    file_menu.addAction(_action(window, translate("MainWindow", "&Settings…"),
                                window.open_settings, keys.Preferences))
    file_menu.addSeparator()
    file_menu.addAction(_action(window, translate("MainWindow", "&Quit"), window.close,
                                keys.Quit))

    edit_menu = window.menuBar().addMenu(translate("MainWindow", "&Edit"))
    stack = window.editor.stack
    window.undo_action = stack.createUndoAction(window, translate("MainWindow", "Undo"))
    window.undo_action.setShortcut(keys.Undo)
    window.redo_action = stack.createRedoAction(window, translate("MainWindow", "Redo"))
    window.redo_action.setShortcut(keys.Redo)
    edit_menu.addAction(window.undo_action)
    edit_menu.addAction(window.redo_action)
    edit_menu.addSeparator()
    edit_menu.addAction(_action(window, translate("MainWindow", "Select &all"),
                                window.grid.selectAll, keys.SelectAll))

    view_menu = window.menuBar().addMenu(translate("MainWindow", "&View"))
    problems = window.problems.toggleViewAction()
    problems.setText(translate("MainWindow", "Problems"))
    view_menu.addAction(problems)
    view_menu.addAction(_action(window, translate("MainWindow", "&Find"),
                                window.search_field.setFocus, keys.Find))
    window.similar_action = _action(window, translate("MainWindow", "Find s&imilar photos"),
                                    window.find_similar, QKeySequence("Ctrl+Shift+F"))
    view_menu.addAction(window.similar_action)
    view_menu.addAction(_action(window, translate("MainWindow", "&Loupe (Space)"),
                                window.open_loupe))
    # C: a letter no culling key, grid key or other shortcut takes (text fields keep it).
    window.compare_action = _action(window, translate("MainWindow", "&Compare"),
                                    window.open_compare, QKeySequence("C"))
    view_menu.addAction(window.compare_action)
    view_menu.addSeparator()
    window.larger_action = _action(window, translate("MainWindow", "&Larger thumbnails"),
                                   lambda: window.step_cell_size(1), keys.ZoomIn)
    window.smaller_action = _action(window, translate("MainWindow", "&Smaller thumbnails"),
                                    lambda: window.step_cell_size(-1), keys.ZoomOut)
    view_menu.addAction(window.larger_action)
    view_menu.addAction(window.smaller_action)


def _action(window, text: str, slot, shortcut=None) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(shortcut)
    action.triggered.connect(lambda *_: slot())
    return action


def choose_folder(window) -> None:
    folder = QFileDialog.getExistingDirectory(window, translate("MainWindow", "Add folder"),
                                              str(Path.home()))
    if folder:
        window.add_paths([folder])


def count_text(counted: str, scope) -> str:
    """counted is "N photos" (the window translates plurals: lupdate sees them only in tr())."""
    text = counted
    where = {"folder": translate("MainWindow", "in folder %1"),
             "article": translate("MainWindow", "in the article"),
             "person": translate("MainWindow", "showing %1"),
             "event": translate("MainWindow", "at %1"),
             "saved": translate("MainWindow", "in saved search %1")}.get(scope.kind)
    if where:
        text += " " + where.replace("%1", scope.label or str(scope.key))
    return text


def empty_text(query: str, scope) -> str:
    if query:
        return translate("MainWindow", "No photo matches “%1”.").replace("%1", query)
    if scope.kind != "all":
        return translate("MainWindow", "Nothing here yet.")
    return translate("MainWindow",
                     "No photos yet. Drop a folder here, or choose File → Add folder…")


def build_write_export_menus(window, write_slot, export_slot) -> tuple[QAction, QAction]:
    """File → Write metadata to files… (Ctrl+Shift+W) and Export… (Ctrl+E), above Settings."""
    file_menu = window.menuBar().actions()[0].menu()
    write = _action(window, translate("MainWindow", "&Write metadata to files…"), write_slot,
                    QKeySequence("Ctrl+Shift+W"))
    export = _action(window, translate("MainWindow", "&Export…"), export_slot,
                     QKeySequence("Ctrl+E"))
    before = file_menu.actions()[1] if len(file_menu.actions()) > 1 else None
    file_menu.insertActions(before, [write, export])
    file_menu.insertSeparator(before)
    return write, export
