"""Cold-index rate for camera-sized JPEGs against vipsthumbnail + exiftool, and rescan time.

Prints figures; asserts nothing. Usage:
    python benchmarks/index_throughput.py [--count N] [--megapixels 24] [--rescan-files 100000]
"""

import argparse
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from photodesk.core.catalog import Catalog  # noqa: E402
from photodesk.core.index import Indexed, Scanned, index_paths  # noqa: E402


def camera_jpeg(megapixels: float, seed: int) -> bytes:
    """A JPEG of the given size with camera-like EXIF, noisy enough to compress like a photo."""
    width = int((megapixels * 1e6 * 3 / 2) ** 0.5)
    height = int(width * 2 / 3)
    noise = Image.effect_noise((width // 8, height // 8), 60 + seed % 20).convert("RGB")
    image = noise.resize((width, height), Image.Resampling.BILINEAR)
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


def photodesk_rate(folder: Path, workdir: Path) -> float:
    cat = Catalog(workdir / "bench.sqlite")
    started = time.perf_counter()
    n = sum(isinstance(e, Indexed) for e in index_paths(cat, [str(folder)]))
    elapsed = time.perf_counter() - started
    cat.close()
    return n / elapsed


def reference_rate(folder: Path, workdir: Path, count: int) -> float | None:
    if not (shutil.which("vipsthumbnail") and shutil.which("exiftool")):
        return None
    out = workdir / "vips"
    out.mkdir()
    files = sorted(str(p) for p in folder.glob("*.jpg"))
    started = time.perf_counter()
    for size in (256, 1024):  # two sizes: vipsthumbnail decodes each time
        subprocess.run(["vipsthumbnail", "--size", str(size), "-o", f"{out}/%s-{size}.jpg",
                        *files], check=True)
    subprocess.run(["exiftool", "-json", "-q", *files], check=True, stdout=subprocess.DEVNULL)
    return count / (time.perf_counter() - started)


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
    parser.add_argument("--rescan-files", type=int, default=100_000)
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        folder = work / "photos"
        folder.mkdir()
        make_folder(folder, args.count, args.megapixels)
        size_mb = sum(p.stat().st_size for p in folder.iterdir()) / args.count / 1e6
        print(f"{args.count} JPEGs of {args.megapixels:g} MP, {size_mb:.1f} MB each")
        ours = photodesk_rate(folder, work)
        print(f"PhotoDesk cold index: {ours:.2f} images/s "
              "(hash, EXIF, IPTC/XMP, 256 + 1024 px thumbnails, catalog write)")
        ref = reference_rate(folder, work, args.count)
        if ref is None:
            print("reference: vipsthumbnail or exiftool not installed")
        else:
            print(f"vipsthumbnail (256 + 1024) + exiftool -json: {ref:.2f} images/s")
            print(f"ratio: {ours / ref:.2f}x")
        if args.rescan_files:
            seconds = rescan_seconds(args.rescan_files, work)
            print(f"rescan of {args.rescan_files} unchanged files: {seconds:.2f} s")


if __name__ == "__main__":
    main()
