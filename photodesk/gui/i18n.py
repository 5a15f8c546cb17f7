"""Translations: choosing the language, loading its .qm, and regenerating the catalogues.

To regenerate after changing user-visible strings (needs PySide6's tools, not needed at run time):

    python -m photodesk.gui.i18n    # lupdate the .ts files, then edit them, then run it again

It updates resources/i18n/photodesk_vi.ts (every string) and photodesk_en.ts (plural forms
only: English needs "1 photo" / "2 photos"), then compiles both to .qm with lrelease.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from photodesk.core import settings
from photodesk.resources import resource_dir

I18N_DIR = resource_dir() / "i18n"
GUI_DIR = Path(__file__).resolve().parent
LANGUAGES = ("vi", "en")


def language(chosen: str | None = None) -> str:
    """PHOTODESK_LANG when set, else the Settings choice, else the system locale:
    "vi" for Vietnamese, "en" otherwise. chosen: the settings' language when already read."""
    if chosen is None:
        chosen = settings.load().language
    wanted = os.environ.get("PHOTODESK_LANG", "").strip().lower() or chosen
    if wanted:
        return "vi" if wanted.startswith("vi") else "en"
    return "vi" if QLocale.system().language() == QLocale.Language.Vietnamese else "en"


def install_translator(app: QCoreApplication, lang: str | None = None) -> QTranslator | None:
    """Load and install photodesk_<lang>.qm; returns it (remove it to undo) or None if absent."""
    lang = lang or language()
    if lang == "vi":
        # Dates and numbers follow the interface language, not a stray LANG=C.
        QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    translator = QTranslator(app)
    if not translator.load(str(I18N_DIR / f"photodesk_{lang}.qm")):
        return None
    app.installTranslator(translator)
    return translator


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    if not Path(found).exists():
        raise SystemExit(f"{name} not found: install PySide6 (its tools come with it)")
    return found


def regenerate() -> None:
    sources = sorted(str(p) for p in GUI_DIR.rglob("*.py"))
    for lang in LANGUAGES:
        ts = I18N_DIR / f"photodesk_{lang}.ts"
        extra = ["-pluralonly"] if lang == "en" else []
        subprocess.run([_tool("pyside6-lupdate"), *extra, "-no-obsolete", *sources,
                        "-target-language", lang, "-ts", str(ts)], check=True)
        subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm",
                        str(ts.with_suffix(".qm"))], check=True)


if __name__ == "__main__":
    regenerate()
