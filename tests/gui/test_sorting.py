"""The sort button: every sort both ways (culling wants shooting order, oldest first), the
choice remembered for the next start."""

import shutil

from photodesk.core import search
from photodesk.core import settings as settings_store
from photodesk.core.catalog import Catalog
from photodesk.core.index import index_paths
from tests.conftest import ROOT


def grid_ids(window) -> list[int]:
    return window.model.ids_in([(0, window.model.rowCount() - 1)])


def expected(catalog_path, sort, descending):
    with Catalog(catalog_path) as cat:
        return search.search(cat, "", sort=sort, descending=descending)


def test_the_sort_button_turns_each_sort_round_and_is_remembered(qtbot, open_window,
                                                                 catalog_path, tmp_path):
    folder = tmp_path / "sample"
    shutil.copytree(ROOT / "resources" / "sample", folder)
    with Catalog(catalog_path) as cat:
        list(index_paths(cat, [str(folder)], workers=0))
    window = open_window(catalog_path)
    qtbot.waitUntil(lambda: window.model.rowCount() == 7, timeout=10000)
    button = window.sort_direction
    assert button.text() == "Newest first"
    newest = expected(catalog_path, "taken", True)
    assert grid_ids(window) == newest

    button.click()  # shooting order
    assert button.text() == "Oldest first"
    qtbot.waitUntil(lambda: grid_ids(window) == newest[::-1], timeout=10000)
    qtbot.waitUntil(lambda: settings_store.load().sort_direction == "ascending", timeout=5000)

    window.sort.setCurrentIndex(window.sort.findData("name"))  # a new sort: its usual way
    assert button.text() == "A → Z"
    qtbot.waitUntil(lambda: grid_ids(window) == expected(catalog_path, "name", False),
                    timeout=10000)
    button.click()
    assert button.text() == "Z → A"
    qtbot.waitUntil(lambda: grid_ids(window) == expected(catalog_path, "name", True),
                    timeout=10000)
    qtbot.waitUntil(lambda: (settings_store.load().sort,
                             settings_store.load().sort_direction) == ("name", "descending"),
                    timeout=5000)
    window.close()

    again = open_window(catalog_path)  # the next start sorts as the editor left it
    assert again.sort.currentData() == "name" and again.sort_direction.text() == "Z → A"
    qtbot.waitUntil(lambda: grid_ids(again) == expected(catalog_path, "name", True),
                    timeout=10000)


def test_an_article_keeps_its_own_order_and_the_sort_says_so(qtbot, open_window, catalog_path,
                                                              tmp_path):
    folder = tmp_path / "sample"
    shutil.copytree(ROOT / "resources" / "sample", folder)
    window = open_window(catalog_path, [str(folder)])
    qtbot.waitUntil(lambda: window.model.scope.kind == "article"
                    and window.model.rowCount() > 0, timeout=60000)  # the newest article opens
    qtbot.waitUntil(lambda: not window.sort_direction.isEnabled())
    assert window.sort_direction.text() == "Article's order" and not window.sort.isEnabled()
    window.set_scope(search.EVERYTHING)
    qtbot.waitUntil(lambda: window.sort_direction.isEnabled())
    assert window.sort_direction.text() == "Newest first" and window.sort.isEnabled()


def test_a_saved_search_opens_in_the_order_it_was_saved_with(qtbot, open_window, catalog_path,
                                                            tmp_path):
    folder = tmp_path / "sample"
    shutil.copytree(ROOT / "resources" / "sample", folder)
    with Catalog(catalog_path) as cat:
        list(index_paths(cat, [str(folder)], workers=0))
        search.save_search(cat, "Hội chợ, Z đến A", "hoi cho", "name", descending=True)
    window = open_window(catalog_path)
    qtbot.waitUntil(lambda: window.sidebar.saved_order(
        search.Scope("saved", "hoi cho", "Hội chợ, Z đến A")) == ("name", True), timeout=10000)
    window.set_scope(search.Scope("saved", "hoi cho", "Hội chợ, Z đến A"))
    with Catalog(catalog_path) as cat:
        wanted = search.search(cat, "hoi cho", sort="name", descending=True)
    qtbot.waitUntil(lambda: grid_ids(window) == wanted, timeout=10000)
    assert window.sort.currentData() == "name" and window.sort_direction.text() == "Z → A"
