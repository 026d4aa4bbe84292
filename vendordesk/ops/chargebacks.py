"""Import a chargeback or shortage export the user chose in the Tickets tab: ingest reads and
validates it, the store writes it in one transaction (a refused file leaves the workspace as it was)."""

from __future__ import annotations

from pathlib import Path

from vendordesk.changes import Changes
from vendordesk.ops.base import Cancelled, OpResult, Progress, never_cancelled, no_progress
from vendordesk.ops.workspace import Workspace
from vendordesk.store.chargebacks_write import ImportResult, write_chargebacks


def import_chargebacks(ws: Workspace, file: Path | str, progress: Progress = no_progress,
                       cancelled: Cancelled = never_cancelled) -> OpResult[ImportResult]:
    """The value counts the rows inserted and updated; ``UserError`` when the file is refused."""
    from vendordesk.ingest.chargebacks import read_file
    from vendordesk.ingest.detect import file_hash
    from vendordesk.store.facts import import_context

    report = read_file(file, import_context(ws))
    result = write_chargebacks(ws, report, file_hash(file))
    return OpResult(result, Changes(tickets=True), tuple(result.warnings))
