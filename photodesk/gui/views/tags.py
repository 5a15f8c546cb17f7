"""TagEditor: people, an event or keywords as chips, added through a folded completer over the
registry ("vo thi" offers "Võ Thị Ánh Xuân"), created inline, and suggestions to accept."""

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QCompleter, QFrame, QHBoxLayout, QLabel, QLineEdit, QToolButton,
                               QVBoxLayout, QWidget)

from photodesk.core import people
from photodesk.core.fold import words
from photodesk.gui.views.flow import FlowLayout

EntryRole = Qt.ItemDataRole.UserRole + 1
MAX_SHOWN = 12  # completer rows visible at once
MATCHES = 50  # completer rows made for what was typed
CHIP_TEXT_WIDTH = 230


class RegistryFilter(QStandardItemModel):
    """The entries whose name or alias the typed words start, accents ignored: the first
    MATCHES of them, made as the user types (a registry holds tens of thousands of people;
    a model of them all took seconds to build on the GUI thread)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._text = ""
        self._entries: list[dict] = []

    def set_entries(self, entries: list[dict]) -> None:
        self._entries = entries
        self._refill()

    def set_text(self, text: str) -> None:
        self._text = text
        self._refill()

    def _refill(self) -> None:
        wanted = words(self._text)
        self.clear()
        for entry in self._entries:
            names = entry.get("words")
            if names is None:  # an entry not read through people.registry()
                names = people.with_words([entry])[0]["words"]
            if people.matches_words(wanted, names):
                item = QStandardItem(_entry_text(entry))
                item.setData(entry, EntryRole)
                item.setEditable(False)
                self.appendRow(item)
                if self.rowCount() == MATCHES:
                    break


class Chip(QFrame):
    """A name with a remove button, or, for a suggestion, accept and reject buttons."""

    removeClicked = Signal()
    decided = Signal(bool)

    def __init__(self, text: str, tooltip: str = "", suggestion: bool = False, parent=None):
        super().__init__(parent)
        self.setObjectName("suggestion" if suggestion else "chip")
        self.label = QLabel()
        self.label.setObjectName("chipText")
        # A long event name must not widen the inspector: the chip elides, the tooltip has it all.
        self.label.setText(self.label.fontMetrics().elidedText(
            text, Qt.TextElideMode.ElideRight, CHIP_TEXT_WIDTH))
        self.text = text
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 1, 2, 1)
        layout.setSpacing(2)
        layout.addWidget(self.label)
        if suggestion:
            self.accept_button = self._button("✓", self.tr("Accept: this person or event is "
                                                           "in the photo"))
            self.reject_button = self._button("✕", self.tr("Reject this suggestion"))
            self.accept_button.clicked.connect(lambda: self.decided.emit(True))
            self.reject_button.clicked.connect(lambda: self.decided.emit(False))
            layout.addWidget(self.accept_button)
            layout.addWidget(self.reject_button)
        else:
            self.remove_button = self._button("×", self.tr("Remove"))
            self.remove_button.clicked.connect(self.removeClicked)
            layout.addWidget(self.remove_button)
        self.setToolTip(tooltip or text)

    def _button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        return button


class TagEditor(QWidget):
    """kind is "person", "event" or "keyword"; an event editor holds one tag at most."""

    added = Signal(str, object)  # name; for a new entry its extras: title, or (date, place)
    removed = Signal(str)
    suggestionDecided = Signal(int, bool)  # registry id, accepted

    def __init__(self, kind: str, parent=None):
        super().__init__(parent)
        self.kind = kind
        self._entries: list[dict] = []
        self._tags: list[str] = []
        self.filter = RegistryFilter(self)
        self.chips = QWidget()
        self.chip_flow = FlowLayout(self.chips)
        self.suggested = QWidget()
        self.suggested_flow = FlowLayout(self.suggested)
        self.suggested_label = QLabel(self.tr("Suggested by the article:"))
        self.suggested_label.setObjectName("hint")
        self.field = QLineEdit()
        self.field.setPlaceholderText(self._placeholder())
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.hint.hide()
        self.completer = QCompleter(self.filter, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setMaxVisibleItems(MAX_SHOWN)
        self.completer.setWidget(self.field)
        self.completer.activated[QModelIndex].connect(self._chosen)
        self.field.textEdited.connect(self._typed)
        self.field.returnPressed.connect(self._enter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for widget in (self.chips, self.field, self.hint, self.suggested_label, self.suggested):
            layout.addWidget(widget)
        self.suggested.hide()
        self.suggested_label.hide()

    def _placeholder(self) -> str:
        return {"person": self.tr("Add a person: type part of the name"),
                "event": self.tr("Set the event: type part of its name"),
                "keyword": self.tr("Add a keyword")}[self.kind]

    # --- contents ----------------------------------------------------------------------------

    def set_entries(self, entries: list[dict]) -> None:
        """The registry to complete from: dicts with name (and title, aliases, date…)."""
        self._entries = list(entries)
        self.filter.set_entries(self._entries)

    def set_tags(self, names: list[str]) -> None:
        self._tags = list(names)
        self.chip_flow.clear()
        for name in self._tags:
            entry = people.find(self._entries, name)
            chip = Chip(name, _entry_text(entry) if entry else name)
            chip.removeClicked.connect(lambda n=name: self.removed.emit(n))
            self.chip_flow.addWidget(chip)
        self.chips.setVisible(bool(self._tags))

    def tags(self) -> list[str]:
        return list(self._tags)

    def set_suggestions(self, entries: list[dict]) -> None:
        """Suggestions from the photo's articles, each with accept and reject."""
        self.suggested_flow.clear()
        for entry in entries:
            chip = Chip(entry["name"], _entry_text(entry), suggestion=True)
            chip.decided.connect(lambda ok, i=entry["id"]: self.suggestionDecided.emit(i, ok))
            self.suggested_flow.addWidget(chip)
        self.suggested.setVisible(bool(entries))
        self.suggested_label.setVisible(bool(entries))

    def suggestion_chips(self) -> list[Chip]:
        return self.suggested.findChildren(Chip)

    # --- typing ------------------------------------------------------------------------------

    def _typed(self, text: str) -> None:
        name, comma, _ = text.partition(",")
        self.filter.set_text(name)
        popup = self.completer.popup()
        # "name, title" (or "event, date, place") describes a new entry: no list to pick from.
        if name.strip() and self.filter.rowCount() and not (comma and self.kind != "keyword"):
            self.completer.complete()
            if self.kind != "keyword":  # Enter takes the best match; a keyword is taken as typed
                popup.setCurrentIndex(self.completer.completionModel().index(0, 0))
        else:
            popup.hide()
        self._show_hint(text)

    def _show_hint(self, text: str) -> None:
        name = text.partition(",")[0].strip()
        picking = self.completer.popup().isVisible() and self.kind != "keyword"
        if not name or picking or self.kind == "keyword" or people.find(self._entries, name):
            self.hint.hide()
            return
        if self.kind == "person":
            name, title = people.parse_person(text)
            hint = self.tr("Enter adds a new person: %1").replace("%1", name)
            hint += (" — " + title) if title else "\n" + self.tr(
                "Type “name, title” to give the title too.")
        else:
            hint = self.tr("Enter adds a new event: %1").replace("%1", people.parse_event(text)[0])
        self.hint.setText(hint)
        self.hint.show()

    def _chosen(self, index) -> None:
        entry = index.data(EntryRole)
        if entry:
            self._add(entry["name"], None)

    def _enter(self) -> None:
        popup = self.completer.popup()
        if popup.isVisible() and popup.currentIndex().isValid():
            return  # the completer hands the chosen entry over itself, just after this
        text = self.field.text().strip()
        if not text:
            return
        if self.kind == "keyword":
            for word in filter(None, (w.strip() for w in text.split(","))):
                self._add(word, None)
            return
        name, comma, _ = text.partition(",")
        existing = people.find(self._entries, name)
        if existing is None and not comma and self.filter.rowCount():
            existing = self.filter.index(0, 0).data(EntryRole)  # the best match, as listed
        if existing:
            self._add(existing["name"], None)
        elif self.kind == "person":
            name, title = people.parse_person(text)
            self._add(name, title or "")
        else:
            name, date, place = people.parse_event(text)
            self._add(name, (date, place))

    def _add(self, name: str, extra) -> None:
        self.field.clear()
        self.hint.hide()
        self.filter.set_text("")
        self.completer.popup().hide()
        self.added.emit(name, extra)


def _entry_text(entry: dict) -> str:
    """How the completer and tooltips show an entry: the name with its title or date."""
    extra = entry.get("title") or " · ".join(filter(None, (entry.get("date"),
                                                           entry.get("place"))))
    return f"{entry['name']} — {extra}" if extra else entry["name"]
