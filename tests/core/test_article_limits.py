"""What one article may cost: files past a limit are refused with an ArticleError naming it,
in seconds; an over-long paragraph is cut with a note."""

import time

import pytest

from photodesk.core.articles import ArticleError, parse_html, parse_text, read_article
from photodesk.core.articles.limits import (MAX_ELEMENTS, MAX_HTML_BYTES, MAX_IMAGES,
                                            MAX_PARAGRAPH, MAX_TEXT, MAX_TEXT_BYTES)
from photodesk.core.index import ArticleImported, index_paths
from photodesk.core.jobs import Failed
from tests.conftest import make_jpeg

LINE = "Một dòng chữ dài vừa phải cho tệp lớn, đủ để giống một đoạn văn thật. " * 4
CUT_NOTE = "1 paragraph longer than 10,000 characters cut to the first 10,000"


def write(path, text: str):
    path.write_text(text, encoding="utf-8")
    return path


def test_the_limits_are_the_documented_ones():
    assert (MAX_TEXT_BYTES, MAX_HTML_BYTES) == (5 * 1024 * 1024, 20 * 1024 * 1024)
    assert (MAX_ELEMENTS, MAX_IMAGES, MAX_TEXT, MAX_PARAGRAPH) == (30_000, 1_000, 500_000, 10_000)


# --- file size -----------------------------------------------------------------------------------

TEXT_TOO_LARGE = "larger than 5 MB, the limit for a .txt or .md article"


@pytest.mark.parametrize("name, size, message", [
    ("lon.txt", MAX_TEXT_BYTES + 1, TEXT_TOO_LARGE),
    ("lon.md", MAX_TEXT_BYTES + 1, TEXT_TOO_LARGE),
    ("lon.txt", MAX_HTML_BYTES + 1, TEXT_TOO_LARGE),
    ("lon.html", MAX_HTML_BYTES + 1, "larger than 20 MB, the limit for a .html or .htm article"),
])
def test_a_file_past_its_size_limit_is_refused(tmp_path, name, size, message):
    path = tmp_path / name
    line = (LINE + "\n").encode("utf-8")
    path.write_bytes(line * (size // len(line) + 1))
    with pytest.raises(ArticleError) as caught:
        read_article(path)
    assert str(caught.value) == f"{name}: {message}"


def test_a_page_saved_as_txt_may_be_as_large_as_a_page(tmp_path):
    script = "<script>var data = '" + "x" * (MAX_TEXT_BYTES + 1000) + "';</script>"
    path = write(tmp_path / "trang.txt", "<!DOCTYPE html><html><head>" + script + "</head><body>"
                 "<article><p>Đoạn.</p><figure><img src='IMG_1.jpg'><figcaption>Ảnh.</figcaption>"
                 "</figure></article></body></html>")
    assert [(i.name, i.caption) for i in read_article(path).images] == [("IMG_1.jpg", "Ảnh.")]


# --- elements, images, text ----------------------------------------------------------------------

def test_a_million_paragraph_tags_are_refused_in_seconds(tmp_path):
    path = write(tmp_path / "trieu-the-p.html", "<p>" * 1_000_000)  # 3 MB: took 68 s before
    started = time.monotonic()
    with pytest.raises(ArticleError) as caught:
        read_article(path)
    assert str(caught.value) == ("trieu-the-p.html: more than 30,000 HTML elements, the limit "
                                 "for one page")
    assert time.monotonic() - started < 10


def test_a_page_just_under_the_element_limit_is_read():
    page = "<html><body><article>" + "<p>Đoạn văn ngắn.</p>" * (MAX_ELEMENTS - 10) + "</article>"
    article = parse_html(page + "</body></html>")
    assert len(article.paragraphs) == MAX_ELEMENTS - 10


def test_too_many_images_are_refused_in_text_and_html():
    text = "Tiêu đề\n\n" + "".join(f"IMG_{n}.jpg\nẢnh {n}.\n\n" for n in range(MAX_IMAGES + 1))
    with pytest.raises(ArticleError, match="^bai.txt: names more than 1,000 images, the limit "
                                           "for one article$"):
        parse_text(text, "bai.txt")
    page = "<article>" + "".join(f"<p><img src='IMG_{n}.jpg'></p>" for n in range(1_200))
    with pytest.raises(ArticleError, match="^bai.html: names more than 1,000 images"):
        parse_html(page + "</article>", "bai.html")
    assert len(parse_text(text.rsplit("IMG_1000.jpg", 1)[0]).images) == MAX_IMAGES


def test_too_much_text_is_refused_in_text_and_html():
    paragraphs = [LINE] * (MAX_TEXT // len(LINE) + 10)
    with pytest.raises(ArticleError, match=r"^bai.txt: holds [\d,]+ characters of text, more than "
                                           r"500,000, the limit for one article$"):
        parse_text("Tiêu đề\n\n" + "\n\n".join(paragraphs), "bai.txt")
    page = "<article>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article>"
    with pytest.raises(ArticleError, match="^bai.html: holds [\\d,]+ characters of text"):
        parse_html(page, "bai.html")


def test_page_chrome_does_not_count_as_text():
    menus = "<nav>" + "<a href='/x.html'>Chuyên mục</a>" * 20_000 + "</nav>"
    page = f"<html><body>{menus}<article><p>Đoạn.</p></article></body></html>"
    assert parse_html(page).paragraphs == ["Đoạn."]


# --- paragraph and caption length ----------------------------------------------------------------

def test_a_long_paragraph_is_cut_with_a_note_in_text_and_html():
    long = "Đoạn văn rất dài không xuống dòng. " * 400  # 14,000 characters
    text = parse_text(f"Tiêu đề\n\n{long}\n\nIMG_1.jpg\nẢnh.\n")
    assert len(text.paragraphs[0]) == MAX_PARAGRAPH and long.startswith(text.paragraphs[0])
    assert text.warnings == [CUT_NOTE]
    assert [(i.name, i.caption) for i in text.images] == [("IMG_1.jpg", "Ảnh.")]
    page = parse_html(f"<article><h1>Tiêu đề</h1><p>{long}</p><figure><img src='IMG_1.jpg'>"
                      "<figcaption>Ảnh.</figcaption></figure></article>")
    assert len(page.paragraphs[0]) == MAX_PARAGRAPH and long.startswith(page.paragraphs[0])
    assert page.warnings == [CUT_NOTE]


def test_a_twelve_megabyte_caption_is_cut_not_copied(tmp_path):
    huge = "Chú thích rất dài " * (12 * 1024 * 1024 // 18)
    path = write(tmp_path / "chu-thich.html", "<article><h1>Tiêu đề</h1><figure>"
                 f"<img src='IMG_1.jpg'><figcaption>{huge}</figcaption></figure></article>")
    started = time.monotonic()
    article = read_article(path)
    assert time.monotonic() - started < 10
    assert [len(p) for p in article.paragraphs] == [MAX_PARAGRAPH]
    assert article.images[0].caption is None  # a caption that long was never one
    assert article.warnings == [CUT_NOTE]


@pytest.mark.parametrize("words, cut", [(2_500, False), (2_501, True)])
def test_spaces_that_collapse_do_not_count_towards_the_cut(words, cut):
    padded = parse_html("<article><p>" + ("chữ" + " \n" * 25) * words + "</p></article>")
    assert padded.paragraphs == [" ".join(["chữ"] * words)[:MAX_PARAGRAPH]]
    assert padded.warnings[-1:] == ([CUT_NOTE] if cut else ["no images found"])


def test_a_long_run_of_bare_text_is_cut_too():
    page = parse_html("<div class='content'>Dòng đầu<br>" + "chữ " * 4_000 + "<br>Dòng cuối"
                      "<br><img src='IMG_1.jpg'><br><i>Chú thích</i></div>")
    assert [len(p) for p in page.paragraphs] == [len("Dòng đầu"), MAX_PARAGRAPH, len("Dòng cuối")]
    assert [(i.name, i.caption) for i in page.images] == [("IMG_1.jpg", "Chú thích")]
    assert CUT_NOTE in page.warnings


def test_a_markdown_alt_text_too_long_for_a_caption_is_not_one():
    alt = "Mô tả ảnh rất dài " * 40
    article = parse_text(f"# Tiêu đề\n\n![{alt}](IMG_1.jpg)\n\n![Múa xòe](IMG_2.jpg)\n", "bai.md")
    assert [(i.name, i.caption) for i in article.images] == [("IMG_1.jpg", None),
                                                             ("IMG_2.jpg", "Múa xòe")]


# --- markup html.parser would take minutes over --------------------------------------------------

@pytest.mark.parametrize("tail", ["<a " * 100_000, "<a" * 150_000, '<a b="' * 50_000,
                                  "</" * 150_000, "<?" * 150_000])
def test_unclosed_tags_at_the_end_of_a_page_are_read_in_seconds(tail):
    started = time.monotonic()
    article = parse_html("<article><p>Đoạn văn.</p><figure><img src='IMG_1.jpg'><figcaption>"
                         "Ảnh.</figcaption></figure></article>" + tail)
    assert time.monotonic() - started < 10  # Python 3.11's html.parser alone: minutes
    assert [(i.name, i.caption) for i in article.images] == [("IMG_1.jpg", "Ảnh.")]


def test_a_tag_with_millions_of_attributes_is_refused_in_seconds():
    started = time.monotonic()
    with pytest.raises(ArticleError, match="^bai.html: a tag with more than 1,000 attributes, "
                                           "the limit for one tag$"):
        parse_html("<article><p>Đoạn.</p>" + "<a " * 3_000_000 + "></article>", "bai.html")
    assert time.monotonic() - started < 10  # 9 MB of them took 10 s and 1.5 GB


def test_an_inlined_picture_is_a_long_tag_with_few_attributes():
    picture = "data:image/jpeg;base64," + "QUJD" * 500_000
    article = parse_html(f"<article><p>Đoạn.</p><figure><img src='{picture}' "
                         f"data-src='IMG_1.jpg'><figcaption>Ảnh.</figcaption></figure></article>")
    assert [(i.name, i.caption) for i in article.images] == [("IMG_1.jpg", "Ảnh.")]


def test_bare_text_in_many_pieces_is_read_in_seconds():
    page = "<div class='content'>" + ("chữ " * 75 + "<b></b>") * 25_000 + "</div>"
    started = time.monotonic()
    article = parse_html(page)
    assert time.monotonic() - started < 10  # each piece copied what was kept: minutes
    assert [len(p) for p in article.paragraphs] == [MAX_PARAGRAPH]
    assert CUT_NOTE in article.warnings


# --- how the refusal reaches the editor ----------------------------------------------------------

def test_indexing_reports_an_article_past_a_limit_and_goes_on(catalog, photo_dir):
    make_jpeg(photo_dir / "IMG_1.jpg", size=(160, 120))
    write(photo_dir / "bai.txt", "Tiêu đề\n\nMở đầu.\n\nIMG_1.jpg\nẢnh một.\n")
    write(photo_dir / "trang-loi.html", "<p>" * 1_000_000)
    events = list(index_paths(catalog, [str(photo_dir)]))
    failed = [(e.path.rsplit("/", 1)[-1], e.reason) for e in events if isinstance(e, Failed)]
    assert failed == [("trang-loi.html",
                       "more than 30,000 HTML elements, the limit for one page")]
    assert [e.linked for e in events if isinstance(e, ArticleImported)] == [1]
