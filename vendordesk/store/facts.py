"""Write the facts of one import in one transaction; list, undo and export imports.

Re-importing a file, or one that overlaps, replaces the facts on the same key (upsert): it
never double counts. Only the columns a file carries are overwritten. Undo deletes what an
import still owns (facts a later import replaced belong to that later import).
A Vendor Central facts export is not written from here but while it is read (store.facts_stream,
with ``insert_import`` and ``finish_import`` from this module), so its rows are never all held.
"""

from __future__ import annotations

import datetime as dt
import json
import operator
import sqlite3
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, cast

from vendordesk.core.parsed import (
    EXTRA_COLUMNS,
    FORECAST_COLUMNS,
    KEY_COLUMNS,
    PO_COLUMNS,
    PO_LINE_COLUMNS,
    PRODUCT_COLUMNS,
    Context,
    ParsedReport,
)
from vendordesk.store.db import Workspace
from vendordesk.store.fact_series import (
    KEYED,
    SPAN_UPDATE,
    ForecastIds,
    SeriesIds,
    forecast_insert,
    forecasts_keyed,
    is_keyed,
    keyed_upsert,
    stored_in,
)

if TYPE_CHECKING:
    import pandas as pd

FACT_TABLES = ("sales_facts", "traffic_facts", "inventory_facts", "net_ppm_facts")
OWNED_TABLES = FACT_TABLES + ("extra_facts", "amazon_forecasts")
_PK = "asin, marketplace_id, distributor_view, selling_program, grain, period_start"
CHUNK = 50_000
CACHE_KB = 131072  # 128 MB page cache while importing


def upsert_sql(table: str, columns: tuple[str, ...], conflict: str, import_id: int,
                keep_existing: tuple[str, ...] = ()) -> str:
    names = ", ".join(columns + ("import_id",))
    marks = ", ".join("?" * len(columns))
    key = {c.strip() for c in conflict.split(",")}
    updates = [f"{c} = COALESCE(excluded.{c}, {c})" if c in keep_existing else f"{c} = excluded.{c}"
               for c in columns if c not in key]
    updates.append("import_id = excluded.import_id")
    return (f"INSERT INTO {table} ({names}) VALUES ({marks}, {int(import_id)}) "
            f"ON CONFLICT ({conflict}) DO UPDATE SET {', '.join(updates)}")


def _chunks(rows: list[tuple[Any, ...]], progress: Callable[[float], None] | None, done: list[int],
            total: int) -> Iterator[list[tuple[Any, ...]]]:
    for index in range(0, len(rows), CHUNK):
        yield rows[index:index + CHUNK]
        done[0] += min(CHUNK, len(rows) - index)
        if progress and total:
            progress(done[0] / total)


_IMPORT_FIELDS = ("source", "file_name", "file_hash", "report_type", "distributor_view", "selling_program",
                  "grain", "period_start", "period_end", "marketplace_id", "locale", "currency", "row_count",
                  "asin_count", "warnings_json")


def _import_values(report: ParsedReport, file_hash: str | None) -> tuple[Any, ...]:
    return (report.source, report.file_name, file_hash, report.report_type, report.distributor_view,
            report.selling_program, report.grain, report.period_start, report.period_end,
            report.marketplace_id, report.locale, report.currency, report.row_count, report.asin_count(),
            json.dumps(report.warnings, ensure_ascii=False))


def insert_import(conn: sqlite3.Connection, report: ParsedReport, file_hash: str | None) -> int:
    """The provenance row of an import (store.facts_stream fills in its counts when the rows are in)."""
    cursor = conn.execute(
        f"INSERT INTO report_imports ({', '.join(_IMPORT_FIELDS)}, imported_at) "
        f"VALUES ({', '.join('?' * len(_IMPORT_FIELDS))}, ?)",
        _import_values(report, file_hash) + (dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),))
    return int(cursor.lastrowid or 0)


def finish_import(conn: sqlite3.Connection, report: ParsedReport, import_id: int, file_hash: str | None) -> None:
    """After a streamed import's rows: its record, the snapshot, the account defaults, an earlier copy."""
    conn.execute(f"UPDATE report_imports SET ({', '.join(_IMPORT_FIELDS)}) = "
                 f"({', '.join('?' * len(_IMPORT_FIELDS))}) WHERE id = ?",
                 _import_values(report, file_hash) + (import_id,))
    _invalidate_snapshot(conn)
    _remember_account_defaults(conn, report)
    if file_hash:
        _drop_earlier_same_file(conn, file_hash, import_id)


def write_report(ws: Workspace, report: ParsedReport, file_hash: str | None = None,
                 progress: Callable[[float], None] | None = None) -> int:
    """Store one parsed report in ONE transaction and return its import id.

    ``progress(fraction)`` may raise (e.g. Cancelled); the transaction then rolls back.
    """
    if report.report_type == "chargebacks":
        from vendordesk.store.chargebacks_write import ChargebackRows, write_chargebacks

        chargebacks = cast(ChargebackRows, report)   # only ingest.chargebacks reports this type
        written = write_chargebacks(ws, chargebacks, file_hash, progress).import_id
        if written is None:
            raise RuntimeError("write_chargebacks recorded no import")
        return written
    total = report.row_count + len(report.extras) + len(report.products) or 1
    done = [0]
    conn = ws.conn
    # The import row is written in the same transaction, so every import_id is valid by
    # construction; per-row foreign-key lookups would double the time of big imports.
    foreign_keys = conn.execute("PRAGMA foreign_keys").fetchone()[0]
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute(f"PRAGMA cache_size = -{CACHE_KB}")
    try:
        import_id = _write_all(ws, report, file_hash, progress, done, total)
    finally:
        conn.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
    if progress:
        progress(1.0)
    return import_id


def _write_all(ws: Workspace, report: ParsedReport, file_hash: str | None,
               progress: Callable[[float], None] | None, done: list[int], total: int) -> int:
    with ws.transaction() as conn:
        import_id = insert_import(conn, report, file_hash)
        series = SeriesIds(conn) if is_keyed(conn) else None
        for table, block in report.blocks.items():
            block.rows.sort(key=_key_of)  # key order keeps B-tree inserts local
            if table in KEYED and series is not None:
                updates = [SPAN_UPDATE, *(f"{c} = excluded.{c}" for c in block.columns), "import_id = excluded.import_id"]
                sql = keyed_upsert(table, block.columns, updates, import_id)
                for chunk in _chunks(block.rows, progress, done, total):
                    conn.executemany(sql, series.spanned(chunk))
                continue
            sql = upsert_sql(table, KEY_COLUMNS + block.columns, _PK, import_id)
            for chunk in _chunks(block.rows, progress, done, total):
                conn.executemany(sql, chunk)
        if report.extras:
            sql = upsert_sql("extra_facts", EXTRA_COLUMNS, _PK + ", metric", import_id)
            for chunk in _chunks(report.extras, progress, done, total):
                conn.executemany(sql, chunk)
        if report.forecasts and forecasts_keyed(conn):      # schema 10: by series id (store.fact_series)
            sql, ids = forecast_insert(import_id, keep_existing=True), ForecastIds(conn)
            for chunk in _chunks(report.forecasts, progress, done, total):
                conn.executemany(sql, ids.keyed(chunk))
        elif report.forecasts:
            sql = upsert_sql("amazon_forecasts", FORECAST_COLUMNS,
                              "asin, marketplace_id, selling_program, generation_date, week_start", import_id,
                              keep_existing=FORECAST_COLUMNS[6:])  # one statistic per export file
            for chunk in _chunks(report.forecasts, progress, done, total):
                conn.executemany(sql, chunk)
        _write_products(conn, report)
        _write_purchase_orders(conn, report, import_id)
        _invalidate_snapshot(conn)
        _remember_account_defaults(conn, report)
        if file_hash:  # the same file again: its earlier record is replaced, not duplicated
            _drop_earlier_same_file(conn, file_hash, import_id)
    return import_id


def _invalidate_snapshot(conn: sqlite3.Connection) -> None:
    from vendordesk.store.facts_snapshot import invalidate

    invalidate(conn)


def _remember_account_defaults(conn: sqlite3.Connection, report: ParsedReport) -> None:
    """A workspace that has no marketplace/currency/locale yet takes them from its first import,
    so later files without a Countries=[..] or Currency=[..] land on the same keys."""
    defaults = {"marketplace_id": report.marketplace_id, "currency": report.currency,
                "locale": report.locale if report.source != "api" else None}
    conn.executemany("INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)",
                     [(k, v) for k, v in defaults.items() if v])


_key_of = operator.itemgetter(0, 1, 2, 3, 4, 5)


def _drop_earlier_same_file(conn: sqlite3.Connection, file_hash: str, import_id: int) -> None:
    for (old_id,) in conn.execute("SELECT id FROM report_imports WHERE file_hash = ? AND id <> ?",
                                  (file_hash, import_id)).fetchall():
        for table in OWNED_TABLES:
            conn.execute(f"DELETE FROM {stored_in(conn, table)} WHERE import_id = ?", (old_id,))
        conn.execute("UPDATE purchase_orders SET import_id = NULL WHERE import_id = ?", (old_id,))
        conn.execute("DELETE FROM report_imports WHERE id = ?", (old_id,))


def _write_products(conn: sqlite3.Connection, report: ParsedReport) -> None:
    if not report.products:
        conn.executemany("INSERT OR IGNORE INTO products (asin) VALUES (?)",
                         [(a,) for a in sorted(report.asins())])
        return
    names = ", ".join(PRODUCT_COLUMNS)
    updates = ", ".join(f"{c} = COALESCE(excluded.{c}, {c})" for c in PRODUCT_COLUMNS[1:])
    conn.executemany(f"INSERT INTO products ({names}) VALUES ({', '.join('?' * len(PRODUCT_COLUMNS))}) "
                     f"ON CONFLICT (asin) DO UPDATE SET {updates}", report.products)
    conn.executemany("INSERT OR IGNORE INTO products (asin) VALUES (?)", [(a,) for a in sorted(report.asins())])


def _write_purchase_orders(conn: sqlite3.Connection, report: ParsedReport, import_id: int) -> None:
    if not report.purchase_orders:
        return
    conn.executemany(upsert_sql("purchase_orders", PO_COLUMNS, "po_number", import_id),
                     report.purchase_orders)
    names = ", ".join(PO_LINE_COLUMNS)
    updates = ", ".join(f"{c} = excluded.{c}" for c in PO_LINE_COLUMNS[2:])
    conn.executemany(f"INSERT INTO po_lines ({names}) VALUES ({', '.join('?' * len(PO_LINE_COLUMNS))}) "
                     f"ON CONFLICT (po_number, asin) DO UPDATE SET {updates}", report.po_lines)


def import_context(ws: Workspace | None, period: tuple[str, str] | None = None) -> Context:
    """What the workspace tells a reader: locale, currency, marketplace, model -> ASIN."""
    if ws is None:
        return Context(period=period)
    models = dict(ws.conn.execute("SELECT model_number, asin FROM products WHERE model_number IS NOT NULL"))
    seen = {c: tuple(v for (v,) in ws.conn.execute(f"SELECT DISTINCT {c} FROM report_imports WHERE {c} <> '' "
                                                   f"ORDER BY 1")) for c in ("marketplace_id", "currency")}
    return Context(locale=ws.meta("locale"), currency=ws.meta("currency"),
                   marketplace_id=ws.meta("marketplace_id"), model_to_asin=models, period=period,
                   marketplaces=seen["marketplace_id"], currencies=seen["currency"])


def list_imports(ws: Workspace) -> list[dict[str, Any]]:
    """Every recorded import, newest first, with warnings decoded."""
    cursor = ws.conn.execute("SELECT * FROM report_imports ORDER BY id DESC")
    names = [d[0] for d in cursor.description]
    out = []
    for row in cursor.fetchall():
        item = dict(zip(names, row))
        item["warnings"] = json.loads(item.pop("warnings_json") or "[]")
        out.append(item)
    return out


_OWNED: dict[str, tuple[tuple[Any, ...], dict[int, int]]] = {}


def facts_owned(ws: Workspace, import_id: int) -> int:
    """How many fact rows still carry this import's id.

    The fact tables have no import_id index (migration 0008: it repeated every text key), so one
    pass counts the rows of every import and the counts are kept until anything writes: the import
    history asks once per import (1.1 s of CPU for the pass at 5,000 ASINs x 156 weeks, then lookups;
    one import's COUNT took 0.2 s with the index, 0.4 s without).
    """
    from vendordesk.store.facts_snapshot import version_key

    conn = ws.conn
    state = (version_key(conn), conn.total_changes, conn.execute("PRAGMA data_version").fetchone()[0])
    hit = _OWNED.get(str(ws.path))
    if hit is None or hit[0] != state:
        counts: dict[int, int] = {}
        for table in OWNED_TABLES + ("purchase_orders",):
            for owner, count in conn.execute(f"SELECT import_id, COUNT(*) FROM {stored_in(conn, table)} "
                                             "WHERE import_id IS NOT NULL GROUP BY import_id"):
                counts[owner] = counts.get(owner, 0) + count
        _OWNED.clear()      # the open workspace's counts only
        hit = _OWNED[str(ws.path)] = (state, counts)
    return hit[1].get(int(import_id), 0)


def undo_import(ws: Workspace, import_id: int) -> int:
    """Delete an import and the facts it still owns, in one transaction. Returns rows removed.

    What the foreign keys on report_imports would do is done here, with them off: the fact tables
    have no import_id index (migration 0008), so SQLite's own ON DELETE actions would scan each of
    them a second time after the DELETEs below (1.5 instead of 0.5 s of CPU at 5,000 x 156).
    """
    conn = ws.conn
    foreign_keys = conn.execute("PRAGMA foreign_keys").fetchone()[0]
    conn.execute("PRAGMA foreign_keys = OFF")       # only outside a transaction; restored below
    try:
        with ws.transaction() as conn:
            if not conn.execute("SELECT 1 FROM report_imports WHERE id = ?", (import_id,)).fetchone():
                return 0
            removed = 0
            for table in OWNED_TABLES:         # ON DELETE CASCADE
                removed += conn.execute(f"DELETE FROM {stored_in(conn, table)} WHERE import_id = ?",
                                        (import_id,)).rowcount
            # its purchase orders go with their lines (po_lines: ON DELETE CASCADE)
            conn.execute("DELETE FROM po_lines WHERE po_number IN "
                         "(SELECT po_number FROM purchase_orders WHERE import_id = ?)", (import_id,))
            removed += conn.execute("DELETE FROM purchase_orders WHERE import_id = ?", (import_id,)).rowcount
            for table in ("chargebacks", "raw_reports"):     # ON DELETE SET NULL
                conn.execute(f"UPDATE {table} SET import_id = NULL WHERE import_id = ?", (import_id,))
            conn.execute("DELETE FROM report_imports WHERE id = ?", (import_id,))
            _invalidate_snapshot(conn)
    finally:
        conn.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
    return removed


def facts_frame(ws: Workspace) -> pd.DataFrame:
    """All facts in long form: asin, period_start, period_end, metric, value, view, program, grain,
    currency, marketplace_id. Account aggregates have asin ''."""
    import pandas as pd

    parts, params = [], []
    for table in FACT_TABLES:
        columns = [r[1] for r in ws.conn.execute(f"PRAGMA table_info({table})")]
        currency = "currency" if "currency" in columns else "NULL"
        skip = set(KEY_COLUMNS) | {"currency", "import_id"}
        for metric in (c for c in columns if c not in skip):
            parts.append(f"SELECT asin, period_start, period_end, ? AS metric, {metric} AS value, "
                         f"distributor_view, selling_program, grain, {currency} AS currency, marketplace_id "
                         f"FROM {table} WHERE {metric} IS NOT NULL")
            params.append(metric)
    parts.append("SELECT asin, period_start, period_end, metric, value, distributor_view, selling_program, "
                 "grain, NULL, marketplace_id FROM extra_facts WHERE value IS NOT NULL")
    for column in ("mean_units", "p70_units", "p80_units", "p90_units"):
        parts.append(f"SELECT asin, week_start, week_end, 'amazon_forecast_{column}@' || generation_date, "
                     f"{column}, 'MANUFACTURING', selling_program, 'week', NULL, marketplace_id "
                     f"FROM amazon_forecasts WHERE {column} IS NOT NULL")
    sql = " UNION ALL ".join(parts) + " ORDER BY 1, 2, 4"
    frame = pd.read_sql_query(sql, ws.conn, params=params)
    frame.columns = ["asin", "period_start", "period_end", "metric", "value", "distributor_view",
                     "selling_program", "grain", "currency", "marketplace_id"]
    return frame
