"""Read what a what-if needs (history, Amazon's forecasts, the stored calibration, the Net PPM
target) and run it on the structural model. Shared by ``vendordesk simulate`` and the window."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypedDict

import numpy as np

from vendordesk.core.influence.graph import Graph
from vendordesk.core.influence.model import (
    METRICS,
    WhatIf,
    nominal_state,
    params_from,
    state_from_frame,
    whatif,
)
from vendordesk.core.influence.sim import Shock
from vendordesk.core.influence.struct import State
from vendordesk.store import calibration
from vendordesk.store.db import Workspace
from vendordesk.store.elasticity import price_elasticity

STRUCTURAL = {"procurable_product_out_of_stock_rate", "ordered_units", "glance_views", "conversion",
              "average_selling_price", "cost_price", "competitor_price", "vendor_confirmation_rate",
              "receive_fill_rate", "average_vendor_lead_time_days", "mean_forecast_units", "po_units",
              "backend_terms_rate", "sales_discount", "content_score", "ad_spend", "featured_offer_lost"}


class Prepared(TypedDict):
    """What ``prepare`` reads for a what-if: the calibration's links, the account's state (None
    without history), the Net PPM target, and what the view shows about them."""

    links: dict[str, Any]
    state: State | None
    target: float
    calibrated: bool
    calibrated_at: str | None
    currency: str
    elasticity: tuple[float, float, float, str]
    ad_spend_week: float | None


class RunInfo(Prepared):
    """``Prepared`` plus the shocks that ran and whether the account had history."""

    shocks: list[Shock]
    history: bool


#: ``make_shocks(levels) -> [Shock]``
MakeShocks = Callable[[dict[str, float]], list[Shock]]


def levels(state: State | None) -> dict[str, float]:
    """Current account rates (demand-weighted), for the range checks of rate shocks."""
    if state is None or state.demand.sum() <= 0:
        return {}
    w = state.demand / state.demand.sum()
    rev = state.demand * state.asp
    margin = rev - state.demand * state.cost * (1 - state.contra)
    return {"procurable_product_out_of_stock_rate": float(w @ state.oos_exo),
            "vendor_confirmation_rate": float(w @ state.conf), "receive_fill_rate": float(w @ state.fill),
            "net_pure_product_margin": float(margin.sum() / rev.sum()) if rev.sum() > 0 else float("nan"),
            "backend_terms_rate": float(w @ state.contra)}


def prepare(ws: Workspace) -> Prepared:
    stored = calibration.load(ws)
    links = stored["links"] if stored else {}
    target = calibration.net_ppm_target(ws)
    state = state_from_frame(calibration.history_frame(ws), calibration.first_week_forecasts(ws), links, target)
    return {"links": links, "state": state, "target": target, "calibrated": stored is not None,
            "calibrated_at": stored.get("created_at") if stored else None,
            "currency": ws.meta("currency", "EUR") or "EUR", "elasticity": price_elasticity(ws),
            "ad_spend_week": ad_spend_week(ws)}


def ad_spend_week(ws: Workspace, days: int = 91) -> float | None:
    """The account's ad spend per week (hand-entered manual KPI ad_spend, any period length, by ASIN
    or account) over the last ``days`` days it covers: total / days covered x 7; None without data."""
    row = ws.conn.execute(
        "WITH r AS (SELECT period_start, period_end, value FROM manual_kpis WHERE kpi = 'ad_spend' "
        "AND period_start >= (SELECT date(MAX(period_end), ?) FROM manual_kpis WHERE kpi = 'ad_spend')) "
        "SELECT SUM(value), julianday(MAX(period_end)) - julianday(MIN(period_start)) + 1 FROM r",
        (f"-{int(days)} day",)).fetchone()
    if not row or row[0] is None or not row[1] or row[1] <= 0:
        return None
    return float(row[0]) / float(row[1]) * 7.0


def run_whatif(ws: Workspace, make_shocks: MakeShocks, weeks: int,
               prepared: Prepared | None = None) -> tuple[WhatIf, RunInfo]:
    """``make_shocks(levels) -> [Shock]`` (so rate shocks are checked against today's levels)."""
    from vendordesk.store.influence import load_graph

    return run_prepared(prepared or prepare(ws), make_shocks, weeks, load_graph(ws))


def run_prepared(info: Prepared, make_shocks: MakeShocks, weeks: int,
                 graph: Graph | None = None) -> tuple[WhatIf, RunInfo]:
    """The what-if on data read before (``prepare``), e.g. by the window's loader thread."""
    state = info["state"]
    shocks = make_shocks(levels(state))
    result = whatif(state if state is not None else nominal_state(info["target"]),
                    params_from(info["links"]), shocks, weeks)
    _graph_paths(graph, result, [s for s in shocks if s.kpi not in STRUCTURAL], weeks)
    out: RunInfo = {**info, "shocks": shocks, "history": state is not None}
    if state is None:                  # nominal account: rates only, no money
        for key in ("units", "vendor_revenue", "amazon_revenue", "net_ppm_eur"):
            result.totals[key], result.intervals[key] = 0.0, [0.0, 0.0]
            result.contributions.get(key, {}).update(dict.fromkeys(result.contributions.get(key, {}), 0.0))
        result.weekly = {k: [0.0] * weeks for k in result.weekly}
    for key in METRICS:
        result.intervals.setdefault(key, [result.totals[key]] * 2)
    return result, out


def _graph_paths(graph: Graph | None, result: WhatIf, shocks: list[Shock], weeks: int) -> None:
    """KPIs outside the structural model (chargebacks, ASN errors, ...) follow the link graph,
    for their own paths only; they do not enter units or revenue."""
    if not shocks or graph is None:
        return
    from vendordesk.core.influence.sim import propagate

    for name, path in propagate(graph, shocks, weeks).items():
        if name not in result.paths and np.any(np.abs(path) > 1e-9) and name not in STRUCTURAL:
            result.paths[name] = [round(float(v), 6) for v in path]
