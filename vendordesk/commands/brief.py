"""``vendordesk brief KIND ... --out FILE.pdf [--lang de|en]``: a printable brief as PDF.

- ``brief negotiation ID --audience amazon|internal --out FILE.pdf`` (no default audience);
- ``brief management --out FILE.pdf [--from DATE --to DATE]``;
- ``brief department NAME --out FILE.pdf`` (marketing, logistics, production, finance, ...).

Each kind is its own subparser, so positional and optional arguments may come in any order
(``brief negotiation --workspace W 1 --out x.pdf``). Rendering uses Qt (offscreen without a display).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from vendordesk.commands.common import add_workspace_arg, language, open_from_args, printable
from vendordesk.errors import UserError
from vendordesk.text import N_, NP_, Message, texts

AUDIENCE_HELP = N_("amazon = the brief to hand to Amazon's vendor manager (request, cost drivers, new cost per ASIN, "
                 "timing, what we offer; none of our floor, target, scenarios, own cost or margin); "
                 "internal = our own preparation with everything (scenarios, floor, Net PPM, CRaP risk, our margin, "
                 "levers, checklist)")


def _common(parser: argparse.ArgumentParser) -> None:
    add_workspace_arg(parser)
    parser.add_argument("--out", required=True, metavar=NP_("metavar", "FILE.pdf"))
    parser.add_argument("--lang", choices=("de", "en"), default=argparse.SUPPRESS,
                        help=N_("language of the brief (default: de)"))


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("brief", help=N_("write a printable brief (PDF)"))
    add_workspace_arg(parser)
    kinds = parser.add_subparsers(dest="kind", metavar=NP_("metavar", "KIND"), required=True)
    neg = kinds.add_parser("negotiation", help=N_("a price-increase case, for Amazon or for us"))
    neg.add_argument("id", metavar=NP_("metavar", "ID"), help=N_("the negotiation case id (vendordesk negotiation list)"))
    neg.add_argument("--audience", choices=("amazon", "internal"), default=None, help=AUDIENCE_HELP)
    _common(neg)
    neg.set_defaults(func=run_negotiation)
    man = kinds.add_parser("management", help=N_("why revenue and margin moved (for the boss)"))
    man.add_argument("--from", dest="start", metavar=NP_("metavar", "DATE"),
                     help=N_("first day (2026-03-01 or 01.03.2026)"))
    man.add_argument("--to", dest="end", metavar=NP_("metavar", "DATE"), help=N_("last day (2026-03-01 or 01.03.2026)"))
    _common(man)
    man.set_defaults(func=run_management)
    dep = kinds.add_parser("department", help=N_("what we need from one department, by when and why"))
    dep.add_argument("name", metavar=NP_("metavar", "NAME"), help=N_("department id or name: marketing, logistics, production, finance, ..."))
    _common(dep)
    dep.set_defaults(func=run_department)


def _date(text: str | None, option: str, args: argparse.Namespace) -> str | None:
    """``text`` (2026-03-01 or 01.03.2026) as an ISO day; refused naming ``option``."""
    from vendordesk.ops.tickets import iso_date

    return iso_date(option, text, language(args))


def _written(out: Path, args: argparse.Namespace) -> None:
    _ = texts(language(args))
    print(printable(_("Brief written: {file}", file=out)))


def _out_path(text: str) -> Path:
    out = Path(text).expanduser()
    if out.suffix.lower() != ".pdf":
        raise UserError(N_("--out {file}: the brief is a PDF. Give a file name ending in .pdf."), file=text)
    if not out.parent.exists():
        raise UserError(N_("--out {file}: the folder {folder} does not exist. Create it or choose another."),
                        file=text, folder=out.parent)
    return out


def _lang(args) -> str:
    return getattr(args, "lang", None) or "de"


def _qt_app():
    """A QGuiApplication (fonts, painting, PDF): no widgets are needed to write a brief."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY") and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication(sys.argv[:1])


def run_negotiation(args: argparse.Namespace) -> int:
    if args.audience is None:
        raise UserError(N_("brief negotiation: say who the brief is for with --audience amazon or --audience "
                           "internal. {audiences}."), audiences=Message(AUDIENCE_HELP))
    out = _out_path(args.out)
    from vendordesk.commands.negotiation import case_id

    number = case_id(args.id)
    with open_from_args(args) as ws:
        from vendordesk.ops.negotiation import analyse_negotiation

        analysis = analyse_negotiation(ws, number).value
        app = _qt_app()  # noqa: F841 - keeps the QApplication alive while rendering
        from vendordesk.ops.negotiation import account_facts
        from vendordesk.ui.negotiation.brief import write_pdf

        write_pdf(analysis, _lang(args), account_facts(ws, analysis.case.asins), out, args.audience)
    _written(out, args)
    return 0


def run_management(args: argparse.Namespace) -> int:
    out = _out_path(args.out)
    start, end = _date(args.start, "--from", args), _date(args.end, "--to", args)
    app = _qt_app()  # noqa: F841
    from vendordesk.ui.briefs.management_brief import render_management_pdf

    with open_from_args(args) as ws:
        render_management_pdf(ws, out, _lang(args), start, end)
    _written(out, args)
    return 0


def run_department(args: argparse.Namespace) -> int:
    out = _out_path(args.out)
    from vendordesk.ops.department_brief import department_html

    with open_from_args(args) as ws:
        html, title = department_html(ws, args.name, _lang(args))
    app = _qt_app()  # noqa: F841
    from vendordesk.ui.printing import html_to_pdf

    html_to_pdf(html, out, title=title)
    _written(out, args)
    return 0
