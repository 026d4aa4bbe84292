"""The environment's SQLite errors are refusals (exit 2, a message saying what to do, file unchanged).

Read-only workspace, full disk, a lock held for more than 10 s by another process, an old
development workspace, a file that is not a database; everything else stays a bug (exit 1).
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.e2e.cli_helpers import cli as _cli
from tests.e2e.cli_helpers import digest as _digest
from tests.e2e.cli_helpers import tmpfs as _tmpfs
from vendordesk.errors import WorkspaceError
from vendordesk.store import open_workspace
from vendordesk.store.db import migrations
from vendordesk.store.sqlite_errors import DiskFull, WorkspaceBusy, WorkspaceReadOnly, WorkspaceTooOld, classify
from vendordesk.store.tickets import add_case

ROOT = os.geteuid() == 0 if hasattr(os, "geteuid") else False





def _workspace(path: Path) -> Path:
    with open_workspace(path) as ws:
        add_case(ws, {"case_id": "1000001", "subject": "before"})
    return path



def _assert_refused(result: subprocess.CompletedProcess, *words: str) -> None:
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in result.stderr, result.stderr


def test_lock_held_longer_than_10_s_exits_2_and_changes_nothing(tmp_path):
    path = _workspace(tmp_path / "acct.vendordesk")
    before = _digest(path)
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sqlite3, sys\n"
         "conn = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
         "conn.execute('BEGIN IMMEDIATE')\n"
         "conn.execute(\"UPDATE tickets SET subject = 'held' \")\n"
         "print('held', flush=True)\n"
         "sys.stdin.read()\n", str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        result = _cli("tickets", "add", "--workspace", str(path), "--case-id", "2", "--subject", "x")
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    _assert_refused(result, "locked by another program", "Nothing was changed")
    assert _digest(path) == before
    with open_workspace(path, create=False) as ws:
        assert [r[0] for r in ws.conn.execute("SELECT case_id FROM tickets")] == ["1000001"]


@pytest.mark.skipif(not ROOT and os.name == "posix", reason="chmod fallback below covers non-root")
def test_read_only_medium_exits_2_and_changes_nothing(tmp_path):
    with _tmpfs(tmp_path / "ro", "4m") as mount:
        path = _workspace(mount / "acct.vendordesk")
        before = _digest(path)
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
        for command in (("tickets", "list"), ("tickets", "add", "--case-id", "2", "--subject", "x")):
            _assert_refused(_cli(*command, "--workspace", str(path)), "read-only", "Nothing was changed")
        assert _digest(path) == before
        assert sorted(p.name for p in mount.iterdir()) == ["acct.vendordesk"]


@contextmanager
def _read_only_folder(folder: Path):
    """``folder`` unwritable for this process: chmod for a user; root writes through permissions,
    so for root a read-only bind mount of the folder over itself."""
    if ROOT:
        subprocess.run(["mount", "--bind", str(folder), str(folder)], check=True)
        try:
            subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], check=True)
            yield
        finally:
            subprocess.run(["umount", "-l", str(folder)], check=False)
    else:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)


def test_read_only_file_exits_2(tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    path = _workspace(folder / "acct.vendordesk")
    before = _digest(path)
    path.chmod(0o444)
    with _read_only_folder(folder):
        with pytest.raises(OSError):            # the premise: this process cannot write the file
            path.open("r+b").close()
        for command in (("tickets", "list"), ("tickets", "add", "--case-id", "2", "--subject", "x")):
            _assert_refused(_cli(*command, "--workspace", str(path)), "read-only", path.name)
        assert sorted(p.name for p in folder.iterdir()) == ["acct.vendordesk"]
    assert _digest(path) == before


@pytest.mark.skipif(not ROOT, reason="mounting a small tmpfs needs root")
def test_full_disk_exits_2_and_the_open_window_keeps_its_data(tmp_path):
    with _tmpfs(tmp_path / "full", "1m") as mount:
        path = _workspace(mount / "acct.vendordesk")
        window = open_workspace(path, create=False)       # the window: WAL and -shm stay allocated
        try:
            before = _digest(path)
            filler = os.open(mount / "filler", os.O_WRONLY | os.O_CREAT)
            try:
                while os.write(filler, b"\0" * 4096):
                    pass
            except OSError:
                pass
            finally:
                os.close(filler)
            result = _cli("tickets", "add", "--workspace", str(path), "--case-id", "2",
                          "--subject", "y" * 100_000)
            _assert_refused(result, "disk is full", "Free some space")
            with pytest.raises(DiskFull):
                add_case(window, {"case_id": "3", "subject": "z" * 100_000})
            assert _digest(path) == before
            assert [r[0] for r in window.conn.execute("SELECT case_id FROM tickets")] == ["1000001"]
        finally:
            window.close()


def _old_development_workspace(path: Path) -> None:
    """What a development build wrote: schema 0001 + the negotiation details, numbered 4 then."""
    conn = sqlite3.connect(path, isolation_level=None)
    for step in migrations()[:2]:
        conn.executescript(step.sql)
    conn.execute("PRAGMA user_version = 4")
    conn.close()


def test_old_development_workspace_is_called_older_not_newer(tmp_path):
    path = tmp_path / "dev.vendordesk"
    _old_development_workspace(path)
    before = _digest(path)
    with pytest.raises(WorkspaceTooOld, match="older development workspace"):
        open_workspace(path, create=False)
    result = _cli("tickets", "list", "--workspace", str(path))
    _assert_refused(result, "older development workspace", "no longer supports")
    assert "newer" not in result.stderr
    assert _digest(path) == before


def test_classification_keeps_bugs_apart():
    conn = sqlite3.connect(":memory:")
    with pytest.raises(sqlite3.OperationalError) as syntax:
        conn.execute("SELEC 1")
    assert classify(syntax.value, "x") is None                    # our bug, not the user's
    conn.execute("CREATE TABLE t (a UNIQUE)")
    conn.execute("INSERT INTO t VALUES (1)")
    with pytest.raises(sqlite3.IntegrityError) as unique:
        conn.execute("INSERT INTO t VALUES (1)")
    assert classify(unique.value, "x") is None
    busy = sqlite3.OperationalError("database is locked")
    assert isinstance(classify(busy, "x"), WorkspaceBusy)
    readonly = sqlite3.OperationalError("attempt to write a readonly database")
    assert isinstance(classify(readonly, "x"), WorkspaceReadOnly)
    assert all(isinstance(classify(e, "x"), WorkspaceError) for e in (busy, readonly))


def test_the_window_shows_environment_errors_as_warnings_and_bugs_as_crashes(qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from vendordesk.ui import errors

    warnings: list[str] = []
    crashes: list[object] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: crashes.append(box))
    full = sqlite3.OperationalError("database or disk is full")
    errors.show_unexpected(None, type(full), full, None)
    assert len(warnings) == 1 and "disk is full" in warnings[0] and not crashes
    bug = sqlite3.OperationalError("no such column: asin2")
    errors.show_unexpected(None, type(bug), bug, None)
    assert len(warnings) == 1 and len(crashes) == 1
