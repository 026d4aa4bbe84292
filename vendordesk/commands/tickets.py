"""``vendordesk tickets list|add``: the support case log without the window."""

from __future__ import annotations

import argparse
import datetime as dt

from vendordesk.commands.common import add_workspace_arg, open_from_args, print_json
from vendordesk.core import tickets as rules
from vendordesk.core.missing import is_missing
from vendordesk.errors import UserError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("tickets", help="list or add Vendor Central support cases")
    actions = parser.add_subparsers(dest="tickets_action", metavar="ACTION", required=True)

    listing = actions.add_parser("list", help="list cases")
    add_workspace_arg(listing)
    listing.add_argument("--status", choices=rules.STATUSES, help="only cases with this status")
    listing.add_argument("--due-within", type=int, metavar="DAYS",
                         help="only unresolved cases with a follow-up due within DAYS days (0 = today/overdue)")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(func=run_list)

    adding = actions.add_parser("add", help="add a case")
    add_workspace_arg(adding)
    adding.add_argument("--case-id", required=True, help="Amazon case ID (kept as text)")
    adding.add_argument("--subject", required=True)
    adding.add_argument("--category", default=None)
    adding.add_argument("--status", choices=rules.STATUSES, default="open")
    adding.add_argument("--opened", metavar="DATE", default=None, help="default: today")
    adding.add_argument("--follow-up", metavar="DATE", default=None)
    adding.add_argument("--gear", default=None)
    adding.add_argument("--asin", nargs="+", default=[], metavar="A")
    adding.set_defaults(func=run_add)


def _case_json(row) -> dict:
    return {"case_id": row.case_id, "subject": row.subject, "category": row.category, "status": row.status,
            "opened": row.opened_on, "last_contact": row.last_contact_on, "next_follow_up": row.next_follow_up,
            "escalation_level": int(row.escalation_level), "gear": row.gear,
            "owner_department": row.owner_department, "resolved": row.resolved_on,
            "asins": row.asins.split() if row.asins else [], "pos": row.pos.split() if row.pos else [],
            "invoices": row.invoices.split() if row.invoices else []}


def _dispute_json(row, action: dict) -> dict:
    def text(value):
        return None if is_missing(value) or value == "" else value

    return {"id": int(row["id"]), "external_id": text(row["external_id"]), "kind": row["kind"],
            "type": text(row["type"]), "invoice_number": text(row["invoice_number"]), "asin": text(row["asin"]),
            "amount": float(row["amount"]), "currency": row["currency"], "raised_on": row["raised_on"],
            "dispute_opens": text(row["dispute_opens"]), "dispute_due": text(row["dispute_due"]),
            "dispute_status": row["dispute_status"], "dispute_count": int(row["dispute_count"]),
            "action": action.get("action"), "action_on": action.get("action_on")}


def disputes_document(chargebacks, today: dt.date, days: int = 7) -> list[dict]:
    """Every chargeback and shortage with the day its dispute window opens and its deadline; rows
    with an action date within ``days`` of ``today`` carry ``action`` and ``action_on``."""
    if chargebacks.empty:
        return []
    frame = chargebacks.assign(dispute_opens=rules.dispute_opens_series(chargebacks))
    near = rules.deadlines_within(chargebacks, today, days)
    actions = {i: {"action": a, "action_on": on} for i, a, on in zip(near.index, near["action"], near["action_on"])}
    return [_dispute_json(row, actions.get(i, {})) for i, row in frame.iterrows()]


def run_list(args: argparse.Namespace) -> int:
    from vendordesk.store.tickets import chargebacks_frame, tickets_frame

    if args.due_within is not None and args.due_within < 0:
        raise UserError("--due-within: the number of days must be 0 or more.")
    with open_from_args(args) as ws:
        frame = tickets_frame(ws)
        chargebacks = chargebacks_frame(ws)
    today = dt.date.today()      # reminders are about today; the dates themselves are stored
    if args.status:
        frame = frame[frame["status"] == args.status]
    if args.due_within is not None:
        frame = rules.due_follow_ups(frame, today, args.due_within)
    cases = [_case_json(row) for row in frame.itertuples(index=False)]
    if args.json:
        print_json({"tickets": cases, "as_of": today.isoformat(),
                    "disputes": disputes_document(chargebacks, today)})
        return 0
    if not cases:
        print("No cases.")
    for case in cases:
        print(f"{case['case_id']:>15}  {case['status']:<15} {case['opened'] or '':<10}  "
              f"follow-up {case['next_follow_up'] or '-':<10}  {case['subject']}")
    return 0


def _iso_arg(name: str, value: str | None) -> str | None:
    try:
        return rules.iso(rules.parse_date(value))
    except ValueError as exc:
        raise UserError(f"{name}: {value!r} is not a date. Use 2026-03-01 or 01.03.2026.") from exc


def run_add(args: argparse.Namespace) -> int:
    from vendordesk.store import tickets as store

    values = {"case_id": args.case_id.strip(), "subject": args.subject.strip(), "category": args.category,
              "status": args.status, "opened_on": _iso_arg("--opened", args.opened) or dt.date.today().isoformat(),
              "next_follow_up": _iso_arg("--follow-up", args.follow_up), "gear": args.gear,
              "asins": [a.strip().upper() for a in args.asin]}
    with open_from_args(args) as ws:
        problems = rules.validate_case(values, store.case_ids(ws), store.known_asins(ws))
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            raise UserError(" ".join(f"{p.field}: {p.message()}" for p in errors))
        store.add_case(ws, values)
    for problem in problems:
        print(f"warning: {problem.field}: {problem.message()}")
    print(f"Case {values['case_id']} added.")
    return 0
