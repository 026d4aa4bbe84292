"""``vendordesk export KIND --out FILE.csv|.xlsx``: tables out of the workspace.

Each kind maps to a function ``frame(workspace) -> pandas.DataFrame`` in the module that owns that
data; the facts are streamed instead (any size, flat memory). Writing lives in
``vendordesk.exports``, which the window uses too. XLSX headers follow ``--lang`` (before or after
the subcommand), else the app's language setting, else the system's.
"""

from __future__ import annotations

import argparse
import importlib
import sys
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
    parser.add_argument("--out", required=True, metavar="FILE", help="FILE.csv (for scripts) or FILE.xlsx (for people)")
    parser.add_argument("--lang", choices=("de", "en"), default=argparse.SUPPRESS,
                        help="language of the XLSX headers (default: the app's language)")
    parser.set_defaults(func=run)


def exporter(kind: str):
    module_name, func_name = EXPORTERS[kind].split(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        raise UserError(f"Exporting {kind} is not available in this version.") from exc
    return getattr(module, func_name)


def export_language(args: argparse.Namespace | None = None) -> str:
    """``--lang``, else the language setting, else the system's locale ("de" or "en")."""
    import locale
    import os

    from vendordesk import settings

    chosen = getattr(args, "lang", None) if args is not None else None
    if chosen:
        return chosen
    configured = settings.load().language
    if configured:
        return configured
    system = os.environ.get("LC_ALL") or os.environ.get("LANG") or (locale.getlocale()[0] or "")
    return "de" if system.lower().startswith("de") else "en"


def write_frame(frame, out: Path, kind: str | None = None, lang: str | None = None) -> int:
    """A frame to CSV or XLSX (see ``vendordesk.exports.write_frame``)."""
    from vendordesk import exports

    return exports.write_frame(frame, Path(out), kind, lang or export_language())


class TerminalProgress:
    """A progress line on stderr, only when stderr is a terminal (never in pipes or logs)."""

    def __init__(self, label: str, stream=None):
        self.stream = stream or sys.stderr
        self.label = label
        self.on = bool(getattr(self.stream, "isatty", lambda: False)())
        self.shown = -1

    def __call__(self, fraction: float) -> None:
        percent = int(fraction * 100)
        if self.on and percent != self.shown:
            self.shown = percent
            self.stream.write(f"\r{self.label}: {percent:3d} %")
            self.stream.flush()

    def done(self) -> None:
        if self.on and self.shown >= 0:
            self.stream.write("\n")
            self.stream.flush()


def run(args: argparse.Namespace) -> int:
    from vendordesk import exports
    from vendordesk.exports.files import check_target

    out = Path(args.out).expanduser()
    check_target(out)
    lang = export_language(args)
    progress = TerminalProgress(f"Exporting {args.kind} to {out.name}")
    try:
        with open_from_args(args) as ws:
            if args.kind == "facts":
                rows = exports.export_facts(ws, out, lang, progress)
            else:
                frame = exporter(args.kind)(ws)
                rows = exports.write_frame(frame, out, args.kind, lang, progress)
    finally:
        progress.done()
    print(f"{rows} rows written to {out}")
    return 0
