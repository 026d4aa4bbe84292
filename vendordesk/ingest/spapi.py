"""SP-API vendor report documents (JSON) -> ParsedReport.

Covers the nine report types of amzn/selling-partner-api-models schemas/reports: sales, traffic,
inventory, net PPM, forecasting, the three real-time reports and the coupon report. Fields keep
their SP-API meaning; column names are their snake_case. Absent optional fields stay None.
"""

from __future__ import annotations

import datetime as dt
import re

from vendordesk.errors import UserError
from vendordesk.ingest import spapi_fast
from vendordesk.ingest.model import GRAINS, FactBlock, ParsedReport

# field name, kind ("money" or "num")
_SALES = (("orderedRevenue", "money"), ("orderedUnits", "num"), ("shippedRevenue", "money"),
          ("shippedCogs", "money"), ("shippedUnits", "num"), ("customerReturns", "num"))
_TRAFFIC = (("glanceViews", "num"),)
_INVENTORY = tuple((name, "money" if name.endswith("Cost") else "num") for name in (
    "procurableProductOutOfStockRate", "uft", "vendorConfirmationRate", "receiveFillRate",
    "averageVendorLeadTimeDays", "sellThroughRate", "openPurchaseOrderUnits",
    "netReceivedInventoryUnits", "netReceivedInventoryCost", "unfilledCustomerOrderedUnits",
    "sellableOnHandInventoryUnits", "sellableOnHandInventoryCost", "unsellableOnHandInventoryUnits",
    "unsellableOnHandInventoryCost", "aged90PlusDaysSellableInventoryUnits",
    "aged90PlusDaysSellableInventoryCost", "unhealthyInventoryUnits", "unhealthyInventoryCost"))
_NET_PPM = (("netPureProductMargin", "num"),)

# reportType -> (report_type, table, aggregate key, by-ASIN key, fields, has currency column)
PERIODIC = {
    "GET_VENDOR_SALES_REPORT": ("sales", "sales_facts", "salesAggregate", "salesByAsin", _SALES, True),
    "GET_VENDOR_TRAFFIC_REPORT": ("traffic", "traffic_facts", "trafficAggregate", "trafficByAsin",
                                  _TRAFFIC, False),
    "GET_VENDOR_INVENTORY_REPORT": ("inventory", "inventory_facts", "inventoryAggregate",
                                    "inventoryByAsin", _INVENTORY, True),
    "GET_VENDOR_NET_PURE_PRODUCT_MARGIN_REPORT": ("net_ppm", "net_ppm_facts",
                                                  "netPureProductMarginAggregate",
                                                  "netPureProductMarginByAsin", _NET_PPM, False),
}
REAL_TIME = {
    "GET_VENDOR_REAL_TIME_SALES_REPORT": ("sales", "sales_facts",
                                          (("orderedUnits", "num"), ("orderedRevenue", "num")), True),
    "GET_VENDOR_REAL_TIME_TRAFFIC_REPORT": ("traffic", "traffic_facts", (("glanceViews", "num"),), False),
    "GET_VENDOR_REAL_TIME_INVENTORY_REPORT": ("inventory", "inventory_facts",
                                              (("highlyAvailableInventory", "num"),), False),
}
DATA_KEYS = {"salesByAsin", "trafficByAsin", "inventoryByAsin", "netPureProductMarginByAsin",
             "forecastByAsin", "reportData", "campaigns", "salesAggregate"}
_NUMBER = (int, float)


def snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()


def _refuse(file_name: str, where: str, what: str, todo: str) -> UserError:
    return UserError(f"{file_name}: {where}: {what}. Nothing was imported. {todo}")


def _iso_date(value: object, file_name: str, where: str) -> str:
    try:
        return dt.date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        raise _refuse(file_name, where, f"{value!r} is not a date (YYYY-MM-DD)",
                      "Download the report again from Amazon.") from None


def _iso_hour(value: object, file_name: str, where: str) -> str:
    try:
        moment = dt.datetime.fromisoformat(str(value))
    except ValueError:
        raise _refuse(file_name, where, f"{value!r} is not a date-time",
                      "Download the report again from Amazon.") from None
    moment = moment.astimezone(dt.UTC) if moment.tzinfo else moment
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


class _Rows:
    """Turns JSON rows into fact tuples, collecting currencies, used fields and extras."""

    def __init__(self, report: ParsedReport, fields, key_prefix: tuple, with_currency: bool):
        self.report, self.fields, self.prefix = report, fields, key_prefix
        self.with_currency = with_currency
        self.currencies: set[str] = set()
        self.used: set[str] = set()
        self.known = {name for name, _ in fields} | {"startDate", "endDate", "asin", "startTime",
                                                     "endTime"}

    def values(self, row: dict, where: str) -> list:
        out = []
        for name, kind in self.fields:
            value = row.get(name)
            if value is not None:
                if kind == "money":
                    if not isinstance(value, dict):
                        raise self._bad(where, name, value)
                    self.currencies.add(value.get("currencyCode"))
                    value = value.get("amount")
                if type(value) not in _NUMBER:
                    raise self._bad(where, name, value)
            out.append(value)
        return out

    def _bad(self, where: str, name: str, value: object) -> UserError:
        return _refuse(self.report.file_name, f"{where}.{name}", f"{value!r} is not a number "
                       "or Money object", "The document is damaged; download it again.")

    def extras(self, row: dict, key: tuple) -> None:
        for name in row.keys() - self.known:
            value = row[name]
            if isinstance(value, dict) and "amount" in value:
                value = value["amount"]
            if type(value) in _NUMBER:
                self.report.extras.append(key + (snake(name), float(value), None))
            elif value is not None:
                self.report.extras.append(key + (snake(name), None, str(value)))


def _check_currency(report: ParsedReport, currencies: set, default: str | None) -> None:
    currencies.discard(None)
    if len(currencies) > 1:
        raise _refuse(report.file_name, "Money fields", "mixed currencies "
                      f"({', '.join(sorted(currencies))}) in one document",
                      "Request the report in one currency and import it again.")
    report.currency = next(iter(currencies), default)


def _columns(fields, rows_seen: set[str], with_currency: bool) -> tuple:
    cols = tuple(snake(name) for name, _ in fields if name in rows_seen)
    return (("currency",) if with_currency else ()) + cols


def _periodic(doc: dict, report: ParsedReport, spec: tuple) -> None:
    report_type, table, agg_key, asin_key, fields, with_currency = spec
    options = doc["reportSpecification"].get("reportOptions") or {}
    report.grain = GRAINS.get(str(options.get("reportPeriod", "")).upper())
    if report.grain is None:
        raise _refuse(report.file_name, "reportSpecification.reportOptions.reportPeriod",
                      f"{options.get('reportPeriod')!r} is not DAY, WEEK, MONTH, QUARTER or YEAR",
                      "Download the report again with a reportPeriod.")
    report.distributor_view = str(options.get("distributorView") or "MANUFACTURING").upper()
    report.selling_program = str(options.get("sellingProgram") or "RETAIL").upper()
    prefix = (report.marketplace_id, report.distributor_view, report.selling_program, report.grain)
    rows = _Rows(report, fields, prefix, with_currency)
    sections = [(doc.get(agg_key) or [], False), (doc.get(asin_key) or [], True)]
    currency = spapi_fast.first_currency(sections, fields) if with_currency else None
    fast = spapi_fast.fast_rows(sections, fields, prefix, (currency,) if with_currency else (), rows.known)
    if fast is not None:
        built, currencies, seen = fast
        _check_currency(report, currencies | {currency}, report.currency)
        names = _columns(fields, seen, with_currency)
        report.blocks[table] = FactBlock(names, built)
        report.report_type = report_type
        return
    out, seen = [], set()
    for key, is_asin in ((agg_key, False), (asin_key, True)):
        data = doc.get(key) or []
        if not isinstance(data, list):
            raise _refuse(report.file_name, key, "is not a list", "The document is damaged.")
        for index, row in enumerate(data):
            where = f"{key}[{index}]"
            if not isinstance(row, dict):
                raise _refuse(report.file_name, where, "is not an object", "The document is damaged.")
            asin = row.get("asin") if is_asin else ""
            if is_asin and not asin:
                raise _refuse(report.file_name, where, "has no asin", "The document is damaged.")
            start = _iso_date(row.get("startDate"), report.file_name, where + ".startDate")
            end = _iso_date(row.get("endDate"), report.file_name, where + ".endDate")
            if end < start:
                raise _refuse(report.file_name, where, f"endDate {end} is before startDate {start}",
                              "The document is damaged; download it again.")
            values = rows.values(row, where)
            seen.update(row.keys())
            key_tuple = (asin,) + prefix + (start, end)
            out.append((key_tuple, values))
            if len(row) > len(fields) + 3 or not rows.known.issuperset(row.keys()):
                rows.extras(row, key_tuple)
    _check_currency(report, rows.currencies, report.currency)
    used = [i for i, (name, _) in enumerate(fields) if name in seen]
    cur = (report.currency,) if with_currency else ()
    block = FactBlock(_columns(fields, seen, with_currency),
                      [k + cur + tuple(v[i] for i in used) for k, v in out])
    report.blocks[table] = block
    report.report_type = report_type


def _real_time(doc: dict, report: ParsedReport, spec: tuple) -> None:
    report_type, table, fields, with_currency = spec
    options = doc["reportSpecification"].get("reportOptions") or {}
    report.grain, report.distributor_view, report.selling_program = "hour", "MANUFACTURING", "RETAIL"
    prefix = (report.marketplace_id, "MANUFACTURING", "RETAIL", "hour")
    rows = _Rows(report, fields, prefix, with_currency)
    out, seen = [], set()
    for index, row in enumerate(doc.get("reportData") or []):
        where = f"reportData[{index}]"
        if not isinstance(row, dict) or not row.get("asin"):
            raise _refuse(report.file_name, where, "has no asin", "The document is damaged.")
        start = _iso_hour(row.get("startTime"), report.file_name, where + ".startTime")
        end = _iso_hour(row.get("endTime"), report.file_name, where + ".endTime")
        values = rows.values(row, where)
        seen.update(row.keys())
        key_tuple = (row["asin"],) + prefix + (start, end)
        out.append(key_tuple + tuple(values))
        rows.extras(row, key_tuple)
    currency = options.get("currencyCode")
    if with_currency and not currency:
        report.warnings.append("reportOptions.currencyCode is missing; revenue stored without a currency.")
    report.currency = currency if with_currency else None
    used = [i for i, (name, _) in enumerate(fields) if name in seen]
    cols = tuple(snake(fields[i][0]) for i in used)
    rows_out = [r[:7] + ((report.currency,) if with_currency else ()) + tuple(r[7 + i] for i in used)
                for r in out]
    report.blocks[table] = FactBlock((("currency",) if with_currency else ()) + cols, rows_out)
    report.report_type = report_type
    report.period_start = min((r[5] for r in out), default=report.period_start)
    report.period_end = max((r[6] for r in out), default=report.period_end)


def parse_document(doc: object, file_name: str, account_currency: str | None = None) -> ParsedReport:
    """Validate one decoded SP-API document and turn it into facts."""
    from vendordesk.ingest import spapi_more

    if not isinstance(doc, dict):
        raise _refuse(file_name, "top level", "is not a JSON object", "This is not an SP-API report document.")
    if "errorDetails" in doc and not DATA_KEYS & doc.keys():
        raise UserError(f"{file_name}: Amazon did not deliver this report: {doc['errorDetails']}. "
                        "Nothing was imported. Request the report again (check reportOptions and "
                        "the Vendor Central permissions).")
    spec = doc.get("reportSpecification")
    if not isinstance(spec, dict) or "reportType" not in spec:
        raise _refuse(file_name, "reportSpecification.reportType", "is missing",
                      "This JSON is not an SP-API vendor report document.")
    kind = spec["reportType"]
    report = ParsedReport(file_name=file_name, source="api", report_type="?")
    markets = spec.get("marketplaceIds") or []
    report.marketplace_id = str(markets[0]) if markets else ""
    if len(markets) > 1:
        report.warnings.append(f"{len(markets)} marketplaces named; facts stored under {markets[0]}.")
    report.last_updated = spec.get("lastUpdatedDate")
    start, end = spec.get("dataStartTime"), spec.get("dataEndTime")
    if start and end:
        report.period_start = _iso_date(start, file_name, "reportSpecification.dataStartTime")
        report.period_end = _iso_date(end, file_name, "reportSpecification.dataEndTime")
        if report.period_end < report.period_start:
            raise _refuse(file_name, "reportSpecification", f"dataEndTime {end} is before dataStartTime {start}",
                          "Download the report again with a valid date range.")
    if kind in PERIODIC:
        _periodic(doc, report, PERIODIC[kind])
    elif kind in REAL_TIME:
        _real_time(doc, report, REAL_TIME[kind])
    elif kind == "GET_VENDOR_FORECASTING_REPORT":
        spapi_more.forecasting(doc, report)
    elif kind in ("GET_COUPON_PERFORMANCE_REPORT", "GET_COUPON"):
        spapi_more.coupons(doc, report)
    else:
        raise _refuse(file_name, "reportSpecification.reportType", f"{kind!r} is not a report VendorDesk reads",
                      "Import sales, traffic, inventory, net PPM, forecasting, real-time or coupon reports.")
    if account_currency and report.currency and report.currency != account_currency:
        report.warnings.append(f"Amounts are in {report.currency}, the account works in {account_currency}; "
                               "they are kept in their own currency. Check the account currency in Settings.")
    if not report.row_count:
        report.warnings.append("The document holds no rows.")
    return report
