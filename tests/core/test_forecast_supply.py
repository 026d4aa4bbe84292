"""Supply projection, expected orders and OOS risk worked by hand; Amazon divergence and drift."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from vendordesk.core.forecast import amazon as fa
from vendordesk.core.forecast import supply as fs


def _inputs(capacity=100.0, own=0.0, on_hand=15.0, lead=1.0, h=3):
    q = np.array([[[10.0] * h], [[11.0] * h], [[12.0] * h], [[15.0] * h]])   # P50, P70, P80, P90
    return fs.SupplyInputs(q=q, on_hand=np.array([on_hand]), open_po=np.zeros((1, h)),
                           own_stock=np.array([own]), capacity=np.full((1, h), capacity),
                           lead=np.array([lead]), unit_value=np.array([4.0]))


def test_projection_by_hand():
    out = fs.project(_inputs())
    target = 20 + math.sqrt(2) * 2          # P50 over lead 1 + review 1, safety sqrt(2) x (P80 - P50)
    # week 0: position 15 -> order target - 15, shipped at once, arrives in week 1
    assert out["expected_order"][0, 0] == pytest.approx(target - 15)
    assert out["amazon_stock"][0, 0] == pytest.approx(15.0)
    assert out["short_p90"][0, 0] == 0.0                      # 15 on hand covers P90 = 15
    # week 1: on hand 5 + arrival (target - 15) = target - 10 = 12.83 < P90 15 -> short 2.17
    assert out["amazon_stock"][0, 1] == pytest.approx(target - 10)
    assert out["short_p80"][0, 1] == 0.0
    assert out["short_p90"][0, 1] == pytest.approx(25 - target)
    assert out["eur_at_risk"][0, 1] == pytest.approx(4.0 * (25 - target))
    assert out["expected_order"][0, 1] == pytest.approx(10.0)   # position 5 + (target - 15) in transit
    assert out["own_stock"][0, 0] == 0.0                      # made to order: nothing left over


def test_no_capacity_means_nothing_ships_and_risk_follows():
    out = fs.project(_inputs(capacity=0.0, own=0.0))
    assert out["shipped"].sum() == 0.0
    assert out["short_p80"][0, 1] == pytest.approx(12 - 5)    # 15 - 10 used, nothing arrives


def test_unknown_capacity_is_unlimited():
    out = fs.project(_inputs(capacity=np.nan))
    assert out["shipped"][0, 0] == pytest.approx(out["expected_order"][0, 0])
    assert np.isfinite(out["own_stock"]).all()


def test_own_stock_ships_first_and_is_not_rebuilt_without_orders():
    out = fs.project(_inputs(capacity=5.0, own=20.0))
    first = out["expected_order"][0, 0]                       # 7.83: all from stock, nothing produced
    assert out["own_stock"][0, 0] == pytest.approx(20 - first)
    assert (np.diff(out["own_stock"][0]) <= 1e-9).all()       # stock only goes down


def test_open_po_arrives_on_its_week_and_lowers_the_order():
    inp = _inputs()
    inp.open_po[0, 0] = 5.0
    out = fs.project(inp)
    assert out["amazon_stock"][0, 0] == pytest.approx(20.0)
    assert out["expected_order"][0, 0] == pytest.approx(20 + math.sqrt(2) * 2 - 20)
    inp.open_po[0, 0] = 10.0                                  # more on order than the target: no order
    assert fs.project(inp)["expected_order"][0, 0] == 0.0


def test_frames_risk_and_orders_coming():
    inp = _inputs()
    frame = fs.projection_frame(["A"], ["2026-01-04", "2026-01-11", "2026-01-18"], inp, fs.project(inp))
    assert frame.loc[1, "risk"] == "p90" and frame.loc[0, "risk"] == ""
    risky = fs.risk_weeks(frame)
    assert risky["week_start"].tolist()[0] == "2026-01-11"
    orders = fs.orders_coming(frame, pd.Series({"A": 4.0}))
    assert orders["total"].tolist() == pytest.approx(frame["expected_order"].tolist())
    assert orders.loc[0, "value"] == pytest.approx(4.0 * frame.loc[0, "expected_order"])


# --- Amazon -------------------------------------------------------------------------------

def _amazon(gen: str, weeks: list[str], mean: list[float]) -> pd.DataFrame:
    return pd.DataFrame({"asin": "A", "generation_date": gen, "week_start": weeks, "mean_units": mean,
                         "p70_units": mean, "p80_units": mean, "p90_units": mean})


def test_divergence_flags_big_differences_and_sums_a_total():
    ours = pd.DataFrame({"asin": ["A", "A", "B"], "week_start": ["w1", "w2", "w1"], "p50": [20.0, 20.0, 10.0]})
    amazon = pd.concat([_amazon("g", ["w1", "w2"], [10.0, 10.0]),
                        _amazon("g", ["w1"], [10.5]).assign(asin="B")])
    div = fa.divergence(ours, amazon).set_index("asin")
    assert div.loc["A", "diff_pct"] == pytest.approx(1.0) and div.loc["A", "flag"] == "higher"
    assert div.loc["B", "flag"] == ""                         # 0.5 units: below the minimum
    assert div.loc["TOTAL", "ours"] == 50.0 and div.loc["TOTAL", "amazon"] == 30.5


def test_drift_compares_the_same_weeks_and_finds_the_oos_spiral():
    af = pd.concat([_amazon("2026-01-03", ["w1", "w2", "w3"], [100.0, 100.0, 300.0]),
                    _amazon("2026-01-10", ["w2", "w3", "w4"], [50.0, 150.0, 900.0])])
    oos = pd.DataFrame({"asin": "A", "period_start": ["2026-01-04"], "oos_rate": [0.4]})
    drift = fa.drift(af, oos).set_index("generation_date")
    # same weeks w2+w3: 400 -> 200 = -50 % (w4's big number is seasonality, not a revision)
    assert drift.loc["2026-01-10", "change"] == pytest.approx(-0.5)
    assert drift.loc["2026-01-10", "flag"] == "oos_spiral"
    assert fa.spirals(drift.reset_index()) == ["A"]
    assert fa.drift(af, None).loc[1, "flag"] == "cut"


def test_amazon_scored_only_with_a_generation_before_the_hidden_weeks():
    af = pd.concat([_amazon("2026-01-02", ["2026-01-04", "2026-01-11"], [10.0, 10.0]),
                    _amazon("2026-01-09", ["2026-01-11"], [99.0])])
    matrix, used = fa.holdout_matrix(af, ["A", "B"], ["2026-01-04", "2026-01-11"])
    assert matrix[0].tolist() == [10.0, 10.0] and used[0] == "2026-01-02"
    assert np.isnan(matrix[1]).all() and used[1] is None


def test_unknown_unit_value_gives_no_money_not_zero():
    inp = _inputs()
    inp.unit_value = np.array([np.nan])
    out = fs.project(inp)
    assert out["short_p90"][0, 1] > 0 and np.isnan(out["eur_at_risk"][0, 1])
