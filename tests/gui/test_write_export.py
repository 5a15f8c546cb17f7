"""Writing metadata to files and exporting caption sets from the main window, end to end."""

import csv
import html
import json
import shutil

import pytest

from photodesk.core.catalog import Catalog
from photodesk.core.catalog import photos as catalog
from photodesk.core.edit import edit_photos
from photodesk.core.index import index_paths
from tests.conftest import ROOT, exiftool

CAPTION = "Phó Chủ tịch nước thăm gian hàng nông sản Hòa Sơn."


@pytest.fixture
def sample(tmp_path):
    """The sample newsroom folder, indexed: seven photos and their article."""
    folder = tmp_path / "sample"
    shutil.copytree(ROOT / "resources" / "sample", folder)
    path = str(tmp_path / "catalog.sqlite")
    with Catalog(path) as cat:
        list(index_paths(cat, [str(folder)], workers=0))
    return path, folder


def photo_row(catalog_path, path):
    with Catalog(catalog_path) as cat:
        return catalog.photo_by_path(cat, str(path))


def select(qtbot, window, ids):
    qtbot.waitUntil(lambda: all(window.model.index_of(i).isValid() for i in ids), timeout=10000)
    window.select_photo(ids[0])
    for pid in ids[1:]:
        window.grid.selectionModel().select(
            window.model.index_of(pid), window.grid.selectionModel().SelectionFlag.Select)
    assert sorted(window.selected_ids()) == sorted(ids)


def test_write_action_writes_the_caption_and_reports_what_failed(qtbot, open_window, sample):
    catalog_path, folder = sample
    target = photo_row(catalog_path, folder / "DSC_0412.jpg")
    gone = photo_row(catalog_path, folder / "DSC_0430.jpg")
    with Catalog(catalog_path) as cat:
        edit_photos(cat, [target["id"], gone["id"]], caption=CAPTION)
    (folder / "DSC_0430.jpg").unlink()
    window = open_window(catalog_path)
    select(qtbot, window, [target["id"], gone["id"]])
    with qtbot.waitSignal(window.writing.dialogShown, timeout=10000) as shown:
        window.writing.write_action.trigger()
    dialog = shown.args[0]
    lines = dialog.lines()
    assert "DSC_0430.jpg" in lines and any("missing" in line or "cannot read" in line
                                           for line in lines), lines
    assert not dialog.use_sidecars()
    assert "1 photo(s) cannot be written" in dialog.summary.text()  # counted by kind
    with qtbot.waitSignal(window.writing.finished, timeout=30000) as finished:
        dialog.accept()
    assert finished.args == [1, 1]
    tags = json.loads(exiftool("-j", "-G1", folder / "DSC_0412.jpg"))[0]
    assert tags["XMP-dc:Description"] == CAPTION == tags["IPTC:Caption-Abstract"]
    written = photo_row(catalog_path, folder / "DSC_0412.jpg")
    assert written["hash"] != target["hash"]
    assert window.problems.count() == 1 and window.problems.isVisible()
    assert window.problems.tree.topLevelItem(0).text(0) == "DSC_0430.jpg"
    assert "written to 1 photo" in window.statusBar().currentMessage()


def test_write_to_sidecars_leaves_the_photo_alone(qtbot, open_window, sample):
    catalog_path, folder = sample
    target = photo_row(catalog_path, folder / "DSC_0415.jpg")
    before = (folder / "DSC_0415.jpg").read_bytes()
    with Catalog(catalog_path) as cat:
        edit_photos(cat, [target["id"]], headline="Hội chợ nông sản")
    window = open_window(catalog_path)
    select(qtbot, window, [target["id"]])
    with qtbot.waitSignal(window.writing.dialogShown, timeout=10000) as shown:
        window.writing.write_selected()
    dialog = shown.args[0]
    dialog.sidecar.setChecked(True)
    with qtbot.waitSignal(window.writing.finished, timeout=30000):
        dialog.accept()
    assert (folder / "DSC_0415.jpg").read_bytes() == before
    tags = json.loads(exiftool("-j", "-G1", folder / "DSC_0415.xmp"))[0]
    assert tags["XMP-photoshop:Headline"] == "Hội chợ nông sản"


def open_article_export(qtbot, window, tmp_path):
    with qtbot.waitSignal(window.articleShown, timeout=10000):
        window.open_article(1)
    dialog = window.writing.open_export()
    labels = [s.label for s in dialog.sources]
    dialog.source.setCurrentIndex(len(labels) - 1)  # the open article comes last
    dialog.folder.setText(str(tmp_path / "out"))
    return dialog


def article_rows(catalog_path):
    from photodesk.core.export import of_article
    with Catalog(catalog_path) as cat:
        ids = of_article(cat, 1).photo_ids
        return catalog.photos(cat, ids)


def test_export_article_to_csv_and_html(qtbot, open_window, sample, tmp_path):
    catalog_path, _ = sample
    window = open_window(catalog_path)
    dialog = open_article_export(qtbot, window, tmp_path)
    rows = article_rows(catalog_path)
    assert len(rows) >= 3
    dialog.set_format("csv")
    dialog.bom.setChecked(True)
    dialog.template.setText("{caption} Ảnh: {credit}")
    wanted = [f"{r['caption'] or ''} Ảnh: {r['credit'] or ''}" for r in rows]
    qtbot.waitUntil(lambda: dialog.preview_lines() == wanted[:3], timeout=10000)
    with qtbot.waitSignal(dialog.exported, timeout=30000):
        assert dialog.start()
    data = (tmp_path / "out" / "captions.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    table = list(csv.DictReader(data.decode("utf-8-sig").splitlines()))
    assert [t["filename"] for t in table] == [r["name"] for r in rows]
    assert [t["text"] for t in table] == wanted
    dialog.set_format("html")
    dialog.template.clear()
    with qtbot.waitSignal(dialog.exported, timeout=30000):
        assert dialog.start()
    page = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    for r in rows:
        assert html.escape(r["caption"], quote=False) in page
    assert "written" in dialog.status.text()


def test_export_asks_before_overwriting(qtbot, open_window, sample, tmp_path):
    catalog_path, _ = sample
    window = open_window(catalog_path)
    dialog = open_article_export(qtbot, window, tmp_path)
    dialog.set_format("csv")
    with qtbot.waitSignal(dialog.exported, timeout=30000):
        dialog.start()
    target = tmp_path / "out" / "captions.csv"
    first = target.read_bytes()
    dialog.template.setText("{n:02}. {caption}")
    dialog.start()
    qtbot.waitUntil(lambda: dialog.conflict_box is not None and not dialog.is_running(),
                    timeout=10000)
    assert str(target) in dialog.conflict_box.text()
    assert target.read_bytes() == first  # asked, nothing replaced yet
    dialog.conflict_box.button(dialog.conflict_box.StandardButton.Cancel).click()
    assert dialog.conflict_box is None and not dialog.is_running()
    assert target.read_bytes() == first
    dialog.start()
    qtbot.waitUntil(lambda: dialog.conflict_box is not None, timeout=10000)
    with qtbot.waitSignal(dialog.exported, timeout=30000):
        dialog.overwrite_button.click()
    assert "01. " in target.read_text(encoding="utf-8")


def test_export_shows_a_bad_template_and_needs_a_folder(qtbot, open_window, sample, tmp_path):
    catalog_path, _ = sample
    window = open_window(catalog_path)
    dialog = open_article_export(qtbot, window, tmp_path)
    dialog.insert_variable("nope")
    qtbot.waitUntil(lambda: "unknown variable" in dialog.preview.toPlainText(), timeout=10000)
    dialog.folder.clear()
    assert not dialog.start() and "folder" in dialog.status.text()
    dialog.folder.setText(str(tmp_path / "out"))
    with qtbot.waitSignal(dialog.runFinished, timeout=10000):
        dialog.start()
    assert "unknown variable" in dialog.status.text()
    assert not (tmp_path / "out" / "captions.csv").exists()


def test_export_an_event_as_jpeg_copies_named_by_a_pattern(qtbot, open_window, sample, tmp_path):
    from photodesk.gui.models.queries import Scope
    catalog_path, folder = sample
    with Catalog(catalog_path) as cat:
        ids = [catalog.photo_by_path(cat, str(folder / n))["id"]
               for n in ("DSC_0412.jpg", "DSC_0421.JPG")]
        edit_photos(cat, ids, event="Hội chợ 2025")
        event_id = cat.db.execute("SELECT id FROM events WHERE name = ?",
                                  ["Hội chợ 2025"]).fetchone()[0]
    window = open_window(catalog_path)
    window.set_scope(Scope("event", event_id))
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=10000)
    dialog = window.writing.open_export()
    labels = [s.label for s in dialog.sources]
    assert labels[-1] == "The event chosen in the sidebar"
    dialog.source.setCurrentIndex(len(labels) - 1)
    dialog.set_format("jpeg")
    assert dialog.pattern.isEnabled()
    dialog.pattern.setText("hoi-cho_{n:02}")
    dialog.folder.setText(str(tmp_path / "out"))
    with qtbot.waitSignal(dialog.exported, timeout=30000):
        assert dialog.start()
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["hoi-cho_01.jpg",
                                                                  "hoi-cho_02.jpg"]
    dialog.set_format("csv")
    assert not dialog.pattern.isEnabled()


def test_a_running_write_can_be_stopped_and_leaves_each_photo_whole(qtbot, open_window, sample):
    catalog_path, folder = sample
    photos = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".jpg", ".jpeg"))
    before = {p.name: p.read_bytes() for p in photos}
    ids = [photo_row(catalog_path, p)["id"] for p in photos]
    with Catalog(catalog_path) as cat:
        edit_photos(cat, ids, caption=CAPTION)
    window = open_window(catalog_path)
    select(qtbot, window, ids)
    with qtbot.waitSignal(window.writing.dialogShown, timeout=10000) as shown:
        window.writing.write_action.trigger()
    with qtbot.waitSignal(window.writing.finished, timeout=30000) as finished:
        shown.args[0].accept()
        assert window.writing.stop_button.isVisibleTo(window)
        window.writing.stop_button.click()
    written, failed = finished.args
    assert written + failed <= len(photos) and failed == 0
    assert "Stopped" in window.statusBar().currentMessage()
    assert not window.writing.stop_button.isVisibleTo(window)
    for p in photos:  # each photo is either written whole or exactly as it was
        data = p.read_bytes()
        if data != before[p.name]:
            tags = json.loads(exiftool("-j", "-G1", p))[0]
            assert tags["XMP-dc:Description"] == CAPTION == tags["IPTC:Caption-Abstract"]
