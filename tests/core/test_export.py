"""Exporting caption sets from the sample article: files a desk would open, checked as it would."""

import csv
import io
import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from photodesk.core import export
from photodesk.core.catalog import photos as catalog_photos
from photodesk.core.edit import edit_photos
from photodesk.core.jobs import Skipped
from tests.conftest import exiftool

ARTICLE_TITLE = "Khai mạc Hội chợ Nông sản an toàn tỉnh Hòa Sơn năm 2025"
SCRIPT = '<script>document.title="pwned"</script>'
IMG = "\"><img src=x onerror=\"document.body.appendChild(document.createElement('blink'))\">"


@pytest.fixture
def sample(catalog, sample_article):
    return export.of_article(catalog, sample_article)


def run(cat, selection, fmt, out, **options):
    zip_name = options.pop("zip_name", None)
    overwrite = options.pop("overwrite", False)
    p = export.plan(cat, selection, fmt, export.Options(**options))
    return list(export.run(p, out, zip_name=zip_name, overwrite=overwrite))


def scan_data(data: bytes) -> bytes:
    image = Image.open(io.BytesIO(data))
    return data[image.fp.tell():]


# --- HTML ----------------------------------------------------------------------------------------

def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        message = "chromium not installed (Debian package chromium)"
        pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)
    return found


def dom(page: Path, profile: Path) -> str:
    result = subprocess.run(
        [chromium(), "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", "--disable-component-update", "--no-first-run",
         f"--user-data-dir={profile}", "--virtual-time-budget=3000", "--dump-dom",
         page.as_uri()], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_html_gallery_has_the_title_once_and_each_photos_date_credit_and_event(
        catalog, sample, tmp_path):
    first = sample.photo_ids[0]
    edit_photos(catalog, [first], event="Hội chợ Nông sản 2025", credit="Ngọc Hà")
    run(catalog, sample, "html", tmp_path / "out")
    page = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert page.count(ARTICLE_TITLE) == 2  # <title> and <h1>, not under every photo
    figure = page[page.index(f'id="photo-{first}"'):].split("</figure>")[0]
    assert '<p class="meta date">Ngày: 15/03/2025</p>' in figure
    assert '<p class="meta credit">Ảnh: Ngọc Hà</p>' in figure
    assert '<p class="meta event">Sự kiện: Hội chợ Nông sản 2025</p>' in figure
    assert page.count('class="meta date"') == 7


def test_html_gallery_stays_inert_in_a_browser(catalog, sample, tmp_path):
    first, second = sample.photo_ids[:2]
    edit_photos(catalog, [first], caption=f"Quang cảnh {SCRIPT} {IMG}", people=[IMG])
    edit_photos(catalog, [second], event=SCRIPT, credit=IMG)
    events = run(catalog, sample, "html", tmp_path / "out")
    page = tmp_path / "out" / "index.html"
    assert page.exists() and (tmp_path / "out" / "thumbs").is_dir()
    assert not [e for e in events if isinstance(e, Skipped)]
    html = dom(page, tmp_path / "profile")
    assert f"<title>{ARTICLE_TITLE}</title>" in html      # no script set the title
    assert "<blink" not in html and "<script" not in html  # nothing ran, nothing was added
    assert "&lt;script&gt;document.title=\"pwned\"&lt;/script&gt;" in html
    assert html.count("<img") == 7  # the photos' thumbnails, and no injected image
    # The same text pasted raw does run in this browser: the test would see it.
    control = tmp_path / "control.html"
    control.write_text(f"<html><head><title>t</title></head><body>{SCRIPT} {IMG}</body></html>",
                       encoding="utf-8")
    raw = dom(control, tmp_path / "profile2")
    assert "<title>pwned</title>" in raw and "<blink" in raw


def test_html_gallery_shows_captions_people_event_and_article(catalog, sample, tmp_path):
    edit_photos(catalog, sample.photo_ids[:1], people=["Nguyễn Văn An"], event="Hội chợ 2025")
    run(catalog, sample, "html", tmp_path / "out")
    text = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert f"<h1>{ARTICLE_TITLE}</h1>" in text
    assert "Quang cảnh lễ khai mạc hội chợ." in text and "Người trong ảnh: Nguyễn Văn An" in text
    assert "Sự kiện: Hội chợ 2025" in text
    assert f"Bài viết: {ARTICLE_TITLE}" not in text  # the page's own title, said once
    for src in [line.split('src="')[1].split('"')[0] for line in text.split("<img")[1:]]:
        assert (tmp_path / "out" / src).is_file()


def test_html_gallery_after_the_thumbnail_cache_was_cleared(catalog, sample, tmp_path):
    from photodesk.core import thumbcache
    thumbcache.clear(catalog.thumbs_dir)
    run(catalog, sample, "html", tmp_path / "out")
    text = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    sources = [line.split('src="')[1].split('"')[0] for line in text.split("<img")[1:]]
    assert len(sources) >= 6  # every linked photo of the article has its picture again
    for src in sources:
        assert (tmp_path / "out" / src).is_file()


# --- text formats ---------------------------------------------------------------------------------

def test_csv_with_bom_opens_as_utf8_in_article_order(catalog, sample, tmp_path):
    run(catalog, sample, "csv", tmp_path, bom=True, template="{caption} Ảnh: {credit}")
    raw = (tmp_path / "captions.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [r["filename"] for r in table] == ["DSC_0412.jpg", "DSC_0415.jpg", "DSC_0421.JPG",
                                              "DSC_0430.jpg", "DSC_0431.jpg", "DSC_0447.jpeg",
                                              "DSC_0452.jpg"]
    assert table[0]["caption"] == "Quang cảnh lễ khai mạc hội chợ."
    assert table[0]["text"] == "Quang cảnh lễ khai mạc hội chợ. Ảnh: Ảnh mẫu tự tạo / PhotoDesk"
    assert table[0]["article_title"] == ARTICLE_TITLE and table[0]["city"] == "Hòa Sơn"


def test_csv_cells_cannot_become_excel_formulas(catalog, sample, tmp_path):
    edit_photos(catalog, sample.photo_ids[:1], caption="=HYPERLINK(\"http://x\")")
    run(catalog, sample, "csv", tmp_path)
    table = list(csv.DictReader(io.StringIO((tmp_path / "captions.csv").read_text("utf-8"))))
    assert table[0]["caption"] == "'=HYPERLINK(\"http://x\")"


def test_json_and_caption_sheet(catalog, sample, tmp_path):
    edit_photos(catalog, sample.photo_ids[:1], people=["Nguyễn Văn An", "Lê Thị Hồng Nhung"])
    run(catalog, sample, "json", tmp_path)
    doc = json.loads((tmp_path / "captions.json").read_text(encoding="utf-8"))
    assert doc["title"] == ARTICLE_TITLE and len(doc["photos"]) == 7
    assert doc["photos"][0]["people"] == ["Lê Thị Hồng Nhung", "Nguyễn Văn An"]
    run(catalog, sample, "txt", tmp_path)
    sheet = (tmp_path / "captions.txt").read_text(encoding="utf-8-sig")  # a BOM, for Notepad
    assert sheet.startswith("DSC_0412.jpg\nQuang cảnh lễ khai mạc hội chợ.\n"
                            "Ảnh: Ảnh mẫu tự tạo / PhotoDesk\n\nDSC_0415.jpg\n")
    assert sheet.count("\n\n") == 6


# --- per-photo files --------------------------------------------------------------------------------

def test_jpeg_copies_embed_the_catalog_and_keep_the_image_bytes(catalog, sample, tmp_path):
    first = sample.photo_ids[0]
    edit_photos(catalog, [first], caption="Chú thích mới", people=["Nguyễn Văn An"])
    original = Path(catalog_photos.photo(catalog, first)["path"])
    before = original.read_bytes()
    run(catalog, sample, "jpeg", tmp_path / "out", pattern="{n:02}_{stem}")
    copy = tmp_path / "out" / "01_DSC_0412.jpg"
    tags = json.loads(exiftool("-j", "-G1", copy))[0]
    assert tags["XMP-dc:Description"] == "Chú thích mới" == tags["IPTC:Caption-Abstract"]
    assert tags["XMP-iptcExt:PersonInImage"] == "Nguyễn Văn An"
    assert tags["IFD0:Make"] == "PhotoDesk"
    assert scan_data(copy.read_bytes()) == scan_data(before)
    assert original.read_bytes() == before  # the original is never touched by an export
    assert sorted(p.name for p in (tmp_path / "out").iterdir())[-1] == "07_DSC_0452.jpg"


def test_resized_copies_in_a_zip(catalog, sample, tmp_path):
    events = run(catalog, sample, "jpeg", tmp_path, long_edge=600, quality=80, zip_name="anh")
    done = events[-1]
    assert done.written[-1] == str(tmp_path / "anh.zip")
    with zipfile.ZipFile(tmp_path / "anh.zip") as z:
        assert len(z.namelist()) == 7
        data = z.read("DSC_0412.jpg")
    assert Image.open(io.BytesIO(data)).size == (600, 400)
    small = tmp_path / "small.jpg"
    small.write_bytes(data)
    tags = json.loads(exiftool("-j", "-G1", small))[0]
    assert tags["IFD0:Make"] == "PhotoDesk"
    assert tags["XMP-dc:Description"] == "Quang cảnh lễ khai mạc hội chợ."
    assert tags["XMP-photoshop:City"] == "Hòa Sơn"


def test_xmp_sidecars_hold_the_catalog_fields_as_bags(catalog, sample, tmp_path):
    edit_photos(catalog, sample.photo_ids[:1], keywords=["nông sản", "hội chợ"])
    run(catalog, sample, "xmp", tmp_path, template="{caption} Ảnh: {credit}")
    side = tmp_path / "DSC_0412.xmp"
    tags = json.loads(exiftool("-j", "-G1", side))[0]
    assert tags["XMP-dc:Description"] == ("Quang cảnh lễ khai mạc hội chợ. Ảnh: Ảnh mẫu tự tạo / "
                                          "PhotoDesk")  # the template's text, in the export only
    assert catalog_photos.photo(catalog, sample.photo_ids[0])["caption"] == \
        "Quang cảnh lễ khai mạc hội chợ."
    assert sorted(tags["XMP-dc:Subject"]) == ["hội chợ", "nông sản"]
    assert "<rdf:Bag>" in side.read_text(encoding="utf-8")


# --- names and conflicts -------------------------------------------------------------------------

def test_an_existing_file_is_never_overwritten_without_asking(catalog, sample, tmp_path):
    run(catalog, sample, "jpeg", tmp_path)
    mtimes = {p: p.stat().st_mtime_ns for p in tmp_path.iterdir()}
    with pytest.raises(export.ExportConflict) as caught:
        run(catalog, sample, "jpeg", tmp_path)
    assert len(caught.value.paths) == 7
    assert {p: p.stat().st_mtime_ns for p in tmp_path.iterdir()} == mtimes
    events = run(catalog, sample, "jpeg", tmp_path, overwrite=True)
    assert len(events[-1].written) == 7


@pytest.mark.parametrize("pattern, message", [
    ("../{filename}", "path separators"),
    ("/tmp/{filename}", "path separators"),
    ("..", "not a file name"),
    ("{event}", "empty file name"),
    ("{city}", "add {n} or {id}"),
    ("{date:%H:%M}", "characters shared folders refuse"),
    ("{nope}", "unknown variable"),
])
def test_bad_file_name_patterns_are_refused_at_planning(catalog, sample, pattern, message):
    with pytest.raises(export.ExportError, match=message.replace("{", r"\{").replace("}", r"\}")):
        export.plan(catalog, sample, "jpeg", export.Options(pattern=pattern))


def test_a_caption_with_a_slash_cannot_make_a_path(catalog, sample, tmp_path):
    edit_photos(catalog, sample.photo_ids[:1], headline="Hội chợ 15/3")
    with pytest.raises(export.ExportError, match="DSC_0412.jpg.*path separators"):
        export.plan(catalog, sample, "xmp", export.Options(pattern="{headline}"))


# --- selections ----------------------------------------------------------------------------------

def test_event_and_query_selections(catalog, sample, tmp_path):
    edit_photos(catalog, sample.photo_ids[2:4], event="Hội chợ Nông sản 2025")
    event_id = catalog.db.execute("SELECT id FROM events WHERE name = ?",
                                  ["Hội chợ Nông sản 2025"]).fetchone()[0]
    by_event = export.of_event(catalog, event_id)
    assert sorted(by_event.photo_ids) == sorted(sample.photo_ids[2:4])
    assert by_event.title == "Hội chợ Nông sản 2025"
    by_query = export.of_query(catalog, "le thi hong nhung")
    assert by_query.photo_ids == [sample.photo_ids[2]]
    with pytest.raises(export.SelectionError):
        export.of_article(catalog, 999)
