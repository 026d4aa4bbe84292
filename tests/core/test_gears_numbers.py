"""Issue 13, gears: the comparison used, the partial newest week, a gear with one KPI, the
weeks-of-cover band and PO-line rates. Worked by hand in the comments."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from vendordesk.core.gears.defs import Threshold
from vendordesk.core.gears.report import GearInputs, GearModel, judge


def _weeks(n: int, first: str = "2025-01-05") -> list[str]:
    return [(pd.Timestamp(first) + pd.Timedelta(weeks=i)).strftime("%Y-%m-%d") for i in range(n)]


def _facts(weeks, asins=("A", "B")) -> pd.DataFrame:
    rows = [{"asin": a, "period_start": w, "ordered_units": 100.0, "ordered_revenue": 2000.0,
             "shipped_units": 100.0, "shipped_revenue": 2000.0, "shipped_cogs": 1200.0, "customer_returns": 3.0,
             "glance_views": 1000.0, "procurable_product_out_of_stock_rate": 0.01,
             "sellable_on_hand_inventory_units": 500.0} for w in weeks for a in asins]
    return pd.DataFrame(rows)


def test_cover_band_scores_overstock_down():
    band = Threshold("band", 4.0, 2.0, 8.0, 12.0)
    # 6 weeks: low side 80 + 20 x min(1, 2/2) = 100, high side 80 + 20 x (8 - 6)/4 = 90 -> 90 green
    assert judge(6.0, np.nan, band, 0) == (pytest.approx(90.0), "green")
    # 10 weeks: above green 8, below red 12: 50 + 30 x (12 - 10)/4 = 65 amber
    assert judge(10.0, np.nan, band, 0) == (pytest.approx(65.0), "amber")
    # 24.7 weeks (an OOS ASIN with stock piling up) is red, not 100
    assert judge(24.7, np.nan, band, 0) == (0.0, "red")
    assert judge(1.0, np.nan, band, 0)[1] == "red"


def test_default_comparison_is_last_year_where_a_year_exists():
    long = GearModel(GearInputs(_facts(_weeks(60)))).compute(weeks=4)
    # 60 weeks: the same 4 weeks 52 weeks back start at week 5 >= first week -> last year
    assert long.compare == "last_year" and long.compare_requested == "auto"
    assert all(g.compare == "last_year" for g in long.gears)
    short = GearModel(GearInputs(_facts(_weeks(20)))).compute(weeks=4)
    assert short.compare == "prior"
    assert GearModel(GearInputs(_facts(_weeks(60)))).compute(compare="prior").compare == "prior"


def test_a_partial_newest_week_is_not_the_current_week():
    weeks = _weeks(10)
    asins = [f"B{i:09d}" for i in range(10)]
    facts = pd.concat([_facts(weeks[:9], asins), _facts(weeks[9:], asins[:1])])
    model = GearModel(GearInputs(facts))
    # week 10 has 1 of the usual 10 ASINs (10 % < 80 %): the dashboard stays on week 9
    report = model.compute(weeks=1)
    assert report.asof_week == weeks[8] and report.partial_week == weeks[9]
    assert all(g.data_as_of in (None, "2025-03-08") for g in report.gears)   # week 9 ends 03-08
    # 8 of 10 ASINs is complete
    full = pd.concat([_facts(weeks[:9], asins), _facts(weeks[9:], asins[:8])])
    assert GearModel(GearInputs(full)).compute(weeks=1).asof_week == weeks[9]
    # an explicit as-of week is judged as asked
    assert model.compute(asof=weeks[9], weeks=1).asof_week == weeks[9]


def test_a_gear_with_one_kpi_of_data_says_so():
    report = GearModel(GearInputs(_facts(_weeks(10)))).compute(weeks=4)
    reviews = report.gear("reviews_cx")
    # return rate 3 / 100 = 3 % has data, the star rating (manual) has none: no score of 100
    assert reviews.scored_kpis == 1 and reviews.judged_kpis == 2
    assert reviews.score is None and reviews.note == "one_kpi" and reviews.status == "green"
    assert report.gear("reviews_cx").as_dict()["note"] == "one_kpi"


def test_confirmation_and_fill_rate_from_po_lines():
    weeks = _weeks(4)
    lines = pd.DataFrame([
        # ordered in the period (with the open PO below): accepted (90 + 10 + 50) / requested
        # (200 + 10 + 50) = 150 / 260 = 57.7 % (the mean of the line rates would be 81.7 %)
        ("A", weeks[1], "closed", 200.0, 90.0, 81.0, weeks[2]),
        ("B", weeks[2], "closed", 10.0, 10.0, 10.0, weeks[3]),
        # ordered before the 4-week period: not counted for confirmation
        ("A", "2024-12-01", "closed", 500.0, 0.0, 0.0, "2024-12-10"),
        # still open: not counted for fill
        ("B", weeks[3], "confirmed", 50.0, 50.0, 0.0, weeks[3]),
    ], columns=["asin", "order_date", "status", "requested_qty", "accepted_qty", "received_qty", "expected_date"])
    report = GearModel(GearInputs(_facts(weeks), po_lines=lines)).compute(weeks=4)
    kpis = {k.id: k.value for k in report.gear("forecast_ordering").kpis}
    assert kpis["confirmation_rate"] == pytest.approx((90.0 + 10.0 + 50.0) / (200.0 + 10.0 + 50.0))
    # fill on closed POs expected in the period: (81 + 10) / (90 + 10) = 91 %
    assert kpis["fill_rate"] == pytest.approx(0.91)
    per_asin = report.per_asin["current"]
    assert per_asin.loc["A", "confirmation_rate"] == pytest.approx(90.0 / 200.0)


def test_oos_count_is_glance_weighted_over_the_period_and_names_its_limit_and_window():
    """The gear tile's count (kpis.asins_above_oos_limit), worked by hand on 2 weeks, limit 8 %:

    - A: week 1 OOS 20 % on 1,000 glance views, week 2 OOS 2 % on 3,000:
      (0.20 x 1,000 + 0.02 x 3,000) / 4,000 = 260 / 4,000 = 6.5 % -> not above 8 %
      (the unweighted mean of the weeks, 11 %, would count it);
    - B: 9 % both weeks -> 9 % -> above; C: exactly 8 % -> not above (strictly above);
    - D: no OOS rate -> neither counted nor in the share's base.
    Count 1; share 1 / 3 ASINs with a known rate = 33.3 %.
    """
    from vendordesk.core.gears import kpis as K
    from vendordesk.core.gears.report import kpi_name

    weeks = _weeks(2)
    facts = _facts(weeks, ("A", "B", "C", "D"))
    oos = {("A", 0): 0.20, ("A", 1): 0.02, ("B", 0): 0.09, ("B", 1): 0.09, ("C", 0): 0.08, ("C", 1): 0.08}
    views = {("A", 0): 1000.0, ("A", 1): 3000.0}
    facts["procurable_product_out_of_stock_rate"] = [oos.get((a, weeks.index(w)), np.nan)
                                                    for a, w in zip(facts["asin"], facts["period_start"])]
    facts["glance_views"] = [views.get((a, weeks.index(w)), 1000.0) for a, w in zip(facts["asin"], facts["period_start"])]
    model = GearModel(GearInputs(facts))
    report = model.compute(weeks=2, compare="prior")
    per = report.per_asin["current"]
    assert per.loc["A", "oos_rate"] == pytest.approx(0.065)
    availability = report.gear("availability")
    count = next(k for k in availability.kpis if k.id == "asins_oos")
    share = next(k for k in availability.kpis if k.id == "asins_oos_share")
    assert count.value == 1.0 and share.value == pytest.approx(1 / 3)
    assert K.asins_above_oos_limit(np.array([0.065, 0.09, 0.08, np.nan]), 0.08) == (1.0, pytest.approx(1 / 3))
    assert all(np.isnan(K.asins_above_oos_limit(np.array([np.nan]), 0.08)))
    # the name says the limit and the window, in both languages
    assert count.name == "ASINs with OOS over 8% (last 2 weeks)"
    assert model.compute(weeks=1, compare="prior", lang="de").gear("availability").kpis[4].name == \
        "ASINs mit OOS über 8\u00a0% (letzte Woche)"
    k = next(k for g in model.gears for k in g.kpis if k.id == "asins_oos_share")
    assert kpi_name(k, "de", 4, 0.075) == "Anteil ASINs mit OOS über 7,5\u00a0% (letzte 4 Wochen)"


def test_the_oos_count_and_the_forecast_at_risk_count_are_different_named_figures():
    """Past vs future: the gear tile counts ASINs whose OOS WAS above the limit in the period;
    the forecast counts ASINs AT RISK of running out in its next 4 projected weeks (a week whose
    stock at its start is below P80/P90 demand), supply.at_risk_asins, the one function the tab
    badge and the risk page call. Risk weeks: X in week 2, Y in week 6 (of 6) -> next 4: [X];
    over all 6 weeks: [X, Y]."""
    from vendordesk.core.forecast.supply import RISK_HORIZON_WEEKS, at_risk_asins

    weeks = _weeks(6, "2026-11-22")
    risks = pd.DataFrame({"asin": ["X", "Y", "X"], "week_start": [weeks[1], weeks[5], weeks[2]]})
    assert RISK_HORIZON_WEEKS == 4
    assert at_risk_asins(risks, weeks) == ["X"]
    assert at_risk_asins(risks, weeks, horizon=len(weeks)) == ["X", "Y"]
    assert at_risk_asins(risks.iloc[:0], weeks) == []


def test_pre_oos_run_rate_is_the_asins_own_last_weeks_whatever_other_asins_did():
    """Lost units at 100 % OOS = OOS x the ASIN's pre-OOS run rate (the mean of ordered / (1 − OOS)
    over its last 8 weeks at most 50 % OOS). Another ASIN's high-OOS weeks must not shift that
    window (they once did: a running sum over all rows was read at a count of valid weeks).

    A (sorted first): 3 weeks at 60 % OOS -> no usable week, its lost units stay unknown.
    B: week 1 0 % OOS, 10 ordered -> 10 / 1.0 = 10; week 2 50 % OOS, 10 ordered -> 10 / 0.5 = 20;
    week 3 100 % OOS -> lost = 1.0 x (10 + 20) / 2 = 15 units (week 2 itself: 10 x 0.5 / 0.5 = 10).
    """
    from vendordesk.core.gears import kpis as K

    weeks = _weeks(3)
    facts = _facts(weeks, ("A", "B"))
    facts["ordered_units"] = [10.0 if not (a == "B" and w == weeks[2]) else 0.0 for a, w in zip(facts["asin"], facts["period_start"])]
    oos = {"A": [0.6, 0.6, 0.6], "B": [0.0, 0.5, 1.0]}
    facts["procurable_product_out_of_stock_rate"] = [oos[a][weeks.index(w)]
                                                    for a, w in zip(facts["asin"], facts["period_start"])]
    lost = pd.Series(K.lost_units(facts), index=pd.MultiIndex.from_frame(facts[["asin", "period_start"]]))
    assert lost[("B", weeks[0])] == pytest.approx(0.0)
    assert lost[("B", weeks[1])] == pytest.approx(10.0)
    assert lost[("B", weeks[2])] == pytest.approx(15.0)
    assert np.isnan(lost[("A", weeks[2])])
    prepared = K.prepare(facts)
    row = prepared[(prepared["asin"] == "B") & (prepared["period_start"] == weeks[2])].iloc[0]
    assert row["lost_units"] == pytest.approx(15.0) and row["demand_units"] == pytest.approx(15.0)


def test_lost_sales_say_how_sure_they_are():
    """The same two ASINs as above, judged over their 3 weeks. Lost units: B 0 + 10 + 15 = 25
    (A's 3 weeks at 60 % OOS have no earlier usable week: unknown, not counted). Of the 25, the
    15 of B's 100 % OOS week come from the pre-OOS run rate (the least sure part): 15 / 25 = 60 %;
    3 ASIN-weeks out of stock are unknown. Measured KPIs carry no estimate."""
    weeks = _weeks(3)
    facts = _facts(weeks, ("A", "B"))
    facts["ordered_units"] = [10.0 if not (a == "B" and w == weeks[2]) else 0.0
                              for a, w in zip(facts["asin"], facts["period_start"])]
    oos = {"A": [0.6, 0.6, 0.6], "B": [0.0, 0.5, 1.0]}
    facts["procurable_product_out_of_stock_rate"] = [oos[a][weeks.index(w)]
                                                    for a, w in zip(facts["asin"], facts["period_start"])]
    report = GearModel(GearInputs(facts)).compute(weeks=3, compare="prior")
    kpis = {k.id: k for k in report.gear("availability").kpis}
    assert kpis["lost_units"].value == pytest.approx(25.0)
    for kpi_id in ("lost_units", "lost_value", "lost_share"):
        estimate = kpis[kpi_id].as_dict()["estimate"]
        assert estimate["run_rate_unit_share"] == pytest.approx(0.6)
        assert estimate["unknown_asin_weeks"] == 3
    assert kpis["oos_rate"].estimate is None and "estimate" in kpis["oos_rate"].as_dict()
    only_b = GearModel(GearInputs(facts)).compute(weeks=3, compare="prior", asins=["B"])
    b = {k.id: k for k in only_b.gear("availability").kpis}["lost_units"]
    assert b.estimate["unknown_asin_weeks"] == 0 and b.estimate["run_rate_unit_share"] == pytest.approx(0.6)


def test_from_parts_reads_po_lines_and_manual_kpis_before_the_facts():
    """The window's and the command's model read the PO lines and the manual KPIs first, while
    nothing else is held; their frames are digested and dropped before the facts are prepared (at
    5,000 ASINs x 156 weeks read after the prepared matrix they set the peak, issue 18). The PO
    lines' ASIN codes then follow the model's ASINs: a line of an ASIN without facts (Z) is not
    counted, as when the model codes them itself. The same hand-worked rates as above."""
    weeks = _weeks(4)
    lines = pd.DataFrame([
        ("B", weeks[2], "closed", 10.0, 10.0, 10.0, weeks[3]),
        ("Z", weeks[2], "confirmed", 100.0, 100.0, 0.0, weeks[3]),
        ("A", weeks[1], "closed", 200.0, 90.0, 81.0, weeks[2]),
        ("B", weeks[3], "confirmed", 50.0, 50.0, 0.0, weeks[3]),
    ], columns=["asin", "order_date", "status", "requested_qty", "accepted_qty", "received_qty", "expected_date"])
    calls: list[str] = []

    def loader(name: str, make):
        def load():
            calls.append(name)
            return make()
        return load

    model = GearModel.from_parts(GearInputs(pd.DataFrame(columns=["asin", "period_start", "period_end"])),
                                 facts=loader("facts", lambda: _facts(weeks)), manual=loader("manual", lambda: None),
                                 po_lines=loader("po_lines", lines.copy))
    assert calls == ["manual", "po_lines", "facts"]
    report = model.compute(weeks=4)
    kpis = {k.id: k.value for k in report.gear("forecast_ordering").kpis}
    # accepted (10 + 90 + 50) / requested (10 + 200 + 50) = 150 / 260
    assert kpis["confirmation_rate"] == pytest.approx(150.0 / 260.0)
    assert kpis["fill_rate"] == pytest.approx(0.91)          # (81 + 10) / (90 + 10), Z not closed
    per_asin = report.per_asin["current"]
    assert per_asin.loc["A", "confirmation_rate"] == pytest.approx(90.0 / 200.0)
    assert per_asin.loc["B", "confirmation_rate"] == pytest.approx(60.0 / 60.0)
    assert "Z" not in per_asin.index
