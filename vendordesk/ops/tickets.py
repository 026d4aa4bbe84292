"""The support case log: list cases and disputes, add or save a case."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from vendordesk.changes import Changes
from vendordesk.core import tickets as rules
from vendordesk.core.missing import is_missing
from vendordesk.errors import UserError
from vendordesk.ops.base import Cancelled, OpResult, Progress, never_cancelled, no_progress
from vendordesk.ops.workspace import WorkspaceArg, opened
from vendordesk.text import N_, Joined, texts

if TYPE_CHECKING:
    import pandas as pd

STATUSES = rules.STATUSES
Document = dict[str, Any]   # a JSON object of ``vendordesk tickets list --json``


def case_document(row: Any) -> Document:
    """A case from a row of ``tickets_frame`` (``itertuples``; pandas types its cells only as some scalar)."""
    return {"case_id": row.case_id, "subject": row.subject, "category": row.category, "status": row.status,
            "opened": row.opened_on, "last_contact": row.last_contact_on, "next_follow_up": row.next_follow_up,
            "escalation_level": int(row.escalation_level), "gear": row.gear,
            "owner_department": row.owner_department, "resolved": row.resolved_on,
            "asins": row.asins.split() if row.asins else [], "pos": row.pos.split() if row.pos else [],
            "invoices": row.invoices.split() if row.invoices else []}


def _dispute_document(row: pd.Series, action: Mapping[str, object]) -> Document:
    def text(value: object) -> object:
        return None if is_missing(value) or value == "" else value

    return {"id": int(row["id"]), "external_id": text(row["external_id"]), "kind": row["kind"],
            "type": text(row["type"]), "invoice_number": text(row["invoice_number"]), "asin": text(row["asin"]),
            "amount": float(row["amount"]), "currency": row["currency"], "raised_on": row["raised_on"],
            "dispute_opens": text(row["dispute_opens"]), "dispute_due": text(row["dispute_due"]),
            "dispute_status": row["dispute_status"], "dispute_count": int(row["dispute_count"]),
            "action": action.get("action"), "action_on": action.get("action_on")}


def disputes_document(chargebacks: pd.DataFrame, today: dt.date, days: int = 7) -> list[Document]:
    """Every chargeback and shortage with the day its dispute window opens and its deadline; rows
    with an action date within ``days`` of ``today`` carry ``action`` and ``action_on``."""
    if chargebacks.empty:
        return []
    frame = chargebacks.assign(dispute_opens=rules.dispute_opens_series(chargebacks))
    near = rules.deadlines_within(chargebacks, today, days)
    actions = {i: {"action": a, "action_on": on} for i, a, on in zip(near.index, near["action"], near["action_on"])}
    return [_dispute_document(row, actions.get(i, {})) for i, row in frame.iterrows()]


def list_cases(workspace: WorkspaceArg, status: str | None = None, due_within: int | None = None,
               today: dt.date | None = None, lang: str = "en", progress: Progress = no_progress,
               cancelled: Cancelled = never_cancelled) -> OpResult[Document]:
    """``{"tickets": [case documents], "as_of": ISO date, "disputes": [...]}``; ``due_within`` keeps
    the unresolved cases with a follow-up due within that many days of ``today`` (default: the
    log's today, ``ticket_records.log_today``: the demo's data date in the demo, as in the window)."""
    from vendordesk.ops.ticket_records import log_today
    from vendordesk.store.tickets import chargebacks_frame, tickets_frame

    _ = texts(lang)
    if due_within is not None and due_within < 0:
        raise UserError(_("--due-within: the number of days must be 0 or more."))
    with opened(workspace) as ws:
        frame = tickets_frame(ws)
        chargebacks = chargebacks_frame(ws)
        today = today or log_today(ws)     # the window's one "today"
    if status:
        frame = frame[frame["status"] == status]
    if due_within is not None:
        frame = rules.due_follow_ups(frame, today, due_within)
    cases = [case_document(row) for row in frame.itertuples(index=False)]
    return OpResult({"tickets": cases, "as_of": today.isoformat(), "disputes": disputes_document(chargebacks, today)})


def today_of(workspace: WorkspaceArg) -> dt.date:
    """The day a new case opens on when none is given: the log's today (the window's)."""
    from vendordesk.ops.ticket_records import log_today

    return log_today(workspace)


_CLI_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\.\d{1,2}\.(\d{2}|\d{4})")


def iso_date(name: str, value: str | None, lang: str = "en") -> str | None:
    """``value`` (2026-03-01, 01.03.2026 or 1.3.26) as an ISO date; refused naming the field ``name``.

    Only these two forms: 03/01/2026 is March 1st or January 3rd depending on who typed it."""
    _ = texts(lang)
    try:
        if value is not None and value.strip() and not _CLI_DATE.fullmatch(value.strip()):
            raise ValueError(value)
        return rules.iso(rules.parse_date(value))
    except ValueError as exc:
        raise UserError(_("{field}: {value} is not a date. Use 2026-03-01 or 01.03.2026.",
                          field=name, value=repr(value))) from exc


def add_case(workspace: WorkspaceArg, values: Mapping[str, Any], progress: Progress = no_progress,
             cancelled: Cancelled = never_cancelled) -> OpResult[str]:
    """Validate and store a new case; refused on an error, the warnings are returned as text."""
    from vendordesk.store import tickets as store

    with opened(workspace) as ws:
        problems = rules.validate_case(values, store.case_ids(ws), store.known_asins(ws))
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            raise UserError(N_("The case was not added: {problems}"), problems=Joined([p.text() for p in errors], " "))
        store.add_case(ws, values)
    warnings = tuple(p.text() for p in problems)
    return OpResult(values["case_id"], Changes(tickets=True), warnings)


def save_case(workspace: WorkspaceArg, case_id: str, values: Mapping[str, Any], merge: bool = False,
              progress: Progress = no_progress, cancelled: Cancelled = never_cancelled) -> OpResult[str]:
    """Store the edited fields of case ``case_id`` (``merge``: keep the links not named in ``values``)."""
    from vendordesk.store import tickets as store

    with opened(workspace) as ws:
        store.update_case(ws, case_id, values, merge=merge)
    return OpResult(case_id, Changes(tickets=True))
