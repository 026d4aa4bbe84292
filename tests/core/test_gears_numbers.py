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
