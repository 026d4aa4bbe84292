"""``vendordesk tickets list|add``: the support case log without the window."""

from __future__ import annotations

import argparse

from vendordesk.commands.common import add_lang_arg, add_workspace_arg, language, print_json, texts_for, workspace_path
from vendordesk.ops import tickets as ops
from vendordesk.ops.tickets import disputes_document  # noqa: F401 - kept for callers
from vendordesk.text import N_, NP_, localized


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("tickets", help=N_("list or add Vendor Central support cases"))
    actions = parser.add_subparsers(dest="tickets_action", metavar=NP_("metavar", "ACTION"), required=True)

    listing = actions.add_parser("list", help=N_("list cases"))
    add_workspace_arg(listing)
    add_lang_arg(listing)
    listing.add_argument("--status", choices=ops.STATUSES, help=N_("only cases with this status"))
    listing.add_argument("--due-within", type=int, metavar=NP_("metavar", "DAYS"),
                         help=N_("only unresolved cases with a follow-up due within DAYS days (0 = today/overdue)"))
    listing.add_argument("--json", action="store_true", help=N_("print JSON"))
    listing.set_defaults(func=run_list)

    adding = actions.add_parser("add", help=N_("add a case"))
    add_workspace_arg(adding)
    add_lang_arg(adding)
    adding.add_argument("--case-id", required=True, metavar=NP_("metavar", "CASE_ID"), help=N_("Amazon case ID (kept as text)"))
    adding.add_argument("--subject", required=True, metavar=NP_("metavar", "SUBJECT"))
    adding.add_argument("--category", default=None, metavar=NP_("metavar", "CATEGORY"))
    adding.add_argument("--status", choices=ops.STATUSES, default="open")
    adding.add_argument("--opened", metavar=NP_("metavar", "DATE"), default=None, help=N_("default: today"))
    adding.add_argument("--follow-up", metavar=NP_("metavar", "DATE"), default=None)
    adding.add_argument("--gear", default=None, metavar=NP_("metavar", "GEAR"))
    adding.add_argument("--asin", nargs="+", default=[], metavar=NP_("metavar", "A"))
    adding.set_defaults(func=run_add)


def run_list(args: argparse.Namespace) -> int:
    document = ops.list_cases(workspace_path(args), args.status, args.due_within, lang=language(args)).value
    if args.json:
        print_json(document)
        return 0
    _ = texts_for(args)
    cases = document["tickets"]
    if not cases:
        print(_("No cases."))
    from vendordesk.core.labels import labeller
    from vendordesk.text.numbers import formatter

    status, number = labeller("case_status", language(args)), formatter(language(args))

    def day(value) -> str:
        return number.date(value) if value else "-"

    for case in cases:
        follow_up = _("follow-up {date}", date=day(case["next_follow_up"]).ljust(10))
        print(f"{case['case_id']:>15}  {status(case['status'])!s:<22} {day(case['opened']):<10}  {follow_up}  "
              f"{case['subject']}")
    return 0


def run_add(args: argparse.Namespace) -> int:
    values = {"case_id": args.case_id.strip(), "subject": args.subject.strip(), "category": args.category,
              "status": args.status,
              "opened_on": ops.iso_date("--opened", args.opened, language(args)) or ops.today_of(workspace_path(args)).isoformat(),
              "next_follow_up": ops.iso_date("--follow-up", args.follow_up, language(args)), "gear": args.gear,
              "asins": [a.strip().upper() for a in args.asin]}
    result = ops.add_case(workspace_path(args), values)
    _ = texts_for(args)
    for warning in result.warnings:
        print(_("warning: {text}", text=localized(warning, _.lang)))
    print(_("Case {case} added.", case=result.value))
    return 0
