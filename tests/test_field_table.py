"""The field table (core/fields.py) drives the layers: every editable field can be edited from
the command line (tests/cli/test_edit_cli.py), is exported, shown in the inspector and found by
search, or is named here as not (with the reason)."""

from photodesk.core import search
from photodesk.core.edit import edit_photos
from photodesk.core.export.records import record
from photodesk.core.fields import FIELDS, Kind
from photodesk.core.index import index_paths
from photodesk.core.catalog import photos as catalog
from photodesk.gui.models.facts import facts
from tests.conftest import make_jpeg

# Found by its words in a plain search, but: the copyright line (rights, not content); dates,
# ratings and labels have their own query fields (date:, rating:, label:).
NOT_SEARCHED_BY_WORD = {"copyright", "date_created", "rating", "label"}
# Shown in the inspector's text (facts) — but the title (IPTC Object Name), which the inspector
# does not show yet. Rating and label are drawn on the thumbnail and set with the culling keys.
NOT_IN_INSPECTOR_TEXT = {"title"}
DRAWN_ON_THE_THUMBNAIL = {"rating", "label"}


def test_every_editable_field_is_exported_shown_and_searched_or_named_as_not(tmp_path):
    catalog_path = tmp_path / "c.sqlite"
    folder = catalog_path.parent / "p"
    make_jpeg(folder / "a.jpg")
    from photodesk.core.catalog import Catalog
    with Catalog(catalog_path) as cat:
        list(index_paths(cat, [str(folder)], workers=1))
        pid = catalog.photo_by_path_id(cat, str(folder / "a.jpg"))
        words = {f.name: f"tu{f.name.replace('_', '')}xyz" for f in FIELDS if f.editable}
        values = {name: ([w] if BY_KIND(name) is Kind.BAG else w) for name, w in words.items()}
        values.update(rating=4, label="Red", date_created="2025-03-15")
        edit_photos(cat, [pid], **values)
        row = catalog.photo(cat, pid)

        exported = record(row, 1)
        assert [n for n in values if exported.get(n) in (None, [], "")] == []

        shown = " ".join(facts(row).values())
        texts = set(values) - DRAWN_ON_THE_THUMBNAIL - {"date_created"}
        assert {n for n in texts if words[n] not in shown} == NOT_IN_INSPECTOR_TEXT
        assert "2025-03-15" in shown

        unsearched = {n for n, w in words.items() if search.search(cat, w) != [pid]}
        assert unsearched == NOT_SEARCHED_BY_WORD


def BY_KIND(name: str) -> Kind:
    return next(f.kind for f in FIELDS if f.name == name)
