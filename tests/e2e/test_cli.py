"""The headless command contract: exit codes and messages of the foundation commands."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from vendordesk import __version__
from vendordesk.cli import main
from vendordesk.store import open_workspace
from vendordesk.store.db import latest_version


def run_cli(*args: str, env_home: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    if env_home is not None:
        env["VENDORDESK_HOME"] = str(env_home)
    return subprocess.run([sys.executable, "-m", "vendordesk", *args], capture_output=True, text=True,
                          timeout=120, env=env)


def test_version_via_python_dash_m(tmp_path):
    result = run_cli("--version", env_home=tmp_path)
    assert result.returncode == 0
    assert result.stdout.strip() == f"VendorDesk {__version__}"


def test_backup_writes_a_copy_and_refuses_an_existing_target(tmp_path, capsys):
    ws_path = tmp_path / "a.vendordesk"
    with open_workspace(ws_path) as ws:
        ws.set_meta("account_name", "Probe")
    dest = tmp_path / "b.vendordesk"
    assert main(["backup", "--workspace", str(ws_path), str(dest)]) == 0
    with open_workspace(dest, create=False) as copy:
        assert copy.meta("account_name") == "Probe"
    size = dest.stat().st_size
    assert main(["backup", "--workspace", str(ws_path), str(dest)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert dest.stat().st_size == size


def test_bad_workspaces_exit_2_with_a_message_and_no_traceback(tmp_path):
    not_sqlite = tmp_path / "pic.vendordesk"
    not_sqlite.write_bytes(b"\xff\xd8\xff\xe0JFIF" + b"\0" * 100)
    newer = tmp_path / "newer.vendordesk"
    open_workspace(newer).close()
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {latest_version() + 1}")
    conn.commit()
    conn.close()
    cases = {
        not_sqlite: "not a VendorDesk workspace",
        newer: "newer VendorDesk",
        tmp_path / "missing" / "x.vendordesk": "does not exist",
    }
    for path, expected in cases.items():
        result = run_cli("backup", "--workspace", str(path), str(tmp_path / "out.bak"), env_home=tmp_path)
        assert result.returncode == 2, result.stderr
        assert expected in result.stderr
        assert "Traceback" not in result.stderr
    assert not (tmp_path / "out.bak").exists()


def test_unknown_subcommand_is_a_usage_error(tmp_path):
    result = run_cli("frobnicate", env_home=tmp_path)
    assert result.returncode == 2
    assert "invalid choice" in result.stderr


def test_demo_refuses_an_existing_file_and_bad_sizes(tmp_path, capsys):
    target = tmp_path / "keep.vendordesk"
    target.write_bytes(b"precious")
    assert main(["demo", str(target)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert target.read_bytes() == b"precious"
    assert main(["demo", str(tmp_path / "x.vendordesk"), "--weeks", "3"]) == 2
    assert "--weeks" in capsys.readouterr().err


def test_workspace_below_a_file_is_refused(tmp_path, capsys):
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    assert main(["backup", "--workspace", str(blocker / "ws.vendordesk"), str(tmp_path / "b")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_json_output_is_strict_json_even_with_nan_values(capsys):
    """NaN/Infinity are not JSON (RFC 8259): a missing figure is printed as null."""
    import json as _json
    import math as _math

    from vendordesk.commands.common import print_json

    print_json({"a": _math.nan, "b": [1.5, _math.inf], "c": {"d": -_math.inf}})
    text = capsys.readouterr().out
    assert _json.loads(text, parse_constant=lambda name: (_ for _ in ()).throw(ValueError(name))) == {
        "a": None, "b": [1.5, None], "c": {"d": None}}
