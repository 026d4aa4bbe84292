"""``vendordesk import [--workspace PATH] FILE... [--dry-run]``: read reports into the workspace.

Every file is read, validated and written in its own transaction. A refused file is named on
stderr with the reason and what to do; the others are still imported; the exit status is 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from vendordesk.commands.common import add_workspace_arg, print_json, workspace_path
from vendordesk.errors import UserError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("import", help="import Vendor Central exports (CSV/XLSX) and SP-API documents")
    add_workspace_arg(parser)
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument("--dry-run", action="store_true", help="only show what would be imported")
    parser.add_argument("--period", metavar="START..END", default=None,
                        help="period for exports that carry no Viewing Range (YYYY-MM-DD..YYYY-MM-DD)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.set_defaults(func=run)


def _period(text: str | None) -> tuple[str, str] | None:
    if not text:
        return None
    import datetime as dt

    try:
        start, end = (dt.date.fromisoformat(p.strip()) for p in text.split(".."))
    except ValueError:
        raise UserError(f"--period {text!r}: write it as YYYY-MM-DD..YYYY-MM-DD.") from None
    if end < start:
        raise UserError(f"--period {text!r}: the end is before the start.")
    return start.isoformat(), end.isoformat()


def describe(summary: dict, imported: bool) -> str:
    period = f"{summary['period_start'] or '?'}..{summary['period_end'] or '?'}"
    view = "/".join(v for v in (summary["distributor_view"], summary["selling_program"]) if v) or "-"
    lines = [f"{summary['file']}: {summary['report_type']} ({summary['source']}), view {view}, "
             f"{summary['grain'] or '-'} {period}, currency {summary['currency'] or '-'}, "
             f"{summary['rows']} rows, {summary['asins']} ASINs"
             + ("" if imported else " [dry run, nothing written]")]
    lines += [f"  warning: {w}" for w in summary["warnings"]]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from vendordesk.ingest.detect import file_hash, read_report
    from vendordesk.store import open_workspace
    from vendordesk.store.facts import import_context, write_report

    path = workspace_path(args)
    period = _period(args.period)
    ws = None if args.dry_run and not path.exists() else open_workspace(path, create=True)
    results, refused = [], 0
    try:
        for name in args.files:
            file = Path(name).expanduser()
            try:
                context = import_context(ws, period)
                report = read_report(file, context)
                if not args.dry_run:
                    report_id = write_report(ws, report, file_hash(file))
                else:
                    report_id = None
            except UserError as exc:
                refused += 1
                print(f"vendordesk: {exc}", file=sys.stderr)
                results.append({"file": file.name, "refused": str(exc)})
                continue
            summary = report.summary() | {"import_id": report_id}
            results.append(summary)
            if not args.json:
                print(describe(summary, not args.dry_run), flush=True)
    finally:
        if ws is not None:
            ws.close()
    if args.json:
        print_json(results)
    if refused:
        if len(args.files) > 1:
            print(f"vendordesk: {refused} of {len(args.files)} files refused; the others were "
                  f"{'checked' if args.dry_run else 'imported'}.", file=sys.stderr)
        return 2
    return 0
