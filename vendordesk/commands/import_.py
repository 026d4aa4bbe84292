"""``vendordesk import [--workspace PATH] FILE... [--dry-run]``: read reports into the workspace.

Every file is read, validated and written in its own transaction. A refused file is named on
stderr with the reason and what to do; the others are still imported; the exit status is 2.
"""

from __future__ import annotations

import argparse
import json
import os
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
    parser.add_argument("--events", action="store_true", help=argparse.SUPPRESS)  # JSON lines for the window
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


def _emit(event: dict) -> None:
    """One JSON line for the window's import worker (``--events``)."""
    print(json.dumps(event, ensure_ascii=False, default=str), flush=True)


def _exit_keeping_wal(code: int) -> None:
    """End the window's child without closing its connection.

    Closing the last connection a process holds makes SQLite checkpoint and delete the WAL when
    it believes no other process uses the file. If the window's process lost its POSIX locks
    (any plain open()/close() of the workspace file in that process drops them), that deletion
    would pull the WAL from under the window's connection ("database disk image is malformed").
    Everything was committed already; exiting like this is what kill -9 does, which is safe.
    """
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def import_one(ws, file: Path, period, dry_run: bool, progress=None) -> dict:
    """Read (and unless dry_run write) one file; UserError when refused."""
    from vendordesk.ingest.detect import file_hash, read_report
    from vendordesk.store.facts import import_context, write_report

    report = read_report(file, import_context(ws, period))
    report_id = None if dry_run else write_report(ws, report, file_hash(file), progress=progress)
    return report.summary() | {"import_id": report_id, "path": str(file)}


def run(args: argparse.Namespace) -> int:
    from vendordesk.store import open_workspace

    path = workspace_path(args)
    period = _period(args.period)
    ws = None if args.dry_run and not path.exists() else open_workspace(path, create=True)
    results, refused, total = [], 0, len(args.files)
    try:
        for index, name in enumerate(args.files):
            file = Path(name).expanduser()
            progress = None
            if args.events:
                _emit({"event": "start", "file": file.name, "index": index, "progress": index / total})
                progress = lambda f, i=index: _emit({"event": "progress", "progress": (i + f) / total})
            try:
                summary = import_one(ws, file, period, args.dry_run, progress)
            except UserError as exc:
                refused += 1
                if not args.events:
                    print(f"vendordesk: {exc}", file=sys.stderr)
                results.append({"file": file.name, "path": str(file), "refused": str(exc)})
                if args.events:
                    _emit({"event": "refused", "file": file.name, "path": str(file), "message": str(exc)})
                continue
            results.append(summary)
            if args.events:
                _emit({"event": "done", "summary": summary})
            elif not args.json:
                print(describe(summary, not args.dry_run), flush=True)
    finally:
        if ws is not None and args.events:
            _exit_keeping_wal(2 if refused else 0)
        if ws is not None:
            ws.close()
    if args.json:
        print_json(results)
    if refused:
        if total > 1 and not args.events:
            print(f"vendordesk: {refused} of {total} files refused; the others were "
                  f"{'checked' if args.dry_run else 'imported'}.", file=sys.stderr)
        return 2
    return 0
