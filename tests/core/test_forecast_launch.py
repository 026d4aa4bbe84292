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
    # tripled (10 -> 30). The new toaster N sold 10 a week in its 4 weeks: from its own kind
    # the scaled curve is 20 / 10 = 2 -> 20, the toasters' own units 20; weight 4 / (4 + 2) on
    # the scaled one: 2/3 x 20 + 1/3 x 20 = 20 (all launches would give 25: the median of 2, 2, 3, 3).
    t = 30
    toaster = _launched(t, 5, [10] * 4 + [20] * 21)
    kettle = _launched(t, 5, [10] * 4 + [30] * 21)
    new = _launched(t, 26, [10] * 4)
    Y = np.vstack([toaster, toaster, kettle, kettle, new])
    kinds = [("X", "Toaster", 6)] * 2 + [("X", "Kettle", 9)] * 2 + [("X", "Toaster", 6)]
    rows, F = launch_forecast(Y, 2, kinds)
    assert rows.tolist() == [False] * 4 + [True]
    assert F[4].tolist() == pytest.approx([20.0, 20.0])
    # without kinds every launch is an analogue: median of the curves (2, 2, 3, 3) = 2.5 -> 25,
    # own units median (20, 20, 30, 30) = 25: 2/3 x 25 + 1/3 x 25 = 25
    _, F = launch_forecast(Y, 2, None)
    assert F[4].tolist() == pytest.approx([25.0, 25.0])
    # a kind with only one analogue is too few: the next wider level (category) is used
    kinds[1] = ("Y", "Toaster", 6)
    _, F = launch_forecast(Y, 2, kinds)
    assert F[4].tolist() == pytest.approx([20.0, 20.0])
