"""Related-news, read-more, recommendation and advertising boxes in HTML articles: their
thumbnails never link to a photo, wherever the box sits; the story's own photos still do."""

import html
from pathlib import Path

import pytest

from photodesk.core.articles import Article, find_people, parse_html, read_article
from photodesk.core.catalog import articles as store
from photodesk.core.catalog import photos as catalog_photos
from photodesk.core.index import ArticleImported, index_paths
from tests.conftest import ARTICLE, make_jpeg
from tests.core.test_articles import SAMPLE_NAMES

PAGES = Path(__file__).parents[1] / "data" / "articles"


def names(article: Article) -> list[str]:
    return [i.name for i in article.images]


def captions(article: Article) -> dict[str, str | None]:
    return {i.name: i.caption for i in article.images}


# --- pages as Vietnamese CMSs publish them -------------------------------------------------------

# page: (the story's photos in order, the box thumbnails that must never be read, text of boxes)
CMS_PAGES = {
    "vnexpress.html": (
        ["IMG_6193.jpeg", "IMG_6192.jpeg", "IMG_6195.jpg"],
        ["IMG_6204.jpg", "IMG_6211.jpg", "IMG_6210.jpg", "IMG_6212.jpg", "IMG_6209.jpg",
         "IMG_6999.jpg", "logo.jpg"],
        ["Lào Cai đón nhận Cờ thi đua", "Đặng Xuân Phong", "65 năm Bác Hồ", "Bạn Đọc",
         "Tô Lâm"]),
    "tuoitre.html": (
        ["IMG_6194.jpeg", "IMG_6196.jpg"],
        ["IMG_6202.jpg", "IMG_6197.jpg", "IMG_6212.jpg"],
        ["Lào Cai đón Cờ thi đua", "nông thôn mới", "Giàng Seo Phử", "Tổng Bí thư"]),
    "dantri.html": (
        ["IMG_6192.jpeg", "IMG_6211.jpg", "IMG_6206.jpeg"],
        ["IMG_6198.jpg", "IMG_6208.jpg", "IMG_6209.jpg", "IMG_6210.jpg", "IMG_6212.jpg"],
        ["Tin liên quan", "TIN LIÊN QUAN", "Đặng Xuân Phong", "Đọc thêm", "Mùa hoa đào",
         "Bác Hồ", "Tổng Bí thư"]),
    "vietnamnet.html": (
        ["IMG_6197.jpg", "IMG_6212.jpg"],
        ["IMG_6203.jpg", "IMG_6213.jpg", "IMG_6205.jpg", "IMG_6201.jpg", "IMG_6207.jpg",
         "IMG_6200.jpg", "IMG_6199.jpg", "IMG_6191.jpg"],
        ["Bài viết liên quan", "thi đua năm 2023", "Sa Pa", "Quảng cáo", "Advertisement",
         "You may also like"]),
}


@pytest.mark.parametrize("page", sorted(CMS_PAGES))
def test_cms_pages_read_the_story_photos_and_never_a_box_thumbnail(page):
    story, thumbnails, box_text = CMS_PAGES[page]
    article = read_article(PAGES / page)
    assert names(article) == story
    assert all(captions(article).values()), "every story photo keeps its caption"
    assert not set(names(article)) & set(thumbnails)
    for text in box_text:
        assert text not in article.text()
    assert article.lede.startswith(("Chiều 28/2", "TTO - Chiều 28-2", "(Dân trí) - Chiều 28/2"))


def test_vnexpress_story_captions_and_the_people_of_the_story_only():
    article = read_article(PAGES / "vnexpress.html")
    assert captions(article)["IMG_6192.jpeg"] == "Quang cảnh hội nghị."  # tplCaption table
    assert captions(article)["IMG_6195.jpg"].startswith("Đồng chí Phó Chủ tịch nước Võ Thị")
    assert article.dateline == "Chiều 28/2"  # the related item's <p class="description"> is no lede
    people = [p.name for p in find_people(article.text())]
    assert people == ["Võ Thị Ánh Xuân", "Phạm Huy Giang", "Trịnh Xuân Trường"]


def test_tuoitre_keeps_tag_links_and_lightbox_photos():
    article = read_article(PAGES / "tuoitre.html")
    assert "Dự hội nghị có đồng chí Võ Thị Ánh Xuân, Phó Chủ tịch nước." in article.paragraphs
    assert captions(article)["IMG_6194.jpeg"] == "Đại biểu dự hội nghị - Ảnh: HẢI HÀ"


# --- the real article, published by a CMS with boxes between its paragraphs --------------------

BOX_THUMBS = ["IMG_6190.jpg", "IMG_6213.jpg", "IMG_6214.jpg", "IMG_6215.jpg", "IMG_6216.jpg"]
BOXES = [
    # a box whose only marker is its heading, the thumbnails beside (not inside) their links
    '<div class="mt-3"><h3 class="fs-5">Tin liên quan</h3><ul class="ul-1">'
    '<li><img src="/uploads/2023/03/IMG_6190.jpg"><a href="/tin-tuc/lao-cai-nam-2023-12345.html">'
    'Lào Cai tổng kết năm 2023</a></li></ul></div>',
    # named in the CMS's spelling, nested three divs deep, reusing one of the story's photos
    '<div class="row"><div class="col-12"><div class="box-tinlienquan">'
    '<a href="/tin-tuc/trao-qua-12346.html"><img src="/uploads/2023/06/IMG_6195.jpg"></a>'
    '<a href="/tin-tuc/trao-qua-12346.html"><img src="/uploads/2023/06/IMG_6213.jpg"></a>'
    '<a href="/tin-tuc/trao-qua-12346.html">Trao quà cho học sinh</a></div></div></div>',
    # an advertising block
    '<div class="banner-qc"><a href="https://example.vn/khuyen-mai"><img src="/qc/IMG_6214.jpg">'
    '</a></div>',
    # a table used as a related box, its label in the first row
    '<table class="tbl"><tr><td><strong>XEM THÊM:</strong></td></tr><tr><td>'
    '<a href="/tin-tuc/bac-ho-12347.html"><img src="/uploads/2023/09/IMG_6215.jpg"></a></td>'
    '<td><a href="/tin-tuc/bac-ho-12347.html">65 năm Bác Hồ thăm Lào Cai</a></td></tr></table>',
]
FURNITURE = ('<div class="box-cungchuyenmuc"><h2>Có thể bạn quan tâm</h2>'
             '<a href="/tin-tuc/tong-bi-thu-12348.html"><img src="/uploads/IMG_6216.jpg">'
             '<span>Tổng Bí thư Tô Lâm dự hội nghị</span></a></div>')


def sample_as_cms_page(sample: Article) -> str:
    """The real article as a local paper's CMS publishes it: figures after their paragraph
    (a gallery in one figure), and a box after every third paragraph."""
    body, boxes = [], iter(BOXES)
    figures = _figures(sample)
    body += figures.get(-1, [])
    for index, paragraph in enumerate(sample.paragraphs):
        body.append(f'<p style="text-align: justify;">{html.escape(paragraph)}</p>')
        body += figures.get(index, [])
        if index % 3 == 2:
            body.append(next(boxes, ""))
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{html.escape(sample.title)}'
            f' - Báo Lào Cai</title></head><body><div class="wrapper"><div class="main-content">'
            f'<h1 class="post-title">{html.escape(sample.title)}</h1>'
            f'<div class="post-content">{"".join(body)}</div>{FURNITURE}</div></div></body></html>')


def _figures(sample: Article) -> dict[int, list[str]]:
    figures: dict[int, list[str]] = {}
    group: list = []
    for image in sample.images + [None]:
        if group and (image is None or (image.paragraph, image.caption)
                      != (group[0].paragraph, group[0].caption)):
            imgs = "".join(f'<img src="/uploads/2024/02/28/{i.name}" alt="">' for i in group)
            figures.setdefault(group[0].paragraph, []).append(
                f'<figure class="image">{imgs}<figcaption>{html.escape(group[0].caption)}'
                f'</figcaption></figure>')
            group = []
        if image is not None:
            group.append(image)
    return figures


@pytest.fixture(scope="module")
def sample() -> Article:
    if not ARTICLE.is_file():
        pytest.skip(f"sample article missing: {ARTICLE}")
    return read_article(ARTICLE)


def test_the_real_article_as_a_cms_page_links_its_16_photos_and_no_box(sample):
    page = parse_html(sample_as_cms_page(sample), "lao-cai.html")
    assert names(page) == SAMPLE_NAMES
    assert captions(page) == captions(sample)
    assert page.paragraphs == sample.paragraphs
    for box_text in ("Tô Lâm", "Lào Cai tổng kết", "Trao quà", "65 năm Bác Hồ", "XEM THÊM"):
        assert box_text not in page.text()
    assert "no article container found" not in " ".join(page.warnings)


def test_indexing_the_real_article_page_links_the_story_and_leaves_box_photos_alone(
        catalog, photo_dir, sample):
    (photo_dir / "lao-cai-thi-dua-2024.html").write_text(sample_as_cms_page(sample),
                                                           encoding="utf-8")
    for n, name in enumerate(SAMPLE_NAMES + BOX_THUMBS):
        make_jpeg(photo_dir / name, size=(160, 120), color=(n * 12, 90, 150))
    events = list(index_paths(catalog, [str(photo_dir)]))
    imported = [e for e in events if isinstance(e, ArticleImported)]
    assert [(e.references, e.linked) for e in imported] == [(16, 16)]
    article = store.article(catalog, imported[0].article_id)
    assert [i["name"] for i in article["images"]] == SAMPLE_NAMES
    assert all(i["match"] == "linked" for i in article["images"])
    for name in BOX_THUMBS:
        photo = catalog_photos.photo_by_path(catalog, str(photo_dir / name))
        assert photo["articles"] == [] and not photo["caption"], name


# --- each rule on its own ------------------------------------------------------------------------

STORY = ('<div class="detail-content"><p>Chiều 28/2, tỉnh Lào Cai tổ chức hội nghị triển khai '
         'công tác thi đua, khen thưởng năm 2024.</p><figure><img src="IMG_1.jpg"><figcaption>'
         'Quang cảnh hội nghị.</figcaption></figure>{box}<p>Hội nghị đã tặng Cờ thi đua cho 36 tập '
         'thể có thành tích xuất sắc trong năm.</p><p><img src="IMG_2.jpg"></p><p><em>Trao Cờ thi '
         'đua.</em></p></div>')
THUMB = '<img src="https://cdn.example.vn/2023/IMG_9.jpg">'


def story_with(box: str, wrapper: str = "{s}") -> Article:
    return parse_html("<html><body>" + wrapper.format(s=STORY.format(box=box)) + "</body></html>")


def assert_story_only(article: Article) -> None:
    assert [(i.name, i.caption) for i in article.images] == [
        ("IMG_1.jpg", "Quang cảnh hội nghị."), ("IMG_2.jpg", "Trao Cờ thi đua.")]
    assert "Tiêu đề khác" not in article.text()


@pytest.mark.parametrize("box", [
    '<div class="related-news">{t}<a>Tiêu đề khác</a></div>',
    '<div class="box-tinlienquan">{t}<a>Tiêu đề khác</a></div>',
    '<div class="box_tinlienquan_v2">{t}<a>Tiêu đề khác</a></div>',
    '<div class="width_common box-tinlienquanv2">{t}<a>Tiêu đề khác</a></div>',
    '<div class="boxTinLienQuan">{t}<a>Tiêu đề khác</a></div>',
    '<div class="tin-lien-quan">{t}<a>Tiêu đề khác</a></div>',
    '<div id="relatedNews">{t}<a>Tiêu đề khác</a></div>',
    '<div class="news-relation">{t}<a>Tiêu đề khác</a></div>',
    '<div class="kbwscwl-relatedbox type-3">{t}<a>Tiêu đề khác</a></div>',
    '<ul class="list-news hidden-print"><li>{t}<a>Tiêu đề khác</a></li></ul>',
    '<div class="box-xemthem">{t}<a>Tiêu đề khác</a></div>',
    '<div class="box_docthem">{t}<a>Tiêu đề khác</a></div>',
    '<div class="tin-cung-chuyen-muc">{t}<a>Tiêu đề khác</a></div>',
    '<div class="box-samecat">{t}<a>Tiêu đề khác</a></div>',
    '<div class="box-tin-khac">{t}<a>Tiêu đề khác</a></div>',
    '<div class="box-xem-nhieu">{t}<a>Tiêu đề khác</a></div>',
    '<div class="recommendation-widget">{t}<a>Tiêu đề khác</a></div>',
    '<div id="taboola-below-article">{t}<a>Tiêu đề khác</a></div>',
    '<div class="OUTBRAIN" data-widget-id="AR_1">{t}<a>Tiêu đề khác</a></div>',
    '<div class="box-goi-y">{t}<a>Tiêu đề khác</a></div>',
    '<div class="ads">{t}</div>',
    '<div class="ad-slot">{t}</div>',
    '<div id="adSlotInread">{t}</div>',
    '<div class="banner-top">{t}</div>',
    '<div class="box-qc">{t}</div>',
    '<div class="quangcao">{t}</div>',
    '<div class="advertisement">{t}</div>',
    '<div class="sponsored-content">{t}</div>',
    '<ins class="adsbygoogle">{t}</ins>',
    '<div class="social-share">{t}</div>',
    '<div id="box_comment_vne">{t}<p>Bạn đọc: Tiêu đề khác</p></div>',
    '<div class="VCSortableInPreviewMode" type="RelatedNewsBox">{t}<a>Tiêu đề khác</a></div>',
    '<div class="VCSortableInPreviewMode" type="RelatedOneNews">{t}<a>Tiêu đề khác</a></div>',
    '<ul class="ul-x" data-campaign="Box-Related"><li>{t}<a>Tiêu đề khác</a></li></ul>',
    '<div data-component="relate">{t}<a>Tiêu đề khác</a></div>',
    '<div role="complementary">{t}<a>Tiêu đề khác</a></div>',
    '<div role="navigation">{t}<a>Tiêu đề khác</a></div>',
    '<section aria-label="Tin liên quan">{t}<a>Tiêu đề khác</a></section>',
    '<aside>{t}<a>Tiêu đề khác</a></aside>',
    '<nav>{t}<a>Tiêu đề khác</a></nav>',
    '<footer>{t}<a>Tiêu đề khác</a></footer>',
])
def test_a_box_named_by_class_id_type_data_role_or_tag_is_never_read(box):
    assert_story_only(story_with(box.format(t=THUMB)))


def test_a_box_nested_deep_inside_the_story_is_never_read():
    box = '<div class="related-box">' + THUMB + "<a>Tiêu đề khác</a></div>"
    assert_story_only(story_with("<div><section><div><div>" + box + "</div></div></section></div>"))


LIST = ('<ul class="ul-1"><li>{t}<a href="/tin-tuc/bai-khac-12345.html">Tiêu đề khác</a></li>'
        '<li><a href="/tin-tuc/bai-nua-12346.html">Một tiêu đề nữa</a></li></ul>').format(t=THUMB)


@pytest.mark.parametrize("label", [
    "Tin liên quan", "TIN LIÊN QUAN:", "Bài liên quan", "Bài viết liên quan", "Xem thêm",
    "Đọc thêm >>", "Có thể bạn quan tâm", "Tin cùng chuyên mục", "Tin khác", "Related news",
    "Read more", "You may also like", "Quảng cáo", "Advertisement"])
@pytest.mark.parametrize("shape", [
    "<h3>{label}</h3>{list}",
    '<div class="mt-3"><div class="fs-5"><span>{label}</span></div><div>{list}</div></div>',
    "<p><strong>{label}</strong></p>{list}",
])
def test_a_box_announced_only_by_its_label_is_never_read(label, shape):
    assert_story_only(story_with(shape.format(label=label, list=LIST)))
    assert "Một tiêu đề nữa" not in story_with(shape.format(label=label, list=LIST)).text()


def test_a_table_used_as_a_related_box_is_never_read():
    table = ('<table class="MsoNormalTable"><tr><td colspan="2"><b>Tin liên quan</b></td></tr>'
             '<tr><td>' + THUMB + '</td><td><a href="/tin-tuc/bai-khac-12345.html">'
             'Tiêu đề khác</a></td></tr></table>')
    assert_story_only(story_with(table))


def test_a_read_more_line_inside_a_paragraph_is_left_out():
    line = ('<p><strong>Đọc thêm:</strong> <a href="/tin-tuc/a-1.html">Tiêu đề khác</a> | '
            '<a href="/tin-tuc/b-2.html">' + THUMB + "Một tiêu đề nữa</a></p>")
    article = story_with(line)
    assert_story_only(article)
    assert not any("Đọc thêm" in p or "Một tiêu đề nữa" in p for p in article.paragraphs)


def test_a_thumbnail_linking_to_another_page_is_never_a_story_photo():
    for link in ('<p><a href="https://baolaocai.vn/tin-tuc/bai-khac-post12345.html">{t}</a></p>',
                 '<p><a href="/bai-khac-20240220091011234.htm"><picture>{t}</picture></a></p>',
                 '<a href="/thoi-su/bai-khac-20240220091011234.htm"><div>{t}</div></a>',
                 '<p><a href="https://kenh14.vn/bai-khac-215240228101010101.chn">{t}</a></p>'):
        assert_story_only(story_with(link.format(t=THUMB)))


# --- what stays the story ------------------------------------------------------------------------

def test_a_photo_linking_to_its_own_full_size_file_is_a_story_photo():
    article = parse_html('<div class="detail-content"><p>Mở đầu bài viết đủ dài.</p><figure>'
                         '<a href="https://cdn.example.vn/2024/IMG_7.jpg" data-fancybox="img">'
                         '<img src="https://cdn.example.vn/thumb_w/730/2024/IMG_7.jpg"></a>'
                         '<figcaption>Ảnh lớn.</figcaption></figure></div>')
    assert [(i.name, i.caption) for i in article.images] == [("IMG_7.jpg", "Ảnh lớn.")]


def test_a_photo_linking_to_this_very_page_is_a_story_photo():
    article = parse_html('<html><head><link rel="canonical" href="https://baolaocai.vn/tin-tuc/'
                         'hoi-nghi-post123.html"></head><body><div class="detail-content"><p>Mở '
                         'đầu bài viết.</p><figure><a href="/tin-tuc/hoi-nghi-post123.html">'
                         '<img src="IMG_7.jpg"></a><figcaption>Ảnh.</figcaption></figure></div>'
                         '</body></html>')
    assert [(i.name, i.caption) for i in article.images] == [("IMG_7.jpg", "Ảnh.")]


@pytest.mark.parametrize("wrapper", [
    '<div class="sidebar-1">{s}</div>',                 # VnExpress's story column
    '<div id="admWrapsite">{s}</div>',                  # VCCorp's whole-site wrapper
    '<div class="position-relative main-content">{s}</div>',
    '<div class="container has-sidebar">{s}</div>',
    '<div class="header-content">{s}</div>',
])
def test_layout_wrappers_are_not_boxes(wrapper):
    assert_story_only(story_with("", wrapper))


@pytest.mark.parametrize("box", [
    # a label with no teaser links after it is a heading of the story
    "<h3>Xem thêm</h3>",
    "<p><b>Đọc thêm</b> về lễ hội trong các bài sau của chuyên mục.</p>",
    "<p>Bạn đọc có thể xem thêm tin liên quan tại trang của tỉnh.</p>",
    # a heading the story itself uses, followed by its own photo
    '<h3>Tin liên quan</h3><figure><img src="IMG_8.jpg"><figcaption>Ảnh tám.</figcaption></figure>',
])
def test_label_words_in_the_story_do_not_cut_it(box):
    article = story_with(box)
    assert ("IMG_1.jpg", "Quang cảnh hội nghị.") == (article.images[0].name,
                                                     article.images[0].caption)
    assert article.images[-1].name == "IMG_2.jpg"
    assert article.paragraphs[-1] == "Hội nghị đã tặng Cờ thi đua cho 36 tập thể có thành tích " \
                                     "xuất sắc trong năm."
    if "IMG_8" in box:
        assert ("IMG_8.jpg", "Ảnh tám.") in [(i.name, i.caption) for i in article.images]
    if "về lễ hội" in box:
        assert "Đọc thêm về lễ hội trong các bài sau của chuyên mục." in article.paragraphs


def test_a_story_photo_right_after_a_related_box_keeps_its_caption():
    box = '<h3>Tin liên quan</h3>' + LIST
    article = story_with(box)
    assert article.images[-1].name == "IMG_2.jpg"
    assert article.images[-1].caption == "Trao Cờ thi đua."


def test_teaser_articles_that_no_rule_names_do_not_become_the_body():
    page = ('<html><body><div class="detail-content"><p>' + "Đoạn văn của bài. " * 30 + '</p>'
            '<figure><img src="IMG_1.jpg"><figcaption>Ảnh bài.</figcaption></figure></div>'
            '<div class="x-list"><article class="item"><a href="/a-1.html">' + THUMB +
            '</a></article></div></body></html>')
    article = parse_html(page)
    assert names(article) == ["IMG_1.jpg"]
