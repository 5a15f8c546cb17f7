"""SettingsDialog: the choices kept in the user's settings file, on four tabs, and the open
catalog's folders (kept in the catalog: the window applies what changed through the core)."""

import copy
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QThreadPool, Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog,
                               QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QMessageBox,
                               QPushButton, QRadioButton, QSpinBox, QTableWidget,
                               QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from photodesk.core import catalog
from photodesk.core import settings as store
from photodesk.core.catalog import Location
from photodesk.core.folders import observer_of
from photodesk.core.paths import normal_path
from photodesk.gui.workers.tasks import CatalogQuery, Relay

# Each language is named in itself, so someone who cannot read the current one still finds theirs.
LANGUAGE_NAMES = (("vi", "Tiếng Việt"), ("en", "English"))
MAX_CACHE_MB = 1024 * 1024
PathRole = Qt.ItemDataRole.UserRole  # the folder's path as the catalog keeps it


@dataclass
class FolderChanges:
    """What the Folders tab changed, for the window to apply when OK is pressed."""
    added: dict[str, str] = field(default_factory=dict)  # path -> observer: add and index
    observers: dict[str, str] = field(default_factory=dict)  # catalog folder -> new observer
    removed: list[str] = field(default_factory=list)  # forget (the files stay on disk)


class SettingsDialog(QDialog):
    """location: the open catalog, whose folders the Folders tab lists (read on a worker)."""

    foldersLoaded = Signal()

    def __init__(self, current: store.Settings, parent=None, *,
                 location: Location | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.resize(640, 460)
        self.settings = copy.deepcopy(current)
        self.removed_folders: list[str] = []  # removed from the catalog when OK is pressed
        self._observers: dict[str, str] = {}  # each catalog folder's observer as read
        tabs = QTabWidget()
        tabs.addTab(self._general_tab(current), self.tr("General"))
        tabs.addTab(self._folders_tab(location), self.tr("Folders"))
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

    def _folders_tab(self, location: Location | None) -> QWidget:
        self.folders = QTableWidget(0, 2)
        self.folders.setHorizontalHeaderLabels([self.tr("Folder"), self.tr("Watched by")])
        header = self.folders.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.folders.verticalHeader().hide()
        self.folders.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.folders.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        add = QPushButton(self.tr("Add folder…"))
        add.clicked.connect(lambda: self.add_folder())
        remove = QPushButton(self.tr("Remove from catalog…"))
        remove.clicked.connect(self._remove_folder)
        for button in (add, remove):
            button.setEnabled(location is not None)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(add)
        row.addWidget(remove)
        whose = self.tr("The folders of the catalog open now, %1: every PhotoDesk that opens "
                        "it watches them, whatever its own settings.")
        note = QLabel(whose.replace("%1", location.name if location is not None else "—") + " "
                      + self.tr("Automatic uses the system's notifications, and listing every "
                                "few seconds on network shares, where notifications do not "
                                "arrive."))
        note.setObjectName("hint")
        note.setWordWrap(True)
        layout = QVBoxLayout()
        layout.addWidget(self.folders)
        layout.addLayout(row)
        layout.addWidget(note)
        if location is not None:
            self._relay = Relay(self)
            self._relay.result.connect(self._on_folders)
            QThreadPool.globalInstance().start(CatalogQuery(
                self._relay, "folders", location, catalog.folders.folders))
        return _page(layout)

    def _on_folders(self, _token, rows) -> None:
        if isinstance(rows, Exception):
            self.problem.setText(self.tr("The catalog's folders could not be read: %1")
                                 .replace("%1", str(rows)))
            self.problem.show()
            return
        for row in rows:
            self._observers[row["path"]] = observer_of(row)
            self._add_folder_row(row["path"], observer_of(row))
        self.foldersLoaded.emit()

    def _add_folder_row(self, path: str, observer_choice: str) -> None:
        row = self.folders.rowCount()
        self.folders.insertRow(row)
        item = QTableWidgetItem(path)
        item.setToolTip(path)
        item.setData(PathRole, path)
        self.folders.setItem(row, 0, item)
        observer = QComboBox()
        for code, name in (("auto", self.tr("Automatic")), ("native", self.tr("Notifications")),
                           ("polling", self.tr("Listing (network shares)"))):
            observer.addItem(name, code)
        observer.setCurrentIndex(max(0, observer.findData(observer_choice)))
        self.folders.setCellWidget(row, 1, observer)

    def folder_paths(self) -> list[str]:
        """The folders as the table lists them now."""
        return [self.folders.item(r, 0).data(PathRole) for r in range(self.folders.rowCount())]

    def add_folder(self, path: str | None = None) -> None:
        """List a folder to add to the catalog (and index) when OK is pressed; path None asks
        for it."""
        if path is None:
            path = QFileDialog.getExistingDirectory(self, self.tr("Add folder"),
                                                    str(Path.home()))
            if not path:
                return
        path = normal_path(path)
        if path in self.removed_folders:
            self.removed_folders.remove(path)  # put back before OK: nothing to remove
        elif path in self.folder_paths():
            self.folders.selectRow(self.folder_paths().index(path))
            return
        self._add_folder_row(path, self._observers.get(path, "auto"))

    def _remove_folder(self) -> None:
        rows = sorted({i.row() for i in self.folders.selectedIndexes()}, reverse=True)
        if not rows:
            return
        paths = [self.folders.item(r, 0).data(PathRole) for r in rows]
        # A folder added in this dialog is not in the catalog yet: it just leaves the list.
        known = [p for p in paths if p in self._observers]
        if known and QMessageBox.question(
                self, self.tr("Remove from catalog"),
                self.tr("Remove %1 from the catalog when you press OK? Its photos and articles "
                        "leave the catalog, with edits not yet written to the files. The files "
                        "on disk are not touched; adding the folder again brings them back.")
                .replace("%1", ", ".join(known))) != QMessageBox.StandardButton.Yes:
            return
        for row in rows:
            self.folders.removeRow(row)
        self.removed_folders += known

    def folder_changes(self) -> FolderChanges:
        changes = FolderChanges(removed=list(self.removed_folders))
        for row in range(self.folders.rowCount()):
            path = self.folders.item(row, 0).data(PathRole)
            observer = self.folders.cellWidget(row, 1).currentData()
            if path not in self._observers:
                changes.added[path] = observer
            elif observer != self._observers[path]:
                changes.observers[path] = observer
        return changes

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
        wrong = store.check(self.chosen(), self.folder_paths())
        if wrong:
            self.problem.setText(self.tr("Not saved: %1").replace("%1", "; ".join(wrong)))
            self.problem.show()
            return
        super().accept()

    # --- the result ------------------------------------------------------------------------------

    def chosen(self) -> store.Settings:
        """The settings as the dialog shows them (keys it does not show are kept; the folders
        are the catalog's: folder_changes())."""
        result = copy.deepcopy(self.settings)
        result.language = self.language.currentData() or ""
        result.catalog = self.catalog.text().strip()
        result.thumbnail_cache = self.thumbnail_cache.text().strip()
        result.thumbnail_cache_mb = self.cache_limit.value()
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
