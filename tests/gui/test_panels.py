"""Panels give way: at 1600×1000 with the article, the inspector and the facets open, the
contact sheet keeps two columns; long facet values elide in the middle, whole on hover."""

from PySide6.QtCore import Qt

from tests.gui.test_articleview import open_lao_cai


def seen(widget) -> bool:
    """Drawn on screen: a dock behind another's tab is not (it may still count as visible)."""
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


def columns(grid) -> int:
    """Photos side by side in the grid, as drawn."""
    model = grid.model()
    lefts = {grid.visualRect(model.index(row)).x() for row in range(min(6, model.rowCount()))}
    return len([x for x in lefts if x + grid.cell_width() <= grid.viewport().width()])


def test_the_grid_keeps_two_columns_with_every_panel_open(qtbot, open_window, catalog_path,
                                                          tmp_path):
    window, _ = open_lao_cai(qtbot, open_window, catalog_path, tmp_path)
    assert window.article_view.isVisible() and window.inspector.isVisible()
    window.facets.show()  # View → Facets
    qtbot.waitUntil(lambda: window.give_way.tabbed(), timeout=5000)
    # The facets asked for are the tab shown, at the inspector's width.
    qtbot.waitUntil(lambda: columns(window.grid) >= 2 and seen(window.facets)
                    and window.facets.width() >= 300, timeout=5000)
    assert window.article_view.width() >= 400

    window.inspector_dock.raise_()  # the inspector's tab: the facets wait behind it
    qtbot.waitUntil(lambda: seen(window.inspector) and not seen(window.facets)
                    and window.inspector_dock.width() >= 300)

    window.article_view.close_article()  # its × button: room for the facets beside
    qtbot.waitUntil(lambda: not window.give_way.tabbed(), timeout=5000)
    qtbot.waitUntil(lambda: seen(window.facets) and seen(window.inspector))
    assert columns(window.grid) >= 2


def test_long_facet_values_elide_in_the_middle_and_show_whole_on_hover(
        qtbot, open_window, catalog_path, tmp_path):
    window, _ = open_lao_cai(qtbot, open_window, catalog_path, tmp_path)
    window.facets.show()
    qtbot.waitUntil(lambda: bool(window.facets.items("article")), timeout=10000)
    item = window.facets.items("article")[0]
    title = "Các phong trào thi đua góp phần đưa Lào Cai trở thành tỉnh phát triển toàn diện"
    assert item.text(0) == title and item.toolTip(0) == title
    tree = window.facets.tree
    assert tree.textElideMode() == Qt.TextElideMode.ElideMiddle
    assert tree.columnWidth(0) + tree.columnWidth(1) <= tree.viewport().width()
