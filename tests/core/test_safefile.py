"""safefile.replacing(): the file is replaced whole or left as it was, and no temp file stays."""

import fcntl
import os
import stat

import pytest

from photodesk.core import export
from photodesk.core.metadata.files import FileExists, place_new
from photodesk.core.safefile import replacing
from tests.conftest import make_jpeg


def chunks(fail_after: int):
    for n in range(fail_after):
        yield f"dòng {n}\n".encode() * 1000
    raise OSError("the source went away")


def names(folder) -> list[str]:
    return sorted(os.listdir(folder))


def test_a_write_that_fails_midway_leaves_the_original_and_no_temp_file(tmp_path):
    target = tmp_path / "chú thích.txt"
    target.write_bytes(b"the original")
    with pytest.raises(OSError, match="went away"):
        with replacing(target) as temp:
            for chunk in chunks(3):
                temp.write(chunk)
    assert target.read_bytes() == b"the original"
    assert names(tmp_path) == ["chú thích.txt"]


def test_a_refused_rename_leaves_the_original_and_no_temp_file(tmp_path):
    target = tmp_path / "a.txt"
    target.write_bytes(b"there first")
    with pytest.raises(FileExists):
        with replacing(target, place=place_new) as temp:
            temp.write(b"new")
    assert target.read_bytes() == b"there first" and names(tmp_path) == ["a.txt"]


def test_a_finished_write_replaces_the_file_with_a_new_files_mode(tmp_path):
    target = tmp_path / "a.txt"
    target.write_bytes(b"old")
    os.chmod(target, 0o600)
    umask = os.umask(0o022)
    try:
        with replacing(target, lock=True) as temp:
            temp.write(b"whole")
            assert temp.path.parent == tmp_path and temp.path.name.startswith(".a.txt.")
            with open(temp.path, "rb") as other:  # the writer holds its lock until the rename
                with pytest.raises(BlockingIOError):
                    fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
    finally:
        os.umask(umask)
    assert target.read_bytes() == b"whole" and names(tmp_path) == ["a.txt"]
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o644


def test_a_zip_export_stopped_midway_leaves_nothing(catalog, photo_dir, tmp_path):
    from photodesk.core.catalog import photos as store
    from photodesk.core.index import index_paths
    photos = [make_jpeg(photo_dir / f"{n}.jpg", color=(50 * n, 9, 9)) for n in range(3)]
    list(index_paths(catalog, [photo_dir], workers=1))
    ids = [store.photo_by_path_id(catalog, str(p)) for p in photos]
    plan = export.plan(catalog, export.of_photos(catalog, ids), "jpeg")
    out = tmp_path / "out"
    events = export.run(plan, out, zip_name="ảnh")
    assert isinstance(next(events), export.Exported)
    assert [n for n in names(out) if n.endswith(".tmp")]  # the ZIP being made
    events.close()
    assert names(out) == []
