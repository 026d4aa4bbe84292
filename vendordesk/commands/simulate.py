"""``vendordesk simulate --shock KPI=DELTA[@WEEKS] ... [--weeks N] [--json]``: a what-if run.

Shocks propagate through the workspace's KPI graph (defaults, calibrations and the KAM's edits)
against the average of the last 13 weeks. Totals are changes against the unshocked baseline
over the horizon: units and money absolute, net_ppm in fraction points.
"""

from __future__ import annotations

import argparse

from vendordesk.commands.common import add_workspace_arg, open_from_args, print_json
from vendordesk.errors import UserError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("simulate", help="what-if: propagate KPI shocks through the gear graph")
    add_workspace_arg(parser)
    parser.add_argument("--shock", action="append", required=True, metavar="KPI=DELTA[@WEEKS]",
                        help="e.g. procurable_product_out_of_stock_rate=+0.08@4, cost_price=+6%%, ad_spend=-30%%")
    parser.add_argument("--weeks", type=int, default=26, help="horizon in weeks (default 26)")
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    parser.set_defaults(func=run)


def parse_shocks(texts: list[str], weeks: int):
    from vendordesk.core.influence_sim import MAX_WEEKS, parse_shock

    if not 1 <= weeks <= MAX_WEEKS:
        raise UserError(f"--weeks {weeks}: must be between 1 and {MAX_WEEKS}.")
    shocks = []
    for text in texts:
        try:
            shocks.append(parse_shock(text))
        except ValueError as exc:
            raise UserError(f"--shock {exc}") from exc
    return shocks


def run(args: argparse.Namespace) -> int:
    from vendordesk.core.influence import kpi_label
    from vendordesk.core.influence_sim import simulate
    from vendordesk.store.influence import load_baseline, load_graph

    shocks = parse_shocks(args.shock, args.weeks)
    with open_from_args(args) as ws:
        graph, baseline = load_graph(ws), load_baseline(ws)
        currency = ws.meta("currency", "EUR") or "EUR"
    result = simulate(graph, shocks, args.weeks, baseline)
    if args.json:
        print_json(result.to_json())
        return 0
    t = result.totals
    print(f"What-if over {result.weeks} weeks (vs. the average of the last 13 weeks):")
    if baseline.units <= 0:
        print("  (no sales history in this workspace: money totals are zero; KPI paths still apply)")
    print(f"  units           {t['units']:+,.0f}")
    print(f"  vendor revenue  {t['vendor_revenue']:+,.0f} {currency} (shipped COGS)")
    print(f"  Amazon revenue  {t['amazon_revenue']:+,.0f} {currency} (shipped revenue)")
    print(f"  Net PPM         {t['net_ppm'] * 100:+.2f} points ({t['net_ppm_eur']:+,.0f} {currency})")
    peaks = sorted(result.paths.items(), key=lambda kv: -max(abs(v) for v in kv[1]))
    for name, path in peaks[:12]:
        worst = max(path, key=abs)
        print(f"  {kpi_label(name):28s} peak {worst:+.3f} in week {path.index(worst) + 1}")
    return 0
