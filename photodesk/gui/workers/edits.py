"""Editor: every change to photos as an undoable command, run in order on one writer thread.

A command reads the values it replaces on the writer thread the first time it runs, so the
GUI never reads the catalog to make an edit undoable; undo puts those values back. The
catalog has one writer: all edits queue on a pool of one thread and run in the order made.
"""

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from photodesk.core.catalog import Location
from photodesk.core import edit, people
from photodesk.core.articles.link import choose_photo
from photodesk.core.catalog.edits import EditConflict
from photodesk.core.catalog.postgres import lost_archive
from photodesk.gui.workers.tasks import CatalogQuery, Relay


class Command(QUndoCommand):
    """An edit of some photos: capture() the old values once, apply() it, revert() it."""

    def __init__(self, editor: "Editor", ids, text: str):
        super().__init__(text)
        self.ids = list(ids)
        self._editor = editor
        self._before = None

    def redo(self) -> None:
        self._editor.run(self._redo, self.ids, key=self.fields())

    def undo(self) -> None:
        self._editor.run(self._undo, self.ids, key=self.fields())

    def _redo(self, cat) -> None:  # on the writer thread, like everything below
        if self._before is None:
            self._before = self.capture(cat)
        self.apply(cat)
        self._editor.note_versions(cat, self.ids)

    def _undo(self, cat) -> None:
        self.revert(cat, self._before)
        self._editor.note_versions(cat, self.ids)

    def fields(self) -> tuple[str, ...]:
        raise NotImplementedError

    def capture(self, cat):
        raise NotImplementedError

    def apply(self, cat) -> None:
        raise NotImplementedError

    def revert(self, cat, before) -> None:
        people.restore(cat, before)


class FieldEdit(Command):
    """Set fields (caption, rating, event…) to the same value on every photo."""

    def __init__(self, editor, ids, changes: dict, text: str, new_event=None, versions=None):
        super().__init__(editor, ids, text)
        self.changes = dict(changes)
        self._new_event = new_event  # (name, date, place) to register first
        self._versions = versions  # {photo id: the version the editor saw}: the first time

    def fields(self) -> tuple[str, ...]:
        return tuple(self.changes)

    def capture(self, cat):
        return people.snapshot(cat, self.ids, self.changes)

    def apply(self, cat) -> None:
        if self._new_event:
            people.add_event(cat, *self._new_event)
        versions = self._editor.believed(self._versions)
        try:
            edit.edit_photos(cat, self.ids, versions=versions, desk=self._editor.desk or None,
                             **self.changes)
            self._versions = None  # saved: a redo after undo saves over whatever is there
        except EditConflict as conflict:
            self._versions = None
            # Nothing was saved: undoing this edit must not put back what it replaced (the
            # other desk's values are there now).
            self._before = {}
            conflict.changes, conflict.text = self.changes, self.text()
            raise


class TagEdit(Command):
    """Add or remove people or keywords, each photo keeping the others it has."""

    def __init__(self, editor, ids, field: str, add=(), remove=(), text: str = "",
                 new_person=None):
        super().__init__(editor, ids, text)
        self.field, self.add, self.remove = field, list(add), list(remove)
        self._new_person = new_person  # (name, title) to register first

    def fields(self) -> tuple[str, ...]:
        return (self.field,)

    def capture(self, cat):
        return people.snapshot(cat, self.ids, [self.field])

    def apply(self, cat) -> None:
        if self._new_person:
            people.add_person(cat, *self._new_person)
        people.tag(cat, self.ids, self.field, self.add, self.remove)


class Decision(Command):
    """Accept or reject a suggested person or event."""

    def __init__(self, editor, ids, kind: str, target_id: int, accept: bool, text: str):
        super().__init__(editor, ids, text)
        self.kind, self.target_id, self.accept = kind, target_id, accept

    def fields(self) -> tuple[str, ...]:
        return ("people",) if self.kind == "person" else ("event",)

    def _redo(self, cat) -> None:
        before = people.decide(cat, self.ids, self.kind, self.target_id, self.accept)
        if self._before is None:
            self._before = before

    def revert(self, cat, before) -> None:
        people.undecide(cat, before, self.kind, self.target_id)


class AllSuggestions(Command):
    """Accept every suggestion waiting on some photos (an article's): one step to undo."""

    def fields(self) -> tuple[str, ...]:
        return ("people", "event")

    def _redo(self, cat) -> None:
        before = people.decide_all(cat, self.ids)
        if self._before is None:
            self._before = before

    def revert(self, cat, before) -> None:
        people.undecide_all(cat, before)


class Editor(QObject):
    """Owns the undo stack and the writer; tells the window which photos changed."""

    changed = Signal(object, object)  # photo ids whose rows changed, the fields (None: any)
    # another desk changed a photo since it was shown: nothing saved (an EditConflict, with
    # the edit's changes and text)
    conflicted = Signal(object)
    registryChanged = Signal()  # people or events were created
    articleChanged = Signal(int)
    failed = Signal(str)
    idle = Signal()  # every queued edit is written

    def __init__(self, location: Location, parent=None, desk: str = ""):
        super().__init__(parent)
        self._location = location
        self.desk = desk  # this desk's name in the history (the settings' desk)
        self._own: dict[int, int] = {}  # photo id -> the version this window's edits left
        self._asked = 0
        self._asking: dict[int, tuple] = {}  # each edit running: (fn, ids, kind, key)
        self._waiting: list[tuple] = []  # edits made while the archive was away, in order
        self.stack = QUndoStack(self)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one writer: edits land in the order they were made
        self._relay = Relay(self)
        self._relay.result.connect(self._on_done)
        self._kept: set[tuple[int, int]] = set()
        self._queued = 0

    def run(self, fn, ids, kind: str = "photos", key=None) -> None:
        self._queued += 1
        self._asked += 1
        self._asking[self._asked] = (fn, ids, kind, key)
        self._pool.start(CatalogQuery(self._relay, (kind, tuple(ids), key, self._asked),
                                      self._location, fn))

    def save_waiting(self) -> None:
        """The archive is back: the edits made while it was away are saved now, in order (each
        still checked against the version it was made on)."""
        waiting, self._waiting = self._waiting, []
        for fn, ids, kind, key in waiting:
            self.run(fn, ids, kind, key)

    def edit(self, ids, changes: dict, text: str, new_event=None, versions=None) -> None:
        """versions: {photo id: version} as the editor saw them (None: save over whatever
        is there): another desk's change since then makes the edit a conflict."""
        if ids:
            self.stack.push(FieldEdit(self, ids, changes, text, new_event, versions))
            if new_event:
                self.run(lambda cat: None, (), "registry")

    def tag(self, ids, field: str, add=(), remove=(), text: str = "", new_person=None) -> None:
        if ids:
            self.stack.push(TagEdit(self, ids, field, add, remove, text, new_person))
            if new_person:
                self.run(lambda cat: None, (), "registry")

    def decide(self, ids, kind: str, target_id: int, accept: bool, text: str) -> None:
        if ids:
            self.stack.push(Decision(self, ids, kind, target_id, accept, text))

    def accept_all(self, ids, text: str) -> None:
        """Confirm every suggestion waiting on these photos."""
        if ids:
            self.stack.push(AllSuggestions(self, ids, text))

    def choose_photo(self, article_id: int, position: int, photo_id: int) -> None:
        """Settle an ambiguous reference (not undoable: it is a link, not a photo edit)."""
        self.run(lambda cat: choose_photo(cat, article_id, position, photo_id), [photo_id],
                 "article", article_id)

    def keep_caption(self, photo_id: int, article_id: int) -> None:
        """The editor keeps the photo's caption over the article's: stop asking, now and after
        a restart (the catalog remembers the caption kept)."""
        self._kept.add((photo_id, article_id))
        self.run(lambda cat: edit.keep_photo_caption(cat, photo_id, article_id), [photo_id])
        self.changed.emit([photo_id], ("caption",))

    def kept(self, photo_id: int, article_id: int) -> bool:
        return (photo_id, article_id) in self._kept

    def note_versions(self, cat, ids) -> None:
        """On the writer thread: the versions this window's own edit left."""
        if ids:
            self._own.update(edit.versions(cat, ids))

    def believed(self, versions):
        """On the writer thread: the version the editor's view stands for, per photo: the one
        shown, or the one this window's own later edits left (they changed it, not another
        desk)."""
        if not versions:
            return None
        return {pid: max(v, self._own.get(pid, 0)) for pid, v in versions.items()
                if v is not None}

    def wait(self) -> None:
        """Block until every queued edit is written (tests, closing the window)."""
        self._pool.waitForDone()

    def _on_done(self, token, value) -> None:
        kind, ids, key, asked = token
        self._queued -= 1
        edit_made = self._asking.pop(asked, None)
        if isinstance(value, Exception) and lost_archive(value) and edit_made is not None:
            if not self._waiting:
                self.failed.emit(QCoreApplication.translate(
                    "Editor", "The archive cannot be reached: your edits are kept, and saved "
                    "when it is back."))
            self._waiting.append(edit_made)
            value = None
        if isinstance(value, EditConflict):
            self.conflicted.emit(value)
        elif isinstance(value, Exception):
            self.failed.emit(str(value) or type(value).__name__)
        if kind == "registry":
            self.registryChanged.emit()
        elif kind == "article":
            self.articleChanged.emit(key)
        if ids:
            self.changed.emit(list(ids), key if kind == "photos" else None)
        if not self._queued:
            self.idle.emit()

    def busy(self) -> bool:
        return self._queued > 0
