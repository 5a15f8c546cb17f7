"""When another desk changed a photo since it was shown: both values, and the editor's choice."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox


def message(conflict) -> str:
    """What the dialog says: who changed the photo, and each field's two values."""
    who = conflict.who or QCoreApplication.translate("conflict", "another desk")
    lines = [QCoreApplication.translate(
        "conflict", "Photo %1 was changed by %2 since you opened it. Your change was not saved.")
             .replace("%1", str(conflict.photo_id)).replace("%2", who), ""]
    for field, theirs in conflict.theirs.items():
        mine = conflict.changes.get(field)
        lines.append(QCoreApplication.translate("conflict", "%1 — theirs: %2; yours: %3").replace("%1", field)
                     .replace("%2", _shown(theirs)).replace("%3", _shown(mine)))
    return "\n".join(lines)


def _shown(value) -> str:
    if value in (None, "", []):
        return QCoreApplication.translate("conflict", "(empty)")
    return "; ".join(map(str, value)) if isinstance(value, list) else f"“{value}”"


def choose(parent, conflict) -> bool:
    """Ask which value stays: True to save the editor's own over the other desk's."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("conflict", "Changed on another desk"))
    box.setText(message(conflict))
    keep = box.addButton(QCoreApplication.translate("conflict", "Keep theirs"), QMessageBox.ButtonRole.RejectRole)
    mine = box.addButton(QCoreApplication.translate("conflict", "Use mine"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(keep)
    box.exec()
    return box.clickedButton() is mine
