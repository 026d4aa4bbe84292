"""Raw SP-API report documents (table ``raw_reports``): what was requested, fetched, imported.

One row per request key. Status moves requested -> fetched -> imported, or to fatal. A
fetched document stays in the workspace, so a retry after a network failure imports it
without asking Amazon again, and a report that is still being built is polled, not re-created.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from vendordesk.store.db import Workspace

_COLUMNS = ("id", "request_key", "report_type", "marketplace_id", "options_json", "data_start", "data_end",
            "report_id", "status", "document", "error", "import_id")


@dataclass(frozen=True)
class RawReport:
    id: int
    request_key: str
    report_type: str
    marketplace_id: str
    options_json: str
    data_start: str | None
    data_end: str | None
    report_id: str | None
    status: str
    document: str | None
    error: str | None
    import_id: int | None


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def get(ws: Workspace, request_key: str) -> RawReport | None:
    row = ws.conn.execute(f"SELECT {', '.join(_COLUMNS)} FROM raw_reports WHERE request_key = ?",
                          (request_key,)).fetchone()
    return RawReport(*row) if row else None


def record_request(ws: Workspace, request_key: str, report_type: str, marketplace_id: str,
                   options_json: str, data_start: str | None, data_end: str | None, report_id: str) -> None:
    """Remember a created report (a retry polls it instead of creating a new one)."""
    with ws.transaction() as conn:
        conn.execute(
            "INSERT INTO raw_reports (request_key, report_type, marketplace_id, options_json, data_start, "
            "data_end, report_id, status, created_at, updated_at) VALUES (?,?,?,?,?,?,?, 'requested', ?, ?) "
            "ON CONFLICT(request_key) DO UPDATE SET report_id = excluded.report_id, status = 'requested', "
            "document = NULL, error = NULL, updated_at = excluded.updated_at",
            (request_key, report_type, marketplace_id, options_json, data_start, data_end, report_id,
             _now(), _now()))


def _update(ws: Workspace, request_key: str, **values: str | int | None) -> None:
    sets = ", ".join(f"{name} = ?" for name in values)
    with ws.transaction() as conn:
        conn.execute(f"UPDATE raw_reports SET {sets}, updated_at = ? WHERE request_key = ?",
                     (*values.values(), _now(), request_key))


def record_document(ws: Workspace, request_key: str, document: str) -> None:
    _update(ws, request_key, status="fetched", document=document, error=None)


def record_fatal(ws: Workspace, request_key: str, error: str) -> None:
    _update(ws, request_key, status="fatal", error=error)


def record_imported(ws: Workspace, request_key: str, import_id: int) -> None:
    _update(ws, request_key, status="imported", import_id=import_id, error=None)


def record_error(ws: Workspace, request_key: str, error: str) -> None:
    """Keep the status (the document stays) and note what went wrong."""
    _update(ws, request_key, error=error)


def last_imported_end(ws: Workspace) -> str | None:
    """The newest ``data_end`` of a report a sync imported (ISO date), or None."""
    row = ws.conn.execute("SELECT MAX(data_end) FROM raw_reports WHERE status = 'imported'").fetchone()
    return row[0] if row else None


def counts(ws: Workspace) -> dict[str, int]:
    return dict(ws.conn.execute("SELECT status, COUNT(*) FROM raw_reports GROUP BY status").fetchall())
