"""An op's workspace argument: a path (the op opens and closes it) or an open ``Workspace``."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from vendordesk.errors import WorkspaceError
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


def error_text(exc: BaseException, lang: str | None) -> str:
    """The message of ``exc`` in ``lang`` (``store.sqlite_errors.localized``: a workspace error is
    written again from its kind, any other shown as it was raised)."""
    from vendordesk.store.sqlite_errors import localized

    return localized(exc, lang)


def workspace_error(exc: sqlite3.Error) -> WorkspaceError | None:
    """The user-facing workspace error (busy, read-only, full, damaged …) ``exc`` stands for, or
    None: then it is a bug (``store.sqlite_errors.classify``)."""
    from vendordesk.store.sqlite_errors import classify

    return classify(exc, None)


def open_path(path: str | Path, create: bool = True) -> Workspace:
    """Open (and if needed create and migrate) the workspace at ``path`` for the caller to keep
    and close (``store.open_workspace``)."""
    return open_workspace(path, create=create)


def currency(workspace: WorkspaceArg) -> str:
    """The account's currency code (the workspace's setting; "EUR" when none is set)."""
    with opened(workspace) as ws:
        return ws.meta("currency") or "EUR"


def data_as_of(workspace: WorkspaceArg) -> str | None:
    """The newest period end over the imported sales, inventory and traffic facts
    (``store.facts_read.data_as_of``; the window's status bar)."""
    from vendordesk.store.facts_read import data_as_of as stored

    with opened(workspace) as ws:
        return stored(ws)
