"""Launches: an ASIN with fewer than MAX_WEEKS weeks of history, forecast from its analogues.

An analogue is an ASIN of the panel whose history also starts inside the panel (it launched
while we watched) and that has more weeks since its launch than the new one. Its launch
curve at age k is units(k) / mean(units of its first n0 weeks), n0 = the new ASIN's weeks;
the new ASIN's forecast at age k = the mean of its own first n0 weeks x the median of its
analogues' curves (same group, e.g. brand + category, when it has one there, else all). Past
the analogues' data the curve stays at its last value. Without any analogue the usual models
apply (with < 4 weeks the marked fallback: its mean, P90 = 2 x mean). Never 0 just because
it is new: only an ASIN that sold nothing in all its weeks is forecast 0.
"""

from __future__ import annotations

import numpy as np

MAX_WEEKS = 8


def launch_rows(Y: np.ndarray) -> np.ndarray:
    """Series whose history starts after the panel's first week with 1..MAX_WEEKS-1 weeks."""
    seen = ~np.isnan(Y)
    first = np.where(seen.any(axis=1), seen.argmax(axis=1), -1)
    observed = seen.sum(axis=1)
    return (first > 0) & (observed >= 1) & (observed < MAX_WEEKS)


def _curve(Y: np.ndarray, starts: np.ndarray, rows: list[int], n0: int, h: int) -> np.ndarray | None:
    t = Y.shape[1]
    curves = []
    for a in rows:
        f = int(starts[a])
        base = np.nanmean(Y[a, f:f + n0]) if np.any(~np.isnan(Y[a, f:f + n0])) else np.nan
        if not np.isfinite(base) or base <= 0 or f + n0 >= t:
            continue
        ratio = np.full(h, np.nan)
        part = Y[a, f + n0:min(f + n0 + h, t)] / base
        ratio[:len(part)] = part
        curves.append(ratio)
    if not curves:
        return None
    with np.errstate(all="ignore"):
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            curve = np.nanmedian(np.array(curves), axis=0)
    last = np.nan
    for k in range(h):                     # hold the last known value
        last = curve[k] if np.isfinite(curve[k]) else last
        curve[k] = last
    return None if not np.isfinite(curve).any() else np.nan_to_num(curve, nan=1.0)


def launch_forecast(Y: np.ndarray, h: int, groups: list | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(rows forecast from analogues, forecast (series, h) for those rows; NaN elsewhere)."""
    rows = launch_rows(Y)
    out = np.full((Y.shape[0], h), np.nan)
    if not rows.any():
        return rows, out
    seen = ~np.isnan(Y)
    starts = np.where(seen.any(axis=1), seen.argmax(axis=1), -1)
    age = Y.shape[1] - starts
    for i in np.nonzero(rows)[0]:
        n0 = int(seen[i].sum())
        own = Y[i, seen[i]]
        pool = [a for a in range(len(Y)) if a != i and starts[a] > 0 and age[a] > n0]
        same = [a for a in pool if groups is not None and groups[a] is not None and groups[a] == groups[i]]
        curve = _curve(Y, starts, same, n0, h) if same else None
        curve = curve if curve is not None else _curve(Y, starts, pool, n0, h)
        if curve is None:
            rows[i] = False          # no analogue: the usual models / fallbacks apply
        else:
            out[i] = own.mean() * curve
    return rows, np.clip(out, 0.0, None)
