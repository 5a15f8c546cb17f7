"""Reading article files: the real Lào Cai sample, text and markdown rules, HTML CMS shapes,
encodings and files that must be refused."""

import codecs
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from photodesk.core.articles import (ARTICLE_SUFFIXES, Article, ArticleError, find_people,
                                     parse_html, parse_text, read_article)

SAMPLE = Path(__file__).parents[3] / "shared/samples/articles/lao-cai-thi-dua-2024.txt"

SAMPLE_NAMES = [
    "IMG_6193.jpeg", "IMG_6194.jpeg", "IMG_6192.jpeg", "IMG_6195.jpg", "thay-1.jpg",
    "IMG_6196.jpg", "IMG_6204.jpg", "IMG_6202.jpg", "IMG_6198.jpg", "IMG_6197.jpg",
    "IMG_6212.jpg", "IMG_6211.jpg", "IMG_6210.jpg", "IMG_6209.jpg", "IMG_6208.jpg",
    "IMG_6206.jpeg",
]
LAST_CAPTION = ("Tặng Cờ thi đua của UBND tỉnh cho các tập thể có thành tích xuất sắc trong "
                "phong trào thi đua năm 2023 của tỉnh.")


@pytest.fixture(scope="module")
def sample() -> Article:
    if not SAMPLE.is_file():
        pytest.skip(f"sample article missing: {SAMPLE}")
    return read_article(SAMPLE)


def captions(article: Article) -> dict[str, str | None]:
    return {i.name: i.caption for i in article.images}


# --- the real sample -----------------------------------------------------------------------------

def test_sample_has_sixteen_images_in_order(sample):
    assert [i.name for i in sample.images] == SAMPLE_NAMES
    assert [i.position for i in sample.images] == list(range(16))


def test_sample_captions(sample):
    found = captions(sample)
    assert found["IMG_6193.jpeg"] == "Tiết mục văn nghệ chào mừng hội nghị."
    assert found["IMG_6192.jpeg"] == "Quang cảnh hội nghị."
    assert found["IMG_6195.jpg"] == ("Đồng chí Phó Chủ tịch nước Võ Thị Ánh Xuân tặng ảnh lưu "
                                     "niệm Bác Hồ cho tỉnh Lào Cai.")
    assert found["IMG_6196.jpg"].startswith("Đồng chí Trịnh Xuân Trường, Phó Bí thư Tỉnh ủy")
    assert found["IMG_6211.jpg"] == "Trao Cờ thi đua của Chính phủ cho các tập thể."
    assert all(found[name] for name in SAMPLE_NAMES)


def test_sample_gallery_shares_the_last_caption(sample):
    found = captions(sample)
    assert found["IMG_6208.jpg"] == found["IMG_6206.jpeg"] == LAST_CAPTION
    assert found["IMG_6209.jpg"] != LAST_CAPTION


def test_sample_title_lede_dateline_and_date(sample):
    assert sample.title == ("Các phong trào thi đua góp phần đưa Lào Cai trở thành tỉnh phát triển "
                            "toàn diện")
    assert sample.lede.startswith("Chiều 28/2, tại Trung tâm Hội nghị tỉnh")
    assert sample.paragraphs[0] == sample.lede
    assert sample.dateline == "Chiều 28/2"
    assert sample.published == "2024-02-28"  # the year comes from "năm 2024" in the lede
    assert sample.warnings == []


def test_sample_given_year_is_used(sample):
    assert read_article(SAMPLE, year=2025).published == "2025-02-28"


def test_sample_paragraphs_hold_no_image_names_captions_or_furniture(sample):
    text = "\n".join(sample.paragraphs)
    assert not any(name in text for name in SAMPLE_NAMES)
    caption_set = set(captions(sample).values())
    assert not caption_set & set(sample.paragraphs)
    for furniture in ("Có thể bạn quan tâm", "Tin cùng chuyên mục", "Tô Lâm", "Đặng Thị Thu",
                      "Hiệp thương chặt chẽ", "fb yt zl tw"):
        assert furniture not in sample.text()
    assert sample.paragraphs[-1].startswith("UBND tỉnh đã tặng Cờ thi đua cho 36 tập thể")


def test_sample_images_point_at_the_paragraph_before_them(sample):
    paragraph_of = {i.name: i.paragraph for i in sample.images}
    assert paragraph_of["IMG_6193.jpeg"] == 0  # right after the lede
    assert sample.paragraphs[paragraph_of["IMG_6194.jpeg"]].startswith("Về phía tỉnh Lào Cai")
    indices = [i.paragraph for i in sample.images]
    assert indices == sorted(indices) and indices[-1] == len(sample.paragraphs) - 1


def test_sample_with_crlf_and_bom_reads_the_same(sample, tmp_path):
    data = SAMPLE.read_text(encoding="utf-8").replace("\n", "\r\n")
    copy = tmp_path / "lao-cai.txt"
    copy.write_bytes(codecs.BOM_UTF8 + data.encode("utf-8"))
    again = read_article(copy)
    assert again.images == sample.images
    assert again.paragraphs == sample.paragraphs and again.title == sample.title


# --- plain text and markdown rules ---------------------------------------------------------------

def test_image_lines_captions_galleries_and_uncaptioned():
    article = parse_text(
        "Tiêu đề bài\n\nSáng 25/2/2026, tại Hà Nội, diễn ra Hội thảo khoa học.\n\n"
        "  a.JPG  \nChú thích A.\n\nb.png\n\nĐoạn hai.\nc.tiff\nd.webp\ne.HEIC\n"
        "Chung một chú thích.\n"
        "f.jpeg\nĐoạn ba không phải chú thích vì có dòng trống sau ảnh? Không: ngay sau ảnh.\n")
    assert [(i.name, i.caption) for i in article.images] == [
        ("a.JPG", "Chú thích A."), ("b.png", None), ("c.tiff", "Chung một chú thích."),
        ("d.webp", "Chung một chú thích."), ("e.HEIC", "Chung một chú thích."),
        ("f.jpeg", "Đoạn ba không phải chú thích vì có dòng trống sau ảnh? Không: ngay sau ảnh."),
    ]
    assert article.paragraphs == ["Sáng 25/2/2026, tại Hà Nội, diễn ra Hội thảo khoa học.",
                                  "Đoạn hai."]
    assert article.dateline == "Sáng 25/2/2026" and article.published == "2026-02-25"


def test_image_before_any_paragraph_and_names_that_are_not_images():
    article = parse_text("Tiêu đề\nIMG_1.jpg\nẢnh đầu bài.\nMở đầu có IMG_2.jpg trong câu.\n"
                         "IMG 3.jpg\nbao-cao.pdf\n")
    assert [(i.name, i.paragraph) for i in article.images] == [("IMG_1.jpg", -1)]
    assert article.paragraphs == ["Mở đầu có IMG_2.jpg trong câu.", "IMG 3.jpg", "bao-cao.pdf"]


def test_image_paths_and_urls_keep_only_the_file_name():
    article = parse_text("T\n\nanh/2024/IMG_9.jpg\nMột.\n\n"
                         "https://cdn.vn/a/IMG%2010.jpg?w=800\nHai.\n"
                         "C:\\Anh\\IMG_11.png\nBa.\n")
    assert [i.name for i in article.images] == ["IMG_9.jpg", "IMG 10.jpg", "IMG_11.png"]


def test_a_long_line_after_an_image_is_a_paragraph_not_a_caption():
    long_line = "Đoạn văn dài. " * 60
    article = parse_text(f"T\n\nIMG_1.jpg\n{long_line}\n")
    assert article.images[0].caption is None
    assert article.paragraphs == [long_line.strip()]


@pytest.mark.parametrize("marker", [
    "Có thể bạn quan tâm", "TIN CÙNG CHUYÊN MỤC", "Tin liên quan:", "Xem thêm", "Đọc thêm >>",
    "Bài viết liên quan", "fb yt zl tw", "Facebook Zalo Twitter"])
def test_furniture_ends_the_article(marker):
    article = parse_text(f"Tiêu đề\n\nMở đầu.\n\nIMG_1.jpg\nẢnh một.\n\n{marker}\n\n"
                         "Tin khác về ông Tô Lâm\nIMG_9.jpg\nẢnh tin khác.\n")
    assert [i.name for i in article.images] == ["IMG_1.jpg"]
    assert article.paragraphs == ["Mở đầu."]
    assert find_people(article.text()) == []


def test_furniture_words_inside_a_sentence_do_not_end_it():
    article = parse_text("Tiêu đề\n\nMở đầu.\n\nBạn đọc có thể xem thêm tại trang web.\n\nKết.\n")
    assert article.paragraphs[-1] == "Kết."


@pytest.mark.parametrize("lede, dateline, published", [
    ("Chiều 28/2, hội nghị diễn ra.", "Chiều 28/2", None),
    ("Sáng 25/2/2026, tại Hà Nội.", "Sáng 25/2/2026", "2026-02-25"),
    ("Ngày 3/4, tỉnh tổ chức.", "Ngày 3/4", None),
    ("Tối 1/5 tại quảng trường.", "Tối 1/5", None),
    ("(TTXVN) - Trưa 12-6-24, đoàn đến.", "Trưa 12-6-24", "2024-06-12"),
    ("Sáng nay (25/2), Tổng Bí thư dự.", "Sáng nay (25/2)", None),
    ("Ngày 30/2/2024 không có thật.", "Ngày 30/2/2024", None),
    ("Năm 2023 là năm bản lề.", None, None),
    ("Chiều 45/13, sai ngày.", None, None),
])
def test_datelines(lede, dateline, published):
    article = parse_text(f"Tiêu đề\n\n{lede}\n")
    assert (article.dateline, article.published) == (dateline, published)


def test_dateline_year_from_argument_then_lede_then_title():
    assert parse_text("T\n\nChiều 28/2, họp.\n", year=2023).published == "2023-02-28"
    assert parse_text("Tổng kết năm 2022\n\nChiều 28/2, họp.\n").published == "2022-02-28"
    written = parse_text("T\n\nChiều 28/2/2021, họp năm 2024.\n", year=2023)
    assert written.published == "2021-02-28"


def test_markdown_images_headings_emphasis_and_front_matter():
    article = parse_text(
        "---\ntitle: \"Lễ hội mùa xuân\"\ndate: 2024-02-10\n---\n# Tiêu đề cũ\n\n"
        "Sáng 10/2, khai mạc **lễ hội** tại [quảng trường](https://x.vn).\n\n"
        "![Múa xòe](anh/IMG_1.jpg)\n\n![](IMG_2.png \"tooltip\")\n*Người dân dự lễ.*\n\n"
        "## Phần hai\n\nKết thúc.\n", "le-hoi.md")
    assert article.title == "Lễ hội mùa xuân"
    assert article.published == "2024-02-10"
    assert article.paragraphs == ["Sáng 10/2, khai mạc lễ hội tại quảng trường.", "Phần hai",
                                  "Kết thúc."]
    assert [(i.name, i.caption) for i in article.images] == [
        ("IMG_1.jpg", "Múa xòe"), ("IMG_2.png", "Người dân dự lễ.")]


def test_markdown_heading_title_without_front_matter():
    article = parse_text("# Tiêu đề\n\nMở đầu.\n", "bai.md")
    assert article.title == "Tiêu đề" and article.lede == "Mở đầu."


def test_text_without_images_warns_and_duplicates_warn():
    assert parse_text("Tiêu đề\n\nChỉ có chữ.\n").warnings == ["no images found"]
    article = parse_text("T\n\nIMG_1.jpg\nA.\n\nimg_1.JPG\nB.\n")
    assert article.warnings == ["IMG_1.jpg is referenced 2 times"]


def test_degenerate_text():
    assert parse_text("").title == ""
    photo_first = parse_text("IMG_1.jpg\nChú thích")
    assert photo_first.title == "" and photo_first.warnings == ["no title found"]
    assert [(i.name, i.caption) for i in photo_first.images] == [("IMG_1.jpg", "Chú thích")]
    only_title = parse_text("\n\n  Chỉ tiêu đề  \n")
    assert (only_title.title, only_title.lede, only_title.paragraphs) == ("Chỉ tiêu đề", None, [])


def test_text_is_normalised_to_nfc():
    decomposed = "Vo\u0303 Thi\u0323 A\u0301nh Xuân"
    article = parse_text(f"Tiêu đề\n\nIMG_1.jpg\nĐồng chí {decomposed} phát biểu.\n")
    assert article.images[0].caption == "Đồng chí Võ Thị Ánh Xuân phát biểu."


# --- HTML ----------------------------------------------------------------------------------------

FIGURE_PAGE = """<!DOCTYPE html>
<html><head>
<meta property="og:title" content="Lào Cai khai mạc Lễ hội Hoa tam giác mạch">
<meta property="article:published_time" content="2024-10-12T08:30:00+07:00">
<title>Trang chủ - Báo Lào Cai</title>
<script>var hero = "SCRIPT_1.jpg"; /* Nguyễn Văn Script */</script>
<style>.hero { background: url(STYLE_1.jpg) }</style>
</head><body>
<header><h1 class="logo">Báo Lào Cai</h1><img src="/logo.jpg"></header>
<nav><a href="/">Trang chủ</a><img src="NAV_1.jpg"> Trần Văn Nav</nav>
<article class="article">
  <h1 class="article-title">Khai mạc Lễ hội</h1>
  <h2 class="sapo">Tối 11/10, tại quảng trường Bắc Hà, UBND tỉnh Lào Cai tổ chức Lễ khai mạc
   Lễ hội Hoa tam giác mạch năm 2024.</h2>
  <div class="detail-content">
   <p>Dự lễ có đồng chí Hoàng Quốc Khánh, Phó Chủ tịch UBND tỉnh.</p>
   <figure class="image"><img src="data:image/gif;base64,R0lGOD"
      data-src="https://cdn.example.vn/2024/10/IMG%205001.jpg?w=800" alt="ảnh">
    <figcaption>Đồng chí <b>Hoàng Quốc Khánh</b> &amp; đại biểu cắt băng
      khai mạc.</figcaption></figure>
   <p>Lễ hội diễn ra đến hết tháng 10.</p>
   <p><img data-original="/a/IMG_5003.webp" src="/blank.gif"></p>
   <p class="caption">Nghệ nhân biểu diễn.</p>
   <p><img src="IMG_5004.jpg"></p>
   <p><em>Múa xòe &lt;đêm&gt; hội.</em></p>
   <figure class="gallery"><img src="G_1.jpg"><img src="G_2.jpg">
     <figcaption>Hai ảnh, một chú thích.</figcaption></figure>
   <h3>Nhiều hoạt động</h3>
   <p>Ban tổ chức cho biết có nhiều hoạt động.</p>
   <div class="related-news"><img src="RELATED_1.jpg"><p>Lê Văn Related dự lễ</p></div>
   <div class="social-share">fb yt <img src="SHARE.jpg"></div>
   <div class="tags"><a>le hoi</a></div>
  </div>
</article>
<aside><img src="ASIDE_1.jpg"><p>Phạm Văn Aside phát biểu</p></aside>
<div class="box-news"><img src="BOX_1.jpg"><p>Đinh Văn Box</p></div>
<form><img src="FORM.jpg"></form>
<footer><img src="FOOT.jpg"> Vũ Văn Footer</footer>
<noscript><img src="NOSCRIPT.jpg"></noscript>
</body></html>"""

TABLE_PAGE = """<html><head><title>Hội báo Xuân 2025</title></head><body>
<div class="menu">Trang chủ</div>
<div id="main-detail" class="detail-body">
 <h1>Khai mạc Hội báo Xuân Ất Tỵ 2025</h1>
 <p>Sáng 25/1/2025, tại Hà Nội, Hội Nhà báo Việt Nam khai mạc Hội báo Xuân Ất Tỵ 2025.</p>
 <table class="image center" align="center"><tbody>
  <tr><td><img src="/Uploads/2025/1/IMG_5002.JPG" width="640"></td></tr>
  <tr><td class="image_desc">Phó Thủ tướng <strong>Trần Hồng Hà</strong> tham quan
     &quot;không gian&quot; Hội báo.</td></tr></tbody></table>
 <p>Hội báo có hơn 150 gian trưng bày.</p>
 <table class="image"><tr><td><img src="IMG_5003.jpg"></td></tr>
  <tr><td>Chú thích không có lớp, ở hàng sau.</td></tr></table>
 <p>Hội báo kéo dài đến 27/1.
 <p>Đoạn không đóng thẻ vẫn là một đoạn.
 <div class="tin-lien-quan"><ul><li><img src="TLQ.jpg"><a>Nguyễn Văn Liên</a></li></ul></div>
 <div id="comment-list"><p>Bùi Thị Comment: hay quá</p><img src="CMT.jpg"></div>
 <div class="more-news"><img src="MORE.jpg"></div>
</div>
</body></html>"""

PHOTOCMS_PAGE = """<html><head>
<meta name="og:title" content="Mùa lúa chín ở Mù Cang Chải">
</head><body>
<h2 class="detail-sapo">(Dân trí) - Ngày 20/9, du khách đổ về Mù Cang Chải.</h2>
<div class="singular-content">
 <div type="Photo" class="VCSortableInPreviewMode"><div><a><img
   src="https://x.vn/thumb/w_640/2024/9/20/ruong-bac-thang-1726.jpeg"></a></div>
  <div class="PhotoCMS_Caption"><p data-placeholder="[nhập chú thích]">Ruộng bậc thang
   mùa lúa chín.</p></div></div>
 <p>Mù Cang Chải đón hàng nghìn du khách.</p>
 <div class="image-caption-wrap"><img src="IMG_7.jpg"></div>
 <span class="image-caption">Du khách <i>chụp ảnh</i>.</span>
 <p>Kết bài.</p>
</div>
<time datetime="2024-09-20T10:00:00+07:00">20/09/2024</time>
</body></html>"""


def html_article(tmp_path, html: str, name: str = "bai.html") -> Article:
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return read_article(path)


def test_html_figure_page(tmp_path):
    article = html_article(tmp_path, FIGURE_PAGE)
    assert article.title == "Lào Cai khai mạc Lễ hội Hoa tam giác mạch"
    assert article.published == "2024-10-12T08:30:00+07:00"
    assert article.dateline == "Tối 11/10"
    assert article.lede.startswith("Tối 11/10, tại quảng trường Bắc Hà")
    assert [(i.name, i.caption) for i in article.images] == [
        ("IMG 5001.jpg", "Đồng chí Hoàng Quốc Khánh & đại biểu cắt băng khai mạc."),
        ("IMG_5003.webp", "Nghệ nhân biểu diễn."),
        ("IMG_5004.jpg", "Múa xòe <đêm> hội."),
        ("G_1.jpg", "Hai ảnh, một chú thích."),
        ("G_2.jpg", "Hai ảnh, một chú thích."),
    ]
    assert article.paragraphs == [
        "Tối 11/10, tại quảng trường Bắc Hà, UBND tỉnh Lào Cai tổ chức Lễ khai mạc Lễ hội Hoa "
        "tam giác mạch năm 2024.",
        "Dự lễ có đồng chí Hoàng Quốc Khánh, Phó Chủ tịch UBND tỉnh.",
        "Lễ hội diễn ra đến hết tháng 10.",
        "Nhiều hoạt động",
        "Ban tổ chức cho biết có nhiều hoạt động.",
    ]
    assert [i.paragraph for i in article.images] == [1, 2, 2, 2, 2]
    assert article.warnings == []


@pytest.mark.parametrize("page", [FIGURE_PAGE, TABLE_PAGE, PHOTOCMS_PAGE])
def test_html_never_reads_chrome_scripts_or_related_news(tmp_path, page):
    article = html_article(tmp_path, page)
    text = article.text()
    names = {i.name for i in article.images}
    for leak in ("SCRIPT", "STYLE", "NAV", "RELATED", "SHARE", "ASIDE", "BOX", "FORM", "FOOT",
                 "NOSCRIPT", "TLQ", "CMT", "MORE", "logo", "blank"):
        assert not any(leak in n for n in names), leak
        assert leak not in text
    people = {p.name for p in find_people(text)}
    assert not people & {"Nguyễn Văn Script", "Trần Văn Nav", "Lê Văn Related", "Phạm Văn Aside",
                         "Đinh Văn Box", "Vũ Văn Footer", "Nguyễn Văn Liên", "Bùi Thị Comment"}


def test_html_table_page(tmp_path):
    article = html_article(tmp_path, TABLE_PAGE)
    assert article.title == "Khai mạc Hội báo Xuân Ất Tỵ 2025"  # <h1> before <title>
    assert article.published == "2025-01-25"  # no meta: the dateline with its own year
    assert [(i.name, i.caption) for i in article.images] == [
        ("IMG_5002.JPG", 'Phó Thủ tướng Trần Hồng Hà tham quan "không gian" Hội báo.'),
        ("IMG_5003.jpg", "Chú thích không có lớp, ở hàng sau."),
    ]
    assert article.paragraphs[-2:] == ["Hội báo kéo dài đến 27/1.",
                                       "Đoạn không đóng thẻ vẫn là một đoạn."]
    assert [p.name for p in find_people(article.text())] == ["Trần Hồng Hà"]


def test_html_photocms_page(tmp_path):
    article = html_article(tmp_path, PHOTOCMS_PAGE, "bai.htm")
    assert article.title == "Mùa lúa chín ở Mù Cang Chải"
    assert article.published == "2024-09-20T10:00:00+07:00"
    assert article.dateline == "Ngày 20/9"
    assert article.lede == "(Dân trí) - Ngày 20/9, du khách đổ về Mù Cang Chải."
    assert [(i.name, i.caption) for i in article.images] == [
        ("ruong-bac-thang-1726.jpeg", "Ruộng bậc thang mùa lúa chín."),
        ("IMG_7.jpg", "Du khách chụp ảnh."),
    ]
    assert article.paragraphs == [article.lede, "Mù Cang Chải đón hàng nghìn du khách.",
                                  "Kết bài."]


def test_html_title_falls_back_to_title_tag_and_body_to_page(tmp_path):
    article = html_article(tmp_path, "<html><head><title>Chỉ có thẻ title</title></head>"
                                     "<body><p>Đoạn một.</p><p>Đoạn hai.</p></body></html>")
    assert article.title == "Chỉ có thẻ title"
    assert article.paragraphs == ["Đoạn một.", "Đoạn hai."]
    assert "no images found" in article.warnings
    assert any("whole page" in w for w in article.warnings)


def test_html_body_of_bare_text_and_breaks(tmp_path):
    article = html_article(tmp_path, "<html><body><div class='content'>Dòng đầu<br>Dòng hai"
                                     "<br><img src='IMG_1.jpg'><br><i>Chú thích</i></div>"
                                     "</body></html>")
    assert article.paragraphs == ["Dòng đầu", "Dòng hai"]
    assert [(i.name, i.caption) for i in article.images] == [("IMG_1.jpg", "Chú thích")]


def test_html_saved_as_txt_is_read_as_html(tmp_path):
    path = tmp_path / "trang.txt"
    path.write_text("<!DOCTYPE html><html><body><article><h1>Tiêu đề</h1><p>Đoạn.</p>"
                    "<figure><img src='IMG_1.jpg'><figcaption>Ảnh.</figcaption></figure>"
                    "</article></body></html>", encoding="utf-8")
    article = read_article(path)
    assert article.title == "Tiêu đề"
    assert [(i.name, i.caption) for i in article.images] == [("IMG_1.jpg", "Ảnh.")]


def test_html_vietnamese_date_in_meta():
    article = parse_html("<html><head><meta name='pubdate' content='28/02/2024 15:30'></head>"
                         "<body><article><p>Chiều 28/2, họp.</p></article></body></html>")
    assert article.published == "2024-02-28T15:30"


# --- decoding and refusing -----------------------------------------------------------------------

TEXT = "Tiêu đề tiếng Việt\n\nChiều 28/2, hội nghị.\n\nIMG_1.jpg\nĐồng chí Võ Thị Ánh Xuân.\n"


@pytest.mark.parametrize("encode", [
    lambda t: t.encode("utf-8"),
    lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    lambda t: t.replace("\n", "\r").encode("utf-8"),
    lambda t: codecs.BOM_UTF16_LE + t.replace("\n", "\r\n").encode("utf-16-le"),
], ids=["utf8", "utf8-bom", "utf16-le", "utf16-be", "crlf", "cr", "utf16-crlf"])
def test_encodings_and_line_ends(tmp_path, encode):
    path = tmp_path / "bai.txt"
    path.write_bytes(encode(TEXT))
    article = read_article(path, year=2024)
    assert article.title == "Tiêu đề tiếng Việt"
    assert article.published == "2024-02-28"
    assert [(i.name, i.caption) for i in article.images] == [
        ("IMG_1.jpg", "Đồng chí Võ Thị Ánh Xuân.")]
    assert article.path == str(path)


@pytest.mark.parametrize("codec", ["cp1258", "latin-1"])
def test_legacy_encodings_are_refused_with_the_file_name(tmp_path, codec):
    path = tmp_path / "lao.txt"
    path.write_bytes("Tiêu đề\n\nCafé ở Sa Pa.\n".encode(codec, errors="replace"))
    with pytest.raises(ArticleError) as caught:
        read_article(path)
    message = str(caught.value)
    assert message.startswith("lao.txt: not UTF-8 or UTF-16 text (byte 0x")
    assert "save it as UTF-8" in message


@pytest.mark.parametrize("content, reason", [
    (b"", "empty file"),
    (b"  \n\r\n\t ", "empty file"),
    (codecs.BOM_UTF8, "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", "binary data"),
    (codecs.BOM_UTF16_LE + b"\x00", "not valid UTF-16-LE"),
    (b"abc\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f", "binary data"),
])
def test_unreadable_files_raise_article_error(tmp_path, content, reason):
    path = tmp_path / "bad.html"
    path.write_bytes(content)
    with pytest.raises(ArticleError, match=reason) as caught:
        read_article(path)
    assert str(caught.value).startswith("bad.html: ")


def test_huge_file_is_refused(tmp_path):
    path = tmp_path / "huge.txt"
    line = ("Một dòng chữ dài vừa phải cho tệp lớn. " * 10 + "\n").encode("utf-8")
    path.write_bytes(line * (21 * 1024 * 1024 // len(line) + 1))
    with pytest.raises(ArticleError, match=r"^huge\.txt: larger than 5 MB, the limit for a \.txt"):
        read_article(path)


def test_missing_folder_and_wrong_suffix(tmp_path):
    with pytest.raises(ArticleError, match="not found"):
        read_article(tmp_path / "khong-co.txt")
    folder = tmp_path / "thu-muc.txt"
    folder.mkdir()
    with pytest.raises(ArticleError, match="thu-muc.txt: "):
        read_article(folder)
    (tmp_path / "anh.jpg").write_bytes(b"\xff\xd8\xff")
    with pytest.raises(ArticleError, match="anh.jpg: not an article file"):
        read_article(tmp_path / "anh.jpg")


def test_file_without_images_is_not_an_error(tmp_path):
    path = tmp_path / "chu.md"
    path.write_text("# Tiêu đề\n\nChỉ có chữ, không có ảnh.\n", encoding="utf-8")
    article = read_article(path)
    assert article.warnings == ["no images found"]
    assert article.images == [] and article.title == "Tiêu đề"


def test_suffixes():
    assert ARTICLE_SUFFIXES == (".txt", ".md", ".html", ".htm")


# --- never raising -------------------------------------------------------------------------------

IMAGE_LINE = st.builds(lambda stem, ext, pad: f"{pad}{stem}.{ext}{pad}",
                       st.text(alphabet="IMGabc_-0123456789/%?=", min_size=1, max_size=12),
                       st.sampled_from(["jpg", "JPEG", "png", "tif", "tiff", "webp", "heic"]),
                       st.sampled_from(["", " ", "\t"]))
LINE = st.one_of(IMAGE_LINE, st.text(max_size=40), st.just(""), st.just("Chiều 28/2, tại"),
                 st.just("Có thể bạn quan tâm"), st.just("![a](b.jpg)"), st.just("fb yt zl tw"))
HTML_BITS = st.sampled_from([
    "<p>", "</p>", "<figure>", "</figure>", "<figcaption>", "<img src='IMG_1.jpg'>",
    "<img data-src=\"a/b%20c.png?x=1\">", "<table>", "<tr>", "<td class='image_desc'>", "</td>",
    "<article>", "</article>", "<div class='content'>", "</div>", "<em>", "<script>", "</script>",
    "<h1>", "<h2 class='sapo'>", "&amp;", "&#", "<!--", "<![", "<!DOCTYPE", "<p class='caption'>",
    "<meta property='og:title' content='T'>", "<time datetime='2024-01-01'>", "Chiều 28/2, ",
    "Nguyễn Văn A", "\n", "<img src='http://[::1'>", "<aside>", "<div class='related'>"])


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.text())
def test_parsers_never_raise_on_any_text(text):
    for article in (parse_text(text), parse_text(text, "x.md"), parse_html(text)):
        assert isinstance(article, Article)
        assert all(i.name for i in article.images)
        assert all(-1 <= i.paragraph < len(article.paragraphs) for i in article.images)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(LINE, max_size=30).map("\n".join))
def test_parse_text_never_raises_on_image_like_lines(text):
    article = parse_text(text, "bai.md")
    assert [i.position for i in article.images] == list(range(len(article.images)))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.one_of(HTML_BITS, st.text(max_size=6)), max_size=60).map("".join))
def test_parse_html_never_raises_on_tag_soup(text):
    article = parse_html(text)
    assert [i.position for i in article.images] == list(range(len(article.images)))


def test_parse_html_survives_deep_nesting():
    article = parse_html("<div>" * 5000 + "<p>Sâu</p><img src='IMG_1.jpg'>" + "</div>" * 5000)
    assert article.paragraphs == ["Sâu"] and article.images[0].name == "IMG_1.jpg"


def test_a_dateline_after_a_place_stamp_is_found_and_a_date_mid_sentence_is_not():
    from photodesk.core.articles.text import parse_dateline
    assert parse_dateline("HÀ NỘI - Sáng 3/4/2025, ông") == ("Sáng 3/4/2025", 3, 4, 2025)
    assert parse_dateline("Điện BiênTối 8/3, tại sân")[:3] == ("Tối 8/3", 8, 3)
    assert parse_dateline("Theo kế hoạch ngày 5/6 sẽ khai mạc") is None
