"""Vendor Central Retail Analytics exports (CSV and XLSX) -> ParsedReport.

The header is the first row with an ``ASIN`` cell; rows above it are ``Key=[Value]`` metadata.
Delimiter (``,`` ``;`` tab) and encoding (UTF-8, UTF-8-BOM, cp1252) are sniffed. Old French
"encapsulated" lines (each line one quoted cell with doubled quotes, ending ``;;;``) are unwrapped first.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from vendordesk.errors import UserError
from vendordesk.ingest.aliases import is_asin_header
from vendordesk.ingest.detect import Context
from vendordesk.ingest.model import ParsedReport

MAX_TEXT_BYTES = 512 * 1024 * 1024
_HEADER_SCAN = 40
_WRAPPED = re.compile(r'^\s*"(.*)"\s*[;,\t]*\s*$')


def decode(raw: bytes, name: str) -> str:
    """UTF-8 (with or without BOM) first, then cp1252."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise UserError(f"{name}: the text is neither UTF-8 nor Windows-1252 (byte {exc.start}). "
                            "Nothing was imported. Save the export again as CSV UTF-8.") from exc
    return text.lstrip("\ufeff")


def unwrap(lines: list[str]) -> list[str]:
    """Undo the encapsulated format: each line one quoted cell with doubled inner quotes."""
    wrapped = any(re.match(r'^\s*"\s*asin\s*[,;\t]', line, re.IGNORECASE) for line in lines[:_HEADER_SCAN])
    if not wrapped:
        return lines
    out = []
    for line in lines:
        match = _WRAPPED.match(line)
        out.append(match.group(1).replace('""', '"') if match else line)
    return out


def sniff_delimiter(lines: list[str]) -> str:
    """The delimiter that splits the ASIN header row into the most cells."""
    best, best_cells = ",", 0
    for delimiter in (",", ";", "\t"):
        for row in csv.reader(lines[:_HEADER_SCAN], delimiter=delimiter):
            if any(is_asin_header(cell) for cell in row):
                if len(row) > best_cells:
                    best, best_cells = delimiter, len(row)
                break
    return best


def read_csv(path: Path, head: bytes, context: Context) -> ParsedReport:
    size = path.stat().st_size
    if size > MAX_TEXT_BYTES:
        raise UserError(f"{path.name}: {size / 1e6:.0f} MB is too large for a Vendor Central export. "
                        "Nothing was imported. Export a shorter period or fewer ASINs.")
    text = decode(path.read_bytes(), path.name)
    lines = unwrap(text.splitlines())
    delimiter = sniff_delimiter(lines)
    rows = [row for row in csv.reader(lines, delimiter=delimiter)]
    return build(rows, path.name, "csv", context)


def read_xlsx(path: Path, context: Context) -> ParsedReport:
    import zipfile

    from openpyxl import load_workbook

    from vendordesk.ingest.numbers import PercentCell

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise UserError(f"{path.name}: not a readable Excel workbook ({exc}). Nothing was imported. "
                        "Open it in Excel and save it again as .xlsx, or export CSV.") from exc
    try:
        for sheet in book.worksheets:
            rows = []
            for cells in sheet.iter_rows():
                row = []
                for cell in cells:
                    value = getattr(cell, "value", None)
                    if isinstance(value, float | int) and "%" in str(getattr(cell, "number_format", "")):
                        value = PercentCell(value)
                    elif hasattr(value, "isoformat"):
                        value = value.strftime("%Y-%m-%d")
                    row.append(value)
                rows.append(row)
            if any(is_asin_header(c) for r in rows[:_HEADER_SCAN] for c in r):
                return build(rows, path.name, "xlsx", context)
    finally:
        book.close()
    raise _no_header(path.name)


def _no_header(name: str) -> UserError:
    return UserError(f"{name}: no header row with an ASIN column in the first {_HEADER_SCAN} rows. "
                     "Nothing was imported. Export the report from Vendor Central with View By = ASIN "
                     "and import that file unchanged.")


def build(rows: list[list], name: str, source: str, context: Context) -> ParsedReport:
    """Header, metadata and layout -> the reader for that report kind."""
    from vendordesk.ingest import vc_rows, vc_special
    from vendordesk.ingest.metadata import parse_metadata

    header_at = next((i for i, row in enumerate(rows[:_HEADER_SCAN]) if any(is_asin_header(c) for c in row)),
                     None)
    if header_at is None:
        raise _no_header(name)
    metadata = parse_metadata([c for row in rows[:header_at] for c in row if c not in (None, "")])
    header = [str(c).strip() if c is not None else "" for c in rows[header_at]]
    data = rows[header_at + 1:]
    report = ParsedReport(file_name=name, source=source, report_type="?", metadata=metadata)
    report.locale = metadata.get("locale") or context.locale
    layout = vc_special.layout_of(header)
    if layout == "purchase_orders":
        vc_special.purchase_orders(report, header, data, header_at, context)
    elif layout == "forecast":
        vc_special.forecast(report, header, data, header_at, context)
    else:
        vc_rows.facts(report, header, data, header_at, context)
    return report
