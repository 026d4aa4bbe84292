"""Issue 13, KPI definitions as Amazon computes them, worked by hand: unit-weighted rates,
period sell-through, lost sales at 100 % OOS, OOS-corrected weeks of cover, duplicate rows."""

import math

import pandas as pd
import pytest

from vendordesk.core.gears import kpis as K

W1, W2 = "2026-03-01", "2026-03-08"


def _row(asin, week, **kw):
    base = {"asin": asin, "period_start": week, "ordered_units": 0.0, "shipped_units": 0.0,
            "ordered_revenue": 0.0, "shipped_revenue": 0.0, "glance_views": 100.0,
            "procurable_product_out_of_stock_rate": 0.0, "sell_through_rate": 0.9}
    base.update(kw)
    return base


def _facts():
    return pd.DataFrame([
        _row("A", W1, sellable_on_hand_inventory_units=100.0),
        _row("B", W1, sellable_on_hand_inventory_units=40.0),
        _row("C", W1, ordered_units=40.0, ordered_revenue=800.0, shipped_units=40.0, shipped_revenue=800.0,
             sellable_on_hand_inventory_units=0.0),
        _row("A", W2, shipped_units=50.0, ordered_units=50.0, customer_returns=5.0,
             net_received_inventory_units=90.0, receive_fill_rate=0.9, vendor_confirmation_rate=0.5,
             average_vendor_lead_time_days=20.0, sellable_on_hand_inventory_units=135.0),
        _row("B", W2, shipped_units=30.0, ordered_units=30.0, customer_returns=0.0,
             net_received_inventory_units=10.0, receive_fill_rate=1.0, vendor_confirmation_rate=1.0,
             average_vendor_lead_time_days=10.0, sellable_on_hand_inventory_units=20.0),
        _row("C", W2, procurable_product_out_of_stock_rate=1.0, sellable_on_hand_inventory_units=0.0),
    ])


def _period():
    return K.kpi_table(K.period_of_totals(K.weekly_totals(K.prepare(_facts())), W2, W2))


def test_rates_are_unit_weighted():
    p = _period()
    # A: received 90 at fill 0.9 -> confirmed 100, at confirmation 0.5 -> requested 200; B: 10, 10, 10
    # confirmation = (100 + 10) / (200 + 10) = 0.5238 (mean of the two rates: 0.75)
    assert p["confirmation_rate"] == pytest.approx(110.0 / 210.0)
    # fill = received / confirmed = (90 + 10) / (100 + 10) = 0.9091 (mean: 0.95)
    assert p["fill_rate"] == pytest.approx(100.0 / 110.0)
    # lead time per received unit: (20 x 90 + 10 x 10) / 100 = 19.0 days (mean: 15)
    assert p["lead_time_days"] == pytest.approx(19.0)


def test_sell_through_is_amazons_period_definition():
    p = _period()
    # (shipped 50 + 30 - returns 5) / (on hand at the start 100 + 40 + 0 + received 90 + 10)
    # = 75 / 240 = 0.3125; the reported weekly rates (0.9) are not averaged
    assert p["sell_through"] == pytest.approx(75.0 / 240.0)
    assert K.sell_through(80.0, 5.0, 140.0, 100.0) == pytest.approx(0.3125)


def test_lost_sales_at_100_percent_oos_come_from_the_pre_oos_run_rate():
    p = _period()
    # C sold 40 a week at 0 % OOS in W1 and is 100 % OOS in W2: lost = 1.0 x 40 = 40 units,
    # at its last price 800 / 40 = 20.00 -> 800 EUR (not NaN counted as 0)
    assert p["lost_units"] == pytest.approx(40.0)
    assert p["lost_value"] == pytest.approx(800.0)


def test_weeks_of_cover_divides_by_oos_corrected_demand():
    by_asin = K.kpi_table(K.per_asin(K.prepare(_facts()), W1, W2))
    # C: no stock; B: 20 on hand / ((0 + 30) / 2 weeks = 15) = 1.33 weeks
    assert by_asin.loc["B", "weeks_of_cover"] == pytest.approx(20.0 / 15.0)
    # an ASIN with stock that is mostly OOS: shipped is censored, demand is not
    facts = pd.DataFrame([_row("D", W1, ordered_units=10.0, ordered_revenue=100.0, shipped_units=10.0,
                               procurable_product_out_of_stock_rate=0.0, sellable_on_hand_inventory_units=5.0),
                          _row("D", W2, ordered_units=1.0, ordered_revenue=10.0, shipped_units=1.0,
                               procurable_product_out_of_stock_rate=0.9, sellable_on_hand_inventory_units=50.0)])
    d = K.kpi_table(K.per_asin(K.prepare(facts), W1, W2)).loc["D"]
    # demand: W1 10; W2 at 90 % OOS: 1 ordered + 0.9 x 10 (pre-OOS run rate) = 10 -> 20 / 2 = 10 a week
    # cover 50 / 10 = 5.0 weeks (censored shipped 11 / 2 = 5.5 a week would say 9.1)
    assert d["weeks_of_cover"] == pytest.approx(5.0)


def test_duplicate_asin_rows_add_up():
    # the same ASIN twice in a week (two marketplaces): flows add, 30 + 20 = 50 units
    facts = pd.DataFrame([_row("A", W1, shipped_units=30.0, shipped_revenue=300.0),
                          _row("A", W1, shipped_units=20.0, shipped_revenue=260.0)])
    totals = K.weekly_totals(K.prepare(facts))
    assert totals.loc[W1, "shipped_units"] == 50.0
    # ASP = 560 / 50 = 11.20 (not the mean of 10.00 and 13.00)
    assert K.kpi_table(totals).loc[W1, "asp"] == pytest.approx(11.2)


def test_duplicate_asin_rows_add_up_per_asin_too():
    """Per ASIN as in the account total: two rows of A in its last week (two marketplaces) hold
    100 + 50 = 150 units on hand and 10 + 5 = 15 on open POs, not whichever row came last."""
    facts = pd.DataFrame([_row("A", W2, shipped_units=30.0, sellable_on_hand_inventory_units=100.0,
                               open_purchase_order_units=10.0),
                          _row("A", W2, shipped_units=20.0, sellable_on_hand_inventory_units=50.0,
                               open_purchase_order_units=5.0)])
    prepared = K.prepare(facts)
    per = K.per_asin(prepared, W1, W2)
    assert per.loc["A", "shipped_units"] == 50.0
    assert per.loc["A", "sellable_on_hand_inventory_units"] == 150.0
    assert per.loc["A", "open_purchase_order_units"] == 15.0
    total = K.periods_of_totals(K.weekly_totals(prepared), {"p": (W1, W2)}).loc["p"]
    assert total["sellable_on_hand_inventory_units"] == per.loc["A", "sellable_on_hand_inventory_units"]


def test_conversion_is_on_ordered_units_not_shipped():
    # 30 ordered, 20 shipped, 1000 glance views: 3.0 %, not 2.0 %
    facts = pd.DataFrame([_row("A", W1, ordered_units=30.0, shipped_units=20.0, glance_views=1000.0)])
    assert K.kpi_table(K.weekly_totals(K.prepare(facts))).loc[W1, "conversion"] == pytest.approx(0.03)


def test_net_ppm_sales_discount_sign_and_reported_first():
    # (1000 - 600 + 50 - 20) / 1000 = 0.43; a "+ discount" mutation gives 0.47
    assert K.net_ppm(1000.0, 600.0, 50.0, 20.0) == pytest.approx(0.43)
    facts = pd.DataFrame([_row("A", W1, shipped_revenue=1000.0, shipped_cogs=600.0, contra_cogs=50.0,
                               sales_discount=20.0, shipped_units=10.0)])
    assert K.kpi_table(K.weekly_totals(K.prepare(facts))).loc[W1, "net_ppm"] == pytest.approx(0.43)
    # Amazon's reported Net PPM wins over the derived one where the workspace has it
    facts["net_pure_product_margin"] = 0.41
    assert K.kpi_table(K.weekly_totals(K.prepare(facts))).loc[W1, "net_ppm"] == pytest.approx(0.41)
    assert not math.isnan(K.net_ppm(1000.0, 600.0, float("nan"), 20.0))   # missing contra counts 0
