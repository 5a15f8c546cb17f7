import shutil

import pytest

from photodesk.core import search
from photodesk.core.articles import ArticleError
from photodesk.core.articles.link import choose_photo, import_article
from photodesk.core.catalog import articles as store
from photodesk.core.catalog import photos as catalog
from photodesk.core.edit import decide_suggestion
from photodesk.core.index import ArticleImported, index_paths
from tests.conftest import ARTICLE, ROOT, exiftool, make_jpeg

NAMES = ["IMG_6193.jpeg", "IMG_6194.jpeg", "IMG_6192.jpeg", "IMG_6195.jpg", "thay-1.jpg",
         "IMG_6196.jpg", "IMG_6204.jpg", "IMG_6202.jpg", "IMG_6198.jpg", "IMG_6197.jpg",
         "IMG_6212.jpg", "IMG_6211.jpg", "IMG_6210.jpg", "IMG_6209.jpg", "IMG_6208.jpg",
         "IMG_6206.jpeg"]
LAST = ("Tặng Cờ thi đua của UBND tỉnh cho các tập thể có thành tích xuất sắc trong phong trào "
        "thi đua năm 2023 của tỉnh.")


@pytest.fixture
def article(photo_dir):
    if not ARTICLE.exists():
        pytest.skip("no sample article")
    return shutil.copy(ARTICLE, photo_dir / ARTICLE.name)


def make_photos(folder, names):
    for i, name in enumerate(names):
        make_jpeg(folder / name, size=(320, 240), color=(i * 15, 100, 160))


def by_name(cat, folder, name):
    return catalog.photo_by_path(cat, str(folder / name))


def people_suggested(cat, photo):
    return [p["name"] for p in store.suggestions(cat, photo["id"])["people"]]


@pytest.mark.parametrize("order", ["article first", "photos first"])
def test_the_real_article_links_its_photos_whichever_arrives_first(catalog, photo_dir, article, order):
    if order == "article first":
        result = import_article(catalog, article)
        assert (result.references, result.linked) == (16, 0)
        make_photos(photo_dir, NAMES)
        list(index_paths(catalog, [str(photo_dir)]))
    else:
        make_photos(photo_dir, NAMES)
        events = list(index_paths(catalog, [str(photo_dir)]))  # finds the article itself
        assert any(isinstance(e, ArticleImported) and e.linked == 16 for e in events)
    a = store.article(catalog, store.articles(catalog)[0]["id"])
    assert [i["name"] for i in a["images"]] == NAMES
    assert all(i["match"] == "linked" for i in a["images"])
    assert by_name(catalog, photo_dir, "IMG_6193.jpeg")["caption"] == "Tiết mục văn nghệ chào mừng hội nghị."
    assert by_name(catalog, photo_dir, "IMG_6208.jpg")["caption"] == LAST
    assert by_name(catalog, photo_dir, "IMG_6206.jpeg")["caption"] == LAST
    for name in ("IMG_6195.jpg", "thay-1.jpg"):
        assert "Võ Thị Ánh Xuân" in people_suggested(catalog, by_name(catalog, photo_dir, name))
    assert "Trịnh Xuân Trường" in people_suggested(catalog, by_name(catalog, photo_dir, "IMG_6196.jpg"))
    assert a["event"]["date"] == "2024-02-28"
    assert "thi đua, khen thưởng năm 2024" in a["event"]["name"]
    names = {p["name"]: p["title"] for p in a["people"]}
    assert names["Võ Thị Ánh Xuân"] == "Phó Chủ tịch nước"
    assert {"Phạm Huy Giang", "Vũ Xuân Cường", "Trịnh Xuân Trường"} <= set(names)
    assert "Tô Lâm" not in names  # named only in the related-news furniture
    photo = by_name(catalog, photo_dir, "IMG_6196.jpg")
    assert [x["title"] for x in photo["articles"]] == [a["title"]]
    # The article's title and captions are searchable, folded.
    assert photo["id"] in search.search(catalog, "phong trao thi dua lao cai")


def test_a_photo_keeps_its_own_caption_and_the_difference_is_shown(catalog, photo_dir, article):
    make_photos(photo_dir, ["IMG_6196.jpg"])
    exiftool("-overwrite_original", "-XMP-dc:Description=Chủ tịch tỉnh phát biểu (ảnh gốc)",
             photo_dir / "IMG_6196.jpg")
    list(index_paths(catalog, [str(photo_dir)]))
    photo = by_name(catalog, photo_dir, "IMG_6196.jpg")
    assert photo["caption"] == "Chủ tịch tỉnh phát biểu (ảnh gốc)"
    conflicts = store.caption_conflicts(catalog)
    assert len(conflicts) == 1 and conflicts[0]["photo_id"] == photo["id"]
    assert conflicts[0]["article_caption"].startswith("Đồng chí Trịnh Xuân Trường")


def test_same_folder_first_then_anywhere_and_ambiguity_is_never_guessed(catalog, tmp_path):
    story, elsewhere_a, elsewhere_b = (tmp_path / d for d in ("story", "a", "b"))
    story.mkdir()
    (story / "bai.txt").write_text("Tiêu đề\n\nĐoạn mở đầu.\n\nimg_1.JPG\nChú thích một.\n\n"
                                   "IMG_2.jpg\nChú thích hai.\n", encoding="utf-8")
    make_photos(story, ["IMG_1.jpg"])
    make_photos(elsewhere_a, ["IMG_1.jpg", "IMG_2.jpg"])
    make_photos(elsewhere_b, ["img_2.JPG"])
    for folder in (story, elsewhere_a, elsewhere_b):
        list(index_paths(catalog, [str(folder)]))
    a = store.article(catalog, store.articles(catalog)[0]["id"])
    first, second = a["images"]
    assert first["match"] == "linked" and first["photo_path"] == str(story / "IMG_1.jpg")
    assert second["match"] == "ambiguous" and second["photo_id"] is None
    choice = by_name(catalog, elsewhere_b, "img_2.JPG")
    choose_photo(catalog, a["id"], 1, choice["id"])
    settled = store.article(catalog, a["id"])["images"][1]
    assert (settled["photo_id"], settled["match"]) == (choice["id"], "chosen")
    assert by_name(catalog, elsewhere_b, "img_2.JPG")["caption"] == "Chú thích hai."


def test_confirmed_suggestions_become_person_shown_and_event(catalog, photo_dir, article):
    make_photos(photo_dir, ["IMG_6195.jpg"])
    list(index_paths(catalog, [str(photo_dir)]))
    photo = by_name(catalog, photo_dir, "IMG_6195.jpg")
    suggested = store.suggestions(catalog, photo["id"])
    person = next(p for p in suggested["people"] if p["name"] == "Võ Thị Ánh Xuân")
    assert photo["people"] == []  # a suggestion is not yet a fact
    decide_suggestion(catalog, [photo["id"]], "person", person["id"], accept=True)
    decide_suggestion(catalog, [photo["id"]], "event", suggested["events"][0]["id"], accept=True)
    photo = by_name(catalog, photo_dir, "IMG_6195.jpg")
    assert photo["people"] == ["Võ Thị Ánh Xuân"]
    assert "Hội nghị" in photo["event"]
    assert photo["id"] in search.search(catalog, "vo thi anh xuan")


def test_a_file_that_is_not_an_article_gets_a_clear_error(catalog, photo_dir):
    bad = photo_dir / "bai.txt"
    bad.write_bytes("Réunion à Paris\nIMG_1.jpg\n".encode("latin-1"))
    with pytest.raises(ArticleError, match="bai.txt"):
        import_article(catalog, bad)


def test_the_bundled_sample_folder_links_completely(catalog):
    sample = ROOT / "resources" / "sample"
    events = list(index_paths(catalog, [str(sample)]))
    imported = [e for e in events if isinstance(e, ArticleImported)]
    assert len(imported) == 1 and imported[0].linked == imported[0].references == 7


def test_registry_people_are_found_by_folded_name_and_alias(catalog, photo_dir):
    from photodesk.core.catalog import articles as people_store
    pid = people_store.person_id(catalog, "Võ Thị Ánh Xuân", "Phó Chủ tịch nước")
    catalog.db["people"].update(pid, {"aliases": "Chị Xuân; VTAX"})
    make_photos(photo_dir, ["a.jpg"])
    (photo_dir / "bai.txt").write_text(
        "Tin ngắn\n\nSáng 1/6/2024, hội nghị khai mạc.\n\na.jpg\nVTAX trao quà cho học sinh.\n",
        encoding="utf-8")
    list(index_paths(catalog, [str(photo_dir)]))
    assert people_suggested(catalog, by_name(catalog, photo_dir, "a.jpg")) == ["Võ Thị Ánh Xuân"]


def test_a_photo_may_belong_to_several_articles(catalog, photo_dir):
    make_photos(photo_dir, ["a.jpg"])
    for n in (1, 2):
        (photo_dir / f"bai{n}.txt").write_text(f"Bài số {n}\n\nMở đầu.\n\na.jpg\nChú thích {n}.\n",
                                              encoding="utf-8")
    list(index_paths(catalog, [str(photo_dir)]))
    photo = by_name(catalog, photo_dir, "a.jpg")
    assert [a["title"] for a in photo["articles"]] == ["Bài số 1", "Bài số 2"]
    assert photo["caption"] == "Chú thích 1."  # the first filled it; the second is a conflict
    assert [c["article_caption"] for c in store.caption_conflicts(catalog)] == ["Chú thích 2."]


def test_a_kept_caption_is_remembered_until_the_photo_caption_changes(catalog, sample_article):
    from photodesk.core.edit import edit_photos, keep_photo_caption
    from photodesk.core.catalog import articles as article_store
    conflicts = article_store.caption_conflicts(catalog)
    assert [c["path"].rsplit("/", 1)[1] for c in conflicts] == ["DSC_0415.jpg"]
    photo_id = conflicts[0]["photo_id"]
    keep_photo_caption(catalog, photo_id, sample_article)
    assert article_store.caption_conflicts(catalog) == []
    edit_photos(catalog, [photo_id], caption="Một chú thích khác hẳn.")
    assert [c["photo_id"] for c in article_store.caption_conflicts(catalog)] == [photo_id]
