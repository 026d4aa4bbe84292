"""Forecast exports (week columns, one statistic per file) and the purchase-order export."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import Any

from vendordesk.core.parsed import ParsedReport
from vendordesk.errors import UserError
from vendordesk.ingest.aliases import is_asin_header, normalise
from vendordesk.ingest.detect import Context
from vendordesk.ingest.metadata import parse_date, parse_range
from vendordesk.ingest.numbers import ColumnMarks, currency_in, parse_number
from vendordesk.ingest.vc_common import (
    asin_text,
    check_asin,
    column_marks,
    set_marketplace,
)
from vendordesk.text import N_, Day, Message, reason

_WEEK = re.compile(r"^(?:week|woche|semaine|kw)\s*(\d+)\s*(?:\((.*)\))?", re.IGNORECASE)
_STATISTIC = {"mean": "mean_units", "average": "mean_units", "mittelwert": "mean_units", "moyenne": "mean_units",
              "p70": "p70_units", "p80": "p80_units", "p90": "p90_units"}
_PO_COLS = {"po": "po", "purchase order": "po", "bestellung": "po", "vendor code": "vendor_code",
            "order date": "order_date", "status": "status", "requested quantity": "requested",
            "accepted quantity": "accepted", "received quantity": "received", "cancelled quantity": "cancelled",
            "case size": "case_size", "cost": "cost", "currency": "currency", "window start": "window_start",
            "window end": "window_end", "ship-to location": "ship_to", "expected date": "expected"}
_STATUS = {"new": "open", "open": "open", "acknowledged": "confirmed", "confirmed": "confirmed",
           "closed": "closed", "cancelled": "cancelled", "canceled": "cancelled"}


def layout_of(header: list[str]) -> str:
    names = {normalise(h) for h in header}
    if ("po" in names or "purchase order" in names) and "requested quantity" in names:
        return "purchase_orders"
    if any(_WEEK.match(normalise(h)) for h in header):
        return "forecast"
    return "facts"


def _statistic(report: ParsedReport, header: list[str], row: list[Any]) -> str:
    index = next((i for i, h in enumerate(header) if "statistic" in normalise(h) or "statistik" in normalise(h)), None)
    text = (str(row[index]) if index is not None and row[index] else report.metadata.get("statistic", "")).lower()
    for word, column in _STATISTIC.items():
        if word in text:
            return column
    return ""


def _generation(report: ParsedReport) -> dt.date:
    for key in ("report_updated", "viewing_range"):
        text = report.metadata.get(key)
        if text:
            try:
                return parse_range(text, report.locale)[0] if key == "viewing_range" else parse_date(text, report.locale)
            except ValueError:
                continue
    raise UserError(N_("{file}: a forecast export needs Report Updated=[..] or Viewing Range=[..] in its first row "
                       "to date its weeks. Nothing was imported. Import the unchanged Vendor Central file."),
                    file=report.file_name)


def _weeks(report: ParsedReport, header: list[str], generated: dt.date) -> dict[int, tuple[str, str]]:
    sunday = generated - dt.timedelta(days=(generated.weekday() + 1) % 7)
    weeks: dict[int, tuple[str, str]] = {}
    inferred = False
    for index, title in enumerate(header):
        match = _WEEK.match(normalise(title))
        if not match:
            continue
        if match.group(2):
            try:
                start, end = parse_range(match.group(2), report.locale)
            except ValueError as exc:
                raise UserError(N_("{file}: column '{column}': {problem}. Nothing was imported."),
                                file=report.file_name, column=title, problem=reason(exc)) from None
        else:
            inferred = True
            start = sunday + dt.timedelta(weeks=int(match.group(1)) - 1)
            end = start + dt.timedelta(days=6)
        weeks[index] = (start.isoformat(), end.isoformat())
    if inferred:
        report.warnings.append(Message(N_("Week columns carry no dates; week 1 was taken as the week of {day}."),
                                       day=Day(sunday)))
    return weeks


def forecast(report: ParsedReport, header: list[str], data: Iterable[list[Any]], header_at: int,
             context: Context) -> None:
    generated = _generation(report)
    weeks = _weeks(report, header, generated)
    asin_col = next(i for i, h in enumerate(header) if is_asin_header(h))
    report.report_type, report.grain, report.selling_program = "forecast", "week", "RETAIL"
    set_marketplace(report, context)
    market = report.marketplace_id
    marks = column_marks(report, context, header, data, list(weeks))
    collected: dict[tuple[str, str, str], dict[str, float | None]] = {}   # (asin, start, end) -> column: value
    asin, guessed = "", False
    for offset, row in enumerate(data):
        row = list(row) + [None] * (len(header) - len(row))
        cell = asin_text(row[asin_col])
        if cell:   # the first column is forward-filled
            asin = check_asin(report, cell, header_at + 2 + offset, header[asin_col])
        if not asin or not any(row[i] not in (None, "") for i in weeks):
            continue
        column = _statistic(report, header, row)
        if not column:
            column, guessed = "mean_units", True
        for index, (start, end) in weeks.items():
            try:
                value = parse_number(row[index], report.locale, marks=marks[index])
            except ValueError as exc:
                raise UserError(N_("{file}: row {line}, column '{column}': {cell!r} is not a number ({problem}). "
                                   "Nothing was imported. Fix the cell or export the forecast again."),
                                file=report.file_name, line=header_at + 2 + offset, column=header[index],
                                cell=row[index], problem=reason(exc)) from None
            slot = collected.setdefault((asin, start, end), {})
            slot[column] = value
    if guessed:
        report.warnings.append(Message(N_("The file does not say which statistic it holds (Mean, P70, P80, P90); "
                                          "read as Mean.")))
    report.forecasts = [(a, market, "RETAIL", generated.isoformat(), s, e, v.get("mean_units"), v.get("p70_units"),
                         v.get("p80_units"), v.get("p90_units")) for (a, s, e), v in collected.items()]
    report.period_start = min((r[4] for r in report.forecasts), default=None)
    report.period_end = max((r[5] for r in report.forecasts), default=None)


def _date(report: ParsedReport, text: object, line: int, title: str) -> str | None:
    if text in (None, ""):
        return None
    text = str(text).strip()[:10]
    try:
        return parse_date(text, report.locale).isoformat()
    except ValueError as exc:
        raise UserError(N_("{file}: row {line}, column '{column}': {problem}. Nothing was imported. Add Locale=[..] "
                           "to the first row or export the dates as YYYY-MM-DD."), file=report.file_name, line=line,
                        column=title, problem=reason(exc)) from None


def _getter(row: list[Any], cols: dict[str, int]) -> Callable[[str], Any]:
    return lambda name: row[cols[name]] if name in cols else None


def _number_getter(report: ParsedReport, get: Callable[[str], Any], line: int,
                   marks: dict[str, ColumnMarks]) -> Callable[[str], float | None]:
    def number(name: str) -> float | None:
        try:
            return parse_number(get(name), report.locale, marks=marks.get(name))
        except ValueError:
            raise UserError(N_("{file}: row {line}, column '{column}': {cell!r} is not a number. Nothing was "
                               "imported. Fix the cell or export the file again."), file=report.file_name, line=line,
                            column=name.replace("_", " "), cell=get(name)) from None
    return number


def purchase_orders(report: ParsedReport, header: list[str], data: Iterable[list[Any]], header_at: int,
                    context: Context) -> None:
    """T23: quantities in cases are turned into units with Case size."""
    cols = {_PO_COLS[normalise(h)]: i for i, h in enumerate(header) if normalise(h) in _PO_COLS}
    asin_col = next(i for i, h in enumerate(header) if is_asin_header(h))
    report.report_type, report.marketplace_id = "purchase_orders", context.marketplace_id or ""
    orders: dict[str, tuple[Any, ...]] = {}
    lines: dict[tuple[str, str], tuple[Any, ...]] = {}
    currencies: set[str | None] = set()
    numeric = ("requested", "accepted", "received", "cancelled", "case_size", "cost")
    found = column_marks(report, context, header, data, [cols[n] for n in numeric if n in cols])
    marks = {n: found[cols[n]] for n in numeric if n in cols}
    for offset, row in enumerate(data):
        row = list(row) + [None] * (len(header) - len(row))
        line = header_at + 2 + offset
        po, asin = str(row[cols["po"]] or "").strip(), asin_text(row[asin_col])
        if not po or not asin:
            continue
        check_asin(report, asin, line, header[asin_col])
        get = _getter(row, cols)
        number = _number_getter(report, get, line, marks)
        dates = {n: _date(report, get(n), line, n) for n in ("order_date", "window_start", "window_end", "expected")}
        status = _STATUS.get(str(get("status") or "").strip().lower(), str(get("status") or "").strip().lower() or None)
        orders[po] = (po, get("vendor_code"), report.marketplace_id, dates["order_date"], status,
                      dates["window_start"], dates["window_end"], get("ship_to"))
        case = number("case_size") or 1.0
        qty = [None if (cases := number(n)) is None else cases * case
               for n in ("requested", "accepted", "received", "cancelled")]
        currency = (str(get("currency") or "").strip().upper() or currency_in(get("cost")) or context.currency)
        currencies.add(currency)
        lines[(po, asin)] = (po, asin, *qty, number("cost"), currency, dates["expected"])
    codes = {code for code in currencies if code is not None}
    if len(codes) > 1:
        raise UserError(N_("{file}: mixed currencies ({currencies}). Nothing was imported. Export one marketplace per "
                           "file."), file=report.file_name, currencies=", ".join(sorted(codes)))
    if "case_size" in cols:
        report.warnings.append(Message(N_("Quantities were multiplied by Case size to get units.")))
    report.currency = next(iter(codes), None)
    report.purchase_orders, report.po_lines = list(orders.values()), list(lines.values())
    ordered = [o[3] for o in report.purchase_orders if o[3]]
    report.period_start, report.period_end = (min(ordered), max(ordered)) if ordered else (None, None)
