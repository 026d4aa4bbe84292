"""Turn weekly sales rows into a clean demand panel, and say what was done to each ASIN.

Censoring rule (out-of-stock weeks): lost sales are not zero demand.
- A week with OOS rate r <= ``CENSOR_LIMIT`` (0.5) is *corrected*: demand = units / (1 - r).
- A week with r > 0.5 is *excluded* (NaN): dividing by a small (1 - r) would amplify noise,
  so the models skip that week as unobserved.
Other repairs, each recorded as a flag on the ASIN:
- ``returns``: negative units (returns above orders) are set to 0 for fitting.
- ``gaps``: missing weeks between the first and last row stay NaN (unknown, not zero).
- ``spike_capped``: values above q75 + 6 x IQR of the positive weeks are capped for fitting.
- ``oos_corrected`` / ``oos_excluded``: the censoring rule above was applied.
- ``short_history`` (< 4 weeks), ``all_zero``, ``no_history``: a fallback forecast is used.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

CENSOR_LIMIT = 0.5
MIN_WEEKS = 4
FLAG_OOS = 0.05  # flag "oos_corrected" when a week's OOS rate reached 5 %
SPIKE_IQR = 6.0


@dataclass
class Panel:
    """Weekly panel, one row per ASIN, one column per consecutive week (Sunday starts).

    Attributes:
        asins: ASINs in row order.
        weeks: ISO week-start dates in column order.
        units: raw units (NaN = no row).
        demand: cleaned demand for fitting (NaN = unobserved or excluded).
        actual: censoring-corrected demand without spike capping (for scoring).
        flags: per ASIN, the repairs applied.
        asp: ordered revenue / ordered units per week (NaN = unknown), None without revenue;
            deal weeks are found in it (core.forecast.deals).
        glance: glance views per week (NaN = unknown), None without traffic; where a stock-out
            censored a launch's sales they imply its demand (core.forecast.launch).
    """

    asins: list[str]
    weeks: list[str]
    units: np.ndarray
    demand: np.ndarray
    actual: np.ndarray
    flags: list[list[str]] = field(default_factory=list)
    asp: np.ndarray | None = None
    glance: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.asins)


def week_grid(first: str, last: str) -> list[str]:
    """Consecutive week starts from ``first`` to ``last`` (7-day steps)."""
    days = pd.date_range(first, last, freq="7D")
    return [d.date().isoformat() for d in days]


def pivot(frame: pd.DataFrame, value: str, asins: list[str], weeks: list[str]) -> np.ndarray:
    """(asin, period_start, value) rows -> (asins, weeks) array, NaN where missing."""
    if frame.empty or value not in frame:
        return np.full((len(asins), len(weeks)), np.nan)
    table = frame.pivot_table(index="asin", columns="period_start", values=value, aggfunc="sum")
    table = table.reindex(index=asins, columns=weeks)
    return table.to_numpy(dtype=float)


def censor(units: np.ndarray, oos: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Apply the OOS rule. Returns (demand, corrected_mask, excluded_mask)."""
    rate = np.nan_to_num(np.clip(oos, 0.0, 1.0), nan=0.0)
    excluded = (rate > CENSOR_LIMIT) & ~np.isnan(units)
    corrected = (rate > 0.0) & ~excluded & ~np.isnan(units)
    demand = np.where(corrected, units / np.maximum(1.0 - rate, 1.0 - CENSOR_LIMIT), units)
    return np.where(excluded, np.nan, demand), corrected, excluded


def _spike_caps(Y: np.ndarray) -> np.ndarray:
    positive = np.where(Y > 0, Y, np.nan)
    counts = np.sum(~np.isnan(positive), axis=1)
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        q25, q75 = np.nanpercentile(positive, [25, 75], axis=1) if Y.size else (np.zeros(len(Y)),) * 2
    cap = q75 + SPIKE_IQR * np.maximum(q75 - q25, 0.5 * q75)
    return np.where(counts >= 8, cap, np.inf)


def _gaps(units: np.ndarray) -> np.ndarray:
    seen = ~np.isnan(units)
    started = np.maximum.accumulate(seen, axis=1)
    ends = np.maximum.accumulate(seen[:, ::-1], axis=1)[:, ::-1]
    res: np.ndarray = np.any(started & ends & ~seen, axis=1)
    return res


def clean(asins: list[str], weeks: list[str], units: np.ndarray, oos: np.ndarray) -> Panel:
    """Build the Panel from raw unit and OOS-rate arrays of equal shape."""
    returns = np.any(units < 0, axis=1)
    actual, corrected, excluded = censor(np.where(units < 0, 0.0, units), oos)
    caps = _spike_caps(actual)
    demand = np.minimum(actual, caps[:, None])
    spiked = np.any(actual > caps[:, None], axis=1)
    gaps = _gaps(units)
    material = np.any(corrected & (np.nan_to_num(oos) >= FLAG_OOS), axis=1)
    observed = np.sum(~np.isnan(demand), axis=1)
    total = np.nansum(np.abs(demand), axis=1)
    flags = []
    for i in range(len(asins)):
        row = [name for name, hit in (
            ("returns", returns[i]), ("gaps", gaps[i]), ("spike_capped", spiked[i]),
            ("oos_corrected", material[i]), ("oos_excluded", excluded[i].any())) if hit]
        if observed[i] == 0:
            row.append("no_history")
        elif total[i] == 0:
            row.append("all_zero")
        elif observed[i] < MIN_WEEKS:
            row.append("short_history")
        flags.append(row)
    return Panel(list(asins), list(weeks), units, demand, actual, flags)


def panel_from_frame(frame: pd.DataFrame, units_col: str = "ordered_units",
                     oos_col: str = "procurable_product_out_of_stock_rate",
                     last_week: str | None = None) -> Panel:
    """A weekly facts frame (asin, period_start, units, OOS rate) -> Panel.

    Units fall back to shipped_units where ordered_units is missing.
    """
    if frame.empty:
        return clean([], [], np.zeros((0, 0)), np.zeros((0, 0)))
    # each pivot gets the key columns and its own (a copy of the whole frame, and of it per
    # dropna, held ~55 MB each at 5,000 ASINs x 156 weeks while the panel was made)
    units = frame[units_col] if units_col in frame else pd.Series(np.nan, index=frame.index)
    if "shipped_units" in frame:
        units = units.fillna(frame["shipped_units"])
    keys = ["asin", "period_start"]
    asins = sorted(frame["asin"].unique())
    weeks = week_grid(frame["period_start"].min(), last_week or frame["period_start"].max())
    u = pivot(frame[keys].assign(_units=units).dropna(subset=["_units"]), "_units", asins, weeks)
    del units
    o = pivot(frame[keys + [oos_col]], oos_col, asins, weeks) if oos_col in frame else np.full_like(u, np.nan)
    panel = clean(asins, weeks, u, o)
    if "ordered_revenue" in frame and units_col in frame:
        sold = frame[keys + ["ordered_revenue", units_col]].dropna(subset=["ordered_revenue", units_col])
        rev = pivot(sold, "ordered_revenue", asins, weeks)
        ordered = pivot(sold, units_col, asins, weeks)
        del sold
        with np.errstate(all="ignore"):
            panel.asp = np.where(ordered > 0, rev / ordered, np.nan)
    if "glance_views" in frame and frame["glance_views"].notna().any():
        views = frame[["asin", "period_start", "glance_views"]].dropna(subset=["glance_views"])
        panel.glance = pivot(views, "glance_views", asins, weeks)
    return panel
