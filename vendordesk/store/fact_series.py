"""The weekly fact tables keep their text key once (migration 0009).

``sales_facts``, ``traffic_facts``, ``inventory_facts`` and ``net_ppm_facts`` are views; their rows
live in ``<table>_k`` keyed by (series_id, day): series_id points at one row of ``fact_series``
(asin, marketplace, view, program, grain), day is period_start as days since 1970-01-01 and span
is period_end - period_start in days (a period that is no ISO date, an hour, is stored as its text). Readers use the views. Writers use :class:`SeriesIds` and
:func:`keyed_upsert`: a row ``KEY_COLUMNS + values`` becomes ``(series_id, period_start, period_end)
+ values`` in Python (a dict lookup) and SQLite turns the two dates into day and span.
"""

from __future__ import annotations

import operator
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

KEYED = {t: f"{t}_k" for t in ("sales_facts", "traffic_facts", "inventory_facts", "net_ppm_facts")}
SERIES_COLUMNS = ("asin", "marketplace_id", "distributor_view", "selling_program", "grain")
_series_of = operator.itemgetter(0, 1, 2, 3, 4)
# series_id, day, span and period_end from the parameters ?1 series id, ?2 period_start, ?3 period_end
# (see migration 0009: a period that is no ISO date, an hour of the real-time reports, keeps its text)
KEY_VALUES = ("?1", "CASE WHEN date(?2) IS ?2 THEN CAST(julianday(?2) - 2440587.5 AS INTEGER) ELSE ?2 END",
              "CASE WHEN date(?2) IS ?2 AND date(?3) IS ?3 THEN CAST(julianday(?3) - julianday(?2) AS INTEGER) END",
              "CASE WHEN date(?2) IS ?2 AND date(?3) IS ?3 THEN NULL ELSE ?3 END")


def is_keyed(conn: sqlite3.Connection) -> bool:
    """Whether the workspace is at schema 9 or later (a connection opened below it, in tests of
    the migrations, writes the old tables the old way)."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'fact_series'").fetchone() is not None


def physical(table: str, keyed: bool = True) -> str:
    """The table that holds the rows of ``table`` (itself unless it is one of the keyed views)."""
    return KEYED.get(table, table) if keyed else table


def keyed_upsert(table: str, columns: Sequence[str], updates: Iterable[str], import_id: int) -> str:
    """INSERT ... ON CONFLICT (series_id, day) DO UPDATE SET ``updates`` into ``table``'s keyed table.

    The statement takes ``(series_id, period_start, period_end) + values of columns``; ``updates``
    name the value columns as they are (``period_end`` becomes ``span``, see :func:`span_update`).
    """
    names = ("series_id", "day", "span", "period_end", *columns, "import_id")
    values = (*KEY_VALUES, *(f"?{n}" for n in range(4, 4 + len(columns))), str(int(import_id)))
    return (f"INSERT INTO {KEYED[table]} ({', '.join(names)}) VALUES ({', '.join(values)}) "
            f"ON CONFLICT (series_id, day) DO UPDATE SET {', '.join(updates)}")


SPAN_UPDATE = "span = excluded.span, period_end = excluded.period_end"


class SeriesIds:
    """Series ids for the caller's transaction: looked up (or added) when a chunk names a series
    not seen lately. At most ``KEEP`` are remembered, so an import's memory does not grow with the
    number of ASINs in the file (tests/ingest/test_import_streaming.py)."""

    KEEP = 2048

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.ids: dict[tuple[Any, ...], int] = {}
        names = " AND ".join(f"{c} = ?" for c in SERIES_COLUMNS)
        self._find = f"SELECT id FROM fact_series WHERE {names}"
        self._add = f"INSERT INTO fact_series ({', '.join(SERIES_COLUMNS)}) VALUES (?, ?, ?, ?, ?)"

    def add(self, keys: Iterable[tuple[Any, ...]]) -> None:
        """Find or add these series; new ones get their ids in key order (so a scan of a new
        workspace returns the rows in the order of the text key, as up to schema 8)."""
        wanted = set(keys)
        new = sorted(wanted - self.ids.keys())
        if len(self.ids) + len(new) > self.KEEP:
            self.ids.clear()
            new = sorted(wanted)
        conn, ids = self.conn, self.ids
        for key in new:
            row = conn.execute(self._find, key).fetchone()
            ids[key] = int(row[0]) if row else int(conn.execute(self._add, key).lastrowid or 0)

    def keyed(self, rows: Sequence[Sequence[Any]]) -> list[tuple[Any, ...]]:
        """``KEY_COLUMNS + values`` rows as ``(series_id, period_start, period_end) + values``."""
        ids = self.ids
        try:
            return [(ids[_series_of(r)], *r[5:]) for r in rows]
        except KeyError:
            self.add(_series_of(r) for r in rows)
            ids = self.ids
            return [(ids[_series_of(r)], *r[5:]) for r in rows]
