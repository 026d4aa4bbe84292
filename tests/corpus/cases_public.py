"""Layouts of real Vendor Central Retail Analytics exports as posted publicly, rebuilt in code.

Nothing is copied: the banner keys, header names and the way cells are written were read from
public code that handles real exports, then the files are built here with our own ASINs and values.
Sources (layouts only):
- en_IN monthly Sales (Manufacturing) CSV: BOM, one banner fact per cell ("Programme=[Retail]" ...
  "Report Updated=[..]", with "Businesses=[..]"), rupee amounts in Indian digit grouping
  ("₹3,05,148.87", quoted), the minus before the symbol ("-₹379.04"), blank cells for absent
  measures; from the test fixture of a public TypeScript importer (amazonVendorCentralSales tests).
- en_AE Sourcing Sales and Inventory XLSX: banner "Program=[Retail]" (not "Programme"), one fact per
  cell, day-first four-digit years, "Reporting Range=[Custom]"; the inventory banner wraps onto a
  second row (a PHP importer's AmazonReportBanner notes); the long Sourcing headers ("Child Vendor
  Code", "Store Code", "Contra-COGS", "Net PPM %", "Open Purchase Order Quantity", "Sellable On Hand
  Units", "In Transit Quantity" ...) from a Python inventory-cover pipeline's tests.
"""

from __future__ import annotations

import io

from tests.corpus.harness import Case, Stored

IN, AE = "A21TJRUUN4KGV", "A2VIGQ35RCS4UG"
SOURCING_SALES = [
    "ASIN", "Child Vendor Code", "Product Title", "Brand Code", "Brand", "Category", "Subcategory", "Parent ASIN",
    "UPC", "EAN", "ISBN", "Model Number", "Store Code", "MSRP", "Binding", "Colour", "Release Date",
    "Replenishment Code", "Shipped Revenue", "Shipped COGS", "Shipped Units", "Customer Returns", "Confirmed Units",
    "Sales Discount", "Contra-COGS", "Net PPM %", "ASIN Confirmation %"]
SOURCING_INVENTORY = SOURCING_SALES[:18] + [
    "Vendor Confirmation %", "Net Received", "Net Received Units", "Open Purchase Order Quantity", "Receive Fill %",
    "Overall Vendor Lead Time (days)", "Aged 90+ Days Sellable Inventory", "Aged 90+ Days Sellable Units",
    "Sellable On-Hand Inventory", "Sellable On Hand Units", "Unsellable On-Hand Inventory", "Unsellable On-Hand Units",
    "Confirmed Units", "Sales Discount", "Contra-COGS", "In Transit Quantity", "Sellable In Transit Units",
    "Unsellable In Transit Units"]
AE_BANNER = ["Program=[Retail]", "Distributor View=[Sourcing]", "View By=[ASIN]", "Countries=[AE]",
             "Businesses=[Example Trading LLC_AE]", "Locale=[en_AE]", "Currency=[AED]", "Reporting Range=[Custom]",
             "Viewing Range=[01/06/2024 - 05/08/2024]", "Report Updated=[05/08/2024]"]
AE_PERIOD = ("2024-06-01", "2024-08-05")       # day first: 1 June .. 5 August, a custom period


def _india_sales_csv() -> bytes:
    banner = ",".join(["Programme=[Retail]", "Distributor View=[Manufacturing]", "View By=[ASIN]", "Countries=[IN]",
                       "Businesses=[Example Lifestyle Private Limited -Gujarat -MVR]", "Locale=[en_IN]",
                       "Currency=[INR]", "Reporting Range=[Month]", "Viewing Range=[01/07/24 - 31/07/24]",
                       "Report Updated=[04/09/24]"])
    lines = [banner, "ASIN,Product Title,Brand,Ordered Revenue,Ordered Units,Shipped Revenue,Shipped COGS,"
                     "Shipped Units,Customer Returns",
             'B0IN000001,Rosemary Oil - 30 ml,Example Organic,"₹3,05,148.87",818,₹0.00,₹0.00,844,41',
             "B0IN000002,Hair Oil - 15 ml,Example Organic,-₹379.04,-2,₹0.00,₹0.00,5,1",
             'B0IN000003,"Lip Balm, Pack Of 2",Example Organic,₹0.00,0,,,,']
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8")


def _workbook(banner_rows: list[list[str]], header: list[str], row: dict[str, str]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Sheet0"
    for banner in banner_rows:
        sheet.append(banner)
    sheet.append(header)
    sheet.append([row.get(name, "") for name in header])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _ae_sales(_shared) -> bytes:
    return _workbook([AE_BANNER], SOURCING_SALES, {
        "ASIN": "B0AE000001", "Product Title": "Steel Bottle 1 l", "Brand": "Example", "Model Number": "SB-1000",
        "Release Date": "24/06/2024", "Shipped Revenue": "AED 1,234.50", "Shipped COGS": "AED 800.00",
        "Shipped Units": "41", "Customer Returns": "2", "Net PPM %": "12.50%"})


def _ae_inventory(_shared) -> bytes:
    return _workbook([AE_BANNER[:6], AE_BANNER[6:]], SOURCING_INVENTORY, {
        "ASIN": "B0AE000002", "Product Title": "Steel Bottle 0.5 l", "Vendor Confirmation %": "88.00%",
        "Net Received": "AED 5,000.00", "Net Received Units": "200", "Open Purchase Order Quantity": "120",
        "Receive Fill %": "93.20%", "Overall Vendor Lead Time (days)": "6.5", "Aged 90+ Days Sellable Units": "7",
        "Sellable On-Hand Inventory": "AED 4,000.00", "Sellable On Hand Units": "160",
        "Unsellable On-Hand Units": "3"})


def _net_ppm(asin: str, want: float):
    def check(conn, import_id):
        got = conn.execute("SELECT net_pure_product_margin FROM net_ppm_facts WHERE import_id = ? AND asin = ?",
                           (import_id, asin)).fetchone()
        assert got is not None and abs(got[0] - want) < 1e-12, f"net PPM of {asin}: {got}, expected {want}"
    return check


def cases() -> list[Case]:
    # By hand: "₹3,05,148.87" is 3 lakh 5 thousand 148.87 = 305,148.87; "-₹379.04" is -379.04; a Shipped
    # COGS of ₹0.00 on every row is Amazon's "not available" (stored missing, said in a warning).
    india = {
        "B0IN000001": {"ordered_revenue": 305148.87, "ordered_units": 818.0, "shipped_revenue": 0.0,
                       "shipped_cogs": None, "shipped_units": 844.0, "customer_returns": 41.0},
        "B0IN000002": {"ordered_revenue": -379.04, "ordered_units": -2.0, "shipped_revenue": 0.0,
                       "shipped_cogs": None, "shipped_units": 5.0, "customer_returns": 1.0},
        "B0IN000003": {"ordered_revenue": 0.0, "ordered_units": 0.0, "shipped_revenue": None,
                       "shipped_cogs": None, "shipped_units": None, "customer_returns": None},
    }
    return [
        Case("public-en_IN-monthly-sales-csv", "public-en_IN-sales-month.csv", _india_sales_csv(),
             stored=Stored(rows=india, currency="INR", marketplace=IN, period=("2024-07-01", "2024-07-31"),
                           warn=("COGS",))),
        # 12.50 % Net PPM is 0.125; AED 1,234.50 is 1234.5.
        Case("public-en_AE-sourcing-sales-xlsx", "public-en_AE-sourcing-sales.xlsx", _ae_sales,
             stored=Stored(rows={"B0AE000001": {"shipped_revenue": 1234.5, "shipped_cogs": 800.0, "shipped_units": 41.0,
                                                "customer_returns": 2.0, "distributor_view": "SOURCING"}},
                           currency="AED", marketplace=AE, period=AE_PERIOD, check=_net_ppm("B0AE000001", 0.125))),
        # The banner wraps onto a second row; 93.20 % is 0.932, 88.00 % is 0.88.
        Case("public-en_AE-sourcing-inventory-xlsx", "public-en_AE-sourcing-inventory.xlsx", _ae_inventory,
             stored=Stored(table="inventory_facts", rows={"B0AE000002": {
                 "vendor_confirmation_rate": 0.88, "receive_fill_rate": 0.932, "average_vendor_lead_time_days": 6.5,
                 "open_purchase_order_units": 120.0, "net_received_inventory_units": 200.0,
                 "net_received_inventory_cost": 5000.0, "sellable_on_hand_inventory_units": 160.0,
                 "sellable_on_hand_inventory_cost": 4000.0, "unsellable_on_hand_inventory_units": 3.0,
                 "aged90_plus_days_sellable_inventory_units": 7.0, "distributor_view": "SOURCING"}},
                 currency="AED", marketplace=AE, period=AE_PERIOD)),
    ]

