"""``vendordesk import [--workspace PATH] FILE... [--dry-run]``: read reports into the workspace.

Every file is read, validated and written in its own transaction. A refused file is named on
stderr with the reason and what to do; the others are still imported; the exit status is 2.
A file whose reader hits a bug is logged with its traceback and reported as failed; the others
are still imported; the exit status is then 1.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

from vendordesk.commands.common import add_workspace_arg, print_json, printable, workspace_path
from vendordesk.errors import UserError

log = logging.getLogger(__name__)


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
    lines = [f"{printable(summary['file'])}: {summary['report_type']} ({summary['source']}), view {view}, "
             f"{summary['grain'] or '-'} {period}, currency {summary['currency'] or '-'}, "
             f"{summary['rows']} rows, {summary['asins']} ASINs"
             + ("" if imported else " [dry run, nothing written]")]
    lines += [f"  warning: {printable(w)}" for w in summary["warnings"]]
    return "\n".join(lines)


def _emit(event: dict) -> None:
    """One JSON line for the window's import worker (``--events``)."""
    print(json.dumps(event, ensure_ascii=False, default=str), flush=True)


def _exit_keeping_wal(code: int) -> None:
    """End the window's child without closing its connection.

    Closing the last connection a process holds makes SQLite checkpoint and delete the WAL when
    it believes no other process uses the file. On Linux the window's OFD guard (store.locks)
    makes that impossible while the window is open; elsewhere (macOS) the child runs under the
    window's sidecar guard and must not close. Everything was committed and logged already;
    exiting like this is what kill -9 does, which is safe.
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


def _failure_message(file: Path) -> str:
    from vendordesk.paths import log_file

    return (f"{file.name}: VendorDesk could not read this file because of an unexpected error (a bug). "
            f"It was not imported; the other files were. Details are in {log_file()}.")


def run(args: argparse.Namespace) -> int:
    from vendordesk.store import open_workspace

    path = workspace_path(args)
    period = _period(args.period)
    ws = None if args.dry_run and not path.exists() else open_workspace(path, create=True)
    results, refused, failed, total = [], 0, 0, len(args.files)
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
                _report(args, results, file, "refused", str(exc))
                continue
            except Exception:   # a bug in one file's reader: log it, name the file, go on with the rest
                log.exception("import of %s failed", file)
                failed += 1
                _report(args, results, file, "failed", _failure_message(file))
                continue
            results.append(summary)
            if args.events:
                _emit({"event": "done", "summary": summary})
            elif not args.json:
                print(describe(summary, not args.dry_run), flush=True)
    except BaseException as exc:
        log.exception("import stopped")
        if args.events:
            print(printable(f"vendordesk: {exc}"), file=sys.stderr)
        raise
    finally:
        code = 1 if failed else 2 if refused else 0
        if ws is not None and args.events:
            logging.shutdown()
            _exit_keeping_wal(code if sys.exc_info()[0] is None else 1)
        if ws is not None:
            ws.close()
    if args.json:
        print_json(results)
    if (refused or failed) and total > 1 and not args.events:
        what = (f"not imported ({refused} refused, {failed} failed by an error in VendorDesk)" if failed
                else "refused")
        print(f"vendordesk: {refused + failed} of {total} files {what}; the others were "
              f"{'checked' if args.dry_run else 'imported'}.", file=sys.stderr)
    return code


def _report(args, results: list, file: Path, event: str, message: str) -> None:
    results.append({"file": file.name, "path": str(file), event: message})
    if args.events:
        _emit({"event": event, "file": file.name, "path": str(file), "message": message})
    else:
        print(printable(f"vendordesk: {message}"), file=sys.stderr)
