"""Issue 13: expected Amazon orders follow Amazon's own forecast where the workspace has it,
labelled with the forecast that drives them; the stock risk still uses our OOS-corrected P50."""

import math

import numpy as np
import pandas as pd
import pytest

from vendordesk.core.forecast import supply as fs


def _inputs(amazon_mean=30.0, amazon_p80=40.0, h=3):
    q = np.array([[[100.0] * h], [[110.0] * h], [[120.0] * h], [[150.0] * h]])   # ours: P50, P70, P80, P90
    amazon = np.full((4, 1, h), np.nan)
    amazon[0], amazon[2] = amazon_mean, amazon_p80
    return fs.SupplyInputs(q=q, on_hand=np.array([0.0]), open_po=np.zeros((1, h)), own_stock=np.array([0.0]),
                           capacity=np.full((1, h), np.inf), lead=np.array([1.0]), unit_value=np.array([2.0]),
                           amazon_q=amazon)


def test_expected_order_follows_amazons_forecast():
    out = fs.project(_inputs())
    # lead 1 + review 1 = 2 weeks: Amazon's mean 30 + 30, safety sqrt(2) x (P80 40 - mean 30) = 14.14
    assert out["expected_order"][0, 0] == pytest.approx(60.0 + math.sqrt(2) * 10.0)      # 74.14
    # on our forecast it would be 100 + 100 + sqrt(2) x 20 = 228.28
    ours = fs.project(_inputs(), order_basis="ours")
    assert ours["expected_order"][0, 0] == pytest.approx(200.0 + math.sqrt(2) * 20.0)
    assert list(out["order_basis"][0]) == ["amazon"] * 3 and list(ours["order_basis"][0]) == ["ours"] * 3
    # stock is used up by OUR P50 (100 a week): week 1 has 74.14 arriving, short of our P80 120
    assert out["short_p80"][0, 1] == pytest.approx(120.0 - (60.0 + math.sqrt(2) * 10.0))


def test_without_amazons_forecast_ours_drives_and_says_so():
    inp = _inputs(amazon_mean=np.nan, amazon_p80=np.nan)
    out = fs.project(inp)
    assert out["expected_order"][0, 0] == pytest.approx(200.0 + math.sqrt(2) * 20.0)
    frame = fs.projection_frame(["A"], ["2026-03-01", "2026-03-08", "2026-03-15"], inp, out)
    orders = fs.orders_coming(frame)
    assert list(orders["order_basis"]) == ["ours"] * 3


def test_amazon_quantiles_align_by_asin_and_week():
    latest = pd.DataFrame({"asin": ["B", "A"], "week_start": ["2026-03-08", "2026-03-01"],
                           "mean_units": [5.0, 7.0], "p70_units": [6.0, 8.0], "p80_units": [np.nan, 9.0],
                           "p90_units": [8.0, 10.0]})
    q = fs.amazon_quantiles(latest, ["A", "B"], ["2026-03-01", "2026-03-08"])
    assert q[0, 0, 0] == 7.0 and q[0, 1, 1] == 5.0 and np.isnan(q[0, 0, 1]) and np.isnan(q[2, 1, 1])


def test_at_risk_is_one_definition():
    risks = pd.DataFrame({"asin": ["A", "A", "B", "C"],
                          "week_start": ["2026-03-01", "2026-04-05", "2026-03-22", "2026-04-12"]})
    weeks = ["2026-03-01", "2026-03-08", "2026-03-15", "2026-03-22", "2026-03-29", "2026-04-05", "2026-04-12"]
    # first 4 weeks end 03-22: A (03-01) and B (03-22) are at risk; C only later
    assert fs.at_risk_asins(risks, weeks) == ["A", "B"]
    assert fs.at_risk_asins(risks.iloc[:0], weeks) == []
