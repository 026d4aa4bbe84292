"""SP-API vendor report documents built in code (the shape of the public schemas, domain §2.2-2.9).

``render`` writes JSON text and lets a case drop raw literals (``NaN``, ``1e400``, a 5000-digit
integer) into the text where ``json.dumps`` cannot: the placeholder string "@@RAW@@" is replaced.
"""

from __future__ import annotations

import json

DE = "A1PA6795UKMFR9"
WEEK = ("2024-10-06", "2024-10-12")
RAW = "@@RAW@@"


def spec(report_type: str, options: object = None, markets: object = (DE,), start: str = WEEK[0],
         end: str = WEEK[1]) -> dict:
    out = {"reportType": report_type, "lastUpdatedDate": "2024-10-14", "dataStartTime": start,
           "dataEndTime": end}
    if options is not None:
        out["reportOptions"] = options
    if markets is not None:
        out["marketplaceIds"] = list(markets) if isinstance(markets, tuple) else markets
    return out


def money(amount: object, currency: str | None = "EUR") -> dict:
    return {"amount": amount} | ({"currencyCode": currency} if currency else {})


def sales_row(asin: str, units: object = 12, revenue: object = 239.88, cogs: object = 120.0,
              start: str = WEEK[0], end: str = WEEK[1], currency: str | None = "EUR") -> dict:
    return {"startDate": start, "endDate": end, "asin": asin, "shippedUnits": units,
            "shippedRevenue": money(revenue, currency), "shippedCogs": money(cogs, currency)}


def sales(rows: list[dict], options: object = "default", markets: object = (DE,), aggregate: list | None = None,
          start: str = WEEK[0], end: str = WEEK[1]) -> dict:
    if options == "default":
        options = {"reportPeriod": "WEEK", "distributorView": "MANUFACTURING", "sellingProgram": "RETAIL"}
    return {"reportSpecification": spec("GET_VENDOR_SALES_REPORT", options, markets, start, end),
            "salesAggregate": aggregate or [], "salesByAsin": rows}


def traffic(asin: str, views: object) -> dict:
    return {"reportSpecification": spec("GET_VENDOR_TRAFFIC_REPORT", {"reportPeriod": "WEEK"}),
            "trafficAggregate": [], "trafficByAsin": [{"startDate": WEEK[0], "endDate": WEEK[1], "asin": asin,
                                                       "glanceViews": views}]}


def inventory(asin: str, **fields: object) -> dict:
    row = {"startDate": WEEK[0], "endDate": WEEK[1], "asin": asin} | fields
    return {"reportSpecification": spec("GET_VENDOR_INVENTORY_REPORT", {
        "reportPeriod": "WEEK", "distributorView": "MANUFACTURING", "sellingProgram": "RETAIL"}),
        "inventoryAggregate": [], "inventoryByAsin": [row]}


def net_ppm(asin: str, margin: object) -> dict:
    return {"reportSpecification": spec("GET_VENDOR_NET_PURE_PRODUCT_MARGIN_REPORT", {"reportPeriod": "WEEK"}),
            "netPureProductMarginAggregate": [],
            "netPureProductMarginByAsin": [{"startDate": WEEK[0], "endDate": WEEK[1], "asin": asin,
                                            "netPureProductMargin": margin}]}


def forecast(asin: str, mean: object = 3.1, start: str = "2024-10-13", end: str = "2024-10-19") -> dict:
    return {"reportSpecification": {"reportType": "GET_VENDOR_FORECASTING_REPORT",
                                    "reportOptions": {"sellingProgram": "RETAIL"}, "lastUpdatedDate": "2024-10-12",
                                    "marketplaceIds": [DE]},
            "forecastByAsin": [{"forecastGenerationDate": "2024-10-12", "asin": asin, "startDate": start,
                                "endDate": end, "meanForecastUnits": mean, "p70ForecastUnits": 4.0,
                                "p80ForecastUnits": 5.0, "p90ForecastUnits": 6.0}]}


def real_time_sales(asin: str, revenue: object = 167.14, units: object = 3,
                    start: str = "2024-10-07T10:00:00Z", end: str = "2024-10-07T11:00:00Z") -> dict:
    return {"reportSpecification": {"reportType": "GET_VENDOR_REAL_TIME_SALES_REPORT",
                                    "reportOptions": {"currencyCode": "EUR"}, "dataStartTime": start,
                                    "dataEndTime": end, "marketplaceIds": [DE]},
            "reportData": [{"startTime": start, "endTime": end, "asin": asin, "orderedUnits": units,
                            "orderedRevenue": revenue}]}


def render(doc: object, raw: str | None = None) -> bytes:
    text = json.dumps(doc)
    if raw is not None:
        text = text.replace(json.dumps(RAW), raw)
    return text.encode("utf-8")


def write_big_sales(path, asins: int, weeks: int, first_sunday: str = "2022-01-02") -> int:
    """A weekly sales document of ``asins`` x ``weeks`` records with all six sales fields, written
    record by record; returns the number of records. Values follow (asin, week) so any row can be
    checked: shippedUnits = (a + w) % 50, amounts in EUR."""
    import datetime as dt

    start = dt.date.fromisoformat(first_sunday)
    end = start + dt.timedelta(weeks=weeks) - dt.timedelta(days=1)
    spec_ = spec("GET_VENDOR_SALES_REPORT", {"reportPeriod": "WEEK", "distributorView": "MANUFACTURING",
                                             "sellingProgram": "RETAIL"}, (DE,), start.isoformat(), end.isoformat())
    records = 0
    money_ = '{{"amount": {:.1f}, "currencyCode": "EUR"}}'.format
    with open(path, "w", encoding="utf-8") as out:
        out.write('{"reportSpecification": ' + json.dumps(spec_) + ', "salesAggregate": [], "salesByAsin": [')
        for w in range(weeks):
            sunday = start + dt.timedelta(weeks=w)
            head = f'{{"startDate": "{sunday}", "endDate": "{sunday + dt.timedelta(days=6)}", "asin": "B0'
            for a in range(asins):
                units = (a + w) % 50
                out.write(f'{"," if records else ""}{head}{a:08d}", "customerReturns": {units % 3}, '
                          f'"orderedRevenue": {money_(units * 21.5)}, "orderedUnits": {units + 1}, '
                          f'"shippedCogs": {money_(units * 11.0)}, "shippedRevenue": {money_(units * 20.0)}, '
                          f'"shippedUnits": {units}}}')
                records += 1
        out.write("]}")
    return records
