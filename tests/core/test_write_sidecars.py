"""Sidecar names: one sidecar per photo, even when photos share a name, found again run after run."""

import json
import shutil

import pytest
from click.testing import CliRunner
from PIL import Image

from photodesk.cli import main
from photodesk.core import export
from photodesk.core.edit import edit_photos
from photodesk.core.export.selection import of_photos
from photodesk.core.index import index_paths
from photodesk.core.metadata.read import read_metadata
from photodesk.core.metadata.sidecar import own_sidecar, read_sidecar, sidecar_path
from photodesk.core.metadata.write import write_file
from tests.conftest import CORPUS, exiftool, make_jpeg
from photodesk.core.catalog import edits as catalog_edits

PEOPLE = {"same.jpg": "Võ Thị Ánh Xuân", "same.jpeg": "Nguyễn Văn An", "same.png": "Lê Thị Hồng"}


def make_png(path, color=(10, 120, 200)):
    Image.new("RGB", (64, 48), color).save(path)
    return path


def three_photos(folder):
    """same.jpg, same.jpeg and same.png: one stem, three photos."""
    make_jpeg(folder / "same.jpg")
    make_jpeg(folder / "same.jpeg", color=(20, 200, 90))
    make_png(folder / "same.png")
    return [folder / n for n in PEOPLE]


def sidecar_tags(path) -> dict:
    return json.loads(exiftool("-j", "-struct", "-XMP:all", path))[0]


def test_three_photos_sharing_a_stem_get_one_sidecar_each_through_the_cli(tmp_path):
    folder = tmp_path / "photos"
    folder.mkdir()
    photos = three_photos(folder)
    cat = tmp_path / "c.sqlite"
    env = {"XDG_CONFIG_HOME": str(tmp_path / "config")}

    def invoke(*args):
        return CliRunner().invoke(main, ["--catalog", str(cat), *map(str, args)], env=env)

    assert invoke("index", "-q", folder).exit_code == 0
    for photo in photos:
        result = invoke("edit", photo, "--caption", f"Ảnh {photo.name}",
                        "--person", PEOPLE[photo.name])
        assert result.exit_code == 0, result.output
    result = invoke("write", "--edited", "--sidecar")
    assert result.exit_code == 0, result.output
    assert "0 written, 3 sidecars" in result.output
    assert sorted(p.name for p in folder.glob("*.xmp")) == [
        "same.jpeg.xmp", "same.jpg.xmp", "same.png.xmp"]
    for photo in photos:
        tags = sidecar_tags(folder / (photo.name + ".xmp"))
        assert tags["Description"] == f"Ảnh {photo.name}"
        assert tags["PersonInImage"] == [PEOPLE[photo.name]]
        assert "SidecarForExtension" not in tags  # the name says whose it is
    # Written to the sidecars, the edits are no longer pending.
    again = invoke("write", "--edited")
    assert again.exit_code == 0 and "0 written, 0 sidecars, 0 unchanged" in again.output


def test_a_plain_sidecar_keeps_being_its_photos_when_a_namesake_arrives(tmp_path):
    first = make_jpeg(tmp_path / "same.jpg")
    result = write_file(first, {"caption": "Một"}, sidecar=True)
    assert result.written_to == tmp_path / "same.xmp"  # unique stem: the name Lightroom reads
    assert sidecar_tags(result.written_to)["SidecarForExtension"] == "jpg"
    make_png(tmp_path / "same.png")
    again = write_file(first, {"caption": "Một, sửa lại"}, sidecar=True)
    assert again.written_to == tmp_path / "same.xmp"  # found again, not duplicated
    png = write_file(tmp_path / "same.png", {"caption": "Hai"})
    assert png.target == "sidecar" and png.written_to == tmp_path / "same.png.xmp"
    assert sorted(p.name for p in tmp_path.glob("*.xmp")) == ["same.png.xmp", "same.xmp"]
    assert sidecar_tags(tmp_path / "same.xmp")["Description"] == "Một, sửa lại"
    assert sidecar_tags(tmp_path / "same.png.xmp")["Description"] == "Hai"
    assert own_sidecar(first) == tmp_path / "same.xmp"
    assert own_sidecar(tmp_path / "same.png") == tmp_path / "same.png.xmp"


def test_a_long_sidecar_stays_when_the_namesake_goes(tmp_path):
    jpg = make_jpeg(tmp_path / "same.jpg")
    png = make_png(tmp_path / "same.png")
    assert write_file(jpg, {"caption": "A"}, sidecar=True).written_to.name == "same.jpg.xmp"
    png.unlink()
    assert write_file(jpg, {"caption": "B"}, sidecar=True).written_to.name == "same.jpg.xmp"
    assert [p.name for p in tmp_path.glob("*.xmp")] == ["same.jpg.xmp"]


def test_an_unmarked_plain_sidecar_of_a_unique_stem_is_updated_and_marked(tmp_path):
    photo = make_jpeg(tmp_path / "DSC_0412.jpg")
    side = tmp_path / "DSC_0412.xmp"
    exiftool("-o", side, "-XMP-photoshop:City=Hà Nội", photo)  # as another program leaves it
    write_file(photo, {"caption": "Chú thích"}, sidecar=True)
    tags = sidecar_tags(side)
    assert tags["City"] == "Hà Nội" and tags["Description"] == "Chú thích"
    assert tags["SidecarForExtension"] == "jpg"
    assert [p.name for p in tmp_path.glob("*.xmp")] == ["DSC_0412.xmp"]


def test_an_unmarked_plain_sidecar_of_a_shared_stem_is_nobodys_and_left_alone(tmp_path):
    jpg, png = make_jpeg(tmp_path / "same.jpg"), make_png(tmp_path / "same.png")
    side = tmp_path / "same.xmp"
    exiftool("-o", side, "-XMP-dc:Description=trộn lẫn", jpg)  # the mixed file of old
    before = side.read_bytes()
    result = write_file(png, {"caption": "PNG"})
    assert result.written_to == tmp_path / "same.png.xmp"
    assert any("same.xmp does not say which photo" in n for n in result.notes)
    assert side.read_bytes() == before
    assert own_sidecar(jpg) is None and sidecar_path(jpg) == tmp_path / "same.jpg.xmp"


def test_a_sidecar_marked_for_a_raw_file_is_never_taken(tmp_path):
    jpg = make_jpeg(tmp_path / "DSC_0001.jpg")
    (tmp_path / "DSC_0001.NEF").write_bytes(b"raw")
    side = tmp_path / "DSC_0001.xmp"
    exiftool("-o", side, "-XMP-photoshop:SidecarForExtension=NEF", "-XMP-dc:Description=raw",
             jpg)
    before = side.read_bytes()
    assert write_file(jpg, {"caption": "JPEG"}, sidecar=True).written_to.name == \
        "DSC_0001.jpg.xmp"
    assert side.read_bytes() == before


def test_both_forms_are_read_back(catalog, tmp_path):
    jpg, png = make_jpeg(tmp_path / "same.jpg"), make_png(tmp_path / "same.png")
    write_file(jpg, {"caption": "JPEG", "people": ["An"]}, sidecar=True)
    write_file(png, {"caption": "PNG"})
    solo = make_jpeg(tmp_path / "solo.jpg")
    write_file(solo, {"caption": "Solo"}, sidecar=True)
    assert (tmp_path / "solo.xmp").exists()
    for photo, caption in ((jpg, "JPEG"), (png, "PNG"), (solo, "Solo")):
        meta = read_metadata(photo.read_bytes(), read_sidecar(photo))
        assert meta.fields["caption"] == caption, photo.name
    assert read_metadata(jpg.read_bytes(), read_sidecar(jpg)).fields["people"] == ["An"]


def test_exported_sidecars_of_namesakes_do_not_collide(catalog, tmp_path):
    folder = tmp_path / "photos"
    folder.mkdir()
    photos = three_photos(folder)
    (folder / "other.jpg").write_bytes(make_jpeg(tmp_path / "x.jpg").read_bytes())
    list(index_paths(catalog, [folder], workers=1))
    ids = {r["name"]: r["id"] for r in catalog.db.query("SELECT id, name FROM photos")}
    for photo in photos:
        edit_photos(catalog, [ids[photo.name]], caption=f"Ảnh {photo.name}")
    out = tmp_path / "out"
    plan = export.plan(catalog, of_photos(catalog, list(ids.values())), "xmp")
    list(export.run(plan, out))
    assert sorted(p.name for p in out.iterdir()) == [
        "other.xmp", "same.jpeg.xmp", "same.jpg.xmp", "same.png.xmp"]
    for photo in photos:
        assert sidecar_tags(out / (photo.name + ".xmp"))["Description"] == f"Ảnh {photo.name}"
    assert catalog_edits.edited_fields(catalog, ids["same.jpg"]) == ["caption"]  # export writes no photo


def test_jpeg_copies_that_need_sidecars_get_one_each(catalog, tmp_path):
    """Two copies named same.jpg and same.jpeg whose metadata cannot be embedded (an AFCP
    trailer) get same.jpg.xmp and same.jpeg.xmp, not one same.xmp twice."""
    afcp = CORPUS / "exiftool/t/images/AFCP.jpg"
    if not afcp.exists():
        pytest.skip("no corpus")
    folder = tmp_path / "photos"
    folder.mkdir()
    for name in ("same.jpg", "same.jpeg"):
        shutil.copyfile(afcp, folder / name)
    list(index_paths(catalog, [folder], workers=1))
    ids = [r["id"] for r in catalog.db.query("SELECT id FROM photos")]
    edit_photos(catalog, ids, caption="Chú thích")
    out = tmp_path / "out"
    list(export.run(export.plan(catalog, of_photos(catalog, ids), "jpeg"), out))
    assert sorted(p.name for p in out.iterdir()) == [
        "same.jpeg", "same.jpeg.xmp", "same.jpg", "same.jpg.xmp"]


def written_to_sidecar(tmp_path, caption: str):
    """A catalog (open) with one indexed photo whose caption was edited and written to its
    sidecar: (catalog, photo id, photo path)."""
    from photodesk.core.catalog import Catalog
    from photodesk.core.catalog import photos as catalog
    from photodesk.core.edit import edit_photos
    from photodesk.core.index import index_paths
    from photodesk.core.metadata.write import write_photos
    folder = tmp_path / "p"
    photo = make_jpeg(folder / "a.jpg")
    cat = Catalog(tmp_path / "c.sqlite")
    list(index_paths(cat, [str(folder)], workers=1))
    pid = catalog.photo_by_path_id(cat, str(photo))
    edit_photos(cat, [pid], caption=caption)
    list(write_photos(cat, [pid], sidecar=True))
    return cat, pid, photo


def test_edits_written_to_a_sidecar_stay_the_catalogs_when_the_photo_moves_without_it(tmp_path):
    from photodesk.core.catalog import photos as catalog
    from photodesk.core.index import index_paths
    cat, pid, photo = written_to_sidecar(tmp_path, "Chú thích của biên tập viên")
    with cat:
        assert catalog_edits.edited_photo_ids(cat) == []  # no longer waiting to be written
        (photo.parent / "sub").mkdir()
        photo.rename(photo.parent / "sub" / "a.jpg")  # its sidecar stays behind
        list(index_paths(cat, [str(photo.parent)], workers=1))
        assert catalog.photo(cat, pid)["caption"] == "Chú thích của biên tập viên"


def test_a_broken_sidecar_costs_the_sidecar_not_the_photo(tmp_path):
    from photodesk.core.catalog import Catalog
    from photodesk.core.catalog import photos as catalog
    from photodesk.core.index import Indexed, index_paths
    folder = tmp_path / "p"
    photo = make_jpeg(folder / "a.jpg")
    (folder / "a.jpg.xmp").write_bytes(b'<?xml version="1.0"')
    with Catalog(tmp_path / "c.sqlite") as cat:
        events = list(index_paths(cat, [str(folder)], workers=1))
        assert any(isinstance(e, Indexed) for e in events)
        assert catalog.photo_by_path(cat, str(photo))["status"] == "present"


def test_edits_written_to_a_sidecar_are_embedded_when_the_photo_is_written_again(tmp_path):
    from photodesk.core.metadata.write import write_photos
    cat, pid, photo = written_to_sidecar(tmp_path, "Ghi vào tệp kèm")
    with cat:
        list(write_photos(cat, [pid]))  # the folder can take it now: into the photo
    assert exiftool("-s3", "-XMP-dc:Description", photo).strip() == "Ghi vào tệp kèm"
