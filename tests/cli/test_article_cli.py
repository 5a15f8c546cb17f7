import json
import shutil

from tests.cli.test_cli import invoke
from tests.conftest import ROOT

SAMPLE = ROOT / "resources" / "sample"


def test_import_list_and_show_an_article(tmp_path):
    folder = tmp_path / "story"
    shutil.copytree(SAMPLE, folder)
    article = folder / "hoi-cho-nong-san-hoa-son-2025.txt"
    article_copy = tmp_path / "elsewhere.txt"
    shutil.move(article, article_copy)
    cat = tmp_path / "c.sqlite"
    assert invoke(cat, "index", folder).exit_code == 0

    result = invoke(cat, "article", "import", article_copy)
    assert result.exit_code == 0, result.output
    assert "7 images named, 7 linked to photos" in result.output

    listed = json.loads(invoke(cat, "article", "list", "--json").output)
    assert [(a["images"], a["linked"]) for a in listed] == [(7, 7)]
    shown = invoke(cat, "article", "show", str(listed[0]["id"])).output
    assert "event: Lễ khai mạc Hội chợ Nông sản an toàn tỉnh Hòa Sơn năm 2025 (2025-03-15" in shown
    assert "person: Nguyễn Văn An" in shown
    assert f"DSC_0421.JPG -> {folder / 'DSC_0421.JPG'}" in shown

    photo = invoke(cat, "show", folder / "DSC_0415.jpg").output
    assert "article 1: Khai mạc Hội chợ" in photo
    assert "its caption differs: Đồng chí Nguyễn Văn An" in photo  # the file keeps its own
    assert "suggested person: Nguyễn Văn An" in photo


def test_an_unreadable_article_is_reported_and_exits_1(tmp_path):
    bad = tmp_path / "bai.txt"
    bad.write_bytes("Réunion à Paris\nIMG_1.jpg\n".encode("latin-1"))
    result = invoke(tmp_path / "c.sqlite", "article", "import", bad)
    assert result.exit_code == 1 and "bai.txt" in result.output


def test_show_unknown_article_is_a_usage_error(tmp_path):
    assert invoke(tmp_path / "c.sqlite", "article", "show", "42").exit_code == 2
