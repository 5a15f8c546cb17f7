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


def _imports(path: Path):
    """Every module an import statement names, at module level or inside a function."""
    import ast
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def test_no_core_module_imports_qt_gui_or_cli_even_inside_a_function():
    banned = ("PySide6", "shiboken6", "photodesk.gui", "photodesk.cli")
    found = [f"{path.relative_to(ROOT)}: {name}"
             for path in sorted((ROOT / "photodesk/core").rglob("*.py"))
             for name in _imports(path) if name.startswith(banned)]
    assert found == []


def test_sql_stays_in_the_catalog_and_search_packages():
    allowed = ("photodesk/core/catalog/", "photodesk/core/search/")
    found = []
    for path in sorted((ROOT / "photodesk").rglob("*.py")):
        rel = str(path.relative_to(ROOT))
        text = path.read_text(encoding="utf-8")
        if not rel.startswith(allowed) and (".execute(" in text or ".query(" in text
                                            and "SELECT " in text):
            found.append(rel)
    assert found == []


def test_catalog_modules_write_rows_through_the_catalog_not_sqlite_utils():
    """Only the backend modules (db.py, schema.py, backup.py; postgres.py and archivedb.py for
    the archive, and archive.py, which copies between the two) know SQLite's libraries; the
    modules by idea insert, update and count through Catalog, so a second backend adds files."""
    backend = {"db.py", "schema.py", "backup.py", "connections.py", "location.py", "__init__.py",
               "postgres.py", "archive.py", "archivedb.py"}
    found = [f"{path.name}: {bad}"
             for path in sorted((ROOT / "photodesk/core/catalog").glob("*.py"))
             if path.name not in backend
             for bad in ('.db["', "OR IGNORE", "OR REPLACE", "sqlite_utils", "import sqlite3",
                         "json_each", "group_concat")
             if bad in path.read_text(encoding="utf-8")]
    assert found == []
