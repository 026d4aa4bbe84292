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

from vendordesk.commands.common import (
    add_lang_arg,
    add_workspace_arg,
    error_text,
    print_json,
    printable,
    progress_line,
    texts_for,
    workspace_path,
)
from vendordesk.core.labels import labeller
from vendordesk.errors import UserError
from vendordesk.ops.imports import import_file
from vendordesk.text import N_, NP_, formatter, localized

log = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("import", help=N_("import Vendor Central exports (CSV/XLSX) and SP-API documents"))
    add_workspace_arg(parser)
    add_lang_arg(parser)
    parser.add_argument("files", nargs="+", metavar=NP_("metavar", "FILE"))
    parser.add_argument("--dry-run", action="store_true", help=N_("only show what would be imported"))
    parser.add_argument("--period", metavar=NP_("metavar", "START..END"), default=None,
                        help=N_("period for exports that carry no Viewing Range (YYYY-MM-DD..YYYY-MM-DD)"))
    parser.add_argument("--json", action="store_true", help=N_("print the result as JSON"))
    parser.add_argument("--events", action="store_true", help=argparse.SUPPRESS)  # JSON lines for the window
    parser.set_defaults(func=run)


def _period(text: str | None) -> tuple[str, str] | None:
    if not text:
        return None
    import datetime as dt

    try:
        start, end = (dt.date.fromisoformat(p.strip()) for p in text.split(".."))
    except ValueError:
        raise UserError(N_("--period {value}: write it as YYYY-MM-DD..YYYY-MM-DD."), value=repr(text)) from None
    if end < start:
        raise UserError(N_("--period {value}: the end is before the start."), value=repr(text))
    return start.isoformat(), end.isoformat()


# What a summary calls a report by its type and its period by its grain (ingest's codes).
REPORT_TYPES = {"sales": NP_("report type", "sales"), "traffic": NP_("report type", "traffic"),
                "inventory": NP_("report type", "inventory"), "net_ppm": NP_("report type", "net PPM"),
                "forecast": NP_("report type", "forecast"), "purchase_orders": NP_("report type", "purchase orders"),
                "coupon": NP_("report type", "coupons"), "chargebacks": NP_("report type", "chargebacks")}
GRAINS = ("day", "week", "month", "quarter", "year", "custom")     # the msgids of ingest.vc_common.GRAIN_NAMES


SOURCES = {"api": N_("SP-API document"), "demo": N_("demo data")}


def source_text(source: str | None, _) -> str:
    """Where the rows came from, as the import dialog says it: CSV, XLSX, JSON or an SP-API document."""
    return _(SOURCES[source]) if source in SOURCES else (source or "–").upper()


def describe(summary: dict, imported: bool, _=None) -> str:
    _ = _ or texts_for()
    fmt = formatter(_.lang)
    day = lambda iso: fmt.date(iso) if iso else "?"
    period = f"{day(summary['period_start'])} – {day(summary['period_end'])}"
    view_label, program_label = labeller("distributor_view", _.lang), labeller("selling_program", _.lang)
    view = " / ".join(str(label(v)) for v, label in ((summary["distributor_view"], view_label),
                                                     (summary["selling_program"], program_label)) if v) or "–"
    kind, grain = summary["report_type"], summary["grain"]
    rows, asins = summary["rows"], summary["asins"]
    line = _("{file}: {report_type} ({source}), view {view}, {grain} {period}, currency {currency}, {rows}, "
             "{asins}", file=printable(summary["file"]),
             report_type=_.pgettext("report type", REPORT_TYPES[kind]) if kind in REPORT_TYPES else kind,
             source=source_text(summary["source"], _), view=view,
             grain=_.pgettext("period", grain) if grain in GRAINS else grain or "–", period=period,
             currency=summary["currency"] or "–",
             rows=_.ngettext("{n} row", "{n} rows", rows, n=fmt.number(rows)),
             asins=_.ngettext("{n} ASIN", "{n} ASINs", asins, n=fmt.number(asins)))
    lines = [line + ("" if imported else " " + _("[dry run, nothing written]"))]
    lines += [_("  warning: {text}", text=printable(w)) for w in localized_warnings(summary, _.lang)]
    return "\n".join(lines)


def localized_warnings(summary: dict, lang: str) -> list[str]:
    """The reader's warnings in ``lang`` (they are kept as messages until shown: text.Message)."""
    return [str(localized(w, lang)) for w in summary["warnings"]]


def shown(summary: dict, lang: str) -> dict:
    """The summary as it is printed (JSON, the window's events): warnings in ``lang``, and their
    English catalogue ids beside them so that the window can tell them apart in any language."""
    ids = [getattr(w, "msgid", w) for w in summary["warnings"]]
    return summary | {"warnings": localized_warnings(summary, lang), "warning_ids": ids}


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
    """Read (and unless dry_run write) one file; UserError when refused (``ops.imports.import_file``)."""
    return import_file(ws, file, period, dry_run, progress or (lambda _f: None)).value


def _failure_message(file: Path, _) -> str:
    from vendordesk.paths import log_file

    return _("{file}: VendorDesk could not read this file because of an unexpected error (a bug). "
             "It was not imported; the other files were. Details are in {log}.", file=file.name, log=log_file())


def run(args: argparse.Namespace) -> int:
    from vendordesk.commands.common import open_from_args

    _ = texts_for(args)
    path = workspace_path(args)
    period = _period(args.period)
    ws = None if args.dry_run and not path.exists() else open_from_args(args, create=True)
    results, refused, failed, total = [], 0, 0, len(args.files)
    try:
        for index, name in enumerate(args.files):
            file = Path(name).expanduser()
            progress = None
            if args.events:
                _emit({"event": "start", "file": file.name, "index": index, "progress": index / total})
                progress = lambda f, i=index: _emit({"event": "progress", "progress": (i + f) / total})
            try:
                if progress is None:
                    label = _("Importing {file} ({n} of {total})", file=printable(file.name), n=index + 1, total=total)
                    with progress_line(label) as line:
                        summary = import_one(ws, file, period, args.dry_run, line)
                else:
                    summary = import_one(ws, file, period, args.dry_run, progress)
            except UserError as exc:
                refused += 1
                _report(args, results, file, "refused", error_text(exc, args), exc.msgid)
                continue
            except Exception:   # a bug in one file's reader: log it, name the file, go on with the rest
                log.exception("import of %s failed", file)
                failed += 1
                _report(args, results, file, "failed", _failure_message(file, _))
                continue
            results.append(shown(summary, _.lang))
            if args.events:
                _emit({"event": "done", "summary": shown(summary, _.lang)})
            elif not args.json:
                print(describe(summary, not args.dry_run, _), flush=True)
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
        n, done = refused + failed, "checked" if args.dry_run else "imported"
        if failed:
            line = _("{n} of {total} files not imported ({refused} refused, {failed} failed by an error in "
                     "VendorDesk); the others were imported.", n=n, total=total, refused=refused, failed=failed)
            if done == "checked":
                line = _("{n} of {total} files not imported ({refused} refused, {failed} failed by an error in "
                         "VendorDesk); the others were checked.", n=n, total=total, refused=refused, failed=failed)
        elif done == "checked":
            line = _("{n} of {total} files refused; the others were checked.", n=n, total=total)
        else:
            line = _("{n} of {total} files refused; the others were imported.", n=n, total=total)
        print(f"vendordesk: {line}", file=sys.stderr)
    return code


def _report(args, results: list, file: Path, event: str, message: str, message_id: str | None = None) -> None:
    """``message`` in the command's language; events also carry the English ``message_id`` (the
    catalogue's id, fields unfilled) so that the window can tell refusals apart in any language."""
    results.append({"file": file.name, "path": str(file), event: message})
    if args.events:
        _emit({"event": event, "file": file.name, "path": str(file), "message": message,
               "message_id": message_id or message})
    else:
        print(printable(f"vendordesk: {message}"), file=sys.stderr)
