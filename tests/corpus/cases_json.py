"""SP-API documents: NaN / Infinity / 1e400, huge integers, integer ASINs, reportOptions and
marketplaceIds of the wrong type, deep nesting, weeks in 2099 (issue 11)."""

from __future__ import annotations

import json

from tests.corpus import build_spapi as sp
from tests.corpus.harness import Case, Refused, Stored

RAW = sp.RAW
GOOD = {"shipped_units": 12.0, "shipped_revenue": 239.88, "shipped_cogs": 120.0}


def _good(asin: str, **over) -> Stored:
    return Stored(rows={asin: GOOD | over}, currency="EUR", marketplace=sp.DE, period=sp.WEEK)


def impossible_values() -> list[Case]:
    """Each literal in each kind of number field: refused, naming the field."""
    literals = {"nan": "NaN", "infinity": "Infinity", "minus-infinity": "-Infinity", "1e400": "1e400"}
    docs = {
        "sales-shippedUnits": (lambda: sp.sales([sp.sales_row("B0J0000001", units=RAW)]), "shippedUnits"),
        "sales-shippedRevenue-amount": (lambda: sp.sales([sp.sales_row("B0J0000001", revenue=RAW)]), "shippedRevenue"),
        "sales-aggregate-shippedCogs": (lambda: sp.sales([sp.sales_row("B0J0000001")], aggregate=[
            {"startDate": sp.WEEK[0], "endDate": sp.WEEK[1], "shippedUnits": 12,
             "shippedRevenue": sp.money(239.88), "shippedCogs": sp.money(RAW)}]), "shippedCogs"),
        "traffic-glanceViews": (lambda: sp.traffic("B0J0000001", RAW), "glanceViews"),
        "inventory-procurableProductOutOfStockRate": (
            lambda: sp.inventory("B0J0000001", procurableProductOutOfStockRate=RAW), "procurableProductOutOfStockRate"),
        "inventory-sellableOnHandInventoryCost": (
            lambda: sp.inventory("B0J0000001", sellableOnHandInventoryCost=sp.money(RAW)), "sellableOnHandInventoryCost"),
        "net-ppm-netPureProductMargin": (lambda: sp.net_ppm("B0J0000001", RAW), "netPureProductMargin"),
        "forecast-meanForecastUnits": (lambda: sp.forecast("B0J0000001", mean=RAW), "meanForecastUnits"),
        "real-time-orderedRevenue": (lambda: sp.real_time_sales("B0J0000001", revenue=RAW), "orderedRevenue"),
    }
    out = []
    for doc_label, (make, field) in docs.items():
        for lit_label, literal in literals.items():
            cid = f"json-{lit_label}-in-{doc_label}"
            out.append(Case(cid, f"{cid}.json", sp.render(make(), literal), refused=Refused(field=field)))
    # An unknown (extra) field is a number field too.
    row = sp.sales_row("B0J0000002") | {"someNewRate": RAW}
    out.append(Case("json-nan-in-unknown-extra-field", "json-nan-extra.json", sp.render(sp.sales([row]), "NaN"),
                    refused=Refused(field="someNewRate")))
    return out


def huge_integers() -> list[Case]:
    big400, big5000 = "1" + "0" * 400, "9" * 5000
    return [
        Case("json-huge-integer-400-digits-shippedUnits", "json-int400.json",
             sp.render(sp.sales([sp.sales_row("B0H0000001", units=RAW)]), big400), refused=Refused(field="shippedUnits")),
        Case("json-huge-integer-negative-400-digits", "json-int400-negative.json",
             sp.render(sp.sales([sp.sales_row("B0H0000001", units=RAW)]), "-" + big400),
             refused=Refused(field="shippedUnits")),
        Case("json-huge-integer-5000-digits", "json-int5000.json",
             sp.render(sp.sales([sp.sales_row("B0H0000001", units=RAW)]), big5000), refused=Refused()),
        Case("json-integer-2-pow-63-glanceViews", "json-int2p63.json",
             sp.render(sp.traffic("B0H0000001", RAW), str(2 ** 63)), refused=Refused(field="glanceViews")),
        Case("json-huge-integer-money-amount", "json-int-money.json",
             sp.render(sp.sales([sp.sales_row("B0H0000001", revenue=RAW)]), big400), refused=Refused(field="shippedRevenue")),
    ]


def asins() -> list[Case]:
    def doc(asin):
        return sp.render(sp.sales([sp.sales_row("B0K0000001"), sp.sales_row(RAW)]), json.dumps(asin))

    return [
        Case("json-integer-asin", "json-integer-asin.json", doc(1234567890), refused=Refused(field="asin")),
        Case("json-asin-as-list", "json-asin-list.json", doc(["B0K0000002"]), refused=Refused(field="asin")),
        Case("json-asin-null", "json-asin-null.json", doc(None), refused=Refused(field="asin")),
        Case("json-asin-not-an-asin", "json-asin-not-an-asin.json", doc("not-an-asin"), refused=Refused(field="asin")),
        Case("json-asin-eleven-characters", "json-asin-11.json", doc("B0K00000021"), refused=Refused(field="asin")),
        Case("json-asin-formula", "json-asin-formula.json", doc("=cmd|' /C calc'!A0"), refused=Refused(field="asin")),
    ]


def spec_shapes() -> list[Case]:
    rows = [sp.sales_row("B0S0000001")]
    markets_string = sp.sales(rows, markets=sp.DE)
    out = [
        Case("json-reportOptions-as-string", "json-options-string.json",
             sp.render(sp.sales(rows, options="reportPeriod=WEEK,distributorView=MANUFACTURING")),
             refused=Refused(field="reportOptions")),
        Case("json-reportOptions-as-list", "json-options-list.json",
             sp.render(sp.sales(rows, options=[{"reportPeriod": "WEEK"}])), refused=Refused(field="reportOptions")),
        Case("json-reportOptions-as-number", "json-options-number.json", sp.render(sp.sales(rows, options=7)),
             refused=Refused(field="reportOptions")),
        Case("json-reportPeriod-as-number", "json-period-number.json",
             sp.render(sp.sales(rows, options={"reportPeriod": 7})), refused=Refused(field="reportPeriod")),
        Case("json-reportSpecification-as-string", "json-spec-string.json",
             sp.render({"reportSpecification": "GET_VENDOR_SALES_REPORT", "salesByAsin": rows}),
             refused=Refused(field="reportSpecification")),
        # The one id, as a string instead of a list: read as that id, or refused; never marketplace "A".
        Case("json-marketplaceIds-as-string", "json-markets-string.json", sp.render(markets_string),
             stored=_good("B0S0000001"), refused=Refused(field="marketplaceIds")),
        Case("json-marketplaceIds-as-number", "json-markets-number.json", sp.render(sp.sales(rows, markets=12345)),
             refused=Refused(field="marketplaceIds")),
        Case("json-marketplaceIds-as-object", "json-markets-object.json",
             sp.render(sp.sales(rows, markets={"id": sp.DE})), refused=Refused(field="marketplaceIds")),
        Case("json-marketplaceIds-list-of-number", "json-markets-list-number.json",
             sp.render(sp.sales(rows, markets=[12345])), refused=Refused(field="marketplaceIds")),
        Case("json-marketplaceIds-empty", "json-markets-empty.json", sp.render(sp.sales(rows, markets=[])),
             stored=Stored(rows={"B0S0000001": GOOD},
                           warn=(("marketplace", "marktplatz"),)), refused=Refused(field="marketplaceIds")),
        Case("json-money-without-currencyCode", "json-money-no-currency.json",
             sp.render(sp.sales([sp.sales_row("B0S0000002", currency=None)])),
             stored=Stored(rows={"B0S0000002": GOOD}, warn=(("currency", "währung"),)),
             refused=Refused(field="currencyCode")),
        Case("json-money-amount-as-string", "json-money-string.json",
             sp.render(sp.sales([sp.sales_row("B0S0000003", revenue="239.88")])),
             stored=_good("B0S0000003"), refused=Refused(field="shippedRevenue")),
        Case("json-units-as-boolean", "json-units-bool.json", sp.render(sp.sales([sp.sales_row("B0S0000004", units=True)])),
             refused=Refused(field="shippedUnits")),
        Case("json-end-before-start", "json-end-before-start.json",
             sp.render(sp.sales([sp.sales_row("B0S0000005", start=sp.WEEK[1], end=sp.WEEK[0])])), refused=Refused()),
        Case("json-date-feb-30", "json-date-feb-30.json",
             sp.render(sp.sales([sp.sales_row("B0S0000006", start="2024-02-30")])), refused=Refused(field="startDate")),
        Case("json-errorDetails", "json-error-details.json",
             sp.render({"errorDetails": "This report type requires the reportPeriod reportOption"}), refused=Refused()),
        Case("json-top-level-list", "json-top-list.json", sp.render([sp.sales(rows)]), refused=Refused()),
        Case("json-good-sales-control", "json-good.json", sp.render(sp.sales(rows)), stored=_good("B0S0000001")),
        Case("json-good-with-bom-control", "json-good-bom.json", b"\xef\xbb\xbf" + sp.render(sp.sales(rows)),
             stored=_good("B0S0000001")),
        Case("json-negative-inventory-control", "json-negative-inventory.json",
             sp.render(sp.inventory("B0S0000007", sellableOnHandInventoryUnits=-3, openPurchaseOrderUnits=-10)),
             stored=Stored(table="inventory_facts", rows={"B0S0000007": {
                 "sellable_on_hand_inventory_units": -3.0, "open_purchase_order_units": -10.0}})),
    ]
    # The same metric twice in one row: JSON keeps the last silently unless the reader checks.
    dup = sp.render(sp.sales([sp.sales_row("B0S0000008", units=RAW)]), '12, "shippedUnits": 99')
    out.append(Case("json-duplicate-key-shippedUnits-12-vs-99", "json-duplicate-key.json", dup,
                    stored=tuple(Stored(rows={"B0S0000008": GOOD | {"shipped_units": u}}, warn=("shippedUnits",))
                                 for u in (12.0, 99.0)), refused=Refused(field="shippedUnits")))
    return out


def nesting() -> list[Case]:
    depth = 100_000
    top = ("[" * depth + "]" * depth).encode()
    row = sp.sales_row("B0Z0000001") | {"deep": RAW}
    inner = sp.render(sp.sales([row]), "{\"a\":" * depth + "1" + "}" * depth)
    opts = sp.render(sp.sales([sp.sales_row("B0Z0000001")], options=RAW), "[" * depth + "]" * depth)
    return [
        Case("json-deep-nesting-top-level", "json-deep-top.json", top, refused=Refused()),
        Case("json-deep-nesting-inside-a-row", "json-deep-row.json", inner, refused=Refused()),
        Case("json-deep-nesting-in-reportOptions", "json-deep-options.json", opts, refused=Refused()),
    ]


def years() -> list[Case]:
    w = ("2099-01-04", "2099-01-10")
    sales = sp.sales([sp.sales_row("B0W0000001", start=w[0], end=w[1])], start=w[0], end=w[1])
    return [
        Case("json-week-in-2099", "json-week-2099.json", sp.render(sales), refused=Refused(field="2099")),
        Case("json-forecast-week-in-2099", "json-forecast-2099.json",
             sp.render(sp.forecast("B0W0000001", start=w[0], end=w[1])), refused=Refused(field="2099")),
        Case("json-real-time-hour-in-2099", "json-real-time-2099.json",
             sp.render(sp.real_time_sales("B0W0000001", start="2099-01-05T10:00:00Z", end="2099-01-05T11:00:00Z")),
             refused=Refused(field="2099")),
        Case("json-year-0001", "json-year-0001.json",
             sp.render(sp.sales([sp.sales_row("B0W0000002", start="0001-01-07", end="0001-01-13")],
                                start="0001-01-07", end="0001-01-13")), refused=Refused(field="0001")),
    ]


def cases() -> list[Case]:
    return impossible_values() + huge_integers() + asins() + spec_shapes() + nesting() + years()
