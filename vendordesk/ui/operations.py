"""The one GUI runner for operations: off the GUI thread, newest run of a kind wins, errors shown,
changes broadcast.

``OpRunner.run(kind, op, ...)`` starts ``op(..., progress=, cancelled=)`` with ``ui.workers``.
Starting a run of a ``kind`` that is still running cancels the old run, and the old run's result
is dropped even if it finishes later. When an op returns an ``OpResult`` whose changes say
something changed, the runner emits ``changed`` so every tab refreshes only what it shows. A
refused input (``UserError``) is shown as a message; a bug reaches the crash dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from vendordesk.errors import Cancelled, UserError
from vendordesk.ops.base import OpResult
from vendordesk.ui.workers import Task, run_task


class OpRunner(QObject):
    """Signals:
    changed(Changes): a finished op changed the workspace.
    busy(str, bool): a run of this kind started (True) or ended (False).
    """

    changed = Signal(object)
    busy = Signal(str, bool)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._current: dict[str, Task] = {}

    def running(self, kind: str) -> bool:
        return kind in self._current

    def cancel(self, kind: str) -> None:
        task = self._current.pop(kind, None)
        if task is not None:
            task.cancel()
            self.busy.emit(kind, False)

    def run(self, kind: str, op: Callable[..., Any], *args: Any,
            on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None,
            on_progress: Callable[[float], None] | None = None,
            error_parent: Any = None, **kwargs: Any) -> Task:
        """Run ``op`` for ``kind``; a newer run of the same kind supersedes this one."""
        self.cancel(kind)
        holder: list[Task] = []

        def current() -> bool:
            return bool(holder) and self._current.get(kind) is holder[0]

        def done(result: Any) -> None:
            if not current():
                return   # superseded: a newer run owns the screen
            del self._current[kind]
            self.busy.emit(kind, False)
            if isinstance(result, OpResult) and result.changes.any():
                self.changed.emit(result.changes)
            if on_done is not None:
                on_done(result)

        def failed(exc: BaseException) -> None:
            if not current():
                return
            del self._current[kind]
            self.busy.emit(kind, False)
            if isinstance(exc, Cancelled):
                return
            if on_error is not None:
                on_error(exc)
            elif isinstance(exc, UserError):
                from vendordesk.ui.errors import show_user_error

                show_user_error(error_parent, exc)
            else:
                from vendordesk.ui.errors import excepthook

                excepthook(type(exc), exc, exc.__traceback__)

        task = run_task(op, *args, on_done=done, on_error=failed, on_progress=on_progress, **kwargs)
        holder.append(task)
        self._current[kind] = task
        self.busy.emit(kind, True)
        return task
