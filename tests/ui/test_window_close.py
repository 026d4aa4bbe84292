"""Closing the window stops its workers and closes the workspace: no -wal or -shm is left."""

from __future__ import annotations

import sqlite3
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


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


class _Receiver:
    """A QObject whose method takes a task's result (made inside the test: Qt is imported lazily)."""

    def __new__(cls):
        from PySide6.QtCore import QObject

        class Receiver(QObject):
            def __init__(self):
                super().__init__()
                self.got: list = []

            def take(self, value) -> None:
                self.got.append(value)
                self.objectName()          # touches the C++ object, as a widget's slot does

        return Receiver()


def test_a_result_for_a_deleted_receiver_is_dropped(qtbot):
    """A tab or dialog deleted while its worker ran: its bound method is not called on the
    deleted object (that raised "Internal C++ object already deleted" in the slot)."""
    import threading

    import shiboken6

    from vendordesk.ui import workers

    release = threading.Event()
    receiver = _Receiver()

    def work(*, progress, cancelled):
        release.wait(30)
        return 7

    workers.run_task(work, on_done=receiver.take, on_error=receiver.take)
    shiboken6.delete(receiver)
    release.set()
    qtbot.waitUntil(lambda: workers.running_tasks() == 0)


def test_a_result_for_a_live_receiver_arrives(qtbot):
    from vendordesk.ui import workers

    receiver = _Receiver()
    workers.run_task(lambda *, progress, cancelled: 7, on_done=receiver.take)
    qtbot.waitUntil(lambda: receiver.got == [7])


def test_closing_the_window_mid_import_is_quiet_and_leaves_the_workspace_whole(qtbot, make_window, demo_path):
    """The cancelled import still reports back (the files done are kept): the closed window must not
    refresh its tabs from the closed workspace, nor start their reloads."""
    from vendordesk.store import open_workspace
    from vendordesk.ui import workers
    from vendordesk.ui.imports.tab import start_import

    window = make_window(open_workspace(demo_path))
    flow = start_import(window, [str(FIXTURES / "sales_de_semicolon.csv")])
    qtbot.waitUntil(lambda: flow.preview is not None and flow.preview.isVisible(), timeout=60000)
    flow.preview.accept()           # the import's child starts
    window.close()
    qtbot.waitUntil(lambda: workers.running_tasks() == 0, timeout=30000)
    assert flow.results is None
    assert _beside(demo_path) == []
    with sqlite3.connect(demo_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
