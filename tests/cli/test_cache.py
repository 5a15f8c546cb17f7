"""photodesk cache info | prune | rebuild | clear; indexing keeps the cache within its limit."""

import os
import shutil
import time

import pytest
from click.testing import CliRunner

from photodesk.cli import main
from photodesk.core import settings, thumbcache
from tests.conftest import ROOT


def invoke(catalog_path, *args):
    return CliRunner().invoke(main, ["--catalog", str(catalog_path), *map(str, args)])


@pytest.fixture
def sample(tmp_path):
    """The bundled sample photos copied and indexed: (catalog, photo folder, cache folder)."""
    folder = tmp_path / "sample"
    shutil.copytree(ROOT / "resources" / "sample", folder)
    cat = tmp_path / "c.sqlite"
    result = invoke(cat, "index", folder)
    assert result.exit_code == 0, result.output
    return cat, folder, tmp_path / "c.thumbs"


def test_info_tells_the_folder_the_size_and_the_limit(sample):
    cat, _, cache = sample
    result = invoke(cat, "cache", "info")
    assert result.exit_code == 0, result.output
    used = thumbcache.usage(cache)
    assert f"folder: {cache}\n" in result.output
    assert f"thumbnails: 14 files, {used.bytes / 2**20:.1f} MB" in result.output
    assert "limit: 2048.0 MB" in result.output


def test_prune_to_a_limit_then_rebuild(sample):
    cat, _, cache = sample
    result = invoke(cat, "cache", "prune", "--limit-mb", 0)
    assert result.exit_code == 0, result.output
    assert "removed 14 thumbnails" in result.output and "0 left" in result.output
    assert thumbcache.usage(cache).files == 0

    result = invoke(cat, "cache", "rebuild")
    assert result.exit_code == 0, result.output
    assert "7 photos, 7 to make" in result.output
    assert "7 photos remade, 0 could not be" in result.output
    assert thumbcache.usage(cache).files == 14

    result = invoke(cat, "cache", "prune")  # the settings' limit: far above
    assert result.exit_code == 0 and "removed 0 thumbnails" in result.output


def test_rebuild_all_lists_the_photo_whose_original_is_gone(sample):
    cat, folder, cache = sample
    (folder / "DSC_0412.jpg").unlink()
    result = invoke(cat, "cache", "rebuild", "--all", "--workers", 2)
    assert result.exit_code == 1
    assert "6 photos remade, 1 could not be" in result.output
    assert f"{folder / 'DSC_0412.jpg'}: the original is missing" in result.output
    assert thumbcache.usage(cache).files == 14  # the gone photo keeps its old thumbnails


def test_clear_removes_the_cache_and_refuses_a_folder_of_other_files(sample, tmp_path):
    cat, folder, cache = sample
    stranger = cache / "holiday.jpg"
    stranger.write_bytes(b"mine")
    result = invoke(cat, "cache", "clear")
    assert result.exit_code == 1
    assert "holds files that are not thumbnails (holiday.jpg); nothing was removed" in result.output
    assert stranger.exists() and thumbcache.usage(cache).files == 14

    stranger.unlink()
    result = invoke(cat, "cache", "clear")
    assert result.exit_code == 0, result.output
    assert "removed 14 thumbnails" in result.output and not cache.exists()
    assert len(list(folder.glob("DSC_*"))) == 7
    assert "thumbnails: 0 files" in invoke(cat, "cache", "info").output


def test_indexing_prunes_the_cache_to_the_settings_limit(tmp_path):
    settings.save(settings.Settings(thumbnail_cache_mb=16))
    cat, cache = tmp_path / "c.sqlite", tmp_path / "c.thumbs"
    old = time.time() - 30 * 86400
    for i in range(18):  # 18 MB of thumbnails nobody has looked at for a month
        path = cache / "ab" / f"ab{i:062x}-256.jpg"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"\0" * 2**20)
        os.utime(path, (old, old))
    folder = tmp_path / "sample"
    shutil.copytree(ROOT / "resources" / "sample", folder)

    result = invoke(cat, "index", folder)

    assert result.exit_code == 0, result.output
    used = thumbcache.usage(cache)
    assert used.bytes <= 16 * 2**20 * thumbcache.LOW_WATER
    assert "7 photos, 0 to make" in invoke(cat, "cache", "rebuild").output  # the fresh ones stay
