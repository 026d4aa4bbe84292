"""Launches: an ASIN with fewer than MAX_WEEKS weeks of history, forecast from its analogues.

An analogue is an ASIN of the panel that was listed while we watched (its history starts inside
the panel) and is older than the new one. Ages count from the week an ASIN was listed (its
first sales row), also when its first weeks were excluded as stock-outs. Analogues come from
the ASIN's own kind: ``groups`` holds per ASIN a tuple (brand, category, price band)
(analogue_groups); the first of (brand, category, band), (category, band), (category,),
(brand,) with at least MIN_ANALOGUES analogues is used, else all. Their common launch shape
is scaled to the new ASIN by empirical Bayes (scaled_curve): the analogues' sizes are the
prior, its own observed weeks the evidence, so two launch weeks move the size a little and
seven a lot. The bands are lognormal around that mean, as wide as the size's posterior
uncertainty and the analogues' week-to-week spread (launch_quantiles). Few launches are a
thin prior for the size: it is pooled in logs with the levels of the established ASINs of its
kind (kind_sizes), and the evidence is weighed by the weeks' dispersion (quasi-Poisson), so
a noisy kind's first weeks say less. Before any launch of the panel (no curve to learn) the
forecast is flat at the kind's level scaled by its first weeks (kind_prior; before
2026-12-07 the zero or mean fallback: WAPE 1.0 / 0.6-0.7 on such demo launches). Without
either the usual models apply (with < 4 weeks the marked fallback: its mean, P90 = 2 x
mean). Never 0 just because it is new: weeks without sales lower its size, they do not zero it.
A launch whose every week was a stock-out (no sales to scale by) is scaled by its glance views
x its kind's conversion instead (implied_demand; demo seeds 7/11/23/1/2/3, 2026-12-07: launch
WAPE after 2 weeks 0.56/0.84/0.47/0.52/0.71/0.45 -> 0.49/0.32/0.50/0.56/0.38/0.46, pooled
0.55 -> 0.48; after 4 and 6 weeks unchanged). Since then (launch_fit) all of it runs on the
deseasonalised panel, the kind's prior ramps up to the kind's level (ramp), analogue curves
continue the ramp past their data, and with both the forecast is the mean of the two: launch
WAPE after 2 weeks on seeds 7/11/23/1/2/3 0.24/0.30/0.44/0.47/0.22/0.25, on 4/5/6/8/9/10
0.46/0.31/0.41/0.27/0.28/0.47.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from vendordesk.core.forecast import models as fm
from vendordesk.core.forecast.clean import MIN_WEEKS

Group = tuple[Any, ...]

MAX_WEEKS = 8
MIN_ANALOGUES = 2
EXPOSURE_FLOOR = 0.5
BAND_STEP = np.log(1.6)   # price bands: ASP within a factor of 1.6
RAMP_WEEKS = 3.0          # a launch reaches 63 % of its settled level after 3 weeks (ramp)


def analogue_groups(asins: list[str], attributes: pd.DataFrame | None) -> list[Group] | None:
    """Per ASIN (brand, category, price band) from a frame with asin, brand, category, asp
    (band = floor(ln ASP / ln 1.6), None where unknown); None without a frame."""
    if attributes is None or len(attributes) == 0:
        return None
    frame = attributes.drop_duplicates("asin").set_index("asin")
    out: list[Group] = []
    for a in asins:
        if a not in frame.index:
            out.append((None, None, None))
            continue
        row = frame.loc[a]
        raw_asp = row.get("asp")
        asp = float(np.asarray(raw_asp, dtype=float)) if raw_asp is not None else float("nan")
        band = int(np.floor(np.log(asp) / BAND_STEP)) if np.isfinite(asp) and asp > 0 else None
        out.append(tuple(None if v is None or (isinstance(v, float) and np.isnan(v)) or v == "" else v
                         for v in (row.get("brand"), row.get("category"))) + (band,))
    return out


LEVELS = ((0, 1, 2), (1, 2), (1,), (0,))


@dataclass
class Kinds:
    """``groups`` with each key of the tuples as integer codes (-1: None, NaN or no tuple), so that
    _same_kind compares arrays: per launch it walked every ASIN's tuple four times in Python.
    ``codes`` is None where a key is unhashable (then _same_kind compares the tuples)."""

    groups: list[Group]
    tuples: np.ndarray
    codes: np.ndarray | None


def kinds_of(groups: list[Group] | Kinds | None) -> Kinds | None:
    """``groups`` coded once for many _same_kind look-ups (a Kinds is returned as it is)."""
    if groups is None or isinstance(groups, Kinds):
        return groups
    tuples = np.array([isinstance(g, tuple) for g in groups], dtype=bool)
    width = max((len(g) for g in groups if isinstance(g, tuple)), default=0)
    codes: np.ndarray | None = np.full((width, len(groups)), -1, dtype=np.int64)
    try:
        for k in range(width):
            seen: dict[Any, int] = {}
            for a, g in enumerate(groups):
                if isinstance(g, tuple) and len(g) > k and g[k] is not None and g[k] == g[k]:   # NaN equals nothing
                    codes[k, a] = seen.setdefault(g[k], len(seen))     # type: ignore[index]
    except TypeError:       # an unhashable key: compared as Python values
        codes = None
    return Kinds(list(groups), tuples, codes)


def _same_kind(pool: list[int], groups: list[Group] | Kinds | None, i: int) -> list[list[int]]:
    """Candidate analogue sets, closest kind first (see the module docstring); each in ``pool``'s order."""
    kinds = kinds_of(groups)
    if kinds is None:
        return []
    groups, me = kinds.groups, kinds.groups[i]
    if not isinstance(me, tuple):
        return [[a for a in pool if groups[a] is not None and groups[a] == me]]
    at = np.asarray(pool, dtype=np.int64)
    out = []
    for keys in LEVELS:
        if any(me[k] is None for k in keys):
            continue
        if kinds.codes is None:
            out.append([a for a in pool if isinstance(groups[a], tuple) and all(groups[a][k] == me[k] for k in keys)])
            continue
        hit = kinds.tuples[at]
        for k in keys:
            mine = kinds.codes[k, i]
            hit &= (kinds.codes[k, at] == mine) & (mine >= 0)
        out.append(at[hit].tolist())
    return out


def starts_of(Y: np.ndarray, listed: np.ndarray | None = None) -> np.ndarray:
    """Per series the week its launch counts from: ``listed`` (the first week with a sales row,
    also when that week's demand was excluded for a stock-out) where given, else the first
    observed week; -1 for none."""
    seen = ~np.isnan(Y)
    first = np.where(seen.any(axis=1), seen.argmax(axis=1), -1)
    if listed is None:
        return first
    listed = np.asarray(listed)
    return np.where(listed >= 0, np.where(first >= 0, np.minimum(listed, first), listed), first)


def launch_rows(Y: np.ndarray, listed: np.ndarray | None = None) -> np.ndarray:
    """Series listed after the panel's first week with fewer than MAX_WEEKS observed weeks,
    listed at most 2 x MAX_WEEKS weeks ago, also with no observed week yet (a launch whose
    first weeks were all stock-outs; before 2026-12-07 it got the zero fallback:
    most of the demo's launches with 2 weeks of history, WAPE 0.92 on a 600-ASIN demo). Weeks
    without sales are evidence too: they pull its size down (scaled_curve), not to 0."""
    seen = ~np.isnan(Y)
    start = starts_of(Y, listed)
    observed = seen.sum(axis=1)
    age = Y.shape[1] - start
    rows: np.ndarray = (start > 0) & (observed < MAX_WEEKS) & (age >= 1) & (age <= 2 * MAX_WEEKS)
    return rows


Z = np.array([0.0, 0.5244, 0.8416, 1.2816])    # standard normal quantiles of P50, P70, P80, P90


def launch_fit(Y: np.ndarray, h: int, groups: list[Group] | None = None, listed: np.ndarray | None = None,
               glance: np.ndarray | None = None, ramp_weeks: float | None = None
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(rows forecast from analogues, mean forecast (series, h) for those rows, NaN elsewhere,
    sigma (series,) of the log forecast error, NaN elsewhere); see scaled_curve. ``glance``
    (series, weeks) the glance views: where stock-outs censored all of a launch's sales, they
    imply its demand (implied_demand).

    Everything is fitted on the deseasonalised panel (season_of: a launch's weeks and its
    analogues' by the panel's pooled index, an established ASIN's by its own) and the forecast
    re-seasonalised: a launch listed in the summer heads into Q4. A launch is assumed to ramp
    up (``ramp_weeks``, default RAMP_WEEKS; 0 for flat): the kind's prior (kind_prior) follows
    the ramp, and an analogue curve continues it past the analogues' data (_hold). With both
    an analogue curve and its kind's established ASINs the forecast is the mean of the two
    (their sigmas averaged too).
    Before 2026-12-07 both were flat (the first weeks pulled the size down to their ramp, the
    analogue curves held their last early week) and unseasonal: demo seeds 7/11/23/1/2/3, 2
    weeks of history, launch P50 / actual 0.55 over the launches' next 8 weeks, WAPE 0.49/
    0.33/0.50/0.56/0.38/0.46 -> 0.24/0.30/0.44/0.47/0.22/0.25 (bench_forecast_quality).
    """
    weeks = RAMP_WEEKS if ramp_weeks is None else ramp_weeks or None
    rows = launch_rows(Y, listed)
    out = np.full((Y.shape[0], h), np.nan)
    sigma = np.full(Y.shape[0], np.nan)
    if not rows.any():
        return rows, out, sigma
    start = starts_of(Y, listed)
    t = Y.shape[1]
    age = t - start
    past, future = season_of(Y, h)
    Y = Y / past
    glance = None if glance is None else glance / past
    settled = established(Y, start, glance)
    kinds = kinds_of(groups)
    for i in np.nonzero(rows)[0]:
        n0 = int(age[i])
        own = Y[i, start[i]:]
        implied = implied_demand(own, None if glance is None else glance[i, start[i]:], settled, kinds, int(i))
        older = np.nonzero((start > 0) & (age > n0))[0]
        pool = older[older != i].tolist()
        chosen = next((c for c in _same_kind(pool, kinds, int(i)) if len(c) >= MIN_ANALOGUES), pool)
        kind = kind_sizes(settled, kinds, int(i))
        fit = scaled_curve(Y, start, chosen, own, h, kind, implied=implied, weeks=weeks)
        if fit is None and chosen is not pool:
            fit = scaled_curve(Y, start, pool, own, h, kind, implied=implied, weeks=weeks)
        prior = kind_prior(kind, own, h, implied, weeks)
        if fit is None:              # no launch seen yet: the kind's established ASINs (kind_prior)
            fit = prior
        elif prior is not None:      # few analogues' curves are noisy: combined with the kind's ramp
            fit = (0.5 * (fit[0] + prior[0]), 0.5 * (fit[1] + prior[1]))
        if fit is None:
            rows[i] = False          # nothing to borrow from: the usual models / fallbacks apply
            continue
        out[i], sigma[i] = fit[0] * future[i], fit[1]
    return rows, np.clip(out, 0.0, None), sigma


def season_of(Y: np.ndarray, h: int) -> tuple[np.ndarray, np.ndarray]:
    """(past (series, weeks), future (series, h)) seasonal index of every series
    (models.seasonal_index: a series without a full year, as every launch, gets the panel's
    pooled index, shrunk); ones for a panel shorter than a season."""
    n, t = Y.shape
    if t < fm.SEASON:
        return np.ones((n, t)), np.ones((n, h))
    index = fm.seasonal_index(Y)
    return index[:, (np.arange(t) - t) % fm.SEASON], index[:, np.arange(h) % fm.SEASON]


LEVEL_WEEKS = 13
MIN_KIND = 5
KIND_WEIGHT = 2.0    # the kind's established ASINs count as much as two launch analogues


@dataclass
class Settled:
    """Per series of the panel its established level: the mean of its observed weeks among the
    last LEVEL_WEEKS (NaN for launches and series with fewer than MIN_WEEKS of them), the
    sums of squared deviations from it and of it over those weeks (for the dispersion), the
    robust log spread of those weeks around it, and its conversion: units per glance view over
    those weeks with both (NaN without glance views)."""

    level: np.ndarray
    sq: np.ndarray
    mass: np.ndarray
    noise: np.ndarray
    conversion: np.ndarray | None = None


def established(Y: np.ndarray, start: np.ndarray, glance: np.ndarray | None = None) -> Settled:
    """The levels of the series listed before the panel or more than 2 x MAX_WEEKS weeks ago."""
    recent = Y[:, -LEVEL_WEEKS:]
    seen = ~np.isnan(recent)
    ok = (seen.sum(axis=1) >= MIN_WEEKS) & ((start <= 0) | (Y.shape[1] - start > 2 * MAX_WEEKS))
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore", RuntimeWarning)
        level = np.where(ok, np.nanmean(recent, axis=1), np.nan)
        step = np.diff(recent, axis=1)          # week-to-week: a season's slow drift is no noise
        sq = np.nansum(step ** 2, axis=1) / 2
        mass = level * (~np.isnan(step)).sum(axis=1)
        dev = np.log((recent + 0.5) / (level[:, None] + 0.5))
        noise = 1.4826 * np.nanmedian(np.abs(dev - np.nanmedian(dev, axis=1)[:, None]), axis=1)
    ok &= np.isfinite(level) & (level > 0)
    conversion = None
    if glance is not None:
        views = glance[:, -LEVEL_WEEKS:]
        both = seen & np.isfinite(views) & (views > 0)
        sold, looked = np.where(both, recent, 0.0).sum(axis=1), np.where(both, views, 0.0).sum(axis=1)
        conversion = np.where(ok & (looked > 0) & (sold > 0), sold / np.maximum(looked, 1e-9), np.nan)
    return Settled(np.where(ok, level, np.nan), sq, mass, np.where(ok, noise, np.nan), conversion)


@dataclass
class KindSizes:
    """The established ASINs of a launch's kind: the median mu and robust spread tau of their log
    levels, the dispersion phi of their weeks (sum of squared deviations from their levels / sum
    of their levels, at least 1) and the median r of their weekly log spreads."""

    mu: float
    tau: float
    phi: float
    r: float


def kind_sizes(settled: Settled, groups: list[Group] | Kinds | None, i: int) -> KindSizes | None:
    """The established ASINs of launch ``i``'s kind: the first level of _same_kind with at least
    MIN_KIND of them, else all; None with fewer than MIN_KIND."""
    ok = np.nonzero(np.isfinite(settled.level))[0].tolist()
    chosen = next((c for c in _same_kind(ok, groups, i) if len(c) >= MIN_KIND), ok)
    if len(chosen) < MIN_KIND:
        return None
    logs = np.log(settled.level[chosen])
    mu = float(np.median(logs))
    tau = 1.4826 * float(np.median(np.abs(logs - mu)))
    mass = float(settled.mass[chosen].sum())      # 0 when no two observed weeks are adjacent
    phi = max(float(settled.sq[chosen].sum()) / mass, 1.0) if mass > 0 else 1.0
    noise = settled.noise[chosen]
    r = float(np.median(noise[np.isfinite(noise)])) if np.isfinite(noise).any() else 0.5
    return KindSizes(mu, tau, phi, r)


CONVERSION_CV2 = 1 / 16    # a kind's conversion is known to a CV of 25 % at best (as a size, scaled_curve)


@dataclass
class Implied:
    """A launch's censored weeks' demand implied by its glance views (NaN where not censored or
    without views), and the gamma shape ``certainty`` of the conversion it was implied with."""

    values: np.ndarray
    certainty: float

    def weight(self, phi: float) -> float:
        """How much one implied unit counts in the size's posterior. The implied total D =
        c x views has variance phi x D (counts) + D^2 / certainty (the conversion c, shared
        by all the weeks): it is worth D / (phi + D / certainty) counts, so each unit counts
        w = 1 / (phi + D / certainty) where an observed one counts 1 / phi; 0 without any."""
        total = float(np.nansum(self.values))
        if total <= 0 or not np.isfinite(self.certainty) or self.certainty <= 0:
            return 0.0
        return 1.0 / (phi + total / self.certainty)


def kind_conversion(settled: Settled, groups: list[Group] | Kinds | None, i: int) -> tuple[float, float] | None:
    """(conversion c, gamma shape alpha) of series ``i``'s kind: c the median of its established
    ASINs' conversions (first level of _same_kind with MIN_KIND of them, else all), alpha = 1 /
    max(exp(tau^2) - 1, CONVERSION_CV2), tau their robust log spread (the lognormal's CV^2);
    None with fewer than MIN_KIND."""
    if settled.conversion is None:
        return None
    ok = np.nonzero(np.isfinite(settled.conversion))[0].tolist()
    chosen = next((c for c in _same_kind(ok, groups, i) if len(c) >= MIN_KIND), ok)
    if len(chosen) < MIN_KIND:
        return None
    logs = np.log(settled.conversion[chosen])
    tau = 1.4826 * float(np.median(np.abs(logs - np.median(logs))))
    return float(np.exp(np.median(logs))), 1.0 / max(float(np.expm1(tau * tau)), CONVERSION_CV2)


def implied_demand(own: np.ndarray, views: np.ndarray | None, settled: Settled,
                   groups: list[Group] | Kinds | None, i: int) -> Implied | None:
    """A launch's demand in its weeks since listing that a stock-out censored (``own`` NaN)
    while people looked at it (``views`` > 0): its kind's conversion x its glance views
    (kind_conversion), with the conversion's gamma shape as its certainty.

    Only for a launch without a single observed week (all stocked out: sales give nothing to
    scale by; in the demo most launches' first weeks, before 2026-12-07 they got the analogues'
    or kind's size whatever their traffic). Once it has sold in a week its sales scale it: a
    stock-out lowers the traffic too (Amazon ranks and advertises a listing it cannot sell
    less), so a censored week's implied demand understates the launch. Measured on demo seeds
    7/11/23/1/2/3 with every censored week used and the analogues' censored weeks filled
    likewise: launch WAPE after 2 weeks 0.55 -> 0.46, but after 4 weeks 0.34 -> 0.38, after
    6 weeks 0.30 -> 0.32. None without glance views or a kind conversion."""
    if views is None or (~np.isnan(own)).any():
        return None
    censored = np.isfinite(views) & (views > 0)
    prior = kind_conversion(settled, groups, i) if censored.any() else None
    if prior is None:
        return None
    return Implied(np.where(censored, prior[0] * views, np.nan), prior[1])


def kind_prior(kind: KindSizes | None, own: np.ndarray, h: int, implied: Implied | None = None,
               weeks: float | None = RAMP_WEEKS) -> tuple[np.ndarray, float] | None:
    """A launch before any launch of the panel: flat at its size S, with the kind's established
    levels as the prior (kind_sizes). Their lognormal has mean m = exp(mu + tau^2 / 2) and
    variance v = m^2 x (exp(tau^2) - 1), at least (m / 4)^2 as in scaled_curve;
    S = (m^2 / v + sum own / phi) / (m / v + sum of ramp(k) over its observed ages k / phi),
    sigma^2 = ln(1 + 1 / a) + r^2 with a = m^2 / v + sum own / phi; forecast S x ramp(n0 + j).
    With no launch to learn a curve from, the kind's level is where the ramp ends (``weeks``,
    see ramp; None: flat, before 2026-12-07, when a launch's first weeks at a third of its level
    pulled S down to them). Censored weeks with glance views add their implied demand with its
    weight (Implied.weight) to a, and their ramp times that weight to the denominator."""
    if kind is None:
        return None
    m = float(np.exp(kind.mu + kind.tau ** 2 / 2))
    v = max(m * m * float(np.expm1(kind.tau ** 2)), (m / 4) ** 2)
    seen = ~np.isnan(own)
    curve = ramp(len(own) + h, weeks)
    a_post = m * m / v + float(np.nansum(own)) / kind.phi
    b_post = m / v + float(curve[:len(own)][seen].sum()) / kind.phi
    if implied is not None:
        w, hit = implied.weight(kind.phi), np.isfinite(implied.values)
        a_post += w * float(implied.values[hit].sum())
        b_post += w * float(curve[:len(own)][hit].sum())
    S = a_post / b_post
    return S * curve[len(own):], float(np.sqrt(np.log1p(1.0 / a_post) + kind.r ** 2))


def ramp(length: int, weeks: float | None = RAMP_WEEKS) -> np.ndarray:
    """A launch's share of its settled level at ages 0..length-1: 1 - exp(-(age + 1) / weeks)
    (63 % after ``weeks`` weeks, 95 % after 3 x); ones for None. RAMP_WEEKS = 3 was chosen
    among 3, 4 and 5 on demo seeds 7/11/23/1/2/3 and checked on seeds 4/5/6/8/9/10 (launch
    WAPE after 2/4/6 weeks of history, bench_forecast_quality); the demo's own traffic ramp has
    5 weeks, and its unramped paid traffic makes sales ramp faster. Not measured on real
    launches (none offline)."""
    if not weeks:
        return np.ones(length)
    res: np.ndarray = 1.0 - np.exp(-(np.arange(length) + 1.0) / weeks)
    return res


def launch_forecast(Y: np.ndarray, h: int, groups: list[Group] | None = None,
                    listed: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(rows forecast from analogues, forecast (series, h) for those rows; NaN elsewhere)."""
    rows, out, _ = launch_fit(Y, h, groups, listed)
    return rows, out


def launch_quantiles(F: np.ndarray, sigma: np.ndarray) -> np.ndarray:
    """P50/P70/P80/P90 (4, series, h) of a lognormal with mean F and log-sd sigma: P50 = F x
    exp(-sigma^2 / 2) (the median), Pq = P50 x exp(z_q sigma)."""
    s = np.nan_to_num(sigma)[None, :, None]
    q: np.ndarray = F[None] * np.exp(Z[:, None, None] * s - 0.5 * s * s)
    return q


def scaled_curve(Y: np.ndarray, starts: np.ndarray, rows: list[int], own: np.ndarray, h: int,
                 kind: KindSizes | None = None, rounds: int = 3, implied: Implied | None = None,
                 weeks: float | None = RAMP_WEEKS) -> tuple[np.ndarray, float] | None:
    """The analogues' common launch shape, scaled to the new ASIN by empirical Bayes.

    Each analogue a has units y_a(k) at age k (weeks since it was listed; excluded weeks are
    missing) and a size S_a: shape(k) = median over the analogues of y_a(k) / S_a, S_a =
    sum_k y_a(k) / sum_k shape(k) over its observed ages (alternated ``rounds`` times from S_a =
    its mean). The new ASIN's size S has a gamma prior with the analogues' sizes' mean m (their
    median) and variance v ((1.4826 x MAD)^2, at least (m / 4)^2); its observed weeks are
    Poisson with means S x shape(k), so the posterior mean is
    S = (m^2 / v + sum own) / (m / v + sum of shape(k) over its observed ages k):
    with two launch weeks (mostly ramp) S stays near the analogues' size, with seven mostly its
    own. Forecast S x shape(n0 + j), n0 its age; past the analogues' data the shape continues
    their ramp (_hold with ``weeks``; held flat before 2026-12-07, so analogues a few weeks
    older than the launch passed on their early weeks as its level). (Before 2026-12-07: own mean x the analogues' median ratio to their first
    n0 weeks, shrunk towards their median units with weight n0 / (n0 + 2); ratios to two ramp
    weeks are noisy.)

    With ``kind`` (kind_sizes: the established ASINs of the launch's kind) the prior is pooled
    in logs: mu = (n x median ln S_a + KIND_WEIGHT x (mu_kind - ln shape(last))) / (n +
    KIND_WEIGHT), tau^2 likewise from the analogues' robust log spread and the kind's (an
    established level is read as the curve's held end), m = exp(mu + tau^2 / 2), v = m^2 x
    (exp(tau^2) - 1) (the lognormal's moments), at least (m / 4)^2. Counts vary more than
    Poisson: own weeks and exposure are divided by the analogues' dispersion phi = sum of
    squared residuals / sum of fitted (at least 1), so S = (m^2 / v + sum own / phi) / (m / v +
    exposure / phi).

    How sure: sigma^2 = ln(1 + 1 / a) + r^2, a = m^2 / v + sum own / phi the gamma posterior's
    shape (the size's uncertainty) and r the analogues' robust log spread around their scaled
    shape (week-to-week noise). None with fewer than min(MIN_ANALOGUES, len(rows)) analogues.

    ``implied``: the new ASIN's censored weeks' demand implied by its glance views
    (implied_demand); they add w x implied to a and w x their exposure to the denominator,
    w = Implied.weight(phi) (below 1 / phi: the conversion they rest on is uncertain).
    """
    n0, t = len(own), Y.shape[1]
    length = n0 + h
    curves = []
    for a in rows:
        f = int(starts[a])
        c = np.full(length, np.nan)
        part = Y[a, f:min(f + length, t)]
        c[:len(part)] = part
        if np.nansum(c) > 0:
            curves.append(c)
    if not curves or len(curves) < min(MIN_ANALOGUES, len(rows)):
        return None
    C = np.array(curves)
    seen = ~np.isnan(C)
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore", RuntimeWarning)
        size = np.nanmean(C, axis=1)
        shape = np.ones(length)
        for _ in range(rounds):
            shape = _hold(np.nanmedian(C / size[:, None], axis=0), weeks)
            denom = np.where(seen, shape[None, :], 0.0).sum(axis=1)
            size = np.where(denom > 0, np.nansum(C, axis=1) / np.maximum(denom, 1e-9), size)
        m = float(np.median(size))
        v = max((1.4826 * float(np.median(np.abs(size - m)))) ** 2, (m / 4) ** 2, 1e-9)
        if kind is not None and m > 0 and shape[-1] > 0:
            # the sizes of few launches are a thin prior: pooled in logs with the kind's
            # established levels, read as the curve's held end (size = level / shape's last value)
            logs = np.log(size[size > 0])
            n = len(logs)
            tau2 = (n * (1.4826 * float(np.median(np.abs(logs - np.median(logs))))) ** 2
                    + KIND_WEIGHT * kind.tau ** 2) / (n + KIND_WEIGHT)
            mu = (n * float(np.median(logs)) + KIND_WEIGHT * (kind.mu - float(np.log(shape[-1])))) / (n + KIND_WEIGHT)
            m = float(np.exp(mu + tau2 / 2))
            v = max(m * m * float(np.expm1(tau2)), (m / 4) ** 2)
        fitted = size[:, None] * shape[None, :]
        resid = np.log((C + 0.5) / (fitted + 0.5))[seen]
        r = 1.4826 * float(np.median(np.abs(resid - np.median(resid)))) if resid.size else 0.5
        phi = max(float(np.sum(((C - fitted) ** 2)[seen]) / max(float(fitted[seen].sum()), 1e-9)), 1.0)
    if not np.isfinite(m) or m <= 0:
        return None
    own_seen = ~np.isnan(own)
    # a week's exposure counts at least EXPOSURE_FLOOR of the shape's typical (median) value:
    # the analogues' first ramp weeks differ in timing, and 22 units in a week where the shape
    # says 0.04 would read as a size 14 times the analogues' (a 600-ASIN demo, 2026-12-07)
    exposure = np.maximum(shape[:n0], EXPOSURE_FLOOR * float(np.median(shape)))
    a_post = m * m / v + float(np.nansum(own)) / phi
    b_post = m / v + float(exposure[own_seen].sum()) / phi
    if implied is not None:
        w, hit = implied.weight(phi), np.isfinite(implied.values[:n0])
        a_post += w * float(implied.values[:n0][hit].sum())
        b_post += w * float(exposure[hit].sum())
    S = a_post / b_post
    sigma = float(np.sqrt(np.log1p(1.0 / max(a_post, 1e-9)) + r * r))
    return np.clip(S * shape[n0:], 0.0, None), sigma


def _hold(curve: np.ndarray, weeks: float | None = None) -> np.ndarray:
    """NaN ages take the last known value (1 before any); with ``weeks``, ages after the last
    known one k0 continue its ramp instead: value(k0) x ramp(k) / ramp(k0)."""
    out = curve.copy()
    last, at = np.nan, -1
    grow = ramp(len(out), weeks) if weeks else np.ones(len(out))
    for k in range(len(out)):
        if np.isfinite(out[k]):
            last, at = out[k], k
        elif at >= 0:
            out[k] = last * grow[k] / grow[at]
    held: np.ndarray = np.nan_to_num(out, nan=1.0)
    return held
