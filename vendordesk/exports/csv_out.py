"""CSV keeps its scripting contract: UTF-8, snake_case header, ISO dates, plain numbers (the text
pandas' ``to_csv`` writes), text cells neutralized against formula injection.

Written here rather than by ``to_csv``: with a "\\n" line end, ``to_csv`` leaves a carriage return
inside a field unquoted, which splits the row for every reader; ``csv_field`` quotes it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
import pandas as pd

from vendordesk.exports.cells import csv_field

CHUNK = 10_000    # rows formatted at a time: their fields are held as lists, a column each (~5 MB)


def _formatter(dtype):
    kind = getattr(dtype, "kind", "O")
    if kind == "f":
        return _number
    if kind in "iu":
        return lambda v: str(int(v))
    if kind == "b":
        return lambda v: "True" if v else "False"
    return _text


def _number(value) -> str:
    return "" if math.isnan(value) else repr(float(value))


def _text(value) -> str:
    if value is None or type(value).__name__ in ("NAType", "NaTType"):
        return ""
    if isinstance(value, float):
        return "" if math.isnan(value) else repr(value)
    return csv_field(value)


def write_frame_csv(frame, path) -> int:
    formatters = [_formatter(frame[c].dtype) if frame.columns.is_unique else _text for c in frame.columns]
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(",".join(csv_field(str(c)) for c in frame.columns) + "\n")
        for start in range(0, len(frame), CHUNK):
            part = frame.iloc[start:start + CHUNK]
            cells = [_column(f, part.iloc[:, k]) for k, f in enumerate(formatters)]
            rows = zip(*cells) if cells else [()] * len(part)
            handle.write("".join(",".join(row) + "\n" for row in rows))
    return len(frame)


def _column(format_cell, values) -> list[str]:
    """One column's fields, in the values' order (as ``itertuples`` yields them); a text is
    formatted once however often it repeats (ASINs, weeks, model names)."""
    if format_cell is _number and isinstance(values.dtype, np.dtype):    # as _number, on Python floats
        return ["" if math.isnan(v) else repr(v) for v in values.to_numpy().tolist()]
    if format_cell is not _text:
        return list(map(format_cell, values))
    if isinstance(values.dtype, pd.StringDtype):    # the same texts and missing values, without a call each
        values = values.to_numpy(dtype=object)
    done: dict[str, str] = {}
    out = []
    for value in values:
        if type(value) is str:      # only exact str: equal values of other types may print apart
            text = done.get(value)
            if text is None:
                text = done[value] = _text(value)
            out.append(text)
        else:
            out.append(_text(value))
    return out


def write_text_csv(path, header: list[str], chunks: Iterable[tuple[bytes, int]]) -> int:
    """Write a header line and ready CSV chunks (UTF-8 bytes, rows); returns the number of rows.

    Bytes to a binary file: a text file would encode and copy each chunk through its buffer again,
    which costs more than building the text."""
    rows = 0
    with open(path, "wb") as handle:
        handle.write((",".join(header) + "\n").encode("utf-8"))
        for data, count in chunks:
            handle.write(data)
            rows += count
    return rows
