"""``vendordesk events``: the event calendar the forecast measures and plans with.

    vendordesk events list [--workspace PATH] [--from YEAR] [--to YEAR] [--json]
    vendordesk events add KIND NAME START [END] [--asin A] [--price-cut 0.2] [--workspace PATH] [--json]
    vendordesk events remove ID [--workspace PATH] [--json]

KIND is one of vendordesk.core.forecast.calendar.KINDS, by its code or its name in English or German
("easter", "Ostern"; ``list`` shows the name); a built-in kind (e.g. prime_day) replaces that
year's built-in date, ``user`` adds an own event (a TV campaign, a Prime Day deal listing).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from vendordesk.commands.common import add_workspace_arg, open_from_args, print_json, texts_for
from vendordesk.core.forecast.calendar import Event
from vendordesk.core.labels import labeller
from vendordesk.errors import UserError
from vendordesk.text import N_, NP_, Day, Number, formatter

if TYPE_CHECKING:
    from vendordesk.ops.workspace import WorkspaceArg


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("events", help=N_("the event calendar (Prime Day, Black Friday, own events)"))
    sub = parser.add_subparsers(dest="events_command", metavar=NP_("metavar", "ACTION"), required=True)
    lst = sub.add_parser("list", help=N_("list built-in and own events"))
    lst.add_argument("--from", dest="first", type=int, default=None, metavar=NP_("metavar", "YEAR"))
    lst.add_argument("--to", dest="last", type=int, default=None, metavar=NP_("metavar", "YEAR"))
    add = sub.add_parser("add", help=N_("add an own event or correct a built-in date"))
    add.add_argument("kind", metavar=NP_("metavar", "kind"))
    add.add_argument("name", metavar=NP_("metavar", "name"))
    add.add_argument("start", metavar=NP_("metavar", "start"), help=N_("first day, DD.MM.YYYY or YYYY-MM-DD"))
    add.add_argument("end", nargs="?", default=None, metavar=NP_("metavar", "end"),
                     help=N_("last day, DD.MM.YYYY or YYYY-MM-DD (default: START)"))
    add.add_argument("--asin", default=None, metavar=NP_("metavar", "ASIN"), help=N_("only this ASIN (default: the whole account)"))
    add.add_argument("--price-cut", type=float, default=None, metavar=NP_("metavar", "SHARE"),
                     help=N_("a deal: share off the price, e.g. 0.2 for 20 %%"))
    rm = sub.add_parser("remove", help=N_("remove an own event by its id"))
    rm.add_argument("id", type=int, metavar=NP_("metavar", "id"))
    for p in (lst, add, rm):
        add_workspace_arg(p)
        p.add_argument("--json", action="store_true", help=N_("print JSON"))
    parser.set_defaults(func=run)


def _date(value: str, field: str) -> str:
    """ISO (2027-07-13) or the German way (13.07.2027, 13.7.27: two-digit years are 20yy)."""
    from vendordesk.core.tickets import parse_date

    text = value.strip()
    day = None
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\.\d{1,2}\.(\d{2}|\d{4})", text):
        try:
            day = parse_date(text)
        except ValueError:
            day = None
    if day is None:
        raise UserError(N_("{field} {value}: not a date. Write it e.g. as {example} or {iso}."), field=field,
                        value=repr(value), example=Day(EXAMPLE_DAY), iso=EXAMPLE_DAY)
    return day.isoformat()


EXAMPLE_DAY = "2027-07-13"


def _event(args: argparse.Namespace) -> Event:
    from vendordesk.core.forecast.calendar import KINDS

    _ = texts_for(args)
    kind = _kind(args.kind)
    if kind is None:            # the kinds by their names in the user's language (codes are taken as well)
        name = labeller("event_kind", _.lang)
        raise UserError(N_("{field} {value}: unknown. Choose one of: {kinds}."), field=_.pgettext("metavar", "KIND"),
                        value=repr(args.kind), kinds=", ".join(str(name(code)) for code in KINDS))
    start = _date(args.start, _.pgettext("metavar", "START"))
    end = _date(args.end, _.pgettext("metavar", "END")) if args.end else start
    if end < start:
        raise UserError(N_("{end_field} {end} is before {start_field} {start}. Give the first day first."),
                        end_field=_.pgettext("metavar", "END"), end=Day(end), start_field=_.pgettext("metavar", "START"),
                        start=Day(start))
    if args.price_cut is not None and not 0 < args.price_cut < 1:
        raise UserError(N_("--price-cut {value}: give the share off the price between 0 and 1 (0.2 = 20 % off)."),
                        value=Number(args.price_cut, decimals=None))
    if not args.name.strip():
        raise UserError(N_("{field} is empty. Give the event a name, e.g. \"TV campaign spring\"."),
                        field=_.pgettext("metavar", "NAME"))
    return Event(kind, args.name.strip(), start, end, "stored", args.asin, args.price_cut)


def _check_asin(workspace: WorkspaceArg, asin: str | None) -> None:
    """An event for an ASIN the workspace does not know would silently change nothing."""
    from vendordesk.ops.ticket_records import known_asins

    if asin is not None and asin not in known_asins(workspace):
        raise UserError(N_("ASIN {asin}: not in this workspace. The event was not added."), asin=asin)


def _kind(value: str) -> str | None:
    """The kind's code for its code or its name in either language ("easter", "Ostern", "own event")."""
    from vendordesk.core.forecast.calendar import KINDS

    wanted = " ".join(value.casefold().split())
    for lang in ("en", "de"):
        name = labeller("event_kind", lang)
        for code in KINDS:
            if wanted in (code, " ".join(str(name(code)).casefold().split())):
                return code
    return None


def run(args: argparse.Namespace) -> int:
    from vendordesk.ops import events as store

    _ = texts_for(args)
    result: dict[str, int] | list[dict[str, Any]]
    with open_from_args(args) as ws:
        if args.events_command == "add":
            event = _event(args)
            _check_asin(ws, event.asin)
            new_id = store.add_event(ws, event)
            result = {"added": new_id}
            message = _("event {id} added", id=new_id)
        elif args.events_command == "remove":
            if not store.remove_event(ws, args.id):
                raise UserError(N_("ID {id}: no own event with this id. See `vendordesk events list`; built-in events "
                                   "cannot be removed, only corrected with `events add`."), id=args.id)
            result = {"removed": args.id}
            message = _("event {id} removed", id=args.id)
        else:
            year = dt.date.today().year
            first, last = args.first or year - 3, args.last or year + 1
            rows = [asdict(e) for e in store.calendar(ws, first, last)]
            result = rows
            fmt, name = formatter(_.lang), labeller("forecast_events", _.lang)
            kind = labeller("event_kind", _.lang)
            width = max([len(str(kind(e["kind"]))) for e in rows] + [20])
            message = "\n".join(f"{e['id'] or '-':>4}  {fmt.date(e['start'])}  {fmt.date(e['end'])}  "
                                f"{kind(e['kind'])!s:<{width}} {name(e['name'])}" for e in rows)
    if args.json:
        print_json(result)
    else:
        sys.stdout.write(message + "\n")
    return 0
