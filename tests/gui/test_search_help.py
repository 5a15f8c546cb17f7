"""The search syntax beside the field: the "?" popup lists the rows, an example goes into the
field, and a query with a part left out says so under the field."""

from photodesk.core import search


def test_the_popup_lists_every_syntax_row(qtbot, open_window, indexed_catalog):
    window = open_window(indexed_catalog)
    window.search_help_button.click()
    qtbot.waitUntil(window.search_help.isVisible)
    rows = search.syntax()
    assert [b.text() for b in window.search_help.examples] == [e for e, _ in rows]
    assert [label.text() for label in window.search_help.explanations] == [x for _, x in rows]
    window.search_help_button.click()
    assert not window.search_help.isVisible()


def test_clicking_an_example_puts_it_in_the_search_field(qtbot, open_window, indexed_catalog):
    window = open_window(indexed_catalog)
    window.search_help_button.click()
    example = next(b for b in window.search_help.examples if b.text() == "rating:>=3")
    example.click()
    assert window.search_field.text() == "rating:>=3"
    qtbot.waitUntil(lambda: window.model.query == "rating:>=3")


def test_a_query_with_a_bad_part_shows_the_hint(qtbot, open_window, indexed_catalog):
    window = open_window(indexed_catalog)
    hint = window.search_hint
    assert hint.text() == ""
    window.search_field.setText("mourinho rating:abc")
    assert hint.isVisible()
    assert "rating:abc" in hint.text()
    assert "not a rating" in hint.toolTip()
    window.search_field.setText("mourinho rating:>=3")
    assert hint.text() == "" and hint.toolTip() == ""


def test_explanations_read_in_vietnamese(qtbot, app):
    from PySide6.QtCore import QCoreApplication

    from photodesk.gui.i18n import install_translator
    from photodesk.gui.views.searchhelp import SearchHelp
    translator = install_translator(QCoreApplication.instance(), "vi")
    try:
        popup = SearchHelp()
        qtbot.addWidget(popup)
        texts = [label.text() for label in popup.explanations]
        english = [x for _, x in search.syntax()]
        assert all(t != e for t, e in zip(texts, english) if any(c.isalpha() for c in e))
    finally:
        QCoreApplication.instance().removeTranslator(translator)
