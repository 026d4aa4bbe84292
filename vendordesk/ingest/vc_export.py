"""Vendor Central Retail Analytics exports (CSV and XLSX) -> ParsedReport.

The header is the first row with an ``ASIN`` cell; rows above it are ``Key=[Value]`` metadata.
Delimiter (``,`` ``;`` tab) and encoding (UTF-8, UTF-8-BOM, UTF-16, cp1252) are sniffed, and old
French "encapsulated" lines are unwrapped, by vc_csv, which streams the rows from disk.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from vendordesk.core.parsed import Context, ParsedReport
from vendordesk.errors import UserError
from vendordesk.ingest.aliases import is_asin_header
from vendordesk.ingest.library_texts import explained
from vendordesk.ingest.vc_csv import CUT_BEFORE_HEADER, CUT_IN_HEADER, HEADER_SCAN, CsvRows, cut_off
from vendordesk.ingest.vc_sink import RowSink
from vendordesk.text import N_

MAX_TEXT_BYTES = 512 * 1024 * 1024
_HEADER_SCAN = HEADER_SCAN


def read_csv(path: Path, head: bytes, context: Context, sink: RowSink | None = None) -> ParsedReport:
    """Streamed from disk (vc_csv.CsvRows). With a ``sink`` (vc_sink) the facts go there in chunks and
    memory does not grow with the file; without one they are kept in the report."""
    size = path.stat().st_size
    if size > MAX_TEXT_BYTES:
        raise UserError(N_("{file}: {size:.0f} MB is too large for a Vendor Central export. Nothing was imported. "
                           "Export a shorter period or fewer ASINs."), file=path.name, size=size / 1e6)
    return build(CsvRows(path, head), path.name, "csv", context, sink)


def read_xlsx(path: Path, context: Context, sink: RowSink | None = None) -> ParsedReport:
    import zipfile

    from openpyxl import load_workbook

    from vendordesk.ingest.numbers import PercentCell

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise UserError(N_("{file}: not a readable Excel workbook ({problem}). Nothing was imported. Open it in "
                           "Excel and save it again as .xlsx, or export CSV."), file=path.name, problem=explained(str(exc))) from exc
    try:
        for sheet in book.worksheets:
            rows: list[list[Any]] = []
            for cells in sheet.iter_rows():
                row = []
                for cell in cells:
                    value: Any = getattr(cell, "value", None)
                    if isinstance(value, float | int) and "%" in str(getattr(cell, "number_format", "")):
                        value = PercentCell(value)
                    elif hasattr(value, "isoformat"):
                        value = value.strftime("%Y-%m-%d")
                    row.append(value)
                rows.append(row)
            if any(is_asin_header(c) for r in rows[:_HEADER_SCAN] for c in r):
                return build(rows, path.name, "xlsx", context, sink)
    finally:
        book.close()
    raise _no_header(path.name)


def _no_header(name: str) -> UserError:
    return UserError(N_("{file}: no header row with an ASIN column in the first {rows} rows. Nothing was imported. "
                        "Export the report from Vendor Central with View By = ASIN and import that file unchanged."),
                     file=name, rows=_HEADER_SCAN)


class _Below:
    """Rows of a list below the header, re-readable like vc_csv.DataRows."""

    def __init__(self, rows: list[list[Any]], skip: int):
        self.rows, self.skip = rows, skip

    def __iter__(self) -> Iterator[list[Any]]:
        return itertools.islice(self.rows, self.skip, None)


def build(rows: Any, name: str, source: str, context: Context, sink: RowSink | None = None) -> ParsedReport:
    """Header, metadata and layout -> the reader for that report kind. ``rows``: a list or CsvRows.
    Only facts exports use the ``sink``; forecast and purchase-order exports are kept in the report."""
    from vendordesk.ingest import vc_rows, vc_special
    from vendordesk.ingest.metadata import parse_metadata

    head = list(itertools.islice(rows, _HEADER_SCAN))
    short = len(head) < _HEADER_SCAN and isinstance(rows, CsvRows) and not rows.ends_cleanly
    header_at = next((i for i, row in enumerate(head) if any(is_asin_header(c) for c in row)), None)
    if header_at is None:
        raise cut_off(name, CUT_BEFORE_HEADER) if short else _no_header(name)
    if short and header_at == len(head) - 1:
        raise cut_off(name, CUT_IN_HEADER)
    metadata = parse_metadata([c for row in head[:header_at] for c in row if c not in (None, "")])
    header = [str(c).strip() if c is not None else "" for c in head[header_at]]
    data: Any = rows.after(header_at, header) if isinstance(rows, CsvRows) else _Below(rows, header_at + 1)
    report = ParsedReport(file_name=name, source=source, report_type="?", metadata=metadata)
    report.locale = metadata.get("locale") or context.locale
    layout = vc_special.layout_of(header)
    if layout == "purchase_orders":
        vc_special.purchase_orders(report, header, data, header_at, context)
    elif layout == "forecast":
        vc_special.forecast(report, header, data, header_at, context)
    else:
        vc_rows.facts(report, header, data, header_at, context, sink)
    return report
