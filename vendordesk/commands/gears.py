"""``vendordesk gears [--workspace PATH] [--asof DATE] [--weeks N] [--compare prior|last_year] [--json]``.

Prints the nine gears with score, status (green/amber/red/no-data), KPIs and "data as of".
``gears_frame`` is the table behind ``vendordesk export gears``.
"""

from __future__ import annotations

import argparse
import datetime as dt

from vendordesk.commands.common import add_workspace_arg, open_from_args, print_json
from vendordesk.core.missing import is_missing
from vendordesk.errors import UserError
from vendordesk.exports.frames import report_frame  # noqa: F401 - moved there; kept for callers


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("gears", help="the nine KPI gears: score, status and KPIs")
    add_workspace_arg(parser)
    parser.add_argument("--asof", metavar="DATE", help="judge the week containing DATE (default: newest week)")
    parser.add_argument("--weeks", type=int, default=4, help="length of the period in weeks (default 4)")
    parser.add_argument("--compare", choices=("auto", "prior", "last_year"), default="auto",
                        help="comparison period (default auto: the same weeks last year where a year of "
                             "data exists, else the prior period)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(func=run)


def compute_report(ws, asof: str | None = None, weeks: int = 4, compare: str = "auto", lang: str = "en"):
    """Read the workspace and judge the gears (GearReport)."""
    from vendordesk.core.gears.report import GearInputs, GearModel
    from vendordesk.store.gears import load_gear_inputs

    model = GearModel(GearInputs(**load_gear_inputs(ws)))
    return model.compute(asof=asof, weeks=weeks, compare=compare, lang=lang)


def gears_document(report) -> dict:
    """The JSON contract: {"asof_week", "weeks", "compare", "compare_requested", "periods",
    "partial_week", "gears": [{"id", "name", "score", "status", "kpis", "data_as_of", "compare",
    "scored_kpis", "judged_kpis", "note"}]}. ``partial_week``: a newer week with too few ASINs
    that the dashboard does not judge yet."""
    gears = []
    for g in report.gears:
        doc = g.as_dict()
        doc["score"] = None if doc["score"] is None else round(doc["score"], 1)
        gears.append(doc)
    return {"asof_week": report.asof_week, "weeks": report.weeks, "compare": report.compare,
            "compare_requested": report.compare_requested,
            "periods": {k: list(v) for k, v in (report.periods or {}).items()},
            "partial_week": report.partial_week, "gears": gears}


def _check_asof(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise UserError(f"--asof: '{value}' is not a date. Use YYYY-MM-DD, e.g. 2026-03-01.") from None


def run(args: argparse.Namespace) -> int:
    asof = _check_asof(args.asof)
    if not 1 <= args.weeks <= 52:
        raise UserError("--weeks must be between 1 and 52.")
    with open_from_args(args) as ws:
        report = compute_report(ws, asof=asof, weeks=args.weeks, compare=args.compare)
    if args.json:
        print_json(gears_document(report))
    else:
        print(_text(report))
    return 0


def _fmt(value, unit: str) -> str:
    if is_missing(value):
        return "–"
    if unit == "pct":
        return f"{value * 100:.1f}%"
    if unit in ("money", "units", "count"):
        return f"{value:,.0f}"
    return f"{value:.2f}"


def _text(report) -> str:
    compare = "prior period" if report.compare == "prior" else "same weeks last year"
    lines = [f"Gears for the {report.weeks} week(s) up to the week of {report.asof_week or '–'}, "
             + f"compared with the {compare}:"]
    if report.partial_week:
        lines.append(f"(A newer, partial week {report.partial_week} exists: too few ASINs have data yet.)")
    for g in report.gears:
        score = ("  –" if g.score is None else f"{g.score:3.0f}") + (" (1 KPI)" if g.note == "one_kpi" else "")
        lines.append(f"\n{g.name:<32} {score}  {g.status:<8} data as of {g.data_as_of or '–'}")
        for k in g.kpis:
            lines.append(f"    {k.name:<40} {_fmt(k.value, k.unit):>14}  vs {_fmt(k.compare, k.unit):>14}  {k.status}")
    return "\n".join(lines)


def gears_frame(ws):
    """One row per gear and KPI (for ``vendordesk export gears``)."""
    return report_frame(compute_report(ws))

