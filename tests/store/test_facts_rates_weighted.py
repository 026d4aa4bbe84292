"""Rates combined over marketplaces and over the days of a week are weighted as Amazon defines them
(issue 13): OOS rate by glance views, confirmation rate by requested units, fill rate by confirmed
units, lead time by received units, sell-through by shipped units, Net PPM by shipped revenue.
A plain mean is used only where no row has a weight. Both the SQL reader and the snapshot agree."""

from __future__ import annotations

import pandas as pd
import pytest

from vendordesk.core.parsed import FactBlock, ParsedReport
from vendordesk.store import facts_snapshot
from vendordesk.store.facts import write_report
from vendordesk.store.facts_read import _weekly_sql, weekly_frame

DE, FR = "A1PA6795UKMFR9", "A13V1IB3VIYZZH"
WEEK = ("2024-10-06", "2024-10-12")
INVENTORY = ("procurable_product_out_of_stock_rate", "vendor_confirmation_rate", "receive_fill_rate",
             "average_vendor_lead_time_days", "sell_through_rate", "net_received_inventory_units",
             "sellable_on_hand_inventory_units")


def _report(table: str, columns: tuple, rows: list, name: str, grain: str = "week") -> ParsedReport:
    report = ParsedReport(file_name=name, source="csv", report_type=table.split("_")[0], grain=grain,
                          period_start=rows[0][5], period_end=rows[-1][6], currency="EUR", locale="de_DE",
                          marketplace_id=DE, distributor_view="MANUFACTURING", selling_program="RETAIL")
    report.blocks[table] = FactBlock(columns, rows)
    return report


def _key(asin: str, market: str, start: str = WEEK[0], end: str = WEEK[1], grain: str = "week") -> tuple:
    return (asin, market, "MANUFACTURING", "RETAIL", grain, start, end)


def _fill(ws) -> None:
    # A1: DE sells a lot at good rates, FR little at bad ones.
    #   DE: 9,000 glance views at 2 % OOS; received 900 at fill 90 % (confirmed 1,000) and
    #       confirmation 80 % (requested 1,250); lead time 10 days; 800 shipped at sell-through 40 %;
    #       revenue 20,000 at Net PPM 30 %.
    #   FR: 1,000 glance views at 50 % OOS; received 50 at fill 50 % (confirmed 100) and
    #       confirmation 40 % (requested 250); lead time 30 days; 200 shipped at sell-through 10 %;
    #       revenue 5,000 at Net PPM -10 %.
    # B2: one marketplace only (its rates come back as they are).
    # C3: two marketplaces, no glance views, nothing received, no sales: no weight anywhere,
    #     so the plain mean, said so in the reader's docstring.
    inventory = [
        _key("A1", DE) + ("EUR", 0.02, 0.80, 0.90, 10.0, 0.40, 900.0, 5000.0),
        _key("A1", FR) + ("EUR", 0.50, 0.40, 0.50, 30.0, 0.10, 50.0, 300.0),
        _key("B2", DE) + ("EUR", 0.07, 0.95, 0.85, 12.0, 0.33, 40.0, 100.0),
        _key("C3", DE) + ("EUR", 0.10, 0.90, 0.80, 8.0, 0.20, 0.0, 10.0),
        _key("C3", FR) + ("EUR", 0.30, 0.70, 0.60, 20.0, 0.40, 0.0, 20.0),
    ]
    write_report(ws, _report("inventory_facts", ("currency",) + INVENTORY, inventory, "inv.csv"), "h-inv")
    traffic = [_key("A1", DE) + (9000.0,), _key("A1", FR) + (1000.0,), _key("B2", DE) + (700.0,)]
    write_report(ws, _report("traffic_facts", ("glance_views",), traffic, "traffic.csv"), "h-traffic")
    sales = [_key("A1", DE) + ("EUR", 800.0, 20000.0), _key("A1", FR) + ("EUR", 200.0, 5000.0),
             _key("B2", DE) + ("EUR", 30.0, 900.0)]
    write_report(ws, _report("sales_facts", ("currency", "shipped_units", "shipped_revenue"), sales, "sales.csv"),
                 "h-sales")
    ppm = [_key("A1", DE) + (0.30,), _key("A1", FR) + (-0.10,), _key("B2", DE) + (0.25,),
           _key("C3", DE) + (0.20,), _key("C3", FR) + (0.40,)]
    write_report(ws, _report("net_ppm_facts", ("net_pure_product_margin",), ppm, "ppm.csv"), "h-ppm")


def _row(frame: pd.DataFrame, asin: str) -> pd.Series:
    return frame[frame.asin == asin].iloc[0]


def _both(ws) -> list[tuple[str, pd.DataFrame]]:
    sql = _weekly_sql(ws, None, None, None, None, "MANUFACTURING", "RETAIL", "week")
    snapshot = weekly_frame(ws)
    facts_snapshot.forget(ws.path)      # a new process: decoded from the workspace's BLOBs
    return [("sql", sql), ("snapshot", snapshot), ("snapshot decoded", weekly_frame(ws))]


def test_two_marketplaces_of_one_asin_week_are_weighted_by_amazons_definitions(workspace):
    _fill(workspace)
    for path, frame in _both(workspace):
        a1 = _row(frame, "A1")
        # OOS = OOS glance views / glance views = (9,000 x 0.02 + 1,000 x 0.50) / 10,000
        #     = (180 + 500) / 10,000 = 0.068  (the unweighted mean said 0.26)
        assert a1.procurable_product_out_of_stock_rate == pytest.approx(0.068), path
        # confirmation = confirmed / requested = (1,000 + 100) / (1,250 + 250) = 1,100 / 1,500 (not 0.60)
        assert a1.vendor_confirmation_rate == pytest.approx(1100 / 1500), path
        # fill = received / confirmed = (900 + 50) / (1,000 + 100) = 950 / 1,100 (not 0.70)
        assert a1.receive_fill_rate == pytest.approx(950 / 1100), path
        # lead time per received unit = (900 x 10 + 50 x 30) / 950 = 10,500 / 950 (not 20)
        assert a1.average_vendor_lead_time_days == pytest.approx(10500 / 950), path
        # sell-through by shipped units = (800 x 0.40 + 200 x 0.10) / 1,000 = 340 / 1,000 (not 0.25)
        assert a1.sell_through_rate == pytest.approx(0.34), path
        # Net PPM by revenue = (20,000 x 0.30 + 5,000 x -0.10) / 25,000 = 5,500 / 25,000 (not 0.10)
        assert a1.net_pure_product_margin == pytest.approx(0.22), path
        # amounts and stocks still add up: 900 + 50 received, 5,000 + 300 on hand, 800 + 200 shipped
        assert (a1.net_received_inventory_units, a1.sellable_on_hand_inventory_units, a1.shipped_units) == \
            (950.0, 5300.0, 1000.0), path
        # one marketplace: exactly its own figures
        b2 = _row(frame, "B2")
        assert (b2.procurable_product_out_of_stock_rate, b2.vendor_confirmation_rate, b2.receive_fill_rate,
                b2.average_vendor_lead_time_days, b2.sell_through_rate, b2.net_pure_product_margin) == \
            (0.07, 0.95, 0.85, 12.0, 0.33, 0.25), path
        # no weight in any row: the plain mean, (0.10 + 0.30) / 2 and so on
        c3 = _row(frame, "C3")
        assert c3.procurable_product_out_of_stock_rate == pytest.approx(0.20), path
        assert c3.vendor_confirmation_rate == pytest.approx(0.80), path
        assert c3.receive_fill_rate == pytest.approx(0.70), path
        assert c3.average_vendor_lead_time_days == pytest.approx(14.0), path
        assert c3.sell_through_rate == pytest.approx(0.30), path
        assert c3.net_pure_product_margin == pytest.approx(0.30), path


def test_snapshot_equals_the_sql_reader_with_several_marketplaces(workspace):
    _fill(workspace)
    frames = dict(_both(workspace))
    pd.testing.assert_frame_equal(frames["snapshot"], frames["sql"])
    pd.testing.assert_frame_equal(frames["snapshot decoded"], frames["sql"])
    for args in [dict(metrics=("procurable_product_out_of_stock_rate",)), dict(asins=["A1"]),
                 dict(metrics=("net_pure_product_margin", "receive_fill_rate"), start=WEEK[0])]:
        sql = _weekly_sql(workspace, set(args.get("metrics", ())) or None, args.get("asins"), args.get("start"),
                          None, "MANUFACTURING", "RETAIL", "week")
        pd.testing.assert_frame_equal(weekly_frame(workspace, **args), sql, obj=str(args))
    # a read of the OOS rate alone still weights it by the glance views of the traffic table
    alone = weekly_frame(workspace, ("procurable_product_out_of_stock_rate",))
    assert _row(alone, "A1").procurable_product_out_of_stock_rate == pytest.approx(0.068)


def test_days_rolled_into_a_week_are_weighted_by_each_days_units(workspace):
    # D4, week 2024-10-13 (Sunday) .. 2024-10-19, day facts only:
    #   Sunday  (DE): 100 glance views at 0 % OOS; received 100 at fill 100 %, confirmation 100 %
    #                 (confirmed 100, requested 100); lead time 5 days; on hand 500
    #   Monday  (DE): 300 glance views at 40 % OOS; received 300 at fill 50 %, confirmation 50 %
    #                 (confirmed 600, requested 1,200); lead time 9 days; on hand 200
    #   Monday  (FR): 600 glance views at 10 % OOS; received 100 at fill 100 %, confirmation 100 %
    #                 (confirmed 100, requested 100); lead time 2 days; on hand 50
    days = [("2024-10-13", DE, 100.0, 0.0, 1.0, 1.0, 5.0, 100.0, 500.0),
            ("2024-10-14", DE, 300.0, 0.4, 0.5, 0.5, 9.0, 300.0, 200.0),
            ("2024-10-14", FR, 600.0, 0.1, 1.0, 1.0, 2.0, 100.0, 50.0)]
    inventory = [_key("D4", m, d, d, "day") + ("EUR", oos, conf, fill, lead, rec, hand)
                 for d, m, _, oos, conf, fill, lead, rec, hand in days]
    columns = ("currency", "procurable_product_out_of_stock_rate", "vendor_confirmation_rate", "receive_fill_rate",
               "average_vendor_lead_time_days", "net_received_inventory_units", "sellable_on_hand_inventory_units")
    write_report(workspace, _report("inventory_facts", columns, inventory, "days.csv", "day"), "h-days")
    traffic = [_key("D4", m, d, d, "day") + (views,) for d, m, views, *_ in days]
    write_report(workspace, _report("traffic_facts", ("glance_views",), traffic, "views.csv", "day"), "h-views")
    for path, frame in _both(workspace):
        d4 = _row(frame, "D4")
        assert (d4.period_start, d4.period_end) == ("2024-10-13", "2024-10-19"), path
        # OOS = (100 x 0 + 300 x 0.4 + 600 x 0.1) / 1,000 = (0 + 120 + 60) / 1,000 = 0.18 (plain mean of the
        # days, Monday's markets averaged first, was (0 + 0.25) / 2 = 0.125)
        assert d4.procurable_product_out_of_stock_rate == pytest.approx(0.18), path
        # confirmation = (100 + 600 + 100) / (100 + 1,200 + 100) = 800 / 1,400
        assert d4.vendor_confirmation_rate == pytest.approx(800 / 1400), path
        # fill = (100 + 300 + 100) / (100 + 600 + 100) = 500 / 800
        assert d4.receive_fill_rate == pytest.approx(500 / 800), path
        # lead time = (100 x 5 + 300 x 9 + 100 x 2) / 500 = (500 + 2,700 + 200) / 500 = 6.8
        assert d4.average_vendor_lead_time_days == pytest.approx(6.8), path
        # received units add up (500); on hand is the last day's, both markets: 200 + 50
        assert (d4.net_received_inventory_units, d4.sellable_on_hand_inventory_units) == (500.0, 250.0), path


def test_a_snapshot_written_before_the_weighting_is_rebuilt(workspace, monkeypatch):
    _fill(workspace)
    with monkeypatch.context() as old:              # as the code before issue 13 wrote it: format 1, averaged
        old.setattr(facts_snapshot, "FORMAT", 1)
        old.setattr("vendordesk.store.facts_read.WEIGHTS", {})
        stale = weekly_frame(workspace)
    assert _row(stale, "A1").procurable_product_out_of_stock_rate == pytest.approx((0.02 + 0.50) / 2)
    facts_snapshot.forget(workspace.path)
    assert _row(weekly_frame(workspace), "A1").procurable_product_out_of_stock_rate == pytest.approx(0.068)


def test_the_calibrations_history_combines_marketplaces_like_the_reader(workspace):
    from vendordesk.store.calibration import history_frame

    _fill(workspace)
    a1 = _row(history_frame(workspace), "A1")
    # on hand is a stock: DE 5,000 + FR 300 = 5,300 (the mean over marketplaces said 2,650)
    assert a1.sellable_on_hand_inventory_units == 5300.0
    assert a1.net_received_inventory_units == 950.0
    # the rates as above: (180 + 500) / 10,000 OOS, 1,100 / 1,500 confirmation, 5,500 / 25,000 Net PPM
    assert a1.procurable_product_out_of_stock_rate == pytest.approx(0.068)
    assert a1.vendor_confirmation_rate == pytest.approx(1100 / 1500)
    assert a1.net_pure_product_margin == pytest.approx(0.22)


def test_the_forecasts_latest_amazon_stock_adds_up_the_marketplaces(workspace):
    from vendordesk.store.supply import latest_inventory

    _fill(workspace)
    extra = [_key("A1", m) + ("EUR", units) for m, units in ((DE, 40.0), (FR, 2.0))]
    write_report(workspace, _report("inventory_facts", ("currency", "open_purchase_order_units"), extra, "po.csv"),
                 "h-po")
    rows = latest_inventory(workspace)
    a1 = rows[rows.asin == "A1"]
    assert len(a1) == 1                      # one row per ASIN: the forecast took the first marketplace's
    a1 = a1.iloc[0]
    # Amazon's stock is both marketplaces': on hand 5,000 + 300, open PO units 40 + 2
    assert (a1.on_hand, a1.open_po) == (5300.0, 42.0)
    # lead time per received unit: (900 x 10 + 50 x 30) / 950
    assert a1.lead_time_days == pytest.approx(10500 / 950)
    # one marketplace: its own figures
    b2 = rows[rows.asin == "B2"].iloc[0]
    assert (b2.on_hand, b2.lead_time_days) == (100.0, 12.0)


def test_several_rows_with_one_rate_keep_that_rate_exactly(workspace):
    # E5: DE reports the rates, FR only a stock. 0.1 x 3 glance views / 3 would be 0.10000000000000002:
    # a group of one value is that value, bit for bit (as with one marketplace).
    inventory = [_key("E5", DE) + ("EUR", 0.1, 0.7, 0.35, 3.0, 3.0), _key("E5", FR) + ("EUR", None, None, None, None, 5.0)]
    columns = ("currency", "procurable_product_out_of_stock_rate", "vendor_confirmation_rate", "receive_fill_rate",
               "average_vendor_lead_time_days", "net_received_inventory_units")
    write_report(workspace, _report("inventory_facts", columns, inventory, "e5.csv"), "h-e5")
    write_report(workspace, _report("traffic_facts", ("glance_views",), [_key("E5", DE) + (3.0,), _key("E5", FR) + (7.0,)],
                                    "e5v.csv"), "h-e5v")
    for path, frame in _both(workspace):
        e5 = _row(frame, "E5")
        assert (e5.procurable_product_out_of_stock_rate, e5.vendor_confirmation_rate, e5.receive_fill_rate,
                e5.average_vendor_lead_time_days) == (0.1, 0.7, 0.35, 3.0), path
        assert e5.net_received_inventory_units == 8.0, path           # 3 + 5 received
