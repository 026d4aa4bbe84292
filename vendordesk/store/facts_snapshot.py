"""The weekly facts as a columnar snapshot: read once, fast, shared by every tab and command.

``weekly_frame`` (store.facts_read) for the default view and weekly grain comes from here:
- in this process, the decoded frame is cached per workspace file and data version;
- in the workspace, table ``facts_snapshot`` keeps each column as one BLOB (float64 values, stored
  narrower where every value comes back bit for bit, see ``_narrow``; int32 codes of ASINs and
  weeks; one presence byte per row and fact table), so a new process decodes it in milliseconds
  instead of fetching millions of values through row tuples.

Invalidation is by imports, never by time: every write of facts calls ``invalidate(conn)`` in
its own transaction (snapshot deleted, meta 'data_version' + 1). The version key also carries
the import count and newest import id, so a writer that forgot to call it is still noticed.
The snapshot is rebuilt lazily by the first full read (one small transaction of its own).
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import zlib
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import numpy as np
import pandas as pd

from vendordesk.store.lean_query import release_freed_memory

log = logging.getLogger(__name__)
# 2: rates of several marketplaces or days are weighted (issue 13); snapshots of format 1 averaged
# them, so they are rebuilt once.
# 3: a column whose every value comes back unchanged from a narrower type is stored that narrow (issue 18).
# 4: decimals and codes as int8/int16 where they fit, and parts that zlib halves stored compressed (issue 18).
FORMAT = 4
_CACHE: dict[str, tuple[str, pd.DataFrame, dict[str, Any]]] = {}
Build = Callable[[Any], Any]
BuildFrame = Callable[[Any], pd.DataFrame]
_LOCK = threading.Lock()


def invalidate(conn: sqlite3.Connection) -> None:
    """Inside a writing transaction: drop the snapshot and bump the data version."""
    if not _has_table(conn):
        return
    conn.execute("DELETE FROM facts_snapshot")
    conn.execute("INSERT INTO meta (key, value) VALUES ('data_version', '1') ON CONFLICT (key) "
                 "DO UPDATE SET value = CAST(COALESCE(value, '0') AS INTEGER) + 1")


def version_key(conn: sqlite3.Connection) -> str:
    row = conn.execute("SELECT (SELECT value FROM meta WHERE key = 'data_version'), "
                       "(SELECT COUNT(*) FROM report_imports), (SELECT MAX(id) FROM report_imports)").fetchone()
    return f"{FORMAT}:{row[0]}:{row[1]}:{row[2]}"


def _has_table(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'facts_snapshot'").fetchone() is not None


def full_frame(ws: Any, build: Build, keep: bool = True,
               only: set[str] | None = None) -> tuple[pd.DataFrame, dict[str, Any]] | None:
    """(frame, head) of all weekly facts; ``build(ws)`` returns (frame, presence per table) when
    no valid snapshot exists. None when the workspace has no snapshot table (older schema).

    ``keep=False`` (one command that reads the facts once): the frame is not kept in this process
    and each column is its own array, so a reader that drops the columns it has used frees them;
    ``only`` (with ``keep=False``): decode just these metrics of a stored snapshot (the head still
    lists all of them). Decoded with ``keep=False``, ``head["codes"]`` holds the ``asin`` and
    ``period_start`` codes per row (intp ranks of the sorted texts, as ``pd.factorize(sort=True)``)."""
    conn = ws.conn
    if not _has_table(conn):
        return None
    key = version_key(conn)
    name = str(ws.path)
    with _LOCK:
        hit = _CACHE.get(name)
        if hit and hit[0] == key:
            return hit[1], hit[2]
    loaded = _load(conn, key, by_column=not keep, only=None if keep else only)
    if loaded is None:
        frame, present = build(ws)
        head = {"key": key, "tables": list(present),
                "metrics": [str(c) for c in frame.columns[3:]]}
        _save(ws, frame, present, head)
        loaded = frame, {**head, "present": present}
        if not keep:        # one command: what building freed goes back before its next step
            release_freed_memory()
    if keep:
        _remember(name, (key, loaded[0], loaded[1]))
    return loaded


def _remember(slot: str, entry: tuple[str, pd.DataFrame, dict[str, Any]]) -> None:
    """Keep the frames of one workspace file only (the open one): memory stays bounded."""
    path = slot.split("|", 1)[0]
    with _LOCK:
        for other in [s for s in _CACHE if s.split("|", 1)[0] != path]:
            del _CACHE[other]
        _CACHE[slot] = entry


def forget(path: object) -> None:
    """Drop this process's cached frame of a workspace (tests, closing a workspace)."""
    with _LOCK:
        for slot in [s for s in _CACHE if s == str(path) or s.startswith(f"{path}|")]:
            del _CACHE[slot]


def _narrow(values: np.ndarray) -> tuple[bytes, str]:
    """The column's bytes and how they are stored, narrower only when every value comes back bit
    for bit (``_widen``): integers as int8/16/32; floats as decimals, an int8/16/32 count of 1/10**k
    with k <= 4 (units, money in cents, rates to 4 places; NaN is the type's smallest value), else
    as float32 where that is exact, else float64, whichever is narrowest. Workspace size: the
    snapshot was 260 of 1,460 MB at 5,000 ASINs x 156 weeks."""
    values = np.ascontiguousarray(values)
    if values.dtype == np.int64:
        for kind in _INTS:
            if values.size == 0 or np.iinfo(kind).min <= values.min() and values.max() <= np.iinfo(kind).max:
                return values.astype(kind).tobytes(), np.dtype(kind).name
    if values.dtype == np.float64:
        best: tuple[bytes, str] | None = None
        with np.errstate(over="ignore", invalid="ignore"):     # too big for float32: kept wide
            single = values.astype(np.float32)
        if _same(single.astype(np.float64), values):
            best = single.tobytes(), "float32"
        for digits in range(5):
            scaled = _decimals(values, digits)
            if scaled is not None:
                if best is None or scaled.itemsize < 4:
                    best = scaled.tobytes(), f"{scaled.dtype.name}/{10 ** digits}"
                break
        if best is not None:
            return best
    return values.tobytes(), values.dtype.name


_INTS = (np.int8, np.int16, np.int32)


def _packed(data: bytes, stored: str) -> tuple[bytes, str]:
    """``data`` zlib-compressed (level 1) when that halves it: ``zlib:`` + how it was stored. Level 1
    decodes at ~0.5 GB/s of output, and a part that does not halve is not worth its decoding time."""
    if len(data) < 4096:
        return data, stored
    packed = zlib.compress(data, 1)
    return (packed, f"zlib:{stored}") if 2 * len(packed) <= len(data) else (data, stored)


def _unpacked(blob: bytes, stored: str) -> tuple[bytes, str]:
    if stored.startswith("zlib:"):
        return zlib.decompress(blob), stored[5:]
    return blob, stored


def _same(a: np.ndarray, b: np.ndarray) -> bool:
    """Bit for bit (so -0.0 is not 0.0), any NaN being the same NaN."""
    nan = np.isnan(b)
    return bool(np.array_equal(np.isnan(a), nan) and np.array_equal(a[~nan].view(np.int64), b[~nan].view(np.int64)))


def _decimals(values: np.ndarray, digits: int) -> np.ndarray | None:
    """The counts of 1/10**digits in the narrowest int type that holds them (NaN as its smallest
    value), or None when some value is no such count."""
    scale, nan = float(10 ** digits), np.isnan(values)
    with np.errstate(over="ignore", invalid="ignore"):
        counts = np.rint(values * scale)
    counts[nan] = 0
    limit = np.iinfo(np.int32).max
    if not np.all(np.abs(counts) <= limit):
        return None
    top = float(np.abs(counts).max()) if counts.size else 0.0
    kind = next(k for k in _INTS if top <= np.iinfo(k).max)
    codes = counts.astype(kind)
    codes[nan] = np.iinfo(kind).min
    stored = f"{np.dtype(kind).name}/{10 ** digits}"
    return codes if _same(_widen(codes.tobytes(), stored, "float64"), values) else None


def _widen(blob: bytes, stored: str, kind: str) -> np.ndarray:
    """A column as ``_narrow`` (and ``_packed``) stored it, back in its own dtype ``kind``."""
    blob, stored = _unpacked(blob, stored)
    narrow, _, scale = stored.partition("/")
    codes = np.frombuffer(blob, dtype=narrow)
    if not scale:
        return codes.astype(kind)
    out = codes / float(scale)
    out[codes == np.iinfo(codes.dtype).min] = np.nan
    return out


def _codes(values: pd.Series) -> tuple[np.ndarray, list[str]]:
    codes, uniques = pd.factorize(values, sort=True)
    return codes.astype(np.int32), [str(u) for u in uniques]


def _save(ws: Any, frame: pd.DataFrame, present: dict[str, np.ndarray], head: dict[str, Any]) -> None:
    parts: dict[str, bytes] = {}
    head["stored"] = {}
    for column, part in (("asin", "asin"), ("period_start", "start"), ("period_end", "end")):
        codes, uniques = _codes(frame[column])
        head[f"{part}_values"] = uniques
        parts[part], head["stored"][part] = _packed(*_narrow(codes.astype(np.int64)))
    for table, mask in present.items():
        parts[f"has:{table}"], head["stored"][f"has:{table}"] = _packed(np.asarray(mask, dtype=np.uint8).tobytes(),
                                                                         "uint8")

    def rows() -> Iterator[tuple[str, bytes]]:
        yield from parts.items()
        for metric in head["metrics"]:      # one column's bytes at a time (all: +150 MB at 5,000 x 156)
            data, stored = _packed(*_narrow(frame[metric].to_numpy(dtype=np.float64)))
            if stored != "float64":
                head["stored"][metric] = stored
            yield metric, data
        yield "head", json.dumps(head).encode("utf-8")      # last: it names how each column is stored

    try:
        with ws.transaction() as conn:
            if version_key(conn) != head["key"]:
                return      # an import landed while we read: this snapshot is already stale
            conn.execute("DELETE FROM facts_snapshot")
            conn.executemany("INSERT INTO facts_snapshot (part, data) VALUES (?, ?)", rows())
    except Exception as exc:    # a cache: a read-only or busy file just rebuilds next time
        log.info("facts snapshot not saved in %s: %s", ws.path, exc)
    for key in ("asin_values", "start_values", "end_values", "stored"):
        head.pop(key, None)


def _strings(uniques: list[str], blob: bytes, kind: str, stored: str = "int32") -> pd.Series:
    """Text column from its distinct values and codes (-1 = missing; int32 unless ``stored`` says how
    ``_narrow``/``_packed`` kept them)."""
    return _texts(uniques, _widen(blob, stored, "intp"), kind)


def _texts(uniques: list[str], codes: np.ndarray, kind: str) -> pd.Series:
    """Text column from its distinct values and their codes (intp, -1 = missing). Taking from the
    array of distinct values skips pandas' per-element check of 200k strings."""
    if kind == "str":
        return pd.Series(pd.array(uniques, dtype="str").take(codes, allow_fill=True))
    return pd.Series(np.array(uniques + [None], dtype=object).take(codes), dtype=object)


def _load(conn: sqlite3.Connection, key: str, by_column: bool = False,
          only: set[str] | None = None) -> tuple[pd.DataFrame, dict[str, Any]] | None:
    row = conn.execute("SELECT data FROM facts_snapshot WHERE part = 'head'").fetchone()
    if row is None:
        return None
    head = json.loads(bytes(row[0]).decode("utf-8"))
    if head.get("key") != key:
        return None
    def blob(part: str) -> bytes:
        # one BLOB at a time: all of them at once doubled the peak (+145 MB at 5,000 x 156)
        found = conn.execute("SELECT data FROM facts_snapshot WHERE part = ?", (part,)).fetchone()
        if found is None:
            raise KeyError(part)
        return bytes(found[0])

    try:
        stored = head.pop("stored", {})
        codes = {part: blob(part) for part in ("asin", "start", "end")}
        if by_column:       # one array per column (pandas keeps them apart): freed one by one
            columns = {metric: _widen(blob(metric), stored.get(metric, "float64"), "float64")
                       for metric in head["metrics"] if only is None or metric in only}
        else:               # one float64 block, filled in place: the frame uses it without another copy
            rows = len(_widen(codes["asin"], stored.get("asin", "int32"), "intp"))
            block = np.empty((rows, len(head["metrics"])), dtype=np.float64, order="F")
            for i, metric in enumerate(head["metrics"]):
                block[:, i] = _widen(blob(metric), stored.get(metric, "float64"), "float64")
        present = {t: _widen(blob(f"has:{t}"), stored.get(f"has:{t}", "uint8"), "bool") for t in head["tables"]}
    except KeyError:
        return None         # a part is missing (an interrupted writer): rebuild
    if by_column:
        frame = pd.DataFrame(columns, columns=list(columns), copy=False)
        del columns
    else:
        frame = pd.DataFrame(block, columns=head["metrics"], copy=False)
    kept: dict[str, np.ndarray] = {}
    for at, (column, part) in enumerate((("asin", "asin"), ("period_start", "start"), ("period_end", "end"))):
        kept[column] = _widen(codes.pop(part), stored.get(part, "int32"), "intp")
        frame.insert(at, column, _texts(head.pop(f"{part}_values"), kept[column], "str"))
    del kept["period_end"]
    if by_column:       # the codes of the sorted ASINs and weeks: the gears need not factorize the texts again
        head["codes"] = kept
    head["present"] = present
    return frame, head


# ---- other big frames the tabs read (PO lines, manual KPIs): the same BLOB cache, by name ----

def invalidate_frame(conn: sqlite3.Connection, name: str) -> None:
    """Inside a writing transaction that changes only what frame ``name`` reads (e.g. a manual KPI)."""
    if not _has_table(conn):
        return
    conn.execute("DELETE FROM facts_snapshot WHERE part LIKE ? ESCAPE '\\'", (name.replace("_", "\\_") + ":%",))
    conn.execute("INSERT INTO meta (key, value) VALUES (?, '1') ON CONFLICT (key) "
                 "DO UPDATE SET value = CAST(COALESCE(value, '0') AS INTEGER) + 1", (f"{name}_version",))


def fill(ws: Any, build: Build) -> None:
    """Build and store the facts snapshot unless the workspace holds a valid one (nothing decoded,
    nothing kept). Storing it drops the named frames too, so it comes before ``fill_frame``."""
    conn = ws.conn
    if not _has_table(conn):
        return
    key = version_key(conn)
    row = conn.execute("SELECT data FROM facts_snapshot WHERE part = 'head'").fetchone()
    if row is not None and json.loads(bytes(row[0]).decode("utf-8")).get("key") == key:
        return
    frame, present = build(ws)
    _save(ws, frame, present, {"key": key, "tables": list(present), "metrics": [str(c) for c in frame.columns[3:]]})


def fill_frame(ws: Any, name: str, build: BuildFrame) -> None:
    """Build and store frame ``name`` unless the workspace holds a valid copy (nothing is decoded,
    nothing kept): a command fills its caches first, while nothing else is in memory."""
    conn = ws.conn
    if not _has_table(conn):
        return
    own = conn.execute("SELECT value FROM meta WHERE key = ?", (f"{name}_version",)).fetchone()
    key = f"{version_key(conn)}:{own[0] if own else 0}:{build.__module__}.{build.__qualname__}"
    row = conn.execute("SELECT data FROM facts_snapshot WHERE part = ?", (f"{name}:head",)).fetchone()
    if row is not None and json.loads(bytes(row[0]).decode("utf-8")).get("key") == key:
        return
    frame = build(ws)
    if _encodable(frame):
        _save_named(ws, name, key, own, _encoded(frame, name, key))


def cached_frame(ws: Any, name: str, build: BuildFrame, keep: bool = True,
                 only: Iterable[str] | None = None) -> pd.DataFrame:
    """``build(ws)`` (a DataFrame of float, int and text columns), cached in this process and in the
    workspace until the next import (or ``invalidate_frame(conn, name)``). ``keep=False``: not kept
    in this process (one command that reads it once). ``only``: just those of its columns (in the
    frame's order; read from the workspace, only their parts are decoded)."""
    if only is not None:
        wanted = set(only)
        frame = cached_frame(ws, name, build, keep) if keep else _cached_frame(ws, name, build, keep, wanted)
        return frame[[c for c in frame.columns if c in wanted]]
    return _cached_frame(ws, name, build, keep, None)


def _cached_frame(ws: Any, name: str, build: BuildFrame, keep: bool, only: set[str] | None) -> pd.DataFrame:
    conn = ws.conn
    if not _has_table(conn):
        return build(ws)
    own = conn.execute("SELECT value FROM meta WHERE key = ?", (f"{name}_version",)).fetchone()
    key = f"{version_key(conn)}:{own[0] if own else 0}:{build.__module__}.{build.__qualname__}"
    slot = f"{ws.path}|{name}"
    with _LOCK:
        hit = _CACHE.get(slot)
    if hit and hit[0] == key:
        return hit[1].copy(deep=False)     # copy-on-write: the caller may add or change columns
    frame = _load_named(conn, name, key, only)
    if frame is None:
        frame = build(ws)
        if _encodable(frame):
            _save_named(ws, name, key, own, _encoded(frame, name, key))
        if not keep:        # one command: what building freed goes back before its next step
            release_freed_memory()
    if not keep:
        return frame
    _remember(slot, (key, frame, {}))
    return frame.copy(deep=False)


def _text_kind(series: pd.Series) -> bool:
    kind = str(series.dtype)
    return kind == "str" or (kind == "object" and bool(series.map(lambda v: v is None or isinstance(v, str)).all()))


def _encodable(frame: pd.DataFrame) -> bool:
    """Every column float64, int64 or text (or missing): what ``_encoded`` writes."""
    return all(str(frame[c].dtype) in ("float64", "int64") or _text_kind(frame[c]) for c in frame.columns)


def _encoded(frame: pd.DataFrame, name: str, key: str) -> Iterator[tuple[str, bytes]]:
    """(part, BLOB) of each column, one at a time (all at once held another copy of the frame: +100 MB
    for the Amazon forecasts at 5,000 x 156), then the head (names, kinds, distinct texts, rows)."""
    columns: list[list[Any]] = []
    for i, column in enumerate(frame.columns):
        series = frame[column]
        kind = str(series.dtype)
        if kind in ("float64", "int64"):
            data, stored = _packed(*_narrow(series.to_numpy()))
            yield f"{name}:c{i}", data
            columns.append([str(column), kind, None, stored])
        else:
            codes, uniques = pd.factorize(series.astype(object), use_na_sentinel=True)
            data, stored = _packed(*_narrow(codes.astype(np.int64)))
            yield f"{name}:c{i}", data
            columns.append([str(column), kind, [str(u) for u in uniques], stored])
    yield f"{name}:head", json.dumps({"key": key, "columns": columns, "rows": len(frame)}).encode("utf-8")


def _save_named(ws: Any, name: str, key: str, own: Any, parts: Iterable[tuple[str, bytes]]) -> None:
    try:
        with ws.transaction() as conn:
            again = conn.execute("SELECT value FROM meta WHERE key = ?", (f"{name}_version",)).fetchone()
            if not key.startswith(f"{version_key(conn)}:{again[0] if again else 0}:"):
                return
            conn.execute("DELETE FROM facts_snapshot WHERE part LIKE ? ESCAPE '\\'",
                         (name.replace("_", "\\_") + ":%",))
            conn.executemany("INSERT INTO facts_snapshot (part, data) VALUES (?, ?)", parts)
    except Exception as exc:    # a cache: a read-only or busy file just rebuilds next time
        log.info("%s cache not saved in %s: %s", name, ws.path, exc)


def _load_named(conn: sqlite3.Connection, name: str, key: str, only: set[str] | None = None) -> pd.DataFrame | None:
    row = conn.execute("SELECT data FROM facts_snapshot WHERE part = ?", (f"{name}:head",)).fetchone()
    if row is None:
        return None
    head = json.loads(bytes(row[0]).decode("utf-8"))
    if head.get("key") != key:
        return None
    data: dict[str, Any] = {}
    columns = [c for c in head["columns"] if only is None or c[0] in only]
    for i, (column, kind, uniques, *stored) in enumerate(head["columns"]):
        if only is not None and column not in only:
            continue
        blob = conn.execute("SELECT data FROM facts_snapshot WHERE part = ?", (f"{name}:c{i}",)).fetchone()[0]
        if uniques is None:
            data[column] = _widen(blob, stored[0] if stored else kind, kind)
        else:
            data[column] = _strings(uniques, blob, kind, stored[0] if stored else "int32")
    return pd.DataFrame(data, columns=[c[0] for c in columns], copy=False)   # no second copy
