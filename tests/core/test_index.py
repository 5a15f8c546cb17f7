import json
import os
import shutil
from collections import Counter

import pytest
from PIL import Image

from photodesk.core import search
from photodesk.core.catalog import photos as catalog
from photodesk.core.edit import edit_photos
from photodesk.core.index import Indexed, Missing, Scanned, index_paths
from photodesk.core.jobs import Failed, Progress, Skipped
from photodesk.core.thumbs import thumb_path
from tests.conftest import IPTC_REF, copy_corpus, exiftool, make_jpeg


def run(cat, *paths, **kw):
    return list(index_paths(cat, [str(p) for p in paths], **kw))


def kinds(events):
    return Counter(type(e).__name__ for e in events)


def test_whole_corpus_indexes_without_stopping(catalog, corpus):
    events = run(catalog, corpus, workers=2)
    scanned = events[0]
    assert isinstance(scanned, Scanned) and scanned.total >= 90
    indexed = [e for e in events if isinstance(e, Indexed)]
    failed = [e for e in events if isinstance(e, Failed)]
    assert len(indexed) + len(failed) == scanned.total
    for e in failed:
        assert e.reason  # every failure says why
    stats = catalog_stats(catalog)
    assert stats["photos"] == scanned.total


def catalog_stats(cat):
    return catalog.stats(cat)


def test_iptc_reference_image_matches_exiftool(catalog, photo_dir):
    path = copy_corpus(str(IPTC_REF.relative_to(IPTC_REF.parents[3])), photo_dir / "ref.jpg")
    run(catalog, photo_dir)
    row = catalog_photo(catalog, path)
    tool = json.loads(exiftool("-j", "-G1", path))[0]
    assert row["caption"] == tool["XMP-dc:Description"] == tool["IPTC:Caption-Abstract"]
    assert row["headline"] == tool["XMP-photoshop:Headline"]
    assert row["keywords"] == sorted(tool["XMP-dc:Subject"])
    assert row["creator"] == tool["XMP-dc:Creator"]
    assert row["credit"] == tool["XMP-photoshop:Credit"]
    assert row["copyright"] == tool["XMP-dc:Rights"]
    assert row["people"] == sorted(tool["XMP-iptcExt:PersonInImage"])
    assert row["event"] == tool["XMP-iptcExt:Event"]
    assert row["city"] == tool["XMP-photoshop:City"]
    exiftool_iso = tool["XMP-photoshop:DateCreated"].replace(":", "-", 2).replace(" ", "T")
    assert row["date_created"] == exiftool_iso


def catalog_photo(cat, path):
    return catalog.photo_by_path(cat, str(path))


def test_iim_utf8_marker_and_legacy_latin1_captions(catalog, photo_dir):
    vn = make_jpeg(photo_dir / "vn.jpg")
    exiftool("-overwrite_original", "-IPTC:CodedCharacterSet=UTF8",
             "-IPTC:Caption-Abstract=Đồng chí Võ Thị Ánh Xuân phát biểu", vn)
    legacy = make_jpeg(photo_dir / "legacy.jpg", color=(10, 10, 10))
    # No character-set marker and cp1252 bytes, as old Windows desks wrote them.
    exiftool("-overwrite_original", "-charset", "iptc=cp1252",
             "-IPTC:Caption-Abstract=José Mourinho’s “derby”", legacy)
    run(catalog, photo_dir)
    assert catalog_photo(catalog, vn)["caption"] == "Đồng chí Võ Thị Ánh Xuân phát biểu"
    assert catalog_photo(catalog, legacy)["caption"] == "José Mourinho’s “derby”"


def test_xmp_wins_over_iim(catalog, photo_dir):
    path = make_jpeg(photo_dir / "both.jpg")
    exiftool("-overwrite_original", "-IPTC:CodedCharacterSet=UTF8",
             "-IPTC:Caption-Abstract=old IIM caption", "-XMP-dc:Description=Chú thích XMP", path)
    run(catalog, photo_dir)
    assert catalog_photo(catalog, path)["caption"] == "Chú thích XMP"


@pytest.mark.parametrize("orientation", [6, 8])
def test_rotated_photos_get_upright_thumbnails(catalog, photo_dir, orientation):
    path = make_jpeg(photo_dir / f"rot{orientation}.jpg", size=(1600, 900))
    exiftool("-overwrite_original", f"-Orientation#={orientation}", path)
    run(catalog, photo_dir)
    row = catalog_photo(catalog, path)
    assert row["orientation"] == orientation
    for size in (256, 1024):
        with Image.open(thumb_path(catalog.thumbs_dir, row["hash"], size)) as thumb:
            assert thumb.height == size and thumb.width < thumb.height  # portrait, long side = size


def test_thumbnails_never_exceed_their_size(catalog, photo_dir):
    small = make_jpeg(photo_dir / "small.jpg", size=(120, 90))
    run(catalog, photo_dir)
    row = catalog_photo(catalog, small)
    with Image.open(thumb_path(catalog.thumbs_dir, row["hash"], 1024)) as thumb:
        assert thumb.size == (120, 90)  # never upscaled


def test_rescan_of_unchanged_folder_reads_no_file(catalog, photo_dir):
    for i in range(5):
        make_jpeg(photo_dir / f"p{i}.jpg", color=(i * 40, 0, 0))
    run(catalog, photo_dir)
    before = list(catalog.db.query("SELECT * FROM photos ORDER BY id"))
    for p in photo_dir.iterdir():
        # Same size and time, different bytes: a rescan that opened the file would notice.
        st = p.stat()
        p.write_bytes(b"\0" * st.st_size)
        os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns))
    events = run(catalog, photo_dir)
    assert events == [Scanned(total=5, unchanged=5, to_index=0)]
    assert list(catalog.db.query("SELECT * FROM photos ORDER BY id")) == before


def test_damaged_and_fake_files_are_recorded_with_reasons(catalog, photo_dir, tmp_path):
    (photo_dir / "empty.jpg").write_bytes(b"")
    (photo_dir / "fake.jpg").write_text("<html>not a photo</html>")
    good = copy_corpus("exif-samples/jpg/gps/DSCN0010.jpg", tmp_path / "src.jpg").read_bytes()
    (photo_dir / "truncated.jpg").write_bytes(good[: len(good) // 2])
    (photo_dir / "bomb.jpg").write_bytes(_bomb(good))
    (photo_dir / "notes.dat").write_text("plain text")
    make_jpeg(photo_dir / "fine.jpg")
    events = run(catalog, photo_dir)
    reasons = {os.path.basename(e.path): e.reason for e in events if isinstance(e, Failed)}
    assert "0 bytes" in reasons["empty.jpg"]
    assert "not an image" in reasons["fake.jpg"]
    assert "decompression bomb" in reasons["bomb.jpg"]
    skipped = {os.path.basename(e.path) for e in events if isinstance(e, Skipped)}
    assert skipped == {"notes.dat"}
    truncated = catalog_photo(catalog, photo_dir / "truncated.jpg")
    assert truncated["status"] == "present"
    assert any("truncated" in w for w in truncated["warnings"])
    assert catalog_photo(catalog, photo_dir / "fine.jpg")["status"] == "present"
    assert catalog_photo(catalog, photo_dir / "bomb.jpg")["status"] == "unreadable"


def _bomb(jpeg: bytes) -> bytes:
    """The same JPEG with its frame header claiming 60000 × 60000 pixels."""
    data = bytearray(jpeg)
    i = 2
    while i < len(data):
        marker, length = data[i + 1], int.from_bytes(data[i + 2:i + 4], "big")
        if marker in (0xC0, 0xC1, 0xC2):
            data[i + 5:i + 9] = (60000).to_bytes(2, "big") * 2
            return bytes(data)
        i += 2 + length
    raise AssertionError("no SOF marker")


def test_rename_and_move_keep_the_photo_and_its_edits(catalog, photo_dir):
    path = make_jpeg(photo_dir / "a.jpg")
    run(catalog, photo_dir)
    pid = catalog_photo(catalog, path)["id"]
    edit_photos(catalog, [pid], caption="Chú thích của biên tập viên", people=["Trịnh Xuân Trường"])
    moved = photo_dir / "sub" / "renamed.jpg"
    moved.parent.mkdir()
    shutil.move(path, moved)
    events = run(catalog, photo_dir)
    assert Indexed(str(moved), pid, "moved") in events
    assert not any(isinstance(e, Missing) for e in events)
    row = catalog_photo(catalog, moved)
    assert row["id"] == pid and row["caption"] == "Chú thích của biên tập viên"
    assert row["people"] == ["Trịnh Xuân Trường"]
    assert catalog_stats(catalog)["photos"] == 1


def test_reindex_of_a_changed_file_keeps_edits(catalog, photo_dir):
    path = make_jpeg(photo_dir / "a.jpg")
    run(catalog, photo_dir)
    pid = catalog_photo(catalog, path)["id"]
    edit_photos(catalog, [pid], headline="Tiêu đề")
    exiftool("-overwrite_original", "-XMP-dc:Description=From the camera", path)
    events = run(catalog, photo_dir)
    assert Indexed(str(path), pid, "updated") in events
    row = catalog_photo(catalog, path)
    assert (row["headline"], row["caption"]) == ("Tiêu đề", "From the camera")


def test_deleted_file_is_missing_then_comes_back_whole(catalog, photo_dir, tmp_path):
    path = make_jpeg(photo_dir / "a.jpg")
    run(catalog, photo_dir)
    pid = catalog_photo(catalog, path)["id"]
    edit_photos(catalog, [pid], keywords=["bầu cử"])
    shutil.move(path, tmp_path / "away.jpg")
    assert Missing(str(path), pid) in run(catalog, photo_dir)
    assert catalog_photo(catalog, path)["status"] == "missing"
    shutil.move(tmp_path / "away.jpg", photo_dir / "back.jpg")
    run(catalog, photo_dir)
    row = catalog_photo(catalog, photo_dir / "back.jpg")
    assert row["id"] == pid and row["status"] == "present" and row["keywords"] == ["bầu cử"]


def test_format_is_recognised_by_content_not_name(catalog, photo_dir):
    Image.new("RGB", (50, 40), "red").save(photo_dir / "really-a-png.jpg", "PNG")
    Image.new("RGB", (50, 40), "blue").save(photo_dir / "noextension", "WEBP")
    Image.new("RGB", (50, 40), "green").save(photo_dir / "t.tif", "TIFF")
    run(catalog, photo_dir)
    assert catalog_photo(catalog, photo_dir / "really-a-png.jpg")["format"] == "PNG"
    assert catalog_photo(catalog, photo_dir / "noextension")["format"] == "WEBP"
    assert catalog_photo(catalog, photo_dir / "t.tif")["format"] == "TIFF"


def test_hidden_files_and_symlink_loops_are_skipped(catalog, photo_dir):
    make_jpeg(photo_dir / ".hidden.jpg")
    make_jpeg(photo_dir / "@eaDir" / "x.jpg")
    make_jpeg(photo_dir / "sub" / "seen.jpg")
    os.symlink(photo_dir, photo_dir / "sub" / "loop")
    events = run(catalog, photo_dir)
    assert events[0].total == 1
    assert any(isinstance(e, Failed) and "loop" in e.reason for e in events)


def test_stopping_midway_leaves_a_consistent_catalog_and_the_next_run_carries_on(catalog, photo_dir):
    for i in range(30):
        make_jpeg(photo_dir / f"p{i:02}.jpg", color=(i * 8, 50, 50))
    gen = index_paths(catalog, [str(photo_dir)], workers=0, batch_size=10)
    for event in gen:
        if isinstance(event, Progress) and event.done >= 10:
            break
    gen.close()
    assert catalog_stats(catalog)["photos"] == 10
    events = run(catalog, photo_dir)
    assert events[0] == Scanned(total=30, unchanged=10, to_index=20)
    assert catalog_stats(catalog)["photos"] == 30


def test_new_photos_are_searchable_by_folded_words(catalog, photo_dir):
    path = make_jpeg(photo_dir / "IMG_6195.jpg")
    exiftool("-overwrite_original", "-XMP-dc:Description=Đồng chí Phó Chủ tịch nước Võ Thị Ánh Xuân",
             "-XMP-photoshop:City=Lào Cai", path)
    run(catalog, photo_dir)
    pid = catalog_photo(catalog, path)["id"]
    for query in ("dong chi", "vo thi anh xuan", "VÕ THỊ", "lao cai", "6195", "img_6195", "xua"):
        assert search.search(catalog, query) == [pid], query
    assert search.search(catalog, "hanoi") == []


def test_an_undecodable_file_is_named_without_python_object_addresses(tmp_path):
    from photodesk.core.analyse import analyse
    path = tmp_path / "bad.webp"
    path.write_bytes(b"RIFF\x00\x00\x00\x00WEBP" + b"x" * 100)
    st = path.stat()
    result = analyse(str(path), st.st_size, st.st_mtime_ns, str(tmp_path / "thumbs"))
    assert result["outcome"] == "unreadable" and result["failure"] == "permanent"
    assert result["reason"] == "not a decodable image (cannot identify image file)"
