"""The one helper that runs long work off the GUI thread.

Long work is a plain function ``fn(*args, progress=..., cancelled=...)`` from core, ingest or
briefs. ``run_task`` runs it on the global QThreadPool and delivers the result, the error or
progress on the GUI thread. Workers hand back plain data (DataFrames, dicts), never
connections or widgets; a worker that needs the workspace opens its own connection.

A task cancelled before its result is delivered reports ``Cancelled`` instead, and a result for a
method of a deleted Qt object is dropped. A progress dialog for a task is a ``TaskProgress``.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressBar, QProgressDialog, QWidget

from vendordesk.errors import Cancelled

log = logging.getLogger(__name__)
_running: set[Task] = set()


class TaskSignals(QObject):
    """Signals:
    progress(float): 0..1.
    finished(object): the function's result.
    failed(object): the exception (Cancelled when the user cancelled).
    """

    progress = Signal(float)
    finished = Signal(object)
    failed = Signal(object)


class Task(QRunnable):
    """A cancellable run of one function."""

    def __init__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any):
        super().__init__()
        self.setAutoDelete(False)
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.signals = TaskSignals()
        self._cancel = threading.Event()
        self.done = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, fraction: float) -> None:
        if self._cancel.is_set():
            raise Cancelled()
        self._emit(self.signals.progress, float(fraction))

    def _emit(self, signal, value) -> None:
        """Deliver to the GUI thread unless the app already deleted the receiver (quit mid-task)."""
        try:
            signal.emit(value)
        except RuntimeError:            # "Signal source has been deleted": nobody is left to tell
            self._cancel.set()
            raise Cancelled() from None

    @Slot()
    def run(self) -> None:
        try:
            result = self.fn(*self.args, progress=self._progress, cancelled=self.cancelled, **self.kwargs)
        except BaseException as exc:
            self.args, self.kwargs = (), {}
            if not isinstance(exc, Cancelled) and not self._cancel.is_set():
                log.error("background task failed", exc_info=exc)
            self.done.set()
            self._deliver(self.signals.failed, exc)
            return
        # what the run was given is let go once it returns: the finished Task may outlive it (its
        # signals' closures), and its arguments can be big (the gears' prepared model, ~400 MB)
        self.args, self.kwargs = (), {}
        self.done.set()
        if self._cancel.is_set():
            self._deliver(self.signals.failed, Cancelled())
        else:
            self._deliver(self.signals.finished, result)

    def _deliver(self, signal, value) -> None:
        with contextlib.suppress(Cancelled):
            self._emit(signal, value)


def receiver_gone(callback: Callable[..., Any]) -> bool:
    """Whether ``callback`` is a method of a Qt object already deleted (a tab or dialog closed for
    good while its task ran): its result has nobody to go to."""
    owner = getattr(callback, "__self__", None)
    return isinstance(owner, QObject) and not shiboken6.isValid(owner)


def run_task(fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None] | None = None,
             on_error: Callable[[BaseException], None] | None = None,
             on_progress: Callable[[float], None] | None = None, **kwargs: Any) -> Task:
    """Start ``fn`` on the pool; callbacks run on the GUI thread. Returns the Task (cancel())."""
    task = Task(fn, *args, **kwargs)
    _running.add(task)

    def finish(result: Any) -> None:
        if task.cancelled():       # cancelled after it returned: the canceller (a closed window) wants none
            fail(Cancelled())
            return
        _running.discard(task)
        if on_done and not receiver_gone(on_done):
            on_done(result)

    def fail(exc: BaseException) -> None:
        _running.discard(task)
        if on_error and receiver_gone(on_error):
            return
        if on_error:
            on_error(exc)
        elif not isinstance(exc, Cancelled):
            from vendordesk.ui.errors import excepthook

            excepthook(type(exc), exc, exc.__traceback__)

    task.signals.finished.connect(finish)
    task.signals.failed.connect(fail)
    if on_progress:
        task.signals.progress.connect(on_progress)
    QThreadPool.globalInstance().start(task)
    return task


class TaskProgress(QProgressDialog):
    """The window-modal progress dialog of a task; connect the task's progress to ``set_fraction``.

    ``set_fraction`` moves the bar only. ``QProgressDialog.setValue`` runs ``processEvents()`` once
    a modal dialog shows, so the task's result could be delivered inside it, close the dialog and
    have it deleted there, and setValue then read the deleted bar (a segfault).
    """

    def __init__(self, label: str, cancel_text: str, parent: QWidget, title: str = "", steps: int = 1000,
                 minimum_duration: int = 300):
        super().__init__(label, cancel_text, 0, steps, parent)
        self._bar = QProgressBar(self)
        self._bar.setRange(0, steps)
        self.setBar(self._bar)
        if title:
            self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumDuration(minimum_duration)
        self.setValue(0)     # the only setValue: at the minimum it just starts the timer that shows the dialog

    def set_fraction(self, fraction: float) -> None:
        self._bar.setValue(round(fraction * self._bar.maximum()))

    def finish(self) -> None:
        """Close without emitting ``canceled`` (closing a QProgressDialog does) and delete it."""
        self.blockSignals(True)
        self.close()
        self.deleteLater()


def running_tasks() -> int:
    """How many tasks have not delivered their result yet (tests check it is 0)."""
    return len(_running)


def cancel_all(wait_ms: int = 5000) -> None:
    for task in list(_running):
        task.cancel()
    QThreadPool.globalInstance().waitForDone(wait_ms)
