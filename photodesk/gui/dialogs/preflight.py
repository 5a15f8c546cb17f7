"""PreflightDialog: the pre-flight report of a write, grouped by photo, with Write and Cancel."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QLabel, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout)

from photodesk.core.preflight import ERROR, Report

OPEN_GROUPS = 20  # photos whose issues are listed unfolded


class PreflightDialog(QDialog):
    """Window-modal and opened with open(): the editor reads it while the grid stays drawn."""

    def __init__(self, report: Report, parent=None):
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(self.tr("Write metadata to files"))
        self.resize(640, 420)
        self.summary = QLabel(self._summary_text())
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self._fill()
        self.sidecar = QCheckBox(self.tr("Write to XMP sidecars instead (leave the photos "
                                         "untouched)"))
        buttons = QDialogButtonBox()
        self.write_button = buttons.addButton(self.tr("Write"),
                                              QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.summary, self.tree, self.sidecar, buttons):
            layout.addWidget(widget)

    def use_sidecars(self) -> bool:
        return self.sidecar.isChecked()

    def _summary_text(self) -> str:
        r = self.report
        text = self.tr("%n photo(s) to write.", "", r.photos)
        if not r.issues:
            return text + " " + self.tr("Nothing to report.")
        names = self._kind_names()
        counted = "; ".join(names[kind](n) for kind, n in r.counts().items())
        return text + " " + self.tr("%1 error(s), %2 warning(s).").replace(
            "%1", str(len(r.errors))).replace("%2", str(len(r.warnings))) + " " + counted + "."

    def _kind_names(self) -> dict:
        """Each kind of issue (core preflight.KINDS) as the summary counts it, in photos."""
        return {
            "unwritable": lambda n: self.tr("%n photo(s) cannot be written", "", n),
            "missing_credit": lambda n: self.tr("%n without credit", "", n),
            "missing_copyright": lambda n: self.tr("%n without copyright", "", n),
            "iim_limit": lambda n: self.tr("%n cut to IPTC limits", "", n),
            "partial_date": lambda n: self.tr("%n with a partial date", "", n),
            "disagree": lambda n: self.tr("%n whose fields disagree inside the file", "", n),
            "sidecar": lambda n: self.tr("%n will get a sidecar", "", n),
            "nothing_to_write": lambda n: self.tr("%n with nothing to write", "", n)}

    def _fill(self) -> None:
        groups: dict[str, QTreeWidgetItem] = {}
        for issue in self.report.issues:
            key = issue.path or ""
            group = groups.get(key)
            if group is None:
                group = QTreeWidgetItem([Path(key).name if key else self.tr("All photos")])
                group.setToolTip(0, key)
                groups[key] = group
                self.tree.addTopLevelItem(group)
            severity = self.tr("error") if issue.severity == ERROR else self.tr("warning")
            item = QTreeWidgetItem([f"{severity}: {issue.message}"])
            item.setToolTip(0, issue.message)
            if issue.severity == ERROR:
                item.setForeground(0, Qt.GlobalColor.red)
            group.addChild(item)
        if len(groups) <= OPEN_GROUPS:  # a large take: the counts above, details on demand
            self.tree.expandAll()

    def lines(self) -> list[str]:
        """What the tree shows, one line per photo and issue (for tests and copying)."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            out.append(group.text(0))
            out += ["  " + group.child(j).text(0) for j in range(group.childCount())]
        return out
