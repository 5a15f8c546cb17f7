import json
import re
import shutil
import subprocess
import sys

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


# --- what an editor sees for an article past the limits, and what it costs ---------------------

MEASURED = """
import resource, sys, time
catalog, article = sys.argv[1:3]
sys.argv[:] = ["photodesk", "--catalog", catalog, "article", "import", article]
from photodesk.cli import main
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.monotonic()
try:
    main()
finally:
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    grown //= 1024 * 1024 if sys.platform == "darwin" else 1024
    print(f"measured: {time.monotonic() - started:.1f} s, {grown} MB", file=sys.stderr)
"""


def import_in_a_process(tmp_path, article):
    """`photodesk article import` in a process of its own: exit code, output, seconds, MB."""
    result = subprocess.run([sys.executable, "-c", MEASURED, str(tmp_path / "c.sqlite"),
                             str(article)], capture_output=True, text=True, timeout=300, cwd=ROOT)
    seconds, megabytes = re.search(r"measured: ([\d.]+) s, (\d+) MB", result.stderr).groups()
    assert "Traceback" not in result.stderr
    return result, float(seconds), int(megabytes)


def test_a_million_paragraph_tags_are_refused_clearly_fast_and_small(tmp_path):
    page = tmp_path / "trieu-the-p.html"
    page.write_text("<p>" * 1_000_000, encoding="utf-8")  # 3 MB: 68 s before the limits
    result, seconds, megabytes = import_in_a_process(tmp_path, page)
    assert result.returncode == 1
    assert ("error: trieu-the-p.html: more than 30,000 HTML elements, the limit for one page"
            in result.stderr)
    assert seconds < 10 and megabytes < 200


def test_a_twelve_megabyte_caption_is_cut_with_a_note_in_bounded_memory(tmp_path):
    caption = "Chú thích rất dài " * (12 * 1024 * 1024 // 18)
    page = tmp_path / "chu-thich-dai.html"
    page.write_text(f"<article><h1>Ảnh dài</h1><figure><img src='IMG_1.jpg'><figcaption>{caption}"
                    "</figcaption></figure></article>", encoding="utf-8")
    result, seconds, megabytes = import_in_a_process(tmp_path, page)
    assert result.returncode == 0, result.stderr
    assert ("note: 1 paragraph longer than 10,000 characters cut to the first 10,000"
            in result.stdout)
    assert seconds < 10 and megabytes < 300  # 787 MB before the limits

    text = tmp_path / "chu-thich-dai.txt"
    text.write_text(f"Ảnh dài\n\nIMG_1.jpg\n{caption}\n", encoding="utf-8")
    result, seconds, megabytes = import_in_a_process(tmp_path, text)
    assert result.returncode == 1
    assert ("error: chu-thich-dai.txt: larger than 5 MB, the limit for a .txt or .md article"
            in result.stderr)
    assert seconds < 10 and megabytes < 200


def test_an_articles_suggestions_are_confirmed_in_one_command(tmp_path):
    folder = tmp_path / "story"
    shutil.copytree(SAMPLE, folder)
    cat = tmp_path / "c.sqlite"
    assert invoke(cat, "index", folder).exit_code == 0
    before = invoke(cat, "show", folder / "DSC_0415.jpg").output
    assert "suggested person: Nguyễn Văn An" in before

    result = invoke(cat, "article", "confirm", "1")
    assert result.exit_code == 0, result.output
    assert re.search(r"confirmed \d+ suggestion\(s\) on 7 photo\(s\) of article 1", result.output)
    after = invoke(cat, "show", folder / "DSC_0415.jpg").output
    assert "suggested person" not in after and "Nguyễn Văn An" in after
    again = invoke(cat, "article", "confirm", "1").output
    assert "confirmed 0 suggestion(s)" in again
    assert invoke(cat, "article", "confirm", "99").exit_code == 2
