"""Translations: Vietnamese loads, every string is translated, the .qm matches the .ts, the
terms follow docs/glossary.md, and Qt's own buttons and menus speak Vietnamese too."""

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QMessageBox

from photodesk.gui import i18n

GUI = Path(i18n.__file__).parent
VI_TS = i18n.I18N_DIR / "photodesk_vi.ts"
QT_VI_TS = i18n.I18N_DIR / "qtbase_vi.ts"
GLOSSARY = Path(__file__).resolve().parents[2] / "docs" / "glossary.md"


@pytest.fixture
def vietnamese(app, monkeypatch):
    monkeypatch.setenv("PHOTODESK_LANG", "vi")
    locale = QLocale()
    translator = i18n.install_translator(app)
    assert translator is not None, "photodesk_vi.qm missing: run python -m photodesk.gui.i18n"
    yield translator
    i18n.remove_translator(app, translator)
    QLocale.setDefault(locale)


def test_language_follows_env_then_locale(monkeypatch):
    monkeypatch.setenv("PHOTODESK_LANG", "vi_VN")
    assert i18n.language() == "vi"
    monkeypatch.setenv("PHOTODESK_LANG", "en")
    assert i18n.language() == "en"


def test_window_speaks_vietnamese(vietnamese, open_window, catalog_path):
    window = open_window(catalog_path)
    assert window.search_field.placeholderText() == "Tìm chú thích, nhân vật, địa điểm… (không cần dấu)"
    assert window.menuBar().actions()[0].text() == "&Tệp"
    assert window.add_folder_action.text() == "&Thêm thư mục…"
    assert window.inspector.empty.text() == "Chưa chọn ảnh nào"
    assert window.tr("%n photo(s)", "", 3) == "3 ảnh"


def _messages(ts=VI_TS):
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.find("name").text
        for message in context.iter("message"):
            yield name, message


def test_every_string_has_a_vietnamese_translation():
    unfinished = [m.find("source").text for _, m in _messages()
                  if m.find("translation").get("type") in ("unfinished", "obsolete", "vanished")
                  or not "".join(m.find("translation").itertext()).strip()]
    assert not unfinished


@pytest.mark.parametrize("ts", [VI_TS, QT_VI_TS], ids=lambda ts: ts.name)
def test_compiled_qm_matches_the_ts(app, ts):
    translator = QTranslator()
    assert translator.load(str(ts.with_suffix(".qm")))
    for context, message in _messages(ts):
        source = message.find("source").text
        if message.get("numerus") == "yes":
            expected = message.find("translation/numerusform").text.replace("%n", "2")
            got = translator.translate(context, source, None, 2).replace("%n", "2")
        else:
            expected, got = message.find("translation").text, translator.translate(context, source)
        assert got == expected, f"{context}: {source!r}: run python -m photodesk.gui.i18n"


def _source_strings():
    """Literal source texts of tr() and translate() calls in photodesk/gui (what lupdate sees).

    translate() may be QCoreApplication.translate or a module's bare alias of it."""
    for path in GUI.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            args = node.args
            if name == "tr" and args and isinstance(args[0], ast.Constant):
                yield args[0].value
            elif name == "translate" and len(args) > 1 and isinstance(args[1], ast.Constant):
                yield args[1].value


def test_ts_knows_every_string_in_the_code():
    known = {m.find("source").text for _, m in _messages()}
    assert sorted(set(_source_strings()) - known) == [], "run python -m photodesk.gui.i18n"


def test_gui_holds_no_sql():
    for path in GUI.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "SELECT " not in text and ".execute(" not in text, path


def test_qcoreapplication_translate_context_exists():
    assert QCoreApplication.translate("app", "PhotoDesk cannot open the catalog")


def _translations(ts=VI_TS):
    for context, message in _messages(ts):
        yield context, message.find("source").text, "".join(message.find("translation").itertext())


def test_translations_avoid_the_words_the_glossary_replaced():
    """docs/glossary.md's "Not" column: words once used for an idea, now replaced."""
    rows = [line.split("|")[1:-1] for line in GLOSSARY.read_text(encoding="utf-8").splitlines()
            if line.startswith("| ") and line.count("|") == 5]
    avoided = {word.strip(): english.strip() for english, _, nots, _ in rows
               for word in nots.split(",") if word.strip() and english.strip() != "English"}
    assert "danh mục" in avoided and "xếp hạng" in avoided
    used = [(word, source) for _, source, text in _translations() for word in avoided
            if word in text.lower()]
    assert not used


def test_pick_and_select_are_different_words():
    """Selecting is "chọn"; the pick flag is "chọn đăng", never "chọn" alone."""
    for context, source, text in _translations():
        picks = re.search(r"\bpick(ed)?\b", source, re.IGNORECASE)
        if picks:
            assert "chọn đăng" in text.lower(), (context, source, text)
        elif re.search(r"\bselect", source, re.IGNORECASE):
            assert "chọn" in text.lower() and "chọn đăng" not in text.lower(), (context, source)


def test_qt_translation_sources_are_qts(app):
    """Every source in qtbase_vi.ts is one this Qt asks for: a German catalogue of it has it."""
    german = QTranslator()
    assert german.load("qtbase_de", i18n.QLibraryInfo.path(
        i18n.QLibraryInfo.LibraryPath.TranslationsPath))
    unknown = [(context, source) for context, source, _ in _translations(QT_VI_TS)
               if not german.translate(context, source)]
    assert not unknown


def test_qt_buttons_and_menus_speak_vietnamese(vietnamese, qtbot):
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Hủy"
    assert buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "OK"
    box = QMessageBox(QMessageBox.Icon.Question, "?", "?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(box)
    assert box.button(QMessageBox.StandardButton.Yes).text().replace("&", "") == "Có"
    assert box.button(QMessageBox.StandardButton.No).text().replace("&", "") == "Không"
    field = QLineEdit()
    qtbot.addWidget(field)
    menu = field.createStandardContextMenu()
    texts = {action.objectName(): action.text().split("\t")[0].replace("&", "")
             for action in menu.actions()}
    assert texts["edit-copy"] == "Sao chép" and texts["edit-paste"] == "Dán"
    assert texts["select-all"] == "Chọn tất cả"


def test_removing_the_translator_brings_english_back(app, qtbot, monkeypatch):
    monkeypatch.setenv("PHOTODESK_LANG", "vi")
    locale = QLocale()
    translator = i18n.install_translator(app)
    i18n.remove_translator(app, translator)
    QLocale.setDefault(locale)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"
