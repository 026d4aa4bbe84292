"""After every dialog closes, make sure the open workspace still holds its SQLite locks.

A file dialog (Qt's or the platform's) may open and close the workspace file in this process,
which drops SQLite's POSIX locks on it (see store.locks). The store's OFD guard keeps other
processes from deleting the WAL meanwhile; this watcher notices the loss at once, logs it and
lets the workspace reconnect (``Workspace.check_locks``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QDialog

log = logging.getLogger(__name__)


class LockWatch(QObject):
    def __init__(self, workspace: Callable[[], object], parent: QObject | None = None):
        super().__init__(parent)
        self._workspace = workspace

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if (kind == QEvent.Type.Hide and isinstance(watched, QDialog)) or kind == QEvent.Type.ApplicationActivate:
            self.check()
        return False

    def check(self) -> None:
        ws = self._workspace()
        if ws is None:
            return
        try:
            ws.check_locks()
        except Exception:   # a watcher must never break the window; the store logs the details
            log.exception("checking the workspace locks failed")


def install(app, workspace: Callable[[], object]) -> LockWatch:
    watch = LockWatch(workspace, app)
    app.installEventFilter(watch)
    return watch
