"""``vendordesk backup DEST``: a consistent copy through the sqlite3 backup API."""

from __future__ import annotations

import argparse
from pathlib import Path

from vendordesk.commands.common import add_workspace_arg, open_from_args
from vendordesk.errors import UserError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("backup", help="copy the workspace to DEST")
    add_workspace_arg(parser)
    parser.add_argument("dest", metavar="DEST", help="the backup file to write (must not exist)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    dest = Path(args.dest).expanduser()
    if dest.exists():
        raise UserError(f"The backup target {dest} already exists. Nothing was written. "
                        "Choose a new file name or delete the old backup first.")
    if not dest.parent.exists():
        raise UserError(f"Cannot write the backup {dest}: the folder {dest.parent} does not exist.")
    with open_from_args(args) as ws:
        ws.backup(dest)
    print(f"Backup written: {dest} ({dest.stat().st_size:,} bytes)")
    return 0
