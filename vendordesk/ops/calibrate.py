"""Calibrate the what-if model on the workspace's own history and store it."""

from __future__ import annotations

from typing import Any

from vendordesk.changes import Changes
from vendordesk.ops.base import Cancelled, OpResult, Progress, never_cancelled, no_progress
from vendordesk.ops.workspace import Workspace, WorkspaceArg, opened

CHANGES = Changes(gears=True, negotiations=True)     # the links and the price elasticity


def calibrate(workspace: WorkspaceArg, progress: Progress = no_progress,
              cancelled: Cancelled = never_cancelled) -> OpResult[dict[str, Any]]:
    """The value is ``store.calibration.calibrate_ws``'s document (links with estimate, interval,
    data used and a note; a link with too little data keeps its documented default)."""
    from vendordesk.store.calibration import calibrate_ws

    with opened(workspace) as ws:
        result = calibrate_ws(ws, progress, cancelled)
    return OpResult(result, CHANGES)


def compute_calibration(workspace: WorkspaceArg, progress: Progress = no_progress,
                        cancelled: Cancelled = never_cancelled) -> OpResult[dict[str, Any]]:
    """``calibrate`` without storing (read only; the window's worker): ``store_calibration`` on the
    thread that owns the workspace writes it, so a workspace has one writer."""
    from vendordesk.store.calibration import compute

    with opened(workspace) as ws:
        return OpResult(compute(ws, progress, cancelled))


def store_calibration(ws: Workspace, result: dict[str, Any], progress: Progress = no_progress,
                      cancelled: Cancelled = never_cancelled) -> OpResult[dict[str, Any]]:
    """Store a result of ``compute_calibration`` (the document and the graph's matching links)."""
    from vendordesk.store.calibration import store_result

    store_result(ws, result)
    return OpResult(result, CHANGES)
