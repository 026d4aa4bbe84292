"""Hand-worked KPI formulas (domain.md §1.3, §1.5, T06, T11, T26)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from vendordesk.core.gears import kpis as K

W1, W2, W3 = "2026-01-04", "2026-01-11", "2026-01-18"


def test_asp_is_revenue_per_shipped_unit():
    assert K.asp(1000.0, 40.0) == pytest.approx(25.0)
    assert math.isnan(K.asp(1000.0, 0.0))          # no units: unknown, not 0 or inf
    assert math.isnan(K.asp(float("nan"), 10.0))


def test_conversion_is_ordered_units_per_glance_view():
    assert K.conversion(30.0, 600.0) == pytest.approx(0.05)
    assert math.isnan(K.conversion(30.0, 0.0))


def test_weeks_of_cover_counts_open_pos_and_refuses_negative_stock():
    # (120 on hand + 60 open PO) / 30 a week = 6 weeks
    assert K.weeks_of_cover(120.0, 60.0, 30.0) == pytest.approx(6.0)
    assert K.weeks_of_cover(120.0, float("nan"), 30.0) == pytest.approx(4.0)
    assert math.isnan(K.weeks_of_cover(-3.0, 0.0, 30.0))      # backorders (T11)
    assert math.isnan(K.weeks_of_cover(120.0, 0.0, 0.0))      # no run-rate


def test_net_ppm_formula_with_contra_cogs_and_sales_discount():
    # (1000 - 600 + 50 - 20) / 1000 = 0.43
    assert K.net_ppm(1000.0, 600.0, 50.0, 20.0) == pytest.approx(0.43)
    # T26: ASP 19.99, cost 10.00, contra-COGS 12 % of cost -> (19.99 - 10 + 1.2) / 19.99 = 56.0 %
    assert K.net_ppm(19.99, 10.0, 1.2) == pytest.approx(0.5598, abs=1e-4)
    # after the CPI to 10.80: (19.99 - 10.8 + 1.296) / 19.99 = 52.5 %
    assert K.net_ppm(19.99, 10.8, 1.296) == pytest.approx(0.5246, abs=1e-4)
    # negative margins are not clamped (T06)
    assert K.net_ppm(100.0, 112.0) == pytest.approx(-0.12)
    assert math.isnan(K.net_ppm(0.0, 10.0))


def test_lost_sales_estimate():
    # 90 units sold while 10 % of views were OOS: 90 * 0.1 / 0.9 = 10 units lost
    assert K.lost_sales_units(90.0, 0.10) == pytest.approx(10.0)
    assert K.lost_sales_units(90.0, 0.0) == 0.0
    assert math.isnan(K.lost_sales_units(90.0, 1.0))            # 100 % OOS, no pre-OOS run rate: unknown
    assert K.lost_sales_units(0.0, 1.0, 40.0) == pytest.approx(40.0)   # 100 % x 40 a week before
    assert K.lost_sales_units(5.0, 0.95, 40.0) == pytest.approx(38.0)  # 95 % x 40, not 5 x 19 = 95
    assert math.isnan(K.lost_sales_units(90.0, float("nan")))


def test_chargebacks_as_share_of_sell_in():
    # 300 EUR chargebacks on 20,000 EUR shipped COGS = 1.5 %
    assert K.chargeback_share(300.0, 20000.0) == pytest.approx(0.015)
    assert math.isnan(K.chargeback_share(300.0, 0.0))


def test_return_rate_and_relative_change():
    assert K.return_rate(6.0, 120.0) == pytest.approx(0.05)
    assert K.relative_change(90.0, 100.0) == pytest.approx(-0.10)
    assert math.isnan(K.relative_change(90.0, 0.0))


def test_oos_rate_is_weighted_by_glance_views():
    # A: 20 % OOS on 100 views, B: 0 % on 300 views -> 20 / 400 = 5 % (a plain mean says 10 %)
    rates = pd.Series([0.2, 0.0])
    views = pd.Series([100.0, 300.0])
    assert K.weighted_rate(rates, views) == pytest.approx(0.05)
    assert math.isnan(K.weighted_rate(pd.Series([float("nan")]), pd.Series([10.0])))


def _facts() -> pd.DataFrame:
    rows = []
    for week, oos_a, on_a, po_a, on_b in ((W1, 0.0, 50, 0, 100), (W2, 0.5, 40, 0, 100), (W3, 0.0, 30, 30, 90)):
        rows.append({"asin": "A", "period_start": week, "shipped_units": 10.0, "shipped_revenue": 200.0,
                     "ordered_units": 10.0, "glance_views": 100.0, "procurable_product_out_of_stock_rate": oos_a,
                     "sellable_on_hand_inventory_units": float(on_a), "open_purchase_order_units": float(po_a)})
        rows.append({"asin": "B", "period_start": week, "shipped_units": 20.0, "shipped_revenue": 300.0,
                     "ordered_units": 20.0, "glance_views": 300.0, "procurable_product_out_of_stock_rate": 0.0,
                     "sellable_on_hand_inventory_units": float(on_b), "open_purchase_order_units": 0.0})
    return pd.DataFrame(rows)


def test_period_pipeline_sums_flows_and_takes_stocks_at_the_end():
    prepared = K.prepare(_facts())
    totals = K.weekly_totals(prepared)
    assert list(totals.index) == [W1, W2, W3]
    period = K.kpi_table(K.period_of_totals(totals, W2, W3))
    assert period["asp"] == pytest.approx(1000.0 / 60.0)
    # OOS: (0.5 * 100) / (100 + 300 + 100 + 300) = 50 / 800
    assert period["oos_rate"] == pytest.approx(0.0625)
    # stock at W3: 30 + 90 on hand + 30 open PO = 150; OOS-corrected demand: ordered 60 + lost 10
    # (A in W2 at 50 % OOS) = 70 units / 2 weeks = 35 a week -> 150 / 35 = 4.29 (censored shipped: 5.0)
    assert period["weeks_of_cover"] == pytest.approx(150.0 / 35.0)
    # lost: A in W2: 10 * 0.5 / 0.5 = 10 units at 20 EUR
    assert period["lost_units"] == pytest.approx(10.0)
    assert period["lost_value"] == pytest.approx(200.0)
    assert math.isnan(period["net_ppm"])          # no margin data: unknown, not 0


def test_per_asin_and_chargebacks():
    prepared = K.prepare(_facts())
    cb = pd.DataFrame({"asin": ["A", ""], "week_start": [W3, W3], "chargebacks": [30.0, 12.0],
                       "shortages": [0.0, 5.0]})
    by_asin = K.kpi_table(K.per_asin(prepared, W2, W3, cb))
    # A: 30 on hand + 30 open PO = 60; demand (10 + 10 lost) + 10 = 30 units / 2 weeks = 15 -> 4.0
    assert by_asin.loc["A", "weeks_of_cover"] == pytest.approx(60.0 / 15.0)
    assert by_asin.loc["A", "chargebacks"] == pytest.approx(30.0)
    assert math.isnan(by_asin.loc["B", "chargebacks"])
    totals = K.weekly_totals(prepared, cb)
    assert totals.loc[W3, "chargebacks"] == pytest.approx(42.0)
    assert totals.loc[W3, "shortages"] == pytest.approx(5.0)


def test_periods_are_whole_weeks_and_last_year_is_52_weeks_back():
    spans = K.periods("2026-03-01", 4)
    assert spans["current"] == ("2026-02-08", "2026-03-01")
    assert spans["prior"] == ("2026-01-11", "2026-02-01")
    assert spans["last_year"] == ("2025-02-09", "2025-03-02")
    assert K.week_start("2026-03-04") == "2026-03-01"     # a Wednesday -> its Sunday
    assert K.week_start("2026-03-01") == "2026-03-01"


def test_empty_and_all_nan_frames_do_not_raise():
    empty = K.prepare(pd.DataFrame(columns=["asin", "period_start", "period_end"]))
    assert K.weekly_totals(empty).empty
    nan_rows = pd.DataFrame({"asin": ["A"], "period_start": [W1], "shipped_units": [float("nan")]})
    table = K.kpi_table(K.weekly_totals(K.prepare(nan_rows)))
    assert table.loc[W1, "active_asins"] == 0
    assert table.drop(columns="active_asins").isna().all().all()


def test_prepared_matrix_keeps_only_what_is_summed():
    """Each float column of the prepared matrix is 6.3 MB at 5,000 ASINs x 156 weeks (issue 18).
    The six raw rates are kept instead of their weighted parts (w__, wx__: worked out where summed),
    and the chargeback columns would always be NaN (chargebacks come from their own frame): not kept.
    The aggregates still carry every summed column, chargebacks NaN without a chargeback frame."""
    prepared = K.prepare(_facts())
    floats = [c for c in prepared.columns if prepared[c].dtype == float]
    assert not {f"{p}__{c}" for c in K.WEIGHTED for p in ("w", "wx")} & set(floats)
    assert not set(K.CB_COLUMNS) & set(floats)
    assert K.numeric_block(prepared).shape[1] == len(floats)
    totals = K.weekly_totals(prepared)
    assert list(totals.columns) == K._sum_columns() + ["weeks"]
    per = K.per_asin(prepared, W1, W3)
    summed = [c for c in K._sum_columns() if c not in K.SNAPSHOTS]
    assert list(per.columns) == summed + list(K.SNAPSHOTS) + ["weeks"]
    assert totals["chargebacks"].isna().all() and per["shortages"].isna().all()
    # A's OOS-weighted parts survive without the rate column: 0.5 x 100 glance views in W2
    assert per.loc["A", "wx__procurable_product_out_of_stock_rate"] == pytest.approx(50.0)
    assert per.loc["A", "w__procurable_product_out_of_stock_rate"] == pytest.approx(300.0)


def _bits(values):
    import numpy as np

    return np.where(np.isnan(values), np.nan, values).view(np.int64).tolist()


def test_lost_sales_in_blocks_of_asins_are_the_same_bits():
    """Lost units and value, demand and the opening stock are worked out a block of ASINs at a time
    (the row-long temporaries of 5,000 ASINs x 156 weeks were +110 MB at the gears' peak, issue 18);
    each ASIN's numbers are the same bits as in one block, the run rate's running sum carried on
    from block to block. Rows come unsorted, ASINs of uneven length, OOS over 50 % and 100 %."""
    import numpy as np

    rng = np.random.default_rng(7)
    asins = np.repeat(np.arange(7), [30, 1, 12, 30, 5, 30, 2])
    weeks = np.concatenate([np.arange(k) for k in (30, 1, 12, 30, 5, 30, 2)])
    shuffle = rng.permutation(len(asins))
    asins, weeks = asins[shuffle], weeks[shuffle]
    n = len(asins)
    oos = rng.choice([0.0, 0.1, 0.5, 0.7, 1.0, np.nan], n)
    base = {"procurable_product_out_of_stock_rate": oos,
            "ordered_units": np.where(rng.random(n) < 0.1, np.nan, rng.integers(0, 50, n).astype(float)),
            "shipped_units": rng.integers(0, 50, n).astype(float),
            "ordered_revenue": rng.random(n) * 900, "shipped_revenue": rng.random(n) * 900,
            "sellable_on_hand_inventory_units": rng.integers(0, 300, n).astype(float)}
    outputs = ("lost_units", "lost_value", "demand_units", "opening_on_hand_units")
    results = []
    for rows in (10**9, 1, 13, 40):
        cols = {**{k: v.copy() for k, v in base.items()}, **{k: np.full(n, np.nan) for k in outputs}}
        K._lost_and_demand(cols, weeks, asins, rows=rows)
        results.append([_bits(cols[k]) for k in outputs])
    assert results[1] == results[0] and results[2] == results[0] and results[3] == results[0]
    assert not np.isnan(np.array(results[0][0]).view(float)).all()


def test_what_prepare_can_work_out_again_is_not_stored_but_summed_the_same():
    """Confirmed and requested units, ``active`` and the weighted parts are worked out from the stored
    columns where they are summed (the prepared matrix: 9 columns, 57 MB fewer at 5,000 x 156).
    A receives 90 units at a 90 % fill rate and 80 % confirmation: 90 / 0.9 = 100 confirmed,
    100 / 0.8 = 125 requested; fill rate weighted by confirmed units: 0.9 x 100 = 90."""
    facts = pd.DataFrame([{"asin": "A", "period_start": W1, "shipped_units": 10.0, "net_received_inventory_units": 90.0,
                           "receive_fill_rate": 0.9, "vendor_confirmation_rate": 0.8},
                          {"asin": "B", "period_start": W1, "shipped_units": 0.0, "net_received_inventory_units": 50.0}])
    prepared = K.prepare(facts)
    stored = set(prepared.columns)
    assert not {"confirmed_units", "requested_units", "active", "w__receive_fill_rate"} & stored
    per = K.per_asin(prepared, W1, W1)
    assert per.loc["A", "confirmed_units"] == pytest.approx(100.0)
    assert per.loc["A", "requested_units"] == pytest.approx(125.0)
    assert per.loc["A", "w__receive_fill_rate"] == pytest.approx(100.0)
    assert per.loc["A", "wx__receive_fill_rate"] == pytest.approx(90.0)
    assert per.loc["A", "wx__vendor_confirmation_rate"] == pytest.approx(100.0)     # 0.8 x 125
    assert per.loc["A", "active"] == 1.0 and per.loc["B", "active"] == 0.0
    assert math.isnan(per.loc["B", "confirmed_units"])          # no fill rate: unknown
    week = K.weekly_totals(prepared).loc[W1]
    assert week["active"] == 1.0 and week["confirmed_units"] == pytest.approx(100.0)
    assert K.weekly_totals(K.subset(prepared, np.array([0]))).loc[W1, "requested_units"] == pytest.approx(125.0)
