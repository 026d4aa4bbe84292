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
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

HOLD_WEEKS = 13
COLUMNS = ["gear", "kpi", "asin", "period_start", "period_end", "value", "week"]


EPOCH = dt.date(1970, 1, 4)        # a Sunday: week ordinal = whole weeks since then


@dataclass
class Entries:
    """One KPI's entries as arrays: week ordinal, ASIN code, value, account flag (entry order)."""

    week: np.ndarray
    asin: np.ndarray
    value: np.ndarray
    account: np.ndarray

    def take(self, mask: np.ndarray) -> Entries:
        return Entries(self.week[mask], self.asin[mask], self.value[mask], self.account[mask])


@dataclass
class Split:
    """Entries per (gear, kpi), ASIN labels of the codes, the first and last week ordinal."""

    groups: dict[tuple[str, str], Entries]
    asins: pd.Index
    weeks: tuple[int, int] | None


def normalise(manual: pd.DataFrame | None) -> pd.DataFrame:
    """Entries with an ``week`` column (the Sunday starting the entry's first week)."""
    if manual is None or manual.empty:
        return pd.DataFrame(columns=COLUMNS)
    if "week_ord" in manual.columns or ("week" in manual.columns and manual["week"].notna().all()):
        return manual                          # the store computed the week (and account flag)
    frame = manual[COLUMNS[:-1]].copy()
    if frame["value"].dtype != float:
        frame["value"] = pd.to_numeric(frame["value"], errors="coerce")
    codes, days = pd.factorize(frame["period_start"])
    weeks = np.array([_week(d) for d in days], dtype=object)     # few distinct dates: fast
    frame["week"] = weeks[codes] if len(days) else np.array([], dtype=object)
    return frame


def split(manual: pd.DataFrame) -> Split:
    """Entries grouped by (gear, kpi) as integer arrays, once, so lookups scan no strings.

    Uses the store's ``series``, ``week_ord`` and ``asin_code`` columns when present."""
    if manual.empty:
        return Split({}, pd.Index([], dtype=object), None)
    week = _column_codes(manual, "week_ord", "week", lambda labels: [_ordinal(w) for w in labels])
    asin_codes, asins = _asin_codes(manual)
    value = manual["value"].to_numpy(dtype=float, na_value=np.nan)
    account = (manual["account"].to_numpy(dtype=bool) if "account" in manual.columns
               else manual["asin"].to_numpy(dtype=object) == "")
    if "series" in manual.columns:
        codes = manual["series"].to_numpy(dtype=np.intp)
    else:
        codes = pd.factorize(manual["gear"].astype(str) + "\x00" + manual["kpi"].astype(str))[0]
    gears, kpis = manual["gear"].to_numpy(dtype=object), manual["kpi"].to_numpy(dtype=object)
    order = np.argsort(codes, kind="stable")
    ordered = codes[order]
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    groups: dict[tuple[str, str], Entries] = {}
    for lo, hi in zip(starts, np.r_[starts[1:], len(ordered)]):
        rows = order[lo:hi]
        groups[(gears[rows[0]], kpis[rows[0]])] = Entries(week[rows], asin_codes[rows], value[rows], account[rows])
    return Split(groups, asins, (int(week.min()), int(week.max())))


def last_week(manual: pd.DataFrame, split: Split) -> str | None:
    """The newest entry's week start (ISO): from the store's week ordinals when it gives them (each a
    Sunday, so the same text; the text column need not be read then), else the latest ``week``."""
    if not len(manual):
        return None
    if "week_ord" in manual.columns and split.weeks:
        return _iso(split.weeks[1])
    latest = manual["week"].max()
    return latest if isinstance(latest, str) else None


def _column_codes(manual: pd.DataFrame, int_column: str, label_column: str,
                  convert: Callable[[np.ndarray], list[int]]) -> np.ndarray:
    if int_column in manual.columns:
        return manual[int_column].to_numpy(dtype=np.int64)
    codes, labels = pd.factorize(manual[label_column].to_numpy(dtype=object))
    return np.asarray(convert(labels), dtype=np.int64)[codes]


def _asin_codes(manual: pd.DataFrame) -> tuple[np.ndarray, pd.Index]:
    values = manual["asin"].to_numpy(dtype=object)
    if "asin_code" in manual.columns:
        codes = manual["asin_code"].to_numpy(dtype=np.intp)
        first = np.full(int(codes.max()) + 1, -1, dtype=np.intp)
        first[codes] = np.arange(len(codes))
        if first.min() >= 0:
            return codes, pd.Index(values[first])
    codes, labels = pd.factorize(values)
    return codes, pd.Index(labels)


def _week(day: str) -> str:
    date = dt.date.fromisoformat(str(day)[:10])
    return (date - dt.timedelta(days=(date.weekday() + 1) % 7)).isoformat()


def _ordinal(week: str) -> int:
    return (dt.date.fromisoformat(str(week)[:10]) - EPOCH).days // 7


def _iso(ordinal: int) -> str:
    return (EPOCH + dt.timedelta(weeks=int(ordinal))).isoformat()


def _rows(split: Split, gear: str, kpi: str, asins: list[str] | None) -> Entries | None:
    rows = split.groups.get((gear, kpi))
    if rows is None:
        return None
    if asins is not None:
        wanted = split.asins.get_indexer(pd.Index(asins))
        return rows.take(np.isin(rows.asin, wanted[wanted >= 0]))
    account = rows.take(rows.account)
    return account if len(account.week) else rows


def weekly(manual: pd.DataFrame, split: Split, kpis: dict[tuple[str, str], str], asins: list[str] | None,
           weeks: list[str]) -> pd.DataFrame:
    """One column per manual KPI over ``weeks`` (sorted ISO week starts, extended as needed).

    ``split`` is ``split(manual)``."""
    bounds = [_ordinal(weeks[0]), _ordinal(weeks[-1])] if len(weeks) else []
    if split.weeks:
        bounds += list(split.weeks)
    first = min(bounds) if bounds else 0
    count = max(bounds) - first + 1 if bounds else 0
    index = pd.Index([_iso(first + i) for i in range(count)], name="period_start", dtype=object)
    out = {}
    for (gear, kpi), how in kpis.items():
        rows = _rows(split, gear, kpi, asins)
        if rows is None or not len(rows.week):
            out[kpi] = np.full(count, np.nan)
            continue
        pos = rows.week - first
        if how == "sum":
            known = ~np.isnan(rows.value)
            total = np.bincount(pos[known], weights=rows.value[known], minlength=count)
            total[np.bincount(pos, minlength=count) == 0] = np.nan
            out[kpi] = total
        else:
            grid = _ffill(_grid(rows, pos, count, len(split.asins)), HOLD_WEEKS)
            known = ~np.isnan(grid)
            sums = np.where(known, grid, 0.0).sum(axis=1)
            n = known.sum(axis=1)
            with np.errstate(divide="ignore", invalid="ignore"):
                out[kpi] = np.where(n > 0, sums if how == "last_sum" else sums / n, np.nan)
    return pd.DataFrame(out, index=index)


def _grid(rows: Entries, pos: np.ndarray, count: int, width: int) -> np.ndarray:
    """weeks x ASINs of the entered values (a later entry in the same week wins)."""
    grid = np.full((count, width), np.nan)
    grid[pos, rows.asin] = rows.value
    return grid


def _ffill(grid: np.ndarray, limit: int) -> np.ndarray:
    """Forward fill down the weeks, at most ``limit`` weeks past a known value."""
    rows = np.arange(len(grid))[:, None]
    last = np.maximum.accumulate(np.where(np.isnan(grid), -1, rows), axis=0)
    take = (last >= 0) & (rows - last <= limit)
    return np.where(take, grid[np.maximum(last, 0), np.arange(grid.shape[1])], np.nan)


def period_array_value(values: np.ndarray, how: str) -> float:
    """A manual KPI over the weeks' values already cut to the period (sum, or the latest level)."""
    known = values[~np.isnan(values)]
    if how == "sum":
        return float(known.sum()) if len(known) else float("nan")
    return float(known[-1]) if len(known) else float("nan")
