"""IIM text decoding: the envelope's marker decides, else strict UTF-8, else cp1252."""

from photodesk.core.metadata.charset import decode_iim, iim_codec
from photodesk.core.metadata.read import read_metadata
from tests.conftest import exiftool, make_jpeg


def test_markers_name_their_codecs():
    assert iim_codec("\x1b%G") == "utf-8"
    assert iim_codec("\x1b-A") == "latin-1"
    assert iim_codec(None) is None and iim_codec("junk") is None


def test_without_a_marker_utf8_then_cp1252():
    assert decode_iim("Đồng chí".encode("utf-8"), None) == "Đồng chí"
    assert decode_iim("“Café” – José".encode("cp1252"), None) == "“Café” – José"
    assert decode_iim(b"\x81\x8d", None) == "\x81\x8d"  # bytes cp1252 leaves undefined


def test_a_latin1_marked_file_reads_right(photo_dir):
    path = make_jpeg(photo_dir / "latin.jpg")
    exiftool("-overwrite_original", "-charset", "iptc=latin", "-IPTC:CodedCharacterSet#=\x1b-A",
             "-IPTC:Caption-Abstract=Réunion à Genève", path)
    assert read_metadata(path.read_bytes()).fields["caption"] == "Réunion à Genève"


def test_damaged_exif_still_gives_iptc_and_xmp(corpus):
    data = (corpus / "exif-samples/jpg/tests/30-type_error.jpg").read_bytes()
    meta = read_metadata(data)
    assert meta.fields.get("copyright")  # read despite "Wrong format for ExifOffset"
