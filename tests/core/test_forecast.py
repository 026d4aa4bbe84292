"""Censoring, fallbacks, metrics by hand, model choice, and quantile coverage on synthetic data."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tests.core.forecast_synth import synth_panel
from vendordesk.core.forecast import backtest as bt
from vendordesk.core.forecast import run as fc
from vendordesk.core.forecast.clean import clean, panel_from_frame, week_grid

NAN = np.nan


def _weeks(n: int) -> list[str]:
    return week_grid("2024-01-07", "2030-01-01")[:n]


# --- censoring and repairs ---------------------------------------------------------------

def test_oos_weeks_are_corrected_up_to_half_and_excluded_above():
    units = np.array([[10.0, 10.0, 10.0]])
    oos = np.array([[0.0, 0.5, 0.8]])
    panel = clean(["A"], _weeks(3), units, oos)
    assert panel.demand[0, :2].tolist() == [10.0, 20.0]       # 10 / (1 - 0.5)
    assert np.isnan(panel.demand[0, 2])                       # 80 % OOS: not demand zero, unknown
    assert {"oos_corrected", "oos_excluded"} <= set(panel.flags[0])


def test_returns_gaps_and_spikes_are_repaired_and_flagged():
    base = [10.0, 12.0, 9.0, 11.0] * 6
    units = np.array([base[:5] + [-3.0] + base[6:10] + [NAN] + base[11:20] + [1000.0] + base[21:]])
    panel = clean(["A"], _weeks(24), units, np.zeros_like(units))
    assert {"returns", "gaps", "spike_capped"} <= set(panel.flags[0])
    assert panel.demand[0, 5] == 0.0                           # negative units -> 0
    assert np.isnan(panel.demand[0, 10])                       # a gap stays unknown
    assert panel.demand[0, 20] < 100 and panel.actual[0, 20] == 1000.0   # capped to fit, kept to score


def test_panel_from_frame_falls_back_to_shipped_units_and_fills_the_week_grid():
    frame = pd.DataFrame({"asin": ["A", "A", "B"], "period_start": ["2024-01-07", "2024-01-21", "2024-01-14"],
                          "ordered_units": [5.0, NAN, 7.0], "shipped_units": [1.0, 4.0, 1.0],
                          "procurable_product_out_of_stock_rate": [0.0, 0.0, 0.0]})
    panel = panel_from_frame(frame)
    assert panel.weeks == ["2024-01-07", "2024-01-14", "2024-01-21"]
    assert panel.units[0].tolist()[::2] == [5.0, 4.0] and np.isnan(panel.units[0, 1])


# --- fallbacks ------------------------------------------------------------------------------

def _fallback_panel():
    t = 60
    rng = np.random.default_rng(0)
    normal = rng.poisson(20, t).astype(float)
    short = np.full(t, NAN)
    short[-2:] = [3.0, 5.0]
    zeros = np.zeros(t)
    empty = np.full(t, NAN)
    units = np.vstack([normal, short, zeros, empty])
    return clean(["NORMAL", "SHORT", "ZERO", "EMPTY"], _weeks(t), units, np.zeros_like(units))


def test_fallbacks_are_marked_and_never_nan():
    result = fc.forecast_panel(_fallback_panel(), horizon=8)
    assert np.isfinite(result.q).all() and (result.q >= 0).all()
    assert result.model[1:] == ["fallback_mean", "fallback_zero", "fallback_zero"]
    assert result.q[:, 1, 0].tolist() == [4.0, 5.0, 6.0, 8.0]   # mean 4 x 1 / 1.25 / 1.5 / 2
    assert "short_history" in result.flags[1] and "all_zero" in result.flags[2] and "no_history" in result.flags[3]
    frame = result.frame()
    assert list(frame.columns[:7]) == ["asin", "week_start", "p50", "p70", "p80", "p90", "model"]
    assert len(frame) == 4 * 8 and not frame[["p50", "p70", "p80", "p90"]].isna().any().any()


def test_quantiles_are_ordered():
    result = fc.forecast_panel(_fallback_panel(), horizon=8)
    assert (np.diff(result.q, axis=0) >= -1e-9).all()


def test_empty_panel_and_horizon_limits():
    empty = clean([], [], np.zeros((0, 0)), np.zeros((0, 0)))
    assert fc.forecast_panel(empty, 10).frame().empty
    assert len(fc.forecast_panel(_fallback_panel(), horizon=500).weeks) == 52


# --- metrics by hand ------------------------------------------------------------------------

def test_mase_wape_bias_by_hand():
    train = np.array([[1.0, 2.0, 4.0, 3.0]])         # lag-1 naive MAE = (1 + 2 + 1) / 3 = 4/3
    actual = np.array([[1.0, 3.0, 2.0]])
    s = bt.scores(np.array([[3.0, 3.0, 3.0]]), actual, train)
    assert s["mase"][0] == pytest.approx(1.0 / (4 / 3))   # MAE (2 + 0 + 1) / 3 = 1
    assert s["wape"][0] == pytest.approx(3 / 6)
    assert s["bias"][0] == pytest.approx(3 / 6)
    s = bt.scores(np.array([[2.0, 2.0, 2.0]]), actual, train)
    assert (s["mase"][0], s["wape"][0], s["bias"][0]) == pytest.approx((0.5, 2 / 6, 0.0))


def test_total_mase_is_the_mean_over_asins_and_skips_flat_series():
    train = np.array([[1.0, 2.0, 4.0, 3.0], [5.0, 5.0, 5.0, 5.0]])   # second: scale 0 -> no MASE
    actual = np.array([[1.0, 3.0, 2.0], [5.0, 5.0, 5.0]])
    F = np.array([[3.0, 3.0, 3.0], [6.0, 6.0, 6.0]])
    total = bt.total_scores(F, actual, train)
    assert total["mase"] == pytest.approx(0.75)
    assert total["wape"] == pytest.approx((3 + 3) / (6 + 15), abs=1e-4)   # rounded to 4 places
    assert total["bias"] == pytest.approx((3 + 3) / 21, abs=1e-4)


def test_coverage_counts_actuals_at_or_below_the_quantile():
    assert bt.coverage(np.array([[1.0, 2.0, 3.0]]), np.array([[1.0, 3.0, NAN]])) == 0.5


def test_choose_keeps_the_default_unless_clearly_beaten():
    names = ("seasonal_naive", "seasonal_blend", "ses")
    mae = np.array([[0.85, 0.5, NAN], [1.0, 1.0, NAN], [0.9, 1.0, NAN]])   # models x series
    # series 0: 0.85 is not 20 % below 1.0 -> default; series 1: 0.5 < 0.8 -> seasonal_naive
    assert bt.choose(mae, names).tolist() == [1, 0, 1]


def test_exact_seasonal_series_selects_a_seasonal_model():
    pattern = np.tile(np.r_[np.full(20, 30.0), np.full(32, 5.0)], 3)[None, :]
    sel = bt.select(pattern)
    assert sel.names[sel.model[0]] in ("seasonal_naive", "seasonal_ses")


# --- accuracy and coverage on synthetic data -----------------------------------------------

@pytest.fixture(scope="module")
def synth_backtest():
    units, oos = synth_panel(400, 156, seed=11)
    panel = clean([f"S{i}" for i in range(400)], _weeks(156), units, oos)
    return fc.holdout_backtest(panel, 26)


def test_quantile_coverage_within_five_points_on_synthetic_data(synth_backtest):
    cov = synth_backtest["total"]["coverage"]
    assert abs(cov["p70"] - 0.70) <= 0.05
    assert abs(cov["p80"] - 0.80) <= 0.05
    assert abs(cov["p90"] - 0.90) <= 0.05


def test_ours_beats_seasonal_naive_on_synthetic_data(synth_backtest):
    total = synth_backtest["total"]
    assert total["ours"]["mase"] <= 0.9 * total["seasonal_naive"]["mase"]
    assert len(synth_backtest["asins"]) == 400


# --- what the backtest scores ------------------------------------------------------------

def _launch_in_holdout_panel():
    """A sells 10 a week for 40 weeks; B is first listed in week 37 and sells 50 a week."""
    a = np.full(40, 10.0)
    b = np.r_[np.full(36, NAN), np.full(4, 50.0)]
    return clean(["A", "B"], _weeks(40), np.vstack([a, b]), np.zeros((2, 40)))


def test_an_asin_first_listed_inside_the_holdout_is_not_scored():
    doc = fc.holdout_backtest(_launch_in_holdout_panel(), 8)
    # No forecast could be made for B at the origin (no week before it). Scoring its 4 x 50 = 200
    # units against a forecast of 0 would add 200 to the error: WAPE (0 + 200) / (80 + 200) = 0.71.
    # Only A is scored: a flat 10 forecast against 8 x 10 actuals, WAPE 0.
    assert doc["unscored"] == ["B"]
    assert doc["total"]["ours"]["wape"] == pytest.approx(0.0, abs=1e-9)
    assert doc["total"]["seasonal_naive"]["wape"] == pytest.approx(0.0, abs=1e-9)


def test_amazons_score_comes_with_ours_on_the_same_asin_weeks():
    from vendordesk.core.forecast.plan import backtest_with_amazon
    panel = _launch_in_holdout_panel()
    weeks = panel.weeks[32:]
    # Amazon forecast A at 12 for the first 4 holdout weeks only (generation = the origin week).
    amazon = pd.DataFrame({"generation_date": weeks[0], "asin": "A", "week_start": weeks[:4], "mean_units": 12.0})
    doc = backtest_with_amazon(panel, amazon, 8)
    amz = doc["total"]["amazon"]
    # Amazon on its 4 weeks: |12 - 10| x 4 / (4 x 10) = 0.2. Ours (flat 10) on the same 4 weeks: 0.
    assert amz["wape"] == pytest.approx(0.2)
    assert amz["asins"] == 1
    assert amz["ours"]["wape"] == pytest.approx(0.0, abs=1e-9)
