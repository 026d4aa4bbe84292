"""Amazon's forecast as a rival and an input: whose forecast has been better, and a blend.

Both are scored on the same past weeks in the same horizon bucket (k = weeks after the
forecast was made, 1..13): ours from the calibration origins of forecast_calib, Amazon's from every
imported generation (generation_date in week g -> week g + k is horizon k). Per horizon
bucket (forecast_calib.BUCKETS) the account's weight w_b is, per past target week, the one whose
blend (1 - w) x ours + w x Amazon's erred least (sum of absolute errors) on that week's shared
ASIN-weeks (blend_weight), averaged over the weeks (week_weight); a bucket with fewer than MIN_SHARED of them takes the weight of all buckets
pooled. Per ASIN its own record tilts the odds: w_i / (1 - w_i) = w_b / (1 - w_b) x
(r_i / R)^(-2 lam), R = MAE_amazon / MAE_ours over the account, r_i the ASIN's own ratio over
all horizons, lam = n_i / (n_i + k), k measured from the data (asin_shrink); at w_b = 0 or 1
every ASIN gets w_b. Quantiles move with the point: q_comb = q_ours x P_comb / P50_ours.
Source per ASIN: "amazon" when w >= 0.75 in the first bucket, "ours" when w <= 0.25 or Amazon
has no forecast for it, else "combined".
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from vendordesk.core.forecast.calib import BUCKETS, HORIZON, bucket

SHRINK_WEEKS = 26.0
MIN_SPLIT = 10
MIN_SHARED = 30
POWER = 2.0   # Bates-Granger: inverse squared error
MIN_SPREAD = 0.6
# Amazon's weight before any shared past week says whose forecast errs less: the equal-weight
# combination (two forecasts' mean is hard to beat when their weights cannot be estimated).
# Before 2026-12-07 it was 0, ours alone: the window's "same weeks as Amazon's oldest imported
# forecast" backtest (one generation before its origin, so no record) compared ours without
# Amazon against Amazon. That backtest (plan.amazon_holdout, 15 weeks), WAPE ours on Amazon's
# ASIN-weeks before -> after (Amazon): 30-ASIN demo (tools/screens.py, seed 7) 0.2151 -> 0.2013
# (0.2058); 16 demos, seeds 7/11/23/1/2/3/4/5 x 104/156 weeks (the 0.5 not tuned on them):
# behind Amazon on 16 -> 5 (seeds 2/156, 4/104, 4/156, 5/104, 5/156; one tie, 2/104), e.g.
# seed 7/104 0.1837 -> 0.1669 (0.1672), seed 5/156 0.1916 -> 0.1699 (0.1607).
NO_RECORD_WEIGHT = 0.5


def _week_idx(dates: pd.Series, first: dt.date) -> np.ndarray:
    """Whole weeks from ``first`` to each date. Worked out once per distinct date (a few hundred)
    and spread by code: per row it held a Python object per date (100 MB at 5,000 ASINs)."""
    codes, uniques = pd.factorize(dates)
    if not len(codes) or (codes < 0).any():      # a missing date: the row-wise path raises as it always did
        days = (pd.to_datetime(dates).dt.date.map(lambda d: (d - first).days)).to_numpy(dtype=float)
        return np.floor(days / 7).astype(int)
    per_date = pd.Series(pd.to_datetime(pd.Series(uniques)).dt.date.map(lambda d: (d - first).days))
    weeks = np.floor(per_date.to_numpy(dtype=float) / 7).astype(int)
    return weeks[codes]


def by_horizon(af: pd.DataFrame, asins: list[str], weeks: list[str], last_gen: int) -> np.ndarray:
    """Amazon's mean as (series, weeks, HORIZON): the value for week j made k weeks before
    (axis 2 = k - 1), from generations in week <= ``last_gen``. NaN where none."""
    out = np.full((len(asins), len(weeks), HORIZON), np.nan)
    if af is None or af.empty or not weeks:
        return out
    row = pd.Series(np.arange(len(asins)), index=asins)
    mine = af["asin"].isin(row.index).to_numpy()
    if not mine.all():         # no copy of every row when all are the panel's (the usual case)
        af = af[mine]
    first = dt.date.fromisoformat(weeks[0])
    g = _week_idx(af["generation_date"], first)
    j = _week_idx(af["week_start"], first)
    k = j - g
    ok = (g <= last_gen) & (k >= 1) & (k <= HORIZON) & (j >= 0) & (j < len(weeks))
    # the panel's position of each row's ASIN (``row[af["asin"]]`` built a 2-million-label Series)
    at = row.index.get_indexer(pd.Index(af["asin"]))
    out[at[ok], j[ok], k[ok] - 1] = af["mean_units"].to_numpy(dtype=float)[ok]
    return out


CHUNK = 500     # series per block of the bucketed horizon arrays (by_horizon_buckets, ours_by_bucket)


def by_horizon_buckets(af: pd.DataFrame, asins: list[str], weeks: list[str], last_gen: int,
                       chunk: int | None = None) -> np.ndarray:
    """``to_buckets(by_horizon(af, asins, weeks, last_gen))``, made ``chunk`` series at a time:
    the (series, weeks, HORIZON) array (81 MB at 5,000 ASINs x 156 weeks) and its bucketing's
    temporaries exist for one block only. Same values bit for bit: each (series, week) cell's
    bucket mean reads that cell's HORIZON values only, and rows go in the same order."""
    n, w, chunk = len(asins), len(weeks), chunk or CHUNK
    out = np.full((n, w, len(BUCKETS)), np.nan)
    if af is None or af.empty or not weeks:
        return out
    at = pd.Index(asins).get_indexer(pd.Index(af["asin"], copy=False))    # each row's series; -1: not the panel's
    mine = at >= 0
    if not mine.all():
        af, at = af[mine], at[mine]
    first = dt.date.fromisoformat(weeks[0])
    g = _week_idx(af["generation_date"], first)
    j = _week_idx(af["week_start"], first)
    k = j - g
    ok = (g <= last_gen) & (k >= 1) & (k <= HORIZON) & (j >= 0) & (j < w)
    values = af["mean_units"].to_numpy(dtype=float)
    del g
    for lo in range(0, n, chunk):
        hi = min(lo + chunk, n)
        pick = ok & (at >= lo) & (at < hi)
        block = np.full((hi - lo, w, HORIZON), np.nan)
        block[at[pick] - lo, j[pick], k[pick] - 1] = values[pick]
        out[lo:hi] = to_buckets(block)
    return out


def ours_by_bucket(kept: list[tuple[int, np.ndarray]], shape: tuple[int, int], chunk: int | None = None) -> np.ndarray:
    """``to_buckets(ours_by_horizon(kept, shape))``, ``chunk`` series at a time (as by_horizon_buckets)."""
    chunk = chunk or CHUNK
    out = np.full((shape[0], shape[1], len(BUCKETS)), np.nan)
    for lo in range(0, shape[0], chunk):
        hi = min(lo + chunk, shape[0])
        out[lo:hi] = to_buckets(ours_by_horizon([(o, F[lo:hi]) for o, F in kept], (hi - lo, shape[1])))
    return out


def extra_origins(amazon: np.ndarray, t: int, done: set[int]) -> list[int]:
    """Weekly origins over the last HORIZON weeks from Amazon's first scored week on, so ours
    and Amazon's meet at the same horizons (at most 13 extra fits). ``amazon``: by_horizon's
    (series, weeks, HORIZON) or its buckets (a week is seen in either when any horizon is)."""
    seen = np.nonzero((~np.isnan(amazon)).any(axis=(0, 2)))[0]
    if not seen.size:
        return []
    first = max(int(seen[0]) - HORIZON + 1, t - HORIZON, 8)
    return [o for o in range(first, t) if o not in done]


def ours_by_horizon(kept: list[tuple[int, np.ndarray]], shape: tuple[int, int]) -> np.ndarray:
    out = np.full((shape[0], shape[1], HORIZON), np.nan)
    for o, F in kept:
        for k in range(min(HORIZON, shape[1] - o)):
            out[:, o + k, k] = F[:, k]
    return out


def to_buckets(a: np.ndarray) -> np.ndarray:
    """(series, weeks, HORIZON) -> (series, weeks, buckets): mean over the horizons of a bucket."""
    b = bucket(HORIZON)
    out = np.full(a.shape[:2] + (len(BUCKETS),), np.nan)
    for bi in range(len(BUCKETS)):
        part = a[:, :, b == bi]
        seen = ~np.isnan(part)
        with np.errstate(all="ignore"):
            out[:, :, bi] = np.where(seen.any(axis=2), np.where(seen, part, 0).sum(axis=2) / seen.sum(axis=2),
                                     np.nan)
    return out


def weights(ours: np.ndarray, amazon: np.ndarray, actual: np.ndarray, bucketed: bool = False) -> np.ndarray:
    """Amazon's weight per (series, bucket); NO_RECORD_WEIGHT for all when there is too little
    to compare (fewer than MIN_SHARED shared ASIN-weeks).

    Both are compared on the same target weeks within the same horizon bucket (our origins
    are 4 weeks apart, Amazon's generations weekly, so exact horizons rarely meet).
    ``bucketed``: ``ours`` and ``amazon`` are already ``to_buckets``'s (series, weeks, buckets).
    """
    if not bucketed:
        ours, amazon = to_buckets(ours), to_buckets(amazon)
    w = np.zeros((ours.shape[0], len(BUCKETS)))
    rec = _record(ours, amazon, actual)
    if rec is None:
        return np.full_like(w, NO_RECORD_WEIGHT)
    shared, R, r_i, lam = rec
    # the account's weight per bucket: the one whose blend erred least (L1) on the shared weeks
    e = np.where(shared, actual[:, :, None] - ours, 0.0)       # our error, actual - ours
    d = np.where(shared, amazon - ours, 0.0)                    # how far Amazon's forecast was from ours
    pooled = week_weight(e, d, shared)
    # an ASIN's own record moves the odds as Bates-Granger would: x (r_i / R)^(-POWER x lam)
    with np.errstate(all="ignore"):
        tilt = np.exp(-POWER * lam * (np.log(r_i) - np.log(R)))
    for bi in range(len(BUCKETS)):
        s_b = shared[:, :, bi]
        wb = pooled if s_b.sum() < MIN_SHARED else week_weight(e[:, :, bi], d[:, :, bi], s_b)
        with np.errstate(all="ignore"):
            w[:, bi] = np.where(wb >= 1.0, 1.0, wb * tilt / (wb * tilt + 1.0 - wb))
    return w


def _record(ours: np.ndarray, amazon: np.ndarray, actual: np.ndarray
            ) -> tuple[np.ndarray, float, np.ndarray, np.ndarray] | None:
    """(shared ASIN-weeks, account ratio R = MAE_amazon / MAE_ours, each ASIN's ratio r_i over
    all horizons, its shrink lam) from bucketed inputs; None with fewer than MIN_SHARED shared."""
    shared = ~np.isnan(ours) & ~np.isnan(amazon) & ~np.isnan(actual)[:, :, None]
    eo = np.where(shared, np.abs(ours - actual[:, :, None]), 0.0)
    ea = np.where(shared, np.abs(amazon - actual[:, :, None]), 0.0)
    if shared.sum() < MIN_SHARED or eo.sum() <= 0:
        return None
    R = max(ea.sum(), 1e-9) / eo.sum()
    cnt = shared.sum(axis=(1, 2))
    with np.errstate(all="ignore"):
        r_i = np.where((cnt > 0) & (eo.sum(axis=(1, 2)) > 0), (ea.sum(axis=(1, 2)) + 1e-9) / eo.sum(axis=(1, 2)), R)
    k = asin_shrink(eo, ea, shared)
    lam = np.where(cnt > 0, cnt / np.maximum(cnt + k, 1e-9), 0.0)
    return shared, float(R), r_i, lam


def error_ratio(ours: np.ndarray, amazon: np.ndarray, actual: np.ndarray, bucketed: bool = False) -> np.ndarray:
    """Whose forecast has been better, per (series, bucket): Amazon's MAE over ours, below 1
    where Amazon's erred less. The bucket's account ratio R_b (R where the bucket has fewer
    than MIN_SHARED shared ASIN-weeks) times the ASIN's own ratio, shrunk: log rho = log R_b +
    lam x (log r_i - log R) (the rule the weights followed before 2026-12-07, when 1 / (1 +
    rho^2) > 0.5 was the "better" shown). NaN for an ASIN without a shared week, and for all
    when fewer than MIN_SHARED are shared. Inputs as ``weights``'s."""
    if not bucketed:
        ours, amazon = to_buckets(ours), to_buckets(amazon)
    out = np.full((ours.shape[0], len(BUCKETS)), np.nan)
    rec = _record(ours, amazon, actual)
    if rec is None:
        return out
    shared, R, r_i, lam = rec
    A = actual[:, :, None]
    for bi in range(len(BUCKETS)):
        s_b = shared[:, :, bi]
        so = np.where(s_b, np.abs(ours[:, :, bi] - A[:, :, 0]), 0.0).sum()
        sa = np.where(s_b, np.abs(amazon[:, :, bi] - A[:, :, 0]), 0.0).sum()
        Rb = R if s_b.sum() < MIN_SHARED or so <= 0 else max(sa, 1e-9) / so
        with np.errstate(all="ignore"):
            out[:, bi] = np.exp(np.log(Rb) + lam * (np.log(r_i) - np.log(R)))
    out[shared.sum(axis=(1, 2)) == 0] = np.nan
    return out


def week_weight(e: np.ndarray, d: np.ndarray, shared: np.ndarray) -> float:
    """The account's weight from the past: ``blend_weight`` of each target week's shared
    ASIN-weeks (all buckets of the week together), averaged over the weeks. Arrays (series,
    weeks[, buckets]). Within a week every ASIN misses the same demand shock (a warm week, a
    deal on the category), so a week is one draw of the best weight, not one per ASIN: the
    weighted median over all ASIN-weeks let one week with large gaps between the two forecasts
    decide (before 2026-12-07; with a 13-week holdout on a 104-week demo the record has two
    weeks, and its weeks' own weights were 0.87 and 0.34 on seed 4, 0.53 and 0.74 on seed 11:
    the pooled 0.49 and 0.60 followed the larger week). Weeks without a shared ASIN-week are
    left out."""
    per = []
    for j in np.nonzero(shared.reshape(shared.shape[0], shared.shape[1], -1).any(axis=(0, 2)))[0]:
        s_j = shared[:, j]
        per.append(blend_weight(e[:, j][s_j], d[:, j][s_j]))
    return float(np.mean(per)) if per else 0.5


def blend_weight(e: np.ndarray, d: np.ndarray) -> float:
    """The weight w in [0, 1] of Amazon's forecast that minimises sum |e - w x d| over past
    ASIN-weeks, e = actual - ours, d = Amazon's - ours (the blend (1 - w) x ours + w x Amazon's
    errs e - w x d). sum |e - w x d| = sum |d| x |e / d - w|: the minimiser is the median of
    e / d weighted by |d| (where the weights reach exactly half, the middle of the two values).
    Before 2026-12-07 the account's weight was Bates-Granger's 1 / (1 + R^2), R = MAE_amazon /
    MAE_ours, which treats the two errors as independent. They are not: both miss the same
    demand noise, so the better forecast deserves more weight than R says (independent errors:
    R = 0.93 gives 0.54; on eight demo seeds the best weight in the holdouts was 0.7-1.0)."""
    use = d != 0
    if not use.any():
        return 0.5
    ratio, weight = e[use] / d[use], np.abs(d[use])
    order = np.argsort(ratio, kind="stable")
    ratio, cum = ratio[order], np.cumsum(weight[order])
    half = 0.5 * cum[-1]
    at = int(np.searchsorted(cum, half))
    value = ratio[at]
    if at + 1 < len(ratio) and np.isclose(cum[at], half, rtol=1e-12, atol=0.0):
        value = 0.5 * (value + ratio[at + 1])     # every w between the two minimises: the middle one
    return float(np.clip(value, 0.0, 1.0))


def asin_shrink(eo: np.ndarray, ea: np.ndarray, shared: np.ndarray) -> float:
    """How many shared ASIN-weeks an ASIN needs before its own error ratio counts half:
    k in lam_i = n_i / (n_i + k), measured by splitting each ASIN's past into even and odd
    target weeks. Across the ASINs with errors in both halves, the log ratios x0, x1 of the two
    halves share the real differences between ASINs: tau^2 = max(cov(x0, x1), 0); their
    difference is noise: an ASIN's log ratio over all its n weeks has variance var(x0 - x1) / 4
    at the mean n, so per week s^2 = mean n x var(x0 - x1) / 4 and k = s^2 / tau^2 (infinite:
    lam = 0, when the halves do not agree at all; 0: lam = 1, when they agree exactly).
    SHRINK_WEEKS with fewer than MIN_SPLIT such ASINs. (Before 2026-12-07 always SHRINK_WEEKS
    = 26: on six demo seeds the per-ASIN ratios were worth more, ours worse than Amazon's on
    7 of 18 seed x horizon pairs.) Arrays (series, weeks, buckets) as in ``weights``."""
    even = (np.arange(eo.shape[1]) % 2 == 0)[None, :, None]
    halves = []
    for part in (shared & even, shared & ~even):
        so, sa = np.where(part, eo, 0.0).sum(axis=(1, 2)), np.where(part, ea, 0.0).sum(axis=(1, 2))
        with np.errstate(all="ignore"):
            halves.append(np.where((so > 0) & (sa > 0), np.log(sa / so), np.nan))
    x0, x1 = halves
    ok = ~np.isnan(x0) & ~np.isnan(x1)
    if ok.sum() < MIN_SPLIT:
        return SHRINK_WEEKS
    x0, x1 = x0[ok], x1[ok]
    tau2 = float(np.mean((x0 - x0.mean()) * (x1 - x1.mean())))
    s2 = float(shared.sum(axis=(1, 2))[ok].mean()) * float(np.var(x0 - x1)) / 4
    if tau2 <= 0:
        return float("inf")
    return s2 / tau2


def spread_ratio(ours: np.ndarray, amazon: np.ndarray, actual: np.ndarray, w: np.ndarray,
                 calibrated: np.ndarray | None = None, bucketed: bool = False) -> np.ndarray:
    """Per horizon bucket, how much narrower the blend's errors have been than ours alone:
    sum |blend - actual| / sum |ours - actual| over the shared past ASIN-weeks, with blend =
    (1 - w) x ours + w x Amazon's (the weights of ``weights``); within [MIN_SPREAD, 1], 1 where
    fewer than MIN_SHARED weeks are shared. The conformal bands were measured on our own
    errors; the blend errs less (the two forecasts' errors are not identical), so its bands are
    narrowed by this ratio (before 2026-12-07 they were not: 8-week P70 coverage 75-80 % on
    four demo seeds). ``calibrated``: our past forecasts as the bands were calibrated on (models
    chosen on all weeks), when ``ours`` are others (chosen without the weeks they score, run.py):
    the denominator is theirs, so the ratio turns the calibrated spread into the blend's.
    Shapes as ``weights``'s inputs (``bucketed`` as there, for all three)."""
    if not bucketed:
        ours, amazon = to_buckets(ours), to_buckets(amazon)
        calibrated = None if calibrated is None else to_buckets(calibrated)
    base = ours if calibrated is None else calibrated
    shared = ~np.isnan(ours) & ~np.isnan(amazon) & ~np.isnan(base) & ~np.isnan(actual)[:, :, None]
    blend = (1 - w[:, None, :]) * ours + w[:, None, :] * amazon
    A = actual[:, :, None]
    eo = np.where(shared, np.abs(base - A), 0.0).sum(axis=(0, 1))
    eb = np.where(shared, np.abs(blend - A), 0.0).sum(axis=(0, 1))
    out = np.ones(len(BUCKETS))
    for bi in range(len(BUCKETS)):
        if shared[:, :, bi].sum() >= MIN_SHARED and eo[bi] > 0:
            out[bi] = float(np.clip(eb[bi] / eo[bi], MIN_SPREAD, 1.0))
    all_ok = shared.sum() >= MIN_SHARED and eo.sum() > 0
    pooled = float(np.clip(eb.sum() / eo.sum(), MIN_SPREAD, 1.0)) if all_ok else 1.0
    thin = np.array([shared[:, :, bi].sum() < MIN_SHARED for bi in range(len(BUCKETS))])
    return np.where(thin, pooled, out)


def combine(q: np.ndarray, amazon_future: np.ndarray, horizons: np.ndarray, w: np.ndarray,
            spread: np.ndarray | None = None) -> tuple[np.ndarray, list[str]]:
    """Blend P50 with Amazon's mean where it exists; returns (q, source per series).

    ``amazon_future`` (series, h) Amazon's mean for the forecast weeks (NaN = none),
    ``horizons`` (series, h) its horizon k (weeks since its generation), ``spread``
    (buckets,) the blend's error ratio (spread_ratio; default 1): where the blend applies,
    each band's distance from P50 is multiplied by it (P50 stays the blended median).
    """
    n, h = amazon_future.shape
    bk = bucket(HORIZON)[np.clip(horizons, 1, HORIZON) - 1]
    wa = np.where(np.isnan(amazon_future), 0.0, np.take_along_axis(w, bk, axis=1))
    p50 = q[0]
    comb = (1 - wa) * p50 + wa * np.nan_to_num(amazon_future)
    with np.errstate(all="ignore"):
        ratio = np.where(p50 > 0, comb / p50, 1.0)
    out = q * ratio[None]
    if spread is not None:
        s = np.where(wa > 0, np.asarray(spread)[bk], 1.0)
        out = out[0][None] + (out - out[0][None]) * s[None]
    out[:, p50 <= 0] = q[:, p50 <= 0] + (comb - p50)[None][:, p50 <= 0]
    has = ~np.isnan(amazon_future).all(axis=1)
    first = w[:, 0]
    source = ["ours" if not has[i] or first[i] <= 0.25 else "amazon" if first[i] >= 0.75 else "combined"
              for i in range(n)]
    return np.maximum.accumulate(np.clip(out, 0, None), axis=0), source


def future_matrix(af: pd.DataFrame, asins: list[str], weeks: list[str], horizon_weeks: list[str]
                  ) -> tuple[np.ndarray, np.ndarray]:
    """Amazon's newest generation made by the end of ``weeks`` for ``horizon_weeks``:
    (mean (series, h) NaN where none, horizon k (series, h))."""
    n, h = len(asins), len(horizon_weeks)
    mean, k = np.full((n, h), np.nan), np.ones((n, h), dtype=int)
    if af is None or af.empty or not weeks or not h:
        return mean, k
    end = (dt.date.fromisoformat(weeks[-1]) + dt.timedelta(days=6)).isoformat()
    # Every row's ASIN, generation and week as int32 positions, each string compared once per distinct
    # value: the 2 million rows' comparisons, isin and factorizes peaked +92 MB at 5,000 x 156.
    ri = _positions(af["asin"], asins)
    gen_code, gens = pd.factorize(af["generation_date"], sort=True)   # sorted: the largest code is the newest
    gen_code = gen_code.astype(np.int32)
    early_gen = np.asarray([g <= end for g in gens] + [False])        # the last entry: a missing date (-1)
    pick = early_gen[gen_code] & (ri >= 0)
    if not pick.any():
        return mean, k
    newest = np.full(n, -1, dtype=np.int32)
    np.maximum.at(newest, ri[pick], gen_code[pick])
    pick &= gen_code == newest[np.where(ri >= 0, ri, 0)]
    ci = _positions(af["week_start"], horizon_weeks)
    pick &= ci >= 0
    gi = np.append(_week_idx(pd.Series(gens), dt.date.fromisoformat(weeks[0])), 0)[gen_code[pick]]
    ri, ci = ri[pick], ci[pick]
    mean[ri, ci] = af["mean_units"].to_numpy(dtype=float)[pick]
    k[ri, ci] = np.clip(len(weeks) + ci - gi, 1, None)
    return mean, k


def _positions(values: pd.Series, labels: list[str]) -> np.ndarray:
    """Each value's position in ``labels`` (distinct), -1 where absent, as int32."""
    codes, uniques = pd.factorize(values)
    at = np.append(pd.Index(labels).get_indexer(uniques), -1).astype(np.int32)
    return at[codes]
