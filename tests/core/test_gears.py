"""Gear scores, statuses and honest no-data states (hand-worked)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from vendordesk.core.gears.defs import GEAR_IDS, GEARS, Threshold, with_overrides
from vendordesk.core.gears.report import GearInputs, GearModel, gear_status, judge


def _weeks(n: int, first: str = "2025-01-05") -> list[str]:
    return [(pd.Timestamp(first) + pd.Timedelta(weeks=i)).strftime("%Y-%m-%d") for i in range(n)]


def _facts(weeks: list[str], asins=("A", "B"), oos=0.01, ppm=0.42) -> pd.DataFrame:
    rows = []
    for week in weeks:
        for asin in asins:
            rows.append({"asin": asin, "period_start": week, "period_end": week,
                         "ordered_units": 100.0, "ordered_revenue": 2000.0, "shipped_units": 100.0,
                         "shipped_revenue": 2000.0, "shipped_cogs": 1200.0, "customer_returns": 3.0,
                         "glance_views": 1000.0, "procurable_product_out_of_stock_rate": oos,
                         "vendor_confirmation_rate": 0.95, "receive_fill_rate": 0.97,
                         "sellable_on_hand_inventory_units": 500.0, "open_purchase_order_units": 0.0,
                         "aged90_plus_days_sellable_inventory_units": 10.0, "unhealthy_inventory_units": 10.0,
                         "net_pure_product_margin": ppm})
    return pd.DataFrame(rows)


def test_judge_lower_is_better():
    t = Threshold("max", 0.03, 0.08)
    # green edge 80, red edge 50, 100 one amber-width (5 pts) better than green, 0 one beyond red
    assert judge(0.03, np.nan, t, -1) == (pytest.approx(80.0), "green")
    assert judge(0.02, np.nan, t, -1) == (pytest.approx(84.0), "green")
    assert judge(-0.05, np.nan, t, -1) == (100.0, "green")
    assert judge(0.055, np.nan, t, -1) == (pytest.approx(65.0), "amber")
    assert judge(0.08, np.nan, t, -1) == (pytest.approx(50.0), "amber")
    assert judge(0.105, np.nan, t, -1) == (pytest.approx(25.0), "red")
    assert judge(0.5, np.nan, t, -1) == (0.0, "red")


def test_judge_higher_is_better_and_trend():
    assert judge(0.85, np.nan, Threshold("min", 0.9, 0.8), 1) == (pytest.approx(65.0), "amber")
    trend = Threshold("trend", -0.02, -0.10)
    assert judge(99.0, 100.0, trend, 1) == (pytest.approx(82.5), "green")   # -1 %
    assert judge(90.0, 100.0, trend, 1) == (pytest.approx(50.0), "amber")   # -10 %: the red edge
    assert judge(80.0, 100.0, trend, 1)[1] == "red"
    assert judge(80.0, np.nan, trend, 1) == (None, "no-data")        # no comparison: no judgement
    assert judge(5.0, np.nan, None, 1) == (None, "info")


def test_gear_status_cutoffs():
    assert gear_status(None) == "no-data"
    assert gear_status(80.0) == "green"
    assert gear_status(79.9) == "amber"
    assert gear_status(49.0) == "red"


def test_nine_gears_with_names():
    assert GEAR_IDS == ("content", "availability", "price_buybox", "advertising", "reviews_cx",
                        "ops_compliance", "forecast_ordering", "profitability_terms", "assortment")
    assert all(g.name_de and g.name_en and g.kpis for g in GEARS)


def test_empty_workspace_gives_nine_no_data_gears():
    report = GearModel(GearInputs(pd.DataFrame(columns=["asin", "period_start", "period_end"]))).compute()
    assert [g.status for g in report.gears] == ["no-data"] * 9
    assert all(g.score is None and g.data_as_of is None for g in report.gears)


def test_healthy_account_scores_and_statuses():
    model = GearModel(GearInputs(_facts(_weeks(12)), net_ppm_target=0.40))
    report = model.compute(weeks=4)
    by_id = {g.id: g for g in report.gears}
    assert by_id["availability"].status == "green"
    oos = by_id["availability"].kpis[0]
    assert oos.id == "oos_rate" and oos.value == pytest.approx(0.01)
    assert by_id["profitability_terms"].kpis[0].value == pytest.approx(0.42)
    assert by_id["advertising"].status == "no-data" and by_id["advertising"].score is None
    assert by_id["ops_compliance"].status == "no-data"   # no chargebacks, no manual entries
    assert _weeks(12)[-1] == "2025-03-23"
    assert by_id["availability"].data_as_of == "2025-03-29"     # the end of the newest week


def test_oos_problem_turns_availability_red():
    weeks = _weeks(12)
    facts = _facts(weeks)
    facts.loc[facts["period_start"] >= weeks[-4], "procurable_product_out_of_stock_rate"] = 0.15
    report = GearModel(GearInputs(facts)).compute(weeks=4)
    availability = report.gear("availability")
    assert availability.status == "red"
    assert availability.kpis[0].prior == pytest.approx(0.01)
    worst = GearModel(GearInputs(facts)).worst_asins(report, "availability")
    assert set(worst["asin"]) == {"A", "B"}
    assert (worst["value"] > 0).all()


def test_net_ppm_below_target_turns_profitability_red():
    report = GearModel(GearInputs(_facts(_weeks(8), ppm=0.30), net_ppm_target=0.40)).compute()
    ppm = report.gear("profitability_terms").kpis[0]
    assert ppm.status == "red" and ppm.threshold == {"kind": "min", "green": 0.40, "red": pytest.approx(0.35)}


def test_kam_threshold_override_and_custom_name():
    settings = {"availability": {"custom_name": "Lieferfähigkeit",
                                 "thresholds": {"oos_rate": {"green": 0.005, "red": 0.008}}}}
    report = GearModel(GearInputs(_facts(_weeks(8)), settings=settings)).compute()
    gear = report.gear("availability")
    assert gear.name == "Lieferfähigkeit"
    assert gear.kpis[0].status == "red"            # 1 % OOS is red under the KAM's stricter limit
    assert with_overrides(GEARS, {"x": {}})[1].kpis[0].threshold.green == 0.03


def test_manual_kpis_and_chargebacks_feed_gears():
    weeks = _weeks(8)
    manual = pd.DataFrame({"gear": ["advertising", "reviews_cx"], "kpi": ["ad_spend", "star_rating"],
                           "asin": ["", ""], "period_start": [weeks[-2], weeks[-1]],
                           "period_end": [weeks[-2], weeks[-1]], "value": [1600.0, 4.5]})
    cb = pd.DataFrame({"asin": [""], "week_start": [weeks[-1]], "chargebacks": [480.0], "shortages": [0.0]})
    report = GearModel(GearInputs(_facts(weeks), chargebacks=cb, manual=manual)).compute(weeks=4)
    ads = {k.id: k for k in report.gear("advertising").kpis}
    # TACoS = 1600 / (4 weeks * 2 ASINs * 2000) = 10 %
    assert ads["tacos"].value == pytest.approx(0.10)
    assert report.gear("advertising").status != "no-data"
    ops = report.gear("ops_compliance").kpis[0]
    # 480 / (4 * 2 * 1200) = 5 % of sell-in: red
    assert ops.value == pytest.approx(0.05) and ops.status == "red"
    assert {k.id: k for k in report.gear("reviews_cx").kpis}["star_rating"].value == 4.5


@pytest.mark.parametrize("case", ["one_week", "all_nan", "zero_revenue"])
def test_degenerate_data_never_raises(case):
    facts = _facts(_weeks(1 if case == "one_week" else 6))
    if case == "all_nan":
        facts.iloc[:, 3:] = np.nan
    if case == "zero_revenue":
        facts[["shipped_revenue", "shipped_units", "ordered_units", "ordered_revenue", "shipped_cogs"]] = 0.0
    model = GearModel(GearInputs(facts))
    report = model.compute()
    assert len(report.gears) == len(GEARS)
    for g in report.gears:
        assert g.status in ("green", "amber", "red", "no-data")
        assert g.score is None or 0 <= g.score <= 100
        for k in g.kpis:
            assert not (isinstance(k.value, float) and math.isinf(k.value))
    if case == "all_nan":
        assert all(g.status == "no-data" for g in report.gears)
    for gear_id in GEAR_IDS:
        model.worst_asins(report, gear_id)


def test_filter_by_asin_changes_the_numbers():
    weeks = _weeks(8)
    facts = _facts(weeks)
    facts.loc[facts["asin"] == "A", "procurable_product_out_of_stock_rate"] = 0.2
    products = pd.DataFrame({"asin": ["A", "B"], "brand": ["X", "Y"], "category": ["c", "c"], "title": ["a", "b"]})
    model = GearModel(GearInputs(facts, products=products))
    assert model.asins_for(brand="Y") == ["B"]
    only_b = model.compute(asins=model.asins_for(brand="Y"))
    assert only_b.gear("availability").kpis[0].value == pytest.approx(0.01)
    assert model.compute().gear("availability").kpis[0].value == pytest.approx(0.105)


def test_a_late_chargeback_does_not_move_the_period_past_the_reports():
    weeks = _weeks(8)
    cb = pd.DataFrame({"asin": [""], "week_start": ["2025-06-01"], "chargebacks": [10.0], "shortages": [0.0]})
    report = GearModel(GearInputs(_facts(weeks), chargebacks=cb)).compute(weeks=4)
    assert report.asof_week == weeks[-1]
    assert report.gear("availability").kpis[0].value == pytest.approx(0.01)


def _varied_inputs():
    """Uneven facts (NaNs, OOS, stock gaps) and per-ASIN manual entries, in asin order."""
    weeks = _weeks(20)
    facts = _facts(weeks, asins=("A", "B", "C"))
    rng = np.random.default_rng(3)
    for column in ("shipped_units", "glance_views", "procurable_product_out_of_stock_rate",
                   "sellable_on_hand_inventory_units", "net_pure_product_margin"):
        values = facts[column].to_numpy() * rng.uniform(0.5, 1.5, len(facts))
        values[rng.random(len(facts)) < 0.2] = np.nan
        facts[column] = values
    facts = facts.sort_values(["asin", "period_start"], kind="stable").reset_index(drop=True)
    manual = pd.DataFrame({"gear": ["advertising"] * 3 + ["reviews_cx"] * 3, "kpi": ["ad_spend"] * 3 + ["star_rating"] * 3,
                           "asin": ["A", "B", "A", "A", "C", "B"],
                           "period_start": [weeks[-3], weeks[-2], weeks[-1], weeks[2], weeks[5], weeks[-1]],
                           "value": [100.0, 250.0, 80.0, 4.1, 3.9, 4.6]})
    manual["period_end"] = manual["period_start"]
    return facts, manual


def test_store_coded_inputs_give_the_same_report_as_plain_ones():
    # the store hands facts in week order with integer codes and manual entries with integer
    # helpers; the plain frames (asin order, strings only) take the fallback path: same numbers
    facts, manual = _varied_inputs()
    coded = facts.sort_values(["period_start", "asin"], kind="stable").reset_index(drop=True)
    coded["week_code"] = pd.factorize(coded["period_start"], sort=True)[0]
    coded["asin_code"] = pd.factorize(coded["asin"], sort=True)[0]
    coded_manual = manual.sort_values(["gear", "kpi", "period_start"], kind="stable").reset_index(drop=True)
    coded_manual["week"] = coded_manual["period_start"]
    coded_manual["account"] = (coded_manual["asin"] == "").astype(int)
    coded_manual["series"] = pd.factorize(coded_manual["gear"] + "/" + coded_manual["kpi"])[0]
    coded_manual["week_ord"] = [(pd.Timestamp(w) - pd.Timestamp("1970-01-04")).days // 7 for w in coded_manual["week"]]
    coded_manual["asin_code"] = pd.factorize(coded_manual["asin"])[0]
    for params in ({}, {"weeks": 8, "compare": "last_year"}, {"asins": ["B", "C"], "weeks": 6}):
        plain = GearModel(GearInputs(facts, manual=manual)).compute(**params)
        fast = GearModel(GearInputs(coded, manual=coded_manual)).compute(**params)
        pd.testing.assert_frame_equal(plain.weekly, fast.weekly, rtol=1e-12)
        for name in plain.per_asin:
            pd.testing.assert_frame_equal(plain.per_asin[name], fast.per_asin[name], rtol=1e-12)
        _same_gears(plain, fast)
        if not params:      # ad spend of the last 4 weeks, summed over ASINs: 100 + 250 + 80
            assert fast.gear("advertising").kpis[1].value == pytest.approx(430.0)


def _same_gears(a, b) -> None:
    for ga, gb in zip(a.gears, b.gears):
        assert (ga.id, ga.status) == (gb.id, gb.status)
        assert (ga.score is None and gb.score is None) or ga.score == pytest.approx(gb.score, rel=1e-12)
        for ka, kb in zip(ga.kpis, gb.kpis):
            assert ka.status == kb.status
            for field in ("value", "compare", "prior", "last_year"):
                x, y = getattr(ka, field), getattr(kb, field)
                assert (math.isnan(x) and math.isnan(y)) or x == pytest.approx(y, rel=1e-12), (ka.id, field)


def test_from_parts_gives_the_same_report_and_lets_the_facts_go(monkeypatch):
    """GearModel.from_parts (one command: each big frame read once, dropped once digested): the same
    report as GearModel(inputs); the facts are freed inside prepare() before its row-long temporaries
    (_lost_and_demand), and the manual KPI frame is not kept by the model."""
    import gc
    import weakref

    from vendordesk.core.gears import kpis

    seen: dict[str, weakref.ref] = {}
    alive_in_lost: list[bool] = []
    lost_and_demand = kpis._lost_and_demand

    def watched(*args):
        gc.collect()
        if "facts" in seen:
            alive_in_lost.append(seen["facts"]() is not None)
        return lost_and_demand(*args)

    monkeypatch.setattr(kpis, "_lost_and_demand", watched)

    facts, manual = _varied_inputs()
    whole = GearModel(GearInputs(facts.copy(), manual=manual.copy())).compute(weeks=8)

    def loader(name: str, frame: pd.DataFrame):
        def load() -> pd.DataFrame:
            copy = frame.copy()
            seen[name] = weakref.ref(copy)
            return copy
        return load

    model = GearModel.from_parts(GearInputs(pd.DataFrame(columns=["asin", "period_start", "period_end"])),
                                 facts=loader("facts", facts), manual=loader("manual", manual), po_lines=lambda: None)
    gc.collect()
    assert alive_in_lost == [False]
    assert seen["facts"]() is None and seen["manual"]() is None
    parts = model.compute(weeks=8)
    _same_gears(whole, parts)
    pd.testing.assert_frame_equal(whole.weekly, parts.weekly, check_exact=True)
    # ad spend of the last 4 weeks, summed over ASINs: 100 + 250 + 80
    assert model.compute().gear("advertising").kpis[1].value == pytest.approx(430.0)


def test_with_chargebacks_shares_the_prepared_facts_and_judges_the_new_chargebacks():
    """A ticket edit: the window swaps the chargebacks on its model (one built by from_parts keeps no
    facts to prepare again). 480 € and then 960 € in the last week on 4 weeks x 2 ASINs x 1,200 €
    sell-in: 480 / 9,600 = 5 %, then 960 / 9,600 = 10 %."""
    weeks = _weeks(8)
    cb = lambda amount: pd.DataFrame({"asin": [""], "week_start": [weeks[-1]], "chargebacks": [amount],
                                      "shortages": [0.0]})
    model = GearModel.from_parts(GearInputs(_facts(weeks).iloc[:0], chargebacks=cb(480.0)),
                                 facts=lambda: _facts(weeks), manual=lambda: None, po_lines=lambda: None)
    assert model.compute(weeks=4).gear("ops_compliance").kpis[0].value == pytest.approx(0.05)
    swapped = model.with_chargebacks(cb(960.0))
    assert swapped.prepared is model.prepared
    assert swapped.compute(weeks=4).gear("ops_compliance").kpis[0].value == pytest.approx(0.10)
    assert model.compute(weeks=4).gear("ops_compliance").kpis[0].value == pytest.approx(0.05)   # untouched
    _same_gears(swapped.compute(weeks=4), GearModel(GearInputs(_facts(weeks), chargebacks=cb(960.0))).compute(weeks=4))
