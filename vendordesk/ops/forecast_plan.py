"""The Forecast tab's ops: the whole plan (our forecast, Amazon's, supply, risks) and the check
whether there is anything to forecast."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vendordesk.changes import Changes
from vendordesk.core.forecast.plan import ForecastInputs, ForecastPlan, build_plan
from vendordesk.ops.base import Cancelled, OpResult, Progress, never_cancelled, no_progress
from vendordesk.ops.workspace import Workspace, WorkspaceArg, opened

if TYPE_CHECKING:
    import pandas as pd

    from vendordesk.store.supply import Entered


def has_weekly_sales(workspace: WorkspaceArg) -> bool:
    """Whether the workspace holds weekly sales per ASIN (without them there is no forecast)."""
    from vendordesk.store.facts_read import has_weekly_sales as stored

    with opened(workspace) as ws:
        return stored(ws)


def forecast_plan(workspace: WorkspaceArg, horizon: int = 26, holdout: int = 26, progress: Progress = no_progress,
                  cancelled: Cancelled = never_cancelled) -> OpResult[tuple[ForecastPlan, ForecastInputs]]:
    """The plan and the frames it was built from; the workspace is closed before the long part.
    A workspace given by path (the window's worker) is opened for this plan only: its facts and
    Amazon's forecasts are then not kept in the process (at 5,000 ASINs x 156 weeks the Amazon
    frame alone is 2 million rows), and the plan holds the only reference."""
    from vendordesk.store.supply import load_forecast_inputs

    shared = isinstance(workspace, Workspace)
    with opened(workspace, create=False) as ws:
        inputs = load_forecast_inputs(ws, keep=shared)
    if not shared:      # nothing in the plan reads Amazon's week ends (16 MB at 5,000 x 156)
        inputs["amazon"] = inputs["amazon"].drop(columns=["week_end"], errors="ignore")
    progress(0.02)
    # by path the plan takes the facts out of the inputs once its panel is made, and the freed heap
    # goes back to the system after each step, so the two backtests do not stack on the forecast's
    # (5,000 ASINs x 156 weeks, in a fresh process: VmHWM 733 -> 587 MB, 71 MB at the start)
    plan = build_plan(inputs, horizon, holdout, progress=progress, lean=not shared,
                      release=None if shared else release_freed_memory)
    return OpResult((plan, inputs))


def validate_capacity(value: Entered, asin: str = "ASIN") -> float | None:
    """The supply form's check of weekly capacity (store.supply's rule; raises UserError)."""
    from vendordesk.store.supply import validate_capacity as check

    return check(value, asin)


def validate_lead_time(value: Entered, asin: str = "ASIN") -> float | None:
    """The supply form's check of the lead time in weeks (store.supply's rule; raises UserError)."""
    from vendordesk.store.supply import validate_lead_time as check

    return check(value, asin)


def validate_stock(value: Entered, asin: str = "ASIN") -> float | None:
    """The supply form's check of own stock (store.supply's rule; raises UserError)."""
    from vendordesk.store.supply import validate_stock as check

    return check(value, asin)


def save_supply(workspace: WorkspaceArg, asin: str, capacity: Entered = None, lead_time: Entered = None,
                own_stock: Entered = None) -> OpResult[None]:
    """Validate and store one ASIN's capacity, lead time and own stock (store.supply.save_supply)."""
    from vendordesk.store.supply import save_supply as store

    with opened(workspace) as ws:
        store(ws, asin, capacity, lead_time, own_stock)
    return OpResult(None, Changes(supply=True))


def supply_tables(workspace: WorkspaceArg) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The stored supply parameters and the capacity plan (store.supply), read anew after an edit."""
    from vendordesk.store.supply import capacity_plan, supply_params

    with opened(workspace) as ws:
        return supply_params(ws), capacity_plan(ws)


def release_freed_memory() -> None:
    """Hand what a finished plan freed back to the system (store.lean_query.release_freed_memory):
    the window's workers each allocate in a heap of their own, so the plan's freed intermediates
    would otherwise stay in the process beside the next tab's work."""
    from vendordesk.store.lean_query import release_freed_memory as release

    release()
