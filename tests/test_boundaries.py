"""The domain never sees Qt; core never reads the store (an import-linter equivalent)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "vendordesk"
QT_FREE = ("core", "store", "ingest", "briefs", "sync", "exports")

BLOCKER = r"""
import importlib.abc, importlib.util, pkgutil, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "pyqtgraph", "shiboken6"):
            raise ImportError(f"forbidden import of {name}")
sys.meta_path.insert(0, Block())
import vendordesk
failures = []
for sub in %r:
    pkg = importlib.import_module("vendordesk." + sub)
    for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
        try:
            importlib.import_module(info.name)
        except ImportError as exc:
            failures.append(f"{info.name}: {exc}")
print("\n".join(failures))
sys.exit(1 if failures else 0)
"""


def test_domain_packages_import_without_qt():
    result = subprocess.run([sys.executable, "-c", BLOCKER % (QT_FREE,)], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_does_not_import_store_or_qt():
    offenders = []
    for path in (PACKAGE / "core").rglob("*.py"):
        for name in _imports(path):
            if name.startswith(("vendordesk.store", "PySide6", "pyqtgraph", "sqlite3")):
                offenders.append(f"{path.name}: {name}")
    assert offenders == []


def test_the_block_really_blocks():
    """Guard: the blocker itself must make a Qt import fail."""
    code = BLOCKER.split("import vendordesk")[0] + "import PySide6.QtCore\n"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and "forbidden import" in result.stderr


def test_pure_test_folders_import_no_qt():
    """tests/core, tests/store and tests/ingest must run where PySide6 is absent."""
    tests_root = Path(__file__).resolve().parent
    offenders = []
    for folder in ("core", "store", "ingest"):
        for path in (tests_root / folder).rglob("*.py"):
            for name in _imports(path):
                if name.startswith(("PySide6", "pyqtgraph", "pytestqt", "vendordesk.ui")):
                    offenders.append(f"{folder}/{path.name}: {name}")
    assert offenders == []


def test_the_ui_runs_no_sql():
    """The UI asks store functions; it never builds queries itself."""
    offenders = []
    for path in (PACKAGE / "ui").rglob("*.py"):
        text = path.read_text("utf-8")
        if ".execute(" in text or "read_sql" in text:
            offenders.append(path.name)
    assert offenders == []
