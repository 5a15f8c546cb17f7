"""Duplicates: identical files and near-identical copies grouped with their original, what the
copies lack, the original's caption, people and event given to them, copies marked."""

import shutil

from PIL import Image

from photodesk.core import people, search
from photodesk.core.catalog.photos import photo, photo_by_path_id
from photodesk.core.duplicates import (copy_from_original, duplicate_groups, mark_copies,
                                       unmark_copies)
from photodesk.core.edit import edit_photos
from photodesk.core.folders import remove_folder
from photodesk.core.index import index_paths
from photodesk.core.similar import similar
from tests.conftest import make_scene


def _taken(path, moment: str, *, size=None, quality=90):
    """The scene at path saved again (resized to size) with a camera date taken."""
    image = Image.open(path)
    if size:
        image = image.resize(size, Image.Resampling.LANCZOS)
    exif = Image.Exif()
    exif[0x8769] = {0x9003: moment}  # ExifIFD: DateTimeOriginal
    image.save(path, "JPEG", quality=quality, exif=exif.tobytes())
    return path


def test_identical_files_in_two_folders_make_one_group(catalog, tmp_path):
    first = make_scene(tmp_path / "desk" / "DSC_0001.jpg", seed=3)
    second = tmp_path / "archive" / "2024" / "DSC_0001.jpg"
    second.parent.mkdir(parents=True)
    shutil.copyfile(first, second)
    make_scene(tmp_path / "desk" / "other.jpg", seed=4)
    list(index_paths(catalog, [tmp_path / "desk", tmp_path / "archive"], workers=1))
    ids = [photo_by_path_id(catalog, str(p)) for p in (first, second)]
    [group] = duplicate_groups(catalog)
    assert group.identical and group.photo_ids == ids  # the same file: the first indexed leads
    assert group.copies[0].distance == 0 and group.copies[0].lacks == ()
    assert duplicate_groups(catalog, near=True) == [group]


def test_a_web_copy_is_grouped_with_its_original_and_lacks_what_the_desk_added(catalog, tmp_path):
    original = _taken(make_scene(tmp_path / "desk" / "DSC_1234.jpg", seed=5),
                      "2024:02:28 14:30:00")
    web = tmp_path / "web" / "DSC-1234-1709.jpg"
    web.parent.mkdir()
    image = Image.open(original)
    image.thumbnail((640, 640))
    image.crop((32, 21, 608, 406)).save(web, quality=60)  # resized, cropped 5 %, re-compressed
    list(index_paths(catalog, [tmp_path / "desk", tmp_path / "web"], workers=1))
    original_id, web_id = (photo_by_path_id(catalog, str(p)) for p in (original, web))
    edit_photos(catalog, [original_id], caption="Quang cảnh hội chợ", people=["Lê Thị Hồng Nhung"],
                event="Hội chợ Nông sản 2025")
    assert duplicate_groups(catalog) == []
    [group] = duplicate_groups(catalog, near=True)
    assert group.original == original_id and not group.identical
    [copy] = group.copies
    assert copy.photo_id == web_id and copy.distance <= 4
    assert copy.lacks == ("pixels", "caption", "people", "event", "taken_at")

    edit_photos(catalog, [web_id], caption="Chú thích của trang web")
    before = copy_from_original(catalog, original_id, [web_id])
    got = photo(catalog, web_id)
    assert got["caption"] == "Chú thích của trang web"  # its own caption is kept
    assert got["people"] == ["Lê Thị Hồng Nhung"] and got["event"] == "Hội chợ Nông sản 2025"
    assert set(search.search(catalog, "person:nhung")) == {original_id, web_id}
    people.restore(catalog, before)  # undone as any edit is
    assert photo(catalog, web_id)["people"] == [] and photo(catalog, web_id)["event"] is None

    mark_copies(catalog, original_id, [web_id])
    assert photo(catalog, web_id)["copy_of"] == original_id
    assert search.search(catalog, "has:original") == [web_id]
    assert web_id not in search.search(catalog, "-has:original")
    unmark_copies(catalog, [web_id])
    assert search.search(catalog, "has:original") == []


def test_two_frames_taken_apart_are_not_copies(catalog, tmp_path):
    """A burst: the same scene, each frame with its own date taken."""
    first = _taken(make_scene(tmp_path / "a" / "IMG_0001.jpg", seed=6), "2024:02:28 14:30:00")
    second = tmp_path / "a" / "IMG_0002.jpg"
    shutil.copyfile(first, second)
    _taken(second, "2024:02:28 14:30:01", quality=89)
    list(index_paths(catalog, [tmp_path / "a"], workers=1))
    first_id, second_id = (photo_by_path_id(catalog, str(p)) for p in (first, second))
    assert [m.photo_id for m in similar(catalog, first_id)] == [second_id]  # they look alike
    assert duplicate_groups(catalog, near=True) == []


def test_a_copy_of_a_removed_original_is_a_copy_of_nothing(catalog, tmp_path):
    original = make_scene(tmp_path / "desk" / "a.jpg", seed=7)
    copy = tmp_path / "web" / "a-small.jpg"
    copy.parent.mkdir()
    Image.open(original).resize((300, 200)).save(copy)
    list(index_paths(catalog, [tmp_path / "desk", tmp_path / "web"], workers=1))
    original_id, copy_id = (photo_by_path_id(catalog, str(p)) for p in (original, copy))
    mark_copies(catalog, original_id, [copy_id])
    remove_folder(catalog, str(tmp_path / "desk"))
    assert photo(catalog, copy_id)["copy_of"] is None
