"""Ours vs seasonal naive vs a standard MSTL on a store-department-like weekly panel (run:
pytest tests/benchmarks/bench_forecast_vs_mstl.py -p no:cacheprovider -s; needs statsmodels).

No real series are available offline, so this panel imitates weekly store-department sales:
lognormal levels, a linear trend per series, a smooth yearly wave, Thanksgiving-week and
pre-Christmas uplifts that move with the calendar, 6 % lognormal noise; 156 weeks of
history, 26 (and 52, over the holidays) held out. "MSTL" = statsmodels STL(period 52,
robust) with the last year's seasonal component repeated and damped-trend exponential
smoothing on the rest (the statsforecast MSTL recipe). Printed, not asserted.
"""

from __future__ import annotations

import datetime as dt
import warnings

import numpy as np
import pytest

from vendordesk.core.forecast import models as fm
from vendordesk.core.forecast import run as fc
from vendordesk.core.forecast.calendar import black_friday
from vendordesk.core.forecast.clean import clean


def panel(seed: int, n: int = 100, t: int = 208) -> tuple[list[str], np.ndarray]:
    rng = np.random.default_rng(seed)
    start = dt.date(2010, 2, 7)
    starts = [start + dt.timedelta(weeks=k) for k in range(t)]
    doy = np.array([(s + dt.timedelta(days=3)).timetuple().tm_yday for s in starts])
    bf = np.array([s <= black_friday(s.year) <= s + dt.timedelta(days=6) for s in starts])
    xmas = np.array([s.month == 12 and 15 <= (s + dt.timedelta(days=6)).day <= 24 for s in starts])
    Y = np.zeros((n, t))
    for i in range(n):
        a1, a2 = rng.normal(0, 0.15, 2)
        wave = 1 + a1 * np.sin(2 * np.pi * doy / 365.25) + a2 * np.cos(2 * np.pi * doy / 365.25)
        sharp = 1 + bf * rng.uniform(0, 1.2) + xmas * rng.uniform(0, 0.8)
        trend = 1 + rng.normal(0, 0.002) * np.arange(t)
        Y[i] = rng.lognormal(8, 1.0) * np.maximum(trend, 0.2) * wave * sharp * rng.lognormal(0, 0.06, t)
    return [s.isoformat() for s in starts], Y


def mstl(train: np.ndarray, h: int) -> np.ndarray:
    from statsmodels.tsa.holtwinters import ExponentialSmoothing
    from statsmodels.tsa.seasonal import STL

    out = np.zeros((len(train), h))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for i, y in enumerate(train):
            r = STL(y, period=52, robust=True).fit()
            rest = ExponentialSmoothing(y - r.seasonal, trend="add", damped_trend=True).fit()
            out[i] = rest.forecast(h) + r.seasonal[-52:][np.arange(h) % 52]
    return out


@pytest.mark.parametrize("seed", [0, 1])
def test_bench_ours_vs_mstl(seed):
    pytest.importorskip("statsmodels")
    weeks, Y = panel(seed)
    for h, end in ((26, 182), (52, 208)):
        train, actual = Y[:, :end - h], Y[:, end - h:end]
        p = clean([f"S{i}" for i in range(len(Y))], weeks[:end - h], train.copy(), np.zeros_like(train))
        ours = fc.forecast_panel(p, h).q[0]
        wape = {name: float(np.abs(F - actual).sum() / actual.sum())
                for name, F in (("ours", ours), ("seasonal_naive", fm.seasonal_naive(train, h)),
                                ("mstl", mstl(train, h)))}
        print(f"\nseed {seed}, {end - h} weeks of history, {h} held out: WAPE " +
              ", ".join(f"{k} {v:.4f}" for k, v in wape.items()))
