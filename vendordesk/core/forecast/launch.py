"""Launches: an ASIN with fewer than MAX_WEEKS weeks of history, forecast from its analogues.

An analogue is an ASIN of the panel whose history also starts inside the panel (it launched
while we watched) and that has more weeks since its launch than the new one. Its launch
curve at age k is units(k) / mean(units of its first n0 weeks), n0 = the new ASIN's weeks;
the new ASIN's forecast at age k = the mean of its own first n0 weeks x the median of its
analogues' curves. Analogues come from the ASIN's own kind: ``groups`` holds per ASIN a tuple
(brand, category, price band) (analogue_groups); the first of (brand, category, band),
(category, band), (category,), (brand,) with at least MIN_ANALOGUES curves is used, else all.
Past the analogues' data the curve stays at its last value. With few own weeks the scaled
curve is noisy (two launch weeks are mostly ramp): the forecast is then shrunk towards the
analogues' own units at the same age, weight n0 / (n0 + PRIOR_WEEKS) on the scaled curve. Without any analogue the usual models
apply (with < 4 weeks the marked fallback: its mean, P90 = 2 x mean). Never 0 just because
it is new: only an ASIN that sold nothing in all its weeks is forecast 0.
"""

from __future__ import annotations

import numpy as np

MAX_WEEKS = 8
MIN_ANALOGUES = 2
PRIOR_WEEKS = 2.0
BAND_STEP = np.log(1.6)   # price bands: ASP within a factor of 1.6


def analogue_groups(asins: list[str], attributes) -> list[tuple] | None:
    """Per ASIN (brand, category, price band) from a frame with asin, brand, category, asp
    (band = floor(ln ASP / ln 1.6), None where unknown); None without a frame."""
    if attributes is None or len(attributes) == 0:
        return None
    frame = attributes.drop_duplicates("asin").set_index("asin")
    out = []
    for a in asins:
        if a not in frame.index:
            out.append((None, None, None))
            continue
        row = frame.loc[a]
        asp = row.get("asp")
        band = int(np.floor(np.log(float(asp)) / BAND_STEP)) if asp is not None and np.isfinite(float(asp)) \
            and float(asp) > 0 else None
        out.append(tuple(None if v is None or (isinstance(v, float) and np.isnan(v)) or v == "" else v
                         for v in (row.get("brand"), row.get("category"))) + (band,))
    return out


LEVELS = ((0, 1, 2), (1, 2), (1,), (0,))


def _same_kind(pool: list[int], groups: list | None, i: int) -> list[list[int]]:
    """Candidate analogue sets, closest kind first (see the module docstring)."""
    if groups is None:
        return []
    me = groups[i]
    if not isinstance(me, tuple):
        return [[a for a in pool if groups[a] is not None and groups[a] == me]]
    out = []
    for keys in LEVELS:
        if any(me[k] is None for k in keys):
            continue
        out.append([a for a in pool if isinstance(groups[a], tuple) and all(groups[a][k] == me[k] for k in keys)])
    return out


def launch_rows(Y: np.ndarray) -> np.ndarray:
    """Series whose history starts after the panel's first week with 1..MAX_WEEKS-1 weeks."""
    seen = ~np.isnan(Y)
    first = np.where(seen.any(axis=1), seen.argmax(axis=1), -1)
    observed = seen.sum(axis=1)
    return (first > 0) & (observed >= 1) & (observed < MAX_WEEKS)


def _curve(Y: np.ndarray, starts: np.ndarray, rows: list[int], n0: int, h: int,
           absolute: bool = False) -> np.ndarray | None:
    """Median launch curve of ``rows`` from age n0 on: units / mean of the first n0 weeks, or
    (``absolute``) the units themselves; None with fewer than MIN_ANALOGUES curves."""
    t = Y.shape[1]
    curves = []
    for a in rows:
        f = int(starts[a])
        base = np.nanmean(Y[a, f:f + n0]) if np.any(~np.isnan(Y[a, f:f + n0])) else np.nan
        if not np.isfinite(base) or base <= 0 or f + n0 >= t:
            continue
        ratio = np.full(h, np.nan)
        part = Y[a, f + n0:min(f + n0 + h, t)] / (1.0 if absolute else base)
        ratio[:len(part)] = part
        curves.append(ratio)
    if len(curves) < min(MIN_ANALOGUES, len(rows)) or not curves:
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
        chosen = next((c for c in _same_kind(pool, groups, i) if len(c) >= MIN_ANALOGUES), pool)
        curve = _curve(Y, starts, chosen, n0, h)
        if curve is None and chosen is not pool:
            chosen = pool
            curve = _curve(Y, starts, pool, n0, h)
        if curve is None:
            rows[i] = False          # no analogue: the usual models / fallbacks apply
            continue
        out[i] = own.mean() * curve
        level = _curve(Y, starts, chosen, n0, h, absolute=True)
        if level is not None:
            w = n0 / (n0 + PRIOR_WEEKS)
            out[i] = w * out[i] + (1 - w) * level
    return rows, np.clip(out, 0.0, None)
