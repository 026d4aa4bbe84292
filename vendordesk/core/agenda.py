"""The week's to-do list: follow-ups, dispute deadlines, shortage windows opening, delegated tasks and
negotiation dates, for today, tomorrow and the next days; and its calendar file (RFC 5545).

Pure Python: rows are dicts (``frame.to_dict("records")`` of the store's frames); dates are ISO
strings or ``datetime.date``. No Qt, no SQL.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, TypedDict

from vendordesk.core import tickets as rules
from vendordesk.core.missing import is_missing

KINDS = ("follow_up", "task", "dispute_due", "dispute_opens", "price_effective", "final_order")
OPEN_NEGOTIATION = ("draft", "submitted")
Row = dict[str, Any]   # one record of a store frame: values as pandas holds them


@dataclass(frozen=True)
class Item:
    """One thing to do on ``day``. ``kind`` is one of KINDS; ``ref`` opens it ("case", key)."""

    day: dt.date
    kind: str
    ref: tuple[str, object]
    title: str            # the case subject, task title, chargeback type or negotiation title
    detail: str = ""      # case ID, department id, chargeback ID (else PO/invoice number)
    amount: float | None = None
    currency: str | None = None

    @property
    def uid(self) -> str:
        """Stable per item (the same follow-up keeps its UID when its date moves)."""
        return f"{self.kind}-{self.ref[0]}-{self.ref[1]}@vendordesk"


class _ChargebackFields(TypedDict):
    """What both items of one chargeback share."""

    ref: tuple[str, object]
    title: str
    detail: str
    amount: float | None
    currency: str | None


def _day(value: object) -> dt.date | None:
    if is_missing(value) or value == "":
        return None
    try:
        return rules.parse_date(value if isinstance(value, dt.date) else str(value))
    except ValueError:
        return None


def items(cases: list[Row], chargebacks: list[Row], tasks: list[Row], negotiations: list[Row],
          today: dt.date, days: int = 7) -> list[Item]:
    """Everything due up to ``today + days``, sorted by day. Follow-ups and tasks already overdue
    are kept (they are still to do); deadlines already passed are not (nothing can be done)."""
    end = today + dt.timedelta(days=days)
    out: list[Item] = []
    for case in cases:
        due = _day(case.get("next_follow_up"))
        if due and due <= end and case.get("status") != "resolved":
            out.append(Item(due, "follow_up", ("case", case["case_id"]), case.get("subject") or "",
                            str(case["case_id"])))
    for task in tasks:
        due = _day(task.get("due_on"))
        if due and due <= end and task.get("status") != "done":
            out.append(Item(due, "task", ("task", int(task["id"])), task.get("title") or "",
                            task.get("department_id") or ""))
    for cb in chargebacks:
        out += _chargeback_items(cb, today, end)
    for neg in negotiations:
        if neg.get("status") not in OPEN_NEGOTIATION:
            continue
        for kind, key in (("final_order", "final_order_until"), ("price_effective", "effective_date")):
            day = _day(neg.get(key))
            if day and today <= day <= end:
                out.append(Item(day, kind, ("negotiation", int(neg["id"])), neg.get("title") or ""))
    order = {k: i for i, k in enumerate(KINDS)}
    return sorted(out, key=lambda i: (i.day, order[i.kind], str(i.ref[1])))


def chargeback_reference(cb: Row) -> str:
    """What a chargeback is known by: Amazon's ID (several can share one PO), else its PO, else
    its invoice number."""
    for key in ("external_id", "po_number", "invoice_number"):
        value = cb.get(key)
        if not is_missing(value) and str(value).strip():
            return str(value)
    return ""


def _chargeback_items(cb: Row, today: dt.date, end: dt.date) -> list[Item]:
    raised = _day(cb.get("raised_on"))
    if raised is None or cb.get("dispute_status") in rules.DONE_DISPUTE:
        return []
    due = _day(cb.get("dispute_due"))
    count = 0 if is_missing(cb.get("dispute_count")) else int(cb.get("dispute_count") or 0)
    common: _ChargebackFields = {
        "ref": ("chargeback", int(cb["id"])), "title": cb.get("type") or "",
        "detail": chargeback_reference(cb),
        "amount": None if is_missing(cb.get("amount")) else float(cb["amount"]),
        "currency": cb.get("currency")}
    out: list[Item] = []
    opens = rules.dispute_opens(cb.get("kind") or "chargeback", raised)
    if cb.get("kind") == "shortage" and cb.get("dispute_status") == "open" and today <= opens <= end:
        out.append(Item(opens, "dispute_opens", **common))
    elif due and today <= due <= end and rules.can_dispute(cb.get("kind"), cb.get("dispute_status"),
                                                           count, due, today):
        out.append(Item(due, "dispute_due", **common))
    return out


def buckets(found: list[Item], today: dt.date) -> list[tuple[str, dt.date | None, list[Item]]]:
    """("overdue", None, …), ("today", today, …), ("tomorrow", …), then ("day", date, …) for each
    further day that has something; empty today/tomorrow are kept (they answer "nothing")."""
    overdue = [i for i in found if i.day < today]
    out: list[tuple[str, dt.date | None, list[Item]]] = [("overdue", None, overdue)] if overdue else []
    out.append(("today", today, [i for i in found if i.day == today]))
    tomorrow = today + dt.timedelta(days=1)
    out.append(("tomorrow", tomorrow, [i for i in found if i.day == tomorrow]))
    for day in sorted({i.day for i in found if i.day > tomorrow}):
        out.append(("day", day, [i for i in found if i.day == day]))
    return out
