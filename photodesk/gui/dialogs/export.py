"""ExportDialog: which photos, which format and template, where; a preview, then the export run
on a worker with progress, cancel, and a question before replacing files."""

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog,
                               QFormLayout, QHBoxLayout, QLabel, QLineEdit, QMenu, QMessageBox,
                               QPlainTextEdit, QProgressBar, QPushButton, QSpinBox, QToolButton,
                               QVBoxLayout)

from photodesk.core.catalog import Location
from photodesk.core import codes as code_list
from photodesk.core import export as export_core
from photodesk.core.catalog import Catalog
from photodesk.core import catalog
from photodesk.core.jobs import Done, Skipped
from photodesk.core.templates import VARIABLES, render
from photodesk.gui.workers.tasks import CatalogQuery, GeneratorTask, Relay

PREVIEW_ROWS = 3
PREVIEW_DELAY_MS = 250  # typing in the template pauses this long before the preview renders
ZIP_NAMES = {"csv": "captions", "json": "captions", "txt": "captions", "xmp": "sidecars",
             "jpeg": "photos", "html": "gallery"}


@dataclass(frozen=True)
class Source:
    label: str
    select: Callable[[Catalog], export_core.Selection]  # runs on a worker


@dataclass(frozen=True)
class Conflicts:
    """Files the export would replace; nothing was written."""
    paths: list


def export_events(cat: Catalog, source: Source, fmt: str, options: export_core.Options,
                  folder: str, zip_name: str | None, overwrite: bool):
    """Plan, stop with Conflicts when files exist (unless overwrite), else run the export."""
    selection = source.select(cat)
    plan = export_core.plan(cat, selection, fmt, options)
    found = export_core.conflicts(plan, Path(folder), zip_name=zip_name)
    if found and not overwrite:
        yield Conflicts(found)
        return
    yield from export_core.run(plan, folder, zip_name=zip_name, overwrite=overwrite)


def preview_captions(cat: Catalog, source: Source, template: str) -> list[str]:
    """The first captions as the export will write them (the caption itself without a template)."""
    selection = source.select(cat)
    rows = catalog.photos.photos(cat, selection.photo_ids[:PREVIEW_ROWS])
    if not template:
        return [r.get("caption") or "" for r in rows]
    codes = code_list.load_codes()
    return [render(template, r, article_title=selection.article_title, n=n, codes=codes)
            for n, r in enumerate(rows, 1)]


class ExportDialog(QDialog):
    exported = Signal(object)  # jobs.Done, after a run that wrote its files
    runFinished = Signal()  # any run ended: written, failed, cancelled or stopped by a conflict

    def __init__(self, location: Location, sources: list[Source], parent=None):
        super().__init__(parent)
        self.location, self.sources = location, sources
        self.task: GeneratorTask | None = None
        self.conflict_box: QMessageBox | None = None
        self.result_done: Done | None = None
        self.skipped: list = []
        self._restart = False
        self._relay = Relay(self)
        self._relay.result.connect(self._on_preview)
        self._preview_token = 0
        self.setWindowTitle(self.tr("Export"))
        self.resize(620, 560)
        self._build()
        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.update_preview)
        self.template.textChanged.connect(lambda _: self._preview_timer.start())
        self.source.currentIndexChanged.connect(lambda _: self._preview_timer.start())
        self.format.currentIndexChanged.connect(lambda _: self._format_changed())
        self._format_changed()
        self.update_preview()

    def _build(self) -> None:
        self.source = QComboBox()
        for s in self.sources:
            self.source.addItem(s.label)
        self.format = QComboBox()
        names = {"csv": self.tr("CSV table"), "json": self.tr("JSON"),
                 "txt": self.tr("Caption sheet (text)"), "xmp": self.tr("XMP sidecars"),
                 "jpeg": self.tr("JPEG copies with metadata"), "html": self.tr("HTML gallery")}
        for fmt in export_core.FORMATS:
            self.format.addItem(names[fmt], fmt)
        self.template = QLineEdit()
        self.template.setPlaceholderText(self.tr("Caption as it is, or e.g. {caption} Ảnh: "
                                                 "{credit}"))
        variables = QToolButton()
        variables.setText(self.tr("Variables"))
        variables.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.variables_menu = QMenu(variables)
        for name, description in VARIABLES.items():
            action = self.variables_menu.addAction("{" + name + "}")
            action.setToolTip(description)
            action.setStatusTip(description)
            action.triggered.connect(lambda *_, n=name: self.insert_variable(n))
        self.variables_menu.setToolTipsVisible(True)
        variables.setMenu(self.variables_menu)
        self.folder = QLineEdit()
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self.choose_folder)
        self.pattern = QLineEdit()
        self.pattern.setPlaceholderText(self.tr("e.g. {date:%Y%m%d}_{n:03} (the file's own "
                                                "name when empty)"))
        self.pattern.setToolTip(self.tr("How the XMP sidecars or JPEG copies are named; the "
                                        "template variables work here too."))
        self.bom = QCheckBox(self.tr("Start with a BOM (for Excel)"))
        self.zip = QCheckBox(self.tr("Put everything in one ZIP file"))
        self.long_edge = QSpinBox(minimum=0, maximum=20000, singleStep=100)
        self.long_edge.setSpecialValueText(self.tr("Full size"))
        self.long_edge.setSuffix(" px")
        self.quality = QSpinBox(minimum=1, maximum=100, value=90)
        self.preview = QPlainTextEdit(readOnly=True)
        self.preview.setMaximumHeight(110)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.hide()
        form = QFormLayout()
        form.addRow(self.tr("Photos:"), self.source)
        form.addRow(self.tr("Format:"), self.format)
        form.addRow(self.tr("Template:"), _row(self.template, variables))
        form.addRow(self.tr("Folder:"), _row(self.folder, browse))
        form.addRow(self.tr("File names:"), self.pattern)
        form.addRow("", self.bom)
        form.addRow("", self.zip)
        form.addRow(self.tr("Long edge:"), self.long_edge)
        form.addRow(self.tr("JPEG quality:"), self.quality)
        form.addRow(self.tr("Preview:"), self.preview)
        buttons = QDialogButtonBox()
        self.export_button = buttons.addButton(self.tr("Export"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.export_button.clicked.connect(lambda: self.start())
        self.cancel_button.clicked.connect(self.cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(buttons)
        self.export_button.setEnabled(bool(self.sources))
        if not self.sources:
            self.status.setText(self.tr("Select photos, search, or open an article first."))

    # --- choices -------------------------------------------------------------------------------

    def fmt(self) -> str:
        return self.format.currentData()

    def use_defaults(self, defaults) -> None:
        """Start from the export defaults in the settings (format, template, folder, BOM)."""
        self.set_format(defaults.format)
        self.template.setText(defaults.template)
        if defaults.folder:
            self.folder.setText(defaults.folder)
        self.bom.setChecked(defaults.csv_bom)

    def set_format(self, fmt: str) -> None:
        self.format.setCurrentIndex(self.format.findData(fmt))

    def chosen_source(self) -> Source | None:
        i = self.source.currentIndex()
        return self.sources[i] if 0 <= i < len(self.sources) else None

    def insert_variable(self, name: str) -> None:
        self.template.insert("{" + name + "}")
        self.template.setFocus()

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export to folder"),
                                                  self.folder.text() or str(Path.home()))
        if folder:
            self.folder.setText(folder)

    def options(self) -> export_core.Options:
        fmt = self.fmt()
        return export_core.Options(
            template=self.template.text().strip() or None, bom=self.bom.isChecked(),
            pattern=(self.pattern.text().strip() or None) if fmt in ("xmp", "jpeg") else None,
            long_edge=(self.long_edge.value() or None) if fmt == "jpeg" else None,
            quality=self.quality.value(), basename="index" if fmt == "html" else "captions")

    def zip_name(self) -> str | None:
        return ZIP_NAMES[self.fmt()] + ".zip" if self.zip.isChecked() else None

    def _format_changed(self) -> None:
        fmt = self.fmt()
        self.bom.setEnabled(fmt in ("csv", "txt"))
        self.pattern.setEnabled(fmt in ("xmp", "jpeg"))
        self.long_edge.setEnabled(fmt == "jpeg")
        self.quality.setEnabled(fmt == "jpeg")

    # --- preview -------------------------------------------------------------------------------

    def update_preview(self) -> None:
        source = self.chosen_source()
        if source is None:
            return
        self._preview_token += 1
        QThreadPool.globalInstance().start(CatalogQuery(
            self._relay, self._preview_token, self.location, preview_captions, source,
            self.template.text().strip()))

    def _on_preview(self, token, value) -> None:
        if token != self._preview_token:
            return  # typing went on; a newer preview is coming
        if isinstance(value, Exception):
            self.preview.setPlainText(str(value))
        else:
            self.preview.setPlainText("\n".join(value) if value else self.tr("(no photos)"))

    def preview_lines(self) -> list[str]:
        return self.preview.toPlainText().splitlines()

    # --- running -------------------------------------------------------------------------------

    def is_running(self) -> bool:
        return self.task is not None

    def start(self, overwrite: bool = False) -> bool:
        """Start the export; False (with the reason shown) when it cannot start."""
        source, folder = self.chosen_source(), self.folder.text().strip()
        if self.is_running() or source is None:
            return False
        if not folder:
            self.status.setText(self.tr("Choose the folder to export into."))
            return False
        self.result_done, self.skipped = None, []
        fmt, options, zip_name = self.fmt(), self.options(), self.zip_name()
        self.task = GeneratorTask(self.location, lambda cat: export_events(
            cat, source, fmt, options, folder, zip_name, overwrite), self)
        self.task.events.connect(self._on_events)
        self.task.progress.connect(self._on_progress)
        self.task.failed.connect(self._on_failed)
        self.task.done.connect(self._on_done)
        self.status.setText(self.tr("Exporting…"))
        self.progress.setRange(0, 0)
        self.progress.show()
        self.export_button.setEnabled(False)
        self.task.start()
        return True

    def _on_events(self, events) -> None:
        for event in events:
            if isinstance(event, Skipped):
                self.skipped.append(event)
            elif isinstance(event, Done):
                self.result_done = event
            elif isinstance(event, Conflicts):
                self._ask_overwrite(event.paths)

    def _on_progress(self, progress) -> None:
        self.progress.setRange(0, progress.total)
        self.progress.setValue(progress.done)

    def _on_failed(self, message: str) -> None:
        self.status.setText(self.tr("Export failed: %1").replace("%1", message))

    def _on_done(self, cancelled: bool) -> None:
        task, self.task = self.task, None
        task.deleteLater()
        self.progress.hide()
        self.export_button.setEnabled(True)
        done = self.result_done
        if cancelled:
            self.status.setText(self.tr("Export cancelled; the files written so far are "
                                        "whole."))
        elif done is not None:
            text = self.tr("%n file(s) written.", "", len(done.written))
            if self.skipped:
                text += " " + self.tr("Skipped: %1").replace("%1", "; ".join(
                    f"{s.path}: {s.reason}" for s in self.skipped))
            self.status.setText(text)
            self.exported.emit(done)
        self.runFinished.emit()
        if self._restart:
            self._restart = False
            self.start(overwrite=True)

    def _ask_overwrite(self, paths: list) -> None:
        shown = "\n".join(str(p) for p in paths[:8]) + ("\n…" if len(paths) > 8 else "")
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Replace files?"),
                          self.tr("%n file(s) exist already:", "", len(paths)) + "\n" + shown,
                          parent=self)
        self.overwrite_button = box.addButton(self.tr("Overwrite"),
                                              QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(lambda button: self._answered(button is self.overwrite_button))
        self.conflict_box = box
        self.status.setText(self.tr("Nothing was written: files exist already."))
        box.open()

    def _answered(self, overwrite: bool) -> None:
        self.conflict_box = None
        if overwrite and self.task is None:
            self.start(overwrite=True)
        elif overwrite:
            self._restart = True  # the checking run is still winding down

    def cancel(self) -> None:
        """Stop a running export after its current file, else close the dialog."""
        self.reject()

    def reject(self) -> None:
        if self.task is not None:
            self.task.cancel()  # Escape stops the export; the dialog stays to say so
        else:
            super().reject()

    def shutdown(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.task.wait()


def _row(*widgets) -> QHBoxLayout:
    row = QHBoxLayout()
    for w in widgets:
        row.addWidget(w)
    return row
