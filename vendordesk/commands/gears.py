"""``vendordesk gears [--workspace PATH] [--asof DATE] [--weeks N] [--compare prior|last_year] [--json]``.

Prints every gear with score, status (green/amber/red/no-data), KPIs and "data as of".
The report comes from ``vendordesk.ops.gears``; this module parses and prints.
"""

from __future__ import annotations

import argparse

from vendordesk.commands.common import add_lang_arg, add_workspace_arg, language, print_json, progress_line, workspace_path
from vendordesk.core.labels import labeller
from vendordesk.core.missing import is_missing
from vendordesk.errors import UserError
from vendordesk.text import N_, NP_, texts
from vendordesk.text.numbers import Formatter, formatter


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("gears", help=N_("the KPI gears: score, status and KPIs"))
    add_workspace_arg(parser)
    add_lang_arg(parser)
    parser.add_argument("--asof", metavar=NP_("metavar", "DATE"), help=N_("judge the week containing DATE (default: newest week)"))
    parser.add_argument("--weeks", type=int, default=4, metavar=NP_("metavar", "WEEKS"), help=N_("length of the period in weeks (default 4)"))
    parser.add_argument("--compare", choices=("auto", "prior", "last_year"), default="auto",
                        help=N_("comparison period (default auto: the same weeks last year where a year of "
                             "data exists, else the prior period)"))
    parser.add_argument("--json", action="store_true", help=N_("print JSON"))
    parser.set_defaults(func=run)


def _check_asof(value: str | None, lang: str) -> str | None:
    """``--asof`` as an ISO day: 2026-03-01 or 01.03.2026, as the window's date fields read it."""
    from vendordesk.ops.tickets import iso_date

    return iso_date("--asof", value, lang)


def run(args: argparse.Namespace) -> int:
    from vendordesk.ops.gears import gears_document, gears_report  # pandas: loaded by this command only

    lang = language(args)
    _ = texts(lang)
    asof = _check_asof(args.asof, lang)
    if not 1 <= args.weeks <= 52:
        raise UserError(_("--weeks must be between 1 and 52."))
    # The JSON is a contract for scripts: gear and KPI names in English unless --lang asks otherwise.
    names = lang if (not args.json or getattr(args, "lang", None)) else "en"
    path = workspace_path(args)
    with progress_line(_("Judging the gears of {file}", file=path.name)) as progress:
        report = gears_report(path, asof=asof, weeks=args.weeks, compare=args.compare, lang=names,
                              progress=progress).value
    if args.json:
        print_json(gears_document(report))
    else:
        from vendordesk.ops.workspace import currency

        print(_text(report, _, lang, currency(path)))
    return 0


def _fmt(value, unit: str, number: Formatter, currency: str = "EUR") -> str:
    """A KPI value in the output's language: 8,7 % / 518.810 / 12.494 € in German, 8.7% / 518,810 / €12,494 in English."""
    if is_missing(value):
        return "–"
    if unit == "pct":
        return number.percent(value, 1)
    if unit == "money":
        return number.money(value, currency, 0)
    if unit in ("units", "count"):
        return number.number(value, 0)
    return number.number(value, 2)


def _text(report, _, lang: str = "en", currency: str = "EUR") -> str:
    number = formatter(lang)
    status = labeller("gear_status", lang)

    def day(value) -> str:
        return number.date(value) if value else "–"

    compare = _("prior period") if report.compare == "prior" else _("same weeks last year")
    lines = [_.ngettext("Gears for the week of {week}, compared with the {compare}:",
                        "Gears for the {weeks} weeks up to the week of {week}, compared with the {compare}:",
                        report.weeks, weeks=report.weeks, week=day(report.asof_week), compare=compare)]
    if report.partial_week:
        lines.append(_("(A newer, partial week {week} exists: too few ASINs have data yet.)",
                       week=day(report.partial_week)))
    versus = _("vs")
    width = max((len(k.name) for g in report.gears for k in g.kpis), default=40)
    for g in report.gears:
        score = ("  –" if g.score is None else f"{g.score:3.0f}") + (_(" (1 KPI)") if g.note == "one_kpi" else "")
        as_of = _("data as of {date}", date=day(g.data_as_of))
        lines.append(f"\n{g.name:<32} {score}  {status(g.status)!s:<14} {as_of}")
        for k in g.kpis:
            lines.append(f"    {k.name:<{width}} {_fmt(k.value, k.unit, number, currency):>14}  {versus} "
                         f"{_fmt(k.compare, k.unit, number, currency):>14}  {status(k.status)}")
    return "\n".join(lines)
