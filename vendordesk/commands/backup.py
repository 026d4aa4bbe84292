"""``vendordesk backup DEST``: a consistent copy through the sqlite3 backup API.

The copy is written to a temporary file beside DEST and renamed when complete; a failure
(full disk, read-only folder) leaves no file behind. A read-only workspace is copied through
a read-only connection (``vendordesk.ops.backup``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from vendordesk.commands.common import add_lang_arg, add_workspace_arg, language, printable, workspace_path
from vendordesk.ops.backup import backup
from vendordesk.text import N_, NP_, formatter, texts


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("backup", help=N_("copy the workspace to DEST"))
    add_workspace_arg(parser)
    add_lang_arg(parser)
    parser.add_argument("dest", metavar=NP_("metavar", "DEST"), help=N_("the backup file to write (must not exist)"))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    lang = language(args)
    _ = texts(lang)
    dest = Path(args.dest).expanduser()
    size = backup(workspace_path(args), dest, lang).value
    print(printable(_("Backup written: {file} ({size} bytes)", file=dest, size=formatter(lang).number(size))))
    return 0
