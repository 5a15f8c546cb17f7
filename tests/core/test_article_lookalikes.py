"""An article that names a CMS's resized copy of a photo (DSC-1234-1709.jpg for DSC_1234.jpg)
is linked to the original through its look-alike, once the editor confirms."""

from PIL import Image

from photodesk.core.articles.link import confirm_lookalikes, import_article
from photodesk.core.catalog import articles as store
from photodesk.core.catalog.photos import photo, photo_by_path_id
from photodesk.core.index import index_paths
from tests.conftest import make_scene

STORY = """Khai mạc Hội chợ Nông sản an toàn tỉnh Hòa Sơn năm 2025

Sáng 15/3, tại Quảng trường Trung tâm tỉnh, UBND tỉnh Hòa Sơn tổ chức Lễ khai mạc Hội chợ.

DSC-1234-1709.jpg
Quang cảnh lễ khai mạc hội chợ.

Hội chợ năm nay có 180 gian hàng.

DSC-9999-1709.jpg
Người dân tham quan hội chợ.
"""


def _story(tmp_path):
    """The original in a catalog folder; the story saved from the CMS elsewhere, with its
    resized copy of the original and a file of another scene no photo looks like."""
    original = make_scene(tmp_path / "desk" / "DSC_1234.jpg", seed=21)
    cms = tmp_path / "cms"
    cms.mkdir()
    image = Image.open(original)
    image.thumbnail((600, 600))
    image.save(cms / "DSC-1234-1709.jpg", quality=60)
    make_scene(cms / "DSC-9999-1709.jpg", seed=22, size=(600, 400))
    (cms / "story.txt").write_text(STORY, encoding="utf-8")
    return original, cms / "story.txt"


def test_an_image_named_by_a_cms_copy_is_suggested_its_original(catalog, tmp_path):
    original, story = _story(tmp_path)
    list(index_paths(catalog, [tmp_path / "desk"], workers=1))
    original_id = photo_by_path_id(catalog, str(original))
    imported = import_article(catalog, str(story))
    assert imported.linked == 0
    assert imported.unmatched == ["DSC-1234-1709.jpg", "DSC-9999-1709.jpg"]
    assert imported.lookalikes == [("DSC-1234-1709.jpg", original_id)]
    images = store.article(catalog, imported.article_id)["images"]
    assert images[0]["lookalike_path"] == str(original) and images[0]["photo_id"] is None
    assert images[1]["lookalike_id"] is None
    assert photo(catalog, original_id)["articles"] == []  # a suggestion links nothing yet

    assert confirm_lookalikes(catalog, imported.article_id) == [original_id]
    images = store.article(catalog, imported.article_id)["images"]
    assert images[0]["photo_id"] == original_id and images[0]["match"] == "chosen"
    assert images[0]["lookalike_id"] is None
    got = photo(catalog, original_id)
    assert got["caption"] == "Quang cảnh lễ khai mạc hội chợ."
    assert [a["id"] for a in got["articles"]] == [imported.article_id]


def test_a_rejected_suggestion_is_forgotten(catalog, tmp_path):
    original, story = _story(tmp_path)
    list(index_paths(catalog, [tmp_path / "desk"], workers=1))
    imported = import_article(catalog, str(story))
    assert confirm_lookalikes(catalog, imported.article_id, accept=False) == []
    images = store.article(catalog, imported.article_id)["images"]
    assert [i["lookalike_id"] for i in images] == [None, None]
    assert [i["match"] for i in images] == ["unmatched", "unmatched"]
