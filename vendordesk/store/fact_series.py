"""The weekly fact tables keep their text key once (migration 0009).

``sales_facts``, ``traffic_facts``, ``inventory_facts`` and ``net_ppm_facts`` are views; their rows
live in ``<table>_k`` keyed by (series_id, day): series_id points at one row of ``fact_series``
(asin, marketplace, view, program, grain), day is period_start as days since 1970-01-01 and span
is period_end - period_start in days (a period that is no ISO date, an hour, is stored as its text). Readers use the views. Writers use :class:`SeriesIds` and
:func:`keyed_upsert`: a row ``KEY_COLUMNS + values`` becomes ``(series_id, day, span, period_end)
+ values`` in Python (``SeriesIds.spanned``: dict lookups; SQLite turns each distinct pair of dates
into day, span and period_end once, by ``KEY_VALUES``).
Amazon's forecasts likewise since schema 10: ``amazon_forecasts`` is a view of ``amazon_forecasts_k``
keyed by (series_id, generation, week) into ``forecast_series`` (:class:`ForecastIds`,
:func:`forecast_insert`).
"""

from __future__ import annotations

import itertools
import operator
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Protocol

KEYED = {t: f"{t}_k" for t in ("sales_facts", "traffic_facts", "inventory_facts", "net_ppm_facts")}
SERIES_COLUMNS = ("asin", "marketplace_id", "distributor_view", "selling_program", "grain")
# series_id, day, span and period_end from the parameters ?1 series id, ?2 period_start, ?3 period_end
# (see migration 0009: a period that is no ISO date, an hour of the real-time reports, keeps its text)
KEY_VALUES = ("?1", "CASE WHEN date(?2) IS ?2 THEN CAST(julianday(?2) - 2440587.5 AS INTEGER) ELSE ?2 END",
              "CASE WHEN date(?2) IS ?2 AND date(?3) IS ?3 THEN CAST(julianday(?3) - julianday(?2) AS INTEGER) END",
              "CASE WHEN date(?2) IS ?2 AND date(?3) IS ?3 THEN NULL ELSE ?3 END")
# (day, span, period_end) of one (period_start, period_end) pair, as KEY_VALUES makes them: asked once per
# distinct pair (SeriesIds.spanned). In the INSERT, the dates took 80 of 165 ms of CPU per 30,000 daily rows.
SPAN_OF = "SELECT " + ", ".join(v.replace("?2", "?1").replace("?3", "?2") for v in KEY_VALUES[1:])


# Amazon's forecasts since schema 10 (migration 0010): amazon_forecasts is a view of
# amazon_forecasts_k keyed by (series_id, generation, week); series_id points at forecast_series.
FORECASTS = "amazon_forecasts_k"
FORECAST_SERIES_COLUMNS = ("asin", "marketplace_id", "selling_program")
# generation, week, span and week_end from ?2 generation_date, ?3 week_start, ?4 week_end (as KEY_VALUES)
FORECAST_KEY_VALUES = (
    "?1", "CASE WHEN date(?2) IS ?2 THEN CAST(julianday(?2) - 2440587.5 AS INTEGER) ELSE ?2 END",
    "CASE WHEN date(?3) IS ?3 THEN CAST(julianday(?3) - 2440587.5 AS INTEGER) ELSE ?3 END",
    "CASE WHEN date(?3) IS ?3 AND date(?4) IS ?4 THEN CAST(julianday(?4) - julianday(?3) AS INTEGER) END",
    "CASE WHEN date(?3) IS ?3 AND date(?4) IS ?4 THEN NULL ELSE ?4 END")
_FORECAST_VALUES = ("mean_units", "p70_units", "p80_units", "p90_units")


def first_week_forecasts_sql(conn: sqlite3.Connection, after: str, mean_known: bool = False) -> str:
    """SELECT asin, generation_date, week_start, mean_units of each generation's first week
    (``week_start {after} generation_date AND week_start <= generation_date + 7 days``, ``after``
    '>' or '>='), ASIN rows only. Since schema 10 the days are compared as integers and only the
    rows kept get their text dates: through the view every one of 2 million rows made three dates
    (1.9 instead of 0.8 s of CPU at 5,000 x 156). A date kept as text is compared as the view would."""
    known = " AND mean_units IS NOT NULL" if mean_known else ""
    if not forecasts_keyed(conn):
        return ("SELECT asin, generation_date, week_start, mean_units FROM amazon_forecasts WHERE asin <> ''"
                f"{known} AND week_start {after} generation_date AND week_start <= date(generation_date, '+7 day')")
    gen = "CASE WHEN typeof(f.generation) = 'integer' THEN date(f.generation + 2440587.5) ELSE f.generation END"
    week = "CASE WHEN typeof(f.week) = 'integer' THEN date(f.week + 2440587.5) ELSE f.week END"
    first = (f"CASE WHEN typeof(f.generation) = 'integer' AND typeof(f.week) = 'integer' "
             f"THEN f.week {after} f.generation AND f.week <= f.generation + 7 "
             f"ELSE ({week}) {after} ({gen}) AND ({week}) <= date({gen}, '+7 day') END")
    return (f"SELECT s.asin, {gen} AS generation_date, {week} AS week_start, f.mean_units FROM {FORECASTS} f "
            f"JOIN forecast_series s ON s.id = f.series_id WHERE s.asin <> ''{known.replace('mean', 'f.mean')} "
            f"AND {first}")


def forecasts_keyed(conn: sqlite3.Connection) -> bool:
    """Whether the workspace keeps Amazon's forecasts by series id (schema 10 or later)."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'forecast_series'").fetchone() is not None


def forecast_insert(import_id: int | None = None, keep_existing: bool = False) -> str:
    """INSERT of ``FORECAST_COLUMNS`` rows made ``ForecastIds.keyed`` (series_id, generation_date,
    week_start, week_end, mean, p70, p80, p90) into amazon_forecasts_k: with ``import_id`` that id
    for every row, else a 9th parameter. ``keep_existing``: an upsert on the key whose values
    replace the stored ones only where given (one statistic per export file)."""
    own = "?9" if import_id is None else str(int(import_id))
    names = ("series_id", "generation", "week", "span", "week_end", *_FORECAST_VALUES, "import_id")
    values = (*FORECAST_KEY_VALUES, "?5", "?6", "?7", "?8", own)
    sql = f"INSERT INTO {FORECASTS} ({', '.join(names)}) VALUES ({', '.join(values)})"
    if not keep_existing:
        return sql
    updates = ["span = excluded.span", "week_end = excluded.week_end",
               *(f"{c} = COALESCE(excluded.{c}, {c})" for c in _FORECAST_VALUES), "import_id = excluded.import_id"]
    return f"{sql} ON CONFLICT (series_id, generation, week) DO UPDATE SET {', '.join(updates)}"


def is_keyed(conn: sqlite3.Connection) -> bool:
    """Whether the workspace is at schema 9 or later (a connection opened below it, in tests of
    the migrations, writes the old tables the old way)."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'fact_series'").fetchone() is not None


def physical(table: str, keyed: bool = True) -> str:
    """The table that holds the rows of ``table`` (itself unless it is one of the keyed views)."""
    return KEYED.get(table, table) if keyed else table


def stored_in(conn: sqlite3.Connection, table: str) -> str:
    """The table that holds the rows of ``table`` in this workspace (any schema)."""
    if table == "amazon_forecasts":
        return FORECASTS if forecasts_keyed(conn) else table
    return physical(table, is_keyed(conn))


def keyed_upsert(table: str, columns: Sequence[str], updates: Iterable[str], import_id: int) -> str:
    """INSERT ... ON CONFLICT (series_id, day) DO UPDATE SET ``updates`` into ``table``'s keyed table.

    The statement takes ``SeriesIds.spanned`` rows, ``(series_id, day, span, period_end) + values of
    columns``; ``updates`` name the value columns as they are (``SPAN_UPDATE`` for the period's end).
    """
    names = ("series_id", "day", "span", "period_end", *columns, "import_id")
    values = (*(f"?{n}" for n in range(1, 5 + len(columns))), str(int(import_id)))
    return (f"INSERT INTO {KEYED[table]} ({', '.join(names)}) VALUES ({', '.join(values)}) "
            f"ON CONFLICT (series_id, day) DO UPDATE SET {', '.join(updates)}")


SPAN_UPDATE = "span = excluded.span, period_end = excluded.period_end"


class SeriesIds:
    """Series ids for the caller's transaction: looked up (or added) when a chunk names a series
    not seen lately. At most ``KEEP`` are remembered, so an import's memory does not grow with the
    number of ASINs in the file (tests/ingest/test_import_streaming.py)."""

    KEEP = 2048
    SPANS = 4096   # distinct (period_start, period_end) pairs remembered (a year of hours fits twice)
    TABLE: str = "fact_series"
    COLUMNS: tuple[str, ...] = SERIES_COLUMNS

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.ids: dict[tuple[Any, ...], int] = {}
        self.spans: dict[tuple[str, str], tuple[Any, ...]] = {}
        names = " AND ".join(f"{c} = ?" for c in self.COLUMNS)
        self._find = f"SELECT id FROM {self.TABLE} WHERE {names}"
        self._add = (f"INSERT INTO {self.TABLE} ({', '.join(self.COLUMNS)}) "
                     f"VALUES ({', '.join('?' * len(self.COLUMNS))})")
        self._series_of = operator.itemgetter(*range(len(self.COLUMNS)))

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
        ids, series_of, width = self.ids, self._series_of, len(self.COLUMNS)
        try:
            return [(ids[series_of(r)], *r[width:]) for r in rows]
        except KeyError:
            self.add(series_of(r) for r in rows)
            ids = self.ids
            return [(ids[series_of(r)], *r[width:]) for r in rows]

    def spanned(self, rows: Sequence[Sequence[Any]]) -> list[tuple[Any, ...]]:
        """``KEY_COLUMNS + values`` rows as ``(series_id, day, span, period_end) + values`` (see KEY_VALUES)."""
        width = len(self.COLUMNS)
        period, cut = operator.itemgetter(width, width + 1), width + 2
        pairs = set(map(period, rows))
        if not all(type(start) is str and type(end) is str for start, end in pairs):
            # not text (a bug upstream, or NULL): asked row by row, as 1, 1.0 and True are one dict key
            found = [self.conn.execute(SPAN_OF, period(r)).fetchone() for r in rows]
            return [(k[0], *span, *k[3:]) for k, span in zip(self.keyed(rows), found, strict=True)]
        spans = self.spans
        if len(spans) + len(pairs) > self.SPANS:
            spans.clear()
        for pair in pairs - spans.keys():
            spans[pair] = self.conn.execute(SPAN_OF, pair).fetchone()
        ids, series_of = self.ids, self._series_of
        try:
            return [(ids[series_of(r)], *spans[period(r)], *r[cut:]) for r in rows]
        except KeyError:
            self.add(series_of(r) for r in rows)
            ids = self.ids
            return [(ids[series_of(r)], *spans[period(r)], *r[cut:]) for r in rows]


    def keyed_lazily(self, rows: SizedRows, chunk: int = 65_536) -> _Keyed:
        """``keyed(rows)`` made a chunk at a time as it is iterated (sized like ``rows``): a writer's
        executemany never holds a second copy of every row (2 million forecast rows in the demo)."""
        return _Keyed(self, rows, chunk)


class SizedRows(Protocol):
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[Sequence[Any]]: ...


class _Keyed:
    def __init__(self, ids: SeriesIds, rows: SizedRows, chunk: int) -> None:
        self.ids, self.rows, self.chunk = ids, rows, chunk

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        rows = iter(self.rows)
        while part := list(itertools.islice(rows, self.chunk)):
            yield from self.ids.keyed(part)


class ForecastIds(SeriesIds):
    """Series ids of Amazon's forecasts (forecast_series): a ``FORECAST_COLUMNS`` row becomes
    ``(series_id, generation_date, week_start, week_end, mean, p70, p80, p90[, ...])``."""

    TABLE = "forecast_series"
    COLUMNS = FORECAST_SERIES_COLUMNS
