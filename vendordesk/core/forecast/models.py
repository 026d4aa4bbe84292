"""Vectorised point-forecast models for weekly retail series (numpy only).

Every model takes a panel ``Y`` of shape (series, weeks) and a horizon ``h`` and returns
forecasts of shape (series, h). NaN in ``Y`` means "not observed" (before launch, a gap, or a
week excluded as censored); the recursions skip it, so a gap is never read as zero demand.
All series are fitted at once: loops run over weeks, never over ASINs.
"""

from __future__ import annotations

import numpy as np

SEASON = 52
ALPHAS = np.array([0.05, 0.1, 0.2, 0.3, 0.5])




def nan_var(x: np.ndarray, axis: int, ddof: int = 0) -> np.ndarray:
    """np.nanvar without its warnings (NaN where fewer than ddof + 1 values are known):
    catch_warnings is not thread-safe, and the window forecasts on a worker thread."""
    known = ~np.isnan(x)
    count = known.sum(axis=axis)
    dev = np.where(known, x - nanmean(x, axis, keepdims=True), 0.0)
    with np.errstate(all="ignore"):
        return np.where(count > ddof, (dev ** 2).sum(axis=axis) / np.maximum(count - ddof, 1), np.nan)


def nanmean(a: np.ndarray, axis: int, keepdims: bool = False) -> np.ndarray:
    """Mean over observed values; NaN where nothing was observed (no warnings)."""
    seen = ~np.isnan(a)
    counts = seen.sum(axis=axis, keepdims=keepdims)
    sums = np.where(seen, a, 0.0).sum(axis=axis, keepdims=keepdims)
    with np.errstate(all="ignore"):
        return np.where(counts > 0, sums / np.maximum(counts, 1), np.nan)


LEVEL_WEEKS = 13


def seasonal_naive_level(Y: np.ndarray, h: int, season: int = SEASON, weeks: int = LEVEL_WEEKS) -> np.ndarray:
    """Last year's weeks scaled by how the level moved since: seasonal naive x (mean of the last
    ``weeks`` / mean of the same weeks a year before), the ratio clipped to [0.5, 2]; 1 where
    either mean is missing or 0. A year-over-year trend no longer carries last year's level."""
    t = Y.shape[1]
    naive = seasonal_naive(Y, h, season)
    if t < season + weeks:
        return naive
    now = nanmean(Y[:, t - weeks:], axis=1)
    before = nanmean(Y[:, t - season - weeks:t - season], axis=1)
    with np.errstate(all="ignore"):
        ratio = np.where((before > 0) & (now > 0), now / before, 1.0)
    res: np.ndarray = naive * np.clip(np.nan_to_num(ratio, nan=1.0), 0.5, 2.0)[:, None]
    return res


def _last_valid_mean(Y: np.ndarray, window: int) -> np.ndarray:
    """Mean of the last ``window`` observed weeks per series (NaN if none)."""
    tail = Y[:, -window:]
    with np.errstate(all="ignore"):
        counts = np.sum(~np.isnan(tail), axis=1)
        sums = np.nansum(tail, axis=1)
        return np.where(counts > 0, sums / np.maximum(counts, 1), np.nan)


def moving_average(Y: np.ndarray, h: int, window: int = 13) -> np.ndarray:
    level = _last_valid_mean(Y, window)
    return np.repeat(level[:, None], h, axis=1)


def seasonal_naive(Y: np.ndarray, h: int, season: int = SEASON) -> np.ndarray:
    """Same week last year; weeks without a value a year back use the 13-week mean."""
    n, t = Y.shape
    out = np.full((n, h), np.nan)
    for k in range(h):
        src = t - season + (k % season)
        if 0 <= src < t:
            out[:, k] = Y[:, src]
    fallback = moving_average(Y, h)
    return np.where(np.isnan(out), fallback, out)


def ses_levels(Y: np.ndarray, alphas: np.ndarray = ALPHAS) -> tuple[np.ndarray, np.ndarray]:
    """Run SES for every alpha at once; unobserved weeks are skipped.

    The level starts at each series' first observed value (its one-step error there is 0).

    Returns:
        (level, sae): final level (series, alphas) and the sum of absolute one-step errors.
    """
    level = np.full((Y.shape[0], len(alphas)), np.nan)
    sae = np.zeros((Y.shape[0], len(alphas)))
    rows = ~np.all(np.isnan(Y), axis=1)
    if rows.any():
        level[rows], sae[rows] = _ses_loop(Y[rows], alphas)
    return level, sae


def _ses_loop(Y: np.ndarray, alphas: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The recursion week by week, into two reused buffers (the same operations in the same
    order as ``sae += |y - level| x m; level += a x (y - level) x m``). The buffers are (alphas,
    series), so each operation runs along the series in one stretch (as (series, alphas) it ran
    five values at a time: twice the time); a week every series has skips the ``x m`` (x 1)."""
    n, t = Y.shape
    seen = ~np.isnan(Y)
    first = seen.argmax(axis=1)
    Y0 = np.where(seen, Y, 0.0)
    level = np.repeat(Y0[np.arange(n), first][None, :], len(alphas), axis=0)
    sae = np.zeros((len(alphas), n))
    a = alphas[:, None]
    weeks = np.ascontiguousarray(Y0.T)                  # (t, n)
    masks = np.ascontiguousarray(seen.T, dtype=float)
    every = seen.all(axis=0)
    diff, step = np.empty_like(level), np.empty_like(level)
    for j in range(t):
        np.subtract(weeks[j], level, out=diff)
        np.abs(diff, out=step)
        if not every[j]:
            step *= masks[j]
        sae += step
        np.multiply(a, diff, out=step)
        if not every[j]:
            step *= masks[j]
        level += step
    return level.T, sae.T


def ses(Y: np.ndarray, h: int) -> np.ndarray:
    """Simple exponential smoothing, alpha chosen per series by in-sample one-step MAE."""
    level, sae = ses_levels(Y)
    best = np.argmin(sae, axis=1)
    final = level[np.arange(len(Y)), best]
    return np.repeat(final[:, None], h, axis=1)


def _smooth(raw: np.ndarray, smooth: int) -> np.ndarray:
    """Circular moving average over +-smooth weeks."""
    n = raw.shape[0]
    padded = np.concatenate([raw[:, -smooth:], raw, raw[:, :smooth]], axis=1)
    csum = np.concatenate([np.zeros((n, 1)), np.cumsum(padded, axis=1)], axis=1)
    width = 2 * smooth + 1
    res: np.ndarray = (csum[:, width:] - csum[:, :-width]) / width
    return res


def _repeatable_detail(blocks: list[np.ndarray], smooth: int) -> np.ndarray:
    """Per series, the share (0..1) of the week-to-week detail the smoothing would remove that
    repeats from year to year (a holiday week in the same place each year), as signal /
    (signal + noise / years): signal = mean covariance of the detail between year blocks,
    noise = its variance within a block minus that. One year (or none): 0, smooth fully.
    """
    full = [np.where(np.isnan(b), 1.0, b) for b in blocks]
    seen = [~np.all(np.isnan(b), axis=1) for b in blocks]
    n = full[0].shape[0]
    if len(full) < 2:
        return np.zeros((n, 1))
    detail = [b - _smooth(b, smooth) for b in full]
    covs, vars_ = [], []
    for a in range(len(detail)):
        vars_.append(np.where(seen[a], np.mean(detail[a] ** 2, axis=1), np.nan))
        for b in range(a + 1, len(detail)):
            covs.append(np.where(seen[a] & seen[b], np.mean(detail[a] * detail[b], axis=1), np.nan))
    signal = np.clip(nanmean(np.stack(covs), axis=0), 0.0, None)
    noise = np.clip(nanmean(np.stack(vars_), axis=0) - signal, 0.0, None)
    years = np.sum(np.stack(seen), axis=0)
    with np.errstate(all="ignore"):
        w = np.where((signal > 0) & (years >= 2), signal / (signal + noise / np.maximum(years, 1)), 0.0)
    return np.nan_to_num(w)[:, None]


def _year_over_year(Y: np.ndarray, season: int = SEASON, weeks: int = 13) -> np.ndarray:
    """Per series the log growth over one season from the weeks that have a value a season
    before: log(sum of those weeks / sum of the same weeks a season earlier), each week paired
    with its own week of the year before, so the seasonality cancels. NaN with fewer than
    ``weeks`` such pairs or a zero sum."""
    t = Y.shape[1]
    if t < season + weeks:
        return np.full(Y.shape[0], np.nan)
    now, before = Y[:, season:], Y[:, :t - season]
    both = ~np.isnan(now) & ~np.isnan(before)
    a, b = np.where(both, now, 0.0).sum(axis=1), np.where(both, before, 0.0).sum(axis=1)
    with np.errstate(all="ignore"):
        res: np.ndarray = np.where((both.sum(axis=1) >= weeks) & (a > 0) & (b > 0), np.log(a / b), np.nan)
    return res


def _shrunk_year_over_year(Y: np.ndarray, season: int = SEASON, weeks: int = 13) -> np.ndarray:
    """_year_over_year shrunk towards the panel's mean growth by its reliability (empirical
    Bayes): w = tau2 / (tau2 + se2), se2 the variance of the series' mean weekly pair log ratio
    (pair ratios' variance / pairs), tau2 the spread of the series' growths beyond their mean
    se2 (0 for one series: it keeps its own growth, the panel's mean). NaN stays NaN."""
    g = _year_over_year(Y, season, weeks)
    t = Y.shape[1]
    ok = np.isfinite(g)
    if t < season + weeks or not ok.any():
        return g
    now, before = Y[:, season:], Y[:, :t - season]
    both = ~np.isnan(now) & ~np.isnan(before) & (np.nan_to_num(now) > 0) & (np.nan_to_num(before) > 0)
    with np.errstate(all="ignore"):
        r = np.where(both, np.log(np.where(both, now, 1.0) / np.where(both, before, 1.0)), np.nan)
        pairs = both.sum(axis=1)
    se2 = nan_var(r, axis=1, ddof=1) / np.maximum(pairs, 1)
    ok &= np.isfinite(se2) & (pairs >= weeks)
    if not ok.any():
        return g
    mu = float(np.mean(g[ok]))
    tau2 = max(float(np.var(g[ok])) - float(np.mean(se2[ok])), 0.0)
    with np.errstate(all="ignore"):
        w = np.where(ok & (tau2 + se2 > 0), tau2 / (tau2 + se2), 0.0)
    res: np.ndarray = np.where(np.isfinite(g), mu + w * (g - mu), g)
    return res


def _yearly(Y: np.ndarray, season: int = SEASON
            ) -> tuple[list[tuple[int, int]], list[np.ndarray], list[np.ndarray], np.ndarray]:
    """The full-year blocks counted back from the last week: (spans, their means, whether 75 %
    of their weeks are observed, per series the weekly log growth rate): the mean log ratio of
    consecutive full-year means, with one year the shrunk year-over-year growth
    (_shrunk_year_over_year), 0 where unknown, clipped to +-ln 2 a year."""
    t = Y.shape[1]
    spans = [(end - season, end) for end in range(t, season - 1, -season)]
    with np.errstate(all="ignore"):
        means = [nanmean(Y[:, a:b], axis=1) for a, b in spans]
        enough = [np.sum(~np.isnan(Y[:, a:b]), axis=1) >= season * 0.75 for a, b in spans]
        # yearly growth from consecutive full-year means (seasonality-free), as a weekly rate
        steps = [np.where(enough[k] & enough[k + 1], np.log(means[k] / means[k + 1]), np.nan)
                 for k in range(len(spans) - 1)]
        growth = nanmean(np.stack(steps), axis=0) if steps else _shrunk_year_over_year(Y, season)
    rate = np.clip(np.nan_to_num(growth, nan=0.0, posinf=0.0, neginf=0.0), -np.log(2), np.log(2)) / season
    return spans, means, enough, rate


def seasonal_index(Y: np.ndarray, season: int = SEASON, shrink: float = 0.9,
                   smooth: int = 2) -> np.ndarray:
    """A multiplicative 52-week index per series, aligned so column 0 is the week after the end.

    Each full year block (counted back from the last week) is divided by its own mean, tilted
    by the series' growth between consecutive year means (so a trend does not tilt the index),
    and the
    blocks are averaged and smoothed over +-``smooth`` weeks (circular), except for the share
    of the detail that repeats from year to year (_repeatable_detail). The panel's pooled
    index (the volume-weighted mean of the series' indices) is the prior: each series keeps
    the share w = signal / (signal + noise) of its own deviation from it, where noise is the
    week-to-week jitter of its raw index (what the smoothing removes, scaled to the smoothed
    index) and signal the rest of its squared deviation; w is capped at ``shrink``. A series
    without a full year gets the pooled index x ``shrink``; a panel without one, index 1.
    (Before 2026-12-03 each series was shrunk towards 1 by 0.8, or 0.48 with one year, which
    halved the Q4 ramp on a two-year history: demo 8-week Q4 holdout bias -12 %.)
    With one full year the growth is the year-over-year one of the weeks that have a value a
    year before, shrunk towards the panel's (_shrunk_year_over_year); before 2026-12-07 it was
    0 and a trend became the index. bench_forecast_vs_mstl, 91 weeks of history, 52 held out,
    WAPE seeds 0/1: 0.0880/0.0917 -> 0.0815/0.0810 (MSTL 0.0817/0.0822).
    """
    n, t = Y.shape
    spans, means, enough, rate = _yearly(Y, season)
    tilt = np.exp(rate[:, None] * (np.arange(season)[None, :] - (season - 1) / 2))
    blocks = []
    for (a, b), mean, ok in zip(spans, means, enough):
        with np.errstate(all="ignore"):
            ratio = Y[:, a:b] / (mean[:, None] * tilt)
        ratio[~np.isfinite(ratio)] = np.nan
        blocks.append(np.where(ok[:, None], ratio, np.nan))
    if not blocks:
        return np.ones((n, season))
    raw = nanmean(np.stack(blocks), axis=0)
    has = ~np.all(np.isnan(raw), axis=1)
    if not has.any():
        return np.ones((n, season))
    raw = np.where(np.isnan(raw), 1.0, raw)
    smoothed = _smooth(raw, smooth)
    smoothed = smoothed + _repeatable_detail(blocks, smooth) * (raw - smoothed)
    volume = np.nan_to_num(nanmean(Y[:, -season:], axis=1)) * has
    pooled = (volume[:, None] * smoothed).sum(axis=0) / max(volume.sum(), 1e-9)
    width = 2 * smooth + 1
    noise = np.mean((raw - smoothed) ** 2, axis=1) * width / (width - 1) / width
    total = np.mean((smoothed - pooled[None, :]) ** 2, axis=1)
    with np.errstate(all="ignore"):
        w = np.where(total > 0, np.clip(1.0 - noise / total, 0.0, 1.0), 0.0)
    w = np.minimum(w, shrink)[:, None]
    index = np.where(has[:, None], pooled[None, :] + w * (smoothed - pooled[None, :]),
                     1.0 + shrink * (pooled[None, :] - 1.0))
    index = np.maximum(index, 0.05)
    res: np.ndarray = index / index.mean(axis=1, keepdims=True)
    return res


def seasonal_ses(Y: np.ndarray, h: int, season: int = SEASON, carry: float | None = None) -> np.ndarray:
    """SES on the deseasonalised series, re-seasonalised with the 52-week index, times the
    carried growth exp(kappa x rate x D(k)) at step k: rate the series' weekly log growth
    (_yearly), D(k) = sum of CARRY_DAMPING^j for j = 1..k (damped, as damped-trend smoothing:
    at most 1 / (1 - 0.97) = 33 weeks of growth), kappa how much of it the panel's own history
    says to carry (trend_carry; ``carry`` sets it). The SES level stays flat: before
    2026-12-07 the growth ended at the last week. bench_forecast_vs_mstl, store-department-like
    panel, 91 weeks of history, 52 held out, MASE seeds 0/1 0.984/0.964 -> 0.930/0.895 (MSTL
    0.954/0.961); demo seed 7 unchanged (kappa 0 on its history)."""
    t = Y.shape[1]
    index = seasonal_index(Y, season)
    past_pos = (np.arange(t) - t) % season
    with np.errstate(all="ignore"):
        deseason = Y / np.maximum(index[:, past_pos], 0.05)
    level = ses(deseason, 1)[:, 0]
    future_pos = np.arange(h) % season
    res: np.ndarray = level[:, None] * index[:, future_pos]
    kappa = trend_carry(Y, season) if carry is None else carry
    if kappa > 0:
        res = res * np.exp(kappa * _yearly(Y, season)[3][:, None] * carried(h)[None, :])
    return res


CARRY_WEEKS = 26
CARRY_DAMPING = 0.97


def carried(h: int, damping: float = CARRY_DAMPING) -> np.ndarray:
    """Weeks of growth carried to steps 1..h: sum of damping^j for j = 1..k."""
    res: np.ndarray = np.cumsum(damping ** np.arange(1, h + 1))
    return res


def carry_share(A: np.ndarray, F0: np.ndarray, F1: np.ndarray, level: np.ndarray) -> float:
    """The share kappa in 0..1 of the step from F0 (no growth carried) to F1 (all of it) that
    fits the actuals A best: least squares pooled over the observed cells, each series scaled
    by its ``level`` (> 0; others left out): kappa = sum x y / sum x^2, x = (F1 - F0) / level,
    y = (A - F0) / level; 0 when x is 0 everywhere."""
    ok = ~np.isnan(A) & np.isfinite(F0) & np.isfinite(F1) & (level[:, None] > 0)
    scale = np.where(level > 0, level, 1.0)[:, None]
    x = np.where(ok, (F1 - F0) / scale, 0.0)
    y = np.where(ok, (np.nan_to_num(A) - F0) / scale, 0.0)
    den = float(np.sum(x * x))
    return float(np.clip(np.sum(x * y) / den, 0.0, 1.0)) if den > 0 else 0.0


def trend_carry(Y: np.ndarray, season: int = SEASON, weeks: int = CARRY_WEEKS) -> float:
    """How much of each series' yearly growth the panel's history says to carry on: at the
    origin ``weeks`` before the end, seasonal_ses without carrying (F0) and with all of it
    (F1) against the weeks that followed (carry_share, each series scaled by its mean). A
    panel whose growth went on gets 1, one whose growth stopped or turned 0. 0 without a year
    and 13 weeks before that origin (no year-over-year growth to test)."""
    o = Y.shape[1] - weeks
    if o < season + 13:
        return 0.0
    F0 = seasonal_ses(Y[:, :o], weeks, season, carry=0.0)
    F1 = F0 * np.exp(_yearly(Y[:, :o], season)[3][:, None] * carried(weeks)[None, :])
    return carry_share(Y[:, o:], F0, F1, np.nan_to_num(nanmean(Y[:, :o], axis=1)))


HOLT_GRID = ((0.1, 0.05), (0.2, 0.05), (0.3, 0.1), (0.5, 0.1))
PHI = 0.95


def holt_damped(Y: np.ndarray, h: int, phi: float = PHI) -> np.ndarray:
    """Holt's linear trend, damped by ``phi`` per week; (alpha, beta) from HOLT_GRID by in-sample
    one-step MAE, all series and grid points at once. Unobserved weeks are skipped."""
    n, t = Y.shape
    g = len(HOLT_GRID)
    a = np.array([p[0] for p in HOLT_GRID])[None, :]
    b = np.array([p[1] for p in HOLT_GRID])[None, :]
    seen = ~np.isnan(Y)
    first = np.where(seen.any(axis=1), seen.argmax(axis=1), 0)
    Y0 = np.where(seen, Y, 0.0)
    level = np.repeat(Y0[np.arange(n), first][:, None], g, axis=1)
    nxt = np.minimum(first + 1, t - 1)
    step = np.where(seen[np.arange(n), nxt] & (nxt > first), Y0[np.arange(n), nxt] - Y0[np.arange(n), first], 0.0)
    trend = np.repeat(step[:, None], g, axis=1)          # the first difference, as usual
    sae = np.zeros((n, g))
    for j in range(t):
        m = seen[:, j:j + 1] & (j > first)[:, None]
        pred = level + phi * trend
        err = Y0[:, j:j + 1] - pred
        sae += np.abs(err) * m
        new_level = pred + a * err
        trend = np.where(m, phi * trend + b * (new_level - level - phi * trend) / 1.0, trend)
        level = np.where(m, new_level, level)
    best = np.argmin(sae, axis=1)
    rows = np.arange(n)
    damp = np.cumsum(phi ** np.arange(1, h + 1))
    out: np.ndarray = level[rows, best][:, None] + trend[rows, best][:, None] * damp[None, :]
    out[~seen.any(axis=1)] = np.nan
    return out


def seasonal_holt(Y: np.ndarray, h: int, season: int = SEASON) -> np.ndarray:
    """Damped Holt on the deseasonalised series, re-seasonalised with the 52-week index."""
    t = Y.shape[1]
    index = seasonal_index(Y, season)
    past_pos = (np.arange(t) - t) % season
    with np.errstate(all="ignore"):
        deseason = Y / np.maximum(index[:, past_pos], 0.05)
    res: np.ndarray = holt_damped(deseason, h) * index[:, np.arange(h) % season]
    return res


def croston_sba(Y: np.ndarray, h: int, alpha: float = 0.1) -> np.ndarray:
    """Croston with the Syntetos-Boylan bias correction (1 - alpha/2)."""
    n, t = Y.shape
    size = np.full(n, np.nan)
    interval = np.full(n, np.nan)
    since = np.ones(n)
    for j in range(t):
        y = Y[:, j]
        demand = ~np.isnan(y) & (y > 0)
        first = demand & np.isnan(size)
        size = np.where(first, y, np.where(demand, alpha * y + (1 - alpha) * size, size))
        interval = np.where(first, since, np.where(demand, alpha * since + (1 - alpha) * interval, interval))
        since = np.where(demand, 1.0, since + (~np.isnan(y)))
    rate = np.where(np.isnan(size), 0.0, (1 - alpha / 2) * size / np.maximum(interval, 1.0))
    return np.repeat(rate[:, None], h, axis=1)


def tsb(Y: np.ndarray, h: int, alpha: float = 0.1, beta: float = 0.1) -> np.ndarray:
    """Teunter-Syntetos-Babai: smoothed demand probability x smoothed size (handles obsolescence)."""
    n, t = Y.shape
    prob = np.full(n, np.nan)
    size = np.full(n, np.nan)
    for j in range(t):
        y = Y[:, j]
        seen = ~np.isnan(y)
        occurred = (y > 0).astype(float)
        prob = np.where(seen, np.where(np.isnan(prob), occurred, prob + beta * (occurred - prob)), prob)
        positive = seen & (y > 0)
        size = np.where(positive, np.where(np.isnan(size), y, size + alpha * (y - size)), size)
    rate = np.nan_to_num(prob) * np.nan_to_num(size)
    return np.repeat(rate[:, None], h, axis=1)


def combo(Y: np.ndarray, h: int) -> np.ndarray:
    """The mean of seasonal SES and plain SES (combinations are hard to beat)."""
    res: np.ndarray = 0.5 * (seasonal_ses(Y, h) + ses(Y, h))
    return res


def seasonal_blend(Y: np.ndarray, h: int, weight: float = 0.75) -> np.ndarray:
    """0.75 x seasonal SES + 0.25 x seasonal naive: the smoothed level and shrunk index, hedged
    with last year's exact weeks (events such as Prime Day keep their week). Measured on the
    26-week holdout: demo mean MASE 0.863 -> 0.834, synthetic 0.843 -> 0.846.
    Since 2026-12-03 the naive part is level-adjusted (seasonal_naive_level): a year-over-year
    trend no longer pulls the blend towards last year's level. bench_forecast_vs_mstl seed 0,
    26 weeks held out: WAPE 0.0665 -> 0.0616 (MSTL 0.0775); demo WAPE 13/8 w (ours on Amazon's
    weeks) 0.166/0.157 -> 0.164/0.156, 26 w 0.215 -> 0.219.
    """
    return weight * seasonal_ses(Y, h) + (1 - weight) * MODELS[BLEND_NAIVE](Y, h)


MODELS = {
    "seasonal_naive": seasonal_naive,
    "seasonal_naive_level": seasonal_naive_level,
    "moving_average": moving_average,
    "ses": ses,
    "seasonal_ses": seasonal_ses,
    "seasonal_blend": seasonal_blend,
    "seasonal_holt": seasonal_holt,
    "combo": combo,
    "croston_sba": croston_sba,
    "tsb": tsb,
}


BLEND_NAIVE = "seasonal_naive_level"

# Models that are weighted sums of others: run_all computes each part once.
COMPOSITES = {
    "seasonal_blend": (("seasonal_ses", 0.75), (BLEND_NAIVE, 0.25)),
    "combo": (("seasonal_ses", 0.5), ("ses", 0.5)),
}


def run_all(Y: np.ndarray, h: int, names: tuple[str, ...] | None = None) -> np.ndarray:
    """Forecasts of every model, shape (models, series, h), clipped at 0, NaN -> 0."""
    names = names or tuple(MODELS)
    done: dict[str, np.ndarray] = {}

    def base(name: str) -> np.ndarray:
        if name not in done:
            done[name] = MODELS[name](Y, h)
        return done[name]

    out = np.stack([sum(w * base(part) for part, w in COMPOSITES[name]) if name in COMPOSITES else base(name)
                    for name in names])
    res: np.ndarray = np.clip(np.nan_to_num(out, nan=0.0), 0.0, None)
    return res
