"""A consistent copy of the workspace through the sqlite3 backup API (a temporary file beside
``dest``, renamed when complete; a read-only workspace is copied through a read-only connection)."""

from __future__ import annotations

from pathlib import Path

from vendordesk.errors import UserError
from vendordesk.ops.base import Cancelled, OpResult, Progress, never_cancelled, no_progress
from vendordesk.store import Workspace, open_workspace
from vendordesk.text import texts


def backup(workspace: Workspace | Path | str, dest: Path, lang: str = "en", progress: Progress = no_progress,
           cancelled: Cancelled = never_cancelled) -> OpResult[int]:
    """Copy the workspace to ``dest`` (which must not exist); the value is ``dest``'s size in bytes."""
    from vendordesk.store.backup import copy_to, open_read_only
    from vendordesk.store.sqlite_errors import WorkspaceReadOnly

    _ = texts(lang)
    dest = Path(dest).expanduser()
    if dest.exists():
        raise UserError(_("The backup target {file} already exists. Nothing was written. "
                          "Choose a new file name or delete the old backup first.", file=dest))
    if not dest.parent.exists():
        raise UserError(_("Cannot write the backup {file}: the folder {folder} does not exist.",
                          file=dest, folder=dest.parent))
    if isinstance(workspace, Workspace):
        workspace.backup(dest)
        return OpResult(dest.stat().st_size)
    path = Path(workspace).expanduser()
    try:
        ws = open_workspace(path)
    except WorkspaceReadOnly:
        conn = open_read_only(path)
        try:
            copy_to(conn, dest)
        finally:
            conn.close()
    else:
        with ws:
            ws.backup(dest)
    return OpResult(dest.stat().st_size)
