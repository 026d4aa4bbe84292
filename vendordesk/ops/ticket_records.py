"""Edits of the Tickets tab's rows: delete a case, chargeback or task (keeping a snapshot for
undo), restore it, and save one edited task field. Saving a case is ``ops.tickets.save_case``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vendordesk.changes import Changes
from vendordesk.ops.base import Cancelled, OpResult, Progress, never_cancelled, no_progress
from vendordesk.ops.workspace import WorkspaceArg, opened
from vendordesk.store import tickets as store

if TYPE_CHECKING:
    import pandas as pd

KINDS = ("case", "chargeback", "task")
_DELETE: dict[str, Callable[..., dict[str, Any]]] = {"case": store.delete_case, "chargeback": store.delete_chargeback, "task": store.delete_task}
_RESTORE: dict[str, Callable[..., None]] = {"case": store.restore_case, "chargeback": store.restore_chargeback, "task": store.restore_task}


def delete_record(workspace: WorkspaceArg, kind: str, key: Any, progress: Progress = no_progress,
                  cancelled: Cancelled = never_cancelled) -> OpResult[dict[str, Any]]:
    """Delete the ``kind`` (one of KINDS) with ``key``; the value is the snapshot ``restore_record`` takes."""
    with opened(workspace) as ws:
        snapshot: dict[str, Any] = _DELETE[kind](ws, key)
    return OpResult(snapshot, Changes(tickets=True))


def restore_record(workspace: WorkspaceArg, kind: str, snapshot: dict[str, Any], progress: Progress = no_progress,
                   cancelled: Cancelled = never_cancelled) -> OpResult[None]:
    """Put a deleted record back as it was (its snapshot from ``delete_record``)."""
    with opened(workspace) as ws:
        _RESTORE[kind](ws, snapshot)
    return OpResult(None, Changes(tickets=True))


def snapshot_record(workspace: WorkspaceArg, kind: str, key: Any) -> dict[str, Any] | None:
    """The ``kind`` with ``key`` as it is now, in the form ``restore_record`` takes (None: no such record).
    Read only; undo of an edit keeps one from before and one from after the write."""
    with opened(workspace) as ws:
        if kind == "case":
            snapshot = store.case_snapshot(ws, key)
            return snapshot if snapshot["case"] is not None else None
        return store.row_snapshot(ws, {"chargeback": "chargebacks", "task": "tasks"}[kind], int(key)) or None


def replace_record(workspace: WorkspaceArg, kind: str, key: Any, snapshot: dict[str, Any] | None,
                   progress: Progress = no_progress, cancelled: Cancelled = never_cancelled) -> OpResult[None]:
    """Undo/redo of an edit: the record now under ``key`` (if any) goes, ``snapshot`` (if any) comes back."""
    with opened(workspace) as ws:
        if key is not None and snapshot_record(ws, kind, key) is not None:
            _DELETE[kind](ws, key)
        if snapshot is not None:
            _RESTORE[kind](ws, snapshot)
    return OpResult(None, Changes(tickets=True))


def save_task(workspace: WorkspaceArg, task_id: int, values: dict[str, Any], progress: Progress = no_progress,
              cancelled: Cancelled = never_cancelled) -> OpResult[int]:
    """Store the edited fields of task ``task_id``."""
    with opened(workspace) as ws:
        store.update_task(ws, task_id, values)
    return OpResult(task_id, Changes(tickets=True))


# --- what the Tickets tab reads before (or instead of) the whole log ---------------------------
def departments(workspace: WorkspaceArg) -> list[dict[str, Any]]:
    """The departments (id, name_de, name_en), created with their defaults on first use."""
    with opened(workspace) as ws:
        return store.departments(ws)


def count_cases(workspace: WorkspaceArg) -> int:
    with opened(workspace) as ws:
        return store.count_cases(ws)


def log_today(workspace: WorkspaceArg) -> dt.date:
    """The ticket log's one "today": the calendar's date, or in the demo workspace the data's date
    (its frozen end, meta ``demo_end_date``), because the demo's cases, deadlines and tasks were
    written around that day. The Tickets tab, its printed task list and ``vendordesk brief
    department`` all count "overdue" from it."""
    with opened(workspace) as ws:
        frozen = ws.meta("demo_end_date")
    try:
        return dt.date.fromisoformat(frozen) if frozen else dt.date.today()
    except ValueError:
        return dt.date.today()


def is_data_date(workspace: WorkspaceArg) -> bool:
    """True in the demo workspace, where ``log_today`` is the data's date, not the calendar's."""
    with opened(workspace) as ws:
        frozen = ws.meta("demo_end_date")
    try:
        dt.date.fromisoformat(frozen or "")
    except ValueError:
        return False
    return True


def reminder_count(workspace: WorkspaceArg, today: str) -> int:
    """Follow-ups due, overdue tasks and dispute deadlines of the coming week (the tab's badge)."""
    with opened(workspace) as ws:
        return store.reminder_count(ws, today)


def negotiation_cases(workspace: WorkspaceArg) -> list[dict[str, Any]]:
    """The cost-increase cases (their dates join the week's agenda)."""
    from vendordesk.store.negotiations import list_cases

    with opened(workspace) as ws:
        return list_cases(ws)


# --- what the case, chargeback and task editors read and write -------------------------------
def get_case(workspace: WorkspaceArg, case_id: str) -> dict[str, Any] | None:
    """Case ``case_id`` with its links (asins, pos, invoices), or None."""
    with opened(workspace) as ws:
        return store.get_case(ws, case_id)


def list_events(workspace: WorkspaceArg, case_id: str) -> list[dict[str, Any]]:
    """The timeline of case ``case_id``, oldest first."""
    with opened(workspace) as ws:
        return store.list_events(ws, case_id)


def case_ids(workspace: WorkspaceArg) -> set[str]:
    with opened(workspace) as ws:
        return store.case_ids(ws)


def known_asins(workspace: WorkspaceArg) -> set[str]:
    with opened(workspace) as ws:
        return store.known_asins(ws)


def case_subjects(workspace: WorkspaceArg) -> list[tuple[str, str]]:
    """(case_id, subject) of every case (the window's search)."""
    with opened(workspace) as ws:
        return store.case_subjects(ws)


def store_case(workspace: WorkspaceArg, values: Mapping[str, Any]) -> str:
    """Store a new case as entered (the editor has validated it; ``ops.tickets.add_case`` validates)."""
    with opened(workspace) as ws:
        return store.add_case(ws, values)


def add_event(workspace: WorkspaceArg, case_id: str, happened_on: str, kind: str, text: str,
              touch: bool = True) -> int:
    """Add a timeline entry to case ``case_id`` (``touch``: it counts as the last contact)."""
    with opened(workspace) as ws:
        return store.add_event(ws, case_id, happened_on, kind, text, touch=touch)


def add_chargeback(workspace: WorkspaceArg, values: Mapping[str, Any]) -> int:
    with opened(workspace) as ws:
        return store.add_chargeback(ws, values)


def update_chargeback(workspace: WorkspaceArg, cb_id: int, values: Mapping[str, Any]) -> None:
    with opened(workspace) as ws:
        store.update_chargeback(ws, cb_id, values)


def add_task(workspace: WorkspaceArg, values: Mapping[str, Any]) -> int:
    with opened(workspace) as ws:
        return store.add_task(ws, values)


def tickets_frame(workspace: WorkspaceArg) -> pd.DataFrame:
    with opened(workspace) as ws:
        return store.tickets_frame(ws)


def chargebacks_frame(workspace: WorkspaceArg) -> pd.DataFrame:
    with opened(workspace) as ws:
        return store.chargebacks_frame(ws)


def tasks_frame(workspace: WorkspaceArg) -> pd.DataFrame:
    with opened(workspace) as ws:
        return store.tasks_frame(ws)


def read_frames(path: Path, progress: Callable[[float], None] | None = None,
                cancelled: Callable[[], bool] | None = None) -> dict[str, pd.DataFrame]:
    """The three frames, read on a connection of their own (for a worker thread)."""
    return store.read_frames(path, progress, cancelled)
