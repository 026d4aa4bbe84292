"""Each forecast model on small series worked by hand."""

from __future__ import annotations

import numpy as np
import pytest

from vendordesk.core.forecast import models as fm

NAN = np.nan


def test_seasonal_naive_repeats_last_year():
    Y = np.arange(60, dtype=float)[None, :]
    # week 60 + k takes week 8 + k (52 weeks back)
    assert fm.seasonal_naive(Y, 3).tolist() == [[8.0, 9.0, 10.0]]


def test_seasonal_naive_without_a_year_uses_the_13_week_mean():
    Y = np.arange(10, dtype=float)[None, :]
    assert fm.seasonal_naive(Y, 2).tolist() == [[4.5, 4.5]]


def test_moving_average_skips_missing_weeks():
    Y = np.array([[1, 2, 3, 4, NAN, 6]], dtype=float)
    assert fm.moving_average(Y, 2, window=3).tolist() == [[5.0, 5.0]]   # mean(4, 6)


def test_ses_by_hand_with_a_gap():
    Y = np.array([[2, 4, NAN, 8]], dtype=float)
    level, sae = fm.ses_levels(Y, np.array([0.5]))
    # l = 2; l = .5*4 + .5*2 = 3; gap keeps 3; l = .5*8 + .5*3 = 5.5
    assert level[0, 0] == pytest.approx(5.5)
    assert sae[0, 0] == pytest.approx(2 + 5)   # |4-2| + |8-3|


def test_ses_picks_the_alpha_with_the_lowest_one_step_error():
    Y = np.array([[10, 0, 10, 0, 10, 0, 10, 0]], dtype=float)
    # an alternating series is best followed by the smallest alpha: level stays near 10 -> 5
    forecast = fm.ses(Y, 1)[0, 0]
    assert 4.0 < forecast < 9.0


def test_croston_sba_by_hand():
    Y = np.array([[0, 0, 4, 0, 0, 0, 6]], dtype=float)
    # first demand after 3 weeks: size 4, interval 3; then 6 after 4 weeks:
    # size .1*6 + .9*4 = 4.2, interval .1*4 + .9*3 = 3.1; SBA rate .95 * 4.2 / 3.1
    assert fm.croston_sba(Y, 1)[0, 0] == pytest.approx(0.95 * 4.2 / 3.1)


def test_tsb_by_hand():
    Y = np.array([[0, 5, 0]], dtype=float)
    # p: 0 -> 0.1 -> 0.09; size 5; rate 0.45
    assert fm.tsb(Y, 2)[0].tolist() == pytest.approx([0.45, 0.45])


def test_seasonal_index_by_hand():
    """A: 20 for 26 weeks, 10 for 26 (two identical years); B: constant 15; equal volume 15 a week.

    Raw index A: 20/15 = 4/3 and 2/3. The step repeats exactly each year, so the detail the
    +-2-week smoothing would remove is kept (covariance between the years = its variance):
    A's index is its raw one, 4/3 at week 13. Pooled (equal volumes): (4/3 + 1) / 2 = 7/6.
    A: noise (raw - kept index) = 0 -> w = 1: uncapped 4/3; capped at 0.9: 7/6 + 0.9 / 6 = 1.316667.
    B: noise 0 -> w = 1: week 13 = 1 exactly; capped 0.9: 7/6 + 0.9 x (1 - 7/6) = 1.016667.
    (Both have mean 1.)
    """
    year = [20.0] * 26 + [10.0] * 26
    Y = np.array([year * 2, [15.0] * 104])
    free = fm.seasonal_index(Y, shrink=1.0)
    assert free[0, 13] == pytest.approx(4 / 3)
    assert free[1, 13] == pytest.approx(1.0)
    index = fm.seasonal_index(Y)
    assert index[0, 13] == pytest.approx(1.316667, abs=1e-5)
    assert index[1, 13] == pytest.approx(1.016667, abs=1e-5)
    assert index.mean(axis=1) == pytest.approx([1.0, 1.0])


def test_a_series_without_a_full_year_borrows_the_pooled_index():
    # pooled = A's own smoothed index (B has no full year): 4/3 at week 13; B gets 1 + 0.9 x 1/3.
    year = [20.0] * 26 + [10.0] * 26
    Y = np.array([year * 2, [np.nan] * 74 + [15.0] * 30])
    index = fm.seasonal_index(Y)
    assert index[0, 13] == pytest.approx(4 / 3)
    assert index[1, 13] == pytest.approx(1 + 0.9 / 3)


def test_one_full_year_of_growth_is_not_read_as_seasonality():
    """78 weeks of pure growth, 100 x 1.01^j, no season: one full year block (weeks 26-77).

    Before 2026-12-07 the growth was measured only between full-year means, so with one year
    it was 0 and the block's own climb became the index: raw index at the block's first week
    1 / mean(1.01^k, k < 52) = 1 / ((1.01^52 - 1) / (52 x 0.01)) = 1 / 1.2843 = 0.78, a
    forecast that falls back by a year's growth. Now weeks 52-77 are paired with weeks 0-25:
    each pair's ratio is 1.01^52, growth 52 ln 1.01 a year = ln 1.01 a week; the tilt
    1.01^(k - 25.5) takes it out exactly and every week's raw index is the same: 1.
    """
    Y = 100.0 * 1.01 ** np.arange(78.0)[None, :]
    assert np.allclose(fm.seasonal_index(Y), 1.0, atol=1e-9)


def test_year_over_year_growth_pairs_each_week_with_the_same_week_a_year_before():
    # 100 x 1.02^j x s(j), s = 1.5 in the first 10 weeks of each year, else 1: every pair's
    # ratio is 1.02^52 whatever s is, so the log growth is 52 x ln 1.02 = 52 x 0.0198026 = 1.029737.
    # 70 weeks give 18 pairs; with week 60's value unknown its pair (60, 8) is left out and the
    # other 17 still give 1.02975. 60 weeks give 8 pairs (< 13): NaN.
    j = np.arange(70.0)
    y = 100.0 * 1.02 ** j * np.where(j % 52 < 10, 1.5, 1.0)
    gap = y.copy()
    gap[60] = NAN
    got = fm._year_over_year(np.array([y, gap]))
    assert got == pytest.approx([1.029737, 1.029737], abs=1e-6)
    assert np.isnan(fm._year_over_year(y[None, :60])[0])


def test_year_over_year_growth_is_shrunk_to_the_panel_by_its_noise():
    """78 weeks; only weeks 52-77 have a value a year before (weeks 0-25).

    Pure growth 100 x 1.01^j and 100 x 1.03^j: every pair has the same ratio, the noise is 0,
    so each keeps its own: 52 x 0.0099503 = 0.517417 and 52 x 0.0295588 = 1.537058.
    C: 100 a year before, now 150, 50, 150, ...: sums 2,600 / 2,600, growth ln 1 = 0.
    D: 100, now 165, 55, ...: growth ln(2,860 / 2,600) = ln 1.1 = 0.095310.
    Both pair log ratios alternate +-ln 3 / 2 = +-0.549306 around their mean: variance
    (ddof 1) 26 / 25 x 0.549306^2 = 0.313807, se2 = 0.313807 / 26 = 0.012070. Spread of the
    two growths (0.095310 / 2)^2 = 0.002271 < se2: tau2 = 0, both get the mean 0.047655.
    """
    j = np.arange(78.0)
    grow = fm._shrunk_year_over_year(np.array([100.0 * 1.01 ** j, 100.0 * 1.03 ** j]))
    assert grow == pytest.approx([0.517417, 1.537058], abs=1e-6)
    alt = np.where(np.arange(26) % 2 == 0, 1.5, 0.5)
    c, d = np.full(78, 100.0), np.full(78, 100.0)
    c[52:], d[52:] = 100.0 * alt, 110.0 * alt
    assert fm._shrunk_year_over_year(np.array([c, d])) == pytest.approx([0.047655, 0.047655], abs=1e-6)


def test_seasonal_index_is_flat_for_a_constant_series_and_short_history():
    assert np.allclose(fm.seasonal_index(np.full((1, 104), 7.0)), 1.0)
    assert np.allclose(fm.seasonal_index(np.full((1, 30), 7.0)), 1.0)


def test_seasonal_ses_follows_the_yearly_pattern():
    year = [20.0] * 26 + [10.0] * 26
    F = fm.seasonal_ses(np.array([year * 3]), 52)
    assert F[0, :26].mean() > 1.5 * F[0, 26:].mean()


def test_run_all_never_returns_nan_or_negative():
    Y = np.array([[NAN] * 10, [0.0] * 10, [NAN, NAN, 3.0, NAN, 5.0, NAN, NAN, NAN, NAN, NAN]])
    out = fm.run_all(Y, 4)
    assert out.shape == (len(fm.MODELS), 3, 4)
    assert np.isfinite(out).all() and (out >= 0).all()


def test_a_holiday_spike_in_the_same_week_every_year_is_kept_sharp():
    # Three identical years: 10 a week, 40 in week 30. Block mean (51 x 10 + 40) / 52 = 10.5769;
    # raw index at week 30 = 40 / 10.5769 = 3.7818. The detail repeats exactly (covariance =
    # variance, noise 0), so none of it is smoothed away: the index is the raw one.
    year = [10.0] * 52
    year[30] = 40.0
    index = fm.seasonal_index(np.array([year * 3]))
    assert index[0, 30] == pytest.approx(3.7818, abs=1e-4)


def test_detail_that_does_not_repeat_is_smoothed():
    # The spike moves (week 10, 30, 45): no covariance between years -> fully smoothed, +-2 weeks.
    # Each year's raw index at its spike is 3.7818 and 0.9455 elsewhere (10 / 10.5769); the mean
    # over the 3 years at week 30 is (3.7818 + 2 x 0.9455) / 3 = 1.8909, smoothed over 5 weeks
    # (the neighbours are 0.9455): (1.8909 + 4 x 0.9455) / 5 = 1.1346.
    years = []
    for spike in (10, 30, 45):
        y = [10.0] * 52
        y[spike] = 40.0
        years += y
    index = fm.seasonal_index(np.array([years]))
    assert index[0, 30] == pytest.approx(1.1346, abs=1e-3)



def test_ses_levels_by_hand_and_skipping_gaps():
    # alpha 0.5 from [4, 8, 6]: level 4 -> 6 (error 4) -> 6 (error 0): level 6, SAE 4.
    # With a gap [4, nan, 8]: the gap is skipped, the same as [4, 8]: level 6, SAE 4.
    level, sae = fm.ses_levels(np.array([[4.0, 8.0, 6.0], [4.0, NAN, 8.0], [NAN] * 3]), np.array([0.5]))
    assert level[:2, 0].tolist() == [6.0, 6.0] and sae[:2, 0].tolist() == [4.0, 4.0]
    assert np.isnan(level[2, 0]) and sae[2, 0] == 0.0


def test_a_trend_does_not_tilt_the_seasonal_index():
    # 100 x exp(0.005 t) over 3 years, no season. Consecutive year means differ by exp(0.26);
    # that growth, spread over the block (exp(0.005 (w - 25.5))), is exactly the series' own
    # shape, so every ratio is the same constant and the index is 1 everywhere. Dividing by the
    # block mean alone would tilt it from exp(-0.1275) = 0.88 to exp(0.1275) = 1.14.
    Y = 100.0 * np.exp(0.005 * np.arange(156))[None, :]
    assert np.allclose(fm.seasonal_index(Y), 1.0, atol=1e-9)


def test_damped_holt_follows_a_line():
    # y = 10 + 2 t, t = 0..59 (last 128, next 130): the trend is learnt and the forecast keeps
    # rising; damped by 0.95 a week it steps by less than 2 and stays between last and next value.
    Y = (10.0 + 2.0 * np.arange(60))[None, :]
    F = fm.holt_damped(Y, 3)
    assert 128.0 < F[0, 0] < 130.0 and F[0, 2] > F[0, 1] > F[0, 0]
    assert 1.0 < F[0, 1] - F[0, 0] < 2.0


def test_seasonal_naive_level_scales_last_year_by_the_level_change():
    # 52 + 13 weeks: last year's weeks are 100, then the year's first 13 weeks were 100 and the
    # last 13 weeks 90 -> ratio 90 / 100 = 0.9; next week's naive value (52 weeks back = week 13
    # of the history, 100) becomes 90. A doubling beyond 2x is clipped to 2.
    from vendordesk.core.forecast.models import seasonal_naive_level

    Y = np.full((2, 65), 100.0)
    Y[0, -13:] = 90.0
    Y[1, -13:] = 500.0
    out = seasonal_naive_level(Y, 2)
    assert out[0].tolist() == pytest.approx([90.0, 90.0])
    assert out[1].tolist() == pytest.approx([200.0, 200.0])
    # shorter than a year + 13 weeks: plain seasonal naive
    short = np.full((1, 60), 7.0)
    assert seasonal_naive_level(short, 1).tolist() == [[7.0]]


def test_carry_share_is_the_least_squares_share_of_the_growth_step():
    # Two series, levels 10 and 20, two weeks each. Growth step F1 - F0: (1, 1) and (2, 4);
    # actual above F0: (1, 0) and (1, 2). Scaled by level: x = (0.1, 0.1, 0.1, 0.2),
    # y = (0.1, 0, 0.05, 0.1): sum x y = 0.01 + 0 + 0.005 + 0.02 = 0.035, sum x^2 = 0.01 + 0.01
    # + 0.01 + 0.04 = 0.07: kappa = 0.5.
    F0 = np.array([[10.0, 10.0], [20.0, 20.0]])
    F1 = F0 + np.array([[1.0, 1.0], [2.0, 4.0]])
    A = F0 + np.array([[1.0, 0.0], [1.0, 2.0]])
    level = np.array([10.0, 20.0])
    assert fm.carry_share(A, F0, F1, level) == pytest.approx(0.035 / 0.07)
    # actuals below F0 (growth that turned): 0, not negative; more than the step: at most 1;
    # an unobserved week and a series without level are left out
    assert fm.carry_share(F0 - 1, F0, F1, level) == 0.0
    assert fm.carry_share(F1 + 5, F0, F1, level) == 1.0
    A[0, 1], level2 = NAN, np.array([10.0, 0.0])
    # left: series 0, week 0 only: x = 0.1, y = 0.1 -> 1
    assert fm.carry_share(A, F0, F1, level2) == pytest.approx(1.0)
    # no step at all: 0
    assert fm.carry_share(A, F0, F0, level) == 0.0


def test_damped_weeks_of_growth():
    # D(k) = 0.97 + 0.97^2 + ... + 0.97^k: 0.97, 1.9109, 2.8236; at most 0.97 / 0.03 = 32.33
    assert fm.carried(3).tolist() == pytest.approx([0.97, 0.97 + 0.9409, 0.97 + 0.9409 + 0.912673])
    assert fm.carried(2000)[-1] == pytest.approx(0.97 / 0.03)


def test_growth_that_went_on_is_carried_and_growth_that_turned_is_not():
    # 20 % a year, exactly exponential, for 100 weeks: its year-over-year rate is ln 1.2 / 52 a
    # week and the index is flat. At the origin 26 weeks before the end the flat SES level lags
    # the climb, so the weeks after lie above F0 by more than the full growth step: kappa = 1,
    # and the forecast is the flat one times exp(ln 1.2 / 52 x D(k)).
    t = 100
    grow = 100 * 1.2 ** (np.arange(t) / 52)
    Y = np.vstack([grow, 2 * grow])
    assert fm.trend_carry(Y) == 1.0
    flat = fm.seasonal_ses(Y, 4, carry=0.0)
    carried = fm.seasonal_ses(Y, 4)
    assert (carried / flat)[0].tolist() == pytest.approx(np.exp(np.log(1.2) / 52 * fm.carried(4)).tolist())
    # the same climb, but in its last 26 weeks it fell back by 30 %: the weeks after the origin
    # lie below F0, kappa = 0, the forecast is the flat one
    turned = Y.copy()
    turned[:, -26:] *= 0.7
    assert fm.trend_carry(turned) == 0.0
    assert fm.seasonal_ses(turned, 4).tolist() == fm.seasonal_ses(turned, 4, carry=0.0).tolist()
    # a year and 13 weeks before the origin are needed: 26 + 64 weeks are too few
    assert fm.trend_carry(Y[:, :90]) == 0.0


def test_nan_helpers_warn_about_nothing_and_agree_with_numpy():
    """The forecast runs on a worker thread, where catch_warnings does not hold: numpy's
    "Mean of empty slice" reached the test log. The helpers give numpy's values, silently."""
    import warnings

    from vendordesk.core.forecast.models import nan_var, nanmean

    x = np.array([[1.0, 2.0, np.nan, 4.0], [np.nan, np.nan, np.nan, np.nan], [5.0, np.nan, np.nan, np.nan]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        mean, var = nanmean(x, axis=1), nan_var(x, axis=1, ddof=1)
    # row 0: mean (1 + 2 + 4) / 3 = 7/3; variance ((1-7/3)^2 + (2-7/3)^2 + (4-7/3)^2) / 2 = 7/3
    assert mean[0] == pytest.approx(7 / 3) and var[0] == pytest.approx(7 / 3)
    assert np.isnan(mean[1]) and np.isnan(var[1])          # nothing known
    assert mean[2] == 5.0 and np.isnan(var[2])               # one value: no variance with ddof 1
    rng = np.random.default_rng(3)
    y = rng.normal(size=(20, 30))
    y[rng.random(y.shape) < 0.3] = np.nan
    assert np.allclose(nan_var(y, axis=1, ddof=1), np.nanvar(y, axis=1, ddof=1))
