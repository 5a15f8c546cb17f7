"""photodesk edit, write, export and codes, as an editor types them."""

import json
import shutil

import pytest
from click.testing import CliRunner

from photodesk.cli import main
from tests.conftest import ROOT, exiftool, make_jpeg


@pytest.fixture
def env(tmp_path):
    return {"XDG_CONFIG_HOME": str(tmp_path / "config")}


def invoke(catalog_path, env, *args):
    return CliRunner().invoke(main, ["--catalog", str(catalog_path), *map(str, args)], env=env)


@pytest.fixture
def indexed(tmp_path, env):
    folder = tmp_path / "sample"
    shutil.copytree(ROOT / "resources" / "sample", folder)
    cat = tmp_path / "c.sqlite"
    assert invoke(cat, env, "index", "-q", folder).exit_code == 0
    return cat, folder


def test_edit_then_write_puts_the_fields_in_the_file(indexed, env, tmp_path):
    cat, folder = indexed
    codes = tmp_path / "codes.txt"
    codes.write_text("vtax\tVõ Thị Ánh Xuân, Phó Chủ tịch nước\n", encoding="utf-8")
    assert invoke(cat, env, "codes", "import", codes).exit_code == 0
    photo = folder / "DSC_0412.jpg"
    result = invoke(cat, env, "edit", photo, "--caption", "\\vtax\\ thăm hội chợ.",
                    "--person", "Võ Thị Ánh Xuân", "--person", "Nguyễn Văn An",
                    "--keyword", "nông sản", "--event", "Hội chợ 2025", "--rating", "4",
                    "--credit", "TTXVN")
    assert result.exit_code == 0, result.output
    assert "1 photos edited" in result.output
    result = invoke(cat, env, "write", photo)
    assert result.exit_code == 0, result.output
    assert "Pre-flight: 1 photos" in result.output and f"written: {photo}" in result.output
    tags = json.loads(exiftool("-j", "-G1", photo))[0]
    caption = "Võ Thị Ánh Xuân, Phó Chủ tịch nước thăm hội chợ."
    assert tags["XMP-dc:Description"] == caption == tags["IPTC:Caption-Abstract"]
    assert sorted(tags["XMP-iptcExt:PersonInImage"]) == ["Nguyễn Văn An", "Võ Thị Ánh Xuân"]
    assert tags["IPTC:Credit"] == "TTXVN" and tags["XMP-xmp:Rating"] == 4
    # The article's captions, carried over to the other photos at indexing, wait to be written.
    pending = invoke(cat, env, "write", "--edited")
    assert pending.exit_code == 0 and "5 written" in pending.output
    again = invoke(cat, env, "write", "--edited")
    assert again.exit_code == 0 and "0 written" in again.output


def test_write_exits_1_and_says_why(indexed, env):
    cat, folder = indexed
    assert invoke(cat, env, "edit", "--query", "cat bang", "--headline", "Cắt băng").exit_code == 0
    (folder / "DSC_0452.jpg").unlink()
    result = invoke(cat, env, "write", "--query", "cat bang")
    assert result.exit_code == 1
    assert "could not be written" in result.output and "DSC_0452.jpg: cannot read it" in \
        result.output


def test_write_sidecar(indexed, env):
    cat, folder = indexed
    invoke(cat, env, "edit", "1", "--headline", "Tiêu đề")
    result = invoke(cat, env, "write", "1", "--sidecar")
    assert result.exit_code == 0, result.output
    assert "sidecar: " in result.output and (folder / "DSC_0412.xmp").exists()


def test_export_article_csv_and_conflicts(indexed, env, tmp_path):
    cat, _ = indexed
    out = tmp_path / "out"
    result = invoke(cat, env, "export", "--article", "1", "--format", "csv", "--bom", "-o", out,
                    "--template", "{caption} Ảnh: {credit}")
    assert result.exit_code == 0, result.output
    assert (out / "captions.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert "missing_copyright" not in result.output  # the sample carries a copyright
    again = invoke(cat, env, "export", "--article", "1", "--format", "csv", "-o", out)
    assert again.exit_code == 1 and "exist already" in again.output
    assert "--overwrite" in again.output
    forced = invoke(cat, env, "export", "--article", "1", "--format", "csv", "-o", out,
                    "--overwrite")
    assert forced.exit_code == 0


def test_export_html_zip_and_jpeg(indexed, env, tmp_path):
    cat, _ = indexed
    result = invoke(cat, env, "export", "--query", "hoi cho", "--format", "html", "--zip",
                    "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "gallery.zip").exists()
    result = invoke(cat, env, "export", "1", "2", "--format", "jpeg", "--long-edge", "300",
                    "-o", tmp_path / "jpeg")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "jpeg").iterdir()) == ["DSC_0412.jpg",
                                                                      "DSC_0415.jpg"]


@pytest.mark.parametrize("args", [
    ("edit", "--caption", "x"),
    ("edit", "1"),
    ("edit", "1", "--caption-template", "{nope}"),
    ("write",),
    ("export", "--format", "csv", "-o", "x"),
    ("export", "--article", "1", "--query", "a", "--format", "csv", "-o", "x"),
    ("export", "--article", "99", "--format", "csv", "-o", "x"),
    ("export", "--article", "1", "--format", "jpeg", "--pattern", "../{filename}", "-o", "x"),
])
def test_usage_errors_exit_2_with_a_message(indexed, env, args):
    cat, _ = indexed
    result = invoke(cat, env, *args)
    assert result.exit_code == 2, result.output
    assert "Error:" in result.output


def test_codes_import_export_list(tmp_path, env):
    cat = tmp_path / "c.sqlite"
    source = tmp_path / "in.txt"
    source.write_text("vtax\tVõ Thị Ánh Xuân, Phó Chủ tịch nước\nbad line\n", encoding="utf-8")
    result = invoke(cat, env, "codes", "import", source)
    assert result.exit_code == 0 and "1 codes added" in result.output
    assert "in.txt:2" in result.output
    listed = invoke(cat, env, "codes", "list", "--json")
    assert json.loads(listed.output) == {"vtax": "Võ Thị Ánh Xuân, Phó Chủ tịch nước"}
    out = tmp_path / "out.txt"
    assert invoke(cat, env, "codes", "export", out).exit_code == 0
    assert out.read_text(encoding="utf-8") == "vtax\tVõ Thị Ánh Xuân, Phó Chủ tịch nước\n"
    refused = invoke(cat, env, "codes", "export", out)
    assert refused.exit_code == 1 and "--overwrite" in refused.output
    broken = tmp_path / "latin.txt"
    broken.write_bytes(b"vtax\tV\xf5 Th\xec\n")
    bad = invoke(cat, env, "codes", "import", broken)
    assert bad.exit_code == 1 and "not UTF-8" in bad.output


def test_edit_a_single_new_photo_by_path(tmp_path, env, photo_dir):
    photo = make_jpeg(photo_dir / "a.jpg")
    cat = tmp_path / "c.sqlite"
    invoke(cat, env, "index", "-q", photo_dir)
    assert invoke(cat, env, "edit", photo, "--caption", "Chú thích").exit_code == 0
    shown = json.loads(invoke(cat, env, "show", "--json", photo).output)
    assert shown["caption"] == "Chú thích"


def test_every_editable_field_of_the_field_table_is_editable_from_the_command_line(indexed, env):
    from photodesk.core.fields import FIELDS, Kind
    cat, folder = indexed
    photo = folder / "DSC_0412.jpg"
    values = {"rating": "3", "label": "Red", "date_created": "2025-03-15"}
    args, expected = [], {}
    for f in FIELDS:
        if not f.editable:
            continue
        value = values.get(f.name, f"{f.label} thử nghiệm")
        flag = {"people": "--person", "keywords": "--keyword"}.get(
            f.name, "--" + f.name.replace("_", "-"))
        args += [flag, value]
        expected[f.name] = [value] if f.kind is Kind.BAG else (
            int(value) if f.kind is Kind.NUMBER else value)
    result = invoke(cat, env, "edit", photo, *args)
    assert result.exit_code == 0, result.output
    shown = json.loads(invoke(cat, env, "show", photo, "--json").output)
    assert {name: shown[name] for name in expected} == expected


def test_export_prints_one_preflight_line_and_a_bom_unless_told_not(indexed, env, tmp_path):
    """A take's export says what pre-flight found in one line (counts by kind); --verbose
    lists each photo. The CSV opens right in Excel on Windows: a BOM by default."""
    cat, _ = indexed
    assert invoke(cat, env, "edit", "--query", "", "--credit", "").exit_code == 0
    result = invoke(cat, env, "export", "--query", "", "--format", "csv", "-o", tmp_path / "a")
    assert result.exit_code == 0, result.output
    preflight = [line for line in result.output.splitlines() if "Pre-flight" in line
                 or line.startswith("  warning")]
    assert preflight == ["Pre-flight: 7 photos, 0 errors, 7 warnings. Photos: 7 without credit."]
    assert (tmp_path / "a" / "captions.csv").read_bytes().startswith(b"\xef\xbb\xbf")

    verbose = invoke(cat, env, "export", "--query", "", "--format", "csv", "-o",
                     tmp_path / "b", "--verbose", "--no-bom")
    assert verbose.output.count("  warning: ") == 7
    assert "DSC_0412.jpg: no credit" in verbose.output
    assert not (tmp_path / "b" / "captions.csv").read_bytes().startswith(b"\xef\xbb\xbf")
