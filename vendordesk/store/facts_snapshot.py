"""The weekly facts as a columnar snapshot: read once, fast, shared by every tab and command.

``weekly_frame`` (store.facts_read) for the default view and weekly grain comes from here:
- in this process, the decoded frame is cached per workspace file and data version;
- in the workspace, table ``facts_snapshot`` keeps each column as one BLOB (float64 values,
  int32 codes of ASINs and weeks, one presence byte per row and fact table), so a new process
  decodes it in milliseconds instead of fetching millions of values through row tuples.

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

import numpy as np
import pandas as pd

log = logging.getLogger(__name__)
FORMAT = 1
_CACHE: dict[str, tuple[str, pd.DataFrame, dict]] = {}
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


def _has_table(conn) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'facts_snapshot'").fetchone() is not None


def full_frame(ws, build) -> tuple[pd.DataFrame, dict] | None:
    """(frame, head) of all weekly facts; ``build(ws)`` returns (frame, presence per table) when
    no valid snapshot exists. None when the workspace has no snapshot table (older schema)."""
    conn = ws.conn
    if not _has_table(conn):
        return None
    key = version_key(conn)
    name = str(ws.path)
    with _LOCK:
        hit = _CACHE.get(name)
        if hit and hit[0] == key:
            return hit[1], hit[2]
    loaded = _load(conn, key)
    if loaded is None:
        frame, present = build(ws)
        head = {"key": key, "tables": list(present),
                "metrics": [str(c) for c in frame.columns[3:]]}
        _save(ws, frame, present, head)
        loaded = frame, {**head, "present": present}
    with _LOCK:
        _CACHE[name] = (key, loaded[0], loaded[1])
    return loaded


def forget(path) -> None:
    """Drop this process's cached frame of a workspace (tests, closing a workspace)."""
    with _LOCK:
        _CACHE.pop(str(path), None)


def _codes(values: pd.Series) -> tuple[np.ndarray, list[str]]:
    codes, uniques = pd.factorize(values, sort=True)
    return codes.astype(np.int32), [str(u) for u in uniques]


def _save(ws, frame: pd.DataFrame, present: dict[str, np.ndarray], head: dict) -> None:
    parts: dict[str, bytes] = {}
    for column, part in (("asin", "asin"), ("period_start", "start"), ("period_end", "end")):
        codes, uniques = _codes(frame[column])
        head[f"{part}_values"] = uniques
        parts[part] = codes.tobytes()
    for table, mask in present.items():
        parts[f"has:{table}"] = np.asarray(mask, dtype=np.uint8).tobytes()
    for metric in head["metrics"]:
        parts[metric] = np.ascontiguousarray(frame[metric].to_numpy(dtype=np.float64)).tobytes()
    parts["head"] = json.dumps(head).encode("utf-8")
    try:
        with ws.transaction() as conn:
            if version_key(conn) != head["key"]:
                return      # an import landed while we read: this snapshot is already stale
            conn.execute("DELETE FROM facts_snapshot")
            conn.executemany("INSERT INTO facts_snapshot (part, data) VALUES (?, ?)", parts.items())
    except Exception as exc:    # a cache: a read-only or busy file just rebuilds next time
        log.info("facts snapshot not saved in %s: %s", ws.path, exc)
    for key in ("asin_values", "start_values", "end_values"):
        head.pop(key, None)


def _load(conn, key: str) -> tuple[pd.DataFrame, dict] | None:
    row = conn.execute("SELECT data FROM facts_snapshot WHERE part = 'head'").fetchone()
    if row is None:
        return None
    head = json.loads(bytes(row[0]).decode("utf-8"))
    if head.get("key") != key:
        return None
    blobs = dict(conn.execute("SELECT part, data FROM facts_snapshot WHERE part <> 'head'"))
    columns = {}
    for column, part in (("asin", "asin"), ("period_start", "start"), ("period_end", "end")):
        codes = np.frombuffer(blobs[part], dtype=np.int32)
        uniques = np.array(head.pop(f"{part}_values"), dtype=object)
        columns[column] = pd.Series(uniques.take(codes) if len(uniques) else np.array([], dtype=object),
                                    dtype="str")
    for metric in head["metrics"]:
        columns[metric] = np.frombuffer(blobs[metric], dtype=np.float64).copy()
    head["present"] = {t: np.frombuffer(blobs[f"has:{t}"], dtype=np.uint8).astype(bool) for t in head["tables"]}
    return pd.DataFrame(columns), head
