"""Supply projection: expected Amazon orders, projected stock, and out-of-stock risk per week.

Assumptions (domain.md §6b.5, the expected-order rule is inferred):
- Amazon reviews weekly (R = 1) and orders up to
  target = sum P50 over (L + R) weeks + safety, safety = sqrt(L + R) x (Pq - P50) of the week
  (Pq = P80 by default; P80 - P50 ~ 0.84 sigma, so this is the textbook sigma x sqrt(L+R) rule),
  order = max(0, target - (Amazon on hand + open PO units not yet received)).
- The vendor ships an order from own stock first and produces the rest, up to this week's
  capacity (make to order: no stock is built without an order); it arrives L weeks later.
  What cannot be shipped is not delivered (Amazon cancels short-confirmed units).
- Open PO units arrive on their expected date (past due: in the first week) and are already
  covered by the vendor (not taken from own stock).
- Amazon's stock is used up by P50 demand. A week is at risk when the stock available at its
  start (on hand + arrivals) is below P80 (or P90) demand: Amazon's own definition of its
  P-values ("stock needed at period start"). Units short = Pq - available.
- EUR at risk = units short of P90 x unit value (cost price, else shipped COGS per unit);
  NaN (shown as a dash) when neither is known, never a silent 0.
- Unknown capacity means unlimited; unknown own stock counts as 0.
- Expected Amazon orders answer "what will Amazon order?", so by default they follow Amazon's
  own forecast (its mean, and its P-values for the safety stock) where the workspace has one
  for the ASIN and week, else ours; ``order_basis`` per row says which (``amazon`` / ``ours``).
  Amazon's stock is still used up by OUR out-of-stock-corrected P50: the risk is real demand.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

REVIEW_WEEKS = 1
DEFAULT_LEAD_WEEKS = 2
#: "At risk" everywhere (tab badge, OOS page): a projected risk week within the next 4 weeks.
#: A FUTURE count, named "ASINs at risk in the next 4 weeks"; the gears' "ASINs with OOS over 8 %
#: (last 4 weeks)" is a PAST one (core.gears.kpis.asins_above_oos_limit). Two figures, two names.
RISK_HORIZON_WEEKS = 4


@dataclass
class SupplyInputs:
    """Arrays aligned with a forecast: n ASINs x h weeks.

    Attributes:
        q: our P50/P70/P80/P90 forecast, shape (4, n, h).
        on_hand: Amazon sellable on hand now, (n,).
        open_po: open PO units arriving per week, (n, h).
        own_stock: vendor stock now, (n,).
        capacity: vendor production per week, (n, h); inf = unknown.
        lead: lead time in whole weeks >= 1, (n,).
        unit_value: value of one unit, (n,).
    """

    q: np.ndarray
    on_hand: np.ndarray
    open_po: np.ndarray
    own_stock: np.ndarray
    capacity: np.ndarray
    lead: np.ndarray
    unit_value: np.ndarray
    amazon_q: np.ndarray | None = None      # Amazon's mean/P70/P80/P90, (4, n, h); NaN where none


def amazon_quantiles(latest: pd.DataFrame, asins: list[str], weeks: list[str]) -> np.ndarray:
    """Amazon's newest forecast (mean_units, p70/p80/p90_units) aligned to (4, n, h); NaN where none."""
    out = np.full((4, len(asins), len(weeks)), np.nan)
    if latest is None or latest.empty or not len(asins) or not len(weeks):
        return out
    row = pd.Series(np.arange(len(asins)), index=asins)
    col = pd.Series(np.arange(len(weeks)), index=weeks)
    hits = latest[latest["asin"].isin(row.index) & latest["week_start"].isin(col.index)]
    r, c = row[hits["asin"]].to_numpy(), col[hits["week_start"]].to_numpy()
    for k, name in enumerate(("mean_units", "p70_units", "p80_units", "p90_units")):
        if name in hits:
            out[k, r, c] = pd.to_numeric(hits[name], errors="coerce").to_numpy(dtype=float)
    return out


def order_demand(inp: SupplyInputs, basis: str = "amazon") -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(P50, P80, P90 the expected orders are computed from, True where Amazon's forecast drives
    them): Amazon's mean and P-values where it has a mean for the ASIN-week (``basis`` amazon),
    else ours. A missing Amazon P80/P90 takes our spread above its mean."""
    p50, p80, p90 = inp.q[0], inp.q[2], inp.q[3]
    if basis != "amazon" or inp.amazon_q is None:
        return p50, p80, p90, np.zeros(p50.shape, dtype=bool)
    mean = inp.amazon_q[0]
    use = ~np.isnan(mean)
    a80 = np.where(np.isnan(inp.amazon_q[2]), mean + (p80 - p50), inp.amazon_q[2])
    a90 = np.where(np.isnan(inp.amazon_q[3]), mean + (p90 - p50), inp.amazon_q[3])
    return np.where(use, mean, p50), np.where(use, a80, p80), np.where(use, a90, p90), use


def _window_sum(values: np.ndarray, start: int, length: np.ndarray) -> np.ndarray:
    """Sum of values[:, start:start+length_i] per row, repeating the last week past the end."""
    h = values.shape[1]
    longest = int(length.max()) if len(length) else 0
    idx = np.minimum(start + np.arange(longest), h - 1)
    window = values[:, idx]
    mask = np.arange(longest)[None, :] < length[:, None]
    return np.asarray(np.sum(np.where(mask, window, 0.0), axis=1))


def project(inp: SupplyInputs, safety: str = "p80", order_basis: str = "amazon") -> dict[str, np.ndarray]:
    """Simulate h weeks. Returns arrays (n, h) keyed by output column. ``order_basis``: whose
    forecast the expected Amazon orders follow (amazon where it has one, else ours; or ours)."""
    p50, p80, p90 = inp.q[0], inp.q[2], inp.q[3]
    o50, o80, o90, by_amazon = order_demand(inp, order_basis)
    oq = o90 if safety == "p90" else o80
    n, h = p50.shape
    lead = np.clip(np.nan_to_num(inp.lead, nan=DEFAULT_LEAD_WEEKS).round().astype(int), 1, 52)
    arrivals = np.zeros((n, h + int(lead.max(initial=1)) + 1))
    arrivals[:, :h] = np.nan_to_num(inp.open_po)
    amazon = np.clip(np.nan_to_num(inp.on_hand), 0, None).astype(float)
    vendor = np.clip(np.nan_to_num(inp.own_stock), 0, None).astype(float)
    out: dict[str, np.ndarray] = {k: np.zeros((n, h)) for k in ("amazon_stock", "own_stock", "expected_order", "shipped",
                                                 "arrivals", "short_p80", "short_p90")}
    capacity = np.where(np.isnan(inp.capacity), np.inf, np.clip(inp.capacity, 0, None))
    cover = lead + REVIEW_WEEKS
    rows = np.arange(n)
    for t in range(h):
        target = _window_sum(o50, t, cover) + np.sqrt(cover) * (oq[:, t] - o50[:, t])
        position = amazon + arrivals[:, t:].sum(axis=1)
        order = np.maximum(0.0, target - position)
        produced = np.minimum(capacity[:, t], np.maximum(0.0, order - vendor))
        shipped = np.minimum(order, vendor + produced)
        vendor = vendor + produced - shipped
        arrivals[rows, t + lead] += shipped
        available = amazon + arrivals[:, t]
        out["amazon_stock"][:, t] = available
        out["own_stock"][:, t] = vendor
        out["expected_order"][:, t] = order
        out["shipped"][:, t] = shipped
        out["arrivals"][:, t] = arrivals[:, t]
        out["short_p80"][:, t] = np.maximum(0.0, p80[:, t] - available)
        out["short_p90"][:, t] = np.maximum(0.0, p90[:, t] - available)
        amazon = np.maximum(0.0, available - p50[:, t])
    out["eur_at_risk"] = out["short_p90"] * inp.unit_value.astype(float)[:, None]   # NaN: value unknown
    out["order_basis"] = np.where(by_amazon, "amazon", "ours")
    return out


def projection_frame(asins: list[str], weeks: list[str], inp: SupplyInputs,
                     result: dict[str, np.ndarray]) -> pd.DataFrame:
    """Long form per (asin, week) with demand, stock, orders and risk columns."""
    n, h = len(asins), len(weeks)
    data = {"asin": np.repeat(asins, h), "week_start": np.tile(weeks, n)}
    for k, name in ((0, "p50"), (2, "p80"), (3, "p90")):
        data[name] = inp.q[k].reshape(-1)
    data["capacity"] = np.where(np.isinf(inp.capacity), np.nan, inp.capacity).reshape(-1)
    data["open_po"] = np.nan_to_num(inp.open_po).reshape(-1)
    for key, values in result.items():
        data[key] = values.reshape(-1)
    frame = pd.DataFrame(data)
    frame["risk"] = np.select([frame["short_p80"] > 0.5, frame["short_p90"] > 0.5], ["p80", "p90"], "")
    return frame


def at_risk_asins(risks: pd.DataFrame, weeks: list[str], horizon: int = RISK_HORIZON_WEEKS) -> list[str]:
    """THE definition of an ASIN "at risk" (of running out): it has a week at risk (stock at the
    week's start below P80 or P90 demand) among the first ``horizon`` projected weeks. Sorted; the
    badge and the OOS page count this; ``horizon=len(weeks)``: at risk anywhere in the forecast."""
    if risks is None or risks.empty or not len(weeks):
        return []
    near = risks.loc[risks["week_start"].isin(list(weeks)[:horizon]), "asin"]
    return sorted(set(near))


def risk_weeks(frame: pd.DataFrame) -> pd.DataFrame:
    """Only the weeks at risk, biggest EUR at risk first."""
    risky = frame[frame["risk"] != ""]
    return risky.sort_values(["eur_at_risk", "week_start"], ascending=[False, True]).reset_index(drop=True)


def orders_coming(frame: pd.DataFrame, unit_value: pd.Series | None = None) -> pd.DataFrame:
    """Expected Amazon order units per week over all ASINs, plus open PO units due that week."""
    if frame.empty:
        return pd.DataFrame(columns=["week_start", "expected_order", "open_po", "total", "value", "asins",
                                     "order_basis"])
    work = frame.copy()
    value = work["asin"].map(unit_value) if unit_value is not None else 0.0
    work["value"] = (work["expected_order"] + work["open_po"]) * pd.Series(value, index=work.index).fillna(0.0)
    work["ordering"] = (work["expected_order"] > 0.5).astype(int)
    if "order_basis" not in work:
        work["order_basis"] = "ours"
    work["by_amazon"] = (work["order_basis"] == "amazon").astype(int)
    grouped = work.groupby("week_start", as_index=False).agg(
        expected_order=("expected_order", "sum"), open_po=("open_po", "sum"),
        value=("value", "sum"), asins=("ordering", "sum"), by_amazon=("by_amazon", "sum"),
        rows=("asin", "size"))
    grouped["total"] = grouped["expected_order"] + grouped["open_po"]
    # which forecast drives the week's expected orders: amazon, ours or mixed
    grouped["order_basis"] = np.select([grouped["by_amazon"] == grouped["rows"], grouped["by_amazon"] == 0],
                                       ["amazon", "ours"], "mixed")
    return grouped[["week_start", "expected_order", "open_po", "total", "value", "asins", "order_basis"]]
