"""The core never sees Qt, the GUI or the CLI."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BLOCKER = """
import importlib.abc, pkgutil, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6') or name.startswith(('photodesk.gui', 'photodesk.cli')):
            raise ImportError('core imported ' + name)
sys.meta_path.insert(0, Block())
import photodesk.core
for m in pkgutil.walk_packages(photodesk.core.__path__, 'photodesk.core.'):
    __import__(m.name)
print('ok')
"""


def test_core_imports_without_qt_gui_or_cli():
    result = subprocess.run([sys.executable, "-c", BLOCKER], cwd=ROOT, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
