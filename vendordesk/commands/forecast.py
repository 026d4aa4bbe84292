"""``vendordesk forecast``: our weekly forecast per ASIN, or its holdout backtest.

    vendordesk forecast [--workspace PATH] [--horizon WEEKS] [--asin A ...] [--out FILE] [--json]
    vendordesk forecast --backtest [--holdout WEEKS] --json
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from vendordesk.commands.common import add_workspace_arg, open_from_args, print_json
from vendordesk.errors import UserError

COLUMNS = ["asin", "week_start", "p50", "p70", "p80", "p90", "model", "source", "events"]


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("forecast", help="our weekly forecast per ASIN (P50-P90) or its backtest")
    add_workspace_arg(parser)
    parser.add_argument("--horizon", type=int, default=26, metavar="WEEKS", help="weeks ahead, 1-52 (default 26)")
    parser.add_argument("--asin", nargs="+", default=None, metavar="A", help="only these ASINs")
    parser.add_argument("--out", metavar="FILE", help="write FILE.csv or FILE.xlsx")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--backtest", action="store_true", help="score on the last --holdout weeks")
    parser.add_argument("--holdout", type=int, default=26, metavar="WEEKS", help="weeks held out (default 26)")
    parser.set_defaults(func=run)


def _panel(ws, asins: list[str] | None):
    from vendordesk.core.forecast.clean import panel_from_frame
    from vendordesk.store.facts_read import weekly_frame

    metrics = ("ordered_units", "shipped_units", "ordered_revenue", "procurable_product_out_of_stock_rate")
    frame = weekly_frame(ws, metrics=metrics)
    if asins:
        unknown = sorted(set(asins) - set(frame["asin"]))
        if unknown:
            raise UserError(f"--asin: no weekly sales for {', '.join(unknown)}. Check the ASIN or import "
                            "its Sales report first.")
        frame = frame[frame["asin"].isin(asins)]
    if frame.empty:
        raise UserError("The workspace has no weekly sales. Import weekly Sales reports first "
                        "(vendordesk import FILE).")
    return panel_from_frame(frame)


def workspace_events(ws):
    """The event calendar the forecast uses: built-in dates of 2010..2040 plus stored rows."""
    from vendordesk.store.events import calendar

    return calendar(ws, 2010, 2040)


def workspace_groups(ws, panel):
    """Per ASIN of ``panel`` its (brand, category, price band): where a launch finds analogues."""
    from vendordesk.core.forecast.launch import analogue_groups
    from vendordesk.store.supply import analogue_attributes

    return analogue_groups(panel.asins, analogue_attributes(ws))


def forecast_frame(ws, horizon: int = 26, asins: list[str] | None = None):
    """Our forecast as a DataFrame (COLUMNS); for export.

    source: ours / amazon / combined (whose forecast the P50 follows, see core.forecast_rival);
    events: the calendar's events in that week ('; '-joined).
    """
    from vendordesk.core.forecast.run import forecast_panel
    from vendordesk.store.elasticity import price_elasticity
    from vendordesk.store.facts_read import amazon_forecasts_frame

    panel = _panel(ws, asins)
    return forecast_panel(panel, horizon, events=workspace_events(ws), elasticity=price_elasticity(ws)[0],
                          amazon=amazon_forecasts_frame(ws, panel.asins), groups=workspace_groups(ws, panel)
                          ).frame()[COLUMNS]


def backtest_document(ws, holdout: int = 26) -> dict:
    """The --backtest JSON document (with Amazon's score where its forecasts cover the holdout)."""
    from vendordesk.core.forecast.plan import backtest_with_amazon
    from vendordesk.store.facts_read import amazon_forecasts_frame

    panel = _panel(ws, None)
    if len(panel.weeks) < holdout + 8:
        raise UserError(f"--holdout {holdout}: the workspace has {len(panel.weeks)} weeks of sales; "
                        f"keep at least 8 weeks for training (use --holdout {max(len(panel.weeks) - 8, 1)} or less).")
    return backtest_with_amazon(panel, amazon_forecasts_frame(ws), holdout, events=workspace_events(ws),
                                groups=workspace_groups(ws, panel))


def run(args: argparse.Namespace) -> int:
    if not 1 <= args.horizon <= 52:
        raise UserError(f"--horizon {args.horizon}: choose between 1 and 52 weeks.")
    if not 1 <= args.holdout <= 104:
        raise UserError(f"--holdout {args.holdout}: choose between 1 and 104 weeks.")
    out = Path(args.out).expanduser() if args.out else None
    if out is not None and out.suffix.lower() not in (".csv", ".xlsx"):
        raise UserError(f"--out {out}: the file must end in .csv or .xlsx.")
    with open_from_args(args) as ws:
        if args.backtest:
            print_json(backtest_document(ws, args.holdout))
            return 0
        frame = forecast_frame(ws, args.horizon, args.asin)
    if out is not None:
        from vendordesk.commands.export import write_frame

        write_frame(frame, out, "forecast", getattr(args, "lang", None))
        print(f"{len(frame)} rows written to {out}", file=sys.stderr if args.json else sys.stdout)
    if args.json:
        print_json(frame.to_dict(orient="records"))
    elif out is None:
        sys.stdout.write(frame.to_csv(index=False))
    return 0
