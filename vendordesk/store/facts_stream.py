"""Write a Vendor Central export while it is read: rows arrive in chunks, memory stays flat.

``FactWriter`` is the store's row sink (ingest.vc_sink.RowSink, matched by shape: ingest never
imports the store). Its first ``begin`` opens the import's ONE transaction and records the
import; chunks are upserted as they come; ``finish`` fills in the counts and warnings and commits.
Any exception before that (a refused cell in the last row, a cancel) rolls everything back, so a
refused file leaves the workspace as it was. A report that was not streamed (SP-API documents,
forecast and purchase-order exports, chargebacks) is written by ``store.facts.write_report``.

Rows that repeat a key in one file are merged in SQL, as ``vc_sink.ListSink`` merges them: when the
row in the table already carries this import's id, additive columns are added up and the others
keep their value unless the new row has one. A row of an earlier import is replaced, as always.
"""

from __future__ import annotations

import operator
import sqlite3
from collections.abc import Callable
from contextlib import ExitStack
from types import TracebackType
from typing import Any

from vendordesk.core.parsed import EXTRA_COLUMNS, KEY_COLUMNS, PRODUCT_COLUMNS, ParsedReport
from vendordesk.store.db import Workspace
from vendordesk.store.fact_series import KEYED, SPAN_UPDATE, SeriesIds, is_keyed, keyed_upsert, physical

Row = tuple[Any, ...]
_PK = ("asin", "marketplace_id", "distributor_view", "selling_program", "grain", "period_start")
_key_of = operator.itemgetter(0, 1, 2, 3, 4, 5)


def merge_sql(table: str, columns: tuple[str, ...], additive: frozenset[str], import_id: int,
              keyed: bool = True) -> str:
    """An upsert that replaces an earlier import's row and merges a repeat within this import
    (``keyed``: into the table's keyed table of schema 9, whose rows are ``SeriesIds.keyed``)."""
    keyed = keyed and table in KEYED
    mine = f"import_id = {int(import_id)}"
    names = KEY_COLUMNS + columns
    updates = []
    for column in names:
        if column in _PK:
            continue
        if column == "period_end" and keyed:
            updates.append(SPAN_UPDATE)
            continue
        new = f"excluded.{column}"
        if column in additive:
            updates.append(f"{column} = CASE WHEN {mine} AND {column} IS NOT NULL AND {new} IS NOT NULL "
                           f"THEN {column} + {new} WHEN {mine} THEN COALESCE({new}, {column}) ELSE {new} END")
        elif column in ("period_end", "currency"):
            updates.append(f"{column} = {new}")
        else:
            updates.append(f"{column} = CASE WHEN {mine} THEN COALESCE({new}, {column}) ELSE {new} END")
    updates.append(f"import_id = {int(import_id)}")
    if keyed:
        return keyed_upsert(table, columns, updates, import_id)
    return (f"INSERT INTO {table} ({', '.join(names)}, import_id) VALUES ({', '.join('?' * len(names))}, "
            f"{int(import_id)}) ON CONFLICT ({', '.join(_PK)}) DO UPDATE SET {', '.join(updates)}")


class FactWriter:
    """A RowSink that writes into ``ws``; use it as a context manager around ``read_report``."""

    def __init__(self, ws: Workspace, file_hash: str | None = None,
                 progress: Callable[[float], None] | None = None) -> None:
        self.ws, self.file_hash, self._progress = ws, file_hash, progress
        self.import_id: int | None = None
        self._stack = ExitStack()
        self._sql: dict[tuple[str, tuple[str, ...]], str] = {}
        self._series: SeriesIds | None = None

    @property
    def started(self) -> bool:
        return self.import_id is not None

    def __enter__(self) -> FactWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._stack.__exit__(kind, exc, tb)   # rolls back when the read failed

    @property
    def _conn(self) -> sqlite3.Connection:
        return self.ws.conn

    def _id(self) -> int:
        if self.import_id is None:
            raise RuntimeError("FactWriter: rows before begin()")
        return self.import_id

    def begin(self, report: ParsedReport) -> None:
        from vendordesk.store.facts import CACHE_KB, insert_import

        conn = self._conn
        # Set outside the transaction (SQLite ignores it inside), restored after it ends.
        foreign_keys = conn.execute("PRAGMA foreign_keys").fetchone()[0]
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute(f"PRAGMA cache_size = -{CACHE_KB}")
        self._stack.callback(conn.execute, f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
        self._stack.enter_context(self.ws.transaction())
        self.import_id = insert_import(conn, report, self.file_hash)
        self._series = SeriesIds(conn) if is_keyed(conn) else None

    def facts(self, table: str, columns: tuple[str, ...], additive: frozenset[str], rows: list[Row]) -> None:
        if not rows:
            return
        sql = self._sql.get((table, columns))
        if sql is None:
            sql = self._sql[(table, columns)] = merge_sql(table, columns, additive, self._id(),
                                                          self._series is not None)
        rows.sort(key=_key_of)      # key order keeps B-tree inserts local; repeats keep their order
        if table in KEYED and self._series is not None:
            rows = self._series.spanned(rows)
        self._conn.executemany(sql, rows)

    def extras(self, rows: list[Row]) -> None:
        from vendordesk.store.facts import upsert_sql

        sql = upsert_sql("extra_facts", EXTRA_COLUMNS, ", ".join(_PK) + ", metric", self._id())
        rows.sort(key=_key_of)
        self._conn.executemany(sql, rows)

    def products(self, rows: list[Row]) -> None:
        names = ", ".join(PRODUCT_COLUMNS)
        updates = ", ".join(f"{c} = COALESCE(excluded.{c}, {c})" for c in PRODUCT_COLUMNS[1:])
        self._conn.executemany(f"INSERT INTO products ({names}) VALUES ({', '.join('?' * len(PRODUCT_COLUMNS))}) "
                               f"ON CONFLICT (asin) DO UPDATE SET {updates}", rows)

    def progress(self, fraction: float) -> None:
        if self._progress is not None:
            self._progress(fraction)

    def _table(self, table: str) -> str:
        return physical(table, self._series is not None)

    def set_currency(self, tables: tuple[str, ...], currency: str | None) -> None:
        for table in tables:
            self._conn.execute(f"UPDATE {self._table(table)} SET currency = ? WHERE import_id = ?",
                               (currency, self._id()))

    def all_zero(self, table: str, column: str) -> bool:
        row = self._conn.execute(f"SELECT 1 FROM {self._table(table)} WHERE import_id = ? AND {column} <> 0 LIMIT 1",
                                 (self._id(),)).fetchone()
        return row is None

    def clear(self, table: str, column: str) -> None:
        self._conn.execute(f"UPDATE {self._table(table)} SET {column} = NULL WHERE import_id = ?", (self._id(),))

    def finish(self, report: ParsedReport) -> int:
        """Record the counts and warnings, then commit; returns the import id."""
        from vendordesk.store.facts import finish_import

        import_id = self._id()
        finish_import(self._conn, report, import_id, self.file_hash)
        self._stack.close()         # commit
        self.progress(1.0)
        return import_id
