"""An op's workspace argument: a path (the op opens and closes it) or an open ``Workspace``."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from vendordesk.store import Workspace, open_workspace

WorkspaceArg = Workspace | Path | str

__all__ = ["Workspace", "WorkspaceArg", "opened"]


@contextlib.contextmanager
def opened(workspace: WorkspaceArg, create: bool = False) -> Iterator[Workspace]:
    """The open workspace; one opened here from a path is closed again on the way out."""
    if isinstance(workspace, Workspace):
        yield workspace
        return
    with open_workspace(Path(workspace).expanduser(), create=create) as ws:
        yield ws
