"""The command line follows the settings file: catalog place, write mode, export defaults."""

import shutil

from click.testing import CliRunner

from photodesk.cli import main
from photodesk.core import settings as store
from photodesk.core.settings import ExportDefaults, Settings
from tests.conftest import ROOT


def run(*args, input=None):
    return CliRunner().invoke(main, list(map(str, args)), input=input)


def test_the_catalog_named_in_the_settings_is_used(tmp_path):
    folder = tmp_path / "sample"
    shutil.copytree(ROOT / "resources" / "sample", folder)
    store.save(Settings(catalog=str(tmp_path / "newsroom.sqlite")))
    assert run("index", "-q", folder).exit_code == 0
    assert (tmp_path / "newsroom.sqlite").exists()
    assert "photos: 7" in run("stats").output


def test_a_damaged_settings_file_is_reported_and_the_command_still_runs(tmp_path):
    path = store.settings_path()
    path.parent.mkdir(parents=True)
    path.write_text("catalog = [", encoding="utf-8")
    result = CliRunner().invoke(main, ["--catalog", str(tmp_path / "c.sqlite"), "stats"])
    assert result.exit_code == 0
    assert "settings" in result.output and "not valid TOML" in result.output
    assert list(path.parent.glob("settings.toml.damaged-*"))


def test_write_and_export_take_their_defaults_from_the_settings(tmp_path):
    folder = tmp_path / "sample"
    shutil.copytree(ROOT / "resources" / "sample", folder)
    out = tmp_path / "out"
    store.save(Settings(catalog=str(tmp_path / "c.sqlite"), write_mode="sidecar",
                        export=ExportDefaults(format="txt", folder=str(out),
                                              template="{caption} Ảnh: {credit}")))
    assert run("index", "-q", folder).exit_code == 0
    photo = folder / "DSC_0412.jpg"
    before = photo.read_bytes()
    assert run("edit", photo, "--caption", "Chú thích mới").exit_code == 0
    result = run("write", photo)
    assert result.exit_code == 0, result.output
    assert photo.read_bytes() == before and (folder / "DSC_0412.xmp").exists()
    result = run("export", photo)
    assert result.exit_code == 0, result.output
    sheet = (out / "captions.txt").read_text(encoding="utf-8")
    assert "Chú thích mới Ảnh:" in sheet


def test_a_catalog_named_in_the_settings_that_cannot_open_says_so(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    store.save(Settings(catalog=str(blocker / "c.sqlite")))
    result = run("stats")
    assert result.exit_code == 1
    assert "cannot open catalog" in result.output and "settings.toml" in result.output


def test_folders_list_and_remove(tmp_path):
    folder = tmp_path / "sample"
    shutil.copytree(ROOT / "resources" / "sample", folder)
    store.save(Settings(catalog=str(tmp_path / "c.sqlite")))
    assert run("index", "-q", folder).exit_code == 0
    listed = run("folders", "list")
    assert listed.exit_code == 0 and f"7 photos  online   auto     {folder}" in listed.output
    assert run("folders", "remove", folder, input="n\n").exit_code == 1  # asked, declined
    result = run("folders", "remove", "--yes", folder)
    assert result.exit_code == 0, result.output
    assert "7 photos, 1 articles" in result.output
    assert "photos: 0" in run("stats").output and len(list(folder.iterdir())) == 10
    assert run("folders", "remove", "--yes", folder).exit_code == 1  # gone already: said so
