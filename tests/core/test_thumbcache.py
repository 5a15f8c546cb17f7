"""The thumbnail cache: pruned to its limit least recently used first, remade from the originals,
rebuilt, cleared; removing thumbnails never costs a photo."""

import os
import shutil
import threading
import time
from pathlib import Path

import pytest
from PIL import Image

from photodesk.core import thumbcache, thumbs
from photodesk.core.catalog import photos as catalog
from photodesk.core.index import index_paths
from photodesk.core.jobs import Failed, Progress
from photodesk.core.thumbcache import CacheError, Checked, Remade
from photodesk.core.thumbs import SIZES, has_thumbnails, thumb_path
from tests.conftest import ROOT, make_jpeg

DAY = 86400


def cached_photos(folder: Path, cache: Path, n: int) -> list[str]:
    """n real JPEGs with their thumbnails made; their content hashes, in order."""
    hashes = []
    for i in range(n):
        data = make_jpeg(folder / f"p{i}.jpg", size=(900, 600), color=(i * 20 % 256, 90, 40)
                         ).read_bytes()
        digest = thumbs.content_hash_of(data)
        thumbs.make_thumbnails(data, cache, digest)
        hashes.append(digest)
    return hashes


def used_at(cache: Path, digest: str, when: float) -> None:
    for size in SIZES:
        os.utime(thumb_path(cache, digest, size), (when, when))


def cache_files(cache: Path) -> set[str]:
    return {p.name for p in cache.rglob("*") if p.is_file()}


@pytest.fixture
def sample(catalog, tmp_path) -> Path:
    """The bundled sample photos, copied and indexed."""
    folder = tmp_path / "sample"
    shutil.copytree(ROOT / "resources" / "sample", folder)
    list(index_paths(catalog, [folder], workers=1))
    return folder


def test_an_over_limit_cache_is_pruned_least_recently_used_first(photo_dir, tmp_path):
    cache = tmp_path / "thumbs"
    hashes = cached_photos(photo_dir, cache, 10)
    now = time.time()
    for i, digest in enumerate(hashes):  # hashes[0] used longest ago
        used_at(cache, digest, now - (20 - i) * DAY)
    for size in SIZES:  # used today: the oldest becomes the newest
        assert thumbs.touch(thumb_path(cache, hashes[0], size))
    before = thumbcache.usage(cache)
    limit = before.bytes // 2

    pruned = thumbcache.prune(cache, limit)

    after = thumbcache.usage(cache)
    assert after.bytes <= limit * thumbcache.LOW_WATER
    assert (after.files, after.bytes) == (pruned.files, pruned.bytes)
    assert pruned.removed == before.files - after.files
    assert pruned.freed == before.bytes - after.bytes
    kept = [d for d in hashes if has_thumbnails(cache, d)]
    assert hashes[0] in kept  # touched: recently used
    assert kept[1:] == hashes[len(hashes) - len(kept) + 1:]  # the rest: the most recent
    assert not any(thumb_path(cache, d, s).exists() for d in hashes[1:4] for s in SIZES)


def test_pruning_keeps_the_hashes_asked_for_and_nothing_within_the_limit(photo_dir, tmp_path):
    cache = tmp_path / "thumbs"
    hashes = cached_photos(photo_dir, cache, 4)
    for i, digest in enumerate(hashes):
        used_at(cache, digest, time.time() - (10 - i) * DAY)
    total = thumbcache.usage(cache).bytes

    assert thumbcache.prune(cache, total).removed == 0  # at the limit: nothing to do
    pruned = thumbcache.prune(cache, 0, keep=[hashes[0]])

    assert pruned.removed == 6 and pruned.files == 2
    assert [d for d in hashes if has_thumbnails(cache, d)] == [hashes[0]]


def test_an_absent_cache_is_empty_and_pruning_or_clearing_it_is_fine(tmp_path):
    absent = tmp_path / "never-made"
    assert thumbcache.usage(absent) == (0, 0)
    assert thumbcache.prune(absent, 0) == thumbcache.Pruned(0, 0, 0, 0, 0)
    assert thumbcache.clear(absent) == (0, 0)
    assert not absent.exists()


def test_temp_files_left_by_a_crash_are_removed_but_not_ones_being_written(photo_dir, tmp_path):
    cache = tmp_path / "thumbs"
    digest = cached_photos(photo_dir, cache, 1)[0]
    old = thumb_path(cache, digest, 256).parent / "tmpab12_cd9.tmp"
    new = old.with_name("tmpzz99xx00.tmp")
    for path in (old, new):
        path.write_bytes(b"half a jpeg")
    os.utime(old, (time.time() - 2 * 3600,) * 2)

    pruned = thumbcache.prune(cache, 10**9)

    assert pruned.strays == 1 and pruned.removed == 0
    assert not old.exists() and new.exists()
    assert thumbcache.usage(cache).files == 2  # temp files are not thumbnails


def test_a_temp_file_whose_writer_was_killed_is_removed_at_once(photo_dir, tmp_path):
    import subprocess
    import sys

    from photodesk.core.thumbs import TEMP_PREFIX
    cache = tmp_path / "thumbs"
    digest = cached_photos(photo_dir, cache, 1)[0]
    folder = thumb_path(cache, digest, 256).parent
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    host = TEMP_PREFIX.split("-")[1]
    killed = folder / f"tmp-{host}-{dead}-ab12.tmp"  # its writer is gone: a kill mid-write
    alive = folder / f"{TEMP_PREFIX}cd34.tmp"  # this process: still being written
    elsewhere = folder / f"tmp-otherhost-{dead}-ef56.tmp"  # another machine's: left alone
    for path in (killed, alive, elsewhere):
        path.write_bytes(b"half a jpeg")

    pruned = thumbcache.prune(cache, 10**9)

    assert pruned.strays == 1 and not killed.exists() and alive.exists() and elsewhere.exists()


def test_prunes_running_at_once_share_the_work_without_failing(photo_dir, tmp_path):
    cache = tmp_path / "thumbs"
    hashes = cached_photos(photo_dir, cache, 12)
    for digest in hashes[:2]:  # removed by someone else before the prunes even list the folder
        for size in SIZES:
            thumb_path(cache, digest, size).unlink()
    results, start = [], threading.Barrier(4)

    def prune():
        start.wait()
        results.append(thumbcache.prune(cache, 0))

    threads = [threading.Thread(target=prune) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 4
    assert sum(r.removed for r in results) == 20  # each file removed once, by one of them
    assert thumbcache.usage(cache) == (0, 0)


def test_touch_marks_use_at_most_every_few_minutes(photo_dir, tmp_path):
    cache = tmp_path / "thumbs"
    path = thumb_path(cache, cached_photos(photo_dir, cache, 1)[0], 256)
    recent = time.time() - 60
    os.utime(path, (recent, recent))
    assert thumbs.touch(path) and path.stat().st_mtime == pytest.approx(recent)
    old = time.time() - thumbs.TOUCH_AFTER - 60
    os.utime(path, (old, old))
    assert thumbs.touch(path) and path.stat().st_mtime > recent
    assert not thumbs.touch(cache / "ab" / "absent-256.jpg")


def test_ensure_remakes_both_sizes_from_the_original_without_writing_it(photo_dir, tmp_path):
    cache = tmp_path / "thumbs"
    original = make_jpeg(photo_dir / "photo.jpg", size=(3000, 2000))
    data, stat = original.read_bytes(), original.stat()
    digest = thumbs.content_hash_of(data)

    path = thumbs.ensure(cache, digest, 256, original)

    assert path == thumb_path(cache, digest, 256)
    for size in SIZES:
        with Image.open(thumb_path(cache, digest, size)) as image:
            assert image.format == "JPEG" and max(image.size) == size
    assert original.read_bytes() == data and original.stat().st_mtime_ns == stat.st_mtime_ns
    assert thumbs.ensure(cache, digest, 1024) == thumb_path(cache, digest, 1024)  # no source needed


def test_ensure_gives_none_and_writes_nothing_for_a_changed_gone_or_undecodable_original(
        photo_dir, tmp_path):
    cache = tmp_path / "thumbs"
    original = make_jpeg(photo_dir / "photo.jpg")
    digest = thumbs.content_hash_of(original.read_bytes())
    changed = make_jpeg(photo_dir / "photo.jpg", color=(10, 200, 10)).read_bytes()

    assert thumbs.ensure(cache, digest, 256, original) is None
    assert original.read_bytes() == changed
    assert not cache.exists()

    assert thumbs.ensure(cache, digest, 256, photo_dir / "gone.jpg") is None
    assert thumbs.ensure(cache, digest, 256) is None
    text = photo_dir / "notes.jpg"
    text.write_bytes(b"not an image at all")
    assert thumbs.ensure(cache, thumbs.content_hash_of(text.read_bytes()), 256, text) is None
    assert not cache.exists() or cache_files(cache) == set()


def test_threads_remaking_the_same_photo_at_once_all_get_it(photo_dir, tmp_path):
    cache = tmp_path / "thumbs"
    original = make_jpeg(photo_dir / "photo.jpg", size=(4000, 3000))
    digest = thumbs.content_hash_of(original.read_bytes())
    results, start = [], threading.Barrier(8)

    def want(size):
        start.wait()
        results.append(thumbs.ensure(cache, digest, size, original))

    threads = [threading.Thread(target=want, args=(SIZES[i % 2],)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(map(str, results)) == sorted(str(thumb_path(cache, digest, SIZES[i % 2]))
                                               for i in range(8))
    assert cache_files(cache) == {f"{digest}-{s}.jpg" for s in SIZES}  # no temp files left
    for size in SIZES:
        Image.open(thumb_path(cache, digest, size)).verify()


def test_rebuild_restores_every_missing_thumbnail_and_reports_a_deleted_original(catalog, sample):
    cache = catalog.thumbs_dir
    rows = {p["path"]: p for p in catalog_rows(catalog)}
    assert len(rows) == 7
    thumbcache.clear(cache)
    deleted = sample / "DSC_0412.jpg"
    deleted.unlink()
    changed = sample / "DSC_0415.jpg"
    make_jpeg(changed)

    events = list(thumbcache.rebuild(catalog, cache, workers=2))

    assert events[0] == Checked(photos=7, to_make=7)
    assert isinstance(events[-1], Progress) and events[-1].done == events[-1].total == 7
    remade = {e.path for e in events if isinstance(e, Remade)}
    failed = {e.path: e.reason for e in events if isinstance(e, Failed)}
    assert failed == {str(deleted): "the original is missing",
                      str(changed): "the original changed since it was indexed"}
    assert remade == set(rows) - set(failed)
    for path in remade:
        assert has_thumbnails(cache, rows[path]["hash"])
    assert not has_thumbnails(cache, rows[str(changed)]["hash"])

    again = list(thumbcache.rebuild(catalog, cache, workers=1))
    assert again[0] == Checked(photos=7, to_make=2)


def test_rebuild_all_makes_damaged_thumbnails_good_again(catalog, sample):
    cache = catalog.thumbs_dir
    hashes = [r["hash"] for r in catalog_rows(catalog)]
    for digest in hashes:
        thumb_path(cache, digest, 1024).write_bytes(b"damaged")

    assert list(thumbcache.rebuild(catalog, cache, workers=1))[0].to_make == 0  # names suffice
    events = list(thumbcache.rebuild(catalog, cache, all=True, workers=2))

    assert events[0] == Checked(photos=7, to_make=7)
    assert sum(isinstance(e, Remade) for e in events) == 7
    for digest in hashes:
        with Image.open(thumb_path(cache, digest, 1024)) as image:
            assert image.format == "JPEG" and max(image.size) == 1024


def test_clear_removes_only_a_cache_and_refuses_a_folder_with_other_files(catalog, sample):
    cache = catalog.thumbs_dir
    before = thumbcache.usage(cache)
    stranger = cache / "notes.txt"
    stranger.write_text("mine")
    with pytest.raises(CacheError, match="notes.txt"):
        thumbcache.clear(cache)
    assert thumbcache.usage(cache) == before and stranger.exists()

    stranger.unlink()
    assert thumbcache.clear(cache) == before
    assert not cache.exists()
    assert all(p.exists() for p in sample.glob("*.jpg"))


def test_keep_within_limit_prunes_the_catalogs_cache(catalog, sample):
    total = thumbcache.usage(catalog.thumbs_dir).bytes
    pruned = thumbcache.keep_within_limit(catalog, total // 3)
    assert pruned.removed > 0 and thumbcache.usage(catalog.thumbs_dir).bytes <= total // 3


def catalog_rows(cat) -> list[dict]:
    return catalog.present_photo_files(cat)


def test_a_cache_set_to_a_photo_folder_never_costs_a_photo(tmp_path):
    """Newsroom names like 20240520-001.jpg in a day folder "20" look like a hash folder and a
    size; pointed at such a folder by mistake, prune and clear must remove nothing."""
    day = tmp_path / "2024" / "05"
    for sub, name in (("20", "20240520-001.jpg"), ("23", "20240523-256.jpg"), ("ab", "ab12-1024.jpg")):
        (day / sub).mkdir(parents=True)
        make_jpeg(day / sub / name, size=(64, 48))
        os.utime(day / sub / name, (1_000_000_000, 1_000_000_000))  # "least recently used"
    before = sorted(p for p in day.rglob("*") if p.is_file())
    pruned = thumbcache.prune(day, limit_bytes=0)
    assert pruned.removed == 0 and pruned.files == 0
    with pytest.raises(CacheError, match="nothing was removed"):
        thumbcache.clear(day)
    assert sorted(p for p in day.rglob("*") if p.is_file()) == before


def test_a_real_cache_beside_foreign_files_is_not_pruned(tmp_path):
    cache = tmp_path / "cache"
    cached_photos(tmp_path / "photos", cache, 3)
    (cache / "notes.txt").write_text("mine")
    pruned = thumbcache.prune(cache, limit_bytes=0)
    assert pruned.removed == 0 and "notes.txt" in pruned.refused
    assert (cache / "notes.txt").exists()
    (cache / "notes.txt").unlink()
    (cache / ".DS_Store").write_bytes(b"\0")  # left by a Mac browsing the share: harmless
    assert thumbcache.prune(cache, limit_bytes=0).removed == 6
    thumbcache.clear(cache)
    assert not cache.exists()
