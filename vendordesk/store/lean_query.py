"""``read_frame``: ``pd.read_sql_query`` with the same frame as result, at a fraction of the memory.

``pd.read_sql_query`` fetches every row as a tuple at once and keeps one Python string object per
text cell: two million rows of four text and four number columns take about 1.5 GB on the way (the
Amazon forecasts of 5,000 ASINs x 156 weeks). Here the rows come in chunks of ``CHUNK``; each
chunk's columns become numpy arrays at once, and a text column keeps one string object per
distinct value (8 bytes per cell). The peak is the result (8 bytes per cell) plus one chunk.

The columns get the dtypes ``pd.read_sql_query`` infers over the whole column: int64 when every
value is an integer, float64 for numbers with NULLs or floats (NULL -> NaN), ``str`` for text
with NULLs (NULL -> NaN), object for a column of NULLs only. Anything else (BLOBs, text mixed with
numbers, integers beyond int64) is read by ``pd.read_sql_query`` itself, as are empty results.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

# Rows in flight are Python objects; the small-object heap keeps its busiest moment's memory in
# pieces the system never gets back, so a chunk is kept small: 65,536 left ~27 MB more resident
# after the first command's reads at 5,000 ASINs x 156 weeks (arenas 76 -> 33 MB at their peak).
CHUNK = 8_192


class _Unusual(Exception):
    """A column this reader does not convert like pandas: the caller falls back."""


class _Column:
    """One result column, chunk by chunk (each chunk as pandas infers it: the same rules as over the
    whole column): number arrays, or codes into the distinct strings."""

    def __init__(self) -> None:
        self.kinds: set[str] = set()      # "int", "float", "text"; a chunk of NULLs only adds none
        self.parts: list[np.ndarray | None] = []
        self.sizes: list[int] = []
        self.codes: dict[str, int] = {}

    def add(self, chunk: pd.Series) -> None:
        self.sizes.append(len(chunk))
        kind = chunk.dtype
        if kind == np.int64 or kind == np.float64:
            self.kinds.add("int" if kind == np.int64 else "float")
            self.parts.append(chunk.to_numpy())
        elif kind.kind == "O" and all(v is None for v in chunk):
            self.parts.append(None)                     # NULLs only: filled in finish()
        elif str(kind) == "str":
            self.kinds.add("text")
            local, uniques = pd.factorize(chunk, use_na_sentinel=True)
            known = self.codes
            mapping = np.array([known.setdefault(u, len(known)) for u in uniques] + [-1], dtype=np.int32)
            self.parts.append(mapping[local])          # code -1 (NULL) takes the appended -1
        else:
            raise _Unusual
        if "text" in self.kinds and self.kinds & {"int", "float"}:
            raise _Unusual

    def add_plain(self, kind: str, values: tuple[Any, ...]) -> None:
        """One chunk of a column ``_plain_kind`` named, converted as pandas would (ints with NULLs or
        floats become float64, NULL NaN; text keeps one code per distinct value, NULL -1)."""
        self.sizes.append(len(values))
        if kind == "null":
            self.parts.append(None)
            return
        self.kinds.add(kind)
        if kind == "text":
            local, uniques = pd.factorize(np.array(values, dtype=object), use_na_sentinel=True)
            known = self.codes
            mapping = np.array([known.setdefault(u, len(known)) for u in uniques] + [-1], dtype=np.int32)
            self.parts.append(mapping[local])
        else:
            try:
                self.parts.append(np.array(values, dtype=np.int64 if kind == "int" else np.float64))
            except OverflowError:
                raise _Unusual from None        # beyond int64: pandas keeps objects
        if "text" in self.kinds and self.kinds & {"int", "float"}:
            raise _Unusual

    def finish(self) -> Any:
        """The column as pandas infers it over all rows (the chunks are freed as it goes)."""
        rows = sum(self.sizes)
        if not self.kinds:
            return np.full(rows, None, dtype=object)
        text = "text" in self.kinds
        out: np.ndarray[Any, Any] = np.empty(rows, dtype=np.intp if text else np.int64 if self.kinds == {"int"} else np.float64)
        at = 0
        parts, self.parts = self.parts, []
        for part, n in zip(parts, self.sizes):
            if part is None:
                out[at:at + n] = -1 if text else np.nan
            else:
                out[at:at + n] = part
            at += n
        del parts
        if text:
            return pd.array(list(self.codes), dtype="str").take(out, allow_fill=True)
        return out


_NULL = type(None)


def _plain_kind(values: tuple[Any, ...]) -> str | None:
    """How pandas infers one chunk of a column of plain values: "int", "float", "text" or "null";
    None for anything else (BLOBs, text mixed with numbers), which pandas itself converts."""
    types = set(map(type, values))
    null = _NULL in types
    types.discard(_NULL)
    if not types:
        return "null"
    if types == {str}:
        return "text"
    if types == {int}:
        return "float" if null else "int"
    return "float" if types == {float} or types == {int, float} else None


def read_frame(conn: sqlite3.Connection, sql: str, params: Sequence[Any] = ()) -> pd.DataFrame:
    """The frame ``pd.read_sql_query(sql, conn, params=params)`` returns (same columns, dtypes, values)."""
    cursor = conn.execute(sql, tuple(params))
    names = [d[0] for d in cursor.description]
    if len(set(names)) != len(names):
        cursor.close()
        return pd.read_sql_query(sql, conn, params=list(params))
    columns = [_Column() for _ in names]
    rows = 0
    try:
        while chunk := cursor.fetchmany(CHUNK):
            rows += len(chunk)
            values = list(zip(*chunk))
            kinds = [_plain_kind(v) for v in values]
            plain = [k for k in kinds if k is not None]
            if len(plain) == len(kinds):      # numbers, text or NULLs: converted column by column
                for column, kind, part in zip(columns, plain, values):
                    column.add_plain(kind, part)
                del values
                continue
            del values
            # pandas' own inference, as pd.read_sql_query does it over all rows (DataFrame.from_records)
            frame = pd.DataFrame.from_records(chunk, columns=names, coerce_float=True)
            del chunk
            for column, name in zip(columns, names):
                column.add(frame[name])
            del frame
    except _Unusual:
        cursor.close()
        rows = 0
    if not rows:
        del columns
        return pd.read_sql_query(sql, conn, params=list(params))
    data: dict[str, Any] = {}
    for name, column in zip(names, columns):
        data[name] = column.finish()
    return pd.DataFrame(data, columns=names, copy=False)


def release_freed_memory() -> None:
    """Hand memory that reading freed back to the system (glibc's ``malloc_trim``; nothing elsewhere).
    Millions of row tuples and strings, once freed, leave holes in the heap that the process keeps
    (~50 MB after the first read of 5,000 ASINs x 156 weeks), so the next big step would add to them."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.cache
def _malloc_trim() -> Any:
    """glibc's ``malloc_trim``, looked up once (``find_library`` runs ``ldconfig`` in a child process:
    26 lookups in one ``gears --json`` forked a 400 MB process 26 times), or None elsewhere."""
    import ctypes
    import ctypes.util
    import sys

    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None
