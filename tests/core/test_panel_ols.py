"""core.panel_ols equals statsmodels' OLS with ASIN (and week) dummies and ASIN-clustered errors."""

from __future__ import annotations

import numpy as np
import pytest

from vendordesk.core.influence.panel_ols import panel_ols

sm = pytest.importorskip("statsmodels.api")


def _panel(seed: int, groups: int, periods: int, drop: float = 0.0):
    rng = np.random.default_rng(seed)
    g = np.repeat(np.arange(groups), periods)
    t = np.tile(np.arange(periods), groups)
    X = rng.normal(size=(len(g), 2)) + rng.normal(size=(groups, 1))[g]      # correlated with the effect
    effect = rng.normal(size=groups)[g] * 3 + rng.normal(size=periods)[t]
    y = effect + X @ np.array([0.7, -1.3]) + rng.normal(size=len(g)) * (1 + (g % 3))
    keep = rng.random(len(g)) >= drop
    return y[keep], X[keep], g[keep], t[keep]


def _dummies(codes):
    values = np.unique(codes)
    return (codes[:, None] == values[None, :]).astype(float)


@pytest.mark.parametrize("seed, drop", [(1, 0.0), (2, 0.2), (3, 0.05)])
def test_asin_effects_match_statsmodels(seed, drop):
    y, X, g, _ = _panel(seed, 30, 20, drop)
    ref = sm.OLS(y, np.column_stack([X, _dummies(g)])).fit(cov_type="cluster", cov_kwds={"groups": g})
    fit = panel_ols(y, X, g)
    assert np.max(np.abs(fit.beta - ref.params[:2])) < 1e-8
    assert np.max(np.abs(fit.cov - ref.cov_params()[:2, :2])) < 1e-8


@pytest.mark.parametrize("seed", [4, 5])
def test_asin_and_week_effects_match_statsmodels_on_a_balanced_panel(seed):
    y, X, g, t = _panel(seed, 25, 16)
    dummies = np.column_stack([_dummies(g), _dummies(t)[:, 1:]])
    ref = sm.OLS(y, np.column_stack([X, dummies])).fit(cov_type="cluster", cov_kwds={"groups": g})
    fit = panel_ols(y, X, g, t)
    assert np.max(np.abs(fit.beta - ref.params[:2])) < 1e-8
    assert np.max(np.abs(fit.cov - ref.cov_params()[:2, :2])) < 1e-8


def test_unbalanced_two_way_matches_statsmodels():
    y, X, g, t = _panel(6, 25, 16, drop=0.15)
    dummies = np.column_stack([_dummies(g), _dummies(t)[:, 1:]])
    ref = sm.OLS(y, np.column_stack([X, dummies])).fit(cov_type="cluster", cov_kwds={"groups": g})
    fit = panel_ols(y, X, g, t)
    assert np.max(np.abs(fit.beta - ref.params[:2])) < 1e-8
    assert np.max(np.abs(fit.cov - ref.cov_params()[:2, :2])) < 1e-8


def test_refuses_a_regressor_without_variation_within_asins():
    g = np.repeat(np.arange(5), 4)
    with pytest.raises(ValueError, match="vary"):
        panel_ols(np.arange(20.0), (g * 1.0)[:, None], g)
