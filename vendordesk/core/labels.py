"""What a person reads for a stored code, outside Qt: case and task statuses, chargeback kinds,
case categories, gear statuses, forecast models, sources, flags and events, grains, KPI units, and
(from their own modules) gears, KPIs, departments and marketplaces.

The English texts are the window's words (ui.tickets.labels, ui.forecast.labels,
ui.gears.formatting); the German ones live in the gettext catalogue under a context per field, so a
short word ("Open", "Chargebacks") can read differently in each. ``label(field, value, lang)``
returns the value unchanged when it is not a known code (a KAM's own text stays as entered), so
labelling twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from vendordesk.text import texts


def pgettext(context: str, message: str) -> tuple[str, str]:
    """Marks ``message`` for the catalogue under ``context`` (translated later by ``label``)."""
    return context, message


CODES: dict[str, dict[str, tuple[str, str]]] = {
    "case_status": {
        "open": pgettext("case status", "Open"),
        "waiting_amazon": pgettext("case status", "Waiting on Amazon"),
        "needs_info": pgettext("case status", "Needs info from us"),
        "reopened": pgettext("case status", "Reopened"),
        "resolved": pgettext("case status", "Resolved"),
    },
    "dispute_status": {
        "open": pgettext("dispute status", "Not disputed"),
        "disputed": pgettext("dispute status", "Disputed"),
        "won": pgettext("dispute status", "Won"),
        "lost": pgettext("dispute status", "Lost"),
        "accepted": pgettext("dispute status", "Accepted"),
    },
    "task_status": {
        "open": pgettext("task status", "Open"),
        "in_progress": pgettext("task status", "In progress"),
        "waiting": pgettext("task status", "Waiting"),
        "done": pgettext("task status", "Done"),
    },
    "chargeback_kind": {
        "chargeback": pgettext("chargeback kind", "Chargeback"),
        "shortage": pgettext("chargeback kind", "Shortage claim"),
    },
    # Amazon's chargeback types as Vendor Central names them (the stored value); the German says
    # what went wrong, and chargeback_type_text() adds Amazon's term where a KAM must find it in VC.
    "chargeback_type": {
        "PO On-Time Accuracy": pgettext("chargeback type", "PO On-Time Accuracy"),
        "ASN Accuracy": pgettext("chargeback type", "ASN Accuracy"),
        "Overage PO Units": pgettext("chargeback type", "Overage PO Units"),
        "Unconfirmed PO Units": pgettext("chargeback type", "Unconfirmed PO Units"),
        "PO Not Filled": pgettext("chargeback type", "PO Not Filled"),
        "Carton Content Accuracy": pgettext("chargeback type", "Carton Content Accuracy"),
        "Non-Compliant Barcode": pgettext("chargeback type", "Non-Compliant Barcode"),
        "Prep": pgettext("chargeback type", "Prep"),
        "Import Shipment Late Booking": pgettext("chargeback type", "Import Shipment Late Booking"),
        "Shortage Claim": pgettext("chargeback type", "Shortage Claim"),
    },
    # the issue group of Amazon's chargeback export
    "chargeback_group": {
        "PO": pgettext("chargeback group", "PO"),
        "ASN": pgettext("chargeback group", "ASN"),
        "Receive": pgettext("chargeback group", "Receive"),
        "Prep": pgettext("chargeback group", "Prep"),
    },
    "category": {
        "catalog": pgettext("case category", "Catalog / content"),
        "orders_po": pgettext("case category", "Orders / PO"),
        "shipments": pgettext("case category", "Shipments / ASN"),
        "receiving_shortages": pgettext("case category", "Receiving / shortages"),
        "chargebacks": pgettext("case category", "Chargebacks"),
        "payments": pgettext("case category", "Payments / invoices"),
        "coop": pgettext("case category", "Co-op / accruals"),
        "returns": pgettext("case category", "Returns / RTV"),
        "costs": pgettext("case category", "Costs"),
        "reports": pgettext("case category", "Reports"),
        "account": pgettext("case category", "Account / users"),
        "edi_api": pgettext("case category", "EDI / API"),
        "other": pgettext("case category", "Other"),
    },
    "gear_status": {
        "green": pgettext("gear status", "Good"),
        "amber": pgettext("gear status", "Watch"),
        "red": pgettext("gear status", "Act now"),
        "no-data": pgettext("gear status", "No data"),
        "info": pgettext("gear status", "For information"),
    },
    "forecast_model": {
        "seasonal_naive": pgettext("forecast model", "Seasonal naive"),
        "moving_average": pgettext("forecast model", "Moving average (13 wk)"),
        "ses": pgettext("forecast model", "Exponential smoothing"),
        "seasonal_ses": pgettext("forecast model", "Seasonal smoothing"),
        "seasonal_blend": pgettext("forecast model", "Seasonal smoothing + last year"),
        "seasonal_holt": pgettext("forecast model", "Seasonal smoothing with damped trend"),
        "seasonal_naive_level": pgettext("forecast model", "Last year, scaled to the current level"),
        "combo": pgettext("forecast model", "Smoothing combination"),
        "croston_sba": pgettext("forecast model", "Croston-SBA"),
        "tsb": pgettext("forecast model", "TSB (Teunter-Syntetos-Babai)"),
        "fallback_mean": pgettext("forecast model", "Fallback: mean (< 4 weeks)"),
        "fallback_zero": pgettext("forecast model", "Fallback: zero"),
        "launch_analogues": pgettext("forecast model", "Launch: analogues' curve"),
    },
    "forecast_source": {
        "ours": pgettext("forecast source", "Ours"),
        "amazon": pgettext("forecast source", "Amazon's (better so far)"),
        "combined": pgettext("forecast source", "Ours + Amazon's"),
    },
    "order_basis": {      # whose forecast a week's expected orders follow (core.forecast.supply)
        "amazon": pgettext("order basis", "Amazon's forecast"),
        "ours": pgettext("order basis", "Our forecast"),
        "mixed": pgettext("order basis", "Amazon's and ours (by ASIN)"),
    },
    "forecast_flag": {
        "returns": pgettext("forecast flag", "returns > orders set to 0"),
        "gaps": pgettext("forecast flag", "missing weeks"),
        "spike_capped": pgettext("forecast flag", "spike capped"),
        "oos_corrected": pgettext("forecast flag", "OOS weeks corrected"),
        "oos_excluded": pgettext("forecast flag", "OOS weeks excluded"),
        "short_history": pgettext("forecast flag", "short history"),
        "all_zero": pgettext("forecast flag", "no sales"),
        "no_history": pgettext("forecast flag", "no history"),
    },
    "event": {      # core.forecast.calendar's built-in events, "<name> <year>"
        "Prime Day": pgettext("event", "Prime Day"),
        "Prime Big Deal Days": pgettext("event", "Prime Big Deal Days"),
        "Black Friday": pgettext("event", "Black Friday"),
        "Cyber Monday": pgettext("event", "Cyber Monday"),
        "Christmas": pgettext("event", "Christmas"),
        "Easter": pgettext("event", "Easter"),
        "Mother's Day": pgettext("event", "Mother's Day"),
    },
    "event_kind": {     # core.forecast.calendar.KINDS: what `events list` shows and `events add` takes
        "prime_day": pgettext("event kind", "Prime Day"),
        "prime_big_deal_days": pgettext("event kind", "Prime Big Deal Days"),
        "black_friday": pgettext("event kind", "Black Friday"),
        "cyber_monday": pgettext("event kind", "Cyber Monday"),
        "christmas": pgettext("event kind", "Christmas"),
        "easter": pgettext("event kind", "Easter"),
        "mothers_day": pgettext("event kind", "Mother's Day"),
        "user": pgettext("event kind", "Own event"),
    },
    "grain": {
        "day": pgettext("grain", "Day"),
        "week": pgettext("grain", "Week"),
        "month": pgettext("grain", "Month"),
        "quarter": pgettext("grain", "Quarter"),
        "year": pgettext("grain", "Year"),
    },
    "unit": {       # a KPI's unit (core.gears.defs)
        "pct": pgettext("unit", "Percent"),
        "money": pgettext("unit", "Amount"),
        "units": pgettext("unit", "Units"),
        "weeks": pgettext("unit", "Weeks"),
        "days": pgettext("unit", "Days"),
        "rating": pgettext("unit", "Stars"),
        "score": pgettext("unit", "Points"),
        "count": pgettext("unit", "Count"),
        "ratio": pgettext("unit", "Ratio"),
    },
    # facts: Amazon's report words (Vendor Central, German where it has them)
    "distributor_view": {
        "MANUFACTURING": pgettext("distributor view", "Manufacturing"),
        "SOURCING": pgettext("distributor view", "Sourcing"),
    },
    "selling_program": {
        "RETAIL": pgettext("selling program", "Retail"),
        "BUSINESS": pgettext("selling program", "Business"),
        "FRESH": pgettext("selling program", "Fresh"),
    },
    "fact_metric": {      # the fact tables' columns (store migrations) and Amazon's forecast
        "ordered_revenue": pgettext("fact metric", "Ordered revenue"),
        "ordered_units": pgettext("fact metric", "Ordered units"),
        "shipped_revenue": pgettext("fact metric", "Shipped revenue"),
        "shipped_cogs": pgettext("fact metric", "Shipped COGS (sell-in)"),
        "shipped_units": pgettext("fact metric", "Shipped units"),
        "customer_returns": pgettext("fact metric", "Customer returns"),
        "glance_views": pgettext("fact metric", "Glance views"),
        "procurable_product_out_of_stock_rate": pgettext("fact metric", "Out-of-stock rate (procurable)"),
        "vendor_confirmation_rate": pgettext("fact metric", "Vendor confirmation rate"),
        "receive_fill_rate": pgettext("fact metric", "Receive fill rate"),
        "average_vendor_lead_time_days": pgettext("fact metric", "Average lead time (days)"),
        "sell_through_rate": pgettext("fact metric", "Sell-through rate"),
        "open_purchase_order_units": pgettext("fact metric", "Open PO units"),
        "net_received_inventory_units": pgettext("fact metric", "Net received units"),
        "net_received_inventory_cost": pgettext("fact metric", "Net received inventory (cost)"),
        "unfilled_customer_ordered_units": pgettext("fact metric", "Unfilled customer ordered units"),
        "sellable_on_hand_inventory_units": pgettext("fact metric", "Sellable on-hand units"),
        "sellable_on_hand_inventory_cost": pgettext("fact metric", "Sellable on-hand inventory (cost)"),
        "unsellable_on_hand_inventory_units": pgettext("fact metric", "Unsellable on-hand units"),
        "unsellable_on_hand_inventory_cost": pgettext("fact metric", "Unsellable on-hand inventory (cost)"),
        "aged90_plus_days_sellable_inventory_units": pgettext("fact metric", "Sellable units aged 90+ days"),
        "aged90_plus_days_sellable_inventory_cost": pgettext("fact metric", "Sellable inventory aged 90+ days (cost)"),
        "unhealthy_inventory_units": pgettext("fact metric", "Unhealthy inventory units"),
        "unhealthy_inventory_cost": pgettext("fact metric", "Unhealthy inventory (cost)"),
        "highly_available_inventory": pgettext("fact metric", "Highly available inventory"),
        "net_pure_product_margin": pgettext("fact metric", "Net pure product margin (net PPM)"),
        "contra_cogs": pgettext("fact metric", "Contra COGS"),
        "sales_discount": pgettext("fact metric", "Sales discount"),
        "amazon_forecast_mean_units": pgettext("fact metric", "Amazon forecast, mean units (as of {date})"),
        "amazon_forecast_p70_units": pgettext("fact metric", "Amazon forecast, P70 units (as of {date})"),
        "amazon_forecast_p80_units": pgettext("fact metric", "Amazon forecast, P80 units (as of {date})"),
        "amazon_forecast_p90_units": pgettext("fact metric", "Amazon forecast, P90 units (as of {date})"),
    },
}
#: The default departments' names (the English of core.tickets.DEPARTMENTS; German in the catalogue).
DEPARTMENT_NAMES: dict[str, tuple[str, str]] = {
    "marketing": pgettext("department", "Marketing"),
    "sales": pgettext("department", "Sales"),
    "logistics": pgettext("department", "Logistics"),
    "production": pgettext("department", "Production"),
    "finance": pgettext("department", "Finance"),
    "management": pgettext("department", "Management"),
    "content": pgettext("department", "Content"),
}
FIELDS = (*CODES, "gear", "department", "marketplace", "forecast_flags", "forecast_events")


def labeller(field: str, lang: str, departments: dict[str, str] | None = None) -> Callable[[object], object]:
    """``value -> text`` for one field in ``lang``; anything that is not a known code (None, a number,
    free text, an already translated label) comes back unchanged.

    ``departments``: the workspace's own names (id -> name in ``lang``), before the defaults."""
    if field == "gear":
        from vendordesk.core.gears import defs

        table = {g.id: g.name(lang) for g in defs.GEARS}
    elif field == "department":
        _ = texts(lang)
        table = {key: _.pgettext(context, message) for key, (context, message) in DEPARTMENT_NAMES.items()}
        table.update(departments or {})
    elif field == "marketplace":
        from vendordesk.core.marketplaces import MARKETPLACES

        table = dict(MARKETPLACES)
    elif field == "forecast_flags":
        flag = labeller("forecast_flag", lang)
        return lambda v: ", ".join(str(flag(f)) for f in v.split(",") if f) if isinstance(v, str) else v
    elif field == "forecast_events":
        return _events(lang)
    elif field == "category":
        return _categories(lang)
    elif field in ("chargeback_type", "chargeback_group"):
        return _amazon_terms(field, lang)
    elif field == "fact_metric":
        return _fact_metrics(lang)
    else:
        _ = texts(lang)
        table = {code: _.pgettext(context, message) for code, (context, message) in CODES[field].items()}
    return lambda v: table.get(v, v) if isinstance(v, str) else v


def label(field: str, value: object, lang: str) -> object:
    """One value's text (see ``labeller``)."""
    return labeller(field, lang)(value)


def _categories(lang: str) -> Callable[[object], object]:
    """A category stored as our key or as Amazon's name ("Catalog/Content") reads as the key's label."""
    from vendordesk.core.tickets import category_key

    _ = texts(lang)
    table = {code: _.pgettext(context, message) for code, (context, message) in CODES["category"].items()}

    def one(value: object) -> object:
        key = category_key(value) if isinstance(value, str) else None
        return table.get(key, value) if key else value

    return one


def _fact_metrics(lang: str) -> Callable[[object], object]:
    """A fact's metric in words; Amazon's forecast (``amazon_forecast_p70_units@2026-08-08``) with
    the day it was made. A metric we do not know (an extra report's column) stays as stored."""
    from vendordesk.text import formatter

    _ = texts(lang)
    table = {code: _.pgettext(context, message) for code, (context, message) in CODES["fact_metric"].items()}
    day = formatter(lang).date
    seen: dict[str, object] = {}       # a few dozen distinct metrics in any number of rows

    def one(value: object) -> object:
        if not isinstance(value, str):
            return value
        if value not in seen:
            base, _sep, made = value.partition("@")
            text = table.get(base)
            if text is None:
                seen[value] = value
            else:
                try:
                    seen[value] = text.format(date=day(made)) if "{date}" in text else text
                except ValueError:
                    seen[value] = value
        return seen[value]

    return one


def _events(lang: str) -> Callable[[object], object]:
    """'; '-joined event names: built-in ones with their year translated, a KAM's own as entered."""
    _ = texts(lang)
    known = {name: _.pgettext(context, message) for name, (context, message) in CODES["event"].items()}

    def one(value: object) -> object:
        if not isinstance(value, str):
            return value
        out = []
        for name in value.split("; "):
            base, _sep, year = name.rpartition(" ")
            out.append(f"{known[base]} {year}" if base in known and year.isdigit() else name)
        return "; ".join(out)

    return one


def _amazon_terms(field: str, lang: str) -> Callable[[object], object]:
    """Amazon's chargeback words in ``lang``, whatever their case and spacing in the export
    ("PO on-time accuracy", "SHORTAGE CLAIM"); a type Amazon added since stays as written."""
    _ = texts(lang)
    table = {" ".join(code.lower().split()): _.pgettext(context, message)
             for code, (context, message) in CODES[field].items()}

    def one(value: object) -> object:
        return table.get(" ".join(value.lower().split()), value) if isinstance(value, str) else value

    return one


def amazon_chargeback_term(value: object) -> str | None:
    """Vendor Central's own name of a stored chargeback type ("PO On-Time Accuracy"), for a
    tooltip or brackets next to the label; None when the type is not one we know."""
    if not isinstance(value, str):
        return None
    wanted = " ".join(value.lower().split())
    return next((code for code in CODES["chargeback_type"] if code.lower() == wanted), None)


def chargeback_type_text(value: object, lang: str, with_term: bool = False) -> object:
    """A chargeback type as a KAM reads it; ``with_term`` adds Amazon's name in brackets when the
    label differs from it ("Lieferfenster verfehlt (PO On-Time Accuracy)")."""
    text = labeller("chargeback_type", lang)(value)
    term = amazon_chargeback_term(value)
    return f"{text} ({term})" if with_term and term and text != term else text
