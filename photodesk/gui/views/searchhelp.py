"""The search syntax beside the search field: a "?" popup of examples and a hint for parts left out."""

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (QDialog, QGridLayout, QLabel, QLineEdit, QPushButton,
                               QScrollArea, QToolBar, QToolButton, QVBoxLayout, QWidget)

from photodesk.core import search
from photodesk.core.search.help import NOTES

translate = QCoreApplication.translate  # lupdate reads translate("context", "text") calls


def explanations() -> dict[str, str]:
    """The core's English explanations (search.syntax()) and their translations, read when
    asked so the installed translator is the one used."""
    return {
        "photos with every word; accents and case do not matter and each word is a prefix (xu finds Xuân)": translate("SearchHelp", "photos with every word; accents and case do not matter and each word is a prefix (xu finds Xuân)"),
        "the words together, in this order": translate("SearchHelp", "the words together, in this order"),
        "photos without the word; works before a field or a group too: -person:Lan": translate("SearchHelp", "photos without the word; works before a field or a group too: -person:Lan"),
        "either one": translate("SearchHelp", "either one"),
        "parentheses group": translate("SearchHelp", "parentheses group"),
        "A and B both in the photo": translate("SearchHelp", "A and B both in the photo"),
        "a person shown in the photo (confirmed, not only suggested)": translate("SearchHelp", "a person shown in the photo (confirmed, not only suggested)"),
        "the photo's event": translate("SearchHelp", "the photo's event"),
        "the title of an article using the photo": translate("SearchHelp", "the title of an article using the photo"),
        "a keyword": translate("SearchHelp", "a keyword"),
        "the caption": translate("SearchHelp", "the caption"),
        "the headline or title": translate("SearchHelp", "the headline or title"),
        "the photographer": translate("SearchHelp", "the photographer"),
        "the credit line or source": translate("SearchHelp", "the credit line or source"),
        "sublocation, city, province, country": translate("SearchHelp", "sublocation, city, province, country"),
        "camera make and model": translate("SearchHelp", "camera make and model"),
        "the lens": translate("SearchHelp", "the lens"),
        "the folder: a path from / means that folder and those inside it": translate("SearchHelp", "the folder: a path from / means that folder and those inside it"),
        "the file name": translate("SearchHelp", "the file name"),
        "date taken: 2024-02-28, 28/2/2024, 2024-02, 2024, a range with .., today, yesterday, -7d (-2w, -3m, -1y: the time since)": translate("SearchHelp", "date taken: 2024-02-28, 28/2/2024, 2024-02, 2024, a range with .., today, yesterday, -7d (-2w, -3m, -1y: the time since)"),
        "date indexed, written like date:": translate("SearchHelp", "date indexed, written like date:"),
        "stars: 3, >=3, <2, 2..4 (0: none)": translate("SearchHelp", "stars: 3, >=3, <2, 2..4 (0: none)"),
        "colour label: red, yellow, green, blue, purple (or as written in the file)": translate("SearchHelp", "colour label: red, yellow, green, blue, purple (or as written in the file)"),
        "yes (picked), no, reject": translate("SearchHelp", "yes (picked), no, reject"),
        "present, missing, unreadable, offline": translate("SearchHelp", "present, missing, unreadable, offline"),
        "the photo has a caption, headline, credit, creator, keyword, gps, people, event, article, label or rating": translate("SearchHelp", "the photo has a caption, headline, credit, creator, keyword, gps, people, event, article, label or rating"),
        "the photo 1234 and those that look like it: copies resized, re-compressed or cropped a little (similar:\"/path/file.jpg\": any image file's look-alikes; -has:original hides the photos marked as copies)": translate("SearchHelp", "the photo 1234 and those that look like it: copies resized, re-compressed or cropped a little (similar:\"/path/file.jpg\": any image file's look-alikes; -has:original hides the photos marked as copies)"),
        NOTES[0]: translate("SearchHelp", "Field values fold like free words: person:\"vo thi anh xuan\" finds Võ Thị Ánh Xuân. A quoted value matches those words in that order; an unquoted one is a prefix."),
        NOTES[1]: translate("SearchHelp", "A part that cannot be read is left out and pointed at; the rest still searches."),
    }


def explain(text: str) -> str:
    """text translated; a row the table does not know yet shows in English."""
    return explanations().get(text, text)


class SearchHelp(QDialog):
    """Non-modal: the syntax rows stay open beside the field while the user types."""

    exampleChosen = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent, Qt.WindowType.Tool)
        self.setWindowTitle(self.tr("Search syntax"))
        self.setModal(False)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        rows = QWidget()
        grid = QGridLayout(rows)
        self.examples: list[QPushButton] = []
        self.explanations: list[QLabel] = []
        for row, (example, text) in enumerate(search.syntax()):
            button = QPushButton(example)
            button.setFont(mono)
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setToolTip(self.tr("Put this example in the search field"))
            button.clicked.connect(lambda _=False, e=example: self.exampleChosen.emit(e))
            label = QLabel(explain(text))
            label.setWordWrap(True)
            grid.addWidget(button, row, 0, Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(label, row, 1)
            self.examples.append(button)
            self.explanations.append(label)
        grid.setColumnStretch(1, 1)
        scroll = QScrollArea()
        scroll.setWidget(rows)
        scroll.setWidgetResizable(True)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        for note in NOTES:
            label = QLabel(explain(note))
            label.setWordWrap(True)
            layout.addWidget(label)
        self.resize(720, 560)


class SearchHint(QLabel):
    """Red words beside the field naming the first part of the query that was left out."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setStyleSheet("color: #c62828;")
        # Stays in the toolbar and empties instead of hiding: a toolbar shows its widgets
        # through their actions, and a widget hidden directly does not come back.

    def show_problems(self, text: str) -> None:
        problems = search.parse(text).problems
        if not problems:
            self.clear()
            self.setToolTip("")
            return
        first = problems[0]
        part = text[first.start:first.end] or text[first.start:first.start + 1]
        shown = self.tr("Left out: “%1”").replace("%1", part.strip() or "…")
        if len(problems) > 1:
            shown += " " + self.tr("(+%n more)", "", len(problems) - 1)
        self.setText(shown)
        # The core's reason is English; the carets show where it applies.
        self.setToolTip("\n\n".join(p.message + "\n" + p.pointer(text) for p in problems))


def attach(window, field: QLineEdit) -> tuple[QToolButton, SearchHelp, SearchHint]:
    """A "?" button and the hint right of the field in its toolbar, wired to the field."""
    bar = window.findChild(QToolBar, "searchBar")
    button = QToolButton()
    button.setText("?")
    button.setToolTip(translate("SearchHelp", "Search syntax"))
    button.setObjectName("searchHelpButton")
    hint = SearchHint()
    popup = SearchHelp(window)
    after = bar.actions()[1] if len(bar.actions()) > 1 else None
    bar.insertWidget(after, button)
    bar.insertWidget(after, hint)

    def choose(example: str) -> None:
        field.setText(example)
        field.setFocus()
    popup.exampleChosen.connect(choose)
    button.clicked.connect(lambda *_: _toggle(popup, button))
    field.textChanged.connect(hint.show_problems)
    return button, popup, hint


def _toggle(popup: SearchHelp, button: QToolButton) -> None:
    if popup.isVisible():
        popup.hide()
        return
    corner = button.mapToGlobal(button.rect().bottomRight())
    popup.move(max(0, corner.x() - popup.width()), corner.y())
    popup.show()
    popup.raise_()
