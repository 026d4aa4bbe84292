"""Closing the window stops its workers and closes the workspace: no -wal or -shm is left."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def _beside(path: Path) -> list[str]:
    return [p.name for p in (Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists()]


def test_closing_the_loading_window_leaves_the_workspace_whole(qtbot, make_window, demo_path):
    from PySide6.QtCore import QThreadPool

    from vendordesk.store import open_workspace
    from vendordesk.ui import workers

    window = make_window(open_workspace(demo_path))     # its tabs start loading in workers
    assert workers.running_tasks() > 0
    assert _beside(demo_path) == ["demo.vendordesk-wal", "demo.vendordesk-shm"]   # WAL mode while open
    window.close()
    assert QThreadPool.globalInstance().activeThreadCount() == 0     # every worker ended
    assert _beside(demo_path) == []
    with sqlite3.connect(demo_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
