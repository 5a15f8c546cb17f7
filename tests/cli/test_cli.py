import json

from click.testing import CliRunner

from photodesk.cli import main
from tests.conftest import exiftool, make_jpeg


def invoke(catalog_path, *args):
    return CliRunner().invoke(main, ["--catalog", str(catalog_path), *map(str, args)])


def test_index_search_show_stats(tmp_path, photo_dir):
    photo = make_jpeg(photo_dir / "IMG_6196.jpg")
    exiftool("-overwrite_original", "-XMP-dc:Description=Đồng chí Trịnh Xuân Trường phát biểu",
             photo)
    cat = tmp_path / "c.sqlite"
    result = invoke(cat, "index", photo_dir)
    assert result.exit_code == 0, result.output
    assert "1 new" in result.output

    result = invoke(cat, "search", "dong", "chi", "truong")
    assert result.exit_code == 0 and str(photo) in result.output and "present" in result.output

    rows = json.loads(invoke(cat, "search", "--json", "trinh xuan").output)
    assert [r["path"] for r in rows] == [str(photo)]
    assert rows[0]["caption"] == "Đồng chí Trịnh Xuân Trường phát biểu"

    shown = json.loads(invoke(cat, "show", "--json", photo).output)
    assert shown["status"] == "present" and shown["id"] == rows[0]["id"]
    by_id = invoke(cat, "show", str(rows[0]["id"]))
    assert "caption: Đồng chí Trịnh Xuân Trường phát biểu" in by_id.output

    stats = json.loads(invoke(cat, "stats", "--json").output)
    assert stats["photos"] == 1 and stats["present"] == 1


def test_unreadable_files_are_listed_and_exit_1(tmp_path, photo_dir):
    make_jpeg(photo_dir / "good.jpg")
    (photo_dir / "broken.jpg").write_bytes(b"")
    result = invoke(tmp_path / "c.sqlite", "index", photo_dir)
    assert result.exit_code == 1
    assert "broken.jpg: empty file (0 bytes)" in result.output
    stats = invoke(tmp_path / "c.sqlite", "stats")
    assert "unreadable: " in stats.output and "broken.jpg" in stats.output


def test_usage_errors_exit_2(tmp_path):
    assert invoke(tmp_path / "c.sqlite", "index").exit_code == 2
    assert invoke(tmp_path / "c.sqlite", "show", "/no/such/photo.jpg").exit_code == 2
    assert invoke(tmp_path / "c.sqlite", "no-such-command").exit_code == 2


def test_version_and_help():
    runner = CliRunner()
    assert "photodesk" in runner.invoke(main, ["--version"]).output
    help_text = runner.invoke(main, ["--help"]).output
    for command in ("index", "search", "show", "stats", "gui"):
        assert command in help_text


def test_gui_sample_opens_a_copy_with_a_catalog_of_its_own(tmp_path):
    """`make run`: the window on a fresh copy of the sample; the user's catalog (and the
    folders it watches) and the tracked sample are never touched."""
    import os
    import subprocess
    import sys

    from photodesk.core.catalog import Catalog
    from photodesk.core.catalog import folders
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path / "tmp"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    (tmp_path / "tmp").mkdir()
    done = subprocess.run([sys.executable, "-m", "photodesk", "gui", "--sample",
                           "--quit-after", "3"], env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    [where] = (tmp_path / "tmp").glob("photodesk-sample-*")
    assert (where / "Sample newsroom" / "DSC_0412.jpg").is_file()
    with Catalog(where / "catalog.sqlite") as cat:
        assert [f["path"] for f in folders.folders(cat)] == [str(where / "Sample newsroom")]
    assert not (tmp_path / "data" / "photodesk" / "catalog.sqlite").exists()
