"""Look-alike look-ups at a million generated fingerprints; a fingerprint's cost while indexing.

Prints figures; asserts nothing. Usage:
    python benchmarks/similar_scale.py [--photos 1000000] [--catalog PATH] [--queries 50]
                                       [--files 6] [--megapixels 24] [--duplicates]

The catalog holds random fingerprints (one in ten a near copy of another: 0–4 bits flipped),
inserted through the catalog layer (Catalog.insert_many, catalog.fingerprints.insert_many);
--catalog PATH keeps it there and, when it exists already, times it again without rebuilding.
Queries are near (a kept fingerprint with 0–6 bits flipped: it has look-alikes) and far
(random: none); p50 and p95 of each, after five untimed ones. The cost per photo compares the
fingerprint, from the 256 px image the thumbnail is made of, with the whole of reading a
camera-like file (hash, metadata, one scaled decode, both thumbnails: analyse()), on one core,
over --files files made by benchmarks/index_throughput.py (--files 0: not timed);
--duplicates also times duplicate_groups(near=True) over the whole catalog. Goals on the project machine (2
cores): a look-up p95 ≤ 200 ms; a fingerprint under 2 % of a photo's index time.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from index_throughput import camera_jpeg  # noqa: E402

from photodesk.core import catalog, fingerprint, thumbs  # noqa: E402
from photodesk.core.analyse import analyse  # noqa: E402
from photodesk.core.catalog import Catalog  # noqa: E402
from photodesk.core.fingerprint import Fingerprint  # noqa: E402
from photodesk.core.similar import described, nearest, similar  # noqa: E402

LOOKUP_GOAL_MS, SHARE_GOAL = 200, 0.02
BATCH = 50_000


def build(cat: Catalog, photos: int, rng: random.Random) -> None:
    """photos rows with fingerprints, one in ten a near copy of an earlier one."""
    with cat.transaction():
        root_id, _ = cat.roots.place("/srv/archive")
    kept: list[Fingerprint] = []
    started = time.perf_counter()
    for start in range(1, photos + 1, BATCH):
        ids = range(start, min(photos, start + BATCH - 1) + 1)
        rows, prints = [], []
        for pid in ids:
            if kept and rng.random() < 0.1:
                found = _flipped(rng.choice(kept), rng.randint(0, 4), rng)
            else:
                found = Fingerprint(rng.getrandbits(64), rng.getrandbits(64))
            kept.append(found)
            name = f"IMG_{pid:07}.jpg"
            rows.append({"id": pid, "root_id": root_id, "relpath": f"{pid // 1000:04}/{name}",
                         "name": name, "status": "present", "width": 6000, "height": 4000})
            prints.append((pid, found))
        with cat.transaction():
            cat.insert_many("photos", rows)
            catalog.fingerprints.insert_many(cat, prints)
        print(f"\r  {ids[-1]:,} photos, {time.perf_counter() - started:.0f} s", end="",
              flush=True)
    print()


def _flipped(found: Fingerprint, bits: int, rng: random.Random) -> Fingerprint:
    whole, inset = found.whole, found.inset
    for bit in rng.sample(range(64), bits):
        whole ^= 1 << bit
    for bit in rng.sample(range(64), bits):
        inset ^= 1 << bit
    return Fingerprint(whole, inset)


def _ms(times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return f"p50 {statistics.median(ordered) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms"


def time_lookups(cat: Catalog, queries: int, rng: random.Random) -> None:
    count = cat.count("fingerprints")
    kept = dict(catalog.fingerprints.every_fingerprint(cat, batch=BATCH)) if count <= 2_000_000 \
        else {}
    ids = list(kept)
    near = [_flipped(kept[rng.choice(ids)], rng.randint(0, 6), rng) for _ in range(queries // 2)]
    far = [Fingerprint(rng.getrandbits(64), rng.getrandbits(64)) for _ in range(queries // 2)]
    for found in near[:5]:  # untimed: the first read the pages of the indexes
        nearest(cat, found)
    results = {}
    for name, asked in (("near", near), ("far", far)):
        times, found_counts = [], []
        for found in asked:
            started = time.perf_counter()
            matches = nearest(cat, found)
            times.append(time.perf_counter() - started)
            found_counts.append(len(matches))
        results[name] = times
        print(f"  {name} queries ({len(asked)}): {_ms(times)}; look-alikes found per query: "
              f"median {statistics.median(found_counts):.0f}, most {max(found_counts)}")
    times = []
    for pid in rng.sample(ids, min(len(ids), queries // 2)):
        started = time.perf_counter()
        described(cat, similar(cat, pid))
        times.append(time.perf_counter() - started)
    print(f"  by photo id, with each look-alike's row (what `photodesk similar ID` reads): "
          f"{_ms(times)}")
    every = results["near"] + results["far"]
    p95 = sorted(every)[int(len(every) * 0.95)] * 1000
    print(f"  all {len(every)}: {_ms(every)} (goal p95 ≤ {LOOKUP_GOAL_MS} ms: "
          f"{'met' if p95 <= LOOKUP_GOAL_MS else 'NOT met'}); {_load()}")


def time_fingerprint_cost(files: int, megapixels: float, work: Path) -> None:
    folder, cache = work / "photos", work / "thumbs"
    folder.mkdir()
    print(f"  making {files} camera-like files of {megapixels:g} MP…", flush=True)
    paths = []
    for i in range(files):
        path = folder / f"IMG_{i:04}.jpg"
        path.write_bytes(camera_jpeg(megapixels, i))
        paths.append(path)
    whole, prints, cached = [], [], []
    for path in paths:
        st = path.stat()
        started = time.perf_counter()
        result = analyse(str(path), st.st_size, st.st_mtime_ns, str(cache))
        whole.append(time.perf_counter() - started)
        assert result["outcome"] == "photo" and result.get("fingerprint"), result
        small = thumbs.small_image(path.read_bytes())
        started = time.perf_counter()
        for _ in range(20):
            fingerprint.of_image(small)
        prints.append((time.perf_counter() - started) / 20)
        started = time.perf_counter()
        fingerprint.of_thumbnail(cache, result["record"]["hash"])
        cached.append(time.perf_counter() - started)
    share = statistics.median(prints) / statistics.median(whole)
    size = sum(p.stat().st_size for p in paths) / len(paths) / 1e6
    print(f"  reading one photo ({size:.1f} MB, analyse(), one core): median "
          f"{statistics.median(whole) * 1000:.0f} ms; its fingerprint: median "
          f"{statistics.median(prints) * 1000:.2f} ms = {share:.2%} (goal < {SHARE_GOAL:.0%}: "
          f"{'met' if share < SHARE_GOAL else 'NOT met'})")
    print(f"  a photo indexed before fingerprints, from its cached thumbnail: median "
          f"{statistics.median(cached) * 1000:.2f} ms; {_load()}")


def time_duplicates(cat: Catalog) -> None:
    from photodesk.core.duplicates import duplicate_groups
    started = time.perf_counter()
    groups = duplicate_groups(cat, near=True)
    print(f"  duplicates --similar: {len(groups):,} groups in "
          f"{time.perf_counter() - started:.1f} s; {_load()}")


def _load() -> str:
    """The machine is shared: other work running at the same time is part of every figure."""
    return "load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=1_000_000)
    parser.add_argument("--catalog", type=Path)
    parser.add_argument("--queries", type=int, default=50)
    parser.add_argument("--files", type=int, default=6)
    parser.add_argument("--megapixels", type=float, default=24)
    parser.add_argument("--duplicates", action="store_true",
                        help="also time duplicate_groups(near=True) over the whole catalog")
    args = parser.parse_args()
    rng = random.Random(19)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; {_load()}")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        path = args.catalog or work / "similar.sqlite"
        fresh = not path.exists()
        cat = Catalog(path, backups=False)
        if fresh:
            print(f"building {args.photos:,} photos with fingerprints in {path}")
            build(cat, args.photos, rng)
        size = os.path.getsize(path) / 1e6
        print(f"look-ups on {cat.count('fingerprints'):,} fingerprints ({size:,.0f} MB catalog)")
        time_lookups(cat, args.queries, rng)
        if args.duplicates:
            time_duplicates(cat)
        cat.close()
        if args.files:
            print("fingerprint cost per photo")
            time_fingerprint_cost(args.files, args.megapixels, work)


if __name__ == "__main__":
    main()
