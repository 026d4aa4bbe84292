"""The columns of every export: key (the CSV header), cell kind and header (a catalogue message).

CSV writes the keys (the scripting contract, snake_case); XLSX writes the header in the UI
language and formats each cell by its kind:

text, date (a real date cell), money (two decimals and the currency), pct (a fraction shown as
0.0 %), units (thousands, no decimals), int (an identifier or a count, no separators), number
(two decimals), score (0-100, no decimals), bool; "metric" (facts: the format follows the metric)
and "kpi" (gears: the format follows the unit column); "key": an id CSV writes and XLSX leaves out
(its name is the next column; the labels still read it).
"""

from __future__ import annotations

from typing import NamedTuple

from vendordesk.text import NP_, texts

CONTEXT = "export column"


class Col(NamedTuple):
    key: str
    kind: str
    en: str                    # the English header: a catalogue message in ``context``
    context: str = CONTEXT


C = Col
COLUMNS: dict[str, tuple[Col, ...]] = {
    "facts": (
        C("asin", "text", NP_("export column", "ASIN")),
        C("period_start", "date", NP_("export column", "Period start")),
        C("period_end", "date", NP_("export column", "Period end")),
        C("metric", "text", NP_("export column", "Metric")),
        C("value", "metric", NP_("export column", "Value")),
        C("distributor_view", "text", NP_("export column", "Distributor view")),
        C("selling_program", "text", NP_("export column", "Selling program")),
        C("grain", "text", NP_("export column", "Grain")),
        C("currency", "text", NP_("export column", "Currency")),
        C("marketplace_id", "text", NP_("export column", "Marketplace")),
    ),
    "tickets": (
        C("case_id", "text", NP_("export column", "Case ID")),
        C("subject", "text", NP_("export column", "Subject")),
        C("category", "text", NP_("export column", "Category")),
        C("status", "text", NP_("export column", "Status")),
        C("opened_on", "date", NP_("export column", "Opened")),
        C("last_contact_on", "date", NP_("export column", "Last contact")),
        C("next_follow_up", "date", NP_("export column", "Follow-up")),
        C("escalation_level", "int", NP_("export column", "Escalation")),
        C("gear", "text", NP_("export column", "Gear")),
        C("owner_department", "text", NP_("export column", "Department")),
        C("resolved_on", "date", NP_("export column", "Resolved on")),
        C("asins", "text", NP_("export column", "ASINs")),
        C("pos", "text", NP_("export column", "POs")),
        C("invoices", "text", NP_("export column", "Invoices")),
        C("notes", "text", NP_("export column", "Notes")),
    ),
    "chargebacks": (
        C("id", "int", NP_("export column", "No.")),
        C("external_id", "text", NP_("export column", "Amazon ID")),
        C("kind", "text", NP_("export column", "Kind")),
        C("type", "text", NP_("export column", "Type")),
        C("issue_group", "text", NP_("export column", "Group")),
        C("po_number", "text", NP_("export column", "PO")),
        C("asin", "text", NP_("export column", "ASIN")),
        C("invoice_number", "text", NP_("export column", "Invoice")),
        C("amount", "money", NP_("export column", "Amount")),
        C("currency", "text", NP_("export column", "Currency")),
        C("raised_on", "date", NP_("export column", "Raised on")),
        C("invoice_date", "date", NP_("export column", "Invoice date")),
        C("dispute_due", "date", NP_("export column", "Dispute by")),
        C("dispute_count", "int", NP_("export column", "Disputes")),
        C("dispute_status", "text", NP_("export column", "Dispute")),
        C("recovered_amount", "money", NP_("export column", "Recovered")),
        C("case_id", "text", NP_("export column", "Case ID")),
        C("note", "text", NP_("export column", "Note")),
    ),
    "tasks": (
        C("id", "int", NP_("export column", "No.")),
        C("title", "text", NP_("export column", "What")),
        C("reason", "text", NP_("export column", "Why")),
        C("department_id", "text", NP_("export column", "Department")),
        C("assignee", "text", NP_("export column", "Who")),
        C("gear", "text", NP_("export column", "Gear")),
        C("case_id", "text", NP_("export column", "Case ID")),
        C("asin", "text", NP_("export column", "ASIN")),
        C("created_on", "date", NP_("export column", "Created")),
        C("due_on", "date", NP_("export column", "Due")),
        C("status", "text", NP_("export column", "Status")),
        C("done_on", "date", NP_("export column", "Done on")),
    ),
    "forecast": (
        C("asin", "text", NP_("export column", "ASIN")),
        C("week_start", "date", NP_("export column", "Week starting")),
        C("p50", "units", NP_("export column", "P50 units")),
        C("p70", "units", NP_("export column", "P70 units")),
        C("p80", "units", NP_("export column", "P80 units")),
        C("p90", "units", NP_("export column", "P90 units")),
        C("model", "text", NP_("export column", "Model")),
        C("flags", "text", NP_("forecast export column", "Notes"), "forecast export column"),
        C("source", "text", NP_("export column", "Forecast used")),
        C("events", "text", NP_("export column", "Events")),
    ),
    "orders": (
        C("week_start", "date", NP_("export column", "Week starting")),
        C("expected_order", "units", NP_("export column", "Expected order units")),
        C("open_po", "units", NP_("export column", "Open PO units")),
        C("total", "units", NP_("export column", "Total units")),
        C("value", "money", NP_("export column", "Value")),
        C("asins", "units", NP_("export column", "ASINs ordering")),
        C("order_basis", "text", NP_("export column", "Orders follow")),
    ),
    "gears": (
        C("gear_id", "key", NP_("export column", "Gear ID")),
        C("gear", "text", NP_("export column", "Gear")),
        C("gear_score", "score", NP_("export column", "Gear score")),
        C("gear_status", "text", NP_("export column", "Gear status")),
        C("kpi_id", "key", NP_("export column", "KPI ID")),
        C("kpi", "text", NP_("export column", "KPI")),
        C("unit", "text", NP_("export column", "Unit")),
        C("value", "kpi", NP_("export column", "Value")),
        C("prior", "kpi", NP_("export column", "Prior period")),
        C("last_year", "kpi", NP_("export column", "Last year")),
        C("change", "pct", NP_("export column", "Change")),
        C("kpi_status", "text", NP_("export column", "KPI status")),
        C("kpi_score", "score", NP_("export column", "KPI score")),
        C("manual", "bool", NP_("export column", "Entered by hand")),
        C("data_as_of", "date", NP_("export column", "Data as of")),
        C("week", "date", NP_("export column", "Week")),
    ),
    "negotiation": (       # a price-increase case's ASINs, as the Economics table shows them
        C("asin", "text", NP_("export column", "ASIN")),
        C("title", "text", NP_("export column", "Product")),
        C("cost_before", "money", NP_("export column", "Cost now")),
        C("cost_after", "money", NP_("export column", "Cost new")),
        C("cost_change", "pct", NP_("export column", "Change")),
        C("asp_13", "money", NP_("export column", "ASP 13 weeks")),
        C("asp_26", "money", NP_("export column", "ASP 26 weeks")),
        C("asp_52", "money", NP_("export column", "ASP 52 weeks")),
        C("asp_trend", "pct", NP_("export column", "ASP trend")),
        C("front_margin_before", "pct", NP_("export column", "Front margin now")),
        C("front_margin_after", "pct", NP_("export column", "Front margin new")),
        C("net_ppm_before", "pct", NP_("export column", "Net PPM now")),
        C("net_ppm_after", "pct", NP_("export column", "Net PPM new")),
        C("net_ppm_pass_through", "pct", NP_("export column", "Net PPM if ASP follows")),
        C("break_even_asp", "money", NP_("export column", "Break-even ASP")),
        C("crap_risk", "bool", NP_("export column", "CRaP risk")),
        C("volume_change", "pct", NP_("export column", "Units if ASP follows")),
        C("vendor_margin_before", "pct", NP_("export column", "Our margin now")),
        C("vendor_margin_after", "pct", NP_("export column", "Our margin new")),
        C("currency", "key", NP_("export column", "Currency")),
    ),
}
del C


def columns_for(kind: str | None, keys) -> list[Col]:
    """The columns of ``kind`` present in ``keys`` in the table's order, then any others as text
    (a frame from the window may carry extra columns; unknown kinds get their keys as headers)."""
    keys = list(keys)
    known = [c for c in COLUMNS.get(kind or "", ()) if c.key in keys]
    seen = {c.key for c in known}
    return known + [Col(k, "text", k) for k in keys if k not in seen]


def header(col: Col, lang: str) -> str:
    """The column's header in ``lang`` (an unknown column keeps its key)."""
    return texts(lang).pgettext(col.context, col.en)
