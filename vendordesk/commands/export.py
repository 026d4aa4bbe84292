"""``vendordesk export KIND --out FILE.csv|.xlsx``: tables out of the workspace.

Each kind maps to a function ``frame(workspace) -> pandas.DataFrame`` in the module that owns that
data; the facts are streamed instead (any size, flat memory). The export is
``vendordesk.ops.exports.export``, which the window uses too. XLSX headers follow ``--lang`` (before or after
the subcommand), else the app's language setting, else the system's.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from vendordesk.commands.common import (  # noqa: F401 - TerminalProgress: its old home
    TerminalProgress,
    add_lang_arg,
    add_workspace_arg,
    language,
    printable,
    progress_line,
    workspace_path,
)
from vendordesk.ops.exports import EXPORTERS, export
from vendordesk.text import N_, NP_, formatter, texts


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("export", help=N_("write facts, tickets, chargebacks, tasks, forecast or gears to CSV/XLSX"))
    add_workspace_arg(parser)
    parser.add_argument("kind", choices=sorted(EXPORTERS))
    parser.add_argument("--out", required=True, metavar=NP_("metavar", "FILE"), help=N_("FILE.csv (for scripts) or FILE.xlsx (for people)"))
    add_lang_arg(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    out = Path(args.out).expanduser()
    lang = language(args)
    _ = texts(lang)
    with progress_line(_("Exporting {kind} to {file}", kind=args.kind, file=out.name)) as progress:
        rows = export(workspace_path(args), args.kind, out, lang, progress).value
    print(printable(_.ngettext("{n} row written to {file}", "{n} rows written to {file}", rows,
                               n=formatter(lang).number(rows), file=out)))
    return 0
