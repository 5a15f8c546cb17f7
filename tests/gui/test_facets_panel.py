"""The facet panel: counts for the current search, and a click on a value narrows the search."""

import shutil
from pathlib import Path

import pytest

from photodesk.core import people, search
from photodesk.core.catalog import Catalog
from photodesk.core.index import index_paths

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample"
PERSON = "Võ Thị Ánh Xuân"


@pytest.fixture
def sample_catalog(tmp_path, catalog_path) -> tuple[str, set[int]]:
    """The sample folder indexed, PERSON shown in two of its seven photos."""
    folder = tmp_path / "sample"
    shutil.copytree(SAMPLE, folder, ignore=shutil.ignore_patterns("*.py", "README.md"))
    with Catalog(catalog_path) as cat:
        list(index_paths(cat, [str(folder)], workers=0))
        ids = search.search(cat, "", sort="name")[:2]
        people.tag(cat, ids, "people", add=[PERSON])
    return catalog_path, set(ids)


def test_panel_counts_people_and_a_click_narrows_the_grid(qtbot, open_window, sample_catalog):
    catalog_path, tagged = sample_catalog
    window = open_window(catalog_path)
    window.facets.show()  # View → Facets: the panel starts hidden
    panel = window.facets
    qtbot.waitUntil(lambda: window.model.rowCount() == 7, timeout=10000)
    qtbot.waitUntil(lambda: len(panel.items("person")) == 1, timeout=10000)
    item = panel.items("person")[0]
    assert (item.text(0), item.text(1)) == (PERSON, "2")
    assert [i.text(1) for i in panel.items("year")] == ["7"]
    qtbot.waitUntil(lambda: panel.summary.text().startswith("7 photo"))

    panel.tree.itemClicked.emit(item, 0)
    assert window.search_field.text() == f'person:"{PERSON}"'
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=10000)
    assert set(window.model.ids_in([(0, 1)])) == tagged
    # The panel follows the narrower search: every photo left shows the person.
    qtbot.waitUntil(lambda: panel.query() == f'person:"{PERSON}"'
                    and [i.text(1) for i in panel.items("year")] == ["2"], timeout=10000)


def test_a_facet_click_adds_to_the_words_typed(qtbot, open_window, sample_catalog):
    catalog_path, _ = sample_catalog
    window = open_window(catalog_path)
    window.facets.show()  # View → Facets: the panel starts hidden
    panel = window.facets
    window.search_field.setText("hội chợ")
    qtbot.waitUntil(lambda: panel.query() == "hội chợ" and bool(panel.items("person")), timeout=10000)
    panel.tree.itemClicked.emit(panel.items("person")[0], 0)
    assert window.search_field.text() == f'hội chợ person:"{PERSON}"'


def test_a_newer_query_supersedes_an_older_answer(qtbot, app, sample_catalog):
    from PySide6.QtCore import QThreadPool

    from photodesk.gui.views.facetpanel import FacetPanel
    catalog_path, _ = sample_catalog
    panel = FacetPanel(catalog_path)
    qtbot.addWidget(panel)
    panel.show_query("")
    panel.show_query(f'person:"{PERSON}"')
    qtbot.waitUntil(lambda: [i.text(1) for i in panel.items("year")] == ["2"], timeout=10000)
    # The answer for "" may still arrive; it must not replace the newer one.
    QThreadPool.globalInstance().waitForDone()
    qtbot.wait(50)
    assert [i.text(1) for i in panel.items("year")] == ["2"]


def test_panel_counts_within_the_person_shown(qtbot, open_window, sample_catalog):
    from photodesk.gui.models.queries import Scope
    catalog_path, _ = sample_catalog
    window = open_window(catalog_path)
    window.facets.show()  # View → Facets: the panel starts hidden
    with Catalog(catalog_path) as cat:
        person = next(p for p in people.registry(cat)["people"] if p["name"] == PERSON)
    window.set_scope(Scope("person", person["id"], person["name"]))
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=10000)
    qtbot.waitUntil(lambda: [i.text(1) for i in window.facets.items("year")] == ["2"],
                    timeout=10000)
    assert "whole catalog" not in window.facets.summary.text()
