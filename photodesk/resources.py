"""Where PhotoDesk's resources folder (translations, sample newsroom folder, icons) is found."""

import sys
from pathlib import Path


def resource_dir() -> Path:
    """The resources folder: inside the bundle when frozen by PyInstaller, else the checkout's."""
    if getattr(sys, "frozen", False):
        return Path(sys._MEIPASS) / "resources"
    return Path(__file__).resolve().parents[1] / "resources"
