"""The grid's photos for a sidebar scope are one search: the same ids, in the same order, as the
search that spells the scope out (an article's in the order it prints them, whatever the sort)."""

import pytest

from photodesk.core import search
from photodesk.gui.models.queries import EVERYTHING, Scope, scope_ids
from tests.core import test_scopes

desk = test_scopes.desk  # the catalog of real JPEGs with people, an event and an article


@pytest.mark.parametrize("kind", ["all", "folder", "subfolder", "person", "event", "saved"])
def test_the_grid_shows_the_search_that_spells_the_scope_out(desk, kind):
    cat, photos, _ = desk
    scope, spelled = test_scopes._scopes(cat, photos)[kind]
    for query in ("", "lan", "rating:>=2 -has:caption"):
        for sort in ("taken", "name", "rating", "indexed"):
            expected = search.search(cat, f"{spelled} {query}".strip(), sort=sort,
                                     limit=10_000)
            assert scope_ids(cat, scope, query, sort) == expected, (query, sort)


def test_the_grid_shows_an_article_in_its_own_order_whatever_the_sort(desk):
    cat, photos, ids = desk
    scope = test_scopes._scopes(cat, photos)["article"][0]
    printed = [ids[n] for n in ("Em.jpg", "Bình.jpg", "IMG_0001.jpg", "An.jpg")]
    for sort in ("taken", "name", "rating", "indexed"):
        assert scope_ids(cat, scope, "", sort) == printed
        assert scope_ids(cat, scope, "lan", sort) == [
            i for i in printed if i != ids["IMG_0001.jpg"]]  # it shows Trần Văn Bình alone


def test_the_desk_scope_is_the_search_scope():
    assert Scope is search.Scope and EVERYTHING == search.Scope()
    assert Scope("person", 3, "Lan") == Scope("person", 3)  # the label is only shown
