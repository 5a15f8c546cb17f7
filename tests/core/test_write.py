"""Writing metadata back: lossless, atomic, verified, as exiftool (the independent reader) sees it."""

import csv
import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import pyexiv2
import pytest
from blake3 import blake3
from defusedxml import ElementTree
from PIL import Image

from photodesk.core import thumbs
from photodesk.core.catalog import photos as store
from photodesk.core.edit import edit_photos
from photodesk.core.index import Indexed, Scanned, index_paths
from photodesk.core.metadata import iim
from photodesk.core.metadata.exiv2 import Exiv2Problem, check_file, watched
from photodesk.core.metadata.files import FileChanged, replace_file
from photodesk.core.metadata.sidecar import sidecar_path
from photodesk.core.metadata.values import fit
from photodesk.core.jobs import Failed, Skipped
from photodesk.core.metadata.write import Written, write_file, write_photos
from photodesk.core.preflight import preflight_write
from tests.conftest import CORPUS, exiftool, make_jpeg
from photodesk.core.catalog import edits as catalog_edits

CAPTION = ("Phó Chủ tịch nước Võ Thị Ánh Xuân và Chủ tịch UBND tỉnh Nguyễn Văn An thăm gian hàng "
           "chè Shan tuyết tại Hội chợ Nông sản an toàn, sáng 15/3.")
VALUES = {
    "caption": CAPTION,
    "headline": "Khai mạc Hội chợ Nông sản an toàn tỉnh Hòa Sơn",
    "keywords": ["nông sản", "hội chợ", "Hòa Sơn"],
    "people": ["Võ Thị Ánh Xuân", "Nguyễn Văn An"],
    "event": "Hội chợ Nông sản an toàn tỉnh Hòa Sơn 2025",
}
# exiftool -G1 names of what we write, and of what changes because we wrote it.
WRITTEN = {"XMP-dc:Description", "XMP-dc:Subject", "XMP-photoshop:Headline",
           "XMP-iptcExt:PersonInImage", "XMP-iptcExt:Event", "IPTC:Caption-Abstract",
           "IPTC:Headline", "IPTC:Keywords", "IPTC:CodedCharacterSet",
           "IPTC:EnvelopeRecordVersion", "IPTC:ApplicationRecordVersion"}
VOLATILE_GROUPS = {"System", "File", "Composite", "ExifTool"}
# The XMP packet is edited in place, so its toolkit name and rdf:about are not volatile.
VOLATILE = {"SourceFile", "Photoshop:IPTCDigest"}
RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
XMP_NS = {"dc": "http://purl.org/dc/elements/1.1/",
          "iptcExt": "http://iptc.org/std/Iptc4xmpExt/2008-02-29/"}


def corpus_jpegs() -> list[str]:
    with open(CORPUS / "MANIFEST.tsv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return [r["path"] for r in rows if r["pillow_full_decode"] == "ok"]


def read_json(*files, args=("-G1", "-a", "-struct")) -> dict[str, dict]:
    out = exiftool("-j", *args, *files)
    return {d["SourceFile"]: d for d in json.loads(out)}


def scan_data(data: bytes) -> bytes:
    """The compressed image data, located by Pillow's own JPEG parser (not ours)."""
    image = Image.open(io.BytesIO(data))
    return data[image.fp.tell():]


def raw_xmp(path: Path) -> bytes:
    """The packet as exiftool extracts it; the NUL padding some writers leave after it (kept
    as it was) is no XML."""
    return subprocess.run(["exiftool", "-b", "-XMP", str(path)], capture_output=True,
                          check=True).stdout.rstrip(b"\x00")


def container(packet: bytes, prefix: str, name: str) -> str | None:
    element = next(ElementTree.fromstring(packet).iter("{%s}%s" % (XMP_NS[prefix], name)), None)
    if element is None:
        return None
    return next((child.tag.removeprefix(RDF) for child in element), None)


def others(tags: dict) -> dict:
    """Tags we did not write (empty values included: they must stay too)."""
    return {k: v for k, v in tags.items() if k not in WRITTEN | VOLATILE
            and k.split(":")[0] not in VOLATILE_GROUPS}


@pytest.fixture(scope="module")
def corpus_written(tmp_path_factory):
    """Every readable corpus JPEG, copied and written once with VALUES (the default policy)."""
    if not CORPUS.is_dir():
        pytest.skip(f"no corpus at {CORPUS}")
    exiftool("-ver")
    folder = tmp_path_factory.mktemp("corpus")
    files = {}
    for i, rel in enumerate(corpus_jpegs()):
        dest = folder / f"{i:03d}_{Path(rel).name}"
        shutil.copyfile(CORPUS / rel, dest)
        files[str(dest)] = rel
    before = read_json(*files)
    originals = {p: Path(p).read_bytes() for p in files}
    results = {}
    for path in files:
        try:
            results[path] = write_file(path, VALUES)
        except Exception as exc:  # a refusal is an outcome to check, not a test error
            results[path] = exc
    embedded = [p for p, r in results.items() if getattr(r, "target", None) == "file"]
    after = read_json(*embedded) if embedded else {}
    return files, originals, before, after, results


def test_every_corpus_jpeg_is_written_exactly_or_left_untouched(corpus_written):
    files, originals, before, after, results = corpus_written
    embedded = [p for p, r in results.items() if getattr(r, "target", None) == "file"]
    assert len(embedded) >= 0.8 * len(files), "most corpus files must take embedded metadata"
    for path, result in results.items():
        if path in embedded:
            continue
        assert Path(path).read_bytes() == originals[path], f"{files[path]} was changed"
        if getattr(result, "target", None) == "sidecar":
            assert result.notes and "written to the sidecar" in result.notes[0]
        else:
            assert str(result), f"{files[path]}: a refusal must say why"


def test_written_fields_read_back_exactly_in_xmp_and_iim(corpus_written):
    files, _, _, after, _ = corpus_written
    for path, tags in after.items():
        where = files[path]
        assert tags["XMP-dc:Description"] == CAPTION, where
        assert tags["IPTC:Caption-Abstract"] == CAPTION, where
        assert tags["XMP-photoshop:Headline"] == VALUES["headline"] == tags["IPTC:Headline"]
        assert tags["XMP-dc:Subject"] == VALUES["keywords"] == tags["IPTC:Keywords"], where
        assert tags["XMP-iptcExt:PersonInImage"] == VALUES["people"], where
        assert tags["XMP-iptcExt:Event"] == VALUES["event"], where
        assert tags["IPTC:CodedCharacterSet"] == "UTF8", where


def test_lists_are_rdf_bags(corpus_written):
    files, _, _, after, _ = corpus_written
    for path in list(after)[:25]:
        packet = raw_xmp(Path(path))
        assert container(packet, "dc", "subject") == "Bag", files[path]
        assert container(packet, "iptcExt", "PersonInImage") == "Bag", files[path]


def test_image_data_is_byte_identical(corpus_written):
    files, originals, _, after, _ = corpus_written
    for path in after:
        assert scan_data(Path(path).read_bytes()) == scan_data(originals[path]), files[path]


def test_other_tags_are_unchanged(corpus_written):
    files, _, before, after, _ = corpus_written
    for path, tags in after.items():
        old, new = others(before[path]), others(tags)
        if not any(k.startswith("XMP-") for k in before[path]):
            assert new.pop("XMP-x:XMPToolkit") == "PhotoDesk"  # a new packet says who made it
        assert old == new, (files[path], {k: (old.get(k), new.get(k)) for k in set(old) | set(new)
                                          if old.get(k) != new.get(k)})


def test_sidecars_carry_the_values(corpus_written):
    files, _, _, _, results = corpus_written
    sidecars = [r.written_to for r in results.values() if getattr(r, "target", None) == "sidecar"]
    assert sidecars, "the corpus has files whose write cannot be proved: they get sidecars"
    for tags in read_json(*sidecars).values():
        assert tags["XMP-dc:Description"] == CAPTION
        assert tags["XMP-iptcExt:PersonInImage"] == VALUES["people"]


# --- damaged EXIF -----------------------------------------------------------------------------

DAMAGED = "exif-samples/jpg/tests/30-type_error.jpg"  # MANIFEST: "Wrong format … ExifOffset"


def exif_block(path: Path) -> bytes:
    return subprocess.run(["exiftool", "-b", "-EXIF", str(path)], capture_output=True,
                          check=True).stdout


def made_damaged(folder: Path) -> Path:
    """A JPEG whose ExifIFD pointer points far past the EXIF block."""
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "PhotoDesk", "Damaged"
    exif.get_ifd(0x8769)[0x9003] = "2025:03:15 09:30:00"
    path = make_jpeg(folder / "damaged.jpg", exif=exif.tobytes())
    data = path.read_bytes()
    entry = data.index(b"\x87\x69\x00\x04\x00\x00\x00\x01")  # II byte order: tag, LONG, 1
    path.write_bytes(data[:entry + 8] + b"\xff\xff\x00\x00" + data[entry + 12:])
    return path


@pytest.mark.parametrize("source", ["corpus", "made"])
def test_damaged_exif_is_embedded_by_default_and_keeps_its_bytes(tmp_path, source):
    """exiv2's warning is about the EXIF block, which the splice copies without parsing: the
    write proves exact, so the photo takes its metadata."""
    if source == "corpus":
        path = tmp_path / "damaged.jpg"
        shutil.copyfile(CORPUS / DAMAGED if CORPUS.is_dir() else pytest.skip("no corpus"), path)
    else:
        path = made_damaged(tmp_path)
    exif_before = exif_block(path)
    assert check_file(path.read_bytes()), "exiv2 must warn about this file"
    result = write_file(path, VALUES)
    assert result.target == "file" and not result.notes
    assert exif_block(path) == exif_before and exif_before
    tags = read_json(path)[str(path)]
    assert tags["IPTC:Caption-Abstract"] == CAPTION == tags["XMP-dc:Description"]
    assert not sidecar_path(path).exists()


def test_damaged_exif_gets_a_sidecar_when_asked(tmp_path):
    path = made_damaged(tmp_path)
    original = path.read_bytes()
    result = write_file(path, VALUES, damaged_exif="sidecar")
    assert result.target == "sidecar" and "exiv2 reports a problem" in result.notes[0]
    assert path.read_bytes() == original
    assert json.loads(exiftool("-j", "-XMP-dc:Description", sidecar_path(path)))[0][
        "Description"] == CAPTION


def test_fact_muted_pyexiv2_rewrites_damaged_exif_silently_and_we_refuse(tmp_path):
    """Why the writer never lets exiv2 write a whole file: muted, it re-encodes a damaged EXIF
    block without a word; at the warning level the same file raises."""
    data = (CORPUS / DAMAGED).read_bytes() if CORPUS.is_dir() else pytest.skip("no corpus")
    pyexiv2.set_log_level(4)
    image = pyexiv2.ImageData(data)
    image.modify_xmp({"Xmp.dc.subject": ["x"]})
    muted = image.get_bytes()
    image.close()
    before, after = tmp_path / "before.jpg", tmp_path / "after.jpg"
    before.write_bytes(data)
    after.write_bytes(muted)
    assert exif_block(before) != exif_block(after)  # changed, and nothing was raised
    with pytest.raises(Exiv2Problem, match="0x8769"):
        with watched():
            pyexiv2.ImageData(data).close()


def test_fact_log_level_is_restored_for_reading(capfd):
    """read.py mutes exiv2 at import; the writer warns during writes and mutes again after."""
    data = (CORPUS / DAMAGED).read_bytes() if CORPUS.is_dir() else pytest.skip("no corpus")
    assert check_file(data)
    capfd.readouterr()
    image = pyexiv2.ImageData(data)  # a read after a write: no warning reaches stdout
    image.close()
    assert "[warn]" not in capfd.readouterr().out


def test_fact_pyexiv2_writes_lists_as_seq_and_we_write_bags(tmp_path):
    path = make_jpeg(tmp_path / "a.jpg")
    image = pyexiv2.ImageData(path.read_bytes())
    image.modify_xmp({"Xmp.dc.subject": ["a", "b"]})
    assert "<rdf:Seq>" in image.read_raw_xmp()
    image.close()
    write_file(path, VALUES)
    assert container(raw_xmp(path), "dc", "subject") == "Bag"
    assert container(raw_xmp(path), "iptcExt", "PersonInImage") == "Bag"


def test_fact_iim_without_utf8_marker_is_garbled_in_exiftool(tmp_path):
    path = make_jpeg(tmp_path / "a.jpg")
    write_file(path, {"caption": CAPTION})
    assert json.loads(exiftool("-j", "-IPTC:Caption-Abstract", path))[0][
        "Caption-Abstract"] == CAPTION
    # The same IIM without the ESC % G marker: exiftool reads it as Latin-1.
    data = path.read_bytes()
    marker = bytes([0x1C, 1, 90, 0, 3]) + b"\x1b%G"
    stripped = tmp_path / "b.jpg"
    stripped.write_bytes(data.replace(marker, bytes([0x1C, 1, 90, 0, 3]) + b"   "))
    shown = json.loads(exiftool("-j", "-IPTC:Caption-Abstract", stripped))[0]["Caption-Abstract"]
    assert shown != CAPTION and "Ã" in shown


# --- IIM limits ---------------------------------------------------------------------------------

def test_iim_limits_cut_whole_characters_and_xmp_keeps_everything(tmp_path):
    path = make_jpeg(tmp_path / "a.jpg")
    caption = "Đồng chí Võ Thị Ánh Xuân phát biểu. " * 80  # over 2000 bytes in UTF-8
    credit = "Thông tấn xã Việt Nam / TTXVN ảnh"
    result = write_file(path, {"caption": caption, "credit": credit})
    tags = read_json(path)[str(path)]
    assert tags["XMP-dc:Description"] == caption.strip()
    iim_caption = tags["IPTC:Caption-Abstract"]
    assert len(iim_caption.encode()) <= 2000 and caption.startswith(iim_caption)
    assert len(iim_caption.encode()) > 1995
    assert tags["IPTC:Credit"] == fit(credit, 32) and len(tags["IPTC:Credit"].encode()) <= 32
    assert tags["XMP-photoshop:Credit"] == credit
    assert {c.field for c in result.cuts} == {"caption", "credit"}


def test_fit_never_splits_a_character():
    assert fit("Việt", 3) == "Vi"           # ệ is 3 bytes: it goes whole or not at all
    assert fit("Vie\u0302\u0323t", 4) == "Vi"  # NFC first, so no stray combining mark
    assert fit("abc", 64) == "abc"


def test_legacy_latin1_iim_is_reencoded_when_the_marker_becomes_utf8(tmp_path):
    path = make_jpeg(tmp_path / "a.jpg")
    exiftool("-overwrite_original", "-charset", "iptc=Latin", "-IPTC:City=São José",
             "-IPTC:Caption-Abstract=old", path)
    assert json.loads(exiftool("-j", "-IPTC:CodedCharacterSet", path))[0].get(
        "CodedCharacterSet") is None
    write_file(path, {"caption": CAPTION})
    tags = read_json(path)[str(path)]
    assert tags["IPTC:City"] == "São José" and tags["IPTC:Caption-Abstract"] == CAPTION


# --- the catalog, files and refusals --------------------------------------------------------------

def test_write_updates_the_catalog_so_a_rescan_sees_no_change(catalog, photo_dir):
    photo = make_jpeg(photo_dir / "DSC_0001.jpg")
    list(index_paths(catalog, [photo_dir], workers=1))
    pid = catalog.db.execute("SELECT id FROM photos").fetchone()[0]
    old_hash = store.photo(catalog, pid)["hash"]
    edit_photos(catalog, [pid], caption=CAPTION, people=VALUES["people"], rating=4)
    events = list(write_photos(catalog, [pid]))
    written = [e for e in events if isinstance(e, Written)]
    assert written and written[0].target == "file"
    assert set(written[0].fields) == {"caption", "people", "rating"}
    row = store.photo(catalog, pid)
    st = os.stat(photo)
    assert (row["size"], row["mtime_ns"]) == (st.st_size, st.st_mtime_ns)
    assert row["hash"] == blake3(photo.read_bytes()).hexdigest() != old_hash
    assert catalog_edits.edited_fields(catalog, pid) == []
    assert thumbs.has_thumbnails(catalog.thumbs_dir, row["hash"])
    rescan = list(index_paths(catalog, [photo_dir], workers=1))
    assert [e for e in rescan if isinstance(e, Scanned)][0].unchanged == 1
    assert not [e for e in rescan if isinstance(e, Indexed)]
    again = list(write_photos(catalog, [pid]))
    assert isinstance(again[0], Skipped) and again[0].photo_id == pid
    tags = read_json(photo)[str(photo)]
    assert tags["XMP-xmp:Rating"] == 4
    assert sorted(tags["XMP-iptcExt:PersonInImage"]) == sorted(VALUES["people"])  # a Bag


def test_read_only_file_gets_a_sidecar_and_is_untouched(tmp_path):
    path = make_jpeg(tmp_path / "locked.jpg")
    os.chmod(path, 0o444)
    original = path.read_bytes()
    result = write_file(path, VALUES)
    assert result.target == "sidecar" and "read-only" in result.notes[0]
    assert path.read_bytes() == original
    assert sidecar_path(path).exists()


def test_existing_sidecar_keeps_its_other_properties(tmp_path):
    path = make_jpeg(tmp_path / "a.jpg")
    side = sidecar_path(path)
    exiftool("-o", side, "-XMP-dc:Rights=© Báo Nhân Dân", "-XMP-photoshop:City=Hà Nội", path)
    write_file(path, {"caption": CAPTION}, sidecar=True)
    tags = read_json(side)[str(side)]
    assert tags["XMP-dc:Rights"] == "© Báo Nhân Dân" and tags["XMP-photoshop:City"] == "Hà Nội"
    assert tags["XMP-dc:Description"] == CAPTION


def test_png_gets_a_sidecar(tmp_path):
    path = tmp_path / "a.png"
    Image.new("RGB", (8, 8)).save(path)
    result = write_file(path, VALUES)
    assert result.target == "sidecar" and "only JPEG" in result.notes[0]


def test_a_file_changed_meanwhile_is_not_replaced(tmp_path):
    path = make_jpeg(tmp_path / "a.jpg")
    stale = os.stat(path)
    path.write_bytes(path.read_bytes() + b"\x00")
    with pytest.raises(FileChanged):
        replace_file(path, b"new", stale)
    assert path.read_bytes().endswith(b"\x00")
    assert [p.name for p in tmp_path.iterdir()] == ["a.jpg"]  # no temp file left behind


def test_missing_file_is_not_written_with_a_reason(catalog, photo_dir):
    photo = make_jpeg(photo_dir / "gone.jpg")
    list(index_paths(catalog, [photo_dir], workers=1))
    pid = catalog.db.execute("SELECT id FROM photos").fetchone()[0]
    edit_photos(catalog, [pid], caption="x")
    photo.unlink()
    event = next(iter(write_photos(catalog, [pid])))
    assert isinstance(event, Failed) and "cannot read" in event.reason and event.photo_id == pid


def test_iim_datasets_we_do_not_own_keep_their_bytes():
    block = iim.encode_iim([(1, 0, b"\x00\x04"), (2, 0, b"\x00\x04"), (2, 60, b"093000"),
                            (2, 120, b"old"), (2, 122, "Lê Văn".encode())])
    datasets, _ = iim.updated(iim.parse_iim(block), {"caption": "mới"})
    assert (2, 60, b"093000") in datasets and (2, 122, "Lê Văn".encode()) in datasets
    assert (2, 120, "mới".encode()) in datasets and (1, 90, b"\x1b%G") in datasets


# --- pre-flight ---------------------------------------------------------------------------------

def test_preflight_reports_cuts_missing_credit_disagreements_and_sidecars(catalog, photo_dir):
    a = make_jpeg(photo_dir / "a.jpg")
    b = make_jpeg(photo_dir / "b.jpg", color=(10, 200, 10))
    exiftool("-overwrite_original", "-XMP-dc:Description=Chú thích XMP",
             "-IPTC:Caption-Abstract=Chu thich IIM", a)
    list(index_paths(catalog, [photo_dir], workers=1))
    ids = {r["name"]: r["id"] for r in catalog.db.query("SELECT id, name FROM photos")}
    edit_photos(catalog, [ids["a.jpg"]], headline="Tiêu đề " * 40)
    edit_photos(catalog, [ids["b.jpg"]], credit="TTXVN", copyright="© TTXVN")
    os.chmod(b, 0o444)
    report = preflight_write(catalog, ids.values())
    kinds = {(Path(i.path).name, i.kind) for i in report.issues}
    assert ("a.jpg", "iim_limit") in kinds and ("a.jpg", "missing_credit") in kinds
    assert ("a.jpg", "missing_copyright") in kinds and ("a.jpg", "disagree") in kinds
    assert ("b.jpg", "sidecar") in kinds and ("b.jpg", "missing_credit") not in kinds
    disagree = report.of_kind("disagree")[0].message
    assert "Chú thích XMP" in disagree and "Chu thich IIM" in disagree
    assert any("Headline" in line and "256" in line for line in report.lines(verbose=True))
