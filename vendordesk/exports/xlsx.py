"""XLSX for people, streamed (openpyxl write-only): headers in the UI language, real date and number
cells with formats, a frozen header row, an autofilter over the data, column widths that fit.

Text is always written as a string cell (never a formula), with Excel's quote prefix when it
starts like a formula, so editing the cell does not turn it into one either. Yes/no is written as
the word of the UI language ("Ja"/"Nein"): an Excel boolean reads WAHR/FALSCH in German Excel.
(CSV keeps True/False for scripts.)
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from vendordesk.core.marketplaces import currency_of
from vendordesk.exports import formats
from vendordesk.exports.cells import TRIGGERS, xlsx_text
from vendordesk.exports.columns import Col, header
from vendordesk.exports.labels import Cell
from vendordesk.text import NP_, texts

NUMERIC = ("money", "pct", "units", "int", "number", "score", "metric", "kpi")
YES_NO = (NP_("export cell", "No"), NP_("export cell", "Yes"))
WIDTH = {"date": 12, "money": 14, "pct": 10, "units": 12, "int": 9, "number": 12, "score": 9,
         "metric": 14, "kpi": 14, "bool": 10}


class _Sheet:
    def __init__(self, ws, columns: list[Col], lang: str, labels: dict[int, Cell] | None = None):
        self.ws, self.columns, self.lang = ws, columns, lang
        self.labels = labels or {}
        keys = [c.key for c in columns]
        self.currency = keys.index("currency") if "currency" in keys else None
        self.market = keys.index("marketplace_id") if "marketplace_id" in keys else None
        self.metric = keys.index("metric") if "metric" in keys else None
        self.unit = keys.index("unit") if "unit" in keys else None
        # "key" columns feed the labels and formats but are not written (an id next to its name)
        self.written = [i for i, c in enumerate(columns) if c.kind != "key"]
        self.rows = 0
        self.yes_no = tuple(texts(lang).pgettext("export cell", word) for word in YES_NO)

    @property
    def width(self) -> int:
        """The number of columns written."""
        return len(self.written)

    def shown(self, row) -> list:
        """The row as the cells show it: label columns through their labels (``exports.labels``)."""
        values = list(row)
        for i, label in self.labels.items():
            values[i] = label(row, row[i])
        return values

    def widths(self, sample: list) -> None:
        sample = [self.shown(r) for r in sample[:500]]
        for n, i in enumerate(self.written):
            col = self.columns[i]
            width = max(len(header(col, self.lang)) + 3, WIDTH.get(col.kind, 0), 8)   # room for the filter arrow beside "PO"
            if col.kind == "text":
                longest = max((len(str(r[i])) for r in sample if r[i] is not None), default=0)
                width = max(width, longest + 2)
            self.ws.column_dimensions[get_column_letter(n + 1)].width = min(60, width)

    def header(self) -> None:
        bold = Font(bold=True)
        cells = []
        for i in self.written:
            cell = WriteOnlyCell(self.ws, value=header(self.columns[i], self.lang))
            cell.font = bold
            cells.append(cell)
        self.ws.append(cells)

    def append(self, row) -> None:
        currency = row[self.currency] if self.currency is not None else "EUR"
        if not currency and self.market is not None:        # a report without a currency column
            currency = currency_of(row[self.market])
        shown = self.shown(row) if self.labels else row
        self.ws.append([self._cell(self.columns[i], shown[i], row, currency) for i in self.written])
        self.rows += 1

    def _cell(self, col: Col, value, row, currency):
        if value is None or type(value).__name__ in ("NAType", "NaTType") or (isinstance(value, str) and not value) \
                or (isinstance(value, float) and math.isnan(value)):
            return None
        kind = col.kind
        if kind == "date":
            day = _date(value)
            if day is not None:
                cell = WriteOnlyCell(self.ws, value=day)
                cell.number_format = formats.DATE.get(self.lang, formats.DATE["en"])
                return cell
            kind = "text"
        if _is_bool(value) or (kind == "bool" and isinstance(value, int)):
            return self._text(self.yes_no[bool(value)])
        if kind in NUMERIC and isinstance(value, (int, float)) and not isinstance(value, bool):
            if isinstance(value, float) and math.isinf(value):
                return self._text(str(value))
            cell = WriteOnlyCell(self.ws, value=float(value) if kind not in ("int",) else value)
            cell.number_format = self._format(kind, row, currency)
            return cell
        if hasattr(value, "item") and kind in NUMERIC:       # numpy scalars
            return self._cell(col, value.item(), row, currency)
        return self._text(value if isinstance(value, str) else str(value))

    def _format(self, kind: str, row, currency) -> str:
        if kind == "metric":
            return formats.for_metric(str(row[self.metric]), currency, self.lang)
        if kind == "kpi":
            return formats.for_unit(row[self.unit] if self.unit is not None else None, currency, self.lang)
        return formats.for_kind(kind, self.lang, currency) or "General"

    def _text(self, text: str):
        cell = WriteOnlyCell(self.ws, value=xlsx_text(text))
        cell.data_type = "s"                 # a string, never a formula
        if text and text[0] in TRIGGERS:
            cell.quotePrefix = True
        return cell


def _is_bool(value) -> bool:
    """A Python or numpy boolean (numpy's is no ``bool``)."""
    return isinstance(value, bool) or type(value).__name__ == "bool_"


def _date(value):
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, dt.date):
        return value
    if hasattr(value, "to_pydatetime"):
        return value.to_pydatetime().replace(tzinfo=None)
    if isinstance(value, str) and len(value) >= 10:
        try:
            return dt.date.fromisoformat(value[:10]) if len(value) == 10 else dt.datetime.fromisoformat(value)
        except ValueError:
            return None
    return None


def write_xlsx(path, columns: list[Col], batches: Iterable[list], lang: str, title: str,
               labels: dict[int, Cell] | None = None) -> int:
    """Write rows (tuples in ``columns`` order), batch by batch; returns the number of data rows.

    ``labels``: column index -> ``(row, value) -> text`` for the columns that show a label instead of
    the stored code (``exports.labels.cell_labels``); formats still follow the stored row."""
    workbook = Workbook(write_only=True)
    ws = workbook.create_sheet(title[:31] or "Export")
    sheet = _Sheet(ws, columns, lang, labels)
    ws.freeze_panes = "A2"
    iterator = iter(batches)
    first = next(iterator, [])
    sheet.widths(first)
    sheet.header()
    for batch in _chain(first, iterator):
        for row in batch:
            sheet.append(row)
    last = get_column_letter(max(1, sheet.width))
    ws.auto_filter.ref = f"A1:{last}{sheet.rows + 1}"
    workbook.save(path)
    return sheet.rows


def _chain(first, rest):
    yield first
    yield from rest
