"""Translations: Vietnamese loads, every string is translated, and the .qm matches the .ts."""

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from photodesk.gui import i18n

GUI = Path(i18n.__file__).parent
VI_TS = i18n.I18N_DIR / "photodesk_vi.ts"


@pytest.fixture
def vietnamese(app, monkeypatch):
    monkeypatch.setenv("PHOTODESK_LANG", "vi")
    locale = QLocale()
    translator = i18n.install_translator(app)
    assert translator is not None, "photodesk_vi.qm missing: run python -m photodesk.gui.i18n"
    yield translator
    app.removeTranslator(translator)
    QLocale.setDefault(locale)


def test_language_follows_env_then_locale(monkeypatch):
    monkeypatch.setenv("PHOTODESK_LANG", "vi_VN")
    assert i18n.language() == "vi"
    monkeypatch.setenv("PHOTODESK_LANG", "en")
    assert i18n.language() == "en"


def test_window_speaks_vietnamese(vietnamese, open_window, catalog_path):
    window = open_window(catalog_path)
    assert window.search_field.placeholderText() == "Tìm chú thích, người, địa điểm… (không cần dấu)"
    assert window.menuBar().actions()[0].text() == "&Tệp"
    assert window.add_folder_action.text() == "&Thêm thư mục…"
    assert window.inspector.empty.text() == "Chưa chọn ảnh nào"
    assert window.tr("%n photo(s)", "", 3) == "3 ảnh"


def _messages():
    for context in ET.parse(VI_TS).getroot().iter("context"):
        name = context.find("name").text
        for message in context.iter("message"):
            yield name, message


def test_every_string_has_a_vietnamese_translation():
    unfinished = [m.find("source").text for _, m in _messages()
                  if m.find("translation").get("type") in ("unfinished", "obsolete", "vanished")
                  or not "".join(m.find("translation").itertext()).strip()]
    assert not unfinished


def test_compiled_qm_matches_the_ts(app):
    translator = QTranslator()
    assert translator.load(str(VI_TS.with_suffix(".qm")))
    for context, message in _messages():
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
