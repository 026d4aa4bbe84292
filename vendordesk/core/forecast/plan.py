"""Put it together: our forecast, Amazon's, supply projection and accuracy for a workspace.

``build_plan(inputs)`` takes the plain frames of ``store.supply.load_forecast_inputs`` (keys:
weekly, amazon, supply, capacity_plan, open_po, inventory, values, products) and returns a
ForecastPlan. Pure: no store, no Qt; runs in a worker thread.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypedDict

import numpy as np
import pandas as pd

from vendordesk.core.forecast import amazon as fa
from vendordesk.core.forecast import backtest as bt
from vendordesk.core.forecast import supply as fs
from vendordesk.core.forecast.calendar import Event
from vendordesk.core.forecast.clean import Panel, panel_from_frame
from vendordesk.core.forecast.launch import Group, analogue_groups
from vendordesk.core.forecast.run import ForecastResult, forecast_panel, holdout_backtest

OOS_COL = "procurable_product_out_of_stock_rate"


class ForecastInputs(TypedDict):
    """What ``store.supply.load_forecast_inputs`` reads for ``build_plan``."""

    weekly: pd.DataFrame
    amazon: pd.DataFrame
    supply: pd.DataFrame
    capacity_plan: pd.DataFrame
    open_po: pd.DataFrame
    inventory: pd.DataFrame
    values: pd.DataFrame
    products: pd.DataFrame
    events: list[Event]
    attributes: pd.DataFrame
    elasticity: float


@dataclass
class ForecastPlan:
    """Everything the Forecast tab and the commands show.

    Attributes:
        panel: the cleaned history. result: our forecast.
        amazon: every Amazon generation (long). divergence / drift: see forecast_amazon.
        projection: per ASIN and week stock, orders and risk. risks: the weeks at risk.
        orders: expected Amazon orders per week over all ASINs.
        accuracy: per ASIN backtest scores (ours, seasonal naive, Amazon), may be empty.
        backtest: the holdout backtest document (JSON-ready), may be empty.
        versus_amazon: a second backtest hiding the weeks since Amazon's oldest imported
            generation, so ours and Amazon's are scored on the same weeks (may be empty).
        titles: asin -> product title.
        amazon_q: Amazon's newest forecast as quantiles on our weeks; a supply recompute reuses it.
    """

    panel: Panel
    result: ForecastResult
    amazon: pd.DataFrame
    divergence: pd.DataFrame
    drift: pd.DataFrame
    projection: pd.DataFrame
    risks: pd.DataFrame
    orders: pd.DataFrame
    accuracy: pd.DataFrame
    backtest: dict[str, Any] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    versus_amazon: dict[str, Any] = field(default_factory=dict)
    amazon_q: np.ndarray | None = None      # Amazon's quantiles the orders follow (fs.SupplyInputs.amazon_q)


def _week_index(dates: pd.Series, weeks: list[str]) -> np.ndarray:
    start = dt.date.fromisoformat(weeks[0])
    days = pd.to_datetime(dates, errors="coerce").dt.date.map(lambda d: (d - start).days if pd.notna(d) else 0)
    return np.clip(np.floor(days.to_numpy(dtype=float) / 7), 0, None).astype(int)


def supply_inputs(result: ForecastResult, inputs: ForecastInputs) -> fs.SupplyInputs:
    """Align supply frames with the forecast's ASINs and weeks."""
    asins, weeks = result.asins, result.weeks
    n, h = len(asins), len(weeks)
    row = pd.Series(np.arange(n), index=asins)

    def per_asin(frame: pd.DataFrame | None, column: str) -> np.ndarray:
        if frame is None or frame.empty or column not in frame:
            return np.full(n, np.nan)
        return frame.drop_duplicates("asin").set_index("asin")[column].reindex(asins).to_numpy(dtype=float)

    supply, inventory = inputs.get("supply"), inputs.get("inventory")
    capacity = np.repeat(per_asin(supply, "weekly_capacity_units")[:, None], h, axis=1)
    plan = inputs.get("capacity_plan")
    if plan is not None and not plan.empty and h:
        col = pd.Series(np.arange(h), index=weeks)
        hits = plan[plan["asin"].isin(row.index) & plan["week_start"].isin(col.index)]
        capacity[row[hits["asin"]].to_numpy(), col[hits["week_start"]].to_numpy()] = hits["units"].to_numpy()
    open_po = np.zeros((n, h))
    po = inputs.get("open_po")
    if po is not None and not po.empty and h:
        po = po[po["asin"].isin(row.index)]
        idx = _week_index(po["due"], weeks)
        keep = idx < h
        np.add.at(open_po, (row[po["asin"]].to_numpy()[keep], idx[keep]), po["open_units"].to_numpy()[keep])
    lead = per_asin(supply, "lead_time_weeks")
    lead = np.where(np.isnan(lead), np.ceil(per_asin(inventory, "lead_time_days") / 7.0), lead)
    return fs.SupplyInputs(result.q, per_asin(inventory, "on_hand"), open_po, per_asin(supply, "own_stock_units"),
                           capacity, lead, per_asin(inputs.get("values"), "unit_value"))


def _accuracy(backtest: dict[str, Any], versus: dict[str, Any]) -> pd.DataFrame:
    """Per ASIN: ours/seasonal naive on the main holdout; ours/Amazon since Amazon's oldest forecast."""
    rows: dict[str, dict[str, Any]] = {}
    for item in backtest.get("asins", []):
        row = rows.setdefault(item["asin"], {"asin": item["asin"], "model": item["model"]})
        for who in ("ours", "seasonal_naive"):
            for metric, value in (item.get(who) or {}).items():
                row[f"{who}_{metric}"] = value
    for item in versus.get("asins", []):
        if item.get("amazon"):
            row = rows.setdefault(item["asin"], {"asin": item["asin"], "model": item["model"]})
            for metric in ("mase", "wape", "bias"):
                row[f"amazon_{metric}"] = item["amazon"].get(metric)
                row[f"vs_amazon_ours_{metric}"] = (item.get("ours") or {}).get(metric)
            row["amazon_weeks"] = item["amazon"].get("weeks")
            row["amazon_generation"] = item["amazon"].get("generation")
    return pd.DataFrame(list(rows.values()))


def _with_mase_gaps(accuracy: pd.DataFrame, panel: Panel, backtest: dict[str, Any]) -> pd.DataFrame:
    """``accuracy`` plus "mase_gap": why a series' MASE is missing (backtest.mase_gaps; "" if not)."""
    if accuracy.empty or "holdout" not in backtest:
        return accuracy
    gaps = dict(zip(panel.asins, bt.mase_gaps(panel.demand[:, :len(panel.weeks) - backtest["holdout"]])))
    accuracy["mase_gap"] = accuracy["asin"].map(gaps).fillna("")
    return accuracy


def amazon_holdout(panel: Panel, amazon: pd.DataFrame) -> int:
    """Weeks from the first week after Amazon's oldest generation to the end of history (0 = none)."""
    if amazon is None or amazon.empty or not panel.weeks:
        return 0
    oldest = min(amazon["generation_date"])
    after = [w for w in panel.weeks if w >= oldest]
    weeks = len(after)
    return weeks if 4 <= weeks <= len(panel.weeks) - 8 else 0


def oos_frame(weekly: pd.DataFrame) -> pd.DataFrame:
    if weekly is None or weekly.empty or OOS_COL not in weekly:
        return pd.DataFrame(columns=["asin", "period_start", "oos_rate"])
    return weekly[["asin", "period_start", OOS_COL]].rename(columns={OOS_COL: "oos_rate"})


def backtest_with_amazon(panel: Panel, amazon: pd.DataFrame, holdout: int,
                         progress: Callable[[float], None] | None = None, events: list[Event] | None = None,
                         groups: list[Group] | None = None) -> dict[str, Any]:
    """The holdout backtest plus Amazon's score where its forecast covers the holdout.

    Ours is the final forecast (Amazon's blended in where it has been better before the
    holdout, see forecast_rival); "event_weeks" repeats the scores on the event weeks.
    """
    doc = holdout_backtest(panel, holdout, progress, events=events, amazon=amazon, groups=groups)
    arrays = doc.pop("_arrays", None)
    if arrays is None or amazon is None or amazon.empty:
        return doc
    t = len(panel.weeks) - doc["holdout"]
    total, rows = fa.amazon_scores(amazon, panel.asins, arrays["weeks"], arrays["actual"], panel.demand[:, :t],
                                   arrays["q"][0])
    doc["total"]["amazon"] = total
    busy = arrays["busy"]
    if busy.any():
        weeks = [w for w, b in zip(arrays["weeks"], busy) if b]
        ev_total, _ = fa.amazon_scores(amazon, panel.asins, weeks, arrays["actual"][:, busy], panel.demand[:, :t],
                                       arrays["q"][0][:, busy])
        doc["event_weeks"]["total"]["amazon"] = ev_total
    for item, row in zip(doc["asins"], rows):
        item["amazon"] = row
    return doc


def build_plan(inputs: ForecastInputs, horizon: int = 26, holdout: int = 26,
               progress: Callable[[float], None] | None = None, backtest: bool = True, compare: bool = True,
               lean: bool = False, release: Callable[[], None] | None = None) -> ForecastPlan:
    """Forecast every ASIN, compare with Amazon, project supply; progress 0..1.

    ``compare=False``: no divergence or drift (empty frames; the department brief needs the
    orders and risks only). ``lean=True``: the plan takes the weekly facts out of ``inputs`` as
    soon as its panel and drift are made (at 5,000 ASINs x 156 weeks they and the panel's
    intermediates held 160 MB through every forecast); ``release`` is called after each big
    step (the ops hand the freed heap back to the system with it).
    """
    def step(start: float, width: float) -> Callable[[float], None] | None:
        return (lambda f: progress(start + width * f)) if progress else None

    def freed() -> None:
        if release is not None:
            release()

    # lean: the plan holds the only reference from here on (the caller's dict loses its facts)
    weekly = (inputs.pop("weekly", pd.DataFrame()) if lean  # type: ignore[misc]
              else inputs.get("weekly", pd.DataFrame()))
    panel = panel_from_frame(weekly)
    amazon = inputs.get("amazon", pd.DataFrame())
    oos = oos_frame(weekly) if compare else None     # the drift reads three of the facts' columns
    if lean:    # the other columns go before the drift's (asin x generation, week) arrays are made
        del weekly
    drift = fa.drift(amazon, oos) if compare else pd.DataFrame()
    del oos
    freed()
    events = inputs.get("events")
    groups = analogue_groups(panel.asins, inputs.get("attributes"))
    result = forecast_panel(panel, horizon, progress=step(0.0, 0.45), events=events,
                            elasticity=inputs.get("elasticity"), amazon=amazon, groups=groups)
    freed()
    # the backtests first: the divergence, supply and projection frames are not held through them
    doc = backtest_with_amazon(panel, amazon, holdout, step(0.5, 0.3), events, groups) if backtest and len(panel) else {}
    freed()
    versus_weeks = amazon_holdout(panel, amazon) if backtest and len(panel) else 0
    versus = backtest_with_amazon(panel, amazon, versus_weeks, step(0.8, 0.15), events, groups) if versus_weeks else {}
    freed()
    newest = fa.latest(amazon)
    divergence = fa.divergence(result.frame(), newest) if compare else pd.DataFrame()
    sup = supply_inputs(result, inputs)
    sup.amazon_q = fs.amazon_quantiles(newest, result.asins, result.weeks)   # orders follow Amazon
    del newest
    projection = fs.projection_frame(result.asins, result.weeks, sup, fs.project(sup))
    values = inputs.get("values")
    value_map = values.set_index("asin")["unit_value"] if values is not None and not values.empty else None
    freed()
    products = inputs.get("products")
    titles = dict(zip(products["asin"], products["title"])) if products is not None and "title" in products else {}
    accuracy = _with_mase_gaps(_accuracy(doc, versus), panel, doc)
    if progress:
        progress(1.0)
    return ForecastPlan(panel, result, amazon, divergence, drift, projection, fs.risk_weeks(projection),
                        fs.orders_coming(projection, value_map), accuracy, doc, titles, versus,
                        sup.amazon_q)
