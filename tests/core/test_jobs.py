"""Every long job speaks one vocabulary: core/jobs.py's events, and only its own successes
beside them. Run on real JPEGs, with a file of each kind a job fails or skips."""

import pytest

from photodesk.core import export, jobs, thumbcache
from photodesk.core.catalog import photos as store
from photodesk.core.edit import edit_photos
from photodesk.core.export import Exported
from photodesk.core.index import ArticleImported, Indexed, Missing, Scanned, index_paths
from photodesk.core.metadata.write import Written, write_photos
from tests.conftest import make_jpeg

SHARED = {jobs.Progress, jobs.Skipped, jobs.Failed, jobs.Done}


def kinds(events) -> set[type]:
    return {type(e) for e in events}


@pytest.fixture
def desk(catalog, photo_dir):
    """Four photos indexed, a .jpg that is no image, and a text that names no photo."""
    photos = [make_jpeg(photo_dir / f"DSC_{n:04}.jpg", color=(60 * n, 90, 40)) for n in range(4)]
    (photo_dir / "hỏng.jpg").write_bytes(b"not a JPEG at all")
    (photo_dir / "ghi chú.txt").write_text("Họp giao ban sáng thứ Hai.", encoding="utf-8")
    events = list(index_paths(catalog, [photo_dir], workers=1))
    return events, photos, [store.photo_by_path_id(catalog, str(p)) for p in photos]


def test_index(catalog, photo_dir, desk):
    events, photos, _ = desk
    photos[0].unlink()
    events += list(index_paths(catalog, [photo_dir], workers=1))
    assert kinds(events) - SHARED <= {Scanned, Indexed, Missing, ArticleImported}
    assert {jobs.Progress, jobs.Failed, jobs.Skipped, Missing} <= kinds(events)
    failed = [e for e in events if isinstance(e, jobs.Failed)]
    assert [e.path.rsplit("/", 1)[-1] for e in failed] == ["hỏng.jpg"]
    assert failed[0].photo_id and failed[0].failure == "permanent"


def test_write(catalog, desk):
    _, photos, ids = desk
    edit_photos(catalog, ids[:3], caption="Đoàn công tác thăm hợp tác xã chè Shan tuyết")
    photos[2].unlink()
    events = list(write_photos(catalog, ids))
    assert kinds(events) - SHARED <= {Written}
    by_photo = {e.photo_id: type(e) for e in events if not isinstance(e, jobs.Progress)}
    assert by_photo == {ids[0]: Written, ids[1]: Written, ids[2]: jobs.Failed,
                        ids[3]: jobs.Skipped}  # nothing was changed in the last one
    assert events[-1] == jobs.Progress(4, 4, events[-1].started)


def test_thumbnail_rebuild(catalog, desk):
    _, photos, ids = desk
    thumbcache.clear(catalog.thumbs_dir)
    photos[1].unlink()
    events = list(thumbcache.rebuild(catalog, catalog.thumbs_dir, workers=2))
    assert kinds(events) - SHARED <= {thumbcache.Checked, thumbcache.Remade}
    failed = [e for e in events if isinstance(e, jobs.Failed)]
    assert [(e.path, e.photo_id, e.reason) for e in failed] == [
        (str(photos[1]), ids[1], "the original is missing")]
    assert isinstance(events[-1], jobs.Progress)


def test_export(catalog, desk, tmp_path):
    _, photos, ids = desk
    photos[3].unlink()
    plan = export.plan(catalog, export.of_photos(catalog, ids), "jpeg")
    events = list(export.run(plan, tmp_path / "out"))
    assert kinds(events) - SHARED <= {Exported}
    skipped = [e for e in events if isinstance(e, jobs.Skipped)]
    assert [(e.path, e.photo_id) for e in skipped] == [(photos[3].name, ids[3])]
    assert skipped[0].reason.startswith("cannot read the file")
    done = events[-1]
    assert isinstance(done, jobs.Done) and done.skipped == 1 and len(done.written) == 3
    assert {type(e) for e in events[:-1]} == {Exported, jobs.Skipped, jobs.Progress}
