"""The one GUI runner for operations: off the GUI thread, newest run of a kind wins, errors shown,
changes broadcast.

``OpRunner.run(kind, op, ...)`` starts ``op(..., progress=, cancelled=)`` with ``ui.workers``.
Starting a run of a ``kind`` that is still running cancels the old run, and the old run's result
is dropped even if it finishes later. When an op returns an ``OpResult`` whose changes say
something changed, the runner emits ``changed`` so every tab refreshes only what it shows. A
refused input (``UserError``) is shown as a message; a bug reaches the crash dialog.

``queue=True`` suits ops that cannot stop half-way (judging the gears on a filter change): the
running op finishes, only the newest request waits, and the result of the run it supersedes is
dropped. ``runner_for(ctx)`` is the window's one runner; its ``changed`` reaches the main
window's broadcast, so a tab refreshes from ``OpResult.changes`` instead of being called by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal

from vendordesk.changes import Changes
from vendordesk.errors import Cancelled, UserError
from vendordesk.ops.base import OpResult
from vendordesk.ui.workers import Task, receiver_gone, run_task


@dataclass
class _Request:
    op: Callable[..., Any]
    args: tuple[Any, ...]
    kwargs: dict[str, Any] = field(default_factory=dict)


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
        self._waiting: dict[str, _Request] = {}

    def running(self, kind: str) -> bool:
        return kind in self._current

    def task(self, kind: str) -> Task | None:
        """The run of ``kind`` that owns the screen (None when idle)."""
        return self._current.get(kind)

    def tell(self, changes: Changes) -> None:
        """Broadcast what an op run on the GUI thread (a quick write) changed."""
        if changes.any():
            self.changed.emit(changes)

    def cancel(self, kind: str) -> None:
        """Stop the run of ``kind`` and forget a queued request; neither result reaches the screen."""
        self._waiting.pop(kind, None)
        task = self._current.pop(kind, None)
        if task is not None:
            task.cancel()
            self.busy.emit(kind, False)

    def cancel_all(self) -> None:
        """Stop every run and forget every queued request (the window closes)."""
        for kind in {*self._current, *self._waiting}:
            self.cancel(kind)

    def run(self, kind: str, op: Callable[..., Any], *args: Any,
            on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None,
            on_progress: Callable[[float], None] | None = None,
            error_parent: Any = None, queue: bool = False, **kwargs: Any) -> Task:
        """Run ``op`` for ``kind``; a newer run of the same kind supersedes this one.

        ``queue``: let a running op of ``kind`` finish (its result is dropped) and start this one
        after it; a later queued request replaces this one. Returns the running task."""
        callbacks = {"on_done": on_done, "on_error": on_error, "on_progress": on_progress,
                     "error_parent": error_parent}
        if queue and kind in self._current:
            self._waiting[kind] = _Request(op, args, {**kwargs, **callbacks})
            return self._current[kind]
        self.cancel(kind)
        holder: list[Task] = []

        def next_waiting() -> bool:
            request = self._waiting.pop(kind, None)
            if request is None:
                return False
            del self._current[kind]
            self.run(kind, request.op, *request.args, queue=True, **request.kwargs)
            return True

        def current() -> bool:
            return bool(holder) and self._current.get(kind) is holder[0]

        def done(result: Any) -> None:
            if not current():
                return   # superseded: a newer run owns the screen
            if isinstance(result, OpResult) and result.changes.any():
                self.changed.emit(result.changes)     # what was written is told even if superseded
            if next_waiting():
                return   # a newer request waited for this run: its result is the one shown
            del self._current[kind]
            self.busy.emit(kind, False)
            if on_done is not None and not receiver_gone(on_done):
                on_done(result)

        def failed(exc: BaseException) -> None:
            if not current():
                return
            if next_waiting():
                return   # superseded by a waiting request: its outcome is the one shown
            del self._current[kind]
            self.busy.emit(kind, False)
            if isinstance(exc, Cancelled) or (on_error is not None and receiver_gone(on_error)):
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


def runner_for(ctx: Any) -> OpRunner:
    """The window's one runner (made on first use); what its ops change reaches the main window's
    ``changed`` broadcast, which refreshes every tab."""
    runner = ctx.services.get("op_runner")
    if runner is None:
        window = ctx.services.get("main_window")
        runner = OpRunner(window)
        if window is not None and hasattr(window, "changed"):
            runner.changed.connect(window.changed)
        ctx.services["op_runner"] = runner
    return runner
