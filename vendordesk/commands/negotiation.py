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

from vendordesk.commands.common import add_lang_arg, add_workspace_arg, print_json, texts_for, workspace_path
from vendordesk.core.negotiation.model import status_name
from vendordesk.errors import UserError
from vendordesk.ops.negotiation import analyse_negotiation, list_negotiations
from vendordesk.text import N_, NP_, formatter


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("negotiation", help=N_("list or show price-increase cases"))
    sub = parser.add_subparsers(dest="action", metavar=NP_("metavar", "ACTION"), required=True)
    listing = sub.add_parser("list", help=N_("all cases"))
    add_workspace_arg(listing)
    add_lang_arg(listing)
    listing.add_argument("--json", action="store_true", help=N_("print JSON"))
    listing.set_defaults(func=run_list)
    show = sub.add_parser("show", help=N_("one case's per-ASIN economics and scenarios"))
    add_workspace_arg(show)
    add_lang_arg(show)
    show.add_argument("id", metavar=NP_("metavar", "ID"))
    show.add_argument("--json", action="store_true", help=N_("print JSON (the default)"))
    show.add_argument("--as-of", metavar=NP_("metavar", "DATE"), default=None,
                      help=N_("compute the case as of DATE (default: the case's own date, never today)"))
    show.set_defaults(func=run_show)


def case_id(text: str, args: argparse.Namespace | None = None) -> int:
    try:
        return int(text)
    except ValueError:
        _ = texts_for(args)
        raise UserError(_("ID {id}: not a case number. Run `vendordesk negotiation list` to see the ids.",
                          id=repr(text))) from None


def run_list(args: argparse.Namespace) -> int:
    cases = list_negotiations(workspace_path(args)).value
    if args.json:
        print_json(cases)
        return 0
    _ = texts_for(args)
    if not cases:
        print(_("No negotiation cases."))
    fmt = formatter(_.lang)
    for c in cases:
        asins = _.ngettext("{n} ASIN", "{n} ASINs", c["asins"], n=str(c["asins"]).rjust(3))
        status = status_name(c["status"], _.lang)
        effective = fmt.date(c["effective_date"]) if c["effective_date"] else "-"
        print(f"{c['id']:>4}  {status:<12} {effective:<10}  {asins}  {c['title']}")
    return 0


def run_show(args: argparse.Namespace) -> int:
    from vendordesk.commands.common import language
    from vendordesk.ops.tickets import iso_date

    day = iso_date("--as-of", args.as_of, language(args))
    as_of = dt.date.fromisoformat(day) if day else None
    analysis = analyse_negotiation(workspace_path(args), case_id(args.id, args), as_of).value
    print_json(analysis.json())
    return 0
