"""Export a table of the workspace to CSV (for scripts) or XLSX (for people).

Each kind maps to a function ``frame(workspace) -> DataFrame`` of the module that owns that data;
the facts are streamed from the store instead (any size, flat memory). The writers live in
``vendordesk.exports``; in XLSX the codes read as the window's words, with the workspace's own
department names.

Cancelling stops the export at the next progress step (between two batches): no file is left
behind and a file of the same name stays as it was."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vendordesk import exports
from vendordesk.errors import Cancelled as CancelledError
from vendordesk.errors import UserError
from vendordesk.ops.base import Cancelled, OpResult, Progress, never_cancelled, no_progress
from vendordesk.ops.workspace import Workspace, WorkspaceArg, opened
from vendordesk.text import N_

if TYPE_CHECKING:     # pandas only for the annotations: the command line lists the kinds without it
    import pandas as pd

    from vendordesk.core.influence.model import WhatIf

# kind -> "module:function"; the function takes a Workspace (an op: also a path) and returns a DataFrame.
EXPORTERS = {
    "facts": "vendordesk.store.facts:facts_frame",
    "tickets": "vendordesk.store.tickets:tickets_frame",
    "chargebacks": "vendordesk.store.tickets:chargebacks_frame",
    "tasks": "vendordesk.store.tickets:tasks_frame",
    "forecast": "vendordesk.ops.forecast:forecast_frame",
    "gears": "vendordesk.ops.gears:gears_frame",
}
# the kinds whose function is an op (takes a path or the window's Workspace)
OPS_EXPORTERS = frozenset(kind for kind, target in EXPORTERS.items() if target.startswith("vendordesk.ops."))


def exporter(kind: str) -> Callable[[WorkspaceArg], pd.DataFrame]:
    """The function that reads table ``kind`` from a workspace."""
    module_name, func_name = EXPORTERS[kind].split(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        raise UserError(N_("Exporting {kind} is not available in this version."), kind=kind) from exc
    read: Callable[[WorkspaceArg], pd.DataFrame] = getattr(module, func_name)
    return read


def _steps(progress: Progress, cancelled: Cancelled) -> Progress:
    def step(fraction: float) -> None:
        progress(fraction)
        if cancelled():
            raise CancelledError()

    return step


def department_names(ws: Workspace, lang: str) -> dict[str, str]:
    """The workspace's department names in ``lang`` (id -> name)."""
    from vendordesk.core.tickets import department_name
    from vendordesk.store.tickets import departments

    return {str(d["id"]): str(department_name(d, lang)) for d in departments(ws) if d.get("name_en")}


def export(workspace: WorkspaceArg, kind: str, out: Path, lang: str = "en", progress: Progress = no_progress,
           cancelled: Cancelled = never_cancelled) -> OpResult[int]:
    """Write table ``kind`` to ``out`` (.csv or .xlsx); the value is the number of rows written."""
    from vendordesk.exports.files import check_target

    out = Path(out)
    check_target(out)
    step = _steps(progress, cancelled)
    with opened(workspace) as ws:
        if kind == "facts":
            from vendordesk.store import facts_export

            rows = exports.export_facts(ws, out, facts_export, lang, step)
        else:
            # the ops' tables get the caller's argument: given a path they read lean, one frame at a time
            frame = exporter(kind)(workspace if kind in OPS_EXPORTERS else ws)
            names = department_names(ws, lang) if kind in ("tickets", "tasks") else None
            rows = exports.write_frame(frame, out, kind, lang, step, names)
    return OpResult(rows)


def export_frame(frame: pd.DataFrame, out: Path, kind: str | None = None, lang: str = "en",
                 progress: Progress = no_progress, cancelled: Cancelled = never_cancelled,
                 workspace: WorkspaceArg | None = None) -> OpResult[int]:
    """The rows on screen (``frame``) to ``out``; the value is the number of rows written.

    ``workspace``: where the department names come from (else the default names)."""
    names = None
    if workspace is not None and kind in ("tickets", "tasks"):
        with opened(workspace) as ws:
            names = department_names(ws, lang)
    return OpResult(exports.write_frame(frame, Path(out), kind, lang, _steps(progress, cancelled), names))


def export_negotiation(analysis: Any, out: Path, lang: str = "en", progress: Progress = no_progress,
                       cancelled: Cancelled = never_cancelled) -> OpResult[int]:
    """A price-increase case's ASIN table (``analysis``: core.negotiation's result, as the window
    shows it) to ``out`` (.csv or .xlsx); the value is the number of rows written."""
    from vendordesk.exports.frames import negotiation_frame

    return export_frame(negotiation_frame(analysis), Path(out), "negotiation", lang, progress, cancelled)


def export_columns(kind: str) -> list[str]:
    """The keys of the columns ``export`` writes for table ``kind``, in their order."""
    from vendordesk.exports.columns import COLUMNS

    return [column.key for column in COLUMNS[kind]]


def export_whatif(result: WhatIf, info: dict[str, Any], out: Path, lang: str = "en") -> OpResult[Path]:
    """A what-if result to the workbook ``out`` (.xlsx, written atomically; exports.whatif.write_whatif);
    the value is the path written."""
    from vendordesk.exports.whatif import write_whatif

    return OpResult(write_whatif(result, info, out, lang))
