"""CSV keeps its scripting contract: UTF-8, snake_case header, ISO dates, plain numbers (as pandas
writes them), text cells neutralized against formula injection."""

from __future__ import annotations

from collections.abc import Iterable

from vendordesk.exports.cells import neutralize_frame


def write_frame_csv(frame, path) -> int:
    neutralize_frame(frame).to_csv(path, index=False, encoding="utf-8")
    return len(frame)


def write_text_csv(path, header: list[str], chunks: Iterable[tuple[str, int]]) -> int:
    """Write a header line and ready CSV text chunks (text, rows); returns the number of rows."""
    rows = 0
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(",".join(header) + "\n")
        for text, count in chunks:
            handle.write(text)
            rows += count
    return rows
