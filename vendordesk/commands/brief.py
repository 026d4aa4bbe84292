"""``vendordesk brief [--workspace PATH] KIND [ID] --out FILE.pdf [--lang de|en]``.

KIND ``negotiation`` needs the case ID; KIND ``management`` takes ``--from``/``--to`` and is
rendered by ``vendordesk.ui.management_brief``. Rendering uses Qt (offscreen without a display).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import os
import sys
from pathlib import Path

from vendordesk.commands.common import add_workspace_arg, open_from_args
from vendordesk.errors import UserError

KINDS = ("negotiation", "management")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("brief", help="write a printable brief (PDF)")
    add_workspace_arg(parser)
    parser.add_argument("kind", choices=KINDS)
    parser.add_argument("id", nargs="?", metavar="ID", help="the negotiation case id")
    parser.add_argument("--out", required=True, metavar="FILE.pdf")
    parser.add_argument("--lang", choices=("de", "en"), default=None, help="language of the brief (default: de)")
    parser.add_argument("--from", dest="start", metavar="DATE", help="management brief: first day (YYYY-MM-DD)")
    parser.add_argument("--to", dest="end", metavar="DATE", help="management brief: last day (YYYY-MM-DD)")
    parser.set_defaults(func=run)


def _date(text: str | None, option: str) -> str | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise UserError(f"{option} {text!r}: not a date. Use YYYY-MM-DD.") from None


def _out_path(text: str) -> Path:
    out = Path(text).expanduser()
    if out.suffix.lower() != ".pdf":
        raise UserError(f"--out {text}: the brief is a PDF. Give a file name ending in .pdf.")
    if not out.parent.exists():
        raise UserError(f"--out {text}: the folder {out.parent} does not exist. Create it or choose another.")
    return out


def _qt_app():
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY") and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(sys.argv[:1])


def run(args: argparse.Namespace) -> int:
    out = _out_path(args.out)
    lang = args.lang or "de"
    if args.kind == "negotiation":
        if not args.id:
            raise UserError("brief negotiation: the case ID is missing. Run `vendordesk negotiation list` to see the ids.")
        from vendordesk.commands.negotiation import case_id

        number = case_id(args.id)
        app = _qt_app()  # noqa: F841 - keeps the QApplication alive while rendering
        from vendordesk.ui.negotiation.brief import render_negotiation_pdf

        with open_from_args(args) as ws:
            render_negotiation_pdf(ws, number, out, lang)
    else:
        start, end = _date(args.start, "--from"), _date(args.end, "--to")
        try:
            module = importlib.import_module("vendordesk.ui.management_brief")
        except ModuleNotFoundError as exc:
            if exc.name and not exc.name.startswith("vendordesk.ui.management_brief"):
                raise
            raise UserError("brief management: not available in this version.") from exc
        app = _qt_app()  # noqa: F841
        with open_from_args(args) as ws:
            module.render_management_pdf(ws, out, lang, start, end)
    print(f"Brief written: {out}")
    return 0
