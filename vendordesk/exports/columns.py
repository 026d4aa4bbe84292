"""The columns of every export: key (the CSV header), cell kind, English and German header.

CSV writes the keys (the scripting contract, snake_case); XLSX writes the header in the UI
language and formats each cell by its kind:

text, date (a real date cell), money (two decimals and the currency), pct (a fraction shown as
0.0 %), units (thousands, no decimals), int (an identifier or a count, no separators), number
(two decimals), score (0-100, no decimals), bool; "metric" (facts: the format follows the metric)
and "kpi" (gears: the format follows the unit column).
"""

from __future__ import annotations

from typing import NamedTuple


class Col(NamedTuple):
    key: str
    kind: str
    en: str
    de: str


C = Col
COLUMNS: dict[str, tuple[Col, ...]] = {
    "facts": (
        C("asin", "text", "ASIN", "ASIN"),
        C("period_start", "date", "Period start", "Beginn"),
        C("period_end", "date", "Period end", "Ende"),
        C("metric", "text", "Metric", "Kennzahl"),
        C("value", "metric", "Value", "Wert"),
        C("distributor_view", "text", "Distributor view", "Vertriebssicht"),
        C("selling_program", "text", "Selling program", "Verkaufsprogramm"),
        C("grain", "text", "Grain", "Zeitraster"),
        C("currency", "text", "Currency", "Währung"),
        C("marketplace_id", "text", "Marketplace", "Marktplatz"),
    ),
    "tickets": (
        C("case_id", "text", "Case ID", "Fall-ID"),
        C("subject", "text", "Subject", "Betreff"),
        C("category", "text", "Category", "Kategorie"),
        C("status", "text", "Status", "Status"),
        C("opened_on", "date", "Opened", "Eröffnet"),
        C("last_contact_on", "date", "Last contact", "Letzter Kontakt"),
        C("next_follow_up", "date", "Next follow-up", "Nächste Nachfrage"),
        C("escalation_level", "int", "Escalation level", "Eskalationsstufe"),
        C("gear", "text", "Gear", "Zahnrad"),
        C("owner_department", "text", "Department", "Abteilung"),
        C("resolved_on", "date", "Resolved", "Gelöst am"),
        C("asins", "text", "ASINs", "ASINs"),
        C("pos", "text", "Purchase orders", "Bestellungen (PO)"),
        C("invoices", "text", "Invoices", "Rechnungen"),
        C("notes", "text", "Notes", "Notizen"),
    ),
    "chargebacks": (
        C("id", "int", "No.", "Nr."),
        C("external_id", "text", "Amazon ID", "Amazon-ID"),
        C("kind", "text", "Kind", "Art"),
        C("type", "text", "Type", "Typ"),
        C("issue_group", "text", "Issue group", "Problemgruppe"),
        C("po_number", "text", "PO number", "PO-Nummer"),
        C("asin", "text", "ASIN", "ASIN"),
        C("invoice_number", "text", "Invoice number", "Rechnungsnummer"),
        C("amount", "money", "Amount", "Betrag"),
        C("currency", "text", "Currency", "Währung"),
        C("raised_on", "date", "Raised on", "Belastet am"),
        C("invoice_date", "date", "Invoice date", "Rechnungsdatum"),
        C("dispute_due", "date", "Dispute due", "Einspruch bis"),
        C("dispute_count", "int", "Disputes", "Einsprüche"),
        C("dispute_status", "text", "Dispute status", "Einspruchsstatus"),
        C("recovered_amount", "money", "Recovered", "Zurückerhalten"),
        C("case_id", "text", "Case ID", "Fall-ID"),
        C("note", "text", "Note", "Notiz"),
    ),
    "tasks": (
        C("id", "int", "No.", "Nr."),
        C("title", "text", "Title", "Titel"),
        C("reason", "text", "Reason", "Grund"),
        C("department_id", "text", "Department", "Abteilung"),
        C("assignee", "text", "Assignee", "Zuständig"),
        C("gear", "text", "Gear", "Zahnrad"),
        C("case_id", "text", "Case ID", "Fall-ID"),
        C("asin", "text", "ASIN", "ASIN"),
        C("created_on", "date", "Created", "Angelegt"),
        C("due_on", "date", "Due", "Fällig"),
        C("status", "text", "Status", "Status"),
        C("done_on", "date", "Done", "Erledigt am"),
    ),
    "forecast": (
        C("asin", "text", "ASIN", "ASIN"),
        C("week_start", "date", "Week starting", "Woche ab"),
        C("p50", "units", "P50 units", "P50 Einheiten"),
        C("p70", "units", "P70 units", "P70 Einheiten"),
        C("p80", "units", "P80 units", "P80 Einheiten"),
        C("p90", "units", "P90 units", "P90 Einheiten"),
        C("model", "text", "Model", "Modell"),
        C("flags", "text", "Notes", "Hinweise"),
        C("source", "text", "Forecast used", "Verwendete Prognose"),
        C("events", "text", "Events", "Ereignisse"),
    ),
    "orders": (
        C("week_start", "date", "Week starting", "Woche ab"),
        C("expected_order", "units", "Expected order units", "Erwartete Bestellmenge"),
        C("open_po", "units", "Open PO units", "Offene PO-Einheiten"),
        C("total", "units", "Total units", "Summe Einheiten"),
        C("value", "money", "Value", "Wert"),
        C("asins", "int", "ASINs ordering", "Bestellte ASINs"),
    ),
    "gears": (
        C("gear_id", "text", "Gear ID", "Zahnrad-ID"),
        C("gear", "text", "Gear", "Zahnrad"),
        C("gear_score", "score", "Gear score", "Zahnrad-Punkte"),
        C("gear_status", "text", "Gear status", "Zahnrad-Status"),
        C("kpi_id", "text", "KPI ID", "KPI-ID"),
        C("kpi", "text", "KPI", "KPI"),
        C("unit", "text", "Unit", "Einheit"),
        C("value", "kpi", "Value", "Wert"),
        C("prior", "kpi", "Prior period", "Vorperiode"),
        C("last_year", "kpi", "Last year", "Vorjahr"),
        C("change", "pct", "Change", "Veränderung"),
        C("kpi_status", "text", "KPI status", "KPI-Status"),
        C("kpi_score", "score", "KPI score", "KPI-Punkte"),
        C("manual", "bool", "Entered by hand", "Manuell erfasst"),
        C("data_as_of", "date", "Data as of", "Datenstand"),
        C("week", "date", "Week", "Woche"),
    ),
}
del C


def columns_for(kind: str | None, keys) -> list[Col]:
    """The columns of ``kind`` present in ``keys`` in the table's order, then any others as text
    (a frame from the window may carry extra columns; unknown kinds get their keys as headers)."""
    keys = list(keys)
    known = [c for c in COLUMNS.get(kind or "", ()) if c.key in keys]
    seen = {c.key for c in known}
    return known + [Col(k, "text", k, k) for k in keys if k not in seen]


def header(col: Col, lang: str) -> str:
    return col.de if lang == "de" else col.en
