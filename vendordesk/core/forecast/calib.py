"""Quantiles that mean what they say: split-conformal calibration by horizon and season.

Rolling origins every CAL_STEP weeks over the last year of training (each with a full year
before it when there are at least 3 such origins) forecast 13 weeks with each ASIN's chosen
model and event effects re-measured on the data before that origin. Each error is scaled
multiplicatively: z = (A - F) / d with d = scale x max(F, FLOOR x level) / final level (scale =
the ASIN's backtest MAE, measured at the end, level = its mean weekly demand before the origin),
so a Q4 week with twice the volume gets twice the spread, and z is in the units of the final
bands, d = scale x max(F, FLOOR x level) / level at the end: the same relative error per unit
of forecast. (Before 2026-12-07 the origins divided by their own level: an ASIN grown since had
its old errors read small, one shrunk since large. 16 demos, seeds 7/11/23/1/2/3/4/5 x 104/156
weeks, Prime Day 2024 moved, bench_forecast_quality's functions: holdouts 26/13/8 weeks out
of nominal +-5 on 3 -> 1 (seed 23 156 weeks 26-week P70 64.6 -> 65.1 %, seed 7 104 weeks
13-week P70 75.6 -> 74.1 %; left: seed 3 104 weeks 8-week P80 85.6 -> 85.7 %), Black Friday
2025 ASINs <= P90 89-95 % -> 89-98 %.) P50/P70/P80/P90 = F + z_q x d with z_q the empirical
quantiles of z in the cell (intermittent or not) x season x horizon bucket; the season of a
target week is its week of year, and a cell (4 weeks of the year) takes the errors of every
target within +-SEASON_WINDOW weeks of its centre (localised conformal: a Q4 week is calibrated
on last year's weeks around it, not on all of October-December; before 2026-12-07 one Q4 cell
of the last year's December errors set October's bands: 8-week P70 coverage 74-79 % on four demo
seeds). A cell with fewer than MIN_CELL errors borrows from its season pooled over horizons,
then from the group pooled over the year (a season the calibration origins did not reach).
The season cells set the bands' spread around P50 only; P50's own shift (the errors' median)
is taken by horizon over the whole year. With one year of history the origins that reach Q4
are the youngest (no seasonal index yet) and under-forecast its ramp, and no origin reaches a
Q4 week at 1-2 weeks ahead: the cell borrowed the season's long-horizon median and lifted a
point forecast that was within 3 % of Black Friday 2025 by another 18-23 %. Demo seeds
7/11/23/1/2/3 (bench_forecast_quality, 2026-12-07), Black Friday 2025 P50 before -> after
+15/+13/+17/+20/+16/+23 % -> -4/-8/-6/-3/-5/-1 %, ASINs <= P90 97-100 % -> 90-97 %; coverage,
WAPE and MASE within 0.5 points. 156-week demos (seeds 7/11/1): MASE gain vs seasonal naive
16.5/15.0/13.9 -> 16.9/15.2/14.6 %.
P50 is therefore the calibrated median, not the mean. Past 13 weeks d grows by (h/13)^0.25.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import numpy as np

QUANTILES = (0.5, 0.7, 0.8, 0.9)
BUCKETS = ((1, 2), (3, 5), (6, 9), (10, 13))
HORIZON = 13
CAL_STEP = 6
CAL_SPAN = 52
MIN_CELL = 60
FLOOR = 0.25
SEASON = 52
MIN_TRAIN = 8
FALLBACK_Z = np.array([0.0, 0.55, 0.9, 1.4])   # normal theory in MAE units


def q4(weeks: list[str]) -> np.ndarray:
    """1 where the retail week (its Wednesday) lies in October-December."""
    return np.array([(dt.date.fromisoformat(w) + dt.timedelta(days=3)).month >= 10 for w in weeks], dtype=int)


SEASON_BIN = 4        # weeks of year per season cell: 13 cells
SEASON_WINDOW = 6     # a cell takes the errors of target weeks within +-6 weeks of its centre
SEASONS = SEASON // SEASON_BIN


def week_of_year(weeks: list[str]) -> np.ndarray:
    """0..51: the retail week's Wednesday's day of year // 7 (week 53 counts as 51)."""
    return np.array([min(((dt.date.fromisoformat(w) + dt.timedelta(days=3)).timetuple().tm_yday - 1) // 7,
                         SEASON - 1) for w in weeks], dtype=int)


def season_cell(weeks: list[str]) -> np.ndarray:
    """The season cell (0..SEASONS-1) of each week: its week of year // SEASON_BIN."""
    cell: np.ndarray = np.minimum(week_of_year(weeks) // SEASON_BIN, SEASONS - 1)
    return cell


def _near(woy: np.ndarray, cell: int) -> np.ndarray:
    """Targets whose week of year lies within SEASON_WINDOW (circular) of ``cell``'s centre."""
    centre = cell * SEASON_BIN + (SEASON_BIN - 1) / 2
    d = np.abs(woy - centre)
    near: np.ndarray = np.minimum(d, SEASON - d) <= SEASON_WINDOW
    return near


def bucket(h: int) -> np.ndarray:
    steps = np.minimum(np.arange(1, h + 1), HORIZON)
    return np.searchsorted([b[1] for b in BUCKETS], steps)


def origins(t: int) -> list[int]:
    """t-13, t-17, ... back to one year before; those with a full year of training if >= 3."""
    found = list(range(t - HORIZON, max(t - HORIZON - CAL_SPAN, MIN_TRAIN - 1), -CAL_STEP))
    full = [o for o in found if o >= SEASON]
    return sorted(full if len(full) >= 3 else found)


def denominators(F: np.ndarray, scale: np.ndarray, level: np.ndarray) -> np.ndarray:
    lev = np.maximum(np.nan_to_num(level), 1e-9)
    shape = np.where(level[:, None] > 0, np.maximum(F, FLOOR * lev[:, None]) / lev[:, None], 1.0)
    return scale[:, None] * shape


def calibrate(forecast_at: Callable[[int], tuple[np.ndarray, np.ndarray]], actual: np.ndarray, weeks: list[str],
              scale: np.ndarray, inter: np.ndarray, keep: list[tuple[int, np.ndarray]] | None = None,
              final_level: np.ndarray | None = None) -> np.ndarray:
    """z quantiles, shape (2 intermittent, SEASONS season cells, buckets, 4).

    ``forecast_at(o)`` returns (F (series, 13) for weeks o..o+12, level (series,) before o).
    ``keep``, when given, receives (origin, F) of every origin (for the Amazon comparison).
    """
    t = actual.shape[1]
    zs, seasons, buckets, groups = [], [], [], []
    season = week_of_year(weeks)
    b = bucket(HORIZON)
    for o in origins(t):
        F, level = forecast_at(o)
        if keep is not None:
            keep.append((o, F))
        h = min(HORIZON, t - o)
        A = actual[:, o:o + h]
        if final_level is None:
            d = denominators(F[:, :h], scale, level)
        else:       # the final bands' units: scale / final level per unit of forecast
            d = denominators(F[:, :h], scale * _ratio(level, final_level), level)
        z = (A - F[:, :h]) / d
        ok = ~np.isnan(z)
        zs.append(z[ok])
        seasons.append(np.broadcast_to(season[o:o + h], z.shape)[ok])
        buckets.append(np.broadcast_to(b[:h], z.shape)[ok])
        groups.append(np.broadcast_to(inter[:, None].astype(int), z.shape)[ok])
    out = np.tile(FALLBACK_Z, (2, SEASONS, len(BUCKETS), 1))
    if not zs:
        return out
    z, s, bk, g = (np.concatenate(x) for x in (zs, seasons, buckets, groups))
    for gi in (0, 1):
        in_group = g == gi
        pooled = np.quantile(z[in_group], QUANTILES) if in_group.sum() >= MIN_CELL else FALLBACK_Z
        # the median (P50's shift) by horizon over the whole year; the season cells set the spread
        centre = [np.quantile(z[in_group & (bk == bi)], 0.5) if (in_group & (bk == bi)).sum() >= MIN_CELL
                  else pooled[0] for bi in range(len(BUCKETS))]
        for si in range(SEASONS):
            cell_s = in_group & _near(s, si)
            by_season = np.quantile(z[cell_s], QUANTILES) if cell_s.sum() >= MIN_CELL else pooled
            for bi in range(len(BUCKETS)):
                cell = cell_s & (bk == bi)
                local = np.quantile(z[cell], QUANTILES) if cell.sum() >= MIN_CELL else by_season
                out[gi, si, bi] = local - local[0] + centre[bi]
    return out


def _ratio(level: np.ndarray, final_level: np.ndarray) -> np.ndarray:
    """level / final_level per series, 1 where either is not positive."""
    with np.errstate(all="ignore"):
        out: np.ndarray = np.where((level > 0) & (final_level > 0), level / final_level, 1.0)
    return out


def quantiles(F: np.ndarray, z: np.ndarray, scale: np.ndarray, level: np.ndarray, future_weeks: list[str],
              inter: np.ndarray, growth: float = 0.25) -> np.ndarray:
    """P50/P70/P80/P90, shape (4, series, h), monotone and >= 0."""
    h = F.shape[1]
    d = denominators(F, scale, level) * (np.maximum(1.0, np.arange(1, h + 1) / HORIZON) ** growth)[None, :]
    cell = z[inter.astype(int)][:, season_cell(future_weeks), bucket(h)]     # (series, h, 4)
    out = np.clip(F[None] + np.moveaxis(cell, 2, 0) * d[None], 0.0, None)
    return np.maximum.accumulate(out, axis=0)
