"""``vendordesk backup DEST``: a consistent copy through the sqlite3 backup API.

The copy is written to a temporary file beside DEST and renamed when complete; a failure
(full disk, read-only folder) leaves no file behind. A read-only workspace is copied through
a read-only connection.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from vendordesk.commands.common import add_workspace_arg, open_from_args, printable, workspace_path
from vendordesk.errors import UserError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("backup", help="copy the workspace to DEST")
    add_workspace_arg(parser)
    parser.add_argument("dest", metavar="DEST", help="the backup file to write (must not exist)")
    parser.set_defaults(func=run)


def _copy_read_only(path: Path, dest: Path) -> None:
    from vendordesk.store.backup import copy_to, open_read_only

    conn = open_read_only(path)
    try:
        copy_to(conn, dest)
    finally:
        conn.close()


def run(args: argparse.Namespace) -> int:
    from vendordesk.store.sqlite_errors import WorkspaceReadOnly

    dest = Path(args.dest).expanduser()
    if dest.exists():
        raise UserError(f"The backup target {dest} already exists. Nothing was written. "
                        "Choose a new file name or delete the old backup first.")
    if not dest.parent.exists():
        raise UserError(f"Cannot write the backup {dest}: the folder {dest.parent} does not exist.")
    try:
        ws = open_from_args(args)
    except WorkspaceReadOnly:
        _copy_read_only(workspace_path(args), dest)
    else:
        with ws:
            ws.backup(dest)
    print(printable(f"Backup written: {dest} ({dest.stat().st_size:,} bytes)"))
    return 0
