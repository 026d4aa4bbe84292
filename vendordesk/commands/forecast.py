"""``vendordesk forecast``: our weekly forecast per ASIN, or its holdout backtest.

    vendordesk forecast [--workspace PATH] [--horizon WEEKS] [--asin A ...] [--out FILE] [--json]
    vendordesk forecast --backtest [--holdout WEEKS] --json

The figures come from ``vendordesk.ops.forecast``; this module parses and prints.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from vendordesk.commands.common import (
    add_lang_arg,
    add_workspace_arg,
    language,
    print_json,
    printable,
    progress_line,
    workspace_path,
)
from vendordesk.errors import UserError
from vendordesk.ops.exports import export_frame
from vendordesk.ops.forecast import COLUMNS, backtest, forecast  # noqa: F401 - COLUMNS: the table's columns
from vendordesk.text import N_, NP_, formatter, texts


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("forecast", help=N_("our weekly forecast per ASIN (P50-P90) or its backtest"))
    add_workspace_arg(parser)
    add_lang_arg(parser)
    parser.add_argument("--horizon", type=int, default=26, metavar=NP_("metavar", "WEEKS"), help=N_("weeks ahead, 1-52 (default 26)"))
    parser.add_argument("--asin", nargs="+", default=None, metavar=NP_("metavar", "A"), help=N_("only these ASINs"))
    parser.add_argument("--out", metavar=NP_("metavar", "FILE"), help=N_("write FILE.csv or FILE.xlsx"))
    parser.add_argument("--json", action="store_true", help=N_("print JSON"))
    parser.add_argument("--backtest", action="store_true", help=N_("score on the last --holdout weeks"))
    parser.add_argument("--holdout", type=int, default=26, metavar=NP_("metavar", "WEEKS"), help=N_("weeks held out (default 26)"))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    lang = language(args)
    _ = texts(lang)
    if not 1 <= args.horizon <= 52:
        raise UserError(_("--horizon {n}: choose between 1 and 52 weeks.", n=args.horizon))
    if not 1 <= args.holdout <= 104:
        raise UserError(_("--holdout {n}: choose between 1 and 104 weeks.", n=args.holdout))
    out = Path(args.out).expanduser() if args.out else None
    if out is not None and out.suffix.lower() not in (".csv", ".xlsx"):
        raise UserError(_("--out {file}: the file must end in .csv or .xlsx.", file=out))
    path = workspace_path(args)
    if args.backtest:
        with progress_line(_("Backtesting the forecast of {file}", file=path.name)) as progress:
            document = backtest(path, args.holdout, progress=progress).value
        print_json(document)
        return 0
    with progress_line(_("Forecasting {file}", file=path.name)) as progress:
        frame = forecast(path, args.horizon, args.asin, progress=progress).value
    if out is not None:
        with progress_line(_("Writing {file}", file=out.name)) as progress:
            rows = export_frame(frame, out, "forecast", lang, progress).value
        print(printable(_.ngettext("{n} row written to {file}", "{n} rows written to {file}", rows,
                                   n=formatter(lang).number(rows), file=out)), file=sys.stderr if args.json else sys.stdout)
    if args.json:
        print_json(frame.to_dict(orient="records"))
    elif out is None:
        sys.stdout.write(frame.to_csv(index=False))
    return 0
