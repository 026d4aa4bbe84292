"""Price-increase cases: the list, and one case's per-ASIN economics and scenarios."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from vendordesk.ops.base import Cancelled, OpResult, Progress, never_cancelled, no_progress
from vendordesk.ops.workspace import WorkspaceArg, opened

if TYPE_CHECKING:
    from vendordesk.core.negotiation.results import Analysis


def list_negotiations(workspace: WorkspaceArg, progress: Progress = no_progress,
                      cancelled: Cancelled = never_cancelled) -> OpResult[list[dict[str, Any]]]:
    from vendordesk.store.negotiations import list_cases

    with opened(workspace) as ws:
        return OpResult(list_cases(ws))


def analyse_negotiation(workspace: WorkspaceArg, case_id: int, as_of: dt.date | None = None,
                        progress: Progress = no_progress, cancelled: Cancelled = never_cancelled) -> OpResult[Analysis]:
    """The case's analysis as of ``as_of`` (default: the case's own date, never today)."""
    from vendordesk.store.negotiations import analyse_case

    with opened(workspace) as ws:
        return OpResult(analyse_case(ws, case_id, today=as_of))
