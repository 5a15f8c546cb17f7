"""The PySide6 desktop face of PhotoDesk: windows, models and workers over photodesk.core."""

from photodesk.gui import compat  # noqa: F401  (must patch PySide before any signal is emitted)
