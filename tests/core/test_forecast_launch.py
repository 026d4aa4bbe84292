"""Launch analogues by kind: brand, category and price band (core.forecast.launch)."""

import numpy as np
import pandas as pd
import pytest

from vendordesk.core.forecast.launch import analogue_groups, launch_forecast


def test_groups_carry_brand_category_and_price_band():
    # bands = floor(ln ASP / ln 1.6): ln 20 / ln 1.6 = 2.996 / 0.470 = 6.37 -> 6;
    # ln 30 / 0.470 = 7.24 -> 7; an ASIN without sales (ASP NaN) has no band; one missing -> all None.
    frame = pd.DataFrame({"asin": ["A", "B", "C"], "brand": ["X", "X", None],
                          "category": ["Toaster", "Toaster", "Kettle"], "asp": [20.0, 30.0, np.nan]})
    assert analogue_groups(["A", "B", "C", "D"], frame) == [
        ("X", "Toaster", 6), ("X", "Toaster", 7), (None, "Kettle", None), (None, None, None)]
    assert analogue_groups(["A"], None) is None


def _launched(t: int, start: int, values) -> np.ndarray:
    row = np.full(t, np.nan)
    row[start:start + len(values)] = values
    return row


def test_a_launch_borrows_from_its_own_kind_before_all_launches():
    # Two toasters of band 6 doubled after their first 4 weeks (10 -> 20); two kettles of band 9
    # tripled (10 -> 30). The new toaster N sold 10 a week in its 4 weeks (age 4, h = 2: ages
    # 0..5). Toasters alone: curves [10 x 4, 20, 20], size = mean 80 / 6 = 13.33, shape =
    # [0.75 x 4, 1.5, 1.5] (sums to 6, so the size stays). No spread between them: the prior
    # variance is its floor (m / 4)^2 = 11.11, m / v = 1.2, m^2 / v = 16. Exposure of N's weeks
    # 4 x 0.75 = 3 (the floor 0.5 x median 0.75 does not bind): S = (16 + 40) / (1.2 + 3) =
    # 13.33 -> 13.33 x 1.5 = 20 (its first weeks matched the toasters', so it follows them).
    t = 30
    toaster = _launched(t, 5, [10] * 4 + [20] * 21)
    kettle = _launched(t, 5, [10] * 4 + [30] * 21)
    new = _launched(t, 26, [10] * 4)
    Y = np.vstack([toaster, toaster, kettle, kettle, new])
    kinds = [("X", "Toaster", 6)] * 2 + [("X", "Kettle", 9)] * 2 + [("X", "Toaster", 6)]
    rows, F = launch_forecast(Y, 2, kinds)
    assert rows.tolist() == [False] * 4 + [True]
    assert F[4].tolist() == pytest.approx([20.0, 20.0])
    # Without kinds all four: ratios toaster 0.75 / 1.5, kettle (size 100 / 6 = 16.67) 0.6 / 1.8;
    # medians 0.675 (ages 0-3) and 1.65 (ages 4-5), sum 6 again. m = median size 15, MAD
    # 1.67 x 1.4826 = 2.47 (squared 6.1) < floor 15^2 / 16 = 14.06: m / v = 16 / 15, m^2 / v = 16.
    # S = (16 + 40) / (16 / 15 + 4 x 0.675) = 56 / 3.7667 = 14.867 -> x 1.65 = 24.53.
    _, F = launch_forecast(Y, 2, None)
    assert F[4].tolist() == pytest.approx([56 / (16 / 15 + 2.7) * 1.65] * 2)
    assert F[4, 0] == pytest.approx(24.531, abs=1e-3)
    # a kind with only one analogue is too few: the next wider level (category) is used
    kinds[1] = ("Y", "Toaster", 6)
    _, F = launch_forecast(Y, 2, kinds)
    assert F[4].tolist() == pytest.approx([20.0, 20.0])


def test_a_launch_whose_first_weeks_were_stock_outs_gets_its_analogues_size_not_zero():
    # Analogue A listed in week 2: 10, 20, 30, 40, 40 at ages 0..4 (size 140 / 5 = 28, shape
    # C / 28, prior variance floor 7^2 = 49: m / v = 4 / 7, m^2 / v = 16). N was listed in week
    # 18, both its weeks excluded (NaN demand): no evidence, S = 16 / (4 / 7) = 28, the
    # analogue's size: ages 2..4 -> 28 x (30, 40, 40) / 28 = 30, 40, 40.
    from vendordesk.core.forecast.launch import launch_fit, launch_quantiles

    t = 20
    A = _launched(t, 2, [10, 20, 30] + [40] * 15)
    N = np.full(t, np.nan)
    listed = np.array([2, 18])
    rows, F, sigma = launch_fit(np.vstack([A, N]), 3, None, listed)
    assert rows.tolist() == [False, True]
    assert F[1].tolist() == pytest.approx([30.0, 40.0, 40.0])
    # sigma^2 = ln(1 + 1 / 16) + r^2, r = 0 (A fits its own shape exactly): ln(17 / 16)
    assert sigma[1] == pytest.approx(np.sqrt(np.log(17 / 16)))
    # without ``listed`` N has no week at all: not a launch (the zero fallback applies)
    assert not launch_fit(np.vstack([A, N]), 3)[0].any()
    # lognormal bands around the mean F = 10 with sigma 0.5: P50 = 10 x exp(-0.125) = 8.825,
    # P90 = 8.825 x exp(1.2816 x 0.5) = 8.825 x 1.898 = 16.75
    q = launch_quantiles(np.array([[10.0]]), np.array([0.5]))
    assert q[0, 0, 0] == pytest.approx(10 * np.exp(-0.125))
    assert q[3, 0, 0] == pytest.approx(10 * np.exp(-0.125 + 1.2816 * 0.5))
    assert q[3, 0, 0] == pytest.approx(16.75, abs=0.01)


def test_the_forecast_never_gives_a_stocked_out_launch_zero():
    # Two analogues listed in week 5 sell 10 a week; N was listed in week 28 and was out of
    # stock in both its weeks (OOS rate 1: excluded). Ages 0..3 of the analogues: shape 1, size
    # 10, prior variance (10 / 4)^2 = 6.25: N's size 16 / (10 / 6.25) = 10, mean 10 a week;
    # P50 = 10 x exp(-sigma^2 / 2), sigma^2 = ln(1 + 1 / 16): 10 x sqrt(16 / 17) = 9.70.
    from vendordesk.core.forecast.clean import clean, week_grid
    from vendordesk.core.forecast.run import forecast_panel

    t = 30
    weeks = week_grid("2001-01-07", "2002-01-01")[:t]
    units = np.vstack([_launched(t, 5, [10.0] * 25), _launched(t, 5, [10.0] * 25), _launched(t, 28, [0.0, 0.0])])
    oos = np.zeros((3, t))
    oos[2, 28:] = 1.0
    res = forecast_panel(clean(["A", "B", "N"], weeks, units, oos), 2)
    assert res.model[2] == "launch_analogues"
    assert res.q[0, 2].tolist() == pytest.approx([10 * np.sqrt(16 / 17)] * 2, rel=1e-3)


def _flat(t: int, start: int, value: float) -> np.ndarray:
    return _launched(t, start, [value] * (t - start))


def test_the_first_launch_of_the_panel_borrows_its_size_from_the_established_asins_of_its_kind():
    # No older launch to learn a curve from (before 2026-12-07: the zero or mean fallback, WAPE
    # 1.0 on such demo launches). Five established ASINs sell 10, 20, 20, 20, 40 every week: their
    # log levels have median ln 20 and robust spread 1.4826 x median(ln 2, 0, 0, 0, ln 2) = 0, so
    # the prior is m = 20 x exp(0 / 2) = 20 with the variance floor v = (20 / 4)^2 = 25 (m / v =
    # 0.8, m^2 / v = 16); no week-to-week change: dispersion phi = max(0, 1) = 1, noise r = 0.
    # N (age 2) sold 12 in its second week: S = (16 + 12 / 1) / (0.8 + 1 / 1) = 28 / 1.8 = 15.56,
    # flat; sigma^2 = ln(1 + 1 / 28) + 0.
    from vendordesk.core.forecast.launch import launch_fit

    t = 20
    Y = np.vstack([_flat(t, 0, v) for v in (10, 20, 20, 20, 40)] + [_launched(t, 18, [np.nan, 12])])
    listed = np.array([0] * 5 + [18])
    rows, F, sigma = launch_fit(Y, 3, None, listed, ramp_weeks=0)
    assert rows.tolist() == [False] * 5 + [True]
    assert F[5].tolist() == pytest.approx([28 / 1.8] * 3)
    assert sigma[5] == pytest.approx(np.sqrt(np.log(29 / 28)))
    # nothing seen yet (both weeks stock-outs): S = 16 / 0.8 = 20, the kind's median, not 0
    Y[5, 19] = np.nan
    rows, F, _ = launch_fit(Y, 3, None, listed, ramp_weeks=0)
    assert rows[5] and F[5].tolist() == pytest.approx([20.0] * 3)


def test_a_launch_in_a_noisy_kind_weighs_its_first_weeks_less():
    # Five established ASINs sell 10, 30, 10, 30, ... over their last 12 weeks (the 13th back
    # is missing): level 240 / 12 = 20 each, tau = 0, prior as above (m = 20, v = 25). Each of
    # the 11 week-to-week steps is 20: phi = (11 x 20^2 / 2) / (20 x 11) = 2200 / 220 = 10 per
    # ASIN, pooled 10. N's 12 units count as 12 / 10: S = (16 + 1.2) / (0.8 + 1 / 10) = 17.2 /
    # 0.9 = 19.11 (with phi = 1 it was 15.56: a noisy kind's single week says less).
    from vendordesk.core.forecast.launch import launch_fit

    t = 20
    rows = []
    for _ in range(5):
        y = np.full(t, 20.0)
        y[t - 13] = np.nan
        y[t - 12:] = [10, 30] * 6
        rows.append(y)
    Y = np.vstack(rows + [_launched(t, 18, [np.nan, 12])])
    launch, F, _ = launch_fit(Y, 2, None, np.array([0] * 5 + [18]), ramp_weeks=0)
    assert launch[5]
    assert F[5].tolist() == pytest.approx([17.2 / 0.9] * 2)


def test_few_launch_analogues_are_pooled_with_the_kind_in_logs():
    # One analogue A (listed in week 20, age 10: not yet established) sold 10 a week: its shape
    # is flat (held end 1), its size 10. Five established ASINs sell 40 a week (log median
    # ln 40, spread 0). N (listed week 28) has no observed week. Prior in logs: (1 x ln 10 +
    # KIND_WEIGHT 2 x ln(40 / 1)) / 3 = ln (10 x 40 x 40)^(1/3) = ln 25.20, spread 0: m =
    # 25.20, v = (m / 4)^2, S = m^2 / v / (m / v) = m. Without the established ASINs: A's 10.
    # The kind's own prior (kind_prior, flat here: ramp_weeks=0) says 40 with no evidence
    # against it, and the forecast is the mean of the two: (25.20 + 40) / 2 = 32.60.
    from vendordesk.core.forecast.launch import KIND_WEIGHT, launch_fit

    assert KIND_WEIGHT == 2.0
    t = 30
    est = [_flat(t, 0, 40.0) for _ in range(5)]
    A = _flat(t, 20, 10.0)
    N = np.full(t, np.nan)
    rows, F, _ = launch_fit(np.vstack(est + [A, N]), 3, None, np.array([0] * 5 + [20, 28]), ramp_weeks=0)
    assert rows.tolist() == [False] * 6 + [True]
    assert F[6].tolist() == pytest.approx([(16000 ** (1 / 3) + 40) / 2] * 3)
    assert F[6, 0] == pytest.approx(32.599, abs=1e-3)
    rows, F, _ = launch_fit(np.vstack([A, N]), 3, None, np.array([20, 28]))
    assert F[1].tolist() == pytest.approx([10.0] * 3)


def test_a_launch_whose_sales_are_censored_is_sized_by_its_glance_views():
    # Five established ASINs sell 20 a week from 200 glance views: conversion 0.1 each, log
    # spread 0, so its gamma prior has shape 1 / max(exp(0) - 1, 1 / 16) = 16 (the floor, as
    # for the size). Size prior as in the kind test above: m = 20, v = 25 (m / v = 0.8, m^2 /
    # v = 16), phi = 1, r = 0. N (listed week 18) was out of stock in both its weeks (demand
    # NaN) while 400 people a week looked at it: implied demand 0.1 x 400 = 40 a week, sum 80.
    # The conversion is the kind's, not N's own: the 80 count with weight 1 / (phi + 80 / 16)
    # = 1 / 6. S = (16 + 80 / 6) / (0.8 + 2 / 6) = (88 / 3) / (3.4 / 3) = 25.88 (without
    # glance views 20, the kind's median: sales alone cannot tell a big launch from a small one).
    from vendordesk.core.forecast.launch import launch_fit

    t = 20
    Y = np.vstack([_flat(t, 0, 20.0) for _ in range(5)] + [np.full(t, np.nan)])
    G = np.vstack([_flat(t, 0, 200.0) for _ in range(5)] + [_launched(t, 18, [400.0, 400.0])])
    listed = np.array([0] * 5 + [18])
    rows, F, sigma = launch_fit(Y, 3, None, listed, glance=G, ramp_weeks=0)
    assert rows[5]
    assert F[5].tolist() == pytest.approx([88 / 3.4] * 3)
    assert F[5, 0] == pytest.approx(25.882, abs=1e-3)
    assert sigma[5] == pytest.approx(np.sqrt(np.log1p(3 / 88)))
    assert launch_fit(Y, 3, None, listed, ramp_weeks=0)[1][5].tolist() == pytest.approx([20.0] * 3)
    # Once N sold in a week its sales scale it, not its stock-out week's traffic (a stock-out
    # lowers the traffic too): 12 in its second week gives S = (16 + 12) / (0.8 + 1) = 15.56,
    # with or without the 400 views of its first week.
    Y[5, 19], G[5, 19] = 12.0, 100.0
    assert launch_fit(Y, 3, None, listed, glance=G, ramp_weeks=0)[1][5].tolist() == pytest.approx([28 / 1.8] * 3)
    # without established ASINs with glance views there is no conversion to imply demand by
    Y[5, 19] = np.nan
    G[:5] = np.nan
    assert launch_fit(Y, 3, None, listed, glance=G, ramp_weeks=0)[1][5].tolist() == pytest.approx([20.0] * 3)


def test_a_stocked_out_launch_scales_its_analogues_curve_by_its_glance_views():
    # Kind as above (conversion 0.1, shape 16; level 20). Analogue A (listed week 6, age 14:
    # not yet established) sold 10 a week: over ages 0..4 (N's age 2 + h 3) its curve is flat,
    # size 10, shape 1. Prior pooled with the kind (KIND_WEIGHT 2, the kind's level read as the
    # held end 1): mu = (ln 10 + 2 x ln 20) / 3 = ln 4000^(1/3) = ln 15.874, tau = 0: m =
    # 15.874, v = (m / 4)^2 (m / v = 16 / m = 1.00794, m^2 / v = 16); phi = 1, r = 0. N (listed
    # week 18) was out of stock with 200 and 400 views: implied 20 and 40 (sum 60), weight
    # 1 / (1 + 60 / 16) = 4 / 19; exposure 1 + 1. S = (16 + 60 x 4 / 19) / (1.00794 + 2 x 4 /
    # 19) = 28.632 / 1.4290 = 20.04 (without its views 15.87, the prior's mean).
    # The kind's own prior (flat: ramp_weeks=0; m = 20, m / v = 0.8, m^2 / v = 16) with the same
    # implied weeks: (16 + 60 x 4 / 19) / (0.8 + 8 / 19) = 28.632 / 1.2211 = 23.448; the
    # forecast is the mean of the two, (20.036 + 23.448) / 2 = 21.742 (without views (15.87 + 20) / 2).
    from vendordesk.core.forecast.launch import launch_fit

    t = 20
    Y = np.vstack([_flat(t, 0, 20.0) for _ in range(5)] + [_flat(t, 6, 10.0), np.full(t, np.nan)])
    G = np.vstack([_flat(t, 0, 200.0) for _ in range(5)] + [_flat(t, 6, 100.0), _launched(t, 18, [200.0, 400.0])])
    listed = np.array([0] * 5 + [6, 18])
    rows, F, _ = launch_fit(Y, 3, None, listed, glance=G, ramp_weeks=0)
    assert rows.tolist() == [False] * 6 + [True]
    m = 4000 ** (1 / 3)
    curve, kind = (16 + 60 * 4 / 19) / (16 / m + 8 / 19), (16 + 60 * 4 / 19) / (0.8 + 8 / 19)
    assert F[6].tolist() == pytest.approx([(curve + kind) / 2] * 3)
    assert F[6, 0] == pytest.approx(21.742, abs=1e-3)
    assert launch_fit(Y, 3, None, listed, ramp_weeks=0)[1][6].tolist() == pytest.approx([(m + 20) / 2] * 3)


def test_the_first_launch_of_the_panel_ramps_up_to_its_kinds_level():
    # The kind test above without a flat shape: a launch ramps, ramp(k) = 1 - exp(-(k + 1) / 3)
    # at age k (RAMP_WEEKS 3), and the kind's level (m = 20, m / v = 0.8, m^2 / v = 16, phi = 1,
    # r = 0) is where the ramp ends. N's 12 units came at age 1, ramp 1 - exp(-2 / 3) = 0.486583:
    # S = (16 + 12) / (0.8 + 0.486583) = 28 / 1.286583 = 21.763; forecast at ages 2, 3, 4:
    # 21.763 x (1 - exp(-1), 1 - exp(-4 / 3), 1 - exp(-5 / 3)) = 21.763 x (0.632121, 0.736403,
    # 0.811124) = 13.757, 16.026, 17.653. Flat (before 2026-12-07) it was 15.56 every week: its
    # first week, at half its level, read as the level.
    from vendordesk.core.forecast.launch import RAMP_WEEKS, launch_fit

    assert RAMP_WEEKS == 3.0
    t = 20
    Y = np.vstack([_flat(t, 0, v) for v in (10, 20, 20, 20, 40)] + [_launched(t, 18, [np.nan, 12])])
    rows, F, sigma = launch_fit(Y, 3, None, np.array([0] * 5 + [18]))
    assert rows[5]
    S = 28 / (0.8 + 1 - np.exp(-2 / 3))
    assert round(S, 3) == 21.763
    assert F[5].tolist() == pytest.approx([S * (1 - np.exp(-k / 3)) for k in (3, 4, 5)])
    assert F[5].tolist() == pytest.approx([13.757, 16.026, 17.653], abs=1e-3)
    assert sigma[5] == pytest.approx(np.sqrt(np.log(29 / 28)))


def test_an_analogue_curve_continues_its_ramp_past_the_analogues_data():
    # One analogue A (listed week 16, age 4) sold 10 in each of its 4 weeks; no established ASINs
    # (no kind). N (listed week 18, age 2, both weeks stock-outs) needs ages 2..5 (h = 4). A's
    # shape at ages 0..3 is 1 (size 10); at ages 4 and 5, past A's data, it continues the ramp
    # from age 3: ramp(4) / ramp(3) = (1 - exp(-5 / 3)) / (1 - exp(-4 / 3)) = 0.811124 /
    # 0.736403 = 1.10147 and ramp(5) / ramp(3) = 0.864665 / 0.736403 = 1.17417. Prior m = 10,
    # v = (10 / 4)^2, no evidence: S = 10, so 10, 10, 11.015, 11.742. Before 2026-12-07 A's last
    # week was held: 10 for ever, a launch 4 weeks old passing on its ramp as the level.
    from vendordesk.core.forecast.launch import launch_fit

    t = 20
    Y = np.vstack([_launched(t, 16, [10.0] * 4), np.full(t, np.nan)])
    rows, F, _ = launch_fit(Y, 4, None, np.array([16, 18]))
    assert rows.tolist() == [False, True]
    grow = [(1 - np.exp(-5 / 3)) / (1 - np.exp(-4 / 3)), (1 - np.exp(-2)) / (1 - np.exp(-4 / 3))]
    assert F[1].tolist() == pytest.approx([10.0, 10.0, 10 * grow[0], 10 * grow[1]])
    assert F[1].tolist() == pytest.approx([10.0, 10.0, 11.015, 11.742], abs=1e-3)
    # held flat with ramp_weeks=0
    assert launch_fit(Y, 4, None, np.array([16, 18]), ramp_weeks=0)[1][1].tolist() == pytest.approx([10.0] * 4)


def test_a_launch_follows_the_panels_season():
    # 60 weeks; five established ASINs, identical, with a season by position b = (week - 8) mod
    # 52 in the year block of weeks 8..59: 30 a week for b < 10 and b >= 30 (32 weeks), 10 for
    # 10 <= b < 30 (20 weeks). Block mean (32 x 30 + 20 x 10) / 52 = 1160 / 52 = 22.3077; their
    # index (models.seasonal_index; no spread between them, so the pooled one) is 30 / 22.3077 =
    # 39 / 29 in the high weeks (away from the steps the +-2 smoothing keeps it). Deseasonalised
    # they sell 22.3077 every week: the kind's level m = 22.3077, m / v = 16 / m = 0.717241,
    # m^2 / v = 16, phi = 1, r = 0. N (listed week 58, b = 50) has no full year: the pooled
    # index shrunk by 0.9, 1 + 0.9 x (39 / 29 - 1) = 38 / 29 = 1.310345 in the high weeks. Its 12
    # units at age 1 (b = 51) are 12 / 1.310345 = 9.157895 deseasonalised:
    # S = (16 + 9.157895) / (0.717241 + 0.486583) = 25.157895 / 1.203824 = 20.898; the forecast
    # weeks 60..62 (b = 0..2, high) at ages 2..4: 20.898 x 1.310345 x (0.632121, 0.736403,
    # 0.811124) = 17.310, 20.166, 22.212. Before 2026-12-07 launches ignored the season: the
    # kind's level was its raw 30 of the high weeks and the forecast carried no season.
    from vendordesk.core.forecast.launch import launch_fit

    t = 60
    b = (np.arange(t) - 8) % 52
    season = np.where((b < 10) | (b >= 30), 30.0, 10.0)
    Y = np.vstack([season] * 5 + [_launched(t, 58, [np.nan, 12])])
    rows, F, _ = launch_fit(Y, 3, None, np.array([0] * 5 + [58]))
    assert rows.tolist() == [False] * 5 + [True]
    m = 1160 / 52
    S = (16 + 12 * 29 / 38) / (16 / m + 1 - np.exp(-2 / 3))
    assert round(S, 3) == 20.898
    assert F[5].tolist() == pytest.approx([S * 38 / 29 * (1 - np.exp(-k / 3)) for k in (3, 4, 5)])
    assert F[5].tolist() == pytest.approx([17.310, 20.166, 22.212], abs=1e-3)


def test_same_kind_by_codes_picks_what_comparing_the_tuples_picks():
    # The coded look-up (kinds_of) against the rule written out: a level's keys all equal, a None
    # key of the launch skips the level, NaN equals nothing, a non-tuple group never matches.
    from vendordesk.core.forecast.launch import LEVELS, _same_kind, kinds_of

    rng = np.random.default_rng(3)
    brands, categories, bands = ["X", "Y", None], ["Toaster", "Kettle", None], [6, 7, 7.0, None, float("nan")]
    groups = [(brands[rng.integers(3)], categories[rng.integers(3)], bands[rng.integers(5)]) for _ in range(300)]
    groups[5] = None
    kinds = kinds_of(groups)
    for i in range(0, 300, 7):
        if not isinstance(groups[i], tuple):
            continue
        pool = [a for a in range(300) if a != i and rng.random() < 0.8]
        me = groups[i]
        want = [[a for a in pool if isinstance(groups[a], tuple) and all(groups[a][k] == me[k] for k in keys)]
                for keys in LEVELS if all(me[k] is not None for k in keys)]
        assert _same_kind(pool, kinds, i) == want
        assert _same_kind(pool, groups, i) == want       # a plain list is coded on the way
    assert _same_kind([0, 1], None, 0) == []
