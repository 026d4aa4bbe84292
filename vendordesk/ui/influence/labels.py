"""Translated names of the influence model's KPIs, gears, loops, bridge steps and levers."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from vendordesk.core.missing import is_missing


def _t(text: str) -> str:
    return QCoreApplication.translate("Influence", text)


_KPI_NAMES: dict[str, dict[str, str]] = {}


def kpi_name(name: str) -> str:
    """The KPI's name in the window's language (the table is built once per language)."""
    from PySide6.QtCore import QLocale

    key = QLocale().name() + _t("Ordered units")
    if key not in _KPI_NAMES:
        _KPI_NAMES[key] = _kpi_names()
    return _KPI_NAMES[key].get(name, name)


def _kpi_names() -> dict[str, str]:
    return {
        "procurable_product_out_of_stock_rate": _t("Out-of-stock rate"),
        "ordered_units": _t("Ordered units"),
        "glance_views": _t("Glance views"),
        "conversion": _t("Conversion"),
        "content_score": _t("Content quality"),
        "mean_forecast_units": _t("Amazon forecast"),
        "po_units": _t("PO units"),
        "vendor_confirmation_rate": _t("Confirmation rate"),
        "receive_fill_rate": _t("Receive fill rate"),
        "average_vendor_lead_time_days": _t("Lead time"),
        "ops_defect_rate": _t("On-time/in-full defects"),
        "asn_error_rate": _t("ASN/label errors"),
        "shortage_claims": _t("Shortage claims"),
        "chargebacks": _t("Chargebacks"),
        "competitor_price": _t("Competitor price"),
        "average_selling_price": _t("Average selling price"),
        "featured_offer_lost": _t("Buy Box lost"),
        "sales_discount": _t("Sales discount"),
        "net_pure_product_margin": _t("Net PPM"),
        "backend_terms_rate": _t("Back-end terms"),
        "cost_price": _t("Cost price"),
        "cpi_acceptance": _t("CPI acceptance"),
        "payment_terms_cost": _t("Payment terms / cash discount"),
        "vendor_margin": _t("Vendor margin"),
        "crap_risk": _t("CRaP risk"),
        "weeks_of_cover": _t("Weeks of cover"),
        "customer_rating": _t("Customer rating"),
        "return_rate": _t("Return rate"),
        "ad_spend": _t("Ad spend"),
        "ad_efficiency": _t("Ad efficiency"),
    }


def gear_name(gear: str) -> str:
    names = {
        "content": _t("Content"), "availability": _t("Availability"), "price_buybox": _t("Price & Buy Box"),
        "advertising": _t("Advertising"), "reviews_cx": _t("Reviews & returns"),
        "ops_compliance": _t("Operations & compliance"), "forecast_ordering": _t("Forecast & ordering"),
        "profitability_terms": _t("Profitability & terms"), "assortment": _t("Assortment"),
        "outcome": _t("Outcome"),
    }
    if gear in names:
        return names[gear]
    from PySide6.QtCore import QLocale

    from vendordesk.core.gears.defs import GEARS  # a gear without a short map label: its declared name

    declared = next((g for g in GEARS if g.id == gear), None)
    return declared.name(QLocale().name().split("_")[0]) if declared else gear


def loop_name(loop: str) -> str:
    names = {"R1": _t("R1 OOS death spiral"), "R2": _t("R2 Margin squeeze / CRaP"),
             "R3": _t("R3 Compliance drain"), "B1": _t("B1 Overstock markdown")}
    return names.get(loop, loop)


def bridge_step(step: str) -> str:
    names = {"price": _t("Cost price"), "volume": _t("Volume"), "mix": _t("Mix"), "oos": _t("Lost sales (OOS)"),
             "terms": _t("Terms"), "chargebacks": _t("Chargebacks"), "asp": _t("ASP"), "cost": _t("Cost price"),
             "discount": _t("Sales discount")}
    return names.get(step, step)


def source_name(source: str) -> str:
    """Where a link's strength comes from, as a table cell ("Default", "Calibrated", "Edited")."""
    return {"default": _t("Default"), "calibrated": _t("Calibrated"), "edited": _t("Edited")}.get(source, source)


def signed_money(value: float, currency: str = "EUR", decimals: int = 0) -> str:
    """+1.234 € / −1.234 € (never the accounting brackets of toCurrencyString)."""
    from vendordesk.ui import fmt

    if is_missing(value):
        return fmt.DASH
    shown = fmt.rounded(value, decimals)         # what rounds to 0 € carries no sign
    text = fmt.money(abs(shown), currency, decimals)
    return ("−" if shown < 0 else "+" if shown > 0 else "") + text
