"""Conformal quantiles by horizon bucket and season; Amazon's forecast as rival and input."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from vendordesk.core.forecast import calib as cal
from vendordesk.core.forecast import rival as rv


def test_buckets_seasons_and_origins_by_hand():
    assert cal.bucket(14).tolist() == [0, 0, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3]
    # Wednesday of the week decides: 2026-09-27 + 3 days = 30 Sep (Q3), 2026-10-04 -> 7 Oct (Q4).
    assert cal.q4(["2026-09-27", "2026-10-04", "2026-12-27"]).tolist() == [0, 1, 1]
    # t = 104: t-13 = 91 back by 6 while > 104 - 13 - 52 = 39, and >= 52 (a full year): 55 .. 91
    assert cal.origins(104) == [55, 61, 67, 73, 79, 85, 91]
    # t = 60: 47 back by 6 while > max(60 - 65, 7): 11 .. 47; none has a full year, so all are used
    assert cal.origins(60) == [11, 17, 23, 29, 35, 41, 47]


def _cycling_errors():
    """100 series over 120 weeks: forecasts F = 10 at level 10 at every origin, actuals 10 + 2 x e
    with e cycling over -1, 0, 1, 2 (one value per series)."""
    n, t = 100, 120
    e = np.tile([-1.0, 0.0, 1.0, 2.0], 25)
    actual = 10.0 + 2.0 * np.repeat(e[:, None], t, axis=1)
    weeks = [f"2024-{1 + (k // 4) % 12:02d}-0{1 + k % 4}" for k in range(t)]

    def at(o):
        return np.full((n, cal.HORIZON), 10.0), np.full(n, 10.0)

    return n, e, actual, weeks, at


def test_calibrated_quantiles_are_the_empirical_quantiles_of_scaled_errors():
    # 100 series, F = 10, level 10, scale 2 -> d = 2 x 10 / 10 = 2. Actuals 10 + 2 x e with e
    # cycling over -1, 0, 1, 2 (one value per series): z = e. Sorted, 25 of each; linear
    # interpolation at q x 99: P50 49.5 -> (0 + 1) / 2 = 0.5, P70 69.3 -> 1, P80 79.2 -> 2, P90 -> 2.
    n, e, actual, weeks, at = _cycling_errors()

    z = cal.calibrate(at, actual, weeks, np.full(n, 2.0), np.zeros(n, bool))
    expected = np.quantile(e, cal.QUANTILES)
    assert expected.tolist() == pytest.approx([0.5, 1.0, 2.0, 2.0])
    assert z[0, 0, 0] == pytest.approx(expected)
    q = cal.quantiles(np.full((1, 2), 20.0), z, np.array([2.0]), np.array([10.0]), weeks[:2], np.zeros(1, bool))
    # d = 2 x 20 / 10 = 4: P50 = 20 + 0.5 x 4 = 22 (the median, not the mean), P70 24, P80 = P90 = 28
    assert q[:, 0, 0].tolist() == pytest.approx([22.0, 24.0, 28.0, 28.0])


def test_calibration_errors_are_measured_in_the_final_bands_units():
    # As above, but the series have doubled since: level 10 at the origins, 20 at the end.
    # The origins' forecasts F = 10 erred 2 x e (e cycling -1, 0, 1, 2), 0.2 x e of the forecast.
    # The final band is F + z x d with d = scale x F / final level = 2 x 20 / 20 = 2 at F = 20,
    # so a relative error 0.2 x e there is 4 x e: z = 2 x e. In these units the origins'
    # d = scale x (10 / 20) x F / level = 2 x 0.5 x 10 / 10 = 1 and z = 2 x e: quantiles
    # 2 x (0.5, 1, 2, 2) = (1, 2, 4, 4); P50..P90 at F = 20: 20 + (1, 2, 4, 4) x 2 = 22, 24, 28, 28
    # (20 x (1 + 0.2 x (0.5, 1, 2, 2))). Before 2026-12-07 the origins' d used the final scale
    # with the origin's level: d = 2, z = e, bands 21, 22, 24, 24: half as wide as the errors.
    n, e, actual, weeks, at = _cycling_errors()

    z = cal.calibrate(at, actual, weeks, np.full(n, 2.0), np.zeros(n, bool), final_level=np.full(n, 20.0))
    assert z[0, 0, 0] == pytest.approx([1.0, 2.0, 4.0, 4.0])
    q = cal.quantiles(np.full((1, 2), 20.0), z, np.array([2.0]), np.array([20.0]), weeks[:2], np.zeros(1, bool))
    assert q[:, 0, 0].tolist() == pytest.approx([22.0, 24.0, 28.0, 28.0])


def _past_at_horizon_1(ours_at: float, amazon_at: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Two series, past weeks 0..19: actual 100, our and Amazon's forecast at horizon 1 only."""
    n, t = 2, 20
    ours = np.full((n, t, cal.HORIZON), np.nan)
    amazon = np.full((n, t, cal.HORIZON), np.nan)
    ours[:, :, 0], amazon[:, :, 0] = ours_at, amazon_at
    return np.full((n, t), 100.0), ours, amazon


def test_amazon_weight_follows_whose_forecast_was_better():
    # Past weeks 0..19 at horizon 1: actual 100, ours 102 (error 2), Amazon's 101 (error 1) for
    # both series. e = actual - ours = -2, d = Amazon's - ours = -1: e / d = 2 in every week,
    # so the blend errs |-2 + w| and the best weight is clipped to 1 (Amazon's alone). Every
    # series the account's ratio: w = 1. (Bates-Granger, before 2026-12-07: 1 / (1 + 0.5^2) = 0.8.)
    actual, ours, amazon = _past_at_horizon_1(ours_at=102.0, amazon_at=101.0)
    w = rv.weights(ours, amazon, actual)
    assert w[:, 0] == pytest.approx([1.0, 1.0])
    # Next week, weight 0.8: ours P50 10 (P90 14), Amazon's mean 20 -> 0.2 x 10 + 0.8 x 20 = 18; bands x 1.8.
    q = np.array([[[10.0]], [[11.0]], [[12.0]], [[14.0]]]).repeat(2, axis=1)
    mean = np.array([[20.0], [np.nan]])
    out, source = rv.combine(q, mean, np.ones((2, 1), dtype=int), np.full((2, 4), 0.8))
    assert out[:, 0, 0].tolist() == pytest.approx([18.0, 19.8, 21.6, 25.2])
    assert out[:, 1, 0].tolist() == [10.0, 11.0, 12.0, 14.0] and source == ["amazon", "ours"]


def test_the_blend_weight_is_the_one_that_erred_least_not_bates_grangers():
    # Two series, past weeks 0..19 at horizon 1, ours 110. Even weeks actual 100, Amazon's 90:
    # e = -10, d = -20, e / d = 0.5 with weight |d| = 20; odd weeks actual 120, Amazon's 115:
    # e = 10, d = 5, e / d = 2 with weight 5. Weights 2 x 10 x 20 = 400 at 0.5 and 100 at 2:
    # the weighted median is 0.5. The blend 0.5 x 110 + 0.5 x 90 = 100 is exact in even weeks
    # and 0.5 x 110 + 0.5 x 115 = 112.5 errs 7.5 in odd ones: 7.5 per pair of weeks.
    # Bates-Granger (the rule before 2026-12-07): our MAE 10, Amazon's (10 + 5) / 2 = 7.5,
    # R = 0.75, w = 1 / (1 + 0.5625) = 0.64: 110 - 0.64 x 20 = 97.2 errs 2.8, 110 - 0.64 x (-5)
    # = 113.2 errs 6.8: 9.6 per pair. Both series alike: r_i = R, no tilt.
    # The account's weight is taken week by week (rival.week_weight, since 2026-12-07): each even
    # week's best weight is 0.5, each odd week's 2 clipped to 1, their mean (10 x 0.5 + 10 x 1) / 20 = 0.75.
    n, t = 2, 20
    ours = np.full((n, t, cal.HORIZON), np.nan)
    amazon = np.full((n, t, cal.HORIZON), np.nan)
    ours[:, :, 0] = 110.0
    amazon[:, 0::2, 0], amazon[:, 1::2, 0] = 90.0, 115.0
    actual = np.tile([100.0, 120.0], (n, t // 2))
    w = rv.weights(ours, amazon, actual)
    assert w[:, 0] == pytest.approx([0.75, 0.75])
    assert rv.blend_weight(np.array([-10.0, 10.0]), np.array([-20.0, 5.0])) == pytest.approx(0.5)
    # ratios (0.5, 0.5, 2, -1) weighted (4, 4, 1, 1): sorted -1 (cum 1), 0.5 (5 = half of 10): 0.5.
    # sum |e - w d| at 0.5: 0 + 0 + 1.5 + 1.5 = 3; at 0.4: 0.4 + 0.4 + 1.6 + 1.4 = 3.8, at 0.6 3.8.
    assert rv.blend_weight(np.array([2.0, 2.0, 2.0, -1.0]), np.array([4.0, 4.0, 1.0, 1.0])) == pytest.approx(0.5)
    # nothing to tell the two apart (d = 0 everywhere): half each
    assert rv.blend_weight(np.array([1.0, -1.0]), np.zeros(2)) == 0.5


def test_the_accounts_weight_counts_each_past_week_once_not_each_asin_week():
    # 20 series, two past weeks at horizon 1, ours 110 in both. Week 0: actual 100, Amazon's 60:
    # e = -10, d = -50, e / d = 0.2 (weight |d| = 50). Week 1: actual 120, Amazon's 120: e = 10,
    # d = 10, e / d = 1 (weight 10). Pooled over the 40 ASIN-weeks (the rule before 2026-12-07)
    # the weighted median: 20 x 50 = 1,000 of 1,200 at 0.2, past half: 0.2, week 0 decides.
    # Week by week: 0.2 and 1, mean 0.6. All series alike: r_i = R, no tilt.
    n, t = 20, 2
    ours = np.full((n, t, cal.HORIZON), np.nan)
    amazon = np.full((n, t, cal.HORIZON), np.nan)
    ours[:, :, 0] = 110.0
    amazon[:, 0, 0], amazon[:, 1, 0] = 60.0, 120.0
    actual = np.tile([100.0, 120.0], (n, 1))
    assert rv.blend_weight(np.array([-10.0] * n + [10.0] * n), np.array([-50.0] * n + [10.0] * n)) == pytest.approx(0.2)
    w = rv.weights(ours, amazon, actual)
    assert w[:, 0] == pytest.approx(np.full(n, 0.6))
    # the thin buckets (no shared week) take the pooled weight: the same two weeks, 0.6
    assert w[:, 3] == pytest.approx(np.full(n, 0.6))


def test_season_cells_are_weeks_of_year_and_take_their_neighbours():
    # Wednesdays: 2026-01-07 (day 7 -> week 0, cell 0), 2026-11-25 (day 329 -> 328 // 7 = 46,
    # cell 46 // 4 = 11), 2026-12-30 (day 364 -> 51, cell 12).
    assert cal.week_of_year(["2026-01-04", "2026-11-22", "2026-12-27"]).tolist() == [0, 46, 51]
    assert cal.season_cell(["2026-01-04", "2026-11-22", "2026-12-27"]).tolist() == [0, 11, 12]
    # cell 11 is centred on week 45.5: week 51 is 5.5 away (in), week 39 6.5 (out); cell 0 on
    # 1.5: week 48 is 46.5 away, or 52 - 46.5 = 5.5 round the year end (in).
    assert cal._near(np.array([51, 39]), 11).tolist() == [True, False]
    assert cal._near(np.array([48, 10]), 0).tolist() == [True, False]


def test_blend_bands_narrow_by_the_blends_measured_error_ratio():
    # Past weeks 0..19 at horizon 1: actual 100, ours 104 (error 4), Amazon's 103 (error 3).
    # e = -4, d = -1: e / d = 4 everywhere, the weight clipped to 1; the blend = Amazon's 103
    # errs 3: ratio 3 / 4 = 0.75 in bucket 0, and (pooled) in the thin buckets.
    actual, ours, amazon = _past_at_horizon_1(ours_at=104.0, amazon_at=103.0)
    w = rv.weights(ours, amazon, actual)
    assert w[:, 0] == pytest.approx([1.0, 1.0])
    assert rv.spread_ratio(ours, amazon, actual, w) == pytest.approx([0.75] * 4)
    # P50 10 -> 0.2 x 10 + 0.8 x 20 = 18 (x 1.8); the bands' distances 1.8, 3.6, 7.2 halve.
    q = np.array([[[10.0]], [[11.0]], [[12.0]], [[14.0]]]).repeat(2, axis=1)
    mean = np.array([[20.0], [np.nan]])
    out, _ = rv.combine(q, mean, np.ones((2, 1), dtype=int), np.full((2, 4), 0.8), np.full(4, 0.5))
    assert out[:, 0, 0].tolist() == pytest.approx([18.0, 18.9, 19.8, 21.6])
    assert out[:, 1, 0].tolist() == [10.0, 11.0, 12.0, 14.0]


def test_season_cells_set_the_spread_and_the_year_sets_p50s_shift():
    # 100 series, F = 10, level 10, scale 2 -> d = 2, as above; z = e (cycling -1, 0, 1, 2) in
    # weeks of year 0..39 and e + 4 in weeks 40..51 (a Q4 the model under-forecasts). Weekly from
    # 2024-01-07 (week of year 1), 120 weeks: origins 59, 65, .., 107. Cell 11 takes weeks of year
    # 40..51, all shifted: its own quantiles are 4 + (0.5, 1, 2, 2) = 4.5, 5, 6, 6.
    # By horizon over the year, bucket h1-2 has 18 target weeks, 4 of them shifted (buckets h3-5,
    # h6-9, h10-13: 27/7, 36/9, 36/8). Sorted, the 100 x 18 errors hold 25 x 14 of each of
    # -1, 0, 1, 2 first: the 1s fill positions 700..1049, and the median's position 0.5 x 1799 =
    # 899.5 lies inside, so the yearly median is 1 (likewise 1 in the other buckets: 1349.5 in
    # 1000..1499, 1799.5 in 1350..2024, 1799.5 in 1400..2099).
    # Cell 11 keeps its spread (4.5, 5, 6, 6) - 4.5 = (0, 0.5, 1.5, 1.5) around the yearly 1.
    n, t = 100, 120
    e = np.tile([-1.0, 0.0, 1.0, 2.0], 25)
    weeks = [(dt.date(2024, 1, 7) + dt.timedelta(weeks=k)).isoformat() for k in range(t)]
    shifted = cal.week_of_year(weeks) >= 40
    actual = 10.0 + 2.0 * (e[:, None] + 4.0 * shifted[None, :])

    def at(o):
        return np.full((n, cal.HORIZON), 10.0), np.full(n, 10.0)

    z = cal.calibrate(at, actual, weeks, np.full(n, 2.0), np.zeros(n, bool))
    for bi in range(len(cal.BUCKETS)):
        assert z[0, 11, bi] == pytest.approx([1.0, 1.5, 2.5, 2.5])


def _two_groups(even: tuple[tuple[float, float], tuple[float, float]],
                odd: tuple[tuple[float, float], tuple[float, float]]):
    """Ten series (five per group), past weeks 0..19 at horizon 1, actual 100; ``even`` /
    ``odd`` give per group (our error, Amazon's error) in the even / odd weeks (ours above)."""
    n, t = 10, 20
    ours = np.full((n, t, cal.HORIZON), np.nan)
    amazon = np.full((n, t, cal.HORIZON), np.nan)
    for g in (0, 1):
        rows = slice(5 * g, 5 * g + 5)
        for parity, errs in ((0, even[g]), (1, odd[g])):
            ours[rows, parity::2, 0] = 100 + errs[0]
            amazon[rows, parity::2, 0] = 100 + errs[1]
    return np.full((n, t), 100.0), ours, amazon


def test_an_asins_own_record_counts_as_much_as_its_halves_agree():
    # Group A: ours errs +2, Amazon's +1 in every week (e = -2, d = -1: e / d = 2, weight 1);
    # group B ours +1, Amazon's +2 (e = -1, d = 1: e / d = -1, weight 1). 100 weeks of each:
    # the weights reach half exactly at -1, every w in [-1, 2] errs 300 in all, the middle 0.5
    # is the account's weight. R = (5 x 20 x 1 + 5 x 20 x 2) / (5 x 20 x 2 + 5 x 20 x 1) = 1;
    # r_A = 1 / 2, r_B = 2. Even and odd weeks give the same log ratio (-ln 2 or +ln 2):
    # var(x0 - x1) = 0, tau^2 = cov = (ln 2)^2 > 0, so k = 0 and lam = 1: odds 1 x (1/2)^-2 = 4
    # for A, w_A = 4 / 5 = 0.8, and 1 x 2^-2 = 1/4 for B, w_B = 0.25 / 1.25 = 0.2.
    actual, ours, amazon = _two_groups(even=((2, 1), (1, 2)), odd=((2, 1), (1, 2)))
    w = rv.weights(ours, amazon, actual)
    assert w[:5, 0] == pytest.approx([0.8] * 5) and w[5:, 0] == pytest.approx([0.2] * 5)
    # Halves that disagree: A errs (ours 4, Amazon's 2) in even weeks and (1, 2) in odd ones,
    # x0 = -ln 2, x1 = +ln 2; B (1, 2) then (1, 0.5): x0 = +ln 2, x1 = -ln 2. cov(x0, x1) =
    # -(ln 2)^2 < 0: no real difference, lam = 0, every ASIN the account's weight. e / d:
    # A even -4 / -2 = 2 (weight 2), A odd -1 / 1 = -1 (1), B even -1 (1), B odd -1 / -0.5 = 2
    # (0.5); pooled over 50 weeks each (before 2026-12-07): -1 weighs 100, 2 weighs 125 of 225:
    # the median 2, clipped to 1. Week by week (rival.week_weight): an even week has 5 x 1 = 5 at
    # -1 and 5 x 2 = 10 at 2 of 15, median 2 -> 1; an odd week 5 at -1 and 5 x 0.5 = 2.5 at 2 of
    # 7.5, median -1 -> 0; the mean over the weeks 0.5. Amazon's alone errs 50 x (2 + 2 + 2 +
    # 0.5) = 325, ours 50 x (4 + 1 + 1 + 1) = 350, the half-half blend 50 x (3 + 1.5 + 1.5 +
    # 0.75) = 337.5: on its own record the week-by-week weight errs 12.5 more (the price of
    # counting each week once).
    actual, ours, amazon = _two_groups(even=((4, 2), (1, 2)), odd=((1, 2), (1, 0.5)))
    assert rv.asin_shrink(*_errors(ours, amazon, actual)) == float("inf")
    w = rv.weights(ours, amazon, actual)
    assert w[:, 0] == pytest.approx([0.5] * 10)


def _errors(ours, amazon, actual):
    o, a = rv.to_buckets(ours), rv.to_buckets(amazon)
    shared = ~np.isnan(o) & ~np.isnan(a) & ~np.isnan(actual)[:, :, None]
    return (np.where(shared, np.abs(o - actual[:, :, None]), 0.0), np.where(shared, np.abs(a - actual[:, :, None]), 0.0),
            shared)


def test_the_asin_shrink_is_noise_over_signal_per_week():
    # Ten series, 20 weeks each: five with half log ratios (x0, x1) = (-1, -0.5) ... built so the
    # arithmetic is short: A: even (ours e^1, Amazon's 1) -> x0 = -1; odd (e^0.5, 1) -> x1 = -0.5.
    # B: even (1, e^1) -> +1; odd (1, e^0.5) -> +0.5. Means 0; cov = (1 x 0.5 + 1 x 0.5) / 2 =
    # 0.5; x0 - x1 = -0.5 (A), +0.5 (B): variance 0.25. n = 20 per ASIN: s^2 = 20 x 0.25 / 4 =
    # 1.25, k = 1.25 / 0.5 = 2.5 weeks (lam = 20 / 22.5 for each ASIN).
    e = float(np.exp(1.0))
    h = float(np.exp(0.5))
    actual, ours, amazon = _two_groups(even=((e, 1), (1, e)), odd=((h, 1), (1, h)))
    assert rv.asin_shrink(*_errors(ours, amazon, actual)) == pytest.approx(2.5)
    # too few series for the split (fewer than MIN_SPLIT = 10): the fixed SHRINK_WEEKS
    eo, ea, shared = _errors(ours, amazon, actual)
    assert rv.asin_shrink(eo[:9], ea[:9], shared[:9]) == rv.SHRINK_WEEKS


def test_our_past_forecasts_against_amazons_choose_their_models_without_the_weeks_they_score(monkeypatch):
    # 60 weeks from 2024-01-07; Amazon made a forecast every week from week 50 (2024-12-22) on,
    # for 1..13 weeks ahead. Its first forecast target is week 51: the weekly origins run from
    # max(51 - 13 + 1, 60 - 13, 8) = 47 to 59 (rival.extra_origins; 47 is a calibration origin
    # as well, forecast again). Our models for them must be chosen on weeks 0..46 only: select runs once on the whole history (the forecast) and
    # once on its first 47 weeks; with the full history's choice our past forecasts had seen
    # the weeks they are scored on.
    import pandas as pd

    from vendordesk.core.forecast import backtest as bt
    from vendordesk.core.forecast import run as fr

    n, t = 3, 60
    weeks = [(dt.date(2024, 1, 7) + dt.timedelta(weeks=k)).isoformat() for k in range(t)]
    rng = np.random.default_rng(1)
    demand = 20 + rng.poisson(5.0, (n, t)).astype(float)
    rows = [(a, weeks[g], (dt.date.fromisoformat(weeks[g]) + dt.timedelta(weeks=k)).isoformat(), 22.0)
            for a in ("A", "B", "C") for g in range(50, t) for k in range(1, 14)]
    amazon = pd.DataFrame(rows, columns=["asin", "generation_date", "week_start", "mean_units"])
    seen: list[int] = []
    real = bt.select

    def spy(Y, *args, **kwargs):
        seen.append(Y.shape[1])
        return real(Y, *args, **kwargs)

    monkeypatch.setattr(bt, "select", spy)
    fr.fit_forecast(demand, 4, weeks=weeks, amazon=amazon, asins=["A", "B", "C"])
    assert seen == [60, 47]


def test_blend_bands_narrow_from_the_spread_they_were_calibrated_on():
    # Past weeks 0..19 at horizon 1, actual 100: our forecasts as calibrated 105 (error 5), ours
    # with models chosen without the scored weeks 104 (4), Amazon's 103 (3); weight 0.5. The
    # blend 0.5 x 104 + 0.5 x 103 = 103.5 errs 3.5: against the calibrated error 3.5 / 5 = 0.7
    # (the bands were measured on that); without ``calibrated`` 3.5 / 4 = 0.875.
    actual, ours, amazon = _past_at_horizon_1(ours_at=104.0, amazon_at=103.0)
    _, calibrated, _ = _past_at_horizon_1(ours_at=105.0, amazon_at=103.0)
    w = np.full((2, 4), 0.5)
    assert rv.spread_ratio(ours, amazon, actual, w, calibrated) == pytest.approx([0.7] * 4)
    assert rv.spread_ratio(ours, amazon, actual, w) == pytest.approx([0.875] * 4)


def test_bucketed_inputs_give_the_same_weights_and_spread_as_raw_ones():
    # the forecast buckets its (series, weeks, 13) arrays as soon as they are made (memory);
    # weights and spread must not change by it
    rng = np.random.default_rng(5)
    n, t = 6, 40
    actual = rng.gamma(5.0, 20.0, (n, t))
    ours = actual[:, :, None] * rng.lognormal(0.0, 0.2, (n, t, rv.HORIZON))
    amazon = actual[:, :, None] * rng.lognormal(0.0, 0.15, (n, t, rv.HORIZON))
    calibrated = actual[:, :, None] * rng.lognormal(0.0, 0.25, (n, t, rv.HORIZON))
    ours[:, :10] = np.nan                                        # weeks before any origin
    amazon[::2, :, 5:] = np.nan                                  # Amazon missing at long horizons
    w = rv.weights(ours, amazon, actual)
    ob, ab, cb = rv.to_buckets(ours), rv.to_buckets(amazon), rv.to_buckets(calibrated)
    assert np.array_equal(rv.weights(ob, ab, actual, bucketed=True), w)
    assert np.array_equal(rv.spread_ratio(ob, ab, actual, w, cb, bucketed=True),
                          rv.spread_ratio(ours, amazon, actual, w, calibrated))
    assert w.any()                                               # Amazon's weight is not all zero


def test_whose_forecast_was_better_is_the_error_ratio_even_where_the_blend_takes_amazons():
    # Group A: ours errs +4, Amazon's +2 (e / d = -4 / -2 = 2, weight 2); group B: ours +1,
    # Amazon's +2 (e / d = -1 / 1 = -1, weight 1), every week, 5 series x 20 weeks each. The
    # weights: 2 x 100 = 200 at 2, 100 at -1 of 300: the median is 2, clipped: w = 1 for the
    # account, so every series takes Amazon's (the odds' tilt cannot move a weight of 1).
    # Whose was better: R = (100 x 2 + 100 x 2) / (100 x 4 + 100 x 1) = 0.8; r_A = 2 / 4 = 0.5,
    # r_B = 2 / 1 = 2; the halves agree (k = 0, lam = 1): rho_A = 0.8 x 0.5 / 0.8 = 0.5 (Amazon's
    # better), rho_B = 0.8 x 2 / 0.8 = 2 (ours better), in every bucket (the thin ones take R).
    actual, ours, amazon = _two_groups(even=((4, 2), (1, 2)), odd=((4, 2), (1, 2)))
    assert rv.weights(ours, amazon, actual)[:, 0] == pytest.approx([1.0] * 10)
    rho = rv.error_ratio(ours, amazon, actual)
    assert rho[:5] == pytest.approx(np.full((5, 4), 0.5)) and rho[5:] == pytest.approx(np.full((5, 4), 2.0))
    # an ASIN without a shared week has no record: NaN ("" in the window)
    ours[9] = np.nan
    assert np.isnan(rv.error_ratio(ours, amazon, actual)[9]).all()


def test_without_a_record_amazons_weight_is_the_equal_one():
    # Two series, past weeks 0..19 with forecasts at horizon 1 only in weeks 0..6: 2 x 7 = 14
    # shared ASIN-weeks, under MIN_SHARED (30): nothing says whose forecast errs less, so the
    # blend is the two forecasts' mean, weight 0.5 in every bucket (it was 0: ours alone).
    actual, ours, amazon = _past_at_horizon_1(ours_at=102.0, amazon_at=101.0)
    ours[:, 7:, 0] = np.nan
    assert rv.weights(ours, amazon, actual).tolist() == [[0.5] * 4, [0.5] * 4]
    # and no one is named better (rival.error_ratio stays unknown)
    assert np.isnan(rv.error_ratio(ours, amazon, actual)).all()
    # next week: ours P50 10 (P90 14), Amazon's mean 20 -> 0.5 x 10 + 0.5 x 20 = 15, bands x 1.5
    q = np.array([[[10.0]], [[11.0]], [[12.0]], [[14.0]]])
    out, source = rv.combine(q, np.array([[20.0]]), np.ones((1, 1), dtype=int), np.full((1, 4), 0.5))
    assert out[:, 0, 0].tolist() == pytest.approx([15.0, 16.5, 18.0, 21.0]) and source == ["combined"]
