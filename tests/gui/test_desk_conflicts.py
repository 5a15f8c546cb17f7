"""Two desks on one catalog, in the window: the editor's own edits one after the other never
conflict with each other; an edit of a photo another desk changed since it was shown saves
nothing and asks which value stays (theirs, or the editor's own)."""

from photodesk.core.catalog import Catalog
from photodesk.core.edit import edit_photos
from photodesk.gui.dialogs import conflict as conflict_dialog
from tests.gui.test_desk import desk, sample, select, stored  # noqa: F401  (fixtures)


def _caption(window, text: str) -> None:
    window.inspector.caption.setFocus()
    window.inspector.caption.setPlainText(text)
    window.inspector.caption.commit()


def test_own_edits_in_a_row_do_not_conflict(qtbot, desk, sample, catalog_path, monkeypatch):  # noqa: F811
    asked = []
    monkeypatch.setattr(conflict_dialog, "choose", lambda *a: asked.append(a) or False)
    select(qtbot, desk, "DSC_0452.jpg")
    path = sample / "DSC_0452.jpg"
    for text in ("Một", "Hai", "Ba"):  # faster than the inspector reads the photo again
        _caption(desk, text)
    qtbot.waitUntil(lambda: stored(catalog_path, path)["caption"] == "Ba", timeout=10000)
    desk.editor.wait()
    assert asked == []


def test_another_desks_change_is_a_question(qtbot, desk, sample, catalog_path, monkeypatch):  # noqa: F811
    select(qtbot, desk, "DSC_0452.jpg")
    path = sample / "DSC_0452.jpg"
    photo_id = stored(catalog_path, path)["id"]
    with Catalog(catalog_path) as other_desk:  # the photo changes elsewhere while shown here
        edit_photos(other_desk, [photo_id], caption="Chú thích của bàn biên tập khác", desk="B")
    answers, asked = [False, True], []

    def choose(parent, conflict):
        asked.append(conflict_dialog.message(conflict))
        return answers.pop(0)

    monkeypatch.setattr(conflict_dialog, "choose", choose)
    _caption(desk, "Chú thích của tôi")
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=10000)
    assert "Your change was not saved" in asked[0]
    assert "Chú thích của bàn biên tập khác" in asked[0] and "Chú thích của tôi" in asked[0]
    assert stored(catalog_path, path)["caption"] == "Chú thích của bàn biên tập khác"
    # Kept theirs: the inspector shows them, and undo does not bring back what the failed
    # edit would have replaced
    qtbot.waitUntil(lambda: desk.inspector.text_of("caption") ==
                    "Chú thích của bàn biên tập khác", timeout=10000)
    desk.undo_action.trigger()
    desk.editor.wait()
    assert stored(catalog_path, path)["caption"] == "Chú thích của bàn biên tập khác"
    # Another change elsewhere; this time the editor's own value is chosen, and saved
    with Catalog(catalog_path) as other_desk:
        edit_photos(other_desk, [photo_id], caption="Lần nữa", desk="B")
    _caption(desk, "Chú thích của tôi")
    qtbot.waitUntil(lambda: len(asked) == 2, timeout=10000)
    qtbot.waitUntil(lambda: stored(catalog_path, path)["caption"] == "Chú thích của tôi",
                    timeout=10000)
    with Catalog(catalog_path) as cat:
        from photodesk.core.catalog.edits import history
        saved = [c["new"] for c in history(cat, photo_id)]
    assert saved[-2:] == ["Lần nữa", "Chú thích của tôi"]
