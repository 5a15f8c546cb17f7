"""The metadata readers get only a JPEG's header: they read the same from it as from the
whole file, and a header that cannot be walked leaves them the whole file."""

import pytest

from photodesk.core.analyse import metadata_part
from photodesk.core.formats import sniff
from photodesk.core.metadata.read import read_metadata
from tests.conftest import make_jpeg


def test_every_corpus_jpeg_reads_the_same_from_its_header(corpus):
    checked = 0
    for path in sorted(corpus.rglob("*")):
        if not path.is_file() or path.suffix.lower() not in (".jpg", ".jpeg"):
            continue
        data = path.read_bytes()
        if sniff(data[:16]) != "JPEG":
            continue
        part = metadata_part(data, "JPEG")
        assert len(part) < len(data) or len(data) < 1000, path
        assert read_metadata(part) == read_metadata(data), path
        checked += 1
    assert checked >= 100


def test_the_header_ends_where_the_image_data_starts(photo_dir):
    data = make_jpeg(photo_dir / "a.jpg", size=(2000, 1500), exif=b"Exif\x00\x00").read_bytes()
    part = metadata_part(data, "JPEG")
    assert data.startswith(part[:-2]) and part.endswith(b"\xff\xd9")
    assert data[len(part) - 2:len(part)] == b"\xff\xda"  # start of scan


@pytest.mark.parametrize("damage", ["cut in the header", "no marker where one must be"])
def test_a_header_that_cannot_be_walked_leaves_the_whole_file(photo_dir, damage):
    data = make_jpeg(photo_dir / "a.jpg").read_bytes()
    if damage == "cut in the header":
        data = data[:40]
    else:
        data = data[:2] + b"\x00" + data[3:]
    assert metadata_part(data, "JPEG") is data


def test_other_formats_are_given_whole():
    data = b"\x89PNG\r\n\x1a\n" + bytes(100)
    assert metadata_part(data, "PNG") is data
