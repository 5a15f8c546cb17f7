"""Cold-index rate for camera JPEGs against vipsthumbnail + exiftool and the floor, and rescan time.

Prints figures; asserts nothing. The files are camera-like (24 MP, strong noise at full size,
quality 92: 10–13 MB, as real camera files are) or any folder of JPEGs given. The floor is
what no indexer can beat: one DCT-scaled decode (for the 1024 px preview) and one hash per
file, on every core. The three are run in turn, --runs times, each on a fresh catalog and a
cold-ish page cache is not attempted (all read the same files). Usage:
    python benchmarks/index_throughput.py [--count N] [--folder DIR] [--runs 2]
                                          [--rescan-files 100000]
It also times whole `photodesk` commands (--version, a search of the benchmark's catalog) and
prints the load average beside each figure.
"""

import argparse
import compileall
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from concurrent.futures import ProcessPoolExecutor  # noqa: E402

from photodesk.core import fingerprint  # noqa: E402
from photodesk.core.catalog import Catalog, fingerprints  # noqa: E402
from photodesk.core.index import Scanned, index_paths  # noqa: E402


def camera_jpeg(megapixels: float, seed: int) -> bytes:
    """A JPEG of the given size with camera-like EXIF: sensor-like noise at full size over a
    gradient, so it compresses as a camera file does (10–13 MB at 24 MP, quality 92)."""
    width = int((megapixels * 1e6 * 3 / 2) ** 0.5)
    height = int(width * 2 / 3)
    gradient = Image.linear_gradient("L").resize((width, height))
    bands = [Image.blend(Image.effect_noise((width, height), 28 + 6 * b + seed % 5), gradient, 0.55)
             for b in range(3)]
    image = Image.merge("RGB", bands)
    exif = Image.Exif()
    exif[0x010F], exif[0x0110], exif[0x0112] = "Canon", "Canon EOS R6", 1
    exif[0x0132] = "2024:02:28 14:30:00"
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=92, exif=exif.tobytes())
    return buf.getvalue()


def make_folder(folder: Path, count: int, megapixels: float) -> None:
    template = camera_jpeg(megapixels, 0)
    for i in range(count):
        # A comment segment makes every file's bytes, hash and cache key distinct.
        (folder / f"IMG_{i:04}.jpg").write_bytes(_variant(template, i))


def _variant(jpeg: bytes, i: int) -> bytes:
    comment = f"photodesk benchmark {i}".encode()
    segment = b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment
    return jpeg[:2] + segment + jpeg[2:]


# One cold index in a process of its own, as `photodesk index` runs it: its readers (and their
# fork server) start inside the timed part, where a second run in the same process would
# find the fork server of the first already running. The imports come before the clock.
COLD_INDEX = """
import sys, time
from photodesk.core.catalog import Catalog
from photodesk.core.index import Indexed, index_paths
cat = Catalog(sys.argv[2])
started = time.perf_counter()
n = sum(isinstance(e, Indexed) for e in index_paths(cat, [sys.argv[1]]))
print(n / (time.perf_counter() - started))
cat.close()
"""


def photodesk_rate(folder: Path, workdir: Path, run: int = 0) -> float:
    out = subprocess.run([sys.executable, "-c", COLD_INDEX, str(folder),
                          str(workdir / f"bench-{run}.sqlite")], check=True, text=True,
                         capture_output=True, cwd=Path(__file__).resolve().parents[1])
    return float(out.stdout.split()[-1])


def reference_rate(folder: Path, workdir: Path, count: int) -> float | None:
    if not (shutil.which("vipsthumbnail") and shutil.which("exiftool")):
        return None
    out = Path(tempfile.mkdtemp(dir=workdir, prefix="vips-"))
    files = sorted(str(p) for p in folder.glob("*.jpg"))
    started = time.perf_counter()
    for size in (256, 1024):  # two sizes: vipsthumbnail decodes each time
        subprocess.run(["vipsthumbnail", "--size", str(size), "-o", f"{out}/%s-{size}.jpg",
                        *files], check=True)
    subprocess.run(["exiftool", "-json", "-q", *files], check=True, stdout=subprocess.DEVNULL)
    return count / (time.perf_counter() - started)


def _floor_one(path: str) -> int:
    """One file as the floor reads it: its bytes hashed, one decode scaled for 1024 px."""
    from blake3 import blake3
    data = Path(path).read_bytes()
    blake3(data).hexdigest()
    with Image.open(io.BytesIO(data)) as image:
        width, height = image.size
        scale = 1024 / max(width, height)
        image.draft("RGB", (max(1, int(width * scale)), max(1, int(height * scale))))
        image.load()
    return 1


def floor_rate(files: list[str]) -> float:
    with ProcessPoolExecutor(os.cpu_count() or 1) as pool:
        for future in [pool.submit(os.getpid) for _ in range(os.cpu_count() or 1)]:
            future.result()  # started before the clock: the floor is what no indexer can beat
        started = time.perf_counter()
        n = sum(pool.map(_floor_one, files, chunksize=1))
        return n / (time.perf_counter() - started)


def startup_seconds(catalog: Path, runs: int = 7) -> dict[str, list[float]]:
    """Wall time of whole `photodesk` commands, as a shell runs them: --version, and a search
    on a small catalog (the benchmark's own, of len(files) photos)."""
    command = shutil.which("photodesk", path=str(Path(sys.executable).parent)) or "photodesk"
    times: dict[str, list[float]] = {"--version": [], "search": []}
    for _ in range(runs):  # in turn, so a slow spell of the machine hits both
        for name, args in (("--version", ["--version"]),
                           ("search", ["--catalog", str(catalog), "search", "IMG_0001"])):
            started = time.perf_counter()
            subprocess.run([command, *args], check=True, capture_output=True)
            times[name].append(time.perf_counter() - started)
    return times


def rescan_seconds(files: int, workdir: Path) -> float:
    """Time to rescan `files` unchanged photos: catalog rows and real files, no decoding."""
    folder = workdir / "rescan"
    jpeg = camera_jpeg(0.01, 1)
    cat = Catalog(workdir / "rescan.sqlite")
    folder.mkdir(parents=True)
    with cat.transaction():
        root_id, _ = cat.roots.place(str(folder))
    rows = []
    for i in range(files):
        sub = folder / f"{i // 1000:03}"
        if i % 1000 == 0:
            sub.mkdir()
        path = sub / f"IMG_{i:06}.jpg"
        path.write_bytes(jpeg)
        st = path.stat()
        rows.append({"root_id": root_id, "relpath": str(path.relative_to(folder)), "name": path.name, "size": st.st_size,
                     "mtime_ns": st.st_mtime_ns, "status": "present", "hash": f"{i:064x}"})
    with cat.transaction():
        cat.db["photos"].insert_all(rows, batch_size=5000)
        # Indexed since m014: every photo has its fingerprint, so the rescan has none to fill in.
        looks = fingerprint.of_image(Image.open(io.BytesIO(jpeg)))
        ids = [r[0] for r in cat.db.execute("SELECT id FROM photos")]
        fingerprints.insert_many(cat, ((pid, looks) for pid in ids))
    started = time.perf_counter()
    events = list(index_paths(cat, [str(folder)]))
    elapsed = time.perf_counter() - started
    assert isinstance(events[0], Scanned) and events[0].to_index == 0, events[:3]
    cat.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--megapixels", type=float, default=24)
    parser.add_argument("--folder", type=Path, help="index these JPEGs instead of generated ones")
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--rescan-files", type=int, default=100_000)
    args = parser.parse_args()
    # An installed PhotoDesk has its modules compiled (pip and the bundle write them). A checkout
    # run with PYTHONDONTWRITEBYTECODE=1 (this machine sets it) would compile them again in
    # every command and every run's fork server, which no user's PhotoDesk does.
    compileall.compile_dir(Path(__file__).resolve().parents[1] / "photodesk", quiet=1)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; {_load()}")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        folder = args.folder
        if folder is None:
            folder = work / "photos"
            folder.mkdir()
            make_folder(folder, args.count, args.megapixels)
        files = sorted(str(p) for p in folder.glob("*.jp*g"))
        size_mb = sum(os.path.getsize(f) for f in files) / max(1, len(files)) / 1e6
        print(f"{len(files)} JPEGs in {folder}, {size_mb:.1f} MB each on average")
        ratios = []
        for run in range(1, args.runs + 1):  # in turn, so a slow spell of the machine hits all
            # The floor right after PhotoDesk: their ratio is the goal, so they share a spell.
            ours = photodesk_rate(folder, work, run)
            floor = floor_rate(files)
            ref = reference_rate(folder, work, len(files))
            ratios.append(floor / ours)
            print(f"run {run}: PhotoDesk {ours:.2f} images/s (hash, EXIF, IPTC/XMP, 256 + 1024 "
                  f"px thumbnails, catalog write); floor {floor:.2f} (one scaled decode + hash)"
                  + ("" if ref is None else f"; vipsthumbnail ×2 + exiftool {ref:.2f}"))
            print(f"       floor / PhotoDesk {floor / ours:.2f}x (goal ≤ 1.3x)"
                  + ("" if ref is None else f"; PhotoDesk / reference {ours / ref:.2f}x "
                     "(goal ≥ 1.5x)") + f"; {_load()}")
        if not ratios:
            return
        print(f"floor / PhotoDesk over {len(ratios)} runs: median {statistics.median(ratios):.2f}x, "
              f"{min(ratios):.2f}–{max(ratios):.2f}x")
        if ref is None:
            print("reference: vipsthumbnail or exiftool not installed")
        starts = startup_seconds(work / "bench-1.sqlite")
        print("CLI start-up, whole command: " + "; ".join(
            f"photodesk {name} median {statistics.median(t):.2f} s ({min(t):.2f}–{max(t):.2f}, "
            f"{len(t)} runs)" for name, t in starts.items()) + f"; {_load()}")
        if args.rescan_files:
            seconds = rescan_seconds(args.rescan_files, work)
            print(f"rescan of {args.rescan_files} unchanged files: {seconds:.2f} s; {_load()}")


def _load() -> str:
    """The machine is shared: other work running at the same time is part of every figure."""
    return "load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


if __name__ == "__main__":
    main()
