"""Manual KPIs (typed in by the KAM): weekly series and period values.

Entries are (gear, kpi, asin, period_start, period_end, value); asin '' = account level
(never NULL), in date order within each KPI (as ``store.gears.manual_kpis_frame`` returns them).
Without an ASIN filter, account entries win; without any, the per-ASIN entries are combined.
How a KPI combines (``KpiDef.manual_how``):
- ``sum``: money spent per week (ad spend) — summed over ASINs and weeks;
- ``last``: a level (star rating, content score) — each ASIN's latest value, averaged;
- ``last_sum``: a count (reviews) — each ASIN's latest value, summed.
A level stays valid for ``HOLD_WEEKS`` after it was entered.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

HOLD_WEEKS = 13
COLUMNS = ["gear", "kpi", "asin", "period_start", "period_end", "value", "week"]


def normalise(manual: pd.DataFrame | None) -> pd.DataFrame:
    """Entries with an ``week`` column (the Sunday starting the entry's first week)."""
    if manual is None or manual.empty:
        return pd.DataFrame(columns=COLUMNS)
    if "week" in manual.columns and manual["week"].notna().all():
        return manual                          # the store computed the week (and account flag)
    frame = manual[COLUMNS[:-1]].copy()
    if frame["value"].dtype != float:
        frame["value"] = pd.to_numeric(frame["value"], errors="coerce")
    codes, days = pd.factorize(frame["period_start"])
    weeks = np.array([_week(d) for d in days], dtype=object)     # few distinct dates: fast
    frame["week"] = weeks[codes] if len(days) else np.array([], dtype=object)
    return frame


def split(manual: pd.DataFrame) -> dict[tuple[str, str], pd.DataFrame]:
    """Entries grouped by (gear, kpi), once, so lookups do not scan every row."""
    if manual.empty:
        return {}
    gear_codes, gears = pd.factorize(manual["gear"])
    kpi_codes, kpis = pd.factorize(manual["kpi"])
    codes = gear_codes * len(kpis) + kpi_codes
    if np.all(codes[1:] >= codes[:-1]):        # already grouped (store order): slices, no copies
        starts = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]])
        ends = np.r_[starts[1:], len(codes)]
        return {(gears[codes[lo] // len(kpis)], kpis[codes[lo] % len(kpis)]): manual.iloc[lo:hi]
                for lo, hi in zip(starts, ends)}
    order = np.argsort(codes, kind="stable")
    ordered = codes[order]
    out = {}
    for code in np.unique(codes):
        lo, hi = np.searchsorted(ordered, code, "left"), np.searchsorted(ordered, code, "right")
        out[(gears[code // len(kpis)], kpis[code % len(kpis)])] = manual.iloc[order[lo:hi]]
    return out


def _week(day: str) -> str:
    date = dt.date.fromisoformat(str(day)[:10])
    return (date - dt.timedelta(days=(date.weekday() + 1) % 7)).isoformat()


def _rows(groups: dict, gear: str, kpi: str, asins: list[str] | None) -> pd.DataFrame:
    rows = groups.get((gear, kpi))
    if rows is None:
        return pd.DataFrame(columns=COLUMNS)
    if asins is not None:
        return rows.loc[rows["asin"].isin(asins)]
    flags = rows["account"].to_numpy(dtype=bool) if "account" in rows.columns else rows["asin"].to_numpy() == ""
    account = rows.loc[flags]
    return account if len(account) else rows


def weekly(manual: pd.DataFrame, groups: dict, kpis: dict[tuple[str, str], str], asins: list[str] | None,
           weeks: list[str]) -> pd.DataFrame:
    """One column per manual KPI over ``weeks`` (sorted ISO week starts, extended as needed).

    ``groups`` is ``split(manual)``."""
    all_weeks = sorted(set(weeks) | set(manual["week"].unique()))
    if all_weeks:
        first, last = dt.date.fromisoformat(all_weeks[0]), dt.date.fromisoformat(all_weeks[-1])
        count = (last - first).days // 7 + 1
        all_weeks = [(first + dt.timedelta(weeks=i)).isoformat() for i in range(count)]
    index = pd.Index(all_weeks, name="period_start")
    out = pd.DataFrame(index=index)
    for (gear, kpi), how in kpis.items():
        rows = _rows(groups, gear, kpi, asins)
        if rows.empty:
            out[kpi] = np.nan
        elif how == "sum":
            out[kpi] = rows.groupby("week")["value"].sum().reindex(index)
        else:
            grid = _grid(rows, index).ffill(limit=HOLD_WEEKS)
            out[kpi] = grid.sum(axis=1, min_count=1) if how == "last_sum" else grid.mean(axis=1)
    return out


def _grid(rows: pd.DataFrame, index: pd.Index) -> pd.DataFrame:
    """weeks x ASINs of the entered values (a later entry in the same week wins)."""
    week_pos = index.get_indexer(rows["week"].to_numpy(dtype=object))
    asin_codes, asins = pd.factorize(rows["asin"].to_numpy(dtype=object))
    grid = np.full((len(index), len(asins)), np.nan)
    keep = week_pos >= 0
    grid[week_pos[keep], asin_codes[keep]] = rows["value"].to_numpy(dtype=float)[keep]
    return pd.DataFrame(grid, index=index)


def period_value(series: pd.Series, start: str, end: str, how: str) -> float:
    """A manual KPI over the weeks start..end (sum, or the latest level)."""
    index = series.index
    rows = series.iloc[index.searchsorted(start, "left"):index.searchsorted(end, "right")]
    if how == "sum":
        return float(rows.sum(min_count=1))
    known = rows.dropna()
    return float(known.iloc[-1]) if len(known) else float("nan")
