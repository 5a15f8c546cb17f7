"""Culling keys as in Photo Mechanic: 0–5 rate, 6–9 colour labels, P picks, X rejects."""

from PySide6.QtCore import QCoreApplication, Qt

Key = Qt.Key
RATING_KEYS = {getattr(Key, f"Key_{n}"): n for n in range(6)}
# Red, Yellow, Green, Blue on 6–9, the order Photo Mechanic and Bridge give them. The English
# name is what photos.label (and XMP xmp:Label) stores; the desk translates it for display.
LABEL_KEYS = {Key.Key_6: "Red", Key.Key_7: "Yellow", Key.Key_8: "Green", Key.Key_9: "Blue"}
LABEL_COLORS = {"Red": "#e0474c", "Yellow": "#e8c23a", "Green": "#58b35a", "Blue": "#4a8fd9",
                "Purple": "#9b6bd3"}
PICK, REJECT = 1, -1
ALLOWED = Qt.KeyboardModifier.NoModifier | Qt.KeyboardModifier.KeypadModifier
translate = QCoreApplication.translate  # lupdate reads translate("context", "text") calls


def is_culling_key(key: int, modifiers=Qt.KeyboardModifier.NoModifier) -> bool:
    if modifiers & ~ALLOWED:
        return False  # Ctrl+5 or Alt+P belong to someone else
    return key in RATING_KEYS or key in LABEL_KEYS or key in (Key.Key_P, Key.Key_X)


def change_for_key(key: int, rows: list[dict]) -> dict | None:
    """The edit a culling key makes on photos whose rows are known.

    A label, pick or reject that every one of them already has is cleared instead: pressing
    the key again undoes it, as in Photo Mechanic.
    """
    if key in RATING_KEYS:
        return {"rating": RATING_KEYS[key]}
    if key in LABEL_KEYS:
        label = LABEL_KEYS[key]
        return {"label": None if _all(rows, "label", label) else label}
    if key in (Key.Key_P, Key.Key_X):
        mark = PICK if key == Key.Key_P else REJECT
        return {"pick": 0 if _all(rows, "pick", mark) else mark}
    return None


def _all(rows: list[dict], field: str, value) -> bool:
    return bool(rows) and all(r.get(field) == value for r in rows)


def label_text(label: str | None) -> str:
    names = {"Red": translate("culling", "Red"), "Yellow": translate("culling", "Yellow"),
             "Green": translate("culling", "Green"), "Blue": translate("culling", "Blue"),
             "Purple": translate("culling", "Purple")}
    return names.get(label, label or "")


def describe(change: dict) -> str:
    """The undo stack's name for a culling edit."""
    if "rating" in change:
        text = translate("culling", "Rate %1").replace("%1", "★" * change["rating"] or "0")
    elif "label" in change:
        text = (translate("culling", "Label %1").replace("%1", label_text(change["label"]))
                if change["label"] else translate("culling", "Clear label"))
    else:
        text = {PICK: translate("culling", "Pick"), REJECT: translate("culling", "Reject")}.get(
            change["pick"], translate("culling", "Clear pick"))
    return text
