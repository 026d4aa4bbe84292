"""store.lean_query.read_frame: the frame pd.read_sql_query returns, read in chunks, with one string
object per distinct text value (issue 18: the Amazon-forecast cache fill held 1.7 GB at 5,000 ASINs)."""

from __future__ import annotations

import sqlite3
import tracemalloc

import numpy as np
import pandas as pd
import pytest

from vendordesk.store import lean_query
from vendordesk.store.lean_query import read_frame


@pytest.fixture
def conn():
    c = sqlite3.connect(":memory:")
    c.execute("CREATE TABLE t (id INTEGER, a TEXT, b REAL, n INTEGER, e, f TEXT)")
    rows = [(1, "x", 1.0, 1, None, "q"), (2, None, None, 2, None, "r"), (3, "y", 2.5, 3, None, None),
            (4, "x", 4.0, 4, None, None), (5, None, None, 5, None, None), (6, None, None, 6, None, None),
            (7, "z", 3, 7, None, "q")]
    c.executemany("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)", rows)
    yield c
    c.close()


# chunks of 3 rows: (1,2,3) (4,5,6) (7): column f is NULL only in the second chunk, b holds floats,
# NULLs and the integer 3 (SQLite keeps 3 as REAL: 3.0), n integers only, e NULLs only
SQL = ["SELECT a, b, n, e, f FROM t ORDER BY id",
       "SELECT a, n FROM t WHERE id BETWEEN 4 AND 6 ORDER BY id",     # text column: NULLs in a chunk
       "SELECT f, n + 0.5 AS half FROM t ORDER BY id",
       "SELECT a, n FROM t WHERE id > 100",                             # no rows
       "SELECT a, n FROM t WHERE id <= 3 UNION ALL SELECT 7, 8",        # text and a number in one column
       "SELECT n, CASE WHEN id = 7 THEN 'seven' ELSE n END AS mixed FROM t ORDER BY id",
       # integers with NULLs, integers with floats, an integer beyond 2**53, -0.0, a BLOB
       "SELECT CASE WHEN id % 2 = 0 THEN id END AS some, CASE WHEN id = 3 THEN 2.5 ELSE id END AS numbers, "
       "CASE WHEN id = 5 THEN 9007199254740993 ELSE id END AS big, CASE WHEN id = 2 THEN -0.0 ELSE b END AS zero "
       "FROM t ORDER BY id",
       "SELECT CASE WHEN id = 4 THEN x'00' END AS blob, n FROM t ORDER BY id"]


@pytest.mark.parametrize("sql", SQL)
def test_same_frame_as_read_sql_query(conn, sql, monkeypatch):
    monkeypatch.setattr(lean_query, "CHUNK", 3)
    pd.testing.assert_frame_equal(read_frame(conn, sql), pd.read_sql_query(sql, conn), check_exact=True)


def test_dtypes_are_inferred_over_the_whole_column(conn, monkeypatch):
    monkeypatch.setattr(lean_query, "CHUNK", 3)
    frame = read_frame(conn, "SELECT a, b, n, e, f FROM t ORDER BY id")
    assert str(frame["a"].dtype) == "str" and frame["a"].isna().tolist() == [False, True, False, False, True, True,
                                                                               False]
    assert frame["b"].dtype == np.float64 and frame["b"].iloc[6] == 3.0
    assert frame["n"].dtype == np.int64 and frame["n"].tolist() == [1, 2, 3, 4, 5, 6, 7]
    assert frame["e"].dtype == object and frame["e"].isna().all()
    # f: 'q', 'r', NULL | NULL x3 | 'q' -> the middle chunk of NULLs stays missing, 'q' stays 'q'
    assert frame["f"].tolist()[0] == "q" and frame["f"].iloc[6] == "q" and frame["f"].iloc[3:6].isna().all()


def test_one_string_object_per_distinct_value():
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (asin TEXT, week TEXT)")
    conn.executemany("INSERT INTO t VALUES (?, ?)", [(f"B0{i % 7:08d}", f"2026-01-{1 + i % 3:02d}")
                                                     for i in range(500)])
    frame = read_frame(conn, "SELECT asin, week FROM t")
    assert len({id(v) for v in frame["asin"]}) == 7           # 500 rows, 7 ASINs
    assert len({id(v) for v in frame["week"]}) == 3
    plain = pd.read_sql_query("SELECT asin, week FROM t", conn)
    assert len({id(v) for v in plain["asin"]}) > 7            # what read_frame saves: a string per row
    conn.close()


def test_peak_stays_near_the_result_not_the_rows(monkeypatch):
    """100,000 rows of three text and three number columns: the result is 100,000 x 6 x 8 bytes
    = 4.8 MB (pointers to shared strings, floats). Fetching all rows as tuples at once, as
    pd.read_sql_query does, holds a tuple (56 + 6 x 8 bytes) plus three floats (24 bytes) per row
    = 1e5 x 176 bytes = 17.6 MB on top, besides a string per text cell; chunks of 4,096 rows hold
    at most ~0.7 MB of those."""
    monkeypatch.setattr(lean_query, "CHUNK", 4096)
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (asin TEXT, gen TEXT, week TEXT, x REAL, y REAL, z REAL)")
    conn.executemany("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)",
                     ((f"B0{i % 500:08d}", f"2026-{1 + i % 12:02d}-01", f"2026-{1 + i % 12:02d}-07",
                       i * 0.5, i * 0.25, None if i % 3 else 1.0) for i in range(100_000)))
    sql = "SELECT * FROM t"
    result_bytes = 100_000 * 6 * 8

    def peak(read) -> int:
        tracemalloc.start()
        try:
            frame = read()
            return tracemalloc.get_traced_memory()[1] if len(frame) == 100_000 else -1
        finally:
            tracemalloc.stop()

    lean = peak(lambda: read_frame(conn, sql))
    plain = peak(lambda: pd.read_sql_query(sql, conn))
    assert lean < 2.5 * result_bytes            # 12 MB: the result, one chunk, one column's codes
    assert plain > 4 * result_bytes             # the measure can fail: the plain read holds every row
    conn.close()


def test_a_chunk_of_wide_rows_stays_small_at_the_default_size():
    """The rows of a chunk are Python objects: the small-object heap keeps the memory of its busiest
    moment in pieces the system never gets back (at 5,000 x 156 a first command kept ~27 MB more
    with chunks of 65,536 rows, a third of them PO lines' and the facts' wide rows).
    70,000 rows of 20 numbers: the result is 70,000 x 20 x 8 B = 11.2 MB, held twice while the
    column parts are joined (22.4 MB). A row in flight is a tuple (56 + 20 x 8 B) and 20 floats
    (24 B each), 696 B, plus its 160 B in DataFrame.from_records' arrays: 856 B. A chunk of 8,192
    rows holds 7.0 MB of them; of 65,536 rows 56 MB. Bound: 22.4 + 16 = 38.4 MB."""
    conn = sqlite3.connect(":memory:")
    names = [f"v{i}" for i in range(20)]
    conn.execute(f"CREATE TABLE t ({', '.join(n + ' REAL' for n in names)})")
    conn.executemany(f"INSERT INTO t VALUES ({', '.join('?' * 20)})",
                     (tuple(i + j / 64 for j in range(20)) for i in range(70_000)))
    tracemalloc.start()
    try:
        frame = read_frame(conn, "SELECT * FROM t")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    conn.close()
    assert frame.shape == (70_000, 20) and frame["v19"].iloc[-1] == 69_999 + 19 / 64
    assert peak < 2 * 11.2e6 + 16e6


def test_releasing_memory_looks_libc_up_once(monkeypatch):
    """``find_library`` runs ``ldconfig`` in a child process; ``gears --json`` releases memory ~26
    times, so the library is looked up once per process at most (the real lookup, counted)."""
    import ctypes.util

    from vendordesk.store import lean_query

    real, calls = ctypes.util.find_library, []
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: calls.append(name) or real(name))
    for _ in range(5):
        lean_query.release_freed_memory()
    assert len(calls) <= 1
