"""A synthetic weekly retail panel for forecast tests and benchmarks (seeded, numpy only)."""

from __future__ import annotations

import numpy as np


def synth_panel(n: int = 200, weeks: int = 156, seed: int = 1, oos_share: float = 0.1):
    """Return (units, oos) arrays of shape (n, weeks).

    Mix: 60 % smooth seasonal (yearly sine + Q4 uplift, trend, negative-binomial noise),
    25 % intermittent, 10 % lumpy, 5 % launches. ``oos_share`` of the series get a run of
    out-of-stock weeks whose sales are cut by the OOS rate.
    """
    rng = np.random.default_rng(seed)
    t = np.arange(weeks)
    week_of_year = (t + 10) % 52
    kind = rng.choice(4, size=n, p=[0.6, 0.25, 0.1, 0.05])
    level = rng.lognormal(3.0, 1.0, size=n)
    amp = rng.uniform(0.0, 0.4, size=n)
    q4 = rng.uniform(0.0, 1.0, size=n)
    trend = rng.normal(0.0, 0.003, size=n)
    season = 1 + amp[:, None] * np.sin(2 * np.pi * week_of_year / 52)[None, :]
    season = season * (1 + q4[:, None] * ((week_of_year >= 46) & (week_of_year <= 51))[None, :])
    mean = level[:, None] * season * np.exp(trend[:, None] * t[None, :])
    units = rng.negative_binomial(10, 10 / (10 + mean)).astype(float)
    inter = kind == 1
    p = rng.uniform(0.1, 0.6, size=n)
    hits = rng.random((n, weeks)) < p[:, None]
    units[inter] = (hits * (1 + rng.poisson(2.0, size=(n, weeks))))[inter]
    lumpy = kind == 2
    units[lumpy] = (hits * rng.poisson(level[:, None] * 2, size=(n, weeks)))[lumpy]
    launch = kind == 3
    start = rng.integers(weeks // 3, max(weeks - 30, weeks // 3 + 1), size=n)
    units[launch[:, None] & (t[None, :] < start[:, None])] = np.nan
    oos = np.zeros((n, weeks))
    spiral = rng.random(n) < oos_share
    begin = rng.integers(weeks // 2, max(weeks - 8, weeks // 2 + 1), size=n)
    run = spiral[:, None] & (t[None, :] >= begin[:, None]) & (t[None, :] < begin[:, None] + 4)
    oos[run] = rng.uniform(0.2, 0.8, size=run.sum())
    units = np.where(run, np.round(units * (1 - oos)), units)
    return units, oos
