"""``vendordesk simulate --shock KPI=DELTA[@WEEKS] ... [--weeks N] [--json]``: a what-if run.

The structural model (core.influence_struct: ordered units = demand x (1 - OOS), revenue = units
x ASP, COGS = units x cost, Net PPM with contra-COGS, Amazon's forecast/PO loop) with the
workspace's stored calibration (``vendordesk calibrate``; documented defaults before that),
against the account's state in its newest weeks. Totals are changes against the unshocked run over
the horizon: units and money absolute, net_ppm in fraction points; ``intervals`` are their 10-90 %
range from 200 parameter draws. Shocks outside their KPI's range are refused (exit 2).
"""

from __future__ import annotations

import argparse

from vendordesk.commands.common import add_workspace_arg, language, open_from_args, print_json
from vendordesk.errors import UserError
from vendordesk.text import N_, NP_


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("simulate", help=N_("what-if: KPI shocks through the calibrated account model"))
    add_workspace_arg(parser)
    parser.add_argument("--shock", action="append", required=True, metavar=NP_("metavar", "KPI=DELTA[@WEEKS]"),
                        help=N_("e.g. procurable_product_out_of_stock_rate=+0.08@4, cost_price=+6%%, ad_spend=-30%%"))
    parser.add_argument("--weeks", type=int, default=26, metavar=NP_("metavar", "WEEKS"), help=N_("horizon in weeks (default 26)"))
    parser.add_argument("--json", action="store_true", help=N_("print one JSON document"))
    parser.set_defaults(func=run)


def parse_shocks(texts: list[str], weeks: int, levels: dict | None = None):
    from vendordesk.core.influence.sim import MAX_WEEKS, check_shock, parse_shock

    if not 1 <= weeks <= MAX_WEEKS:
        raise UserError(N_("--weeks {weeks}: must be between 1 and {most}."), weeks=weeks, most=MAX_WEEKS)
    shocks = []
    for text in texts:
        try:
            shock = parse_shock(text)
        except ValueError as exc:
            raise _shock_refusal(text) from exc
        try:
            check_shock(shock, (levels or {}).get(shock.kpi))
        except ValueError as exc:
            raise UserError(N_("--shock {problem} Nothing was simulated."), problem=str(exc)) from exc
        shocks.append(shock)
    return shocks


def _shock_refusal(text: str) -> UserError:
    """Why ``--shock TEXT`` cannot be read, in the user's language (the model's parser says it in English)."""
    import re

    from vendordesk.core.influence.graph import KPIS

    name = text.split("=", 1)[0].strip()
    if "=" in text and re.fullmatch(r"[a-z0-9_]+", name) and name not in KPIS:
        return UserError(N_("--shock {value} is not a known KPI. Use one of: {names}. Nothing was simulated."),
                         value=repr(name), names=", ".join(sorted(KPIS)))
    if re.search(r"@\s*0+\s*$", text):
        return UserError(N_("--shock {value}: @WEEKS must be at least 1. Nothing was simulated."), value=repr(text))
    return UserError(N_("--shock {value} is not KPI=DELTA[@WEEKS]. Write e.g. "
                        "procurable_product_out_of_stock_rate=+0.08@4 or cost_price=+6%. Nothing was simulated."),
                     value=repr(text))


def run(args: argparse.Namespace) -> int:
    from vendordesk.ops.influence import run_whatif

    parse_shocks(args.shock, args.weeks)            # syntax and scale first, before opening anything
    with open_from_args(args) as ws:
        result, info = run_whatif(ws, lambda levels: parse_shocks(args.shock, args.weeks, levels), args.weeks)
    if args.json:
        doc = result.to_json()
        doc["calibrated"] = info["calibrated"]
        print_json(doc)
        return 0
    from vendordesk.core.influence.words import summary_lines

    for line in summary_lines(result, info, language(args)):
        print(line)
    return 0
