"""Column definitions, computed columns and row colours of the three ticket tables."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from vendordesk.ui.models.frame_model import Column
from vendordesk.ui.tickets import labels

RED, AMBER = "#ffebee", "#fff8e1"

# The columns a table leaves out first when it is too narrow for all (tables.TablePage._fill_spare):
# what the side panel shows of the selected row anyway, or what the next column tells roughly.
CASE_FOLD = ("asins", "age_days", "opened_on", "last_contact_on", "gear", "case_id", "owner_department",
             "category")
# The subject gets this much before the case number stays in view (the side panel and the search show
# the number; "Rückbelastung …" in 180 px said nothing)
SUBJECT_LEAST = 270
# Hidden until the KAM picks them in the Columns menu (the choice is remembered, TicketsTab.layout_state)
CASE_HIDDEN = ("opened_on", "age_days", "escalation_level", "asins", "pos", "invoices", "resolved_on", "notes")
CHARGEBACK_FOLD = ("case_id", "dispute_count", "raised_on", "asin", "po_number", "recovered_amount", "kind")
TASK_FOLD = ("asin", "case_id", "created_on", "done_on", "gear", "assignee")


def case_columns(departments: dict, lang: str = "en") -> tuple[list[Column], tuple]:
    """The cases table's columns and those hidden until picked in the Columns menu: what a KAM reads
    first (subject, status, category, who has it, the follow-up) comes first and stays at 1280."""
    columns = [
        Column("case_id", QCoreApplication.translate("Tickets", "Case ID")),
        Column("subject", QCoreApplication.translate("Tickets", "Subject"), editable=True),
        Column("status", QCoreApplication.translate("Tickets", "Status"), labels=labels.case_statuses()),
        Column("category", QCoreApplication.translate("Tickets", "Category"), labels=labels.category_labels()),
        Column("owner_department", QCoreApplication.translate("Tickets", "Department"), labels=departments),
        Column("next_follow_up", QCoreApplication.translate("Tickets", "Follow-up"), "date"),
        Column("last_contact_on", QCoreApplication.translate("Tickets", "Last contact"), "date"),
        Column("gear", QCoreApplication.translate("Tickets", "Gear"), labels=labels.gears(lang)),
        Column("opened_on", QCoreApplication.translate("Tickets", "Opened"), "date"),
        Column("age_days", QCoreApplication.translate("Tickets", "Days open"), "int"),
        Column("escalation_level", QCoreApplication.translate("Tickets", "Esc."), "int"),
        Column("asins", QCoreApplication.translate("Tickets", "ASINs")),
        Column("pos", QCoreApplication.translate("Tickets", "POs")),
        Column("invoices", QCoreApplication.translate("Tickets", "Invoices")),
        Column("resolved_on", QCoreApplication.translate("Tickets", "Resolved on"), "date"),
        Column("notes", QCoreApplication.translate("Tickets", "Notes")),
    ]
    return columns, CASE_HIDDEN


def decorate_cases(frame, today: dt.date, follow_up=None):
    """Adds age_days; returns (frame, row colours): red = follow-up due, amber = stale (> 14 days).
    ``follow_up``: ``rules.follow_up_mask(frame, today)`` when the caller has it already."""
    import numpy as np
    import pandas as pd

    from vendordesk.core import tickets as rules

    frame = frame.copy(deep=False)
    end = frame["resolved_on"].where(frame["resolved_on"].notna(), today.isoformat())
    age = (pd.to_datetime(end, errors="coerce", format="%Y-%m-%d")
           - pd.to_datetime(frame["opened_on"], errors="coerce", format="%Y-%m-%d")).dt.days
    frame["age_days"] = age.astype("float64")      # NaN (no opened date) shows a dash and sorts last
    colors = np.full(len(frame), None, dtype=object)
    if len(frame):
        colors[rules.stale_mask(frame, today)] = AMBER
        colors[rules.follow_up_mask(frame, today) if follow_up is None else follow_up] = RED
    return frame, colors


def chargeback_columns(lang: str = "en") -> tuple[list[Column], tuple]:
    """The chargeback table's columns; Amazon's type and issue group read in ``lang`` (the type's
    cell shows Vendor Central's own name as its tooltip, see tables.TablePage.tooltips)."""
    columns = [
        Column("external_id", QCoreApplication.translate("Tickets", "Amazon ID")),
        Column("kind", QCoreApplication.translate("Tickets", "Kind"), labels=labels.kinds()),
        Column("type", QCoreApplication.translate("Tickets", "Type"), labels=labels.chargeback_types(lang)),
        Column("amount", QCoreApplication.translate("Tickets", "Amount"), "money", currency_key="currency"),
        Column("raised_on", QCoreApplication.translate("Tickets", "Raised on"), "date"),
        Column("dispute_due", QCoreApplication.translate("Tickets", "Dispute by"), "date"),
        Column("days_left", QCoreApplication.translate("Tickets", "Days left"), "int"),
        Column("dispute_status", QCoreApplication.translate("Tickets", "Dispute"), labels=labels.dispute_statuses()),
        Column("dispute_count", QCoreApplication.translate("Tickets", "Disputes"), "int"),
        Column("recovered_amount", QCoreApplication.translate("Tickets", "Recovered"), "money",
               currency_key="currency"),
        Column("po_number", QCoreApplication.translate("Tickets", "PO")),
        Column("asin", QCoreApplication.translate("Tickets", "ASIN")),
        Column("invoice_number", QCoreApplication.translate("Tickets", "Invoice")),
        Column("case_id", QCoreApplication.translate("Tickets", "Case ID")),
        Column("issue_group", QCoreApplication.translate("Tickets", "Group"), labels=labels.chargeback_groups(lang)),
        Column("note", QCoreApplication.translate("Tickets", "Note")),
        Column("currency", QCoreApplication.translate("Tickets", "Currency")),
    ]
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


def task_columns(departments: dict, lang: str = "en") -> tuple[list[Column], tuple]:
    columns = [
        Column("title", QCoreApplication.translate("Tickets", "What"), editable=True),
        Column("department_id", QCoreApplication.translate("Tickets", "Department"), labels=departments),
        Column("assignee", QCoreApplication.translate("Tickets", "Who"), editable=True),
        Column("due_on", QCoreApplication.translate("Tickets", "Due"), "date"),
        Column("status", QCoreApplication.translate("Tickets", "Status"), labels=labels.task_statuses()),
        Column("reason", QCoreApplication.translate("Tickets", "Why")),
        Column("case_id", QCoreApplication.translate("Tickets", "Case ID")),
        Column("gear", QCoreApplication.translate("Tickets", "Gear"), labels=labels.gears(lang)),
        Column("asin", QCoreApplication.translate("Tickets", "ASIN")),
        Column("created_on", QCoreApplication.translate("Tickets", "Created"), "date"),
        Column("done_on", QCoreApplication.translate("Tickets", "Done on"), "date"),
    ]
    return columns, ("created_on", "done_on", "asin")


def decorate_tasks(frame, today: dt.date):
    import numpy as np

    from vendordesk.core import tickets as rules

    colors = np.full(len(frame), None, dtype=object)
    colors[frame.index.isin(rules.overdue_tasks(frame, today).index)] = RED
    return frame, colors
