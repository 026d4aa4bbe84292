"""Commands that need no table work start without pandas (issue 18: 0.5-0.6 s of every start).

Each command runs in a fresh interpreter through ``python -m vendordesk``'s own entry point; at
exit the process says which heavy libraries it had loaded.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.cli_helpers import cli_env

SALES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest" / "sales_de_semicolon.csv"

# Runs ``vendordesk ARGS`` as ``python -m vendordesk`` does and prints the loaded heavy modules last.
LOADED_AT_EXIT = r"""
import atexit, runpy, sys
atexit.register(lambda: print("loaded:", ",".join(m for m in ("pandas", "numpy") if m in sys.modules)))
sys.argv = ["vendordesk", *sys.argv[1:]]
runpy.run_module("vendordesk", run_name="__main__")
"""


def loaded(*args: str, home: Path) -> list[str]:
    env = dict(cli_env(), VENDORDESK_HOME=str(home))
    done = subprocess.run([sys.executable, "-c", LOADED_AT_EXIT, *args], capture_output=True, text=True,
                          timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    last = done.stdout.strip().splitlines()[-1]
    assert last.startswith("loaded:")
    return [m for m in last.removeprefix("loaded:").strip().split(",") if m]


@pytest.fixture
def workspace(tmp_path) -> Path:
    """A workspace with one imported sales report (the import itself is not under test here)."""
    ws = tmp_path / "acct.vendordesk"
    loaded("import", "--workspace", str(ws), str(SALES), home=tmp_path)
    return ws


def test_version_does_not_load_pandas(tmp_path):
    assert "pandas" not in loaded("--version", home=tmp_path)


def test_a_dry_run_import_does_not_load_pandas(tmp_path, workspace):
    assert "pandas" not in loaded("import", "--workspace", str(workspace), "--dry-run", str(SALES), home=tmp_path)


@pytest.mark.parametrize("args", [("events", "list"), ("backup",)], ids=["events-list", "backup"])
def test_commands_without_tables_do_not_load_pandas(tmp_path, workspace, args):
    target = (str(tmp_path / "copy.vendordesk"),) if args == ("backup",) else ()
    assert "pandas" not in loaded(*args, "--workspace", str(workspace), *target, home=tmp_path)
