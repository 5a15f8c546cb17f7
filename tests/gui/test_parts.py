"""The desk's smaller parts: culling keys, the folded completer, the sidebar, settings."""

import pytest
from PySide6.QtCore import Qt

from photodesk.core import settings
from photodesk.gui.views.culling import change_for_key, is_culling_key
from photodesk.gui.models.queries import Scope
from photodesk.gui.dialogs.settings import SettingsDialog
from photodesk.gui.views.sidebar import Sidebar
from photodesk.gui.views.tags import TagEditor

REGISTRY = [{"id": 1, "name": "Võ Thị Ánh Xuân", "title": "Phó Chủ tịch nước", "aliases": None},
            {"id": 2, "name": "Nguyễn Văn An", "title": None, "aliases": "Anh Hai; An"},
            {"id": 3, "name": "Đặng Thị Thu", "title": None, "aliases": None}]

OVERVIEW = {
    "folders": [{"path": "/news", "name": "news", "count": 12, "children": [
        {"path": "/news/2025", "name": "2025", "count": 10, "children": []}]}],
    "articles": [{"id": 7, "path": "/news/a.txt", "title": "Khai mạc hội chợ", "images": 7,
                  "linked": 6, "ambiguous": 1}],
    "people": [{"id": 1, "name": "Võ Thị Ánh Xuân", "title": None, "photos": 3}],
    "events": [{"id": 4, "name": "Hội chợ", "date": "2025-03-15", "place": None, "photos": 2}],
    "keywords": [], "saved": None,
}


@pytest.mark.parametrize("key, rows, change", [
    (Qt.Key.Key_0, [{}], {"rating": 0}),
    (Qt.Key.Key_5, [{}], {"rating": 5}),
    (Qt.Key.Key_6, [{"label": None}], {"label": "Red"}),
    (Qt.Key.Key_7, [{"label": "Red"}], {"label": "Yellow"}),
    (Qt.Key.Key_9, [{"label": "Blue"}], {"label": None}),  # again: cleared
    (Qt.Key.Key_P, [{"pick": 0}], {"pick": 1}),
    (Qt.Key.Key_P, [{"pick": 1}, {"pick": 0}], {"pick": 1}),  # not all picked yet
    (Qt.Key.Key_P, [{"pick": 1}, {"pick": 1}], {"pick": 0}),
    (Qt.Key.Key_X, [{"pick": 1}], {"pick": -1}),
    (Qt.Key.Key_X, [{"pick": -1}], {"pick": 0}),
])
def test_culling_keys(key, rows, change):
    assert is_culling_key(key)
    assert change_for_key(key, rows) == change


def test_modifiers_and_other_keys_are_not_culling():
    assert not is_culling_key(Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert is_culling_key(Qt.Key.Key_5, Qt.KeyboardModifier.KeypadModifier)
    assert not is_culling_key(Qt.Key.Key_A)


def test_completer_folds_and_matches_aliases(app, qtbot, qtmodeltester):
    editor = TagEditor("person")
    qtbot.addWidget(editor)
    editor.set_entries(REGISTRY)
    qtmodeltester.check(editor.filter)
    for typed, offered in (("vo thi", ["Võ Thị Ánh Xuân — Phó Chủ tịch nước"]),
                           ("XUAN", ["Võ Thị Ánh Xuân — Phó Chủ tịch nước"]),
                           ("dang thu", ["Đặng Thị Thu"]), ("anh hai", ["Nguyễn Văn An"]),
                           ("thi", ["Võ Thị Ánh Xuân — Phó Chủ tịch nước", "Đặng Thị Thu"]),
                           ("zzz", [])):
        editor.filter.set_text(typed)
        qtmodeltester.check(editor.filter)
        assert [editor.filter.index(r, 0).data() for r in range(editor.filter.rowCount())] == \
            offered, typed


def test_enter_on_a_new_name_creates_it_with_its_title(app, qtbot):
    editor = TagEditor("person")
    qtbot.addWidget(editor)
    editor.set_entries(REGISTRY)
    with qtbot.waitSignal(editor.added) as added:
        editor.field.insert("Trần Quốc Bảo, Bí thư Tỉnh ủy")
        editor.field.returnPressed.emit()
    assert added.args == ["Trần Quốc Bảo", "Bí thư Tỉnh ủy"]


def test_an_event_editor_parses_date_and_place(app, qtbot):
    editor = TagEditor("event")
    qtbot.addWidget(editor)
    with qtbot.waitSignal(editor.added) as added:
        editor.field.insert("Lễ hội hoa, 2025-01-20, Đà Lạt")
        editor.field.returnPressed.emit()
    assert added.args == ["Lễ hội hoa", ("2025-01-20", "Đà Lạt")]


def test_sidebar_lists_every_section_and_emits_scopes(app, qtbot):
    # The tree is Qt's own QTreeWidget model; running qtmodeltester on it crashes when the
    # widget is destroyed, so only the models PhotoDesk writes are put through the tester.
    sidebar = Sidebar()
    qtbot.addWidget(sidebar)
    sidebar.set_overview(OVERVIEW)
    assert sidebar.paths() == ["/news"]
    assert [i.text(0) for i in sidebar.items("folder")] == ["news  (12)", "2025  (10)"]
    assert [i.text(0) for i in sidebar.items("event")] == ["Hội chợ · 15/3/2025  (2)"]
    assert "6 of 7 images linked" in sidebar.items("article")[0].toolTip(0)
    assert sidebar.findItems("SAVED SEARCHES", Qt.MatchFlag.MatchExactly) == []
    with qtbot.waitSignal(sidebar.scopeChosen) as chosen:
        sidebar._clicked(sidebar.items("person")[0])
    assert chosen.args == [Scope("person", 1)]
    sidebar.set_overview({**OVERVIEW, "saved": [{"name": "Lễ hội", "query": "le hoi"}]})
    assert sidebar.currentItem().text(0) == "Võ Thị Ánh Xuân  (3)"  # kept across a reload
    assert [i.text(0) for i in sidebar.items("saved")] == ["Lễ hội"]


def test_sidebar_sections_come_a_page_at_a_time(app, qtbot):
    """An archive's 125,000 articles are not 125,000 tree items: a page, then "Show more"."""
    sidebar = Sidebar()
    qtbot.addWidget(sidebar)
    people = [{"id": i, "name": f"Người {i:03}", "photos": 1} for i in range(450)]
    sidebar.set_overview({"people": {"entries": people[:200], "offset": 0, "total": 450}})
    assert len(sidebar.items("person")) == 200
    section = sidebar.items("person")[0].parent()
    more = section.child(section.childCount() - 1)
    assert more.text(0) == "Show 250 more…"
    with qtbot.waitSignal(sidebar.moreRequested) as asked:
        sidebar._clicked(more)
    assert asked.args == ["people", 200]
    sidebar.add_entries("people", {"entries": people[200:400], "offset": 200, "total": 450})
    assert len(sidebar.items("person")) == 400
    assert section.child(section.childCount() - 1).text(0) == "Show 50 more…"
    sidebar.add_entries("people", {"entries": people[400:], "offset": 400, "total": 450})
    assert [i.text(0) for i in sidebar.items("person")][-1] == "Người 449  (1)"
    assert section.childCount() == 450  # no "Show more" left


def test_sidebar_makes_subfolders_when_a_folder_is_opened(app, qtbot):
    sidebar = Sidebar()
    qtbot.addWidget(sidebar)
    day = {"path": "/news/2025/03", "name": "03", "count": 4, "children": []}
    year = {"path": "/news/2025", "name": "2025", "count": 4, "children": [day]}
    sidebar.set_overview({"folders": [{"path": "/news", "name": "news", "count": 4,
                                       "children": [year]}]})
    assert [i.text(0) for i in sidebar.items("folder")] == ["news  (4)", "2025  (4)"]
    sidebar.items("folder")[1].setExpanded(True)
    assert [i.text(0) for i in sidebar.items("folder")] == ["news  (4)", "2025  (4)", "03  (4)"]


def test_settings_dialog_stores_the_language(app, qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    dialog = SettingsDialog(settings.load())
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("vi"))
    settings.save(dialog.chosen())
    assert settings.load().language == "vi"
    from photodesk.gui import i18n
    monkeypatch.delenv("PHOTODESK_LANG", raising=False)
    assert i18n.language() == "vi"
