"""Manual KPIs (typed in by the KAM): weekly series and period values.

Entries are (gear, kpi, asin, period_start, period_end, value); asin '' = account level.
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
    frame = manual.copy()
    frame["asin"] = frame["asin"].fillna("")
    frame["value"] = pd.to_numeric(frame["value"], errors="coerce")
    frame["week"] = [_week(d) for d in frame["period_start"]]
    return frame.sort_values("period_start", kind="stable")[COLUMNS]


def _week(day: str) -> str:
    date = dt.date.fromisoformat(str(day)[:10])
    return (date - dt.timedelta(days=(date.weekday() + 1) % 7)).isoformat()


def _rows(manual: pd.DataFrame, gear: str, kpi: str, asins: list[str] | None) -> pd.DataFrame:
    rows = manual.loc[(manual["gear"] == gear) & (manual["kpi"] == kpi)]
    if asins is not None:
        return rows.loc[rows["asin"].isin(asins)]
    account = rows.loc[rows["asin"] == ""]
    return account if len(account) else rows


def weekly(manual: pd.DataFrame, kpis: dict[tuple[str, str], str], asins: list[str] | None,
           weeks: list[str]) -> pd.DataFrame:
    """One column per manual KPI over ``weeks`` (sorted ISO week starts, extended as needed)."""
    all_weeks = sorted(set(weeks) | set(manual["week"]))
    if all_weeks:
        first, last = dt.date.fromisoformat(all_weeks[0]), dt.date.fromisoformat(all_weeks[-1])
        count = (last - first).days // 7 + 1
        all_weeks = [(first + dt.timedelta(weeks=i)).isoformat() for i in range(count)]
    index = pd.Index(all_weeks, name="period_start")
    out = pd.DataFrame(index=index)
    for (gear, kpi), how in kpis.items():
        rows = _rows(manual, gear, kpi, asins)
        if rows.empty:
            out[kpi] = np.nan
        elif how == "sum":
            out[kpi] = rows.groupby("week")["value"].sum().reindex(index)
        else:
            grid = rows.pivot_table(index="week", columns="asin", values="value", aggfunc="last")
            grid = grid.reindex(index).ffill(limit=HOLD_WEEKS)
            out[kpi] = grid.sum(axis=1, min_count=1) if how == "last_sum" else grid.mean(axis=1)
    return out


def period_value(series: pd.Series, start: str, end: str, how: str) -> float:
    """A manual KPI over the weeks start..end (sum, or the latest level)."""
    index = series.index
    rows = series.iloc[index.searchsorted(start, "left"):index.searchsorted(end, "right")]
    if how == "sum":
        return float(rows.sum(min_count=1))
    known = rows.dropna()
    return float(known.iloc[-1]) if len(known) else float("nan")
