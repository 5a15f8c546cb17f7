"""The Help menu: keyboard shortcuts, the search syntax and About."""

from photodesk import __version__
from photodesk.gui.dialogs import help as help_menu


def test_help_is_the_last_menu_and_lists_every_shortcut(qtbot, open_window, catalog_path):
    window = open_window(catalog_path)
    menus = window.menuBar().actions()
    assert menus[-1].text().replace("&", "") == "Help"
    dialog = help_menu.ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    rows = dict(dialog.rows())
    assert "Pick" in rows["P"] and "Reject" in rows["X"] and "Rate" in rows["0 – 5"]
    assert rows["Ctrl+E"] == "File › Export…"
    assert rows["Ctrl+Shift+W"] == "File › Write metadata to files…"
    assert rows[window.shortcuts_action.shortcut().toString()] == "Help › Keyboard shortcuts"


def test_about_names_the_version_licence_and_catalog(qtbot, open_window, catalog_path):
    window = open_window(catalog_path)
    text = help_menu.about_text(window.location)
    assert f"PhotoDesk {__version__}" in text
    assert "GNU GPL 3.0" in text and str(catalog_path) in text


def test_search_syntax_opens_the_search_help(qtbot, open_window, catalog_path):
    window = open_window(catalog_path)
    syntax = [a for a in window.menuBar().actions()[-1].menu().actions()
              if a.text().replace("&", "") == "Search syntax"][0]
    syntax.trigger()
    qtbot.waitUntil(window.search_help.isVisible)
