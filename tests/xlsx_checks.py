"""What a workbook for people must be (issue 17), read back with openpyxl the way a person's Excel
shows it. Shared by the export tests of the command line (tests/e2e) and of the window (tests/ui).

Every sheet: a bold header row 1 in the UI language (no snake_case key, no English in German),
frozen (``freeze_panes == "A2"``), an autofilter over exactly the data, a set width for every
column; dates as date cells (DD.MM.YYYY in German), numbers as number cells with a format (money
with two decimals, thousands and the currency sign where the language writes it: "170,17 €",
"€170.17"; percent as 0.0 %), never text that looks like
an ISO date or a number (outside identifier columns), no stored code (snake_case, a marketplace ID,
an upper-case API code) in a cell; yes/no as the words of the UI language ("Ja"/"Nein"), never
an Excel boolean (German Excel shows WAHR/FALSCH) or "True"/"False".
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass, field

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

SNAKE = re.compile(r"^[a-z0-9]+(_[a-z0-9]+)+(@.*)?$")
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}")
API_CODE = re.compile(r"^[A-Z]{5,}(_[A-Z]+)*$")        # MANUFACTURING, RETAIL, SOURCING
NUMBER_TEXT = re.compile(r"^[-+]?\d[\d.,]*\s*(%|€)?$")
# identifier columns: text that looks like a number is right there (a case ID keeps its leading 0)
# (the chargebacks' "Bestellung" / "PO" and "Rechnung" / "Invoice" hold Amazon's PO and invoice numbers)
ID_HEADER = re.compile(r"(ID|Nr\.|[Nn]ummer|number|ASIN|^POs?$|^Bestellung(en)?$|^Rechnung(en)?$|^Invoices?$)", re.IGNORECASE)
DATE_FORMAT = {"de": "DD.MM.YYYY", "en": "DD/MM/YYYY"}   # as the window shows them: 03.12.2026, 03/12/2026
# money as each language writes it: "170,17 €" in German, "€170.17" in English (the sign before the
# number); a signed what-if figure carries its "+" before the sign in English, before the number in German
MONEY = {"de": re.compile(r'^[+]?#,##0(\.00)? "[€£$]"'), "en": re.compile(r'^[+]?"[€£$]"#,##0(\.00)?(;|$)')}
# English words that must not head a column in a German file (the English headers of every export)
ENGLISH = {"Amount", "Subject", "Opened", "Status", "Department", "Due", "Raised on", "Dispute due", "Value",
           "Week starting", "Gear", "Change", "Last year", "Metric", "Period start", "Title", "Figure",
           "Likely from", "Week", "Units", "Step", "Assumption", "Kind", "Type", "Notes", "Note", "Created"}
GERMAN_OK = {"Status", "ASIN", "KPI", "ASINs"}          # the same word in German
# yes/no as a person reads it, in each language; anything else a script would write is flagged
YES_NO = {"de": {"Ja", "Nein"}, "en": {"Yes", "No"}}
BOOLEAN_TEXT = {"True", "False", "TRUE", "FALSE", "true", "false", "WAHR", "FALSCH", "Yes", "No", "Ja", "Nein"}


@dataclass
class Sheet:
    title: str
    header: list
    rows: list                     # openpyxl cells, row by row (data rows only)
    freeze: str | None
    filter: str | None
    widths: dict = field(default_factory=dict)

    def column(self, title: str) -> list:
        i = self.header.index(title)
        return [r[i] for r in self.rows]


def read(path) -> list[Sheet]:
    wb = load_workbook(path)
    out = []
    for ws in wb.worksheets:
        rows = list(ws.iter_rows())
        header = [c.value for c in rows[0]] if rows else []
        widths = {k: d.width for k, d in ws.column_dimensions.items()}
        out.append(Sheet(ws.title, header, rows[1:], ws.freeze_panes, ws.auto_filter.ref, widths))
    return out


def problems(path, lang: str) -> list[str]:
    """Everything that keeps this workbook from being handed on; [] when it is ready."""
    found: list[str] = []
    for sheet in read(path):
        where = f"{path.name}[{sheet.title}]"
        found += _layout(sheet, where)
        found += _headers(sheet, where, lang)
        for row in sheet.rows:
            for cell in row:
                text = _cell(cell, sheet.header[cell.column - 1] if cell.column <= len(sheet.header) else "", lang)
                if text:
                    found.append(f"{where} {cell.coordinate}: {text}")
    return _dedupe(found)


def _layout(sheet: Sheet, where: str) -> list[str]:
    found = []
    if sheet.freeze != "A2":
        found.append(f"{where}: header row not frozen (freeze_panes={sheet.freeze!r})")
    last = get_column_letter(max(1, len(sheet.header)))
    expected = f"A1:{last}{len(sheet.rows) + 1}"
    if sheet.filter != expected:
        found.append(f"{where}: autofilter {sheet.filter!r}, expected {expected!r}")
    for i, _title in enumerate(sheet.header, start=1):
        width = sheet.widths.get(get_column_letter(i))
        if width is None or not 8 <= width <= 70:
            found.append(f"{where}: column {get_column_letter(i)} width {width!r}")
    return found


def _headers(sheet: Sheet, where: str, lang: str) -> list[str]:
    found = []
    for title in sheet.header:
        if not isinstance(title, str) or not title.strip():
            found.append(f"{where}: empty header {title!r}")
        elif SNAKE.match(title) or "_" in title:
            found.append(f"{where}: header is a key: {title!r}")
        elif lang == "de" and title in ENGLISH and title not in GERMAN_OK:
            found.append(f"{where}: English header in German: {title!r}")
    return found


def _cell(cell, title, lang: str) -> str | None:
    value = cell.value
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        if not cell.is_date or cell.number_format != DATE_FORMAT[lang]:
            return f"date shown as {cell.number_format!r}"
        return None
    if isinstance(value, bool) or cell.data_type == "b":
        return f"yes/no as an Excel boolean {value!r} (WAHR/FALSCH in German Excel)"
    if isinstance(value, (int, float)):
        fmt = cell.number_format
        if fmt == "General" and (isinstance(value, float) or abs(value) >= 1000):
            return f"number {value!r} without a format"
        if "€" in fmt and not MONEY[lang].match(fmt):
            return f"money format {fmt!r}"
        if "%" in fmt and fmt != "0.0%":
            return f"percent format {fmt!r}"
        return None
    if not isinstance(value, str):
        return f"unexpected {type(value).__name__}"
    if value in BOOLEAN_TEXT and value not in YES_NO[lang]:
        return f"yes/no not in the UI language {value!r}"
    if ISO.match(value):
        return f"ISO date as text {value!r}"
    if SNAKE.match(value):
        return f"code {value!r}"
    if value in _MARKET_IDS:
        return f"marketplace ID {value!r}"
    if API_CODE.match(value) and not ID_HEADER.search(str(title)):
        return f"API code {value!r}"
    if NUMBER_TEXT.match(value.strip()) and not ID_HEADER.search(str(title)):
        return f"number as text {value!r}"
    return None


def _dedupe(found: list[str]) -> list[str]:
    """One line per problem and column (a column of 400 ISO texts is one finding)."""
    seen, out = set(), []
    for line in found:
        key = re.sub(r" [A-Z]+\d+: ", " ", line).split("'")[0]
        if key not in seen:
            seen.add(key)
            out.append(line)
    return out


def _market_ids() -> set[str]:
    from vendordesk.core.marketplaces import MARKETPLACES

    return set(MARKETPLACES)


_MARKET_IDS = _market_ids()


def csv_problems(path) -> list[str]:
    """The CSV scripting contract: snake_case header, ISO dates, plain numbers (no thousands
    separators, no currency signs, '.' as the decimal mark)."""
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    found = []
    header = rows[0]
    for key in header:
        if not re.fullmatch(r"[a-z0-9]+(_[a-z0-9]+)*", key):
            found.append(f"{path.name}: header {key!r} is not snake_case")
    for row in rows[1:]:
        for key, value in zip(header, row):
            if re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{4}", value):
                found.append(f"{path.name} {key}: German date {value!r}")
            if "€" in value or re.fullmatch(r"-?\d{1,3}(\.\d{3})+,\d+", value):
                found.append(f"{path.name} {key}: formatted number {value!r}")
            if value in {"Ja", "Nein", "Yes", "No", "WAHR", "FALSCH"}:
                found.append(f"{path.name} {key}: yes/no for people {value!r} (scripts read True/False)")
    return _dedupe(found)
