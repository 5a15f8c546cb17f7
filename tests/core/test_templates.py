"""Caption templates and code replacements, on the sample newsroom folder."""


import pytest

from photodesk.core import codes
from photodesk.core.catalog import articles as store
from photodesk.core.catalog import photos as catalog_photos
from photodesk.core.catalog import edits as catalog_edits
from photodesk.core.edit import edit_photos
from photodesk.core.metadata.files import FileExists
from photodesk.core.templates import TemplateError, fill_captions, parse, render

ARTICLE_TITLE = "Khai mạc Hội chợ Nông sản an toàn tỉnh Hòa Sơn năm 2025"
CREDIT = "Ảnh mẫu tự tạo / PhotoDesk"
CODE_FILE = "vtax\tVõ Thị Ánh Xuân, Phó Chủ tịch nước\nnva\tNguyễn Văn An, Chủ tịch UBND tỉnh\n"


@pytest.fixture
def sample(catalog, sample_article):
    """The sample article and its generated photos, indexed."""
    return store.article(catalog, sample_article)


def rows(cat, article):
    return catalog_photos.photos(cat, [i["photo_id"] for i in article["images"]])


def test_template_renders_the_sample_articles_photos(catalog, sample):
    template = parse("{filename}: {caption} – {date:%d/%m/%Y}, {city}. Ảnh: {credit} "
                     "[{article_title}] #{n:02}")
    lines = [render(template, r, n=n) for n, r in enumerate(rows(catalog, sample), 1)]
    assert len(lines) == 7
    assert lines[0] == (f"DSC_0412.jpg: Quang cảnh lễ khai mạc hội chợ. – 15/03/2025, Hòa Sơn. "
                        f"Ảnh: {CREDIT} [{ARTICLE_TITLE}] #01")
    # DSC_0415 keeps the photographer's own caption; the article's differs.
    assert lines[1].startswith("DSC_0415.jpg: Chủ tịch UBND tỉnh Nguyễn Văn An phát biểu tại lễ "
                               "khai mạc. – 15/03/2025")
    assert lines[6].startswith("DSC_0452.jpg: Các đại biểu cắt băng khai mạc hội chợ.")
    assert all(line.endswith(f"#{n:02}") for n, line in enumerate(lines, 1))


def test_people_event_place_and_defaults(catalog, sample):
    first = sample["images"][0]["photo_id"]
    edit_photos(catalog, [first], people=["Nguyễn Văn An", "Lê Thị Hồng Nhung"],
                event="Hội chợ Nông sản 2025", location="Quảng trường Trung tâm",
                country="Việt Nam")
    row = catalog_photos.photo(catalog, first)
    text = render("{people} | {event} | {place} | {date} | {taken:%H:%M} | {stem} | {headline}",
                  row)
    assert text == ("Lê Thị Hồng Nhung, Nguyễn Văn An | Hội chợ Nông sản 2025 | "
                    "Quảng trường Trung tâm, Hòa Sơn, Việt Nam | 15/03/2025 | 08:02 | DSC_0412")


@pytest.mark.parametrize("template, expected", [
    ("{caption} Ảnh: {credit}", "Chào cờ."),
    ("{caption} ({people}). Ảnh: {credit}", "Chào cờ."),
    ("{caption} – {city}, {country}. Ảnh: TTXVN", "Chào cờ. – Lào Cai. Ảnh: TTXVN"),
    ("{caption} – {country}, {city}", "Chào cờ. – Lào Cai"),
    ("{country}, {city}", "Lào Cai"),
    ("{people}{caption}", "Chào cờ."),
    ("Lào Cai: {credit}", "Lào Cai: "),
    ("{caption} Ảnh: {credit} (TTXVN)", "Chào cờ. (TTXVN)"),
    ('{caption}, "{headline}", {city}', "Chào cờ., Lào Cai"),
    ("{{{credit}}}", "{}"),
])
def test_the_text_of_an_empty_variable_drops_with_it(template, expected):
    row = {"caption": "Chào cờ.", "city": "Lào Cai", "credit": "", "people": []}
    assert render(template, row) == expected


FULL = "{caption} ({people}) – {date:%d/%m/%Y}. Ảnh: {credit}"


@pytest.mark.parametrize("empty, expected", [
    (None, "Lũ ở Lào Cai. (Nguyễn Văn A) – 10/09/2024. Ảnh: TTXVN"),
    ("caption", "(Nguyễn Văn A) – 10/09/2024. Ảnh: TTXVN"),
    ("people", "Lũ ở Lào Cai. – 10/09/2024. Ảnh: TTXVN"),
    ("date_created", "Lũ ở Lào Cai. (Nguyễn Văn A). Ảnh: TTXVN"),
    ("credit", "Lũ ở Lào Cai. (Nguyễn Văn A) – 10/09/2024"),
])
def test_each_field_of_a_full_template_left_empty_in_turn(empty, expected):
    row = {"caption": "Lũ ở Lào Cai.", "people": ["Nguyễn Văn A"], "date_created": "2024-09-10",
           "credit": "TTXVN"}
    if empty:
        row[empty] = [] if empty == "people" else None
    assert render(FULL, row) == expected


def test_a_separator_does_not_repeat_the_full_stop_a_caption_ends_with():
    row = {"caption": "Chào cờ.", "credit": "TTXVN", "people": []}
    assert render("{caption}. Ảnh: {credit}", row) == "Chào cờ. Ảnh: TTXVN"
    assert render("{caption} ({people}). Ảnh: {credit}", row) == "Chào cờ. Ảnh: TTXVN"


def test_the_text_between_two_variables_stays_when_both_have_values():
    row = {"caption": "Chào cờ.", "credit": "Ngọc Hà", "people": ["Võ Thị Ánh Xuân"]}
    assert render("{caption} ({people}). Ảnh: {credit}", row) == (
        "Chào cờ. (Võ Thị Ánh Xuân). Ảnh: Ngọc Hà")


@pytest.mark.parametrize("text, message", [
    ("{captoin}", "unknown variable {captoin}"),
    ("{caption", "braces"),
    ("}", "braces"),
    ("{caption:%Y}", "only dates and numbers take a format"),
    ("{n:abc}", "not a number format"),
    ("{caption!r}", "conversions are not supported"),
    ("{0}", "unknown variable {0}"),
])
def test_bad_templates_give_clear_errors(text, message):
    with pytest.raises(TemplateError, match=message.replace("{", r"\{").replace("}", r"\}")):
        parse(text)


def test_literal_braces_and_missing_values():
    assert render("{{caption}} {caption}{credit}", {"caption": "A"}) == "{caption} A"


def test_fill_captions_edits_the_catalog_and_expands_codes(catalog, sample):
    ids = [i["photo_id"] for i in sample["images"]][:2]
    changed = fill_captions(catalog, ids, "\\vtax\\ thăm hội chợ. {caption} Ảnh: {credit}",
                            codes={"vtax": "Võ Thị Ánh Xuân, Phó Chủ tịch nước"})
    assert changed == 2
    first = catalog_photos.photo(catalog, ids[0])
    assert first["caption"] == (f"Võ Thị Ánh Xuân, Phó Chủ tịch nước thăm hội chợ. Quang cảnh lễ "
                                f"khai mạc hội chợ. Ảnh: {CREDIT}")
    assert "caption" in catalog_edits.edited_fields(catalog, ids[0])


# --- codes ----------------------------------------------------------------------------------

def test_code_file_round_trips(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    source = tmp_path / "codes.txt"
    source.write_text(CODE_FILE, encoding="utf-8")
    result = codes.import_codes(source)
    assert (result.added, result.changed, result.warnings) == (2, 0, [])
    assert codes.codes_path() == tmp_path / "config" / "photodesk" / "codes.txt"
    out = tmp_path / "out.txt"
    assert codes.export_codes(out) == 2
    assert codes.read_code_file(out)[0] == codes.read_code_file(source)[0]
    assert out.read_text(encoding="utf-8") == "".join(sorted(CODE_FILE.splitlines(True)))
    with pytest.raises(FileExists):
        codes.export_codes(out)


def test_codes_expand_between_backslashes_only():
    table = {"vtax": "Võ Thị Ánh Xuân, Phó Chủ tịch nước", "nva": "Nguyễn Văn An"}
    assert codes.expand("\\vtax\\ và \\nva\\ dự lễ", table) == \
        "Võ Thị Ánh Xuân, Phó Chủ tịch nước và Nguyễn Văn An dự lễ"
    assert codes.expand("vtax và \\khong\\ C:\\path", table) == "vtax và \\khong\\ C:\\path"
    assert codes.unknown_codes("\\khong\\ \\vtax\\", table) == ["khong"]


def test_code_files_in_utf16_with_bom_and_bad_lines(tmp_path):
    path = tmp_path / "pm.txt"
    path.write_bytes(b"\xff\xfe" + "vtax\tVõ Thị Ánh Xuân\r\nkhông có tab\r\n\r\n".encode(
        "utf-16-le"))
    table, warnings = codes.read_code_file(path)
    assert table == {"vtax": "Võ Thị Ánh Xuân"}
    assert warnings == ["pm.txt:2: not 'code<TAB>replacement', skipped"]


def test_a_code_file_in_a_legacy_encoding_is_refused_with_a_message(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes("vtax\tVõ Thị".encode("utf-8")[:-1] + b"\xe0\n")
    with pytest.raises(codes.CodeFileError, match="not UTF-8"):
        codes.read_code_file(path)
