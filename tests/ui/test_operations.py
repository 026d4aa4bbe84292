"""The one GUI runner: newest run of a kind wins, changes are broadcast, errors never vanish."""

from __future__ import annotations

import threading

import pytest

from vendordesk.changes import Changes
from vendordesk.errors import UserError
from vendordesk.ops import OpResult
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
