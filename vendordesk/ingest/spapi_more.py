"""SP-API forecasting and coupon documents (the ones that are not period facts per ASIN)."""

from __future__ import annotations

from vendordesk.errors import UserError
from vendordesk.ingest.model import ParsedReport

_QUANTILES = ("meanForecastUnits", "p70ForecastUnits", "p80ForecastUnits", "p90ForecastUnits")
_COUPON_FIELDS = ("clips", "redemptions", "budget", "totalDiscount", "budgetSpent",
                  "budgetRemaining", "budgetPercentageUsed")


def _number(value: object, file_name: str, where: str) -> float | None:
    if value is None:
        return None
    if type(value) not in (int, float):
        raise UserError(f"{file_name}: {where}: {value!r} is not a number. Nothing was imported. "
                        "The document is damaged; download it again.")
    return float(value)


def forecasting(doc: dict, report: ParsedReport) -> None:
    """forecastByAsin -> amazon_forecasts rows, every generation kept."""
    from vendordesk.ingest.spapi import _iso_date

    options = doc["reportSpecification"].get("reportOptions") or {}
    program = str(options.get("sellingProgram") or "RETAIL").upper()
    report.report_type, report.selling_program, report.grain = "forecast", program, "week"
    odd = 0
    for index, row in enumerate(doc.get("forecastByAsin") or []):
        where = f"forecastByAsin[{index}]"
        if not isinstance(row, dict) or not row.get("asin"):
            raise UserError(f"{report.file_name}: {where}: has no asin. Nothing was imported. "
                            "The document is damaged; download it again.")
        generated = _iso_date(row.get("forecastGenerationDate"), report.file_name, where + ".forecastGenerationDate")
        start = _iso_date(row.get("startDate"), report.file_name, where + ".startDate")
        end = _iso_date(row.get("endDate"), report.file_name, where + ".endDate")
        values = [_number(row.get(q), report.file_name, f"{where}.{q}") for q in _QUANTILES]
        known = [v for v in values if v is not None]
        if known != sorted(known):
            odd += 1
        report.forecasts.append((row["asin"], report.marketplace_id, program, generated, start, end, *values))
    if odd:
        report.warnings.append(f"{odd} forecast rows have quantiles out of order (e.g. P90 < P80); stored as delivered.")
    if report.forecasts:
        report.period_start = min(r[4] for r in report.forecasts)
        report.period_end = max(r[5] for r in report.forecasts)
        report.last_updated = report.last_updated or max(r[3] for r in report.forecasts)


def coupons(doc: dict, report: ParsedReport) -> None:
    """campaigns[].coupons[] -> extra_facts per coupon ASIN (metric coupon.<id>.<field>).

    Coupon numbers belong to the whole coupon, not to one ASIN: every ASIN of a coupon carries
    the coupon's totals, so never sum them over ASINs.
    """
    from vendordesk.ingest.spapi import _iso_date

    report.report_type, report.grain = "coupon", "custom"
    report.distributor_view, report.selling_program = "MANUFACTURING", "RETAIL"
    currencies = set()
    for c_index, campaign in enumerate(doc.get("campaigns") or []):
        currencies.add(campaign.get("currencyCode"))
        market = campaign.get("marketplaceId") or report.marketplace_id
        for k_index, coupon in enumerate(campaign.get("coupons") or []):
            where = f"campaigns[{c_index}].coupons[{k_index}]"
            start = _iso_date(coupon.get("startDateTime"), report.file_name, where + ".startDateTime")
            end = _iso_date(coupon.get("endDateTime"), report.file_name, where + ".endDateTime")
            label = f"{campaign.get('campaignName', '')} / {coupon.get('name', '')}".strip(" /")
            asins = [a.get("asin") for a in coupon.get("asins") or [] if isinstance(a, dict) and a.get("asin")]
            for asin in asins or [""]:
                key = (asin, market, "MANUFACTURING", "RETAIL", "custom", start, end)
                for name in _COUPON_FIELDS:
                    value = _number(coupon.get(name), report.file_name, f"{where}.{name}")
                    if value is not None:
                        report.extras.append(key + (f"coupon.{coupon.get('couponId')}.{name}", value, label))
    currencies.discard(None)
    if len(currencies) > 1:
        raise UserError(f"{report.file_name}: campaigns: mixed currencies ({', '.join(sorted(currencies))}). "
                        "Nothing was imported. Request the report per marketplace.")
    report.currency = next(iter(currencies), None)
    if report.extras:
        report.period_start = min(r[5] for r in report.extras)
        report.period_end = max(r[6] for r in report.extras)
        report.warnings.append("Coupon figures are kept per coupon and ASIN as extra facts "
                               "(metric coupon.<id>.<field>); they are coupon totals, not per-ASIN sales.")
