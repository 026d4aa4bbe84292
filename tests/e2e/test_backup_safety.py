"""Backups: temporary file then rename, nothing partial left, the old backup kept, no spin (issue 11)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.cli_helpers import cli as _cli
from tests.e2e.cli_helpers import digest as _digest
from tests.e2e.cli_helpers import tmpfs as _tmpfs
from vendordesk.store import open_workspace
from vendordesk.store.sqlite_errors import DiskFull
from vendordesk.store.tickets import add_case

ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
needs_root = pytest.mark.skipif(not ROOT, reason="mounting a small tmpfs needs root")





def _fill(folder: Path) -> Path:
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(fd)
    return filler


def _workspace(path: Path, cases: int = 300) -> Path:
    with open_workspace(path) as ws:
        for n in range(cases):
            add_case(ws, {"case_id": f"{1000000 + n}", "subject": "x" * 2000})
    return path


def _cases(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA quick_check").fetchone() == ("ok",)
        return conn.execute("SELECT COUNT(*) FROM tickets").fetchone()[0]
    finally:
        conn.close()



@needs_root
def test_cli_backup_on_a_full_disk_exits_2_and_leaves_no_file(tmp_path):
    source = _workspace(tmp_path / "acct.vendordesk")
    with _tmpfs(tmp_path / "usb", "1m") as usb:
        filler = _fill(usb)
        result = _cli("backup", "--workspace", str(source), str(usb / "b.vendordesk"))
        assert result.returncode == 2, result.stderr
        assert "disk is full" in result.stderr and "Traceback" not in result.stderr
        assert sorted(p.name for p in usb.iterdir()) == [filler.name]


@needs_root
def test_replacing_a_backup_keeps_the_old_one_until_the_new_one_is_complete(tmp_path):
    source = _workspace(tmp_path / "acct.vendordesk", cases=100)
    with _tmpfs(tmp_path / "usb", "2m") as usb:
        old = usb / "b.vendordesk"
        with open_workspace(source) as ws:
            ws.backup(old)
            assert _cases(old) == 100
            add_case(ws, {"case_id": "2000000", "subject": "y" * 500_000})   # the new copy will not fit
            before = _digest(old)
            filler = _fill(usb)
            with pytest.raises(DiskFull):
                ws.backup(old)
            assert _digest(old) == before and _cases(old) == 100
            assert sorted(p.name for p in usb.iterdir()) == sorted([old.name, filler.name])
            filler.unlink()
            old_size = old.stat().st_size
            ws.backup(old)                                              # room again: replaced
        assert _cases(old) == 101 and old.stat().st_size > old_size
        assert sorted(p.name for p in usb.iterdir()) == [old.name]


@needs_root
def test_backing_up_a_read_only_workspace_finishes(tmp_path):
    """A read-only -shm beside an empty WAL made the stepped backup restart at every step forever."""
    with _tmpfs(tmp_path / "ro", "16m") as ro:
        path = _workspace(ro / "acct.vendordesk")
        reader = subprocess.run(   # a reader that crashed: its empty WAL and -shm stay behind
            [sys.executable, "-c", "import os, sqlite3, sys\n"
             "c = sqlite3.connect(sys.argv[1]); c.execute('SELECT COUNT(*) FROM tickets').fetchone()\n"
             "os._exit(0)\n", str(path)], timeout=60)
        assert reader.returncode == 0
        assert Path(str(path) + "-shm").exists()
        subprocess.run(["mount", "-o", "remount,ro", str(ro)], check=True)
        dest = tmp_path / "copy.vendordesk"
        result = _cli("backup", "--workspace", str(path), str(dest))   # timeout=60 s: a spin fails here
        assert result.returncode == 0, result.stderr
        assert _cases(dest) == 300
        assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.vendordesk", "ro"]


def test_backup_replaces_an_existing_file_atomically_without_temp_leftovers(tmp_path):
    source = _workspace(tmp_path / "acct.vendordesk", cases=3)
    dest = tmp_path / "out" / "b.vendordesk"
    dest.parent.mkdir()
    dest.write_bytes(b"an older backup")
    with open_workspace(source) as ws:
        ws.backup(dest)
    assert _cases(dest) == 3
    assert [p.name for p in dest.parent.iterdir()] == ["b.vendordesk"]


@needs_root
def test_window_backup_replace_on_a_full_disk_keeps_the_old_backup(tmp_path, qtbot, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from vendordesk.ui.window.backup import backup_with_dialog

    source = _workspace(tmp_path / "acct.vendordesk", cases=100)
    with _tmpfs(tmp_path / "usb", "1m") as usb:
        old = usb / "b.vendordesk"
        old.write_bytes(b"the old backup")
        _fill(usb)
        warnings: list[str] = []
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(old), ""))
        monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
        monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
        with open_workspace(source) as ws:
            assert backup_with_dialog(None, ws) is None
        assert old.read_bytes() == b"the old backup"
        assert len(warnings) == 1 and "disk is full" in warnings[0]
        assert not [p for p in usb.iterdir() if p.name.startswith(".")]
