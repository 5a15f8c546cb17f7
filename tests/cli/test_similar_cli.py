"""photodesk similar and duplicates: look-alikes of a file or photo, groups of copies."""

import json
import shutil

from click.testing import CliRunner
from PIL import Image

from photodesk.cli import main
from tests.conftest import make_scene


def invoke(catalog_path, *args):
    return CliRunner().invoke(main, ["--catalog", str(catalog_path), *map(str, args)])


def _desk(tmp_path):
    """An original, the same file in the archive, a web copy (resized, re-compressed), and a
    photo of something else; indexed."""
    original = make_scene(tmp_path / "desk" / "DSC_1234.jpg", seed=11)
    archive = tmp_path / "archive" / "DSC_1234.jpg"
    archive.parent.mkdir()
    shutil.copyfile(original, archive)
    web = tmp_path / "web" / "DSC-1234-1709.jpg"
    web.parent.mkdir()
    image = Image.open(original)
    image.thumbnail((500, 500))
    image.save(web, quality=50)
    make_scene(tmp_path / "desk" / "other.jpg", seed=12)
    cat = tmp_path / "c.sqlite"
    result = invoke(cat, "index", tmp_path / "desk", tmp_path / "archive", tmp_path / "web")
    assert result.exit_code == 0, result.output
    return cat, original, archive, web


def test_similar_lists_look_alikes_of_a_file_outside_the_catalog(tmp_path):
    cat, original, archive, web = _desk(tmp_path)
    download = tmp_path / "download.jpg"
    Image.open(web).save(download, quality=80)
    result = invoke(cat, "similar", download)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("  1.  0 bits") and str(web) in lines[0]  # it was made from it
    assert lines[1] == f"        folder {tmp_path / 'web'}"
    assert [line.split()[-1] for line in lines if line.startswith("  ") and "bits" in line] \
        == [str(web), str(original), str(archive)]
    assert "other.jpg" not in result.output and "3 look-alikes within 10 bits" in result.output
    rows = json.loads(invoke(cat, "similar", "--json", "1").output)
    assert [r["rank"] for r in rows] == [1, 2] and rows[0]["distance"] == 0
    assert {r["path"] for r in rows} == {str(archive), str(web)}


def test_similar_of_what_cannot_be_compared_exits_1(tmp_path):
    cat, *_ = _desk(tmp_path)
    assert invoke(cat, "similar", tmp_path / "nothing.jpg").exit_code == 1
    assert "no photo 99" in invoke(cat, "similar", "99").output


def test_duplicates_groups_copies_and_gives_them_the_originals_caption(tmp_path):
    cat, original, archive, web = _desk(tmp_path)
    assert invoke(cat, "edit", original, "--caption", "Quang cảnh hội chợ").exit_code == 0
    identical = invoke(cat, "duplicates")
    assert "group 1: identical files" in identical.output and str(web) not in identical.output
    result = invoke(cat, "duplicates", "--similar")
    assert result.exit_code == 0, result.output
    assert f"original      1  {original}" in result.output
    assert "lacks: pixels, caption" in result.output
    assert "1 group, 2 copies" in result.output
    groups = json.loads(invoke(cat, "duplicates", "--similar", "--json").output)
    assert [c["path"] for c in groups[0]["copies"]] == [str(archive), str(web)]

    result = invoke(cat, "duplicates", "--similar", "--copy-metadata", "--mark-copies", web)
    assert "given to 2 copies" in result.output and "2 photos marked" in result.output
    shown = json.loads(invoke(cat, "show", "--json", web).output)
    assert shown["caption"] == "Quang cảnh hội chợ" and shown["copy_of"] == 1
    rows = json.loads(invoke(cat, "search", "--json", "--", "-has:original").output)
    assert {r["path"] for r in rows} == {str(original), str(tmp_path / "desk" / "other.jpg")}
    assert "copy of: photo 1" in invoke(cat, "show", web).output


def test_an_article_naming_a_cms_copy_is_linked_to_the_original_once_confirmed(tmp_path):
    cat, original, archive, web = _desk(tmp_path)
    cms = tmp_path / "cms"
    cms.mkdir()
    Image.open(web).save(cms / "DSC-1234-1710.jpg", quality=70)
    story = cms / "story.txt"
    story.write_text("Khai mạc hội chợ\n\nSáng 15/3, lễ khai mạc.\n\nDSC-1234-1710.jpg\n"
                     "Quang cảnh lễ khai mạc.\n", encoding="utf-8")
    result = invoke(cat, "article", "import", story)
    assert "looks like photo 1 (link it: photodesk article confirm 1)" in result.output
    assert f"looks like photo 1: {original}" in invoke(cat, "article", "show", "1").output
    result = invoke(cat, "article", "confirm", "1")
    assert "linked 1 image(s) to the photos they look like" in result.output
    assert f"DSC-1234-1710.jpg -> {original}" in invoke(cat, "article", "show", "1").output
