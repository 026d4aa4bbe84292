"""Boundaries a machine enforces.

The import contracts live in pyproject.toml (``[tool.importlinter]``) and are checked here by
running ``lint-imports``. What import-linter cannot see is checked directly: imports made at run
time (the Qt blocker below), the tests' own folders (not part of the package), and SQL text in ui.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "vendordesk"
QT_FREE = ("core", "store", "ingest", "briefs", "sync", "ops", "exports", "text", "demo")
LINT_IMPORTS = str(Path(sys.executable).with_name("lint-imports"))


def _lint_imports(cwd: Path, config: Path) -> subprocess.CompletedProcess:
    return subprocess.run([LINT_IMPORTS, "--config", str(config), "--no-cache"], cwd=cwd, capture_output=True,
                          text=True, timeout=300, env={"PYTHONPATH": str(cwd), "PATH": "/usr/bin:/bin"})


def test_the_import_contracts_hold():
    result = _lint_imports(ROOT, ROOT / "pyproject.toml")
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


def test_the_contracts_catch_a_violation(tmp_path):
    """Guard: the same contracts on a skeleton of the package in which core runs SQL, ingest writes
    the store and the ui calls the command line: exactly those three contracts break."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["importlinter"]
    names = set()
    for contract in config["contracts"]:
        for key in ("source_modules", "forbidden_modules", "layers"):
            for entry in contract.get(key, []):
                names.update(n.strip() for n in entry.split("|") if n.strip().startswith("vendordesk"))
    for name in names | {"vendordesk.ui", "vendordesk.commands"}:
        folder = tmp_path.joinpath(*name.split("."))
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "__init__.py").touch()
    (tmp_path / "vendordesk" / "__init__.py").touch()
    (tmp_path / "vendordesk/core/__init__.py").write_text("import sqlite3\n")
    (tmp_path / "vendordesk/ingest/__init__.py").write_text("import vendordesk.store\n")
    (tmp_path / "vendordesk/ui/__init__.py").write_text("import vendordesk.commands\n")
    (tmp_path / "vendordesk/ui/printing.py").touch()
    (tmp_path / "vendordesk/commands/brief.py").write_text("import vendordesk.ui.printing\n")  # the allowed edge
    (tmp_path / "pyproject.toml").write_text((ROOT / "pyproject.toml").read_text("utf-8"))
    result = _lint_imports(tmp_path, tmp_path / "pyproject.toml")
    assert result.returncode == 1, result.stdout + result.stderr
    broken = sorted(line.split(" BROKEN")[0] for line in result.stdout.splitlines() if " BROKEN" in line)
    assert broken == sorted(["Core is pure: no SQL, no store",
                             "Ingest only parses: it never imports the store",
                             "Layers: ui and commands above ops, ops above the data layers, those above core",
                             "The window never calls the command line"])


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
