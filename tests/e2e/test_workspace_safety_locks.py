"""A workspace survives a file dialog, a second process and a crash (issue 11, "Losing what the KAM saved").

Any plain open()/close() of the workspace file in the window's process (Qt's file dialog does it)
drops SQLite's POSIX locks. A second process then believed it was alone, deleted the window's WAL
at close, and every later save of the window went to an unlinked file: gone at the next crash.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from vendordesk.store import open_workspace
from vendordesk.store.tickets import add_case

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="OFD locks and /proc/locks are Linux")

# The "window": opens the workspace, builds a real file dialog over its folder, then waits for the
# test to run a second process; on "save" it saves a case and reports, then waits to be killed.
WINDOW = r"""
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication, QFileDialog
from vendordesk.store import open_workspace
from vendordesk.store.tickets import add_case

path = Path(sys.argv[1])
app = QApplication([])
ws = open_workspace(path, create=False)
ws.conn.execute("SELECT COUNT(*) FROM tickets").fetchone()
dialog = QFileDialog(None, "Export as PDF", str(path.parent))
dialog.show()
app.processEvents()
dialog.selectFile(str(path))
app.processEvents()
dialog.close()
app.processEvents()
print("ready", flush=True)
for line in sys.stdin:
    if line.strip() == "save":
        add_case(ws, {"case_id": "9990001", "subject": "saved in the window"})
        print("saved", flush=True)
"""


def _env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2]) + os.pathsep + env.get("PYTHONPATH", "")
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "vendordesk", *args], capture_output=True, text=True,
                          timeout=120, env=_env())


def _make_workspace(path: Path) -> None:
    with open_workspace(path) as ws:
        add_case(ws, {"case_id": "1000001", "subject": "before"})


def _case_ids_fresh(path: Path) -> set[str]:
    """Read by a fresh process, as a later start of the app would."""
    result = _cli("tickets", "list", "--json", "--workspace", str(path))
    assert result.returncode == 0, result.stderr
    import json

    return {c["case_id"] for c in json.loads(result.stdout)["tickets"]}


def test_save_after_file_dialog_and_second_process_survives_sigkill(tmp_path):
    path = tmp_path / "acct.vendordesk"
    _make_workspace(path)
    window = subprocess.Popen([sys.executable, "-c", WINDOW, str(path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env())
    try:
        assert window.stdout.readline().strip() == "ready", window.stderr.read()
        second = _cli("tickets", "list", "--workspace", str(path))
        assert second.returncode == 0, second.stderr
        assert "1000001" in second.stdout
        window.stdin.write("save\n")
        window.stdin.flush()
        assert window.stdout.readline().strip() == "saved", window.stderr.read()
        assert Path(str(path) + "-wal").exists()          # the window's WAL was not deleted under it
        os.kill(window.pid, signal.SIGKILL)
        window.wait(timeout=30)
    finally:
        if window.poll() is None:
            window.kill()
            window.wait()
    assert _case_ids_fresh(path) == {"1000001", "9990001"}


def test_plain_open_close_in_process_then_second_process_keeps_wal(tmp_path):
    path = tmp_path / "acct.vendordesk"
    _make_workspace(path)
    ws = open_workspace(path, create=False)
    try:
        add_case(ws, {"case_id": "2000002", "subject": "in WAL"})
        os.close(os.open(path, os.O_RDONLY))                # what a library's stat/sniff does
        wal = Path(str(path) + "-wal")
        assert wal.exists() and wal.stat().st_size > 0
        second = _cli("tickets", "list", "--workspace", str(path))
        assert second.returncode == 0, second.stderr
        assert wal.exists() and wal.stat().st_size > 0     # the second process did not take it away
        add_case(ws, {"case_id": "2000003", "subject": "after the second process"})
        assert _case_ids_fresh(path) == {"1000001", "2000002", "2000003"}
    finally:
        ws.close()
    # The last process closing still checkpoints normally: data in the main file, nothing lost.
    conn = sqlite3.connect(path)
    try:
        assert {r[0] for r in conn.execute("SELECT case_id FROM tickets")} == {"1000001", "2000002", "2000003"}
    finally:
        conn.close()


def test_check_locks_sees_a_file_dialog_drop_them_and_reconnects(tmp_path, qtbot):
    from PySide6.QtWidgets import QFileDialog

    from vendordesk.store.locks import locks_intact

    path = tmp_path / "acct.vendordesk"
    _make_workspace(path)
    with open_workspace(path, create=False) as ws:
        assert locks_intact(path) and ws.check_locks()
        dialog = QFileDialog(None, "Export as PDF", str(tmp_path))
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.selectFile(str(path))
        os.close(os.open(path, os.O_RDONLY))    # in case this Qt build's dialog did not read the file
        dialog.close()
        assert not locks_intact(path)
        assert ws.check_locks()                  # lost, logged, reconnected
        assert locks_intact(path)
        add_case(ws, {"case_id": "3000003", "subject": "after reconnect"})
    assert _case_ids_fresh(path) == {"1000001", "3000003"}


def test_two_workspaces_in_one_process_close_in_any_order(tmp_path):
    path = tmp_path / "acct.vendordesk"
    _make_workspace(path)
    first = open_workspace(path, create=False)
    second = open_workspace(path, create=False)
    add_case(second, {"case_id": "4000004", "subject": "from the second"})
    first.close()                                # must not close the guard the second still needs
    assert Path(str(path) + "-wal").exists()
    os.close(os.open(path, os.O_RDONLY))
    assert _cli("tickets", "list", "--workspace", str(path)).returncode == 0
    assert Path(str(path) + "-wal").exists()
    add_case(second, {"case_id": "4000005", "subject": "still saved"})
    second.close()
    assert not Path(str(path) + "-wal").exists()   # the last close checkpointed as usual
    assert _case_ids_fresh(path) == {"1000001", "4000004", "4000005"}


def test_the_window_watch_reconnects_when_a_dialog_closes(tmp_path, qtbot):
    from PySide6.QtWidgets import QApplication, QFileDialog

    from vendordesk.store.locks import locks_intact
    from vendordesk.ui.window.lock_watch import install

    path = tmp_path / "acct.vendordesk"
    _make_workspace(path)
    with open_workspace(path, create=False) as ws:
        watch = install(QApplication.instance(), lambda: ws)
        try:
            dialog = QFileDialog(None, "Export as PDF", str(tmp_path))
            qtbot.addWidget(dialog)
            dialog.show()
            os.close(os.open(path, os.O_RDONLY))
            assert not locks_intact(path)
            dialog.close()                      # the Hide event of the dialog triggers the check
            assert locks_intact(path)
        finally:
            QApplication.instance().removeEventFilter(watch)
