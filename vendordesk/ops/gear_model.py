"""The gears tab's ops: read and prepare the facts once, then judge the gears on the prepared model.

Reading runs once per change of the facts; a filter change only judges again (pandas on the
cached ``GearModel``, no reads), so the tab stays quick on big accounts.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from vendordesk.core.gears.report import FACT_COLUMNS, MANUAL_COLUMNS, PO_LINE_COLUMNS, GearInputs, GearModel, GearReport
from vendordesk.ops.base import Cancelled, OpResult, Progress, never_cancelled, no_progress
from vendordesk.ops.workspace import WorkspaceArg, opened
from vendordesk.store.gears import (
    chargebacks_weekly,
    fill_gear_caches,
    gear_facts,
    load_gear_inputs,
    po_lines_frame,
)
from vendordesk.store.gears import manual_kpis_frame as stored_manual_kpis
from vendordesk.store.lean_query import release_freed_memory


def load_gear_model(workspace: WorkspaceArg, progress: Progress = no_progress,
                    cancelled: Cancelled = never_cancelled) -> OpResult[tuple[GearModel, str]]:
    """The prepared model of everything the gears read, and the workspace's currency."""
    with opened(workspace) as ws:
        # The three big frames are read one at a time and not kept in the process cache: the model's
        # prepared matrix is what the tab judges on, and holding the facts beside it for the other
        # tabs cost ~200 MB at 5,000 ASINs x 156 weeks (they read them again when shown).
        fill_gear_caches(ws)
        model = GearModel.from_parts(GearInputs(**load_gear_inputs(ws, big=False)),
                                     facts=lambda: gear_facts(ws, keep=False, only=FACT_COLUMNS),
                                     manual=lambda: stored_manual_kpis(ws, keep=False, only=MANUAL_COLUMNS),
                                     po_lines=lambda: po_lines_frame(ws, keep=False, only=PO_LINE_COLUMNS),
                                     release=release_freed_memory)
        currency = ws.meta("currency", "EUR") or "EUR"
    # What reading and preparing freed (~100 MB of heap at 5,000 x 156) goes back to the system:
    # the window's other workers allocate in heaps of their own and would not reuse it.
    release_freed_memory()
    progress(0.6)
    return OpResult((model, currency))


def reload_chargebacks(workspace: WorkspaceArg, model: GearModel, currency: str,
                       progress: Progress = no_progress,
                       cancelled: Cancelled = never_cancelled) -> OpResult[tuple[GearModel, str]]:
    """The same facts with fresh chargebacks (a ticket edit must not re-read every report)."""
    with opened(workspace) as ws:
        chargebacks = chargebacks_weekly(ws)
    return OpResult((model.with_chargebacks(chargebacks), currency))


def release_memory() -> None:
    """Hand what the process freed back to the system (the window after dropping a model)."""
    release_freed_memory()


def judge_gears(model: GearModel, params: dict[str, Any], progress: Progress = no_progress,
                cancelled: Cancelled = never_cancelled) -> OpResult[GearReport]:
    """The gears judged on ``model`` for ``params`` (``GearModel.compute``'s keywords)."""
    return OpResult(model.compute(**params))


def export_gears(report: GearReport, out: Path, lang: str = "en", progress: Progress = no_progress,
                 cancelled: Cancelled = never_cancelled) -> OpResult[int]:
    """The gears as judged (``report``: the tab's filters and period) to ``out`` (.csv or .xlsx);
    the value is the number of rows written."""
    from vendordesk.exports import frames
    from vendordesk.ops.exports import export_frame

    table: Callable[[GearReport], pd.DataFrame] = frames.report_frame
    return export_frame(table(report), out, "gears", lang, progress)


def gear_settings(workspace: WorkspaceArg, progress: Progress = no_progress,
                  cancelled: Cancelled = never_cancelled) -> OpResult[dict[str, Any]]:
    """The KAM's stored gear settings: ``{gear_id: {"custom_name", "thresholds"}}``."""
    from vendordesk.store.gears import gear_settings as stored

    with opened(workspace) as ws:
        return OpResult(stored(ws))


def net_ppm_target(workspace: WorkspaceArg) -> float | None:
    """The account's Net PPM target as a fraction (None when not set)."""
    from vendordesk.store.gears import net_ppm_target as stored

    with opened(workspace) as ws:
        return stored(ws)


def save_gear(workspace: WorkspaceArg, gear_id: str, position: int, name_de: str, name_en: str,
              custom_name: str | None = None, thresholds: dict[str, Any] | None = None,
              progress: Progress = no_progress, cancelled: Cancelled = never_cancelled) -> OpResult[str]:
    """Store a gear's custom name and thresholds (``store.gears.save_gear``; refused when a
    threshold is not a number)."""
    from vendordesk.changes import Changes
    from vendordesk.store.gears import save_gear as store_gear

    with opened(workspace) as ws:
        store_gear(ws, gear_id, position, name_de, name_en, custom_name=custom_name, thresholds=thresholds)
    return OpResult(gear_id, Changes(gears=True))


def reset_gear(workspace: WorkspaceArg, gear_id: str) -> None:
    """Back to the gear's default name and thresholds (``store.gears.reset_gear``)."""
    from vendordesk.store.gears import reset_gear as stored

    with opened(workspace) as ws:
        stored(ws, gear_id)


def manual_kpis_frame(workspace: WorkspaceArg) -> pd.DataFrame:
    """The manual KPI entries (``store.gears.manual_kpis_frame``)."""
    from vendordesk.store.gears import manual_kpis_frame as stored

    with opened(workspace) as ws:
        return stored(ws)


def save_manual_kpi(workspace: WorkspaceArg, gear: str, kpi: str, period_start: str, period_end: str,
                    value: float, asin: str = "") -> None:
    """Insert or replace one manual KPI value (``store.gears.save_manual_kpi``)."""
    from vendordesk.store.gears import save_manual_kpi as stored

    with opened(workspace) as ws:
        stored(ws, gear, kpi, period_start, period_end, value, asin)


def delete_manual_kpi(workspace: WorkspaceArg, gear: str, kpi: str, period_start: str, asin: str = "") -> None:
    """Remove one manual KPI value (``store.gears.delete_manual_kpi``)."""
    from vendordesk.store.gears import delete_manual_kpi as stored

    with opened(workspace) as ws:
        stored(ws, gear, kpi, period_start, asin)
