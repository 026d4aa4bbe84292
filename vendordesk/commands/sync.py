"""``vendordesk sync``: fetch SP-API reports into the workspace (credentials from the keyring).

    vendordesk sync [--workspace PATH] [--reports sales,traffic,...] [--period WEEK|DAY|MONTH]
                    [--from DATE --to DATE | --weeks N] [--view MANUFACTURING] [--program RETAIL] [--json]

Exit 0 when every report was imported, 2 when something was refused or failed (the message
says what to do). A retry resumes: fetched documents are kept in the workspace.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from vendordesk.commands.common import add_workspace_arg, language, print_json, printable, workspace_path
from vendordesk.errors import UserError
from vendordesk.text import N_, NP_, localized

SHORT_NAMES = {"sales": "GET_VENDOR_SALES_REPORT", "traffic": "GET_VENDOR_TRAFFIC_REPORT",
               "inventory": "GET_VENDOR_INVENTORY_REPORT", "net_ppm": "GET_VENDOR_NET_PURE_PRODUCT_MARGIN_REPORT",
               "forecast": "GET_VENDOR_FORECASTING_REPORT"}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("sync", help=N_("fetch SP-API reports into the workspace (credentials from the keyring)"))
    add_workspace_arg(parser)
    parser.add_argument("--reports", default=",".join(SHORT_NAMES), metavar=NP_("metavar", "REPORTS"),
                        help=N_("comma list of %(default)s"))
    parser.add_argument("--period", default="WEEK", choices=("DAY", "WEEK", "MONTH", "QUARTER", "YEAR"))
    parser.add_argument("--from", dest="start", metavar=NP_("metavar", "START"),
                        help=N_("first day (2026-03-01 or 01.03.2026)"))
    parser.add_argument("--to", dest="end", metavar=NP_("metavar", "END"), help=N_("last day (2026-03-01 or 01.03.2026)"))
    parser.add_argument("--weeks", type=int, default=None, metavar=NP_("metavar", "WEEKS"),
                        help=N_("the last N complete weeks (default: the weeks after your data, to the last "
                                "full week, as the window proposes)"))
    parser.add_argument("--view", default="MANUFACTURING", choices=("MANUFACTURING", "SOURCING"))
    parser.add_argument("--program", default="RETAIL", choices=("RETAIL", "BUSINESS", "FRESH"))
    parser.add_argument("--json", action="store_true", help=N_("print the result as JSON"))
    parser.set_defaults(func=run)


def _report_types(text: str) -> list[str]:
    names = [name.strip() for name in text.split(",") if name.strip()]
    unknown = [name for name in names if name not in SHORT_NAMES and name not in SHORT_NAMES.values()]
    if unknown:
        raise UserError(N_("--reports: {unknown} unknown. Use {names}."), unknown=", ".join(unknown),
                        names=", ".join(SHORT_NAMES))
    return [SHORT_NAMES.get(name, name) for name in names]


def _day(name: str, value: str | None, lang: str) -> dt.date | None:
    from vendordesk.ops.tickets import iso_date

    iso = iso_date(name, value, lang)
    return dt.date.fromisoformat(iso) if iso else None


def run(args: argparse.Namespace) -> int:
    from vendordesk.ops.sync import sync

    lang = language(args)
    start, end = _day("--from", args.start, lang), _day("--to", args.end, lang)
    result = sync(workspace_path(args), _report_types(args.reports), args.period, start, end, args.weeks,
                  args.view, args.program).value
    period = result.period
    if args.json:
        print_json({"imported": result.imported, "already": result.already, "failures": result.failures,
                    "stopped": result.stopped, "import_ids": result.import_ids,
                    "start": period.start.isoformat() if period else None,
                    "end": period.end.isoformat() if period else None})
    else:
        if period is not None:
            print(period.note(lang))
        print(result.summary(lang))
    for problem in ([result.stopped] if result.stopped else []) + result.failures:
        print(printable(f"vendordesk: {localized(problem, lang)}"), file=sys.stderr)
    return 0 if result.ok else 2
