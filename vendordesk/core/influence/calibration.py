"""Calibrate the structural model's behavioural links on the workspace's own weekly history.

Every link records estimate, 10-90 % interval, weeks and ASINs used, status and a plain note.
With too little data a link keeps its documented default (``DEFAULTS``), says so and gets the
wider default interval. Estimators (fixed effects by ASIN, errors clustered by ASIN, core.panel_ols):

- elasticity (I05) and lost share (E01): ln ordered units on ln price and ln(1 - OOS), ASIN and
  week effects. The price is the ASIN's regular price (5-week rolling median of ASP) except in
  deal weeks and after price changes (ASP more than 2 % away): ASP = revenue / units carries the
  units' own noise, regressing units on it would bias the elasticity toward -1 (division bias);
- forecast response (E02): change of Amazon's first-week forecast on last week's forecast error
  (ordered units - forecast), both scaled by the ASIN's mean units;
- PO cover (E03/E20): PO = confirmed / confirmation, confirmed = change of open POs + receipts /
  fill rate; cover = (PO + on hand + open before) / forecast, weeks with a PO (ratio of sums,
  ASIN bootstrap interval);
- lead time, confirmation, fill rate, contra-COGS rate: observed levels;
- CRaP (E13/E14): demand in the week after one below the Net PPM target, ASIN and week effects.
Pure numpy/pandas: frames come from the store. The links' records live in cal_links, the panels
in cal_panels, the fits in cal_demand, cal_orders and cal_levels.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from vendordesk.core.influence.cal_demand import fit_crap, fit_demand
from vendordesk.core.influence.cal_levels import fit_contra, fit_supply, level
from vendordesk.core.influence.cal_links import DEFAULTS, LINK_EDGES, OOS, Z90, Array, Link, link
from vendordesk.core.influence.cal_orders import fit_forecast, fit_orders
from vendordesk.core.influence.cal_panels import panels, regular_price
from vendordesk.text import N_, Message

__all__ = ["COLUMNS", "DEFAULTS", "LINK_EDGES", "OOS", "Z90", "Link", "calibrate", "fit_supply", "link", "panels",
           "regular_price"]

COLUMNS = ("ordered_units", "shipped_units", "shipped_revenue", "shipped_cogs", OOS, "vendor_confirmation_rate",
           "receive_fill_rate", "average_vendor_lead_time_days", "open_purchase_order_units",
           "net_received_inventory_units", "sellable_on_hand_inventory_units", "net_pure_product_margin")


def calibrate(frame: pd.DataFrame | None, forecasts: pd.DataFrame | None = None, target: float = 0.40,
              progress: Callable[[float], object] | None = None,
              cancelled: Callable[[], bool] | None = None) -> dict[str, Any]:
    """{"links": {name: link}, "weeks", "asins", "first_week", "last_week"}.
    ``forecasts``: asin, week_start, mean_units (each week's first-week forecast)."""
    with warnings.catch_warnings():     # an ASIN without numbers yet: its all-NaN columns are expected
        warnings.filterwarnings("ignore", "Mean of empty slice|All-NaN slice|Degrees of freedom <= 0",
                                RuntimeWarning)
        return _calibrate(frame, forecasts, target, progress, cancelled)


def _calibrate(frame: pd.DataFrame | None, forecasts: pd.DataFrame | None, target: float,
               progress: Callable[[float], object] | None, cancelled: Callable[[], bool] | None) -> dict[str, Any]:
    step = progress or (lambda _f: None)
    if frame is None or frame.empty:
        return {"links": {name: link(name, note=Message(N_("no weekly history"))) for name in DEFAULTS}, "weeks": 0, "asins": 0, "first_week": None, "last_week": None}
    weeks, asins, p = panels(frame, COLUMNS)
    fc: Array | None = None
    if forecasts is not None and not forecasts.empty:
        f = forecasts[forecasts["asin"].isin(asins) & forecasts["week_start"].isin(weeks)]
        fc = np.full((len(weeks), len(asins)), np.nan)
        fc[pd.Index(weeks).get_indexer(pd.Index(f["week_start"])), pd.Index(asins).get_indexer(pd.Index(f["asin"]))] = f["mean_units"]
    step(0.1)
    links: dict[str, Link] = {}
    links["elasticity"], links["lost_share"], links["demand_noise"] = fit_demand(p)
    step(0.5)
    if cancelled and cancelled():
        return {}
    links["forecast_alpha"] = fit_forecast(p, fc)
    links["po_cover"], links["lead_weeks"] = fit_orders(p, fc)
    links["supply_noise"] = fit_supply(p)
    step(0.7)
    links["confirmation"] = level("confirmation", p["vendor_confirmation_rate"], N_("confirmation rate {pct} % (13 weeks)"))
    links["fill"] = level("fill", p["receive_fill_rate"], N_("receive fill rate {pct} % (13 weeks)"))
    links["contra_rate"] = fit_contra(p)
    links["crap"] = fit_crap(p, target)
    step(0.9)
    for name in ("competitor_match", "content", "ads", "featured_offer"):
        links[name] = link(name)
    step(1.0)
    return {"links": links, "weeks": len(weeks), "asins": len(asins), "first_week": weeks[0], "last_week": weeks[-1]}
