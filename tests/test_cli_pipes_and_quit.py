"""The command line with a closed pipe (`vendordesk … | head`), and quitting mid-task."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _env(tmp_path):
    return dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),
                XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"))


def test_a_reader_that_left_ends_quietly_not_as_a_bug(tmp_path, demo_path):
    read_end, write_end = os.pipe()
    os.close(read_end)                  # like `head` after its lines: every write hits EPIPE
    try:
        done = subprocess.run([sys.executable, "-m", "vendordesk", "tickets", "list", "--workspace",
                               str(demo_path)], stdout=write_end, stderr=subprocess.PIPE, text=True,
                              env=_env(tmp_path), timeout=120)
    finally:
        os.close(write_end)
    assert done.returncode in (0, 141)
    assert "unexpected error" not in done.stderr and "Traceback" not in done.stderr
    assert done.stderr == ""


def test_quitting_while_a_task_runs_prints_no_signal_source_traceback(tmp_path):
    script = tmp_path / "quit.py"
    script.write_text(textwrap.dedent("""
        import sys, threading
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication, QMainWindow
        from vendordesk.app import finish
        from vendordesk.ui.workers import run_task

        started = threading.Event()

        def slow(progress=None, cancelled=None):
            started.set()
            threading.Event().wait(1)   # still working when the window closes
            progress(0.5)           # reports after the window is gone
            return 1

        app = QApplication([])
        window = QMainWindow()
        window.show()
        run_task(slow, on_done=lambda result: window.setWindowTitle("done"))
        QTimer.singleShot(0, lambda: (started.wait(5), window.close()))
        sys.exit(finish(app.exec()))
    """))
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          env=_env(tmp_path), timeout=120)
    assert done.returncode == 0
    assert "Signal source has been deleted" not in done.stderr
    assert "Traceback" not in done.stderr
