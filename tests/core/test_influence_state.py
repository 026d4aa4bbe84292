"""The what-if's starting state: the pipeline of confirmed POs, last year's demand shape, demand at
today's regular price, and the week-by-week spread of confirmation (numbers worked by hand)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from vendordesk.core.influence import model
from vendordesk.core.influence.calibration import fit_supply
from vendordesk.core.influence.model import _pipeline, level_noise, season, state_from_frame

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


def test_season_with_two_years_averages_both_years_shapes(monkeypatch):
    monkeypatch.setattr(model, "SEASON_YEARS", 2)          # the option: two years' shapes averaged
    # 105 weeks (n), three equal ASINs, 100 a week, except week 54 (130) and week 80 (70), so both
    # 52-week means are 100 and the growth is (51 x 100 + 130 + 70 - 100) / 52 / 100 = 1.00.
    # Coming week k a year ago is week n - 52 + k = 53 + k, two years ago n - 104 + k = 1 + k.
    #   week 0: a year ago weeks 52..54 (100 + 100 + 130) / 300 = 1.10; two years ago weeks 0..2: 1.00
    #   week 1: a year ago weeks 53..55 = 1.10, two years ago 1.00;  week 2: weeks 54..56 = 1.10, 1.00
    #   week 3: a year ago weeks 55..57 = 1.00, two years ago 1.00
    # Each year's shape carries its own weeks' noise; their mean halves its variance:
    #   [1.05, 1.05, 1.05, 1.00] (last year's alone would be [1.10, 1.10, 1.10, 1.00])
    history = [100.0] * 105
    history[54], history[80] = 130.0, 70.0
    shape = season(_year(history), -1.5)
    assert shape[:4] == pytest.approx([1.05, 1.05, 1.05, 1.00])


def test_season_takes_two_years_ago_at_last_years_level(monkeypatch):
    monkeypatch.setattr(model, "SEASON_YEARS", 2)          # the option: two years' shapes averaged
    # 104 weeks: 80 a week in weeks 0..51, 100 in weeks 52..103: recent level 100, growth 100 / 80
    # = 1.25. Last year's shape: week 0 (weeks 51..53) (80 + 100 + 100) / 3 x 1.25 / 100 = 1.1667,
    # weeks 1..51: 1.25. Two years ago grown twice (1.25 ** 2 = 1.5625): weeks 1..50 (80 a week)
    # 1.25, week 51 (weeks 50..52) (80 + 80 + 100) / 3 x 1.5625 / 100 = 1.35417; week 0 would need
    # week -1. Only its shape counts, at last year's level over weeks 1..51 (1.25):
    #   x 1.25 / ((50 x 1.25 + 1.35417) / 51) = x 0.99837, so week 1: (1.25 + 1.25 x 0.99837) / 2
    older_51 = (80 + 80 + 100) / 3 * 1.5625 / 100
    scale = 1.25 / ((50 * 1.25 + older_51) / 51)
    shape = season(_year([80.0] * 52 + [100.0] * 52), -1.5)
    assert shape[0] == pytest.approx(280 / 300 * 1.25)
    assert shape[1] == pytest.approx((1.25 + 1.25 * scale) / 2)
    assert shape[51] == pytest.approx((1.25 + older_51 * scale) / 2)


def test_level_noise_is_the_weekly_noise_through_the_seasons_estimate(monkeypatch):
    # 65 weeks, three equal ASINs whose account demand alternates 300 x e ** +0.02 and 300 x e ** -0.02.
    # A week's deviation from the mean of its neighbours' logs: +0.02 - (-0.02) = +/-0.04, whose
    # root mean square 0.04 is sqrt(1 + 1/2) x the weekly noise s (white noise): s = 0.04 / sqrt(1.5)
    # = 0.032660. One year of history: the coming week = a 3-week mean a year ago (variance s ** 2 /
    # 3) x growth over 13 weeks (two 13-week means, 2 s ** 2 / 13), so its standard error is
    # s x sqrt(1/3 + 2/13) = 0.032660 x 0.69798 = 0.022796.
    history = [100.0 * np.exp(0.02 if k % 2 == 0 else -0.02) for k in range(65)]
    assert level_noise(_year(history), -1.5) == pytest.approx(0.04 / np.sqrt(1.5) * np.sqrt(1 / 3 + 2 / 13))
    # two years (104 weeks): last year's 3-week mean (s ** 2 / 3), grown over 52 weeks (2 s ** 2 /
    # 52): s x sqrt(1/3 + 2 / 52) = 0.032660 x 0.61003 = 0.019924
    history = [100.0 * np.exp(0.02 if k % 2 == 0 else -0.02) for k in range(104)]
    assert level_noise(_year(history), -1.5) == pytest.approx(0.04 / np.sqrt(1.5) * np.sqrt(1 / 3 + 2 / 52))
    # with two years' shapes averaged (SEASON_YEARS = 2): s x sqrt(1/6 + 2 / 52) = 0.014800
    monkeypatch.setattr(model, "SEASON_YEARS", 2)
    assert level_noise(_year(history), -1.5) == pytest.approx(0.04 / np.sqrt(1.5) * np.sqrt(1 / 6 + 2 / 52))
    # under a year and a quarter: the recent 13-week mean, s / sqrt(13)
    history = [100.0 * np.exp(0.02 if k % 2 == 0 else -0.02) for k in range(40)]
    assert level_noise(_year(history), -1.5) == pytest.approx(0.04 / np.sqrt(1.5) / np.sqrt(13))


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


def test_price_now_is_the_last_two_weeks_price_or_the_median_of_eight():
    from vendordesk.core.influence.model import _price_now

    nan = float("nan")
    asp = np.array([[10, nan, 5, 60], [10, nan, nan, 60], [8, nan, 7, 60], [12, nan, nan, 60], [12, nan, nan, 60],
                    [10, nan, nan, 45], [10, nan, nan, 60], [10, nan, nan, 44], [12, nan, nan, 45], [12, nan, nan, 60]])
    # first ASIN: the last two weeks agree (12, 12): 12, a raise two weeks ago counts;
    # second: never sold; third: two weeks with sales that differ (5, 7): their median, 6;
    # fourth: deals (45, 44, 45 EUR) in 3 of the last 5 weeks and the last two differ (45, 60):
    # median of the last 8 weeks = median(60, 60, 60, 45, 60, 44, 45, 60) = 60, the regular price
    # (the median of the last 3, median(44, 45, 60) = 45, would take the deal for it)
    got = _price_now(asp)
    assert got[0] == 12 and np.isnan(got[1]) and got[2] == 6 and got[3] == 60


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


def test_a_tight_account_still_has_an_exogenous_oos_spread():
    # 3 ASINs x 20 weeks: 60 left at the end of each week, 100 received, demand 100, so each week
    # starts with 160 in stock: enough for the demand (160 >= 100), never twice the sales (196),
    # the old "ample" rule, under which the account had no OOS spread at all. OOS 2 %, a listing
    # problem (42 %) in week 5; weeks 1..19 count: mean (18 x 0.02 + 0.42) / 19 = 0.041053.
    oos = np.full((20, 3), 0.02)
    oos[5] = 0.42
    p = {"vendor_confirmation_rate": np.full((20, 3), 0.9), "receive_fill_rate": np.full((20, 3), 0.95),
         "procurable_product_out_of_stock_rate": oos, "ordered_units": (1 - oos) * 100,
         "sellable_on_hand_inventory_units": np.full((20, 3), 60.0),
         "net_received_inventory_units": np.full((20, 3), 100.0)}
    q = fit_supply(p)["oos_quantiles"]
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
    # stock never covers the demand (half a week on hand and half a week received, for sales of
    # 0.9 x demand; only the week after a deal, whose half week was 1.4x larger, is covered, and
    # its OOS is the constant 10 %, which tells nothing): the lost share keeps its identity
    # default, but demand = units / (1 - OOS) still tells the price response.
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
         "sellable_on_hand_inventory_units": 0.5 * units, "net_received_inventory_units": 0.5 * units}
    el, lost, sig = fit_demand(p)
    assert lost["status"] == "default" and "identity" in lost["note"]
    assert el["status"] == "calibrated" and el["estimate"] == pytest.approx(-1.5, abs=0.05)
    assert sig["status"] == "calibrated" and sig["estimate"] == pytest.approx(0.05, abs=0.015)


def test_lost_share_leaves_out_the_weeks_whose_stock_ran_out():
    # 3 ASINs x 20 weeks, demand 100 x (price / 10) ** -2 (a deal at 8 EUR: 156.25), exogenous OOS
    # 10 % in weeks (t + j) % 3 == 0, else 0; 250 on hand at every week's end, nothing received.
    # Sales = demand x (1 - OOS), so ln units = ln demand + 1 x ln(1 - OOS): the lost share is 1.
    # Week 11 of ASIN 0 is a demand spike (400, no deal, no exogenous OOS): it sells the 250 in stock,
    # OOS = 1 - 250 / 400 = 0.375. That week started with 250 >= twice the mean sales (about 2 x 105),
    # but the stock did not cover its demand (250 < 400): its OOS came from the spike, and with it the
    # fit would read ln(1 - 0.375) = -0.47 against a residual of ln 4 = +1.39 and put the lost
    # share far below 1. Without it every week fits exactly: 1.
    from vendordesk.core.influence.cal_demand import fit_demand

    weeks, n = 20, 3
    t, j = np.arange(weeks)[:, None], np.arange(n)[None, :]
    price = np.where(t % 5 == j, 8.0, 10.0)
    exo = np.where((t + j) % 3 == 0, 0.1, 0.0)
    demand = 100.0 * (price / 10.0) ** -2
    demand[11, 0] = 400.0
    units = np.minimum(demand * (1 - exo), 250.0)
    p = {"ordered_units": units, "shipped_units": units, "shipped_revenue": units * price,
         OOS: 1 - units / demand, "sellable_on_hand_inventory_units": np.full((weeks, n), 250.0),
         "net_received_inventory_units": np.zeros((weeks, n))}
    assert units[11, 0] == 250.0 and p[OOS][11, 0] == pytest.approx(0.375)
    _, lost, _ = fit_demand(p)
    assert lost["status"] == "calibrated"
    assert lost["estimate"] == pytest.approx(1.0, abs=1e-6)


def test_demand_level_is_the_asins_weighted_share_of_the_recent_account_level():
    # 2 ASINs x 26 weeks, no OOS, one price: A sells 100 a week for 13 weeks, then 140 for the
    # last 13; B sells 100 throughout. Recent account level (13 weeks): 140 + 100 = 240. Each
    # week's weight is 0.5 ** (weeks ago / 26): the first 13 weeks weigh 0.5 ** (13 / 26) = 1 / sqrt 2
    # of the last 13, week by week, so with S = the last 13 weeks' weights,
    #   A's share = (140 S + 100 S / sqrt 2) / ((240 + 200 / sqrt 2) S) = 210.711 / 381.421 = 0.55243
    # A = 240 x 0.55243 = 132.58, B = 240 x 170.711 / 381.421 = 107.42 (the 13-week means alone
    # would say 140 and 100, a flat 26-week share 130.91 and 109.09).
    start = dt.date(2026, 1, 4)
    rows = []
    for t in range(26):
        for asin, units in (("B0TESTA", 100.0 if t < 13 else 140.0), ("B0TESTB", 100.0)):
            rows.append({"asin": asin, "period_start": (start + dt.timedelta(days=7 * t)).isoformat(),
                         "ordered_units": units, "shipped_units": units, "shipped_revenue": units * 10.0,
                         "shipped_cogs": units * 6.0, OOS: 0.0})
    state = state_from_frame(pd.DataFrame(rows), None, {"elasticity": {"estimate": -1.5, "se": 0.1}})
    r2 = 2 ** 0.5
    den = 240 + 200 / r2
    assert sorted(state.demand) == pytest.approx([240 * (100 + 100 / r2) / den, 240 * (140 + 100 / r2) / den])


def test_demand_share_compares_a_new_asin_with_the_weeks_it_was_listed():
    # A sells 100 a week for 26 weeks; B is listed in week 20 and sells 50 a week from then on.
    # B's share is over its own 6 weeks: 50 / 150 each week, so 1 / 3 whatever the weights. A's
    # mixes 20 weeks at 100 / 100 with 6 at 100 / 150: with W20 = the weights of weeks 6..25 ago
    # and W6 of weeks 0..5 ago (0.5 ** (k / 26)), share A = 100 (W20 + W6) / (100 W20 + 150 W6).
    # The recent account level counts the weeks before the listing as weeks without sales:
    # A 100 + B 50 x 6 / 13 = 123.08 a week, split by the two shares (normalised to sum to 1).
    start = dt.date(2026, 1, 4)
    rows = []
    for t in range(26):
        rows.append(("B0TESTA", t, 100.0))
        if t >= 20:
            rows.append(("B0TESTB", t, 50.0))
    frame = pd.DataFrame([{"asin": a, "period_start": (start + dt.timedelta(days=7 * t)).isoformat(),
                           "ordered_units": u, "shipped_units": u, "shipped_revenue": u * 10.0,
                           "shipped_cogs": u * 6.0, OOS: 0.0} for a, t, u in rows])
    state = state_from_frame(frame, None, {"elasticity": {"estimate": -1.5, "se": 0.1}})
    w = 0.5 ** (np.arange(26) / 26)          # weight of the week k weeks ago
    w6, w20 = w[:6].sum(), w[6:].sum()
    share_a = (w20 * 100 + w6 * 100) / (w20 * 100 + w6 * 150)
    share_b = 1 / 3
    level = 100 + 50 * 6 / 13
    assert sorted(state.demand) == pytest.approx(sorted([level * share_a / (share_a + share_b),
                                                         level * share_b / (share_a + share_b)]))


def test_season_scales_last_years_week_by_the_52_week_growth():
    # 104 weeks, three equal ASINs: 100 a week in the first year, 110 in weeks 52..90, 121 in the
    # last 13 (91..103). Coming week 1 a year ago is week 53 (110). The run starts from the recent
    # level, 121. Growth on the same weeks a year ago: over 13 weeks 121 / 100 = 1.21; over 52
    # weeks (39 x 110 + 13 x 121) / 52 / 100 = 1.1275. Shape = 110 / 100 x 1.1275 / 1.21 = 1.02500,
    # so week 1 sells 121 x 1.025 = 124.0 = last year's 110 x the 52-week growth (the 13-week
    # growth alone, 1.10 x 121 = 133.1, would carry the last 13 weeks' luck into every week).
    history = [100.0] * 52 + [110.0] * 39 + [121.0] * 13
    shape = season(_year(history), -1.5)
    assert shape[1] == pytest.approx(1.10 * 1.1275 / 1.21)
    assert 121 * shape[1] == pytest.approx(110 * 1.1275)
    # week 0 is the centred mean of weeks 51..53 a year ago: (100 + 110 + 110) / 3 / 100 x 1.1275 / 1.21
    assert shape[0] == pytest.approx(320 / 300 * 1.1275 / 1.21)


def test_exogenous_oos_counts_the_weeks_whose_stock_covered_the_demand():
    # ASIN A, 5 weeks (demand 100 a week; OOS = 1 - units / demand):
    #   w0 OOS 2 %, 50 left (no earlier stock known: not counted)
    #   w1 50 + 100 received = 150 >= 100: covered, OOS 2 %, 52 left
    #   w2 52 + 45 = 97 < 100: sells 97, OOS 3 % (the stock ran out): not counted
    #   w3 0 + 90 = 90 < 100, a listing problem (50 % OOS) sells 50, 40 left: not counted (the week
    #      ended with stock because of its OOS; counting weeks that ended with stock would take it)
    #   w4 40 + 150 = 190 >= 100: covered, OOS 4 %
    # ASIN B: 1,000 in stock, OOS 1 % in every week; w1..w4 covered.
    # Account mean over the covered weeks: (0.02 + 0.04 + 4 x 0.01) / 6 = 0.016667, with the
    # weight of 8 weeks: A = (0.06 + 8 x 0.016667) / (2 + 8) = 0.019333, B = (0.04 + 0.133333) / 12
    # = 0.014444. (Weeks that ended with half a week's sales in stock: A 14.5 %.)
    from vendordesk.core.influence.model import exogenous_oos

    oos = np.array([[0.02, 0.01], [0.02, 0.01], [0.03, 0.01], [0.50, 0.01], [0.04, 0.01]])
    p = {OOS: oos, "ordered_units": (1 - oos) * 100,
         "sellable_on_hand_inventory_units": np.array([[50, 1000], [52, 1000], [0, 1000], [40, 1000], [94, 1000.0]]),
         "net_received_inventory_units": np.array([[0, 99], [100, 99], [45, 99], [90, 99], [150, 99.0]])}
    assert exogenous_oos(p) == pytest.approx([(0.06 + 8 * 0.1 / 6) / 10, (0.04 + 8 * 0.1 / 6) / 12])


def test_calibration_of_an_account_with_an_asin_without_numbers_warns_nothing():
    # a big account has ASINs listed with no sales or supply numbers yet: each fit's column of that
    # ASIN is all NaN, which numpy reports as "Mean of empty slice" on stderr of `vendordesk
    # calibrate`; the link values are NaN-aware already, so the warning only alarms the user
    import warnings

    from vendordesk.core.influence.calibration import COLUMNS, calibrate

    weeks = [(dt.date(2025, 1, 5) + dt.timedelta(weeks=i)).isoformat() for i in range(60)]
    rng = np.random.default_rng(8)
    rows = []
    for j in range(12):
        for w in weeks:
            values = {c: float(rng.uniform(50, 150)) for c in COLUMNS}
            values.update({"procurable_product_out_of_stock_rate": 0.05, "vendor_confirmation_rate": 0.9,
                           "receive_fill_rate": 0.95, "net_pure_product_margin": 0.4})
            rows.append({"asin": f"B0{j:08d}", "period_start": w, **values})
    rows += [{"asin": "B0NEWNEWNEW", "period_start": w, **dict.fromkeys(COLUMNS, np.nan)} for w in weeks]
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        result = calibrate(pd.DataFrame(rows))
    assert result["asins"] == 13 and set(result["links"]) >= {"elasticity", "supply_noise"}


def test_cost_is_todays_cost_price_not_the_13_week_mean():
    # 13 weeks selling 10 a week at 20 EUR; the cost price is 10 EUR until week 9 and 11 EUR from
    # week 10 (the last 3 weeks). The 13-week ratio would say (10 x 10 x 10 + 3 x 10 x 11) / 130 =
    # 10.23, and every unit of the coming weeks would be shipped 0.77 EUR too cheap (vendor revenue
    # 7 % low, and a cost shock's Net PPM change (0.06 x cost / ASP) x 10.23 / 11 too small). Today's
    # cost is 11: the last week's, since the week before agrees (within 2 %, as for the price).
    start = dt.date(2026, 1, 4)
    rows = [{"asin": "B0TEST0001", "period_start": (start + dt.timedelta(days=7 * t)).isoformat(),
             "ordered_units": 10.0, "shipped_units": 10.0, "shipped_revenue": 200.0,
             "shipped_cogs": 10.0 * (11.0 if t >= 10 else 10.0), OOS: 0.0} for t in range(13)]
    state = state_from_frame(pd.DataFrame(rows), None, {"elasticity": {"estimate": -1.5, "se": 0.1}})
    assert state.cost[0] == pytest.approx(11.0)
    # a change in the last week alone is not yet today's cost (as a one-week deal is not a price):
    # the median of the last 8 weeks (weeks 5..12: seven at 10 EUR, one at 11) -> 10
    rows[-3]["shipped_cogs"] = rows[-2]["shipped_cogs"] = 100.0
    state = state_from_frame(pd.DataFrame(rows), None, {"elasticity": {"estimate": -1.5, "se": 0.1}})
    assert state.cost[0] == pytest.approx(10.0)


def test_each_asins_share_carries_its_standard_error():
    # 2 ASINs x 13 weeks, no OOS, one price: B sells 100 a week; A sells 100, except 130 in the last
    # week. Weights w_t = 0.5 ** ((12 - t) / 26), the last week's 1; W = sum of the 13 weights.
    # A's share s = (100 W + 30) / (200 W + 30); its residuals e_t = A_t - s x account_t are
    # 100 - 200 s in weeks 0..11 and 130 - 230 s in the last; relative standard error
    #   sqrt(sum_{t<12} w_t ** 2 (100 - 200 s) ** 2 + (130 - 230 s) ** 2) / (100 W + 30)
    # B's: s_B = 100 W / (200 W + 30), residuals 100 - 200 s_B and 100 - 230 s_B, / (100 W).
    start = dt.date(2026, 1, 4)
    rows = [{"asin": asin, "period_start": (start + dt.timedelta(days=7 * t)).isoformat(),
             "ordered_units": units, "shipped_units": units, "shipped_revenue": units * 10.0,
             "shipped_cogs": units * 6.0, OOS: 0.0}
            for t in range(13) for asin, units in (("B0TESTA", 130.0 if t == 12 else 100.0), ("B0TESTB", 100.0))]
    frame = pd.DataFrame(rows)
    _, _, p = model.panels(frame, ("ordered_units", "shipped_units", "shipped_revenue", OOS))
    w = 0.5 ** ((12 - np.arange(13)) / 26)
    W, early = w.sum(), (w[:12] ** 2).sum()
    s_a = (100 * W + 30) / (200 * W + 30)
    s_b = 100 * W / (200 * W + 30)
    se_a = np.sqrt(early * (100 - 200 * s_a) ** 2 + (130 - 230 * s_a) ** 2) / (100 * W + 30)
    se_b = np.sqrt(early * (100 - 200 * s_b) ** 2 + (100 - 230 * s_b) ** 2) / (100 * W)
    recent = np.array([100 + 30 / 13, 100.0])
    level, se = model._steadier(p, np.array([10.0, 10.0]), -1.5, recent)
    assert se == pytest.approx([se_a, se_b])
    assert level == pytest.approx(np.array([s_a, s_b]) * recent.sum() / (s_a + s_b))
    # pooled: each ASIN its own group here (2 ASINs, up to 64 groups); the state carries them
    state = state_from_frame(frame, None, {"elasticity": {"estimate": -1.5, "se": 0.1}})
    assert sorted(state.share_se) == pytest.approx(sorted([se_a, se_b]))


def test_todays_price_is_ambiguous_when_only_the_last_week_moved():
    # 3 ASINs x 20 weeks at 10 EUR. A0 has a deal in week 5 (8 EUR, back to 10 in week 6); A1 a
    # permanent change to 11 EUR in week 8; A2 a deal in week 12 (7.50) and 9 EUR in the last week.
    # Moves away from a stable price (the two weeks before agree within 2 %) with a week after them:
    # A0 week 5 (not kept), A1 week 8 (kept: week 9 is 11 too), A2 week 12 (not kept); A2's last
    # week has no week after it. So a move is kept 1 time in 3: p = 1/3.
    # Today's price (``_price_now``): A2's last two weeks differ, so the median of its last 8
    # weeks, 10 EUR; its last week's 9 EUR is the alternative, ln(9 / 10) away; A0, A1: none.
    asp = np.full((20, 3), 10.0)
    asp[5, 0] = 8.0
    asp[8:, 1] = 11.0
    asp[12, 2], asp[19, 2] = 7.5, 9.0
    now = model._price_now(asp)
    assert now == pytest.approx([10.0, 11.0, 10.0])
    alt, p = model.price_ambiguity(asp, now)
    assert p == pytest.approx(1 / 3)
    assert alt == pytest.approx([0.0, 0.0, np.log(0.9)])


def test_the_bands_hold_the_chance_that_last_weeks_price_is_the_new_one():
    # One group selling 100 a week at 10 EUR (cost 6, contra-COGS 10 % of COGS); its last week sold
    # at 9 EUR, kept in 1 of 3 moves (p = 1/3). A cost +6 % shock leaves units alone (no CRaP), so
    # Net PPM moves by -0.06 x (1 - 0.1) x cost / price: -0.06 x 0.9 x 6 / 10 = -0.0324 at 10 EUR,
    # -0.06 x 0.9 x 6 / 9 = -0.036 at 9 EUR. About a third of the draws sell at 9 EUR, so the
    # 10-90 % band reaches -0.036; the point estimate stays at today's price, -0.0324.
    # Before: every draw sold at 10 EUR and the band was -0.0324 .. -0.0324.
    from vendordesk.core.influence import struct as st
    from vendordesk.core.influence.sim import Shock

    one = np.ones(1)
    state = st.State(demand=100 * one, oos_exo=0 * one, on_hand=1e6 * one, pipeline=np.full((2, 1), 100.0),
                     forecast=100 * one, asp=10 * one, cost=6 * one, contra=0.1 * one, discount=0 * one,
                     conf=one, fill=one, price_alt=np.log(0.9) * one, price_p=1 / 3)
    result = model.whatif(state, model.params_from({}), [Shock("cost_price", 0.06)], 12)
    assert result.totals["net_ppm"] == pytest.approx(-0.0324, abs=1e-9)
    assert result.intervals["net_ppm"] == pytest.approx([-0.036, -0.0324], abs=1e-9)


def test_lost_share_draws_centre_on_the_raw_estimate_above_the_identity():
    # The regression said 1.05 ± 0.05; the share cannot exceed 1 (an out-of-stock view cannot
    # convert twice), so the estimate is 1. Its draws are the raw estimate's, N(1.05, 0.05), with
    # what lies above 1 at 1: a share P(N(1.05, 0.05) >= 1) = Phi(1) = 0.841 of them at exactly 1.
    # Before, the draws centred on the clipped 1.0: half of them below 1, so an OOS shock's band
    # leaned toward losing less than the identity while the truth is the identity.
    lk = {"lost_share": {"estimate": 1.0, "se": 0.05, "raw": 1.05}}
    lost = model.params_from(lk, draws=2000).lost
    assert lost[0] == 1.0
    assert (lost[1:] == 1.0).mean() == pytest.approx(0.841, abs=0.03)
    below = lost[1:][lost[1:] < 1.0]
    assert below.min() > 1.05 - 5 * 0.05
    # without a raw estimate (older calibrations, or one below 1) the draws centre on the estimate
    lost = model.params_from({"lost_share": {"estimate": 0.9, "se": 0.05}}, draws=2000).lost
    assert np.median(lost[1:]) == pytest.approx(0.9, abs=0.01)


def test_the_bands_hold_how_the_coming_weeks_compare_with_each_other():
    # One group, 100 units a week at 10 EUR (cost 6, contra-COGS 10 % of COGS: Net PPM
    # 1 - 0.9 x 0.6 = 0.46), a flat season, stock without limit, elasticity -2 in every draw, no
    # demand noise, no level error: only the season shape's weekly error (week_se 0.05) is drawn.
    # A price cut of 10 % for 8 of 12 weeks: a cut week sells 100 x 0.9 ** -2 = 123.46 units at
    # 9 EUR = 1,111.1 EUR at Net PPM 1 - 0.54 / 0.9 = 0.40; the other 4 weeks 1,000 EUR at 0.46.
    # Net PPM over 12 weeks: 0.46 - 0.06 x 8 x 1,111.1 / (8 x 1,111.1 + 4 x 1,000)
    # = 0.46 - 0.06 x 0.68966 = 0.46 - 0.041379.
    # With r = (mean demand of weeks 0-7) / (mean of weeks 8-11): the share is 22.222 r / (22.222 r
    # + 10), whose slope at r = 1 is 222.22 / 32.222 ** 2 = 0.21403, so d(change) / d ln r =
    # -0.06 x 0.21403 = -0.012842. Week k's shape is the mean of year-ago weeks k..k+2 (noise e_j,
    # sd 0.05); ln r = mean of weeks 0-7 - mean of weeks 8-11, with e_j's weight (windows holding j
    # among weeks 0-7) / 24 - (among weeks 8-11) / 12, x 24: 1, 2, 3, 3, 3, 3, 3, 3, 0, -3, -6, -6,
    # -4, -2: sum of squares 160, so sd(ln r) = 0.05 x sqrt(160 / 576) = 0.026352, sd(change) =
    # 0.012842 x 0.026352 = 0.00033842 and the 10-90 % band +-1.2816 x that = +-0.000434.
    # Before, the shape's error was one multiplier on every week (in level_se): r never moved and
    # the band was the point, -0.041379 .. -0.041379.
    from vendordesk.core.influence import struct as st
    from vendordesk.core.influence.sim import Shock

    one = np.ones(1)
    state = st.State(demand=100 * one, oos_exo=0 * one, on_hand=1e9 * one, pipeline=np.full((2, 1), 100.0),
                     forecast=100 * one, asp=10 * one, cost=6 * one, contra=0.1 * one, discount=0 * one,
                     conf=one, fill=one, target=0.30, season=np.ones(52), week_se=0.05)
    base = model.params_from({})
    params = st.Params(**{**base.__dict__, "elasticity": np.full(len(base.elasticity), -2.0),
                          "crap": np.zeros(len(base.crap)), "sigma": None, "supply": {}})
    result = model.whatif(state, params, [Shock("average_selling_price", -0.10, 8)], 12)
    assert result.totals["net_ppm"] == pytest.approx(-0.041379, abs=1e-6)
    lo, hi = result.intervals["net_ppm"]
    assert (hi - lo) / 2 == pytest.approx(0.000434, rel=0.25)      # 200 draws: percentiles within ~10 %
    assert lo < -0.041379 < hi
