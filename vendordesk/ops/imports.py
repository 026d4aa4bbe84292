"""Import report files: each is read and validated by ingest and written by the store in its own
transaction (a refused file leaves the workspace as it was).

A Vendor Central facts export is written while it is read (store.facts_stream.FactWriter is the
reader's sink), so a file of any size is imported in flat memory; everything else is read whole,
then written (store.facts.write_report).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from vendordesk.changes import Changes
from vendordesk.ops.base import Cancelled, OpResult, Progress, never_cancelled, no_progress
from vendordesk.ops.workspace import WorkspaceArg, opened
from vendordesk.store import Workspace


def import_file(ws: Workspace | None, file: Path, period: tuple[str, str] | None = None, dry_run: bool = False,
                progress: Progress = no_progress, cancelled: Cancelled = never_cancelled) -> OpResult[dict[str, object]]:
    """Read (and unless ``dry_run`` write) one file; ``UserError`` when refused. ``ws`` may be None
    for a dry run without a workspace. The value is the report's summary plus ``import_id`` and
    ``path``; the warnings are the reader's."""
    with _cycles_not_collected():
        return _import(ws, file, period, dry_run, progress)


@contextmanager
def _cycles_not_collected() -> Iterator[None]:
    """Python's cyclic collector paused while one file is read and written (the command's own process).

    A reader makes hundreds of thousands of JSON objects and row tuples that live until their chunk
    is written, none in a reference cycle; each pass of the collector walks them and everything
    imported before, and finds nothing: 15 % of the CPU of reading SP-API documents of 30,000 records.
    Reference counting frees them as before; anything cyclic is collected once the file is done.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _import(ws: Workspace | None, file: Path, period: tuple[str, str] | None, dry_run: bool,
            progress: Progress) -> OpResult[dict[str, object]]:
    from vendordesk.ingest.detect import file_hash, read_report
    from vendordesk.ingest.vc_sink import Discard
    from vendordesk.store.facts import import_context, write_report
    from vendordesk.store.facts_stream import FactWriter

    context = import_context(ws, period)
    report_id = None
    if dry_run:
        report = read_report(file, context, sink=Discard())
    else:
        if ws is None:
            raise ValueError("import_file writes into an open workspace; ws=None is for a dry run")
        digest = file_hash(file)
        with FactWriter(ws, digest, progress) as writer:
            report = read_report(file, context, sink=writer)
            report_id = writer.finish(report) if writer.started else None
        if report_id is None:
            report_id = write_report(ws, report, digest, progress=progress)
    summary = report.summary() | {"import_id": report_id, "path": str(file)}
    changes = Changes() if dry_run else Changes(facts=True)
    return OpResult(summary, changes, tuple(summary.get("warnings") or ()))


# --- File › Import history ----------------------------------------------------------------------
def list_imports(workspace: WorkspaceArg) -> list[dict[str, Any]]:
    """Every recorded import, newest first, with warnings decoded (``store.facts.list_imports``)."""
    from vendordesk.store.facts import list_imports as stored

    with opened(workspace) as ws:
        return stored(ws)


def facts_owned(workspace: WorkspaceArg, import_id: int) -> int:
    """How many fact rows still carry this import's id."""
    from vendordesk.store.facts import facts_owned as stored

    with opened(workspace) as ws:
        return stored(ws, import_id)


def undo_import_at(path: Path, import_id: int) -> int:
    """Undo an import on a connection of its own (for a worker thread); the rows removed."""
    from vendordesk.store import open_workspace
    from vendordesk.store.facts import undo_import

    with open_workspace(path) as ws:
        return undo_import(ws, import_id)


def child_environment() -> dict[str, str]:
    """The environment of the window's own ``vendordesk import`` child: this one works under the
    window's workspace guard (``store.locks.CHILD_OF_WINDOW``), so its lock must not refuse it."""
    import os

    from vendordesk.store.locks import CHILD_OF_WINDOW

    return dict(os.environ, **{CHILD_OF_WINDOW: "1"})
