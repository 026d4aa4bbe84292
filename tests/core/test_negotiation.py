"""A price-increase case worked by hand (T26: 10.00 -> 10.80, ASP 19.99, contra-COGS 12 %)."""

import datetime as dt

import pandas as pd
import pytest

from vendordesk.core.negotiation import analysis as n

TODAY = dt.date(2026, 3, 1)
A, B = "B0T2600001", "B0NOFACTS1"


def weekly(asin=A, weeks=52, units=10.0, price=19.99, cost=10.0):
    starts = [(dt.date(2025, 3, 2) + dt.timedelta(weeks=i)).isoformat() for i in range(weeks)]
    return pd.DataFrame({"asin": asin, "period_start": starts, "shipped_units": units,
                         "shipped_revenue": units * price, "shipped_cogs": units * cost,
                         "procurable_product_out_of_stock_rate": 0.05})


def case(**kw):
    base = {"id": 1, "title": "CPI 2026", "currency": "EUR", "effective_date": "2026-06-01",
                "items": [n.Item(A, 10.00, 10.80, own_cost_before=6.00)],
                "drivers": [n.Driver("materials", 0.5, 0.10), n.Driver("energy", 0.2, 0.15),
                         n.Driver("labour", 0.3, 0.0)]}
    base.update(kw)
    return n.Case(**base)


def market(frame=None, **kw):
    return n.Market(weekly=weekly() if frame is None else frame, contra_rate=0.12, target=0.35,
                    today=TODAY, **kw)


def test_t26_item_economics():
    a = n.analyse(case(), market())
    it = a.items[0]
    assert it.cost_change == pytest.approx(0.08)
    assert it.asp == pytest.approx(19.99)
    assert round(it.net_ppm_before, 3) == 0.560 and round(it.net_ppm_after, 3) == 0.525
    assert it.net_ppm_after == pytest.approx(10.486 / 19.99)
    assert round(it.break_even_asp, 2) == 14.62
    assert it.crap_risk is False
    assert round(it.asp_pass_through, 2) == 21.59
    assert it.net_ppm_pass_through == pytest.approx(it.net_ppm_before)
    assert it.volume_change == pytest.approx(-1.5 * 0.08)
    # own cost 6.00 rises by the justified 8 % to 6.48; (10.80 x 0.88 - 6.48) / 10.80
    assert it.vendor_margin_before == pytest.approx(0.28)
    assert it.vendor_margin_after == pytest.approx((9.504 - 6.48) / 10.8)
    assert it.units_52 == 520 and it.cogs_52 == pytest.approx(5200.0)


def test_case_totals_and_json_shape():
    a = n.analyse(case(), market())
    assert a.justified == pytest.approx(0.08)      # 0.5 x 10 % + 0.2 x 15 % + 0.3 x 0
    assert a.requested == pytest.approx(0.08)
    assert round(a.annual_cogs_impact, 2) == 416.00   # 520 units x 0.80
    assert a.notice_days == 92
    doc = a.json()
    assert {"id", "as_of", "net_ppm_source", "asins", "scenarios"} <= set(doc)
    assert doc["as_of"] == "2026-03-01" and doc["net_ppm_source"] == "derived"
    assert set(doc["asins"][0]) == {"asin", "cost_before", "cost_after", "asp", "front_margin_before",
                                    "front_margin_after", "net_ppm_before", "net_ppm_after",
                                    "break_even_asp", "crap_risk", "net_ppm_source"}
    assert {"vendor_gain", "vendor_gain_net", "euro_neutral_increase"} <= set(doc["scenarios"][0])
    assert doc["asins"][0]["net_ppm_after"] == pytest.approx(0.524562, abs=1e-6)


def test_default_scenarios_side_by_side():
    a = n.analyse(case(), market())
    full, phased, half = a.scenarios
    assert round(full.amazon_cogs_impact, 2) == 416.00
    assert round(phased.amazon_cogs_impact, 2) == 312.00        # 0.5 + 0.5 x 6/12 = 0.75
    assert round(half.amazon_cogs_impact, 2) == 208.00
    assert round(half.extra_coop_cost, 2) == 54.08             # 520 x 10.40 x 1 %
    assert round(half.vendor_gain, 2) == 128.96                # 208 x 0.88 - 54.08
    assert half.net_ppm_after == pytest.approx((19.99 - 10.40 * 0.87) / 19.99)


def test_asin_without_facts_is_unavailable_not_zero():
    c = case(items=[n.Item(A, 10.0, 10.8), n.Item(B, 5.0, 5.4)])
    a = n.analyse(c, market())
    missing = a.items[1]
    assert missing.asp is None and missing.net_ppm_before is None and missing.crap_risk is None
    assert missing.break_even_asp == pytest.approx(5.4 * 0.88 / 0.65)
    assert any(i.code == "asin_no_facts" and i.asin == B for i in a.issues)
    assert a.net_ppm_before == pytest.approx(a.items[0].net_ppm_before)   # only ASINs with an ASP


def test_zero_asp_gives_null_margins():
    a = n.analyse(case(), market(weekly(price=0.0)))
    it = a.items[0]
    assert it.asp == 0.0 and it.net_ppm_before is None and it.front_margin_after is None
    assert a.json()["asins"][0]["net_ppm_after"] is None


def test_negative_net_ppm_flags_crap_risk():
    c = case(items=[n.Item(A, 10.0, 11.0)])
    a = n.analyse(c, market(weekly(price=9.0), ))
    it = a.items[0]
    assert it.net_ppm_after == pytest.approx((9.0 - 11.0 * 0.88) / 9.0)   # -0.0756
    assert it.net_ppm_after < 0 and it.crap_risk is True
    assert a.crap_count == 1


def test_cost_decrease_is_reported_as_info():
    a = n.analyse(case(items=[n.Item(A, 10.0, 9.5)]), market())
    assert a.items[0].cost_change == pytest.approx(-0.05)
    assert a.items[0].net_ppm_after > a.items[0].net_ppm_before
    assert [i.severity for i in a.issues if i.code == "cost_decrease"] == ["info"]


def test_bad_input_messages_name_the_field():
    c = case(currency="USD", effective_date="2026-02-01", items=[n.Item(A, 10.0, 0.0)],
             drivers=[n.Driver("materials", 0.6, 0.1), n.Driver("energy", 0.2, 0.1)])
    codes = {i.code: i for i in n.analyse(c, market()).issues}
    assert codes["currency_mismatch"].field == "currency"
    assert codes["date_past"].field == "effective_date"
    assert codes["cost_after_invalid"].asin == A
    assert codes["weights_sum"].values["total"] == pytest.approx(0.8)
    assert all(i.severity == "error" for i in n.analyse(c, market()).issues[:3])


def test_notice_periods():
    short = n.analyse(case(effective_date="2026-04-15"), market())
    assert [i.values["need"] for i in short.issues if i.code == "notice_short"] == [60]
    tariff = n.analyse(case(effective_date="2026-05-15", tariff_driven=True), market())
    assert [i.values["days"] for i in tariff.issues if i.code == "notice_short"] == [75]
    assert not [i for i in n.analyse(case(), market()).issues if i.code == "notice_short"]


def test_normalise_weights():
    drivers = n.normalise_weights([n.Driver("materials", 0.6, 0.1), n.Driver("energy", 0.2, 0.1)])
    assert [round(d.weight, 4) for d in drivers] == [0.75, 0.25]


def test_positions_default_and_stored():
    a = n.analyse(case(), market())
    # walk-away keeps our gross profit per unit: own cost +0.48 / (0.88 x 10.00) = 5.45 %
    # target = min(opening 8 %, justified on the cost-price base 0.48 / 10.00 = 4.8 %)
    assert a.positions.opening == pytest.approx(0.08) and a.positions.target == pytest.approx(0.048)
    assert a.positions.walk_away == pytest.approx(0.48 / 8.8)
    stored = n.analyse(case(opening_pct=0.1, target_pct=0.07, walk_away_pct=0.04), market())
    assert (stored.positions.opening, stored.positions.walk_away, stored.positions.stored) == (0.1, 0.04, True)


def test_suggested_concessions_are_valued_from_facts():
    a = n.analyse(case(), market())
    assert a.concessions_suggested
    final = {c.kind: c for c in a.concessions}["final_order_old_cost"]
    assert round(final.value_to_amazon, 2) == 48.00      # 10 units/week x 6 weeks x 0.80
    objections = {o.key: o.values for o in a.objections}
    assert objections["notice"] == {"days": 92, "need": 60}
    assert objections["volume"]["source"] == "default"


def test_scenario_increase_is_share_of_requested():
    a = n.analyse(case(), market())
    assert [round(s.increase, 4) for s in a.scenarios] == [0.08, 0.08, 0.04]
    assert round(a.scenarios[1].first_year_increase, 4) == 0.06


def test_scenario_with_fixed_cost_pct_steps_and_pass_through():
    s = n.Scenario.from_params("min", {"cost_pct": 0.06, "phased": [0.03, 0.03], "phase_months": 3})
    assert (s.share, s.phase2_share, s.phase2_months) == (0.5, 0.5, 3)
    target = n.Scenario.from_params("target", {"cost_pct": 0.075, "retail_pass_through": 0.6})
    a = n.analyse(case(scenarios=[s, target]), market())
    low, mid = a.scenarios
    # 520 units x 10.00 x (0.03 + 0.03 x 9/12) = 273.00
    assert round(low.amazon_cogs_impact, 2) == 273.00 and low.increase == pytest.approx(0.06)
    # cost 10.75, ASP 19.99 x (1 + 0.6 x 0.075) = 20.88955 -> (20.88955 - 10.75 x 0.88) / 20.88955
    assert mid.net_ppm_after == pytest.approx((20.88955 - 9.46) / 20.88955)
    assert a.json()["scenarios"][1]["retail_pass_through"] == 0.6
