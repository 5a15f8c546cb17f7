"""Writing: the "Write metadata to files…" flow (pre-flight, dialog, write on a worker) and the
Export dialog, as the main window's actions."""

from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtWidgets import QPushButton

from photodesk.core.export import of_article, of_event, of_photos
from photodesk.core.metadata.write import Written, write_photos
from photodesk.core.preflight import preflight_write
from photodesk.gui.dialogs.export import ExportDialog, Source
from photodesk.gui.dialogs.preflight import PreflightDialog
from photodesk.gui.workers.tasks import CatalogQuery, GeneratorTask, Relay
from photodesk.gui.window_parts import build_write_export_menus


class Writing(QObject):
    """Owns the write task and the dialogs; tells the window what changed through signals."""

    dialogShown = Signal(object)  # the PreflightDialog or ExportDialog just opened
    photosChanged = Signal(list)  # ids whose files (and catalog rows) were written
    problem = Signal(str, str)  # path, reason
    message = Signal(str)  # for the status bar
    finished = Signal(int, int)  # photos written, photos not written

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.location = window.location
        self.dialog = None
        self.task: GeneratorTask | None = None
        self._relay = Relay(self)
        self._relay.result.connect(self._on_preflight)
        self._token = 0
        self._written: list[int] = []
        self._failed = 0
        self._after_edits: list[int] | None = None
        self.write_action, self.export_action = build_write_export_menus(
            window, self.write_selected, self.open_export)
        # In the status bar while a write runs: it stops after the photo being written, so no
        # file is ever left half done.
        self.stop_button = QPushButton(self.tr("Stop writing"))
        self.stop_button.setObjectName("stopWriting")
        self.stop_button.clicked.connect(self.cancel)
        self.stop_button.hide()
        window.statusBar().addPermanentWidget(self.stop_button)

    # --- writing -----------------------------------------------------------------------------

    def is_writing(self) -> bool:
        return self.task is not None

    def cancel(self) -> None:
        """Stop the running write after the photo in hand (each photo is whole or untouched)."""
        if self.task is not None:
            self.task.cancel()
            self.stop_button.setEnabled(False)
            self.message.emit(self.tr("Stopping after the photo being written…"))

    def write_selected(self) -> None:
        self.write(self.window.selected_ids())

    def write(self, photo_ids: list[int]) -> None:
        """Pre-flight off the GUI thread, then the dialog; the write starts when it is accepted."""
        if not photo_ids:
            self.message.emit(self.tr("Select the photos to write first."))
            return
        if self.is_writing():
            self.message.emit(self.tr("A write is already running."))
            return
        editor = self.window.editor
        if editor.busy():  # the edits still queued must reach the catalog before the check
            if self._after_edits is None:
                editor.idle.connect(self._edits_settled)
            self._after_edits = list(photo_ids)
            return
        self._token += 1
        self.message.emit(self.tr("Checking %n photo(s)…", "", len(photo_ids)))
        QThreadPool.globalInstance().start(CatalogQuery(
            self._relay, (self._token, list(photo_ids)), self.location, preflight_write,
            list(photo_ids)))

    def _edits_settled(self) -> None:
        self.window.editor.idle.disconnect(self._edits_settled)
        ids, self._after_edits = self._after_edits, None
        self.write(ids)

    def _on_preflight(self, token, report) -> None:
        number, ids = token
        if number != self._token:
            return  # a newer request replaced this one
        if isinstance(report, Exception):
            self.message.emit(self.tr("Pre-flight failed: %1").replace("%1", str(report)))
            return
        dialog = PreflightDialog(report, self.window)
        dialog.sidecar.setChecked(self.window.settings().write_mode == "sidecar")
        dialog.accepted.connect(lambda: self._start_write(ids, dialog.use_sidecars()))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        self.dialogShown.emit(dialog)

    def _start_write(self, ids: list[int], sidecar: bool) -> None:
        if self.is_writing():
            return
        self._written, self._failed = [], 0
        self.task = GeneratorTask(self.location,
                                  lambda cat: write_photos(cat, ids, sidecar=sidecar), self)
        self.task.events.connect(self._on_events)
        self.task.problem.connect(self._on_not_written)
        self.task.progress.connect(self._on_progress)
        self.task.failed.connect(lambda msg: self.problem.emit(str(self.location), msg))
        self.task.done.connect(self._on_done)
        self.stop_button.setEnabled(True)
        self.stop_button.show()
        self.task.start()

    def _on_events(self, events) -> None:
        changed = []
        for event in events:
            if isinstance(event, Written):
                self._written.append(event.photo_id)
                changed.append(event.photo_id)
                for note in event.notes:
                    self.problem.emit(event.path, note)
        if changed:
            self.photosChanged.emit(changed)

    def _on_not_written(self, path: str, reason: str) -> None:
        self._failed += 1
        self.problem.emit(path, reason)

    def _on_progress(self, progress) -> None:
        self.message.emit(self.tr("Writing metadata: %1 of %2…").replace(
            "%1", str(progress.done)).replace("%2", str(progress.total)))

    def _on_done(self, cancelled: bool) -> None:
        task, self.task = self.task, None
        task.deleteLater()
        self.stop_button.hide()
        written, failed = len(self._written), self._failed
        text = self.tr("Metadata written to %n photo(s).", "", written)
        if cancelled:
            text += " " + self.tr("Stopped; the others are as they were.")
        if failed:
            text += " " + self.tr("%n could not be written (see Problems).", "", failed)
        self.message.emit(text)
        self.finished.emit(written, failed)

    # --- exporting ---------------------------------------------------------------------------

    def open_export(self) -> ExportDialog:
        dialog = ExportDialog(self.location, self.export_sources(), self.window)
        dialog.use_defaults(self.window.settings().export)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        self.dialogShown.emit(dialog)
        return dialog

    def export_sources(self) -> list[Source]:
        """The selection, the grid's current search, and the open article, when there are."""
        window = self.window
        sources = []
        ids = window.selected_ids()
        if ids:
            sources.append(Source(self.tr("Selected photos (%n)", "", len(ids)),
                                  lambda cat: of_photos(cat, ids)))
        query, all_ids = window.model.query, window.model.ids()
        if all_ids:
            label = (self.tr("Search “%1” (%2 photos)").replace("%1", query) if query
                     else self.tr("Photos in the grid (%2)")).replace("%2", str(len(all_ids)))
            sources.append(Source(label, lambda cat: _titled(of_photos(cat, all_ids), query)))
        article = window.article_view.article_id()
        if article is not None:
            sources.append(Source(self.tr("The open article"),
                                  lambda cat: of_article(cat, article)))
        scope = window.model.scope
        if scope.kind == "event":
            sources.append(Source(self.tr("The event chosen in the sidebar"),
                                  lambda cat: of_event(cat, scope.key)))
        return sources

    def shutdown(self) -> None:
        """The write in progress finishes its current photo and stops."""
        if self.task is not None:
            self.task.cancel()
            self.task.wait()
        if isinstance(self.dialog, ExportDialog):
            try:
                self.dialog.shutdown()
            except RuntimeError:
                pass  # the dialog was closed and deleted already


def _titled(selection, title: str):
    selection.title = title or None
    return selection
