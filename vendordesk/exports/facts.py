"""The facts export in ASIN batches: each batch is read, put in the export's order (asin,
period_start, metric) and written before the next is read, so memory stays flat in the number of
rows. The same rows, order and fields as ``store.facts.facts_frame``.

The rows come from a ``FactSource`` the caller passes (``vendordesk.store.facts_export``; the ops
layer wires them together), so the writers never import the store.

CSV text is built column-wise, not row by row: a batch has a few hundred thousand lines but only a
few thousand distinct (asin, period) prefixes, a handful of distinct tails (view, program, grain,
currency, marketplace) and far fewer distinct values than values. Each distinct piece is formatted
once (``repr`` of the float, ``csv_field`` of the text), every line is four of them, and numpy picks
and orders the pieces; Python touches each line only in the final ``"".join``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol

import numpy as np

from vendordesk.core.parsed import FACT_ROW_HEAD
from vendordesk.exports.cells import csv_field

BATCH_ROWS = 150_000          # long rows per batch, about; sets the memory of an export
FIRST_BATCH_ASINS = 8         # the first batch measures the rows per ASIN
_HEAD = len(FACT_ROW_HEAD)
_TAIL = slice(3, _HEAD)       # distributor_view .. marketplace_id: after metric and value in a line


class FactSource(Protocol):
    """Where the facts come from: ``vendordesk.store.facts_export`` has these three functions."""

    def fact_asins(self, ws: Any) -> list[str]: ...
    def fact_blocks(self, ws: Any, first: str, last: str) -> Iterable[Any]: ...
    def count_fact_rows(self, ws: Any) -> int: ...


def _factorize(values) -> tuple[np.ndarray, int]:
    """Codes 0..k-1 of ``values`` (an object or integer array; None is a value too) and k."""
    import pandas as pd

    if values.dtype == object and len(values) and (values == values[0]).all():
        return np.zeros(len(values), dtype=np.int64), 1          # one view, one grain, ...: the common case
    codes, uniques = pd.factorize(values, use_na_sentinel=False)
    return codes.astype(np.int64, copy=False), len(uniques)


def _ranks(values) -> tuple[np.ndarray, int]:
    """Sort ranks of ``values`` (text; Python's order of code points is UTF-8's byte order, the
    order of SQLite's BINARY collation) and how many distinct values there are."""
    import pandas as pd

    codes, uniques = pd.factorize(values, sort=True)
    return codes.astype(np.int64, copy=False), len(uniques)


def _representatives(codes: np.ndarray, k: int) -> np.ndarray:
    """For each code 0..k-1, the index of one element that has it."""
    rep = np.zeros(k, dtype=np.int64)
    rep[codes] = np.arange(len(codes), dtype=np.int64)
    return rep


class _Block:
    """One block's rows as columns, and its values as (row, name, value) triples in row order."""

    def __init__(self, block):
        self.table = np.array(block.rows, dtype=object)
        if self.table.ndim != 2:                      # rows of unequal length: not a Block
            raise ValueError("fact rows of one block must have the same length")
        if block.long:
            self.row = np.arange(len(self.table), dtype=np.int64)
            name_codes, k = _factorize(self.table[:, _HEAD])
            names = self.table[_representatives(name_codes, k), _HEAD].tolist()
            self.names, self.name_code = [str(n) for n in names], name_codes
            self.value = self.table[:, _HEAD + 1].astype(float)
            return
        first = _HEAD + (1 if block.tag_index is not None else 0)
        matrix = self.table[:, first:].astype(float)          # None -> nan
        self.row, column = np.nonzero(~np.isnan(matrix))
        self.value = matrix[self.row, column]
        metrics = list(block.metrics)
        if block.tag_index is None:
            self.names, self.name_code = metrics, column.astype(np.int64)
            return
        tag_codes, k = _factorize(self.table[:, block.tag_index])
        tags = self.table[_representatives(tag_codes, k), block.tag_index].tolist()
        self.names = [f"{m}@{t}" for t in tags for m in metrics]
        self.name_code = tag_codes[self.row] * len(metrics) + column


def _csv_text(raw_blocks: list, field: Callable[[Any], str] = csv_field) -> tuple[bytes, int]:
    """The CSV lines of one batch of blocks in the export's order, UTF-8, and how many there are.

    A line is four pieces: "asin,start,end,", "metric,", "value," and "view,program,grain,
    currency,marketplace\n". Every distinct piece is formatted once into ``pieces``; each line is
    four indexes into it, sorted as integers, and only the final join touches the text. (Building
    "metric,value,tail" once per distinct triple instead costs more: a third of the triples are
    distinct, and each is a new string.)"""
    blocks = [_Block(b) for b in raw_blocks if b.rows]
    if not blocks:
        return b"", 0
    heads = np.concatenate([b.table[:, :3] for b in blocks])       # asin, period_start, period_end per row
    offsets = np.cumsum([0] + [len(b.table) for b in blocks])
    asin, n_asins = _ranks(heads[:, 0])
    start, n_starts = _ranks(heads[:, 1])
    end, n_ends = _factorize(heads[:, 2])
    a_text, s_text, e_text = ([field(v) for v in heads[_representatives(codes, k), i].tolist()]
                              for i, (codes, k) in enumerate(((asin, n_asins), (start, n_starts), (end, n_ends))))
    prefix_code, n_prefixes = _factorize((asin * n_starts + start) * n_ends + end)
    rep = _representatives(prefix_code, n_prefixes)
    pieces: list[str] = [f"{a_text[a]},{s_text[s]},{e_text[e]}," for a, s, e in
                           zip(asin[rep].tolist(), start[rep].tolist(), end[rep].tolist())]
    names = sorted({n for b in blocks for n in b.names})
    name_rank = {n: i for i, n in enumerate(names)}
    keys, lines = [], []
    for b, offset in zip(blocks, offsets):
        row = b.row + offset
        rank = np.array([name_rank[n] for n in b.names], dtype=np.int64)[b.name_code]
        keys.append((asin[row] * n_starts + start[row]) * len(names) + rank)
        line = np.empty((len(row), 4), dtype=np.int64)
        line[:, 0] = prefix_code[row]
        line[:, 1:] = _rests(b, field, pieces)
        lines.append(line)
    order = np.argsort(np.concatenate(keys), kind="stable")
    table = np.array(pieces, dtype=object)
    return "".join(table[np.concatenate(lines)[order].ravel()].tolist()).encode("utf-8"), len(order)


def _rests(b: _Block, field: Callable[[Any], str], pieces: list[str]) -> np.ndarray:
    """For each of ``b``'s values, the indexes in ``pieces`` of its "metric,", "value," and
    "view,program,grain,currency,marketplace\n"; each distinct piece is appended once."""
    out = np.empty((len(b.row), 3), dtype=np.int64)
    out[:, 0] = b.name_code + len(pieces)
    pieces.extend(field(n) + "," for n in b.names)
    value_code, n_values = _factorize(b.value.view(np.int64))      # bit patterns, as repr tells them apart
    out[:, 1] = value_code + len(pieces)
    pieces.extend(f"{v!r}," for v in b.value[_representatives(value_code, n_values)].tolist())
    tails = b.table[:, _TAIL]
    tail_code = np.zeros(len(tails), dtype=np.int64)
    for j in range(tails.shape[1]):
        codes, k = _factorize(tails[:, j])
        tail_code = tail_code * k + codes
    tail_code, n_tails = _factorize(tail_code)
    out[:, 2] = tail_code[b.row] + len(pieces)
    pieces.extend(",".join(field(v) for v in t) + "\n" for t in tails[_representatives(tail_code, n_tails)].tolist())
    return out


# --- XLSX: tuples in column order ---------------------------------------------------------------
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


def _ordered(blocks) -> np.ndarray:
    """Long rows of ``blocks`` sorted by (asin, period_start, metric), rows equal on those in table
    order, as an object array of tuples in column order."""
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
        lines, key = _tuples(block, base, rank)
        parts.append(lines)
        keys.append(key)
    if not parts:
        return np.empty(0, dtype=object)
    order = np.argsort(np.concatenate(keys), kind="stable")
    return np.concatenate(parts)[order]


def _tuples(block, base, rank):
    b = _Block(block)
    rows, names = block.rows, np.array(b.names, dtype=object)[b.name_code].tolist()
    out = np.empty(len(b.row), dtype=object)
    out[:] = [(rows[i][0], rows[i][1], rows[i][2], n, v, rows[i][3], rows[i][4], rows[i][5], rows[i][6],
               rows[i][7]) for i, n, v in zip(b.row.tolist(), names, b.value.tolist())]
    return out, base[b.row] + np.array([rank[n] for n in names], dtype=np.int64)


def _batches(ws, source: FactSource, convert: Callable[[list], tuple[Any, int]],
             progress: Callable[[float], None] | None) -> Iterator:
    """``convert(blocks) -> (batch, rows)`` of one batch of ASINs at a time; the batch size follows
    the rows per ASIN measured so far."""
    asins = source.fact_asins(ws)
    start, per, rows_seen = 0, FIRST_BATCH_ASINS, 0
    while start < len(asins):
        chunk = asins[start:start + per]
        batch, rows = convert(list(source.fact_blocks(ws, chunk[0], chunk[-1])))
        start += len(chunk)
        rows_seen += rows
        per = max(1, BATCH_ROWS * start // max(1, rows_seen))
        if progress:
            progress(start / len(asins))
        yield batch, rows


def csv_batches(ws, source: FactSource, progress=None) -> Iterator[tuple[bytes, int]]:
    """The CSV text of the facts (without the header), UTF-8, and its number of rows, batch by batch."""
    yield from _batches(ws, source, _csv_text, progress)


def row_batches(ws, source: FactSource, progress=None) -> Iterator[list[tuple]]:
    """The facts as tuples in the export's column order, batch by batch (for XLSX)."""
    for batch, _rows in _batches(ws, source, _tuple_batch, progress):
        yield batch


def _tuple_batch(blocks: list) -> tuple[list[tuple], int]:
    rows = _ordered(blocks).tolist()
    return rows, len(rows)


def count_rows(ws, source: FactSource) -> int:
    return source.count_fact_rows(ws)
