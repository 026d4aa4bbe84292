"""The facts export in ASIN batches: each batch is read, put in the export's order (asin,
period_start, metric) and written before the next is read, so memory stays flat in the number of
rows. The same rows, order and fields as ``store.facts.facts_frame``.

The rows come from a ``FactSource`` the caller passes (``vendordesk.store.facts_export``; the ops
layer wires them together), so the writers never import the store."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol

import numpy as np

from vendordesk.core.parsed import FACT_ROW_HEAD
from vendordesk.exports.cells import csv_field

BATCH_ROWS = 150_000          # long rows per batch, about; sets the memory of an export
FIRST_BATCH_ASINS = 8         # the first batch measures the rows per ASIN
_HEAD = len(FACT_ROW_HEAD)


class FactSource(Protocol):
    """Where the facts come from: ``vendordesk.store.facts_export`` has these three functions."""

    def fact_asins(self, ws: Any) -> list[str]: ...
    def fact_blocks(self, ws: Any, first: str, last: str) -> Iterable[Any]: ...
    def count_fact_rows(self, ws: Any) -> int: ...


def _binary(text: str) -> bytes:
    return text.encode("utf-8")      # SQLite's BINARY collation


def _names(blocks) -> dict[str, int]:
    """Rank of every metric name in ``blocks`` (the sort order of ``ORDER BY metric``)."""
    names: set[str] = set()
    for block in blocks:
        if block.long:
            names.update(row[_HEAD] for row in block.rows)
        elif block.tag_index is not None:
            tags = {row[block.tag_index] for row in block.rows}
            names.update(f"{m}@{t}" for m in block.metrics for t in tags)
        elif block.rows:
            names.update(block.metrics)
    return {name: i for i, name in enumerate(sorted(names, key=_binary))}


def _ordered(blocks, as_text: bool, field=csv_field):
    """Long rows of ``blocks`` sorted by (asin, period_start, metric), rows equal on those in table
    order, as an object array: (n, 4) CSV pieces when ``as_text`` (fields through ``field``; a line is
    its four pieces joined), else (n,) tuples in column order."""
    rank = _names(blocks)
    asins = sorted({row[0] for b in blocks for row in b.rows}, key=_binary)
    periods = sorted({row[1] for b in blocks for row in b.rows}, key=_binary)
    asin_rank = {a: i for i, a in enumerate(asins)}
    period_rank = {p: i for i, p in enumerate(periods)}
    n_periods, n_metrics = max(1, len(periods)), max(1, len(rank))
    parts, keys = [], []
    for block in blocks:
        if not block.rows:
            continue
        base = np.fromiter(((asin_rank[r[0]] * n_periods + period_rank[r[1]]) * n_metrics for r in block.rows),
                           dtype=np.int64, count=len(block.rows))
        lines, key = (_lines if as_text else _tuples)(block, base, rank, field)
        parts.append(lines)
        keys.append(key)
    if not parts:
        return np.empty((0, 4) if as_text else 0, dtype=object)
    order = np.argsort(np.concatenate(keys), kind="stable")
    return np.concatenate(parts)[order]


def _long_pairs(block, rank):
    """Every value of ``block``: (row index, name code, value), row by row, and the names the codes
    point to with their sort ranks."""
    rows = block.rows
    if block.long:
        names = sorted({r[_HEAD] for r in rows})
        code_of = {n: i for i, n in enumerate(names)}
        codes = np.array([code_of[r[_HEAD]] for r in rows], dtype=np.int64)
        values = np.array([r[_HEAD + 1] for r in rows], dtype=float)
        return np.arange(len(rows)), codes, values, names
    first = _HEAD + (1 if block.tag_index is not None else 0)
    matrix = np.array([r[first:] for r in rows], dtype=float)        # None -> nan
    row_index, col_index = np.nonzero(~np.isnan(matrix))
    values = matrix[row_index, col_index]
    if block.tag_index is None:
        return row_index, col_index, values, list(block.metrics)
    tags = sorted({r[block.tag_index] for r in rows})
    tag_of = {t: i for i, t in enumerate(tags)}
    tag_code = np.array([tag_of[r[block.tag_index]] for r in rows], dtype=np.int64)
    names = [f"{m}@{t}" for t in tags for m in block.metrics]
    return row_index, tag_code[row_index] * len(block.metrics) + col_index, values, names


def _lines(block, base, rank, field):
    row_index, codes, values, names = _long_pairs(block, rank)
    tails: dict = {}
    if all(field(v) is v for v in {r[0] for r in block.rows} | {r[1] for r in block.rows} | {r[2] for r in block.rows}):
        prefix = np.array([f"{r[0]},{r[1]},{r[2]}," for r in block.rows], dtype=object)   # nothing to escape
    else:
        prefix = np.array([f"{field(r[0])},{field(r[1])},{field(r[2])}," for r in block.rows], dtype=object)
    suffix = np.empty(len(block.rows), dtype=object)
    for i, r in enumerate(block.rows):
        tail = r[3:_HEAD]
        text = tails.get(tail)
        if text is None:
            text = tails[tail] = "," + ",".join(field(v) for v in tail) + "\n"
        suffix[i] = text
    metric = np.array([field(n) + "," for n in names], dtype=object)
    text = np.array(list(map(repr, values.tolist())), dtype=object)
    pieces = np.empty((len(row_index), 4), dtype=object)       # the line is the four pieces in a row
    pieces[:, 0], pieces[:, 1], pieces[:, 2], pieces[:, 3] = prefix[row_index], metric[codes], text, suffix[row_index]
    return pieces, base[row_index] + np.array([rank[n] for n in names], dtype=np.int64)[codes]


def _tuples(block, base, rank, field):
    row_index, codes, values, names = _long_pairs(block, rank)
    rows, names = block.rows, np.array(names, dtype=object)[codes].tolist()
    out = np.empty(len(row_index), dtype=object)
    out[:] = [(rows[i][0], rows[i][1], rows[i][2], n, v, rows[i][3], rows[i][4], rows[i][5], rows[i][6],
               rows[i][7]) for i, n, v in zip(row_index.tolist(), names, values.tolist())]
    return out, base[row_index] + np.array([rank[n] for n in names], dtype=np.int64)


def _batches(ws, source: FactSource, as_text: bool, progress: Callable[[float], None] | None, field=csv_field) -> Iterator:
    """The ordered long rows, one batch of ASINs at a time; the batch size follows the rows per ASIN
    measured so far."""
    asins = source.fact_asins(ws)
    start, per, rows_seen = 0, FIRST_BATCH_ASINS, 0
    while start < len(asins):
        chunk = asins[start:start + per]
        batch = _ordered(list(source.fact_blocks(ws, chunk[0], chunk[-1])), as_text, field)
        start += len(chunk)
        rows_seen += len(batch)
        per = max(1, BATCH_ROWS * start // max(1, rows_seen))
        if progress:
            progress(start / len(asins))
        yield batch


def csv_batches(ws, source: FactSource, progress=None) -> Iterator[tuple[str, int]]:
    """The CSV text of the facts (without the header) and its number of rows, batch by batch."""
    fields: dict = {}

    def field(value) -> str:       # the same few texts again and again: format each once
        text = fields.get(value)
        if text is None:
            if len(fields) > 200_000:
                fields.clear()
            text = csv_field(value)
            fields[value] = text = value if text == value else text    # the same object when unchanged
        return text

    for batch in _batches(ws, source, True, progress, field):
        yield "".join(batch.ravel().tolist()), len(batch)


def row_batches(ws, source: FactSource, progress=None) -> Iterator[list[tuple]]:
    """The facts as tuples in the export's column order, batch by batch (for XLSX)."""
    for batch in _batches(ws, source, False, progress):
        yield batch.tolist()


def count_rows(ws, source: FactSource) -> int:
    return source.count_fact_rows(ws)
