"""A small real catalog for the query tests: JPEGs tagged with exiftool, the sample article,
indexed by the real indexer; one file deleted afterwards (missing), one photo picked, one
rejected. Other query test modules build theirs with open_desk()."""

import shutil
from datetime import date

import pytest

from photodesk.core import search
from photodesk.core.catalog import Catalog
from photodesk.core.catalog import photos as catalog
from photodesk.core.edit import edit_photos
from photodesk.core.index import index_paths
from tests.conftest import ARTICLE, exiftool, make_jpeg

TODAY = date(2024, 2, 29)  # "today" for relative dates in these tests

PHOTOS = {
    "a.jpg": [
        "-XMP-dc:Description=Đồng chí Trịnh Xuân Trường phát biểu tại hội nghị",
        "-XMP-iptcExt:PersonInImage=Võ Thị Ánh Xuân", "-XMP-iptcExt:PersonInImage=Trịnh Xuân Trường",
        "-XMP-iptcExt:Event=Hội nghị thi đua khen thưởng 2024",
        "-XMP-dc:Subject=thi đua", "-XMP-dc:Subject=Lào Cai",
        "-XMP-photoshop:Headline=Lào Cai phát động thi đua", "-XMP-dc:Creator=Ngọc Hà",
        "-XMP-photoshop:Credit=TTXVN", "-XMP-photoshop:City=Lào Cai",
        "-EXIF:DateTimeOriginal=2024:02:28 14:30:00", "-EXIF:Make=Canon",
        "-EXIF:Model=Canon EOS R6", "-EXIF:LensModel=RF24-105mm F4 L IS USM",
        "-XMP-xmp:Rating=4", "-XMP-xmp:Label=Red",
        "-GPSLatitude=22.48", "-GPSLatitudeRef=N", "-GPSLongitude=103.97", "-GPSLongitudeRef=E",
    ],
    "b.jpg": [
        "-XMP-dc:Description=Phó Chủ tịch nước Võ Thị Ánh Xuân tặng ảnh Bác Hồ",
        "-XMP-iptcExt:PersonInImage=Võ Thị Ánh Xuân", "-XMP-photoshop:Credit=Báo Lào Cai",
        "-EXIF:DateTimeOriginal=2024:01:15 10:00:00", "-EXIF:Make=NIKON CORPORATION",
        "-EXIF:Model=NIKON D850", "-XMP-xmp:Rating=2",
    ],
    "c.jpg": [
        "-XMP-dc:Description=Lễ hội xuống đồng ở Sa Pa", "-XMP-dc:Subject=lễ hội",
        "-XMP-dc:Creator=Minh Đức", "-EXIF:DateTimeOriginal=2023:06:01 07:00:00",
        "-XMP-xmp:Rating=5", "-XMP-xmp:Label=Green",
    ],
    # Named by the sample article: it gets the article's caption and title.
    "IMG_6193.jpeg": [
        "-XMP-iptcExt:PersonInImage=Trịnh Xuân Trường",
        "-EXIF:DateTimeOriginal=2024:02:28 09:00:00",
    ],
    "sub/d.jpg": [],  # no caption, no date
    "gone.jpg": ["-XMP-dc:Description=Ảnh sẽ bị xóa"],
}


def build(folder) -> Catalog:
    if not ARTICLE.exists():
        pytest.skip("no sample article")
    photos = folder / "photos"
    for i, (name, tags) in enumerate(PHOTOS.items()):
        path = make_jpeg(photos / name, size=(160, 120), color=(i * 40, 90, 150))
        if tags:
            exiftool("-overwrite_original", *tags, path)
    shutil.copy(ARTICLE, photos / ARTICLE.name)
    cat = Catalog(folder / "catalog.sqlite")
    list(index_paths(cat, [str(photos)], workers=1))
    (photos / "gone.jpg").unlink()
    list(index_paths(cat, [str(photos)], workers=1))
    edit_photos(cat, [ids(cat, photos)["a.jpg"]], pick=1)
    edit_photos(cat, [ids(cat, photos)["c.jpg"]], pick=-1)
    return cat


def ids(cat, photos) -> dict[str, int]:
    return {name: catalog.photo_by_path_id(cat, str(photos / name)) for name in PHOTOS}


class Desk:
    """The catalog and a find() that answers with file names, for readable assertions."""

    def __init__(self, cat: Catalog, folder):
        self.cat, self.folder = cat, folder / "photos"
        self.ids = ids(cat, self.folder)
        self.names = {v: k for k, v in self.ids.items()}

    def find(self, query: str, **options) -> set[str]:
        page = search.run(self.cat, query, limit=100, **{"today": TODAY, **options})
        return {self.names[i] for i in page.ids}

    def ordered(self, query: str, **options) -> list[str]:
        page = search.run(self.cat, query, limit=100, **{"today": TODAY, **options})
        return [self.names[i] for i in page.ids]


def open_desk(tmp_path_factory):
    """For a module-scoped `desk` fixture: the catalog built once, closed after the module."""
    folder = tmp_path_factory.mktemp("desk")
    cat = build(folder)
    yield Desk(cat, folder)
    cat.close()


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    yield from open_desk(tmp_path_factory)


EVERY = {"a.jpg", "b.jpg", "c.jpg", "IMG_6193.jpeg", "sub/d.jpg", "gone.jpg"}


def test_the_desk_is_what_the_files_say(desk):
    """The fixture itself, checked against the catalog: what the other tests rely on."""
    a = catalog.photo(desk.cat, desk.ids["a.jpg"])
    assert a["people"] == ["Trịnh Xuân Trường", "Võ Thị Ánh Xuân"]
    assert (a["rating"], a["label"], a["pick"], a["make"]) == (4, "Red", 1, "Canon")
    assert a["gps_lat"] is not None
    article = catalog.photo(desk.cat, desk.ids["IMG_6193.jpeg"])
    assert article["articles"] and article["caption"] == "Tiết mục văn nghệ chào mừng hội nghị."
    assert catalog.photo(desk.cat, desk.ids["gone.jpg"])["status"] == "missing"
    assert desk.find("") == EVERY
