"""Vendor Central CSV/XLSX exports: every layout variant, numbers checked by hand (domain §2.11, §7)."""

from __future__ import annotations

import pytest

from vendordesk.errors import UserError
from vendordesk.ingest.detect import Context, read_report
from vendordesk.store.facts import write_report


def _facts(report, table):
    block = report.blocks[table]
    names = ("asin", "marketplace_id", "view", "program", "grain", "start", "end") + block.columns
    return {(r[0], r[1]): dict(zip(names, r)) for r in block.rows}


def test_german_semicolon_bom_export(fixture_file):
    """T01: BOM, ';', de_DE numbers, day-first Viewing Range, sourcing view."""
    report = read_report(fixture_file("sales_de_semicolon.csv"))
    assert (report.period_start, report.period_end, report.grain) == ("2024-10-06", "2024-10-12", "week")
    assert (report.currency, report.locale, report.distributor_view) == ("EUR", "de_DE", "SOURCING")
    sales = _facts(report, "sales_facts")
    row = sales[("B0DE000001", "A1PA6795UKMFR9")]
    assert (row["shipped_revenue"], row["shipped_cogs"], row["shipped_units"]) == (1234.56, 800.0, 12.0)
    assert sales[("B0DE000002", "A1PA6795UKMFR9")]["customer_returns"] is None  # blank -> NULL
    assert _facts(report, "net_ppm_facts")[("B0DE000001", "A1PA6795UKMFR9")]["net_pure_product_margin"] == 0.125
    assert report.metadata["program"] == "Retail"


def test_en_gb_dispatched_headers(fixture_file):
    """T19."""
    row = _facts(read_report(fixture_file("sales_en_gb_dispatched.csv")), "sales_facts")[("B0GB000001", "A1F83G8C2ARO7P")]
    assert (row["shipped_revenue"], row["shipped_cogs"], row["shipped_units"], row["ordered_revenue"]) == \
        (999.0, 500.5, 8.0, 1234.56)


def test_french_encapsulated_multi_country(fixture_file):
    """T02, T18, T20: unwrapped, mapped, split by store; sums 1000+2000 and 10+20."""
    report = read_report(fixture_file("sales_fr_encapsulated.csv"))
    sales = _facts(report, "sales_facts")
    fr, de = sales[("B0FR000001", "A13V1IB3VIYZZH")], sales[("B0FR000001", "A1PA6795UKMFR9")]
    assert fr["shipped_revenue"] + de["shipped_revenue"] == 3000.0
    assert fr["shipped_units"] + de["shipped_units"] == 30.0
    assert report.metadata["countries"] == "FR;DE" and report.metadata["distributor_view"] == "Manufacturing View"
    assert report.locale == "en_GB"


def test_english_multi_country_store_code(fixture_file):
    sales = _facts(read_report(fixture_file("sales_multi_country.csv")), "sales_facts")
    assert sum(r["shipped_revenue"] for r in sales.values()) == 3000.0
    assert {k[1] for k in sales} == {"A13V1IB3VIYZZH", "A1PA6795UKMFR9"}


def test_tab_cp1252_traffic(fixture_file, workspace):
    report = read_report(fixture_file("traffic_tab_cp1252.csv"))
    assert report.report_type == "traffic" and report.grain == "month"
    assert _facts(report, "traffic_facts")[("B0FR000002", "A13V1IB3VIYZZH")]["glance_views"] == 1234.0
    write_report(workspace, report)
    assert workspace.conn.execute("SELECT title FROM products").fetchone() == ("Café Crème €",)


def test_net_ppm_bps_and_negative_margin(fixture_file):
    """T06, T07: -12.00% -> -0.12; 9559 bps -> 0.9559 absolute (extra fact)."""
    report = read_report(fixture_file("net_ppm_bps.csv"))
    assert _facts(report, "net_ppm_facts")[("B123456789", "ATVPDKIKX0DER")]["net_pure_product_margin"] == -0.12
    extras = {(r[0], r[7]): r[8] for r in report.extras}
    assert extras[("B123456789", "net_pure_product_margin_prior_period")] == pytest.approx(0.9559)


def test_indian_grouping_negatives_and_invisible_chars(fixture_file):
    """T05, T22: ₹3,05,148.87, -₹379.04, -2 kept with a warning; LRM and NBSP stripped."""
    report = read_report(fixture_file("sales_en_in_month.csv"))
    assert (report.grain, report.period_start, report.period_end) == ("month", "2026-07-01", "2026-07-31")
    sales = _facts(report, "sales_facts")
    one, two = sales[("B0IN000001", "A21TJRUUN4KGV")], sales[("B0IN000002", "A21TJRUUN4KGV")]
    assert (one["ordered_revenue"], one["ordered_units"], one["shipped_revenue"]) == (305148.87, 1683.0, 200000.0)
    assert (two["ordered_revenue"], two["ordered_units"], two["shipped_revenue"]) == (-379.04, -2.0, 1000.0)
    assert two["shipped_cogs"] is None  # '-' is missing, not 0
    assert any("negative" in w and "Ordered Revenue" in w for w in report.warnings)


def test_header_found_below_junk_rows_and_model_number(fixture_file):
    """T03, T04: header on row 4; blank ASIN rows are skipped with a warning unless the model is known."""
    report = read_report(fixture_file("sales_metadata_one_cell.csv"))
    assert list(_facts(report, "sales_facts")) == [("B123456789", "ATVPDKIKX0DER")]
    assert any("Rows 6, 7" in w for w in report.warnings)
    mapped = read_report(fixture_file("sales_metadata_one_cell.csv"), Context(model_to_asin={"MUG-2": "B0MODEL002"}))
    assert ("B0MODEL002", "ATVPDKIKX0DER") in _facts(mapped, "sales_facts")
    assert any(w.startswith("Row 7 has no ASIN") for w in mapped.warnings)   # one row: singular


def test_unknown_columns_kept_and_reported(fixture_file):
    report = read_report(fixture_file("sales_metadata_one_cell.csv"))
    assert ("B123456789", "raw_weird_new_metric", 7.0) in {(r[0], r[7], r[8]) for r in report.extras}
    assert any("Weird New Metric" in w for w in report.warnings)


def test_sourcing_without_ordered_and_zero_cogs(fixture_file):
    """T08, T09: no ordered columns; COGS 0 on every row -> NULL plus a warning."""
    report = read_report(fixture_file("sales_sourcing_zero_cogs.csv"))
    assert report.distributor_view == "SOURCING"
    assert "ordered_revenue" not in report.blocks["sales_facts"].columns
    assert all(r["shipped_cogs"] is None for r in _facts(report, "sales_facts").values())
    assert any("COGS" in w for w in report.warnings)


def test_inventory_percentages_and_negative_stock(fixture_file):
    """T11: negative on-hand and open PO units are accepted."""
    row = _facts(read_report(fixture_file("inventory_en_us.csv")), "inventory_facts")[("B123456789", "ATVPDKIKX0DER")]
    assert row["procurable_product_out_of_stock_rate"] == 0.04
    assert row["vendor_confirmation_rate"] == 0.885
    assert row["sellable_on_hand_inventory_units"] == -3 and row["open_purchase_order_units"] == -10
    assert row["sellable_on_hand_inventory_cost"] == 43123.99 and row["average_vendor_lead_time_days"] == 10.2


def test_xlsx_with_percent_formatted_cell(fixture_file):
    report = read_report(fixture_file("sales_en_us.xlsx"))
    assert report.source == "xlsx"
    assert _facts(report, "net_ppm_facts")[("B123456789", "ATVPDKIKX0DER")]["net_pure_product_margin"] == 0.1234
    assert _facts(report, "sales_facts")[("B123456789", "ATVPDKIKX0DER")]["shipped_revenue"] == 150.0


def test_forecast_export(fixture_file, workspace):
    report = read_report(fixture_file("forecast_mean.csv"))
    write_report(workspace, report)
    assert workspace.conn.execute("SELECT generation_date, week_start, week_end, mean_units, p90_units, marketplace_id "
                                  "FROM amazon_forecasts ORDER BY week_start").fetchall() == [
        ("2021-06-06", "2021-06-06", "2021-06-12", 3.1, None, "ATVPDKIKX0DER"),
        ("2021-06-06", "2021-06-13", "2021-06-19", 4.5, None, "ATVPDKIKX0DER")]


def test_purchase_order_export_in_cases(fixture_file, workspace):
    """T23: requested 5 cases x 12 = 60 units."""
    write_report(workspace, read_report(fixture_file("purchase_orders.csv")))
    assert workspace.conn.execute("SELECT requested_qty, accepted_qty, unit_cost, currency FROM po_lines").fetchone() \
        == (60.0, 48.0, 9.5, "EUR")
    assert workspace.conn.execute("SELECT status, order_date FROM purchase_orders").fetchone() == ("confirmed", "2024-10-01")


def test_csv_and_spapi_of_the_same_week_give_the_same_facts(fixture_file, spapi_example, tmp_path):
    """The CSV export and the SP-API document of week 2021-06-06 store identical per-ASIN sales facts."""
    from vendordesk.store import open_workspace

    def facts(path):
        with open_workspace(tmp_path / f"{path.stem}.vendordesk") as ws:
            write_report(ws, read_report(path))
            return ws.conn.execute(
                "SELECT asin, marketplace_id, distributor_view, selling_program, grain, period_start, period_end, "
                "currency, ordered_revenue, ordered_units, shipped_revenue, shipped_cogs, shipped_units, "
                "customer_returns FROM sales_facts WHERE asin <> '' AND period_start = '2021-06-06' ORDER BY asin"
            ).fetchall()

    from_csv = facts(fixture_file("sales_en_us_week.csv"))
    assert len(from_csv) == 2
    assert from_csv == facts(spapi_example("vendorSalesReport", 0))


@pytest.mark.parametrize("name, message", [
    ("no_asin_header.csv", "no header row with an ASIN column"),
    ("unknown_layout.csv", "unknown report layout"),
    ("mixed_currency.csv", "mixed currencies"),
    ("range_backwards.csv", "ends before it starts"),
    ("range_impossible.csv", "Viewing Range"),
    ("bad_number.csv", "row 3, column 'Shipped Revenue'"),
    ("empty.csv", "empty"),
    ("picture.csv", "PNG picture"),
    ("truncated.json", "truncated"),
])
def test_bad_files_are_refused_with_a_reason(fixture_file, name, message):
    with pytest.raises(UserError, match=message) as info:
        read_report(fixture_file(name))
    assert name in str(info.value) and "Nothing was imported" in str(info.value)
