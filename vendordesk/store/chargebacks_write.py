"""Writing a parsed chargeback / shortage file (ingest.chargebacks) into the ticket log, in one transaction.

Rows with an ID already imported are updated (no double counting); dispute status, dispute
count, recovered money, the linked case and the note entered by hand are kept on re-import.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from vendordesk.store.db import Workspace

KEEP_ON_REIMPORT = ("dispute_status", "dispute_count", "recovered_amount", "case_id", "note")


@dataclass
class ImportResult:
    inserted: int = 0
    updated: int = 0
    import_id: int | None = None
    warnings: list[str] = field(default_factory=list)


class ChargebackRows(Protocol):
    """What is written: ingest.chargebacks.ChargebackReport (the store does not import ingest)."""

    file_name: str
    warnings: list[str]
    rows: list[dict[str, Any]]


def write_chargebacks(ws: Workspace, report: ChargebackRows, file_hash: str | None = None,
                      progress: Callable[[float], None] | None = None) -> ImportResult:
    """Store ``report.rows`` (dicts of chargebacks columns) and its report_imports record."""
    rows = report.rows
    result = ImportResult(warnings=list(report.warnings))
    with ws.transaction() as conn:
        result.import_id = conn.execute(
            "INSERT INTO report_imports(source, file_name, file_hash, report_type, row_count, warnings_json, "
            "imported_at) VALUES ('csv', ?, ?, 'chargebacks', ?, ?, ?)",
            (report.file_name, file_hash, len(rows), json.dumps(report.warnings),
             dt.datetime.now().isoformat(timespec="seconds")),
        ).lastrowid
        for i, source in enumerate(rows):
            row = dict(source, import_id=result.import_id)
            existing = row.get("external_id") and conn.execute(
                "SELECT id FROM chargebacks WHERE external_id = ?", (row["external_id"],)).fetchone()
            if existing:
                fresh = {k: v for k, v in row.items() if k not in KEEP_ON_REIMPORT}
                conn.execute(f"UPDATE chargebacks SET {', '.join(f'{k} = ?' for k in fresh)} WHERE id = ?",
                             (*fresh.values(), existing[0]))
                result.updated += 1
            else:
                conn.execute(f"INSERT INTO chargebacks({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                             tuple(row.values()))
                result.inserted += 1
            if progress and i % 500 == 0:
                progress(i / max(len(rows), 1))
    if progress:
        progress(1.0)
    return result
