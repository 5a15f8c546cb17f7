"""Writes that meet faults: killed midway, read-only folders, sidecar-only photos, and what the
catalog says is still pending afterwards."""

import io
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image

from photodesk.core.catalog import photos as store
from photodesk.core.catalog import edits as catalog_edits
from photodesk.core.edit import edit_photos
from photodesk.core.index import index_paths
from photodesk.core.metadata.exiv2 import check_file
from photodesk.core.metadata.files import clean_temps, temp_names
from photodesk.core.jobs import Failed
from photodesk.core.metadata.write import Written, write_file, write_photos
from photodesk.core.preflight import preflight_write
from tests.conftest import CORPUS, ROOT, exiftool, make_jpeg
from tests.core.test_write import scan_data

# Real camera files of different shapes: plain EXIF, XMP and IPTC, maker notes exiv2 warns
# about, a large XMP packet.
KILL_SET = ("exif-samples/jpg/Canon_40D.jpg", "exif-samples/jpg/xmp/BlueSquare.jpg",
            "exif-samples/jpg/Nikon_D70.jpg", "exif-samples/jpg/Konica_Minolta_DiMAGE_Z3.jpg",
            "exif-samples/jpg/invalid/image00971.jpg",
            "php-image-metadata-parser/tests/Fixtures/IPTC-PhotometadataRef-Std2021.1.jpg")
# A child that writes one caption into each file given, as `photodesk write` does per photo.
CHILD = """
import sys
from photodesk.core.metadata.write import write_file
caption, paths = sys.argv[1], sys.argv[2:]
print("ready", flush=True)
for path in paths:
    write_file(path, {"caption": caption, "people": ["Võ Thị Ánh Xuân"]})
print("done", flush=True)
"""
# A child killed by its own hand at a chosen step of the write (its temp file then stays).
SELF_KILL = """
import os, signal, sys
from photodesk.core.metadata import files
from photodesk.core.metadata.write import write_file
step, path = sys.argv[1], sys.argv[2]
real = getattr(os, step)
def killed(*args, **kwargs):
    if step == "fsync" or str(args[0]).endswith(".tmp"):
        os.kill(os.getpid(), signal.SIGKILL)
    return real(*args, **kwargs)
setattr(os, step, killed)
write_file(path, {"caption": "never written"})
"""


def start_child(code: str, *args) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", code, *map(str, args)], cwd=ROOT, env=env,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def captions(paths, reader=None) -> dict[str, str | None]:
    args = ("-j", "-XMP-dc:Description", *paths)
    out = json.loads(reader.run(*args) if reader else exiftool(*args))
    return {d["SourceFile"]: d.get("Description") for d in out}


class StayOpen:
    """One exiftool process answering many reads (-stay_open): twenty rounds of reads cost one
    start of Perl instead of twenty."""

    def __init__(self):
        exiftool("-ver")  # skips (or fails in CI) when exiftool is missing
        self.proc = subprocess.Popen(["exiftool", "-stay_open", "True", "-@", "-"],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                     encoding="utf-8")

    def run(self, *args) -> str:
        self.proc.stdin.write("\n".join(map(str, args)) + "\n-execute\n")
        self.proc.stdin.flush()
        lines = []
        for line in self.proc.stdout:
            if line.rstrip() == "{ready}":
                return "".join(lines)
            lines.append(line)
        raise RuntimeError("exiftool stopped")

    def close(self) -> None:
        self.proc.stdin.write("-stay_open\nFalse\n")
        self.proc.stdin.close()
        self.proc.wait(60)


def kill_folder(tmp_path) -> list[Path]:
    if not CORPUS.is_dir():
        pytest.skip(f"no corpus at {CORPUS}")
    folder = tmp_path / "photos"
    folder.mkdir()
    return [Path(shutil.copyfile(CORPUS / rel, folder / Path(rel).name)) for rel in KILL_SET]


def test_sigkill_at_random_moments_leaves_each_photo_whole_and_the_next_run_cleans(tmp_path):
    photos = kill_folder(tmp_path)
    folder = photos[0].parent
    image = {p: scan_data(p.read_bytes()) for p in photos}
    rng = random.Random(12)
    # How long a whole run takes here, so that the kills fall across all of it.
    started = time.monotonic()
    child = start_child(CHILD, "đo thời gian", *photos)
    assert child.stdout.readline().strip() == "ready"
    ready_after = time.monotonic() - started
    child.wait(60)
    span = time.monotonic() - started - ready_after
    leftovers, replaced, reader = 0, 0, StayOpen()
    try:
        for round_ in range(20):
            before = {p: p.read_bytes() for p in photos}
            caption = f"Lần {round_}: Đoàn công tác thăm hợp tác xã chè Shan tuyết"
            child = start_child(CHILD, caption, *photos)
            assert child.stdout.readline().strip() == "ready"
            time.sleep(rng.uniform(0, span))  # the moment of the kill is the thing under test
            child.send_signal(signal.SIGKILL)
            child.wait(60)
            found = captions(photos, reader)
            for photo in photos:
                data = photo.read_bytes()
                if data != before[photo]:  # replaced: then wholly, with the new caption
                    assert found[str(photo)] == caption, (round_, photo.name)
                    assert scan_data(data) == image[photo], (round_, photo.name)
                    replaced += 1
            leftovers += bool(temps(folder))
            for photo in photos:  # the next run
                write_file(photo, {"caption": caption, "people": ["Võ Thị Ánh Xuân"]})
            assert temps(folder) == [], round_
    finally:
        reader.close()
    assert set(captions(photos).values()) == {caption}
    assert all(scan_data(p.read_bytes()) == image[p] for p in photos)
    print(f"\n20 kills: {replaced} of {20 * len(photos)} photos written before the kill, the "
          f"rest untouched; {leftovers} kills left a temp file, removed by the next run")


@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_a_write_killed_with_its_temp_file_open_is_cleaned_at_the_next_run(tmp_path, step):
    """Killed after the temp copy began (fsync) or was complete (just before the rename)."""
    photo = kill_folder(tmp_path)[1]
    original = photo.read_bytes()
    child = start_child(SELF_KILL, step, photo)
    child.wait(60)
    assert child.returncode == -signal.SIGKILL, child.stderr.read()
    left = temps(photo.parent)
    assert len(left) == 1 and temp_names(photo, left) == left
    assert photo.read_bytes() == original
    result = write_file(photo, {"caption": "Lần sau"})
    assert result.target == "file" and temps(photo.parent) == []
    assert captions([photo])[str(photo)] == "Lần sau"


def test_a_temp_file_a_live_writer_holds_is_left_alone(tmp_path):
    photo = make_jpeg(tmp_path / "a.jpg")
    holder = start_child(
        "import sys\nfrom photodesk.core.safefile import replacing\n"
        "with replacing(sys.argv[1], lock=True) as temp:\n    temp.write(b'x' * 100)\n"
        "    print('held', flush=True)\n    sys.stdin.read()\n", photo)
    assert holder.stdout.readline().strip() == "held"
    try:
        assert len(temps(tmp_path)) == 1
        assert clean_temps(photo) == [] and len(temps(tmp_path)) == 1
    finally:
        holder.kill()
        holder.wait(60)
    assert len(clean_temps(photo)) == 1 and temps(tmp_path) == []


def test_only_our_exact_temp_pattern_is_ever_removed(tmp_path):
    photo = make_jpeg(tmp_path / "a.jpg")
    kept = [".a.jpg.tmp", ".a.jpg.ABCDEFGH.tmp", ".a.jpg.abcdefg.tmp", ".a.jpg.abcdefghi.tmp",
            "a.jpg.abcdefgh.tmp", ".a.jpg.abcdefgh.tmp.bak", ".b.jpg.abcdefgh.tmp",
            ".a.jpgx.abcdefgh.tmp", ".a.jpg.abcd-fgh.tmp"]
    for name in kept:
        (tmp_path / name).write_bytes(b"not ours")
    (tmp_path / ".a.jpg.dir45678.tmp").mkdir()
    os.symlink(photo, tmp_path / ".a.jpg.link5678.tmp")
    ours = tmp_path / ".a.jpg.k2_9xq0z.tmp"
    ours.write_bytes(b"left by a killed write")
    write_file(photo, {"caption": "x"})
    assert not ours.exists()
    for name in kept + [".a.jpg.dir45678.tmp", ".a.jpg.link5678.tmp"]:
        assert os.path.lexists(tmp_path / name), name
    assert photo.exists()


# --- read-only folders, sidecar-only photos and what stays pending -----------------------------

@pytest.fixture
def indexed(catalog, photo_dir):
    photos = [make_jpeg(photo_dir / "a.jpg"), make_jpeg(photo_dir / "b.jpg", color=(9, 9, 9))]
    list(index_paths(catalog, [photo_dir], workers=1))
    ids = {r["name"]: r["id"] for r in catalog.db.query("SELECT id, name FROM photos")}
    edit_photos(catalog, list(ids.values()), caption="Chú thích", people=["Nguyễn Văn An"])
    return photos, ids


def test_a_read_only_folder_is_reported_before_and_refused_whole(catalog, photo_dir, indexed):
    photos, ids = indexed
    os.chmod(photo_dir, 0o555)
    try:
        report = preflight_write(catalog, ids.values())
        for photo in photos:
            issue = [i for i in report.issues if i.path == str(photo) and i.kind == "unwritable"]
            assert issue and issue[0].severity == "error"
            assert issue[0].message.startswith("cannot be written: the folder is read-only")
        assert not report.of_kind("sidecar")
        before = {p: p.read_bytes() for p in photos}
        events = [e for e in write_photos(catalog, ids.values()) if not hasattr(e, "done")]
        assert all(isinstance(e, Failed) and "folder is read-only" in e.reason
                   for e in events)
        assert sorted(p.name for p in photo_dir.iterdir()) == ["a.jpg", "b.jpg"]
        assert all(p.read_bytes() == before[p] for p in photos)
        assert sorted(catalog_edits.edited_photo_ids(catalog)) == sorted(ids.values())  # still pending
    finally:
        os.chmod(photo_dir, 0o755)


def test_photos_written_to_their_sidecar_are_no_longer_pending(catalog, photo_dir, indexed):
    photos, ids = indexed
    os.chmod(photos[0], 0o444)
    report = preflight_write(catalog, ids.values())
    sidecar = report.of_kind("sidecar")
    assert [Path(i.path).name for i in sidecar] == ["a.jpg"]
    assert "a.xmp" in sidecar[0].message and "read-only" in sidecar[0].message
    events = {e.path: e for e in write_photos(catalog, ids.values()) if isinstance(e, Written)}
    assert events[str(photos[0])].target == "sidecar"
    assert events[str(photos[1])].target == "file"
    assert catalog_edits.edited_photo_ids(catalog) == []
    tags = json.loads(exiftool("-j", "-struct", photo_dir / "a.xmp"))[0]
    assert tags["Description"] == "Chú thích" and tags["PersonInImage"] == ["Nguyễn Văn An"]
    row = store.photo(catalog, ids["a.jpg"])
    st = os.stat(photos[0])
    assert (row["size"], row["mtime_ns"]) == (st.st_size, st.st_mtime_ns)  # photo untouched
    again = list(write_photos(catalog, catalog_edits.edited_photo_ids(catalog)))
    assert again == []


def test_an_embedded_write_keeps_the_photos_own_sidecar_in_step(tmp_path):
    """A photo written to its sidecar once (read-only then) and embedded later: the sidecar
    gets the new values too, so the two never disagree."""
    photo = make_jpeg(tmp_path / "a.jpg")
    os.chmod(photo, 0o444)
    assert write_file(photo, {"caption": "Cũ", "headline": "Tít"}).target == "sidecar"
    os.chmod(photo, 0o644)
    assert write_file(photo, {"caption": "Mới"}).target == "file"
    side = json.loads(exiftool("-j", tmp_path / "a.xmp"))[0]
    assert side["Description"] == "Mới" and side["Headline"] == "Tít"
    assert captions([photo])[str(photo)] == "Mới"


def test_junk_between_segments_is_kept_and_the_photo_still_embedded(tmp_path):
    """Some writers leave bytes between segments (decoders skip them; exiv2 cannot read such a
    file at all): the splice keeps them where they were and writes the metadata in."""
    photo = make_jpeg(tmp_path / "junk.jpg")
    data = photo.read_bytes()
    second = data.index(b"\xff", 4 + int.from_bytes(data[4:6], "big"))  # after APP0
    junk = b"\x00\x00junk\xff\x00x\xff\xff"  # junk (0xFF 0x00 is no marker), a fill byte
    photo.write_bytes(data[:second] + junk + data[second:])
    before = photo.read_bytes()
    assert check_file(before), "exiv2 must stumble on this file"
    assert "Skipped unknown" in exiftool("-warning", "-a", photo)
    result = write_file(photo, {"caption": "Chú thích"})
    assert result.target == "file"
    after = photo.read_bytes()
    assert junk in after and scan_data(after) == scan_data(before)
    assert Image.open(photo).tobytes() == Image.open(io.BytesIO(before)).tobytes()
    assert captions([photo])[str(photo)] == "Chú thích"
