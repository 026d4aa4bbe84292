"""The gears report: read the workspace, judge the gears."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from vendordesk.core.gears.report import FACT_COLUMNS, MANUAL_COLUMNS, PO_LINE_COLUMNS, GearInputs, GearModel, GearReport
from vendordesk.ops.base import Cancelled, OpResult, Progress, never_cancelled, no_progress
from vendordesk.ops.workspace import Workspace, WorkspaceArg, opened
from vendordesk.store.gears import (
    fill_gear_caches,
    gear_facts,
    load_gear_inputs,
    manual_kpis_frame,
    po_lines_frame,
)
from vendordesk.store.lean_query import release_freed_memory

if TYPE_CHECKING:
    import pandas as pd


def gears_report(workspace: WorkspaceArg, asof: str | None = None, weeks: int = 4, compare: str = "auto",
                 lang: str = "en", progress: Progress = no_progress,
                 cancelled: Cancelled = never_cancelled) -> OpResult[GearReport]:
    """The ``GearReport`` for ``weeks`` weeks up to the week of ``asof`` (default: the newest week)."""
    progress(0.0)
    with opened(workspace) as ws:
        if isinstance(workspace, Workspace):     # the window's: its cached frames serve the other tabs
            model = GearModel(GearInputs(**load_gear_inputs(ws)))
        else:                                     # opened for this report only: one big frame at a time
            fill_gear_caches(ws)
            model = GearModel.from_parts(GearInputs(**load_gear_inputs(ws, big=False)),
                                         facts=lambda: gear_facts(ws, keep=False, only=FACT_COLUMNS),
                                         manual=lambda: manual_kpis_frame(ws, keep=False, only=MANUAL_COLUMNS),
                                         po_lines=lambda: po_lines_frame(ws, keep=False, only=PO_LINE_COLUMNS),
                                         release=release_freed_memory)
    progress(0.5)
    report = model.compute(asof=asof, weeks=weeks, compare=compare, lang=lang)
    progress(1.0)
    return OpResult(report)


def gears_document(report: GearReport) -> dict[str, Any]:
    """The JSON contract: {"asof_week", "weeks", "compare", "compare_requested", "periods",
    "partial_week", "gears": [{"id", "name", "score", "status", "kpis", "data_as_of", "compare",
    "scored_kpis", "judged_kpis", "note"}]}. ``partial_week``: a newer week with too few ASINs
    that the dashboard does not judge yet."""
    gears = []
    for g in report.gears:
        doc = g.as_dict()
        doc["score"] = None if doc["score"] is None else round(doc["score"], 1)
        gears.append(doc)
    return {"asof_week": report.asof_week, "weeks": report.weeks, "compare": report.compare,
            "compare_requested": report.compare_requested,
            "periods": {k: list(v) for k, v in (report.periods or {}).items()},
            "partial_week": report.partial_week, "gears": gears}


def gears_frame(workspace: WorkspaceArg) -> pd.DataFrame:
    """One row per gear and KPI (the table behind ``vendordesk export gears``)."""
    from vendordesk.exports.frames import report_frame

    to_frame: Callable[[GearReport], pd.DataFrame] = report_frame
    return to_frame(gears_report(workspace).value)
