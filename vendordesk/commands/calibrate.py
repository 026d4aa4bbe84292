"""``vendordesk calibrate [--workspace PATH] [--json]``: calibrate the what-if model on the
workspace's own history and store it (the window's Calibrate button runs the same function,
store.calibration.calibrate_ws). Prints each link with estimate, 10-90 % interval, data used and
a note; links with too little data keep their documented default and say so."""

from __future__ import annotations

import argparse

from vendordesk.commands.common import add_workspace_arg, open_from_args, print_json


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("calibrate", help="calibrate the what-if model on this workspace's history")
    add_workspace_arg(parser)
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from vendordesk.store.calibration import calibrate_ws

    with open_from_args(args) as ws:
        result = calibrate_ws(ws)
    if args.json:
        print_json(result)
        return 0
    print(f"Calibrated on {result['weeks']} weeks x {result['asins']} ASINs "
          f"({result['first_week']} .. {result['last_week']}); stored in the workspace.")
    for name, link in result["links"].items():
        state = "calibrated" if link["status"] == "calibrated" else "DEFAULT   "
        print(f"  {name:17s} {state} {link['estimate']:+.3f}  [{link['low']:+.3f}, {link['high']:+.3f}]  "
              f"{link['weeks']} wk, {link['asins']} ASINs  {link['note']}")
    return 0
