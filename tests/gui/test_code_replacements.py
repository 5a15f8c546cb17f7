"""Codes typed between backslashes expand in the inspector's text fields, as in Photo Mechanic."""

from PySide6.QtCore import Qt

from photodesk.gui.views.editors import CaptionField, LineField


def test_a_code_expands_as_its_closing_backslash_is_typed(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    (tmp_path / "photodesk").mkdir()
    (tmp_path / "photodesk" / "codes.txt").write_text(
        "vtax\tVõ Thị Ánh Xuân, Phó Chủ tịch nước\n", encoding="utf-8")
    caption = CaptionField()
    qtbot.addWidget(caption)
    caption.setPlainText("Đồng chí ")
    caption.moveCursor(caption.textCursor().MoveOperation.End)
    # QTest types only Latin-1 keys; the Vietnamese text around the code is set directly.
    qtbot.keyClicks(caption, "\\vtax\\ ")
    caption.insertPlainText("phát biểu")
    assert caption.toPlainText() == "Đồng chí Võ Thị Ánh Xuân, Phó Chủ tịch nước phát biểu"

    line = LineField()
    qtbot.addWidget(line)
    qtbot.keyClicks(line, "\\vtax\\ & \\unknown\\")
    assert line.text() == "Võ Thị Ánh Xuân, Phó Chủ tịch nước & \\unknown\\"
    with qtbot.waitSignal(line.committed) as signal:
        qtbot.keyClick(line, Qt.Key.Key_Return)
    assert signal.args[0].startswith("Võ Thị Ánh Xuân")
