"""SettingsDialog: every choice kept in the user's settings file, on four tabs."""

import copy
from pathlib import Path

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog,
                               QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QMessageBox,
                               QPushButton, QRadioButton, QSpinBox, QTableWidget,
                               QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from photodesk.core import settings as store

# Each language is named in itself, so someone who cannot read the current one still finds theirs.
LANGUAGE_NAMES = (("vi", "Tiếng Việt"), ("en", "English"))
MAX_CACHE_MB = 1024 * 1024


class SettingsDialog(QDialog):
    def __init__(self, current: store.Settings, parent=None, *, folders_editable: bool = True):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.resize(640, 460)
        self.settings = copy.deepcopy(current)
        self.removed_folders: list[str] = []  # removed from the catalog when OK is pressed
        tabs = QTabWidget()
        tabs.addTab(self._general_tab(current), self.tr("General"))
        tabs.addTab(self._folders_tab(current), self.tr("Folders"))
        # The watched list belongs to the settings' catalog; another one open cannot edit it.
        tabs.setTabEnabled(1, folders_editable)
        if not folders_editable:
            tabs.setTabToolTip(1, self.tr("The watched folders belong to the catalog named in "
                                          "the settings, not to the one open now."))
        tabs.addTab(self._writing_tab(current), self.tr("Writing"))
        tabs.addTab(self._export_tab(current), self.tr("Export"))
        self.tabs = tabs
        note = QLabel(self.tr("A new language, catalog, thumbnail folder or observer is used "
                              "from the next start of PhotoDesk."))
        note.setObjectName("hint")
        note.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setObjectName("status")
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(note)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    # --- tabs -----------------------------------------------------------------------------------

    def _general_tab(self, current: store.Settings) -> QWidget:
        self.language = QComboBox()
        self.language.addItem(self.tr("System language"), "")
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(current.language)))
        self.catalog = QLineEdit(current.catalog)
        self.catalog.setPlaceholderText(str(store.Settings().catalog_path()))
        self.thumbnail_cache = QLineEdit(current.thumbnail_cache)
        self.thumbnail_cache.setPlaceholderText(self.tr("Beside the catalog"))
        self.cache_limit = QSpinBox()
        self.cache_limit.setRange(16, MAX_CACHE_MB)
        self.cache_limit.setSingleStep(256)
        self.cache_limit.setSuffix(" MB")
        self.cache_limit.setValue(current.thumbnail_cache_mb)
        cache_note = QLabel(self.tr("The least recently viewed thumbnails are removed when the "
                                    "cache grows past this size; they are made again from the "
                                    "photos when needed."))
        cache_note.setObjectName("hint")
        cache_note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(self.tr("Catalog file:"), _with_button(self.catalog, self.tr("Choose…"),
                                                           self._choose_catalog))
        form.addRow(self.tr("Thumbnail folder:"), _with_button(
            self.thumbnail_cache, self.tr("Choose…"),
            lambda: self._choose_folder(self.thumbnail_cache, self.tr("Thumbnail folder"))))
        form.addRow(self.tr("Thumbnail cache limit:"), self.cache_limit)
        form.addRow("", cache_note)
        return _page(form)

    def _folders_tab(self, current: store.Settings) -> QWidget:
        self.folders = QTableWidget(0, 2)
        self.folders.setHorizontalHeaderLabels([self.tr("Folder"), self.tr("Watched by")])
        header = self.folders.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.folders.verticalHeader().hide()
        self.folders.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.folders.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for folder in current.folders:
            self._add_folder_row(folder)
        remove = QPushButton(self.tr("Remove from catalog…"))
        remove.clicked.connect(self._remove_folder)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(remove)
        note = QLabel(self.tr("Automatic uses the system's notifications, and listing every few "
                              "seconds on network shares, where notifications do not arrive. "
                              "Add a folder with File → Add folder or by dropping it on the "
                              "window."))
        note.setObjectName("hint")
        note.setWordWrap(True)
        layout = QVBoxLayout()
        layout.addWidget(self.folders)
        layout.addLayout(row)
        layout.addWidget(note)
        return _page(layout)

    def _add_folder_row(self, folder: store.WatchedFolder) -> None:
        row = self.folders.rowCount()
        self.folders.insertRow(row)
        item = QTableWidgetItem(folder.path)
        item.setToolTip(folder.path)
        self.folders.setItem(row, 0, item)
        observer = QComboBox()
        for code, name in (("auto", self.tr("Automatic")), ("native", self.tr("Notifications")),
                           ("polling", self.tr("Listing (network shares)"))):
            observer.addItem(name, code)
        observer.setCurrentIndex(max(0, observer.findData(folder.observer)))
        self.folders.setCellWidget(row, 1, observer)

    def _remove_folder(self) -> None:
        rows = sorted({i.row() for i in self.folders.selectedIndexes()}, reverse=True)
        if not rows:
            return
        paths = [self.folders.item(r, 0).text() for r in rows]
        answer = QMessageBox.question(
            self, self.tr("Remove from catalog"),
            self.tr("Remove %1 from the catalog when you press OK? Its photos and articles leave "
                    "the catalog, with edits not yet written to the files. The files on disk are "
                    "not touched; adding the folder again brings them back.")
            .replace("%1", ", ".join(paths)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        for row, path in zip(rows, paths):
            self.folders.removeRow(row)
            self.removed_folders.append(path)

    def _writing_tab(self, current: store.Settings) -> QWidget:
        self.embedded = QRadioButton(self.tr("Into the photos (XMP and IPTC, losslessly)"))
        self.sidecar = QRadioButton(self.tr("Into XMP sidecar files beside the photos"))
        (self.sidecar if current.write_mode == "sidecar" else self.embedded).setChecked(True)
        note = QLabel(self.tr("Used by File → Write metadata to files… and by photodesk write; "
                              "each write can still choose otherwise."))
        note.setObjectName("hint")
        note.setWordWrap(True)
        layout = QVBoxLayout()
        layout.addWidget(QLabel(self.tr("Write metadata:")))
        for widget in (self.embedded, self.sidecar, note):
            layout.addWidget(widget)
        layout.addStretch(1)
        return _page(layout)

    def _export_tab(self, current: store.Settings) -> QWidget:
        names = {"csv": self.tr("CSV table"), "json": self.tr("JSON"),
                 "txt": self.tr("Caption sheet (text)"), "xmp": self.tr("XMP sidecars"),
                 "jpeg": self.tr("JPEG copies with metadata"), "html": self.tr("HTML gallery")}
        self.export_format = QComboBox()
        for fmt in store.EXPORT_FORMATS:
            self.export_format.addItem(names[fmt], fmt)
        self.export_format.setCurrentIndex(
            max(0, self.export_format.findData(current.export.format)))
        self.export_template = QLineEdit(current.export.template)
        self.export_template.setPlaceholderText(self.tr("Caption as it is, or e.g. {caption} "
                                                        "Ảnh: {credit}"))
        self.export_folder = QLineEdit(current.export.folder)
        self.export_folder.setPlaceholderText(self.tr("None: chosen in the Export dialog"))
        self.export_bom = QCheckBox(self.tr("Start CSV and text files with a BOM (for Excel)"))
        self.export_bom.setChecked(current.export.csv_bom)
        form = QFormLayout()
        form.addRow(self.tr("Format:"), self.export_format)
        form.addRow(self.tr("Template:"), self.export_template)
        form.addRow(self.tr("Folder:"), _with_button(
            self.export_folder, self.tr("Choose…"),
            lambda: self._choose_folder(self.export_folder, self.tr("Export folder"))))
        form.addRow("", self.export_bom)
        return _page(form)

    # --- choosing places -------------------------------------------------------------------------

    def _choose_catalog(self) -> None:
        start = self.catalog.text() or str(store.Settings().catalog_path())
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Catalog file"), start, self.tr("PhotoDesk catalog (*.sqlite)"),
            options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.catalog.setText(path)

    def _choose_folder(self, field: QLineEdit, title: str) -> None:
        folder = QFileDialog.getExistingDirectory(self, title, field.text() or str(Path.home()))
        if folder:
            field.setText(folder)

    def accept(self) -> None:
        """Only settings that read back as given are kept: say what is wrong, stay open."""
        wrong = store.check(self.chosen())
        if wrong:
            self.problem.setText(self.tr("Not saved: %1").replace("%1", "; ".join(wrong)))
            self.problem.show()
            return
        super().accept()

    # --- the result ------------------------------------------------------------------------------

    def chosen(self) -> store.Settings:
        """The settings as the dialog shows them (keys it does not show are kept)."""
        result = copy.deepcopy(self.settings)
        result.language = self.language.currentData() or ""
        result.catalog = self.catalog.text().strip()
        result.thumbnail_cache = self.thumbnail_cache.text().strip()
        result.thumbnail_cache_mb = self.cache_limit.value()
        result.folders = [store.WatchedFolder(self.folders.item(row, 0).text(),
                                              self.folders.cellWidget(row, 1).currentData())
                          for row in range(self.folders.rowCount())]
        result.write_mode = "sidecar" if self.sidecar.isChecked() else "embedded"
        result.export = store.ExportDefaults(
            format=self.export_format.currentData(), template=self.export_template.text(),
            folder=self.export_folder.text().strip(), csv_bom=self.export_bom.isChecked())
        return result


def _with_button(field: QLineEdit, text: str, slot) -> QWidget:
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(field, 1)
    button = QPushButton(text)
    button.clicked.connect(slot)
    row.addWidget(button)
    return box


def _page(layout) -> QWidget:
    page = QWidget()
    page.setLayout(layout)
    return page
