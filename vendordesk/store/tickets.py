"""Cases, their timeline and links, chargebacks, departments and delegated tasks (sqlite3 only).

Deletes return a snapshot (plain dict) that ``restore_*`` writes back: that is the undo.
The ``*_frame`` functions feed the table views and ``vendordesk export``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from vendordesk.core.tickets import DEPARTMENTS
from vendordesk.errors import UserError

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    import pandas as pd

    from vendordesk.store.db import Workspace

    Cells = npt.NDArray[np.object_]   # a query's rows x columns, as fetched

Record = dict[str, Any]            # one table row by column name, values as sqlite3 returns them
Values = Mapping[str, Any]         # fields to write, by column name (plus asins/pos/invoices for a case)

CASE_FIELDS = ("case_id", "subject", "category", "status", "opened_on", "last_contact_on", "next_follow_up",
               "escalation_level", "gear", "owner_department", "resolved_on", "notes")
CB_FIELDS = ("external_id", "kind", "type", "issue_group", "po_number", "asin", "invoice_number", "amount",
             "currency", "raised_on", "dispute_due", "dispute_count", "dispute_status", "recovered_amount",
             "case_id", "note", "import_id")
TASK_FIELDS = ("title", "reason", "department_id", "assignee", "gear", "case_id", "asin", "created_on",
               "due_on", "status", "done_on")
LINK_KINDS = ("asin", "po", "invoice")


class DuplicateCase(UserError):
    """A case with this ID exists; the caller may offer to merge."""

    def __init__(self, case_id: str):
        super().__init__(f"case_id {case_id}: a case with this ID already exists. "
                         "Merge into it (update) or use another ID.")
        self.case_id = case_id


def _rows(conn: sqlite3.Connection, sql: str, params: tuple[object, ...] = ()) -> list[Record]:
    cursor = conn.execute(sql, params)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _new_id(cursor: sqlite3.Cursor) -> int:
    """The rowid the INSERT on ``cursor`` just wrote (sqlite3 sets it after every INSERT)."""
    return int(cast(int, cursor.lastrowid))


# --- departments -------------------------------------------------------------------------
def ensure_departments(ws: Workspace) -> None:
    """Seed the seven default departments once (names stay editable)."""
    if ws.conn.execute("SELECT COUNT(*) FROM departments").fetchone()[0]:
        return
    with ws.transaction() as conn:
        conn.executemany("INSERT OR IGNORE INTO departments(id, name_de, name_en) VALUES (?, ?, ?)",
                         [(key, de, en) for key, (de, en) in DEPARTMENTS.items()])


def departments(ws: Workspace) -> list[Record]:
    ensure_departments(ws)
    return _rows(ws.conn, "SELECT id, name_de, name_en FROM departments ORDER BY id")


# --- cases -------------------------------------------------------------------------------
def case_ids(ws: Workspace) -> set[str]:
    return {row[0] for row in ws.conn.execute("SELECT case_id FROM tickets")}


def case_subjects(ws: Workspace) -> list[tuple[str, str]]:
    """(case ID, subject) of every case, newest first (the global search's list)."""
    return [(str(r[0]), r[1] or "") for r in ws.conn.execute(
        "SELECT case_id, subject FROM tickets ORDER BY opened_on DESC")]


def known_asins(ws: Workspace) -> set[str]:
    return {row[0] for row in ws.conn.execute("SELECT asin FROM products")}


def get_case(ws: Workspace, case_id: str) -> Record | None:
    rows = _rows(ws.conn, "SELECT * FROM tickets WHERE case_id = ?", (case_id,))
    if not rows:
        return None
    case = rows[0]
    for kind in LINK_KINDS:
        case[kind + "s"] = [r[0] for r in ws.conn.execute(
            "SELECT ref FROM ticket_links WHERE case_id = ? AND kind = ? ORDER BY ref", (case_id, kind))]
    return case


def _case_values(values: Values) -> Record:
    out = {k: values.get(k) for k in CASE_FIELDS if k in values}
    out["status"] = out.get("status") or "open"
    out["escalation_level"] = int(out.get("escalation_level") or 0)
    return out


def _write_links(conn: sqlite3.Connection, case_id: str, values: Values, replace: bool) -> None:
    for kind in LINK_KINDS:
        refs = values.get(kind + "s")
        if refs is None:
            continue
        if replace:
            conn.execute("DELETE FROM ticket_links WHERE case_id = ? AND kind = ?", (case_id, kind))
        conn.executemany("INSERT OR IGNORE INTO ticket_links(case_id, kind, ref) VALUES (?, ?, ?)",
                         [(case_id, kind, ref.strip()) for ref in refs if ref and ref.strip()])


def add_case(ws: Workspace, values: Values) -> str:
    """Insert a case (+ links); DuplicateCase when the ID exists."""
    row = _case_values(values)
    case_id = str(row["case_id"]).strip()
    row["case_id"] = case_id
    ensure_departments(ws)
    with ws.transaction() as conn:
        if conn.execute("SELECT 1 FROM tickets WHERE case_id = ?", (case_id,)).fetchone():
            raise DuplicateCase(case_id)
        cols = ", ".join(row)
        conn.execute(f"INSERT INTO tickets({cols}) VALUES ({', '.join('?' * len(row))})", tuple(row.values()))
        _write_links(conn, case_id, values, replace=False)
    return case_id


def update_case(ws: Workspace, case_id: str, values: Values, merge: bool = False) -> None:
    """Change fields (and links). ``merge``: only non-empty values, links are added not replaced."""
    row = {k: v for k, v in values.items() if k in CASE_FIELDS and k != "case_id"}
    if merge:
        row = {k: v for k, v in row.items() if v not in (None, "")}
    with ws.transaction() as conn:
        if row:
            sets = ", ".join(f"{k} = ?" for k in row)
            conn.execute(f"UPDATE tickets SET {sets} WHERE case_id = ?", (*row.values(), case_id))
        new_id = values.get("case_id")
        if new_id and new_id != case_id and not merge:
            conn.execute("UPDATE tickets SET case_id = ? WHERE case_id = ?", (new_id, case_id))
            case_id = new_id
        _write_links(conn, case_id, values, replace=not merge)


def case_snapshot(ws: Workspace, case_id: str) -> Record:
    """What ``restore_case`` needs to put the case back as it is now (links, events, references)."""
    return {"case": get_case(ws, case_id), "events": list_events(ws, case_id),
            "chargebacks": [r[0] for r in ws.conn.execute("SELECT id FROM chargebacks WHERE case_id = ?",
                                                          (case_id,))],
            "tasks": [r[0] for r in ws.conn.execute("SELECT id FROM tasks WHERE case_id = ?", (case_id,))]}


def row_snapshot(ws: Workspace, table: str, row_id: int) -> Record:
    """A chargeback's or task's row as it is now (``table``: "chargebacks" or "tasks"); {} if gone."""
    if table not in ("chargebacks", "tasks"):
        raise ValueError(table)
    rows = _rows(ws.conn, f"SELECT * FROM {table} WHERE id = ?", (row_id,))
    return rows[0] if rows else {}


def delete_case(ws: Workspace, case_id: str) -> Record:
    """Delete a case; returns the snapshot for ``restore_case`` (links, events, references)."""
    snapshot = case_snapshot(ws, case_id)
    with ws.transaction() as conn:
        conn.execute("DELETE FROM tickets WHERE case_id = ?", (case_id,))
    return snapshot


def restore_case(ws: Workspace, snapshot: Values) -> None:
    case = dict(snapshot["case"])
    case_id = case["case_id"]
    row = {k: case.get(k) for k in CASE_FIELDS}
    with ws.transaction() as conn:
        conn.execute(f"INSERT INTO tickets({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                     tuple(row.values()))
        _write_links(conn, case_id, case, replace=False)
        conn.executemany("INSERT INTO ticket_events(id, case_id, happened_on, kind, text) VALUES (?, ?, ?, ?, ?)",
                         [(e["id"], case_id, e["happened_on"], e["kind"], e["text"]) for e in snapshot["events"]])
        conn.executemany("UPDATE chargebacks SET case_id = ? WHERE id = ?",
                         [(case_id, i) for i in snapshot["chargebacks"]])
        conn.executemany("UPDATE tasks SET case_id = ? WHERE id = ?", [(case_id, i) for i in snapshot["tasks"]])


# --- timeline ----------------------------------------------------------------------------
def add_event(ws: Workspace, case_id: str, happened_on: str, kind: str, text: str, touch: bool = True) -> int:
    """Add a contact/note; contacts also move the case's last contact date forward."""
    with ws.transaction() as conn:
        cur = conn.execute("INSERT INTO ticket_events(case_id, happened_on, kind, text) VALUES (?, ?, ?, ?)",
                           (case_id, happened_on, kind, text))
        if touch and kind.startswith("contact"):
            conn.execute("UPDATE tickets SET last_contact_on = ? WHERE case_id = ? AND "
                         "(last_contact_on IS NULL OR last_contact_on < ?)", (happened_on, case_id, happened_on))
    return _new_id(cur)


def list_events(ws: Workspace, case_id: str) -> list[Record]:
    return _rows(ws.conn, "SELECT id, case_id, happened_on, kind, text FROM ticket_events "
                          "WHERE case_id = ? ORDER BY happened_on, id", (case_id,))


# --- chargebacks and tasks (same pattern) -----------------------------------------------
def _insert(conn: sqlite3.Connection, table: str, fields: tuple[str, ...], values: Values) -> int:
    row = {k: values[k] for k in fields if k in values}
    if "id" in values and values["id"] is not None:
        row = {"id": values["id"], **row}
    cur = conn.execute(f"INSERT INTO {table}({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                       tuple(row.values()))
    return _new_id(cur)


def _update(ws: Workspace, table: str, fields: tuple[str, ...], row_id: int, values: Values) -> None:
    row = {k: v for k, v in values.items() if k in fields}
    if row:
        with ws.transaction() as conn:
            conn.execute(f"UPDATE {table} SET {', '.join(f'{k} = ?' for k in row)} WHERE id = ?",
                         (*row.values(), row_id))


def _delete(ws: Workspace, table: str, row_id: int) -> Record:
    snapshot = _rows(ws.conn, f"SELECT * FROM {table} WHERE id = ?", (row_id,))
    with ws.transaction() as conn:
        conn.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))
    return snapshot[0] if snapshot else {}


def add_chargeback(ws: Workspace, values: Values) -> int:
    with ws.transaction() as conn:
        return _insert(conn, "chargebacks", CB_FIELDS, values)


def update_chargeback(ws: Workspace, cb_id: int, values: Values) -> None:
    _update(ws, "chargebacks", CB_FIELDS, cb_id, values)


def delete_chargeback(ws: Workspace, cb_id: int) -> Record:
    return _delete(ws, "chargebacks", cb_id)


def restore_chargeback(ws: Workspace, snapshot: Values) -> None:
    with ws.transaction() as conn:
        _insert(conn, "chargebacks", CB_FIELDS, snapshot)


def add_task(ws: Workspace, values: Values) -> int:
    ensure_departments(ws)
    with ws.transaction() as conn:
        return _insert(conn, "tasks", TASK_FIELDS, values)


def update_task(ws: Workspace, task_id: int, values: Values) -> None:
    _update(ws, "tasks", TASK_FIELDS, task_id, values)


def delete_task(ws: Workspace, task_id: int) -> Record:
    return _delete(ws, "tasks", task_id)


def restore_task(ws: Workspace, snapshot: Values) -> None:
    with ws.transaction() as conn:
        _insert(conn, "tasks", TASK_FIELDS, snapshot)


# --- frames ------------------------------------------------------------------------------
# Cheaper than one LEFT JOIN ... GROUP BY ... ORDER BY: the cases come in key order (the primary-key index,
# no sort) and are put newest first in numpy; links are joined in Python. SQLite's sorter is slow on wide rows.
_TICKETS_SQL = """
SELECT case_id, subject, category, status, opened_on, last_contact_on, next_follow_up, escalation_level, gear,
       owner_department, resolved_on, '' AS asins, '' AS pos, '' AS invoices, notes
FROM tickets ORDER BY case_id
"""
_NEWEST_FIRST = " ORDER BY opened_on DESC, case_id"
_LINKS_SQL = "SELECT case_id, kind, ref FROM ticket_links ORDER BY case_id, kind, ref"


def _values(cursor: sqlite3.Cursor, chunk: int = 500) -> tuple[list[str], Cells]:
    """Column names and all rows as one 2-D object array. Fetched in small chunks so the row tuples
    die young (20,000 live tuples would be promoted and trigger full garbage collections)."""
    import numpy as np

    names = [c[0] for c in cursor.description]
    parts: list[Cells] = []
    while rows := cursor.fetchmany(chunk):
        part = np.empty((len(rows), len(names)), dtype=object)
        part[:] = rows
        parts.append(part)
    if not parts:
        return names, np.empty((0, len(names)), dtype=object)
    return names, parts[0] if len(parts) == 1 else np.concatenate(parts)


def _to_frame(names: list[str], values: Cells, numeric: tuple[str, ...] = ()) -> pd.DataFrame:
    """Text columns as plain object dtype (pandas' string dtype costs ~3x on 20k rows), in one block;
    ``numeric`` columns int64, or float64 when a value is missing (as pandas infers)."""
    import pandas as pd

    frame = pd.DataFrame(values, columns=names, dtype=object, copy=False)
    for name in numeric:
        column = frame[name].tolist()
        frame[name] = pd.Series(column, dtype="float64" if None in column else None)
    return frame


def _frame(ws: Workspace, sql: str, numeric: tuple[str, ...] = ()) -> pd.DataFrame:
    return _to_frame(*_values(ws.conn.execute(sql)), numeric)


def _fill_links(conn: sqlite3.Connection, names: list[str], values: Cells) -> None:
    """Write the space-separated refs of each link kind (in ref order) into the asins/pos/invoices columns."""
    joined: dict[str, dict[str, str]] = {}
    for case_id, kind, ref in conn.execute(_LINKS_SQL):
        refs = joined.setdefault(kind, {})
        refs[case_id] = refs[case_id] + " " + ref if case_id in refs else ref
    case_ids = values[:, names.index("case_id")].tolist() if joined else []
    for kind, refs in joined.items():
        if kind in LINK_KINDS:
            values[:, names.index(kind + "s")] = [refs.get(case_id, "") for case_id in case_ids]


def _newest_first(names: list[str], values: Cells) -> Cells | None:
    """Rows in case_id order -> the order of ``ORDER BY opened_on DESC, case_id`` (a stable sort; dates
    before '' before NULL, as in SQLite). None when an opened date is not a plain 'YYYY-MM-DD' text."""
    import numpy as np

    opened = values[:, names.index("opened_on")]
    none = np.asarray(opened == None, dtype=bool)  # noqa: E711 - numpy elementwise
    empty = np.asarray(opened == "", dtype=bool)
    dated = opened[~(none | empty)]
    try:
        if any(len(v) != 10 or v[4] != "-" or v[7] != "-" for v in dated.tolist()):
            return None
        days = dated.astype("datetime64[D]").astype(np.int64)
    except (TypeError, ValueError):   # not text, or not a valid date
        return None
    key = np.where(none, np.iinfo(np.int64).max, np.iinfo(np.int64).max - 1)
    key[~(none | empty)] = -days
    return values[np.argsort(key, kind="stable")]


def tickets_frame(ws: Workspace) -> pd.DataFrame:
    """One row per case, newest first; linked ASINs/POs/invoices space-separated; ISO date strings."""
    names, values = _values(ws.conn.execute(_TICKETS_SQL))
    ordered = _newest_first(names, values)
    if ordered is None:
        names, ordered = _values(ws.conn.execute(_TICKETS_SQL.replace(" ORDER BY case_id", _NEWEST_FIRST)))
    _fill_links(ws.conn, names, ordered)
    return _to_frame(names, ordered, numeric=("escalation_level",))


def chargebacks_frame(ws: Workspace) -> pd.DataFrame:
    frame = _frame(ws, "SELECT id, external_id, kind, type, issue_group, po_number, asin, invoice_number, amount, "
                       "currency, raised_on, invoice_date, dispute_due, dispute_count, dispute_status, recovered_amount, case_id, "
                       "note FROM chargebacks ORDER BY raised_on DESC, id",
                   numeric=("id", "amount", "dispute_count", "recovered_amount"))
    frame["amount"] = frame["amount"].astype(float)
    frame["recovered_amount"] = frame["recovered_amount"].astype(float)
    return frame


def tasks_frame(ws: Workspace) -> pd.DataFrame:
    return _frame(ws, "SELECT id, title, reason, department_id, assignee, gear, case_id, asin, created_on, due_on, "
                      "status, done_on FROM tasks ORDER BY due_on IS NULL, due_on, id", numeric=("id",))


def count_cases(ws: Workspace) -> int:
    return int(ws.conn.execute("SELECT COUNT(*) FROM tickets").fetchone()[0])


def read_frames(path: Path, progress: Callable[[float], None] | None = None,
                cancelled: Callable[[], bool] | None = None) -> dict[str, pd.DataFrame]:
    """The three frames read on a connection of its own (for a worker thread)."""
    from vendordesk.store.db import Workspace

    conn = sqlite3.connect(str(path), timeout=10.0)
    try:
        ws = Workspace(path, conn)
        frames = {"cases": tickets_frame(ws)}
        if progress:
            progress(0.6)
        frames["chargebacks"] = chargebacks_frame(ws)
        frames["tasks"] = tasks_frame(ws)
        return frames
    finally:
        conn.close()


def reminder_count(ws: Workspace, today: str, days: int = 7) -> int:
    """Follow-ups due + overdue tasks + dispute deadlines within ``days``: core.tickets.today_list's
    count (dispute due dates and shortage windows opening), answered in SQL so the tab badge can
    show before the log is loaded."""
    import datetime as dt

    limit = (dt.date.fromisoformat(today) + dt.timedelta(days=days)).isoformat()
    sql = """
    SELECT (SELECT COUNT(*) FROM tickets WHERE status != 'resolved' AND next_follow_up IS NOT NULL
                AND next_follow_up != '' AND next_follow_up <= :today)
         + (SELECT COUNT(*) FROM tasks WHERE status != 'done' AND due_on IS NOT NULL AND due_on != ''
                AND due_on < :today)
         + (SELECT COUNT(*) FROM chargebacks WHERE dispute_status NOT IN ('won', 'lost', 'accepted')
                AND NOT (kind = 'chargeback' AND dispute_count >= 2)
                AND dispute_due >= :today AND dispute_due <= :limit)
         + (SELECT COUNT(*) FROM chargebacks WHERE kind = 'shortage' AND dispute_status = 'open'
                AND date(raised_on, '+40 days') BETWEEN :today AND :limit
                AND dispute_due >= :today AND dispute_due > :limit)"""
    return int(ws.conn.execute(sql, {"today": today, "limit": limit}).fetchone()[0])
