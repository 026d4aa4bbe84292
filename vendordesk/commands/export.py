"""``vendordesk export KIND --out FILE.csv|.xlsx``: tables out of the workspace.

Each kind maps to a function ``frame(workspace) -> pandas.DataFrame`` in the module that
owns that data; this command only writes the file.
"""

from __future__ import annotations

import argparse
import importlib
from pathlib import Path

from vendordesk.commands.common import add_workspace_arg, open_from_args
from vendordesk.errors import UserError

# kind -> "module:function"; the function takes a Workspace and returns a DataFrame.
EXPORTERS = {
    "facts": "vendordesk.store.facts:facts_frame",
    "tickets": "vendordesk.store.tickets:tickets_frame",
    "chargebacks": "vendordesk.store.tickets:chargebacks_frame",
    "tasks": "vendordesk.store.tickets:tasks_frame",
    "forecast": "vendordesk.commands.forecast:forecast_frame",
    "gears": "vendordesk.commands.gears:gears_frame",
}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("export", help="write facts, tickets, chargebacks, tasks, forecast or gears to CSV/XLSX")
    add_workspace_arg(parser)
    parser.add_argument("kind", choices=sorted(EXPORTERS))
    parser.add_argument("--out", required=True, metavar="FILE", help="FILE.csv or FILE.xlsx")
    parser.set_defaults(func=run)


def exporter(kind: str):
    module_name, func_name = EXPORTERS[kind].split(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        raise UserError(f"Exporting {kind} is not available in this version.") from exc
    return getattr(module, func_name)


def write_frame(frame, out: Path) -> None:
    """Write a DataFrame as CSV (UTF-8, ISO dates, plain numbers) or XLSX."""
    suffix = out.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise UserError(f"{out}: the export file must end in .csv or .xlsx.")
    if not out.parent.exists():
        raise UserError(f"Cannot write {out}: the folder {out.parent} does not exist.")
    try:
        if suffix == ".csv":
            frame.to_csv(out, index=False, encoding="utf-8")
        else:
            frame.to_excel(out, index=False, engine="openpyxl")
    except OSError as exc:
        raise UserError(f"Cannot write {out}: {exc.strerror or exc}. Check the folder is writable.") from exc


def run(args: argparse.Namespace) -> int:
    out = Path(args.out).expanduser()
    with open_from_args(args) as ws:
        frame = exporter(args.kind)(ws)
    write_frame(frame, out)
    print(f"{len(frame)} rows written to {out}")
    return 0
