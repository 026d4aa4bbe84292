"""Progress dialogs fed by workers: moving the bar runs no events.

``QProgressDialog.setValue`` on a shown modal dialog runs ``processEvents()``. A worker's result
delivered in there closed the import's dialog and its deferred delete ran in the same loop, so
``setValue`` read the deleted bar: a segfault in ``QProgressBar::maximum`` in 1 of 3 busy runs.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer


def _events_run_during(qtbot, move) -> bool:
    """Whether a posted call runs while ``move()`` sets a progress value."""
    ran: list[bool] = []
    QTimer.singleShot(0, lambda: ran.append(True))
    move()
    during = bool(ran)
    qtbot.waitUntil(lambda: bool(ran))
    return during


def test_the_import_progress_runs_no_events_while_it_moves(qtbot, empty_window):
    from vendordesk.ui.imports.tab import ImportFlow

    flow = ImportFlow(empty_window, [])
    flow.progress = flow._progress_dialog("Reading")
    qtbot.waitUntil(flow.progress.isVisible)       # shown by its own timer after the minimum duration
    assert not _events_run_during(qtbot, lambda: flow._set_progress(0.5))
    assert not _events_run_during(qtbot, lambda: flow._set_progress(1.0))
    flow._close_progress()


def test_the_facts_export_progress_is_a_task_progress(qtbot, empty_window, tmp_path):
    """Its bar moved through ``setValue`` too; ``TaskProgress`` is what moves without events."""
    from vendordesk.ui.operations import runner_for
    from vendordesk.ui.window.facts_export import KIND, export_all_facts
    from vendordesk.ui.workers import TaskProgress

    dialog = export_all_facts(empty_window, str(tmp_path / "facts.csv"))
    assert isinstance(dialog, TaskProgress)
    qtbot.waitUntil(lambda: not runner_for(empty_window.ctx).running(KIND))
    assert (tmp_path / "facts.csv").exists()


def test_a_shown_task_progress_moves_and_runs_no_events(qtbot, empty_window):
    from vendordesk.ui.workers import TaskProgress

    dialog = TaskProgress("Working", "Cancel", empty_window, steps=100, minimum_duration=0)
    qtbot.waitUntil(dialog.isVisible)
    assert not _events_run_during(qtbot, lambda: dialog.set_fraction(0.25))
    assert dialog.value() == 25
    dialog.finish()
    qtbot.waitUntil(lambda: not dialog.isVisible())
