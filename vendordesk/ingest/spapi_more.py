"""SP-API forecasting and coupon documents (the ones that are not period facts per ASIN)."""

from __future__ import annotations

from vendordesk.core.parsed import FORECAST_AHEAD_DAYS, ParsedReport
from vendordesk.errors import UserError
from vendordesk.ingest import spapi_values as values
from vendordesk.ingest.spapi_values import JsonObject
from vendordesk.text import N_, Message, Number

_QUANTILES = ("meanForecastUnits", "p70ForecastUnits", "p80ForecastUnits", "p90ForecastUnits")
_COUPON_FIELDS = ("clips", "redemptions", "budget", "totalDiscount", "budgetSpent",
                  "budgetRemaining", "budgetPercentageUsed")


def _number(value: object, file_name: str, where: str, name: str) -> float | None:
    if value is None:
        return None
    return float(values.number(value, file_name, where, name))


def _objects(value: object, file_name: str, where: str) -> list[JsonObject]:
    """A list of JSON objects (None -> [])."""
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise UserError(N_("{file}: {field}: is not a list of objects. Nothing was imported. The document is "
                           "damaged; download it again from Amazon."), file=file_name, field=where)
    return value


def forecasting(doc: JsonObject, report: ParsedReport) -> None:
    """forecastByAsin -> amazon_forecasts rows, every generation kept."""
    from vendordesk.ingest.spapi import option, report_options

    name = report.file_name
    options = report_options(doc, name)
    program = option(options, "sellingProgram", "RETAIL", ("RETAIL", "BUSINESS", "FRESH"), name)
    report.report_type, report.selling_program, report.grain = "forecast", program, "week"
    odd = 0
    for index, row in enumerate(_objects(doc.get("forecastByAsin"), name, "forecastByAsin")):
        where = f"forecastByAsin[{index}]"
        asin = values.asin(row.get("asin"), name, where + ".asin")
        # generated today at the latest (one day of slack for time zones); weeks up to 2 years ahead
        generated = values.iso_date(row.get("forecastGenerationDate"), name, where + ".forecastGenerationDate", 1)
        start = values.iso_date(row.get("startDate"), name, where + ".startDate", FORECAST_AHEAD_DAYS)
        end = values.iso_date(row.get("endDate"), name, where + ".endDate", FORECAST_AHEAD_DAYS)
        if end < start:
            raise UserError(N_("{file}: {field}: endDate {end} is before startDate {start}. Nothing was imported. "
                               "The document is damaged; download it again from Amazon."),
                            file=name, field=where, end=end, start=start)
        units = [_number(row.get(q), name, f"{where}.{q}", q) for q in _QUANTILES]
        known = [v for v in units if v is not None]
        if known != sorted(known):
            odd += 1
        report.forecasts.append((asin, report.marketplace_id, program, generated, start, end, *units))
    if odd:
        report.warnings.append(Message.ngettext(
            "{count} forecast row has quantiles out of order (e.g. P90 < P80); stored as delivered.",
            "{count} forecast rows have quantiles out of order (e.g. P90 < P80); stored as delivered.", odd,
            count=Number(odd)))
    if report.forecasts:
        report.period_start = min(r[4] for r in report.forecasts)
        report.period_end = max(r[5] for r in report.forecasts)
        report.last_updated = report.last_updated or max(r[3] for r in report.forecasts)


def coupons(doc: JsonObject, report: ParsedReport) -> None:
    """campaigns[].coupons[] -> extra_facts per coupon ASIN (metric coupon.<id>.<field>).

    Coupon numbers belong to the whole coupon, not to one ASIN: every ASIN of a coupon carries
    the coupon's totals, so never sum them over ASINs.
    """
    name = report.file_name
    report.report_type, report.grain = "coupon", "custom"
    report.distributor_view, report.selling_program = "MANUFACTURING", "RETAIL"
    currencies: set[str | None] = set()   # each checked by values.text when not None
    for c_index, campaign in enumerate(_objects(doc.get("campaigns"), name, "campaigns")):
        here = f"campaigns[{c_index}]"
        for field in ("currencyCode", "marketplaceId", "campaignName"):
            if campaign.get(field) is not None:
                values.text(campaign[field], name, f"{here}.{field}")
        currencies.add(campaign.get("currencyCode"))
        market = campaign.get("marketplaceId") or report.marketplace_id
        for k_index, coupon in enumerate(_objects(campaign.get("coupons"), name, here + ".coupons")):
            where = f"{here}.coupons[{k_index}]"
            start = values.iso_date(coupon.get("startDateTime"), name, where + ".startDateTime")
            end = values.iso_date(coupon.get("endDateTime"), name, where + ".endDateTime")
            if end < start:
                raise UserError(N_("{file}: {field}: endDateTime {end} is before startDateTime {start}. Nothing "
                                   "was imported. The document is damaged; download it again from Amazon."),
                                file=name, field=where, end=end, start=start)
            label = f"{campaign.get('campaignName', '')} / {coupon.get('name', '')}".strip(" /")
            asins = [values.asin(a["asin"], name, f"{where}.asins[{i}].asin")
                     for i, a in enumerate(_objects(coupon.get("asins"), name, where + ".asins"))
                     if a.get("asin") is not None]
            for asin in asins or [""]:
                key = (asin, market, "MANUFACTURING", "RETAIL", "custom", start, end)
                for field in _COUPON_FIELDS:
                    value = _number(coupon.get(field), name, f"{where}.{field}", field)
                    if value is not None:
                        report.extras.append(key + (f"coupon.{coupon.get('couponId')}.{field}", value, label))
    codes = {code for code in currencies if code is not None}
    if len(codes) > 1:
        raise UserError(N_("{file}: campaigns: mixed currencies ({currencies}). Nothing was imported. Request the "
                           "report per marketplace."), file=report.file_name, currencies=", ".join(sorted(codes)))
    report.currency = next(iter(codes), None)
    if report.extras:
        report.period_start = min(r[5] for r in report.extras)
        report.period_end = max(r[6] for r in report.extras)
        report.warnings.append(Message(N_("Coupon figures are kept per coupon and ASIN as extra facts (metric "
                                          "coupon.<id>.<field>); they are coupon totals, not per-ASIN sales.")))
