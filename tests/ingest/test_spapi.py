"""The official SP-API example documents import with the right values (domain §2, §7)."""

from __future__ import annotations

import gzip
import json

import pytest

from vendordesk.errors import UserError
from vendordesk.ingest.detect import read_report
from vendordesk.store.facts import write_report


def _rows(report, table):
    block = report.blocks[table]
    return [dict(zip(("asin", "marketplace_id", "view", "program", "grain", "start", "end") + block.columns, r))
            for r in block.rows]


def test_sales_manufacturing_retail_values(spapi_example):
    report = read_report(spapi_example("vendorSalesReport", 0))
    assert (report.report_type, report.grain, report.currency) == ("sales", "week", "USD")
    assert (report.distributor_view, report.selling_program) == ("MANUFACTURING", "RETAIL")
    assert (report.period_start, report.period_end) == ("2021-06-06", "2021-06-19")
    rows = {(r["asin"], r["start"]): r for r in _rows(report, "sales_facts")}
    b1 = rows[("B123456789", "2021-06-06")]
    assert (b1["ordered_revenue"], b1["ordered_units"], b1["shipped_cogs"], b1["shipped_revenue"],
            b1["shipped_units"], b1["customer_returns"]) == (1000.0, 25, 50.0, 150.0, 5, 0)
    aggregate = rows[("", "2021-06-06")]
    assert aggregate["ordered_revenue"] == 1500.0 and aggregate["shipped_units"] == 10
    assert b1["marketplace_id"] == "ATVPDKIKX0DER" and b1["currency"] == "USD"


def test_fresh_has_no_customer_returns_column(spapi_example, workspace):
    """T10: FRESH documents lack customerReturns -> NULL, never 0."""
    report = read_report(spapi_example("vendorSalesReport", 1))
    assert "customer_returns" not in report.blocks["sales_facts"].columns
    write_report(workspace, report)
    value = workspace.conn.execute("SELECT customer_returns FROM sales_facts WHERE asin='B123456789' "
                                   "AND selling_program='FRESH'").fetchone()
    assert value == (None,)


def test_sourcing_has_no_ordered_metrics(spapi_example, workspace):
    """T09: SOURCING sales have no orderedRevenue/orderedUnits -> NULL."""
    write_report(workspace, read_report(spapi_example("vendorSalesReport", 2)))
    row = workspace.conn.execute("SELECT ordered_revenue, ordered_units, shipped_revenue FROM sales_facts "
                                 "WHERE asin='B987654321' AND distributor_view='SOURCING'").fetchone()
    assert row == (None, None, 50.0)


def test_inventory_keeps_undeclared_per_asin_fields(spapi_example, workspace):
    """T12: uft/receiveFillRate in inventoryByAsin rows are stored."""
    write_report(workspace, read_report(spapi_example("vendorInventoryReport")))
    row = workspace.conn.execute(
        "SELECT uft, receive_fill_rate, procurable_product_out_of_stock_rate, sellable_on_hand_inventory_units, "
        "sellable_on_hand_inventory_cost, currency FROM inventory_facts WHERE asin='B123456789' "
        "AND period_start='2021-06-06'").fetchone()
    document = json.loads(spapi_example("vendorInventoryReport").read_text())
    source = next(r for r in document["inventoryByAsin"] if r["asin"] == "B123456789" and r["startDate"] == "2021-06-06")
    assert row == (source["uft"], source["receiveFillRate"], source["procurableProductOutOfStockRate"],
                   source["sellableOnHandInventoryUnits"], source["sellableOnHandInventoryCost"]["amount"], "USD")


def test_traffic_net_ppm_and_forecast(spapi_example, workspace):
    for name in ("vendorTrafficReport", "vendorNetPureProductMarginReport", "vendorForecastingReport"):
        write_report(workspace, read_report(spapi_example(name)))
    conn = workspace.conn
    assert conn.execute("SELECT glance_views FROM traffic_facts WHERE asin='B123456789' ORDER BY period_start"
                        ).fetchall() == [(100.0,), (250.0,)]
    assert conn.execute("SELECT DISTINCT net_pure_product_margin FROM net_ppm_facts").fetchall() == [(0.1234,)]
    first = conn.execute("SELECT generation_date, week_start, week_end, mean_units, p70_units, p80_units, p90_units "
                         "FROM amazon_forecasts ORDER BY week_start LIMIT 1").fetchone()
    assert first == ("2021-06-06", "2021-06-06", "2021-06-12", 3.1, 3.9, 30.3, 300.7)


def test_real_time_reports_use_hour_grain(spapi_example, workspace):
    """T17: plain-number orderedRevenue; currency from reportOptions.currencyCode."""
    report = read_report(spapi_example("vendorRealTimeSalesReport"))
    assert report.currency == "USD" and report.grain == "hour"
    write_report(workspace, report)
    write_report(workspace, read_report(spapi_example("vendorRealTimeInventoryReport")))
    write_report(workspace, read_report(spapi_example("vendorRealTimeTrafficReport")))
    conn = workspace.conn
    assert conn.execute("SELECT ordered_units, ordered_revenue, currency, shipped_units FROM sales_facts "
                        "WHERE asin='B00ABCD123'").fetchone() == (1.0, 167.14, "USD", None)
    assert conn.execute("SELECT highly_available_inventory FROM inventory_facts WHERE asin='B123456789' "
                        "ORDER BY period_start").fetchall() == [(270.0,), (250.0,)]
    assert conn.execute("SELECT period_start FROM traffic_facts").fetchone() == ("2022-04-20T20:00:00Z",)


def test_negative_real_time_units_are_kept(tmp_path):
    doc = {"reportSpecification": {"reportType": "GET_VENDOR_REAL_TIME_SALES_REPORT", "marketplaceIds": ["X"],
                                   "reportOptions": {"currencyCode": "EUR"}},
           "reportData": [{"startTime": "2024-01-01T10:00:00Z", "endTime": "2024-01-01T11:00:00Z",
                           "asin": "B0TEST0001", "orderedUnits": -2, "orderedRevenue": -39.98}]}
    path = tmp_path / "rt.json"
    path.write_text(json.dumps(doc))
    row = read_report(path).blocks["sales_facts"].rows[0]
    assert row[-2:] == (-2, -39.98)


def test_coupon_kept_as_extra_facts(spapi_example, workspace):
    report = read_report(spapi_example("vendorCouponReport"))
    write_report(workspace, report)
    value = workspace.conn.execute("SELECT value FROM extra_facts WHERE asin='B08XJWMYR5' "
                                   "AND metric='coupon.A2NW32V27GZS2T.budgetSpent'").fetchone()
    assert value == (42.29,)
    assert any("coupon" in w.lower() for w in report.warnings)


def test_gzip_document(spapi_example, tmp_path):
    path = tmp_path / "sales.json.gz"
    path.write_bytes(gzip.compress(spapi_example("vendorSalesReport").read_bytes()))
    assert read_report(path).report_type == "sales"


def test_missing_last_updated_is_fine(spapi_example, tmp_path):
    """T16: pre-2024 documents lack lastUpdatedDate."""
    doc = json.loads(spapi_example("vendorTrafficReport").read_text())
    del doc["reportSpecification"]["lastUpdatedDate"]
    path = tmp_path / "old.json"
    path.write_text(json.dumps(doc))
    report = read_report(path)
    assert report.last_updated is None and report.row_count == 4


def test_error_details_document_is_refused_with_its_text(tmp_path):
    """T13."""
    path = tmp_path / "fatal.json"
    text = "This report type requires the reportPeriod, distributorView, sellingProgram reportOption to be specified"
    path.write_text(json.dumps({"errorDetails": text}))
    with pytest.raises(UserError, match="requires the reportPeriod") as info:
        read_report(path)
    assert "fatal.json" in str(info.value)


def test_mixed_currencies_refused(spapi_example, tmp_path):
    doc = json.loads(spapi_example("vendorSalesReport").read_text())
    doc["salesByAsin"][0]["shippedCogs"]["currencyCode"] = "EUR"
    path = tmp_path / "mixed.json"
    path.write_text(json.dumps(doc))
    with pytest.raises(UserError, match="mixed currencies"):
        read_report(path)


def test_currency_mismatch_with_account_is_flagged(spapi_example):
    """T30: USD Money for a EUR account is flagged."""
    from vendordesk.ingest.detect import Context

    report = read_report(spapi_example("vendorSalesReport"), Context(currency="EUR"))
    assert any("USD" in w and "EUR" in w for w in report.warnings)


def test_end_before_start_refused(spapi_example, tmp_path):
    doc = json.loads(spapi_example("vendorSalesReport").read_text())
    doc["salesByAsin"][0]["endDate"] = "2021-06-01"
    path = tmp_path / "neg.json"
    path.write_text(json.dumps(doc))
    with pytest.raises(UserError, match=r"salesByAsin\[0\].*before"):
        read_report(path)


def test_negative_net_ppm_is_not_clamped(spapi_example, tmp_path):
    """T06."""
    doc = json.loads(spapi_example("vendorNetPureProductMarginReport").read_text())
    doc["netPureProductMarginByAsin"][0]["netPureProductMargin"] = -0.12
    path = tmp_path / "nppm.json"
    path.write_text(json.dumps(doc))
    rows = read_report(path).blocks["net_ppm_facts"].rows
    assert rows[2][-1] == -0.12  # aggregates come first (2 rows)


def test_forecast_quantiles_out_of_order_stored_as_is(tmp_path):
    """T29."""
    doc = {"reportSpecification": {"reportType": "GET_VENDOR_FORECASTING_REPORT", "marketplaceIds": ["M"],
                                   "reportOptions": {"sellingProgram": "RETAIL"}},
           "forecastByAsin": [{"forecastGenerationDate": "2024-01-07", "asin": "B0X0000001", "startDate": "2024-01-07",
                               "endDate": "2024-01-13", "meanForecastUnits": 10, "p70ForecastUnits": 12,
                               "p80ForecastUnits": 11, "p90ForecastUnits": 9}]}
    path = tmp_path / "fc.json"
    path.write_text(json.dumps(doc))
    report = read_report(path)
    assert report.forecasts[0][-4:] == (10.0, 12.0, 11.0, 9.0)
    assert any("out of order" in w for w in report.warnings)


def test_negative_inventory_and_unknown_fields_are_kept(spapi_example, tmp_path, workspace):
    """T11, T12: backorders (-3) and over-shipment (-10) accepted; an unknown field lands in extra_facts."""
    doc = json.loads(spapi_example("vendorInventoryReport").read_text())
    row = doc["inventoryByAsin"][0]
    row["sellableOnHandInventoryUnits"], row["openPurchaseOrderUnits"] = -3, -10
    row["brandNewMetricRate"] = 0.5
    path = tmp_path / "inv.json"
    path.write_text(json.dumps(doc))
    write_report(workspace, read_report(path))
    conn = workspace.conn
    assert conn.execute("SELECT sellable_on_hand_inventory_units, open_purchase_order_units FROM inventory_facts "
                        "WHERE asin = ? AND period_start = ?", (row["asin"], row["startDate"])).fetchone() == (-3.0, -10.0)
    assert conn.execute("SELECT value FROM extra_facts WHERE metric = 'brand_new_metric_rate'").fetchone() == (0.5,)


def test_string_where_a_number_belongs_is_refused_with_the_row(spapi_example, tmp_path):
    doc = json.loads(spapi_example("vendorSalesReport").read_text())
    doc["salesByAsin"][1]["shippedUnits"] = "five"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc))
    with pytest.raises(UserError, match=r"salesByAsin\[1\]\.shippedUnits"):
        read_report(path)
