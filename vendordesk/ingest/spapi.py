"""SP-API vendor report documents (JSON) -> ParsedReport.

Covers the nine report types of amzn/selling-partner-api-models schemas/reports: sales, traffic,
inventory, net PPM, forecasting, the three real-time reports and the coupon report. Fields keep
their SP-API meaning; column names are their snake_case. Absent optional fields stay None.
"""

from __future__ import annotations

import re
from typing import Any

from vendordesk.core.marketplaces import marketplace_name
from vendordesk.core.parsed import FactBlock, ParsedReport
from vendordesk.errors import UserError
from vendordesk.ingest import spapi_values as values
from vendordesk.ingest.spapi_values import JsonObject
from vendordesk.text import N_, Message, Number

Fields = tuple[tuple[str, str], ...]   # (field name, kind: "money" or "num")
# (report_type, table, aggregate key, by-ASIN key, fields, has currency column)
PeriodicSpec = tuple[str, str, str, str, Fields, bool]
# (report_type, table, fields, has currency column)
RealTimeSpec = tuple[str, str, Fields, bool]
Key = tuple[str | None, ...]           # the key columns of a fact row, or their start

_SALES: Fields = (("orderedRevenue", "money"), ("orderedUnits", "num"), ("shippedRevenue", "money"),
          ("shippedCogs", "money"), ("shippedUnits", "num"), ("customerReturns", "num"))
_TRAFFIC: Fields = (("glanceViews", "num"),)
_INVENTORY: Fields = tuple((name, "money" if name.endswith("Cost") else "num") for name in (
    "procurableProductOutOfStockRate", "uft", "vendorConfirmationRate", "receiveFillRate",
    "averageVendorLeadTimeDays", "sellThroughRate", "openPurchaseOrderUnits",
    "netReceivedInventoryUnits", "netReceivedInventoryCost", "unfilledCustomerOrderedUnits",
    "sellableOnHandInventoryUnits", "sellableOnHandInventoryCost", "unsellableOnHandInventoryUnits",
    "unsellableOnHandInventoryCost", "aged90PlusDaysSellableInventoryUnits",
    "aged90PlusDaysSellableInventoryCost", "unhealthyInventoryUnits", "unhealthyInventoryCost"))
_NET_PPM: Fields = (("netPureProductMargin", "num"),)

# reportType -> its PeriodicSpec
PERIODIC: dict[str, PeriodicSpec] = {
    "GET_VENDOR_SALES_REPORT": ("sales", "sales_facts", "salesAggregate", "salesByAsin", _SALES, True),
    "GET_VENDOR_TRAFFIC_REPORT": ("traffic", "traffic_facts", "trafficAggregate", "trafficByAsin",
                                  _TRAFFIC, False),
    "GET_VENDOR_INVENTORY_REPORT": ("inventory", "inventory_facts", "inventoryAggregate",
                                    "inventoryByAsin", _INVENTORY, True),
    "GET_VENDOR_NET_PURE_PRODUCT_MARGIN_REPORT": ("net_ppm", "net_ppm_facts",
                                                  "netPureProductMarginAggregate",
                                                  "netPureProductMarginByAsin", _NET_PPM, False),
}
REAL_TIME: dict[str, RealTimeSpec] = {
    "GET_VENDOR_REAL_TIME_SALES_REPORT": ("sales", "sales_facts",
                                          (("orderedUnits", "num"), ("orderedRevenue", "num")), True),
    "GET_VENDOR_REAL_TIME_TRAFFIC_REPORT": ("traffic", "traffic_facts", (("glanceViews", "num"),), False),
    "GET_VENDOR_REAL_TIME_INVENTORY_REPORT": ("inventory", "inventory_facts",
                                              (("highlyAvailableInventory", "num"),), False),
}
DATA_KEYS = {"salesByAsin", "trafficByAsin", "inventoryByAsin", "netPureProductMarginByAsin",
             "forecastByAsin", "reportData", "campaigns", "salesAggregate"}
_NUMBER = (int, float)
OTHER_KINDS = ("GET_VENDOR_FORECASTING_REPORT", "GET_COUPON_PERFORMANCE_REPORT", "GET_COUPON")
VIEWS = ("MANUFACTURING", "SOURCING")
PROGRAMS = ("RETAIL", "BUSINESS", "FRESH")


def snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()


def _iso_date(value: object, file_name: str, where: str, ahead_days: int = values.HISTORY_AHEAD_DAYS) -> str:
    return values.iso_date(value, file_name, where, ahead_days)


def _iso_hour(value: object, file_name: str, where: str) -> str:
    return values.iso_hour(value, file_name, where)


class Rows:
    """Turns JSON rows into fact tuples, collecting currencies, used fields and extras."""

    def __init__(self, report: ParsedReport, fields: Fields, key_prefix: Key, with_currency: bool) -> None:
        self.report, self.fields, self.prefix = report, fields, key_prefix
        self.with_currency = with_currency
        self.currencies: set[str] = set()
        self.used: set[str] = set()
        self.known = {name for name, _ in fields} | {"startDate", "endDate", "asin", "startTime",
                                                     "endTime"}

    def values(self, row: JsonObject, where: str) -> list[int | float | None]:
        out: list[int | float | None] = []
        file_name = self.report.file_name
        for name, kind in self.fields:
            value = row.get(name)
            if value is not None:
                if kind == "money":
                    if not isinstance(value, dict):
                        raise UserError(N_("{file}: {field}: {value} is not a Money object (amount and "
                                           "currencyCode). Nothing was imported. The document is damaged; "
                                           "download it again from Amazon."),
                                        file=file_name, field=f"{where}.{name}", value=repr(value))
                    code = value.get("currencyCode")
                    if code is not None:
                        self.currencies.add(values.text(code, file_name, f"{where}.{name}.currencyCode"))
                    value = value.get("amount")
                value = values.number(value, file_name, f"{where}.{name}", name)
            out.append(value)
        return out

    def extras(self, row: JsonObject, key: Key, where: str) -> None:
        for name in sorted(row.keys() - self.known):
            value = row[name]
            if isinstance(value, dict) and "amount" in value:
                value = value["amount"]
            if type(value) in _NUMBER or isinstance(value, values.TooLong):
                number = values.number(value, self.report.file_name, f"{where}.{name}")
                self.report.extras.append(key + (snake(name), float(number), None))
            elif value is not None:
                self.report.extras.append(key + (snake(name), None, str(value)))


def check_currency(report: ParsedReport, currencies: set[str | None], default: str | None) -> None:
    currencies.discard(None)
    codes = {values.text(code, report.file_name, "Money fields: currencyCode") for code in currencies}
    if len(codes) > 1:
        raise UserError(N_("{file}: Money fields: mixed currencies ({currencies}) in one document. Nothing was "
                           "imported. Request the report in one currency and import it again."),
                        file=report.file_name, currencies=", ".join(sorted(codes)))
    report.currency = next(iter(codes), default)


def assume_currency(report: ParsedReport, where: str) -> None:
    """Amounts without any currency code: the marketplace's currency, said in a warning (or refused)."""
    from vendordesk.ingest.markets import CURRENCY_OF

    currency = CURRENCY_OF.get(report.marketplace_id) if report.marketplace_id is not None else None
    if currency is None:
        raise UserError(N_("{file}: {field}: no currency is named and marketplace {marketplace} has no currency "
                           "VendorDesk knows. Nothing was imported. Download the document again from Amazon."),
                        file=report.file_name, field=where, marketplace=str(report.marketplace_id))
    report.currency = currency
    report.warnings.append(Message(N_("{field}: no currency is named; the amounts were stored as {currency}, the "
                                      "currency of marketplace {marketplace}. If that is wrong, undo this import "
                                      "and download the document again from Amazon."), field=where,
                                   currency=currency, marketplace=marketplace_name(report.marketplace_id)))


def report_options(doc: JsonObject, file_name: str) -> JsonObject:
    options = doc["reportSpecification"].get("reportOptions")
    if options is None:
        return {}
    if not isinstance(options, dict):
        raise UserError(N_("{file}: reportSpecification.reportOptions: {value} is not an object of report options "
                           "(reportPeriod, distributorView, sellingProgram). Nothing was imported. The document "
                           "is damaged; download it again from Amazon."),
                        file=file_name, value=_brief(options))
    return options


def option(options: JsonObject, name: str, default: str, allowed: tuple[str, ...], file_name: str) -> str:
    value = options.get(name)
    if value is None or value == "":
        return default
    return values.text(value, file_name, f"reportSpecification.reportOptions.{name}", allowed).upper()


def section(doc: JsonObject, key: str, file_name: str) -> list[Any]:
    data = doc.get(key)
    if data is None:
        return []
    if not isinstance(data, list):
        raise UserError(N_("{file}: {field}: {value} is not a list of records. Nothing was imported. The document "
                           "is damaged; download it again from Amazon."),
                        file=file_name, field=key, value=_brief(data))
    return data


def _brief(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def columns(fields: Fields, rows_seen: set[str], with_currency: bool) -> tuple[str, ...]:
    cols = tuple(snake(name) for name, _ in fields if name in rows_seen)
    return (("currency",) if with_currency else ()) + cols


def _real_time(doc: JsonObject, report: ParsedReport, spec: RealTimeSpec) -> None:
    report_type, table, fields, with_currency = spec
    options = report_options(doc, report.file_name)
    report.grain, report.distributor_view, report.selling_program = "hour", "MANUFACTURING", "RETAIL"
    prefix: Key = (report.marketplace_id, "MANUFACTURING", "RETAIL", "hour")
    rows = Rows(report, fields, prefix, with_currency)
    out: list[tuple[Any, ...]] = []
    seen: set[str] = set()
    for index, row in enumerate(section(doc, "reportData", report.file_name)):
        where = f"reportData[{index}]"
        if not isinstance(row, dict):
            raise UserError(N_("{file}: {field}: is not an object. Nothing was imported. The document is damaged."),
                            file=report.file_name, field=where)
        values.asin(row.get("asin"), report.file_name, where + ".asin")
        start = _iso_hour(row.get("startTime"), report.file_name, where + ".startTime")
        end = _iso_hour(row.get("endTime"), report.file_name, where + ".endTime")
        numbers = rows.values(row, where)
        seen.update(row.keys())
        key_tuple = (row["asin"],) + prefix + (start, end)
        out.append(key_tuple + tuple(numbers))
        rows.extras(row, key_tuple, where)
    currency = options.get("currencyCode")
    if currency is not None:
        values.text(currency, report.file_name, "reportSpecification.reportOptions.currencyCode")
    report.currency = currency if with_currency else None
    if with_currency and not currency and out:
        assume_currency(report, "reportSpecification.reportOptions.currencyCode")
    used = [i for i, (name, _) in enumerate(fields) if name in seen]
    cols = tuple(snake(fields[i][0]) for i in used)
    rows_out = [r[:7] + ((report.currency,) if with_currency else ()) + tuple(r[7 + i] for i in used)
                for r in out]
    report.blocks[table] = FactBlock((("currency",) if with_currency else ()) + cols, rows_out)
    report.report_type = report_type
    if out:
        report.period_start = min(r[5] for r in out)
        report.period_end = max(r[6] for r in out)


def parse_document(doc: object, file_name: str, account_currency: str | None = None) -> ParsedReport:
    """Validate one decoded SP-API document and turn it into facts."""
    from vendordesk.ingest import spapi_more

    if not isinstance(doc, dict):
        raise UserError(N_("{file}: top level: is not a JSON object. Nothing was imported. This is not an SP-API "
                           "report document."), file=file_name)
    if "errorDetails" in doc and not DATA_KEYS & doc.keys():
        raise UserError(N_("{file}: Amazon did not deliver this report: {details}. Nothing was imported. Request "
                           "the report again (check reportOptions and the Vendor Central permissions)."),
                        file=file_name, details=doc["errorDetails"])
    report, kind = begin(doc, file_name)
    if kind in PERIODIC:
        from vendordesk.ingest import spapi_periodic

        spapi_periodic.parse(doc, report, PERIODIC[kind])
    elif kind in REAL_TIME:
        _real_time(doc, report, REAL_TIME[kind])
    elif kind == "GET_VENDOR_FORECASTING_REPORT":
        spapi_more.forecasting(doc, report)
    elif kind in ("GET_COUPON_PERFORMANCE_REPORT", "GET_COUPON"):
        spapi_more.coupons(doc, report)
    return finish(report, account_currency)


def begin(doc: JsonObject, file_name: str) -> tuple[ParsedReport, str]:
    """The report specification checked: (report with marketplace and period, reportType)."""
    spec = doc.get("reportSpecification")
    if not isinstance(spec, dict) or "reportType" not in spec:
        raise UserError(N_("{file}: reportSpecification.reportType: is missing. Nothing was imported. This JSON is "
                           "not an SP-API vendor report document."), file=file_name)
    kind = values.text(spec["reportType"], file_name, "reportSpecification.reportType")
    report = ParsedReport(file_name=file_name, source="api", report_type="?")
    markets = spec.get("marketplaceIds")
    if markets is None or markets == []:
        raise UserError(N_("{file}: reportSpecification.marketplaceIds: is missing or empty, so the marketplace of "
                           "the facts is unknown. Nothing was imported. Amazon's report documents always name it; "
                           "download the document again from Amazon."), file=file_name)
    if not isinstance(markets, list):
        raise UserError(N_("{file}: reportSpecification.marketplaceIds: {value} is not a list of marketplace IDs "
                           "(e.g. [\"A1PA6795UKMFR9\"]). Nothing was imported. The document is damaged; download "
                           "it again from Amazon."),
                        file=file_name, value=_brief(markets))
    for index, market in enumerate(markets):
        values.text(market, file_name, f"reportSpecification.marketplaceIds[{index}]")
    report.marketplace_id = markets[0]
    if len(markets) > 1:
        report.warnings.append(Message(N_("{count} marketplaces named; facts stored under {marketplace}."),
                                       count=Number(len(markets)), marketplace=marketplace_name(markets[0])))
    if spec.get("lastUpdatedDate") is not None:
        _iso_date(spec["lastUpdatedDate"], file_name, "reportSpecification.lastUpdatedDate")
        report.last_updated = spec["lastUpdatedDate"]
    start, end = (spec.get(name) or None for name in ("dataStartTime", "dataEndTime"))
    start = start and _iso_date(start, file_name, "reportSpecification.dataStartTime")
    end = end and _iso_date(end, file_name, "reportSpecification.dataEndTime")
    if start and end:
        report.period_start, report.period_end = start, end
        if end < start:
            raise UserError(N_("{file}: reportSpecification: dataEndTime {end} is before dataStartTime {start}. "
                               "Nothing was imported. Download the report again with a valid date range."),
                            file=file_name, end=end, start=start)
    if kind not in PERIODIC and kind not in REAL_TIME and kind not in OTHER_KINDS:
        raise UserError(N_("{file}: reportSpecification.reportType: {kind} is not a report VendorDesk reads. "
                           "Nothing was imported. Import sales, traffic, inventory, net PPM, forecasting, "
                           "real-time or coupon reports."), file=file_name, kind=repr(kind))
    return report, kind


def finish(report: ParsedReport, account_currency: str | None) -> ParsedReport:
    if account_currency and report.currency and report.currency != account_currency:
        report.warnings.append(Message(N_("Amounts are in {currency}, the account works in {account}; they are kept "
                                          "in their own currency. Check the account currency in Settings."),
                                       currency=report.currency, account=account_currency))
    if not report.row_count:
        report.warnings.append(Message(N_("The document holds no rows.")))
    return report
