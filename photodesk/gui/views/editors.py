"""Text editors for the inspector: a line or a caption box that commits when the editor
leaves it (or presses Enter, Ctrl+Enter in a caption) and shows when a selection disagrees."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from photodesk.core import codes as code_list

MIXED = object()  # the selected photos hold different values


class LineField(QLineEdit):
    """One line (headline, creator, credit, copyright)."""

    committed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._shown: str = ""
        self.editingFinished.connect(self._commit)
        self.textEdited.connect(self._expand_codes)

    def _expand_codes(self, text: str) -> None:
        expanded = expand_codes(text)
        if expanded != text:
            position = self.cursorPosition() + len(expanded) - len(text)
            self.setText(expanded)
            self.setCursorPosition(position)

    def show_value(self, value) -> None:
        if self.hasFocus() and self.isModified():
            return  # never throw away what the editor is typing
        self._shown = "" if value is MIXED or value is None else str(value)
        self.setText(self._shown)
        self.setModified(False)
        self.setPlaceholderText(self.tr("Several values: typing replaces them all")
                                if value is MIXED else "")

    def _commit(self) -> None:
        if self.isModified() and self.text() != self._shown:
            self._shown = self.text()
            self.setModified(False)
            self.committed.emit(self.text())


class CaptionField(QPlainTextEdit):
    """The caption: several lines; Ctrl+Enter or leaving the box commits it."""

    committed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._shown = ""
        self.setTabChangesFocus(True)
        self.setFixedHeight(96)

    def _expand_codes(self) -> None:
        text = self.toPlainText()
        expanded = expand_codes(text)
        if expanded != text:
            position = self.textCursor().position() + len(expanded) - len(text)
            self.setPlainText(expanded)
            cursor = self.textCursor()
            cursor.setPosition(max(0, min(position, len(expanded))), QTextCursor.MoveMode.MoveAnchor)
            self.setTextCursor(cursor)

    def show_value(self, value) -> None:
        if self.hasFocus() and self.toPlainText() != self._shown:
            return
        self._shown = "" if value is MIXED or value is None else str(value)
        self.setPlainText(self._shown)
        self.setPlaceholderText(self.tr("Several captions: typing replaces them all")
                                if value is MIXED else self.tr("Caption"))

    def commit(self) -> None:
        text = self.toPlainText().strip()
        if text != self._shown.strip():
            self._shown = text
            self.committed.emit(text)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
                event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self.commit()
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.setPlainText(self._shown)  # give the old text back
            event.accept()
            return
        super().keyPressEvent(event)
        if event.text() == "\\":  # a closing backslash may finish a code
            self._expand_codes()

    def focusOutEvent(self, event) -> None:
        self.commit()
        super().focusOutEvent(event)


def expand_codes(text: str) -> str:
    """Photo Mechanic's code replacements: a known \\code\\ becomes its text as it is typed.
    The code file is small and read only when a backslash has been typed."""
    if text.count("\\") < 2:
        return text
    return code_list.expand(text, code_list.load_codes()) or text


def common(rows: list[dict], key: str):
    """The value every row shares, or MIXED."""
    values = {_hashable(r.get(key)) for r in rows}
    if len(values) > 1:
        return MIXED
    return rows[0].get(key) if rows else None


def _hashable(value):
    return tuple(value) if isinstance(value, list) else value or None
