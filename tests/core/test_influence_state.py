"""The what-if's starting state: the pipeline of confirmed POs, last year's demand shape, demand at
today's regular price, and the week-by-week spread of confirmation (numbers worked by hand)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from vendordesk.core.influence.calibration import fit_supply
from vendordesk.core.influence.model import _pipeline, season, state_from_frame

OOS = "procurable_product_out_of_stock_rate"


def test_pipeline_holds_the_last_confirmed_pos_oldest_first():
    # confirmed in week t = open POs(t) - open POs(t-1) + received(t) / fill:
    #   week 1: 100 - 0 + 0 = 100;  week 2: 150 - 100 + 45 / 0.9 = 100;  week 3: 120 - 150 + 90 / 0.9 = 70
    # lead 2: the last two (100 due next week, then 70), scaled to today's 120 open: x 120 / 170
    p = {"open_purchase_order_units": np.array([[0.0], [100.0], [150.0], [120.0]]),
         "net_received_inventory_units": np.array([[0.0], [0.0], [45.0], [90.0]]),
         "receive_fill_rate": np.full((4, 1), 0.9)}
    pipe = _pipeline(p, np.array([120.0]), 2)
    assert pipe[:, 0] == pytest.approx([100 * 120 / 170, 70 * 120 / 170])      # 70.59, 49.41


def test_pipeline_without_history_is_spread_evenly():
    p = {"open_purchase_order_units": np.array([[120.0]]), "net_received_inventory_units": np.array([[0.0]]),
         "receive_fill_rate": np.array([[0.9]])}
    assert _pipeline(p, np.array([120.0]), 2)[:, 0] == pytest.approx([60.0, 60.0])


def _year(units_by_week: list[float]) -> dict:
    w = len(units_by_week)
    units = np.tile(np.array(units_by_week)[:, None], (1, 3))          # three equal ASINs
    return {"ordered_units": units, OOS: np.zeros((w, 3)), "shipped_units": units,
            "shipped_revenue": units * 10.0}


def test_season_is_last_years_shape_as_a_centred_three_week_mean():
    # 65 weeks: the 13 weeks a year before the coming one sell 100 a week, then a 130 week, then 100.
    # week 0 ahead = mean of weeks 12..14 a year ago / 100 = (100 + 130 + 100) / 300 = 1.10;
    # week 1 = (130 + 100 + 100) / 300 = 1.10; week 2 = 1.00
    history = [100.0] * 13 + [130.0] + [100.0] * 51
    shape = season(_year(history), -1.5)
    assert len(shape) == 52
    assert shape[:3] == pytest.approx([1.10, 1.10, 1.00])


def test_no_season_with_less_than_a_year_and_a_quarter():
    assert season(_year([100.0] * 64), -1.5) is None


def test_demand_level_is_at_todays_regular_price_not_the_deal_mix():
    # 13 weeks at 10 EUR selling 100, one deal week at 8 EUR selling 100 x 0.8 ** -2 = 156.25
    # (elasticity -2): at today's price every week is 100 units, so the level is 100, not
    # (12 x 100 + 156.25) / 13 = 104.33; the price is 10, not the deal-weighted 9.83
    start = dt.date(2026, 1, 4)
    rows = []
    for t in range(13):
        price, units = (8.0, 156.25) if t == 6 else (10.0, 100.0)
        rows.append({"asin": "B0TEST0001", "period_start": (start + dt.timedelta(days=7 * t)).isoformat(),
                     "ordered_units": units, "shipped_units": units, "shipped_revenue": units * price,
                     "shipped_cogs": units * 6.0, OOS: 0.0})
    links = {"elasticity": {"estimate": -2.0, "se": 0.1}}
    state = state_from_frame(pd.DataFrame(rows), None, links)
    assert state.demand[0] == pytest.approx(100.0)
    assert state.asp[0] == pytest.approx(10.0)


def test_supply_spread_keeps_the_confirmation_dips():
    # 3 ASINs x 20 weeks at 90 % with one week at 60 %: mean 0.885, so the deviations are +0.015
    # (19 weeks) and -0.285 (the dip): the lowest quantile is the dip, the highest +0.015
    conf = np.full((20, 3), 0.9)
    conf[5] = 0.6
    p = {"vendor_confirmation_rate": conf, "receive_fill_rate": np.full((20, 3), 0.95)}
    link = fit_supply(p)
    assert link["status"] == "calibrated"
    assert link["conf_quantiles"][0] == pytest.approx(-0.285)
    assert link["conf_quantiles"][-1] == pytest.approx(0.015)
    assert link["fill_quantiles"] == pytest.approx([0.0] * 41)


def test_price_now_is_the_median_of_the_last_three_weeks_with_sales():
    from vendordesk.core.influence.model import _price_now

    nan = float("nan")
    asp = np.array([[10, nan, 5], [10, nan, nan], [8, nan, 7], [12, nan, nan], [12, nan, nan]])
    # first ASIN: median(8, 12, 12) = 12 (the raise two weeks ago counts, the 8 deal does not);
    # second: never sold; third: only two weeks with sales, median(5, 7) = 6
    got = _price_now(asp)
    assert got[0] == 12 and np.isnan(got[1]) and got[2] == 6


def test_supply_spread_holds_the_exogenous_oos_of_weeks_with_ample_stock():
    # 3 ASINs x 20 weeks, OOS 2 % with a listing problem (OOS 42 %) in week 5; stock 500 units,
    # sales 100 a week, so every week from the second starts with ample stock (>= 2 x 100).
    # Mean OOS 0.02 + 0.40 / 20 = 0.04: deviations -0.02 (19 weeks) and +0.38 (the spike).
    # Week 0 has no earlier on-hand, so it is left out: its 2 % would be one more -0.02.
    oos = np.full((20, 3), 0.02)
    oos[5] = 0.42
    p = {"vendor_confirmation_rate": np.full((20, 3), 0.9), "receive_fill_rate": np.full((20, 3), 0.95),
         "procurable_product_out_of_stock_rate": oos, "ordered_units": np.full((20, 3), 100.0),
         "sellable_on_hand_inventory_units": np.full((20, 3), 500.0),
         "net_received_inventory_units": np.full((20, 3), 100.0)}
    q = fit_supply(p)["oos_quantiles"]
    # over weeks 1..19: mean (18 x 0.02 + 0.42) / 19 = 0.78 / 19 = 0.041053
    assert q[0] == pytest.approx(0.02 - 0.78 / 19)
    assert q[-1] == pytest.approx(0.42 - 0.78 / 19)


def test_oos_spread_adds_to_the_shock_without_eating_it():
    # a week's exogenous OOS is a rate >= 0 first, the shock comes on top: with ample stock,
    # units = demand x (1 - exo), so +8 points OOS costs exactly 8 % of the demand, also in
    # weeks whose own deviation is below the mean (here -0.05 around a 1 % mean, clipped to 0)
    from vendordesk.core.influence import struct as st

    state = st.State(demand=np.array([100.0]), oos_exo=np.array([0.01]), on_hand=np.array([1e6]),
                     pipeline=np.zeros((2, 1)), forecast=np.array([100.0]), asp=np.array([10.0]),
                     cost=np.array([6.0]), contra=np.zeros(1), discount=np.zeros(1), conf=np.array([0.9]),
                     fill=np.array([0.95]))
    one = np.ones(1)
    p = st.Params(elasticity=-one, alpha=0.3 * one, cover=4 * one, lost=one, match=one, crap=0 * one, lead=2)
    dev = {"oos": np.full((1, 4, 1), -0.05)}
    base = st.run(state, p, {}, 4, supply=dev)
    hit = st.run(state, p, {st.OOS: np.full(4, 0.08)}, 4, supply=dev)
    assert base["units"][0] == pytest.approx([100.0] * 4)            # exo 0.01 - 0.05 -> 0
    assert (base["units"] - hit["units"])[0] == pytest.approx([8.0] * 4)   # 100 x 0.08


def test_a_tight_account_still_calibrates_its_elasticity_and_demand_noise():
    # stock never ample (on hand stays below one week of sales): the lost share keeps its
    # identity default, but demand = units / (1 - OOS) still tells the price response.
    # 5 ASINs x 30 weeks, demand 100 x price ** -1.5; every 5th week 20 % off (price 0.8 x 10):
    # demand there 100 x 0.8 ** -1.5 = 139.75; OOS 10 %, so units = 0.9 x demand. The deal weeks
    # differ by ASIN (ASIN j in weeks 5k + j), so the week effects do not absorb them.
    from vendordesk.core.influence.cal_demand import fit_demand

    weeks, n = 30, 5
    rng = np.random.default_rng(3)
    price = np.where(np.arange(weeks)[:, None] % 5 == np.arange(n)[None, :], 8.0, 10.0)
    noise = np.exp(rng.normal(0, 0.05, (weeks, n)))
    units = 0.9 * 100.0 * (price / 10.0) ** -1.5 * noise
    p = {"ordered_units": units, "shipped_units": units, "shipped_revenue": units * price,
         "procurable_product_out_of_stock_rate": np.full((weeks, n), 0.1),
         "sellable_on_hand_inventory_units": 0.5 * units, "net_received_inventory_units": units}
    el, lost, sig = fit_demand(p)
    assert lost["status"] == "default" and "ample stock" in lost["note"]
    assert el["status"] == "calibrated" and el["estimate"] == pytest.approx(-1.5, abs=0.05)
    assert sig["status"] == "calibrated" and sig["estimate"] == pytest.approx(0.05, abs=0.015)


def test_demand_level_is_the_asins_26_week_share_of_the_recent_account_level():
    # 2 ASINs x 26 weeks, no OOS, one price: A sells 100 a week for 13 weeks, then 140 for the
    # last 13 (mean of the 26: 120); B sells 100 throughout. Recent account level (13 weeks):
    # 140 + 100 = 240; 26-week shares 120 : 100, so A = 240 x 120 / 220 = 130.909 and
    # B = 240 x 100 / 220 = 109.091 (the 13-week means alone would say 140 and 100).
    start = dt.date(2026, 1, 4)
    rows = []
    for t in range(26):
        for asin, units in (("B0TESTA", 100.0 if t < 13 else 140.0), ("B0TESTB", 100.0)):
            rows.append({"asin": asin, "period_start": (start + dt.timedelta(days=7 * t)).isoformat(),
                         "ordered_units": units, "shipped_units": units, "shipped_revenue": units * 10.0,
                         "shipped_cogs": units * 6.0, OOS: 0.0})
    state = state_from_frame(pd.DataFrame(rows), None, {"elasticity": {"estimate": -1.5, "se": 0.1}})
    assert sorted(state.demand) == pytest.approx([240 * 100 / 220, 240 * 120 / 220])
