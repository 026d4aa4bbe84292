"""The one GUI runner: newest run of a kind wins, changes are broadcast, errors never vanish."""

from __future__ import annotations

import threading

import pytest

from vendordesk.changes import Changes
from vendordesk.errors import UserError
from vendordesk.ops import OpResult
from vendordesk.ui import workers
from vendordesk.ui.operations import OpRunner

pytestmark = pytest.mark.qt


def slow_op(value, gate: threading.Event, progress, cancelled):
    while not gate.wait(0.005):
        if cancelled():
            break
    return OpResult(value, Changes(facts=True))


def test_a_newer_run_of_the_same_kind_supersedes_the_old(qtbot):
    runner = OpRunner()
    first_gate, second_gate = threading.Event(), threading.Event()
    seen, broadcasts = [], []
    runner.changed.connect(broadcasts.append)
    old = runner.run("gears", slow_op, "old", first_gate, on_done=seen.append)
    runner.run("gears", slow_op, "new", second_gate, on_done=seen.append)
    assert old.cancelled()           # starting the second run cancelled the first
    first_gate.set()
    second_gate.set()
    qtbot.waitUntil(lambda: not runner.running("gears"))
    qtbot.waitUntil(lambda: old.done.is_set())
    assert [r.value for r in seen] == ["new"]   # the old result never reaches the screen
    assert broadcasts == [Changes(facts=True)]


def test_runs_of_different_kinds_do_not_cancel_each_other(qtbot):
    runner = OpRunner()
    gate = threading.Event()
    a = runner.run("gears", slow_op, 1, gate)
    runner.run("forecast", slow_op, 2, gate)
    assert not a.cancelled()
    gate.set()
    qtbot.waitUntil(lambda: not runner.running("gears") and not runner.running("forecast"))


def test_an_error_reaches_the_caller(qtbot):
    runner = OpRunner()
    errors = []

    def refused(progress, cancelled):
        raise UserError("file.csv, row 3: not a number")

    runner.run("import", refused, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], UserError) and "row 3" in str(errors[0])


def test_an_op_without_changes_broadcasts_nothing(qtbot):
    runner = OpRunner()
    broadcasts, seen = [], []
    runner.changed.connect(broadcasts.append)
    runner.run("simulate", lambda progress, cancelled: OpResult(42), on_done=seen.append)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen[0].value == 42 and broadcasts == []


def test_a_queued_request_waits_for_the_running_one_and_only_the_newest_is_shown(qtbot):
    runner = OpRunner()
    gates = [threading.Event() for _ in range(3)]
    seen = []
    first = runner.run("judge", slow_op, "first", gates[0], on_done=seen.append, queue=True)
    runner.run("judge", slow_op, "second", gates[1], on_done=seen.append, queue=True)
    runner.run("judge", slow_op, "third", gates[2], on_done=seen.append, queue=True)
    assert not first.cancelled() and runner.task("judge") is first   # the running op is not stopped
    gates[0].set()
    qtbot.waitUntil(lambda: runner.task("judge") is not first)          # "third" starts, "second" never ran
    assert seen == [] and runner.running("judge")
    gates[2].set()
    qtbot.waitUntil(lambda: not runner.running("judge"))
    assert [r.value for r in seen] == ["third"] and runner.task("judge") is None


def test_runner_for_is_one_runner_whose_changes_reach_the_window(qtbot):
    from PySide6.QtCore import QObject, Signal

    from vendordesk.ui.operations import runner_for

    class Window(QObject):
        changed = Signal(object)

    window = Window()
    ctx = type("Ctx", (), {"services": {"main_window": window}})()
    heard = []
    window.changed.connect(heard.append)
    runner = runner_for(ctx)
    assert runner_for(ctx) is runner
    runner.run("save", lambda progress, cancelled: OpResult(1, Changes(tickets=True)))
    qtbot.waitUntil(lambda: bool(heard))
    assert heard == [Changes(tickets=True)]


def test_cancel_all_stops_every_run_and_drops_the_queued_ones(qtbot):
    """The window's close calls it: a request queued behind a running op never starts afterwards."""
    runner = OpRunner()
    gates = [threading.Event() for _ in range(3)]
    seen = []
    first = runner.run("judge", slow_op, "first", gates[0], on_done=seen.append, queue=True)
    runner.run("judge", slow_op, "waiting", gates[1], on_done=seen.append, queue=True)
    other = runner.run("forecast", slow_op, "other", gates[2], on_done=seen.append)
    runner.cancel_all()
    assert first.cancelled() and other.cancelled()
    assert not runner.running("judge") and not runner.running("forecast")
    qtbot.waitUntil(lambda: first.done.is_set() and other.done.is_set())
    qtbot.waitUntil(lambda: workers.running_tasks() == 0)
    assert seen == [] and runner.task("judge") is None       # "waiting" never ran
