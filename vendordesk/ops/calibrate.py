"""Calibrate the what-if model on the workspace's own history and store it."""

from __future__ import annotations

from vendordesk.changes import Changes
from vendordesk.ops.base import Cancelled, OpResult, Progress, never_cancelled, no_progress
from vendordesk.ops.workspace import WorkspaceArg, opened


def calibrate(workspace: WorkspaceArg, progress: Progress = no_progress,
              cancelled: Cancelled = never_cancelled) -> OpResult:
    """The value is ``store.calibration.calibrate_ws``'s document (links with estimate, interval,
    data used and a note; a link with too little data keeps its documented default)."""
    from vendordesk.store.calibration import calibrate_ws

    with opened(workspace) as ws:
        result = calibrate_ws(ws, progress, cancelled)
    return OpResult(result, Changes(gears=True, negotiations=True))
