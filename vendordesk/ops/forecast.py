"""Our weekly forecast per ASIN, and its holdout backtest."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from vendordesk.errors import UserError
from vendordesk.ops.base import Cancelled, OpResult, Progress, never_cancelled, no_progress
from vendordesk.ops.workspace import Workspace, WorkspaceArg, opened
from vendordesk.text import N_

if TYPE_CHECKING:
    import pandas as pd

    from vendordesk.core.forecast.calendar import Event
    from vendordesk.core.forecast.clean import Panel

COLUMNS = ["asin", "week_start", "p50", "p70", "p80", "p90", "model", "source", "events"]
RIVAL_COLUMNS = ("asin", "generation_date", "week_start", "mean_units")   # what core.forecast.rival reads
SALES_METRICS = ("ordered_units", "shipped_units", "ordered_revenue", "procurable_product_out_of_stock_rate",
                 "glance_views")    # glance views: a launch's demand where a stock-out censored its sales


def sales_panel(ws: Workspace, asins: list[str] | None = None, keep: bool = True) -> Panel:
    """The weekly sales panel of ``asins`` (all when None); refused when there are none.
    ``keep=False``: the facts are not kept in this process, and only SALES_METRICS are decoded."""
    from vendordesk.core.forecast.clean import panel_from_frame
    from vendordesk.store.facts_read import weekly_frame

    frame = weekly_frame(ws, metrics=SALES_METRICS, keep=keep)
    if asins:
        unknown = sorted(set(asins) - set(frame["asin"]))
        if unknown:
            raise UserError(N_("--asin: no weekly sales for {asins}. Check the ASIN or import its Sales report "
                               "first."), asins=", ".join(unknown))
        frame = frame[frame["asin"].isin(asins)]
    if frame.empty:
        raise UserError(N_("The workspace has no weekly sales. Import weekly Sales reports first "
                           "(vendordesk import FILE)."))
    return panel_from_frame(frame)


def workspace_events(ws: Workspace) -> list[Event]:
    """The event calendar the forecast uses: built-in dates of 2010..2040 plus stored rows."""
    from vendordesk.store.events import calendar

    return calendar(ws, 2010, 2040)


def workspace_groups(ws: Workspace, panel: Panel) -> list[tuple[Any, ...]] | None:
    """Per ASIN of ``panel`` its (brand, category, price band): where a launch finds analogues."""
    from vendordesk.core.forecast.launch import analogue_groups
    from vendordesk.store.supply import analogue_attributes

    return analogue_groups(panel.asins, analogue_attributes(ws))


def _forget_facts(ws: Workspace) -> None:
    """A workspace opened only for this forecast: its decoded facts (all metrics, ~290 MB at
    5,000 ASINs x 156 weeks) serve no later reader once the four-metric panel is built."""
    from vendordesk.store import facts_snapshot

    facts_snapshot.forget(ws.path)


def _release() -> None:
    """Hand the heap that reading and building the panel freed back to the system before the
    model work (store.lean_query.release_freed_memory): at 5,000 ASINs x 156 weeks the process
    kept ~110 MB of holes beside the 170 MB of panel and Amazon frame, under every later step."""
    from vendordesk.store.lean_query import release_freed_memory

    release_freed_memory()


def forecast(workspace: WorkspaceArg, horizon: int = 26, asins: list[str] | None = None,
             progress: Progress = no_progress, cancelled: Cancelled = never_cancelled) -> OpResult[pd.DataFrame]:
    """Our forecast as a DataFrame (COLUMNS).

    source: ours / amazon / combined (whose forecast the P50 follows, see core.forecast.rival);
    events: the calendar's events in that week ('; '-joined)."""
    from vendordesk.core.forecast.run import forecast_panel
    from vendordesk.store.elasticity import price_elasticity
    from vendordesk.store.facts_read import amazon_forecasts_frame, fill_forecast_caches

    progress(0.0)
    with opened(workspace) as ws:
        shared = isinstance(workspace, Workspace)    # the window's: its cached facts serve the other tabs
        if not shared:      # right after an import: the caches are built and stored first, then decoded
            fill_forecast_caches(ws)
        panel = sales_panel(ws, asins, keep=shared)
        if not shared:
            _forget_facts(ws)
        events = workspace_events(ws)
        elasticity = price_elasticity(ws)[0]     # the estimate of (estimate, low, high, source)
        amazon = amazon_forecasts_frame(ws, panel.asins, keep=shared)
        if not shared:      # only what the blend reads: the other four columns (66 MB at 5,000 x 156) go
            amazon = amazon[list(RIVAL_COLUMNS)]
        groups = workspace_groups(ws, panel)
    if not shared:
        _release()
    progress(0.3)
    frame = forecast_panel(panel, horizon, progress=lambda f: progress(0.3 + 0.7 * f), cancelled=cancelled,
                           events=events, elasticity=elasticity, amazon=amazon, groups=groups).frame()[COLUMNS]
    return OpResult(frame)


def backtest(workspace: WorkspaceArg, holdout: int = 26, progress: Progress = no_progress,
             cancelled: Cancelled = never_cancelled) -> OpResult[dict[str, Any]]:
    """The backtest document (with Amazon's score where its forecasts cover the holdout)."""
    from vendordesk.core.forecast.plan import backtest_with_amazon
    from vendordesk.store.facts_read import amazon_forecasts_frame, fill_forecast_caches

    progress(0.0)
    with opened(workspace) as ws:
        shared = isinstance(workspace, Workspace)    # as forecast(): by path nothing is kept for later readers
        if not shared:
            fill_forecast_caches(ws)
        panel = sales_panel(ws, None, keep=shared)
        if not shared:
            _forget_facts(ws)
        if len(panel.weeks) < holdout + 8:
            raise UserError(N_("--holdout {holdout}: the workspace has {weeks} weeks of sales; keep at least 8 weeks "
                               "for training (use --holdout {most} or less)."), holdout=holdout,
                            weeks=len(panel.weeks), most=max(len(panel.weeks) - 8, 1))
        amazon, events = amazon_forecasts_frame(ws, keep=shared), workspace_events(ws)
        if not shared:      # the blend and Amazon's holdout score read these four columns only
            amazon = amazon[list(RIVAL_COLUMNS)]
        groups = workspace_groups(ws, panel)
    if not shared:
        _release()
    progress(0.3)
    return OpResult(backtest_with_amazon(panel, amazon, holdout, lambda f: progress(0.3 + 0.7 * f),
                                         events=events, groups=groups))


def forecast_frame(ws: WorkspaceArg) -> pd.DataFrame:
    """The forecast table behind ``vendordesk export forecast`` (26 weeks, every ASIN)."""
    return forecast(ws).value
