"""Thumbnail cache figures: listing and pruning a cache of 100,000 small files, and remaking a
24 MP photo's thumbnails (ensure() after the cache was removed; rebuild() on 1 and 2 threads).

Prints figures; asserts nothing. Usage:
    python benchmarks/thumb_cache.py [--files 100000] [--photos 8] [--dir PATH]
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from photodesk.core import thumbcache, thumbs  # noqa: E402
from photodesk.core.catalog import Catalog  # noqa: E402
from photodesk.core import catalog  # noqa: E402
from photodesk.core.index import index_paths  # noqa: E402
from tests.conftest import ROOT, make_jpeg  # noqa: E402

SAMPLE = ROOT / "resources" / "sample" / "DSC_0412.jpg"


def timed(fn, *args, **kwargs):
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - start, result


def fill(cache: Path, files: int) -> None:
    """files thumbnails of 2-6 KB in the cache layout, used at random over the last 90 days."""
    rng, now = random.Random(8), time.time()
    blob = os.urandom(6000)
    for i in range(files // 2):
        digest = f"{rng.getrandbits(256):064x}"
        for size in thumbs.SIZES:
            path = thumbs.thumb_path(cache, digest, size)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(blob[: rng.randrange(2000, 6000)])
            used = now - rng.uniform(0, 90 * 86400)
            os.utime(path, (used, used))


def prune_figures(work: Path, files: int) -> None:
    cache = work / "prune.thumbs"
    seconds, _ = timed(fill, cache, files)
    print(f"made {files:,} files in {seconds:.1f} s")
    seconds, used = timed(thumbcache.usage, cache)
    print(f"usage():                      {seconds * 1000:7.0f} ms  "
          f"({used.files:,} files, {used.bytes / 2**20:.0f} MB)")
    seconds, pruned = timed(thumbcache.prune, cache, used.bytes)
    print(f"prune() within the limit:     {seconds * 1000:7.0f} ms  (removed {pruned.removed})")
    seconds, pruned = timed(thumbcache.prune, cache, used.bytes // 2)
    print(f"prune() to half the size:     {seconds * 1000:7.0f} ms  (removed {pruned.removed:,}, "
          f"{pruned.freed / 2**20:.0f} MB, {pruned.files:,} left)")
    sample = [p for _, _, p, _ in thumbcache._thumbnails(cache)][:10000]
    seconds, _ = timed(lambda: [thumbs.touch(p) for p in sample])
    print(f"touch() (marks old files):    {seconds / len(sample) * 1e6:7.1f} µs per thumbnail")
    seconds, _ = timed(lambda: [thumbs.touch(p) for p in sample])
    print(f"touch() (marked already):     {seconds / len(sample) * 1e6:7.1f} µs per thumbnail")
    seconds, removed = timed(thumbcache.clear, cache)
    print(f"clear():                      {seconds * 1000:7.0f} ms  ({removed.files:,} files)")


def camera_like(path: Path, seed: int) -> Path:
    """A 24 MP JPEG of about 8 MB, as a press camera writes: a sample photo scaled up, with
    grain (make_jpeg's flat 24 MP frames compress to 0.6 MB and decode unrealistically fast)."""
    base = Image.open(SAMPLE).convert("RGB").resize((6000, 4000), Image.Resampling.BICUBIC)
    grain = Image.effect_noise((6000, 4000), 30 + seed).convert("RGB")
    Image.blend(base, grain, 0.25).save(path, "JPEG", quality=90)
    return path


def remake_figures(work: Path, photos: int) -> None:
    for kind, folder in (("make_jpeg", work / "flat"), ("camera-like", work / "camera")):
        folder.mkdir()
        for i in range(photos):
            if kind == "make_jpeg":
                make_jpeg(folder / f"p{i}.jpg", size=(6000, 4000), color=(i * 30 % 256, 120, 60))
            else:
                camera_like(folder / f"p{i}.jpg", i)
        size_mb = sum(p.stat().st_size for p in folder.iterdir()) / photos / 2**20
        print(f"-- {photos} photos of 24 MP ({kind}, {size_mb:.1f} MB JPEG each)")
        with Catalog(work / f"{kind}.sqlite") as cat:
            remake_one_catalog(cat, folder, photos)


def remake_one_catalog(cat: Catalog, folder: Path, photos: int) -> None:
    list(index_paths(cat, [str(folder)], workers=1))
    cache = cat.thumbs_dir
    rows = [(p["path"], p["hash"]) for p in catalog.photos.present_photo_files(cat)]
    times = []
    for path, digest in rows:
        thumbcache.clear(cache)
        seconds, made = timed(thumbs.ensure, cache, digest, 256, path)
        assert made is not None
        times.append(seconds)
    print(f"ensure() remaking both sizes: median {statistics.median(times) * 1000:.0f} ms, "
          f"max {max(times) * 1000:.0f} ms per photo")
    for path, digest in rows:
        thumbs.ensure(cache, digest, 256, path)
    seconds, _ = timed(lambda: [thumbs.ensure(cache, d, 256, p) for p, d in rows * 1000])
    print(f"ensure() when present: {seconds / len(rows) / 1000 * 1e6:.1f} µs")
    for workers in (1, 2):
        thumbcache.clear(cache)
        seconds, _ = timed(lambda: list(thumbcache.rebuild(cat, cache, workers=workers)))
        print(f"rebuild() on {workers} thread(s): {seconds:.2f} s, {photos / seconds:.1f} photos/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=100_000)
    parser.add_argument("--photos", type=int, default=8)
    parser.add_argument("--dir", type=Path, default=None,
                        help="Work there (default: a temp folder).")
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores, Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        # Own settings: the user's might send the cache (which this clears) to a real folder.
        os.environ["XDG_CONFIG_HOME"] = os.environ["XDG_DATA_HOME"] = tmp
        prune_figures(Path(tmp), args.files)
        remake_figures(Path(tmp), args.photos)


if __name__ == "__main__":
    main()
