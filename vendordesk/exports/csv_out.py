"""CSV keeps its scripting contract: UTF-8, snake_case header, ISO dates, plain numbers (the text
pandas' ``to_csv`` writes), text cells neutralized against formula injection.

Written here rather than by ``to_csv``: with a "\\n" line end, ``to_csv`` leaves a carriage return
inside a field unquoted, which splits the row for every reader; ``csv_field`` quotes it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from vendordesk.exports.cells import csv_field

CHUNK = 50_000


def _formatter(dtype):
    kind = getattr(dtype, "kind", "O")
    if kind == "f":
        return lambda v: "" if math.isnan(v) else repr(float(v))
    if kind in "iu":
        return lambda v: str(int(v))
    if kind == "b":
        return lambda v: "True" if v else "False"
    return _text


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
            handle.write("".join(",".join(f(v) for f, v in zip(formatters, row)) + "\n"
                                 for row in part.itertuples(index=False, name=None)))
    return len(frame)


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
