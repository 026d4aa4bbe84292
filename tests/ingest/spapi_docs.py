"""Small SP-API documents built in the tests (no dependence on ../shared)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path


def money(amount, currency="EUR") -> dict:
    return {"amount": amount, "currencyCode": currency}


def sales_row(asin="B000000001", start="2024-10-06", end="2024-10-12", units=5) -> dict:
    row = {"startDate": start, "endDate": end, "orderedRevenue": money(units * 20.0), "orderedUnits": units,
           "shippedRevenue": money(units * 19.5), "shippedCogs": money(units * 10.0), "shippedUnits": units,
           "customerReturns": 0}
    if asin is not None:
        row["asin"] = asin
    return row


def sales_doc(by_asin=None, aggregate=None, **spec) -> dict:
    specification = {"reportType": "GET_VENDOR_SALES_REPORT", "marketplaceIds": ["A1PA6795UKMFR9"],
                     "reportOptions": {"reportPeriod": "WEEK", "distributorView": "MANUFACTURING",
                                       "sellingProgram": "RETAIL"},
                     "dataStartTime": "2024-10-06", "dataEndTime": "2024-10-12"} | spec
    return {"reportSpecification": specification,
            "salesAggregate": [sales_row(asin=None, units=7)] if aggregate is None else aggregate,
            "salesByAsin": [sales_row("B000000001", units=5), sales_row("B000000002", units=2)]
            if by_asin is None else by_asin}


def traffic_doc(views=(100, 250)) -> dict:
    return {"reportSpecification": {"reportType": "GET_VENDOR_TRAFFIC_REPORT", "marketplaceIds": ["A1PA6795UKMFR9"],
                                    "reportOptions": {"reportPeriod": "WEEK"},
                                    "dataStartTime": "2024-10-06", "dataEndTime": "2024-10-12"},
            "trafficAggregate": [{"startDate": "2024-10-06", "endDate": "2024-10-12", "glanceViews": sum(views)}],
            "trafficByAsin": [{"startDate": "2024-10-06", "endDate": "2024-10-12", "asin": f"B00000000{i + 1}",
                               "glanceViews": v} for i, v in enumerate(views)]}


def forecast_doc(week_start: dt.date, generated: dt.date, mean=3.0) -> dict:
    end = week_start + dt.timedelta(days=6)
    return {"reportSpecification": {"reportType": "GET_VENDOR_FORECASTING_REPORT",
                                    "marketplaceIds": ["A1PA6795UKMFR9"], "reportOptions": {"sellingProgram": "RETAIL"}},
            "forecastByAsin": [{"forecastGenerationDate": generated.isoformat(), "asin": "B000000001",
                                "startDate": week_start.isoformat(), "endDate": end.isoformat(),
                                "meanForecastUnits": mean, "p70ForecastUnits": mean + 1, "p80ForecastUnits": mean + 2,
                                "p90ForecastUnits": mean + 3}]}


def real_time_doc(start="2024-10-06T10:00:00Z", end="2024-10-06T11:00:00Z", units=1) -> dict:
    return {"reportSpecification": {"reportType": "GET_VENDOR_REAL_TIME_SALES_REPORT",
                                    "marketplaceIds": ["A1PA6795UKMFR9"], "reportOptions": {"currencyCode": "EUR"},
                                    "dataStartTime": start, "dataEndTime": end},
            "reportData": [{"startTime": start, "endTime": end, "asin": "B000000001", "orderedUnits": units,
                            "orderedRevenue": 19.99 * units}]}


def write(path: Path, doc_or_text) -> Path:
    text = doc_or_text if isinstance(doc_or_text, str) else json.dumps(doc_or_text)
    path.write_text(text, "utf-8")
    return path
