"""``vendordesk negotiation list [--json]`` and ``vendordesk negotiation show ID --json``.

``show`` prints ``{"id", "as_of", "net_ppm_source", ..., "asins": [...], "scenarios": [...]}``;
margins are fractions and a value that cannot be computed is null. The case is computed as of
its own date (or ``--as-of``), so the same case prints the same JSON on any day.
The figures come from the same analysis as the tab
and the brief.
"""

from __future__ import annotations

import argparse
import datetime as dt

from vendordesk.commands.common import add_workspace_arg, open_from_args, print_json
from vendordesk.errors import UserError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("negotiation", help="list or show price-increase cases")
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = sub.add_parser("list", help="all cases")
    add_workspace_arg(listing)
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(func=run_list)
    show = sub.add_parser("show", help="one case's per-ASIN economics and scenarios")
    add_workspace_arg(show)
    show.add_argument("id", metavar="ID")
    show.add_argument("--json", action="store_true", help="print JSON (the default)")
    show.add_argument("--as-of", metavar="DATE", default=None,
                      help="compute the case as of DATE (default: the case's own date, never today)")
    show.set_defaults(func=run_show)


def case_id(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise UserError(f"ID {text!r}: not a case number. Run `vendordesk negotiation list` to see the ids.") from None


def run_list(args: argparse.Namespace) -> int:
    from vendordesk.store.negotiations import list_cases

    with open_from_args(args) as ws:
        cases = list_cases(ws)
    if args.json:
        print_json(cases)
        return 0
    if not cases:
        print("No negotiation cases.")
    for c in cases:
        print(f"{c['id']:>4}  {c['status']:<10} {c['effective_date'] or '-':<10}  {c['asins']:>3} ASINs  {c['title']}")
    return 0


def run_show(args: argparse.Namespace) -> int:
    from vendordesk.store.negotiations import analyse_case

    as_of = None
    if args.as_of:
        try:
            as_of = dt.date.fromisoformat(args.as_of)
        except ValueError:
            raise UserError(f"--as-of: {args.as_of!r} is not a date. Use YYYY-MM-DD, e.g. 2026-11-21.") from None
    with open_from_args(args) as ws:
        analysis = analyse_case(ws, case_id(args.id), today=as_of)
    print_json(analysis.json())
    return 0
