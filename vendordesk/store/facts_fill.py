"""The facts snapshot's columns read straight from the keyed tables, in their key order (issue 18).

``facts_read._build_snapshot`` groups each fact view by its text key: SQLite makes two dates per row
and sorts every table before a row comes back (about 20 s of the 47.5 s CPU of a cold ``gears`` at
5,000 ASINs x 156 weeks). Where every ASIN has one weekly series in the view and program (one
marketplace) and no day facts, each of those groups is a single row. Then the rows are read from
``<table>_k`` in its primary-key order (series, day: no sort), a chunk of numbers at a time into
numpy, and the keys stay integers (ASIN rank, day, end day) until the frame is assembled.

A group of one row is what the grouped SQL returns for it: SUM and AVG of one value x are 0.0 + x
(so -0.0 comes back as 0.0), MAX(period_end) is its end. Anything this reader does not cover
(several marketplaces, day facts, a period or value that is no number or no date in 0001..9999)
makes it return None, and the grouped SQL runs as before.
"""

from __future__ import annotations

import sqlite3
from typing import Any

import numpy as np

from vendordesk.store.fact_series import KEYED, is_keyed

CHUNK = 16_384      # rows per fetch: the tuples in flight stay a few MB
Part = tuple[str, list[np.ndarray], dict[str, np.ndarray]]
_SERIES = ("SELECT id, asin FROM fact_series WHERE asin <> '' AND grain = ? "
           "AND distributor_view = ? AND selling_program = ?")
_FIRST, _LAST = -719_162, 2_932_896     # 0001-01-01 and 9999-12-31 as days since 1970-01-01


def keyed_parts(conn: sqlite3.Connection, tables: dict[str, tuple[str, ...]], view: str,
                program: str) -> tuple[list[Part], list[list[str]]] | None:
    """Per fact table (table, [ASIN, start and end codes], values per column), and the sorted
    ASIN, start and end texts the codes point at; None where the grouped SQL must run."""
    if not is_keyed(conn):
        return None
    series = conn.execute(_SERIES, ("week", view, program)).fetchall()
    asins = [asin for _, asin in series]
    if not series or len(set(asins)) < len(asins) or not all(type(a) is str for a in asins):
        return None
    if _has_day_rows(conn, view, program):
        return None
    ordered = sorted(asins)
    rank = dict(zip(ordered, range(len(ordered))))
    ids = np.array([i for i, _ in series], dtype=np.int64)
    rank_of = np.full(int(ids.max()) + 1, -1, dtype=np.int64)
    rank_of[ids] = [rank[asin] for _, asin in series]
    read = []
    for table, columns in tables.items():
        block = _rows(conn, KEYED[table], columns, (view, program))
        if block is None:
            return None
        read.append((table, columns, block))
    starts = distinct(np.concatenate([block[:, 1] for _, _, block in read]))
    ends = distinct(np.concatenate([block[:, 1] + block[:, 2] for _, _, block in read]))
    if len(starts) and (starts[0] < _FIRST or ends[-1] > _LAST):
        return None
    parts: list[Part] = []
    for table, columns, block in read:
        codes = [rank_of[block[:, 0].astype(np.int64)], np.searchsorted(starts, block[:, 1]),
                 np.searchsorted(ends, block[:, 1] + block[:, 2])]
        parts.append((table, codes, {c: block[:, 3 + i] for i, c in enumerate(columns)}))
    return parts, [ordered, _iso(starts), _iso(ends)]


def _has_day_rows(conn: sqlite3.Connection, view: str, program: str) -> bool:
    """Whether any fact table holds day rows of the view and program (they are rolled into weeks)."""
    return any(conn.execute(f"SELECT 1 FROM {keyed} WHERE series_id IN ({_SERIES.replace('id, asin', 'id')}) "
                            "LIMIT 1", ("day", view, program)).fetchone()
               for keyed in KEYED.values())


def _rows(conn: sqlite3.Connection, keyed: str, columns: tuple[str, ...], params: tuple[str, str]) -> Any:
    """(series, day, span, values...) of the view's weekly ASIN rows as one float64 block, in key
    order; None when a day or span is no whole number or a period ends in text. Each value comes as
    SQLite's ``x + 0.0``, which converts it as SUM and AVG do (text to its leading number, -0.0 to 0.0)."""
    where = f"series_id IN ({_SERIES.replace('id, asin', 'id')})"
    count = conn.execute(f"SELECT COUNT(*) FROM {keyed} WHERE {where}", ("week", *params)).fetchone()[0]
    block = np.empty((count, 3 + len(columns)), dtype=np.float64)
    values = ", ".join(f"{c} + 0.0" for c in columns)
    cursor = conn.execute(f"SELECT series_id, day, CASE WHEN period_end IS NULL THEN span END, {values} "
                          f"FROM {keyed} WHERE {where}", ("week", *params))
    at = 0
    try:
        while chunk := cursor.fetchmany(CHUNK):
            block[at:at + len(chunk)] = chunk      # NULL becomes NaN; a text day raises
            at += len(chunk)
    except (ValueError, TypeError):
        return None
    finally:
        cursor.close()
    keys = block[:at, 1:3]
    if at != count or not np.array_equal(keys, np.floor(keys)):     # NaN: no span
        return None
    return block


def distinct(values: np.ndarray) -> np.ndarray:
    """``np.unique(values)`` by a sort, which finds the runs of rows in key order (numpy's hashing
    ``unique`` took 0.9 s per 3 million keys)."""
    ordered = np.sort(values, kind="stable")
    keep = np.ones(len(ordered), dtype=bool)
    keep[1:] = ordered[1:] != ordered[:-1]
    return ordered[keep]


def _iso(days: np.ndarray) -> list[str]:
    """Days since 1970-01-01 as 'YYYY-MM-DD' texts."""
    texts: list[str] = np.datetime_as_string(days.astype(np.int64).astype("datetime64[D]"), unit="D").tolist()
    return texts
