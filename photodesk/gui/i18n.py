"""Translations: choosing the language, loading its .qm, and regenerating the catalogues.

To regenerate after changing user-visible strings (needs PySide6's tools, not needed at run time):

    python -m photodesk.gui.i18n    # lupdate the .ts files, then edit them, then run it again

It updates resources/i18n/photodesk_vi.ts (every string) and photodesk_en.ts (plural forms
only: English needs "1 photo" / "2 photos"), then compiles both to .qm with lrelease.
Terms follow docs/glossary.md.

Qt's own strings (the OK / Cancel / Yes / No of dialogs, file dialogs, the Copy / Paste menu of
text fields) come from Qt's qtbase_<lang>.qm. Qt ships none for Vietnamese, so
resources/i18n/qtbase_vi.ts holds PhotoDesk's own, for the Qt strings its window shows; it is
written by hand (lupdate cannot see Qt's sources) and compiled here with the others.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

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
    """Load and install photodesk_<lang>.qm and Qt's own strings for lang (qt_translator);
    returns PhotoDesk's (remove_translator undoes both) or None if absent."""
    lang = lang or language()
    if lang == "vi":
        # Dates and numbers follow the interface language, not a stray LANG=C.
        QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    translator = QTranslator(app)
    if not translator.load(str(I18N_DIR / f"photodesk_{lang}.qm")):
        return None
    qt = qt_translator(lang, parent=translator)
    if qt is not None:
        app.installTranslator(qt)
    app.installTranslator(translator)
    return translator


def qt_translator(lang: str, parent=None) -> QTranslator | None:
    """Qt's own strings in lang: PhotoDesk's qtbase_<lang>.qm (Vietnamese: Qt ships none), else
    Qt's beside its libraries (English: plural forms only; the bundle keeps Qt's _en files)."""
    translator = QTranslator()
    for folder in (I18N_DIR, Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))):
        if translator.load(str(folder / f"qtbase_{lang}.qm")):
            translator.setParent(parent)
            return translator
    return None


def remove_translator(app: QCoreApplication, translator: QTranslator) -> None:
    """Undo install_translator: PhotoDesk's translator and Qt's, its child."""
    for qt in translator.findChildren(QTranslator):
        app.removeTranslator(qt)
    app.removeTranslator(translator)


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
        _release(ts)
    for ts in sorted(I18N_DIR.glob("qtbase_*.ts")):  # Qt's strings: no lupdate, only compiled
        _release(ts)


def _release(ts: Path) -> None:
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
                   check=True)


if __name__ == "__main__":
    regenerate()
