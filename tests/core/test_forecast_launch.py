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
