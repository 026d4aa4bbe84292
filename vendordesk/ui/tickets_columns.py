"""Column definitions, computed columns and row colours of the three ticket tables."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from vendordesk.ui import tickets_labels as labels
from vendordesk.ui.models.frame_model import Column

RED, AMBER = "#ffebee", "#fff8e1"


def _t(text: str) -> str:
    return QCoreApplication.translate("Tickets", text)


def case_columns(departments: dict) -> tuple[list[Column], tuple]:
    columns = [Column("case_id", _t("Case ID")), Column("subject", _t("Subject"), editable=True),
               Column("status", _t("Status"), labels=labels.case_statuses()),
               Column("category", _t("Category"), labels=labels.categories()),
               Column("opened_on", _t("Opened"), "date"), Column("age_days", _t("Days open"), "int"),
               Column("last_contact_on", _t("Last contact"), "date"),
               Column("next_follow_up", _t("Follow-up"), "date"),
               Column("escalation_level", _t("Esc."), "int"),
               Column("owner_department", _t("Owner"), labels=departments),
               Column("gear", _t("Gear"), editable=True), Column("asins", _t("ASINs")), Column("pos", _t("POs")),
               Column("invoices", _t("Invoices")), Column("resolved_on", _t("Resolved"), "date"),
               Column("notes", _t("Notes"))]
    return columns, ("pos", "invoices", "resolved_on", "notes", "escalation_level")


def decorate_cases(frame, today: dt.date):
    """Adds age_days; returns (frame, row colours): red = follow-up due, amber = stale (> 14 days)."""
    import numpy as np
    import pandas as pd

    from vendordesk.core import tickets as rules

    frame = frame.copy()
    end = frame["resolved_on"].fillna(today.isoformat())
    iso = {"errors": "coerce", "format": "%Y-%m-%d"}
    age = (pd.to_datetime(end, **iso) - pd.to_datetime(frame["opened_on"], **iso)).dt.days
    frame["age_days"] = age.astype("Float64").astype(object).where(age.notna(), None)
    colors = np.full(len(frame), None, dtype=object)
    colors[frame.index.isin(rules.stale_cases(frame, today).index)] = AMBER
    colors[frame.index.isin(rules.due_follow_ups(frame, today).index)] = RED
    return frame, colors


def chargeback_columns() -> tuple[list[Column], tuple]:
    columns = [Column("external_id", _t("ID")), Column("kind", _t("Kind"), labels=labels.kinds()),
               Column("type", _t("Type")), Column("amount", _t("Amount"), "money", currency_key="currency"),
               Column("raised_on", _t("Raised"), "date"), Column("dispute_due", _t("Dispute by"), "date"),
               Column("days_left", _t("Days left"), "int"),
               Column("dispute_status", _t("Dispute"), labels=labels.dispute_statuses()),
               Column("dispute_count", _t("Disputes"), "int"),
               Column("recovered_amount", _t("Recovered"), "money", currency_key="currency"),
               Column("po_number", _t("PO")), Column("asin", _t("ASIN")), Column("invoice_number", _t("Invoice")),
               Column("case_id", _t("Case")), Column("issue_group", _t("Group")), Column("note", _t("Note")),
               Column("currency", _t("Currency"))]
    return columns, ("issue_group", "note", "invoice_number", "currency")


def decorate_chargebacks(frame, today: dt.date):
    """Adds days_left (only while disputable); red = deadline within 7 days."""
    import numpy as np

    from vendordesk.core import tickets as rules

    frame = frame.copy()
    frame["days_left"] = rules.days_left_series(frame, today)
    colors = np.full(len(frame), None, dtype=object)
    colors[frame.index.isin(rules.deadlines_within(frame, today, 7).index)] = RED
    return frame, colors


def task_columns(departments: dict) -> tuple[list[Column], tuple]:
    columns = [Column("title", _t("What"), editable=True),
               Column("department_id", _t("Department"), labels=departments),
               Column("assignee", _t("Who"), editable=True), Column("due_on", _t("Due"), "date"),
               Column("status", _t("Status"), labels=labels.task_statuses()), Column("reason", _t("Why")),
               Column("case_id", _t("Case")), Column("gear", _t("Gear")), Column("asin", _t("ASIN")),
               Column("created_on", _t("Created"), "date"), Column("done_on", _t("Done on"), "date")]
    return columns, ("created_on", "done_on", "asin")


def decorate_tasks(frame, today: dt.date):
    import numpy as np

    from vendordesk.core import tickets as rules

    colors = np.full(len(frame), None, dtype=object)
    colors[frame.index.isin(rules.overdue_tasks(frame, today).index)] = RED
    return frame, colors
