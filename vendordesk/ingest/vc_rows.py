"""Rows of a Sales / Traffic / Inventory / Net PPM export -> fact rows, products and extras.

One pass decides each column's decimal mark from its values (and counts the rows), a second one
parses and checks every cell and hands the rows to a sink (vc_sink) in chunks: the store's writer
(memory flat in the file size), or a list for ``read_report`` without one.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from vendordesk.core.parsed import PRODUCT_COLUMNS, Context, ParsedReport
from vendordesk.errors import UserError
from vendordesk.ingest import vc_common
from vendordesk.ingest.aliases import (
    Target,
    is_asin_header,
    lookup,
    unknown_metric_name,
)
from vendordesk.ingest.numbers import ColumnMarks, MarksEvidence, count, currency_in, parse_number
from vendordesk.ingest.vc_sink import KeyCount, ListSink, RowSink
from vendordesk.text import N_, Message, reason

FACT_TABLES = ("sales_facts", "traffic_facts", "inventory_facts", "net_ppm_facts")
TYPE_OF = {"sales_facts": "sales", "traffic_facts": "traffic", "inventory_facts": "inventory",
           "net_ppm_facts": "net_ppm"}
WITH_CURRENCY = {"sales_facts", "inventory_facts"}
ADDITIVE = {"money", "units"}
_TOTALS = {"total", "totals", "gesamt", "summe", "totaux", "total général", "grand total"}
_DOLLARS = {"USD", "CAD", "AUD", "MXN", "SGD", "BRL"}
CHUNK = 20_000          # rows per table handed to the sink at once
SHOWN_LINES = 8         # rows without an ASIN named in the warning


@dataclass
class _Layout:
    asin: int
    columns: dict[int, Target] = field(default_factory=dict)
    unknown: dict[int, str] = field(default_factory=dict)
    market: int | None = None
    model: int | None = None

    def table_columns(self, table: str) -> list[tuple[int, Target]]:
        return [(i, t) for i, t in self.columns.items() if t.table == table]


def _refuse_duplicates(header: list[str], name: str) -> None:
    """Two columns for one metric (``Versandte Einheiten`` twice): which one is meant is unknowable."""
    seen: dict[tuple[str, str], int] = {}
    for index, title in enumerate(header):
        target = lookup(title) if title else None
        if target is None or target.table in ("ignore", "market"):
            continue
        first = seen.setdefault((target.table, target.column), index)
        if first != index:
            raise UserError(N_("{file}: columns {first} '{first_title}' and {second} '{second_title}' both hold "
                               "{what}. Nothing was imported. Delete the column that is wrong, or export the report "
                               "again from Vendor Central."), file=name, first=first + 1, first_title=header[first],
                            second=index + 1, second_title=title, what=target.column.replace("_", " "))


def _layout(header: list[str], name: str) -> _Layout:
    _refuse_duplicates(header, name)
    layout = _Layout(asin=next(i for i, h in enumerate(header) if is_asin_header(h)))
    for index, title in enumerate(header):
        if index == layout.asin or not title:
            continue
        target = lookup(title)
        if target is None:
            layout.unknown[index] = title
        elif target.table == "market":
            layout.market = index
        elif target.table != "ignore":
            layout.columns[index] = target
            if target.column == "model_number":
                layout.model = index
    if not any(t.table in FACT_TABLES for t in layout.columns.values()):
        shown = ", ".join(header[:12])
        raise UserError(N_("{file}: unknown report layout; no Sales, Traffic, Inventory, Net PPM, Forecast or "
                           "purchase-order columns among: {columns}. Nothing was imported. Export one of those reports "
                           "from Vendor Central (Retail Analytics) and import it unchanged."), file=name, columns=shown)
    return layout


class _Collector:
    """Parses rows one by one and hands them to a sink in chunks of ``CHUNK`` rows per table."""

    def __init__(self, report: ParsedReport, layout: _Layout, context: Context, sink: RowSink):
        self.report, self.layout, self.context, self.sink = report, layout, context, sink
        self.symbols: set[str] = set()
        self.negatives: dict[str, int] = {}
        self.skipped: list[int] = []        # the first rows without an ASIN (shown), and how many
        self.skipped_count = 0
        self.by_table = [(t, c) for t in FACT_TABLES if (c := layout.table_columns(t))]
        self.others = [(i, t) for i, t in layout.columns.items() if t.table in ("products", "extra")]
        self.marks: dict[int, ColumnMarks] = {}
        self.ambiguous: set[int] = set()     # unknown columns kept as text
        self.texts: dict[str, str] = {}
        self.keys = KeyCount()
        self.cogs_seen = False               # a Shipped COGS that is neither blank nor 0
        self.cogs_at = next((n for n, (_i, t) in enumerate(layout.table_columns("sales_facts"))
                             if t.column == "shipped_cogs"), None)
        self.prefix: tuple[Any, ...] = ()
        self.currency: str | None = None     # what rows are written with until the file's is known
        self.buffers: dict[str, list[tuple[Any, ...]]] = {t: [] for t, _c in self.by_table}
        self.extras: list[tuple[Any, ...]] = []
        self.products: list[tuple[Any, ...]] = []
        self.rows_total, self.rows_done = 0, 0

    def number(self, cell: Any, target: Target, line: int, title: str, index: int) -> float | None:
        if type(cell) is str and cell.isdigit() and target.unit in ("money", "units"):   # a plain count
            return count(cell)
        try:
            value = parse_number(cell, self.report.locale, percent=target.unit == "pct", marks=self.marks.get(index))
        except ValueError as exc:
            raise UserError(N_("{file}: row {line}, column '{column}': {cell!r} is not a number ({problem}). Nothing "
                               "was imported. Fix the cell or export the report again."), file=self.report.file_name,
                            line=line, column=title, cell=cell, problem=reason(exc)) from None
        if value is not None and target.unit == "bps":
            value /= 10000.0
        symbol = currency_in(cell) if target.unit in ("money", "units") else None
        if symbol and target.unit == "units":
            raise UserError(N_("{file}: row {line}, column '{column}': {cell!r} is an amount of money but the column "
                               "holds units. Nothing was imported. Check that the columns were not shifted or renamed; "
                               "export the report again unchanged."), file=self.report.file_name, line=line,
                            column=title, cell=cell)
        if symbol and target.unit == "money":
            self.symbols.add(symbol)
        if target.unit == "units" and value is not None and not value.is_integer():
            raise UserError(N_("{file}: row {line}, column '{column}': {cell!r} is read as {value:g}, but units are "
                               "whole numbers. Nothing was imported. Check the file's Locale=[..] (its decimal mark) "
                               "and that the columns were not shifted; export the report again unchanged."),
                            file=self.report.file_name, line=line, column=title, cell=cell, value=value)
        if value is not None and value < 0 and target.unit in ADDITIVE and target.table != "extra":
            self.negatives[title] = self.negatives.get(title, 0) + 1
        return value

    def asin_of(self, row: list[Any], line: int, header: list[str]) -> str | None:
        asin = vc_common.asin_text(row[self.layout.asin])
        if asin:
            if asin.lower() in _TOTALS:
                return None
            return vc_common.check_asin(self.report, asin, line, header[self.layout.asin])
        model = str(row[self.layout.model] or "").strip() if self.layout.model is not None else ""
        if model and model in self.context.model_to_asin:
            self.report.warnings.append(Message(N_("row {line}: no ASIN; model number {model} is ASIN {asin}."),
                                                line=line, model=model, asin=self.context.model_to_asin[model]))
            return self.context.model_to_asin[model]
        if any(str(c or "").strip() for c in row):
            self.skipped_count += 1
            if len(self.skipped) < SHOWN_LINES:
                self.skipped.append(line)
        return None

    def add_row(self, row: list[Any], line: int, header: list[str]) -> None:
        row = list(row) + [None] * (len(header) - len(row))
        asin = self.asin_of(row, line, header)
        if not asin:
            return
        market = self.report.marketplace_id or ""
        if self.layout.market is not None:
            market = vc_common.market_id(str(row[self.layout.market] or "")) or market
        self.keys.add(asin, market)
        head = (asin, market) + self.prefix
        for table, cols in self.by_table:
            values = tuple(self.number(row[i], t, line, header[i], i) for i, t in cols)
            cur = (self.currency,) if table in WITH_CURRENCY else ()
            self.buffers[table].append(head + cur + values)
            if table == "sales_facts" and self.cogs_at is not None and values[self.cogs_at] not in (None, 0, 0.0):
                self.cogs_seen = True
        product: dict[str, str] = {}
        for index, target in self.others:
            if target.table == "products" and row[index] not in (None, ""):
                text = str(row[index]).strip()
                product[target.column] = self.texts.setdefault(text, text)   # brands repeat: one string each
            elif target.table == "extra":
                value = self.number(row[index], target, line, header[index], index)
                self.extras.append(head + (target.column, value, None))
        if len(self.texts) > 50_000:
            self.texts.clear()
        self.products.append((asin,) + tuple(product.get(c) for c in PRODUCT_COLUMNS[1:]))
        for index, title in self.layout.unknown.items():
            cell = row[index]
            if cell in (None, ""):
                continue
            try:
                if index in self.ambiguous:
                    raise ValueError("ambiguous decimal mark")
                value = parse_number(cell, self.report.locale, marks=self.marks.get(index))
                self.extras.append(head + (unknown_metric_name(title), value, None))
            except ValueError:
                self.extras.append(head + (unknown_metric_name(title), None, str(cell)))
        self.rows_done += 1
        if self.rows_done % CHUNK == 0:
            self.flush()

    def flush(self) -> None:
        """Every table's buffered rows to the sink (every table, so a sink sees them in order)."""
        for table, cols in self.by_table:
            names = (("currency",) if table in WITH_CURRENCY else ()) + tuple(t.column for _i, t in cols)
            additive = frozenset(t.column for _i, t in cols if t.unit in ADDITIVE)
            self.sink.facts(table, names, additive, self.buffers[table])
            self.buffers[table] = []
        if self.extras:
            self.sink.extras(self.extras)
            self.extras = []
        if self.products:
            self.sink.products(self.products)
            self.products = []
        if self.rows_total:
            self.sink.progress(min(1.0, self.rows_done / self.rows_total))

    @property
    def duplicates(self) -> int:
        """Rows that repeat a key, counted once per fact table (as the warning always did)."""
        return (self.keys.rows - self.distinct[0]) * len(self.by_table)

    @functools.cached_property
    def distinct(self) -> tuple[int, int]:
        return self.keys.distinct()


def _currency(report: ParsedReport, collector: _Collector, context: Context) -> None:
    stated = (report.metadata.get("currency") or "").strip().upper() or None
    symbols = collector.symbols
    if len(symbols) > 1:
        raise UserError(N_("{file}: mixed currencies ({currencies}) in one file. Nothing was imported. Export one "
                           "marketplace or one currency per file."), file=report.file_name,
                        currencies=", ".join(sorted(symbols)))
    found = next(iter(symbols), None)
    if stated and found and stated != found and not (found == "USD" and stated in _DOLLARS):
        raise UserError(N_("{file}: the first row says Currency=[{stated}] but amounts are written in {found}. "
                           "Nothing was imported. Export the report again in one currency."), file=report.file_name,
                        stated=stated, found=found)
    market = vc_common.stated_marketplace(report)
    by_market = vc_common.CURRENCY_OF.get(market) if market else None
    report.currency = stated or found or by_market or context.currency
    money = any(t.unit == "money" and t.table in WITH_CURRENCY for t in collector.layout.columns.values())
    several = getattr(context, "currencies", ())
    if money and not (stated or found) and by_market:
        country = report.metadata.get("countries", "").strip()
        report.warnings.append(Message(N_("The file names no currency (no Currency=[..], no symbol in the amounts); "
                                          "the amounts were stored as {currency}, the currency of its marketplace "
                                          "(Countries=[{country}]). If that is wrong, undo this import and import "
                                          "the unchanged Vendor Central export."), currency=by_market,
                                       country=country))
    elif money and not (stated or found) and len(several) > 1:
        raise UserError(N_("{file}: the file names no currency (no Currency=[..], no symbol in the amounts) and "
                           "this workspace holds several ({several}). Nothing was imported. Import the unchanged "
                           "Vendor Central export, whose first row names the currency."), file=report.file_name,
                        several=", ".join(several))
    elif money and not (stated or found) and context.currency:
        report.warnings.append(Message(N_("The file names no currency (no Currency=[..], no symbol in the amounts); "
                                          "the amounts were stored as {currency}, the workspace's currency. If that "
                                          "is wrong, undo this import and import the unchanged Vendor Central "
                                          "export."), currency=context.currency))
    if context.currency and report.currency and report.currency != context.currency:
        report.warnings.append(Message(N_("Amounts are in {currency}, the account works in {account}; they are kept "
                                          "in their own currency. Check the account currency in Settings."),
                                       currency=report.currency, account=context.currency))


def _guess_currency(report: ParsedReport, context: Context) -> str | None:
    """The currency ``_currency`` picks unless the amounts carry a symbol (rows are fixed up then)."""
    stated = (report.metadata.get("currency") or "").strip().upper() or None
    market = vc_common.stated_marketplace(report)
    return stated or (vc_common.CURRENCY_OF.get(market) if market else None) or context.currency


def facts(report: ParsedReport, header: list[str], data: Iterable[list[Any]], header_at: int, context: Context,
          sink: RowSink | None = None) -> None:
    """Read the rows of a facts export into ``sink`` (default: a ListSink that fills report.blocks).

    With a sink, the rows are not kept: ``report.counts`` says how many there were.
    """
    layout = _layout(header, report.file_name)
    vc_common.set_period(report, context)
    vc_common.set_view(report)
    vc_common.set_marketplace(report, context, per_row=layout.market is not None)
    kept: ListSink | None = None
    if sink is None:
        kept = sink = ListSink()
    collector = _Collector(report, layout, context, sink)
    _decide_marks(report, context, header, data, layout, collector)
    report.report_type = TYPE_OF[collector.by_table[0][0]]
    collector.prefix = (report.distributor_view, report.selling_program, report.grain, report.period_start,
                        report.period_end)
    collector.currency = _guess_currency(report, context)
    collector.sink.begin(report)
    for offset, row in enumerate(data):
        collector.add_row(row, header_at + 2 + offset, header)
    collector.flush()
    _currency(report, collector, context)
    if report.currency != collector.currency:
        collector.sink.set_currency(tuple(t for t, _c in collector.by_table if t in WITH_CURRENCY), report.currency)
    _finish(report, layout, collector, header)
    if kept is not None:
        kept.fill(report)
    else:
        keys, asins = collector.distinct
        report.counts = (keys * len(collector.by_table), asins)


def _decide_marks(report: ParsedReport, context: Context, header: list[str], data: Iterable[list[Any]],
                  layout: _Layout, collector: _Collector) -> None:
    """Decimal marks per numeric column (one pass, which also counts the rows for the progress); an
    unknown column that stays ambiguous is kept as text."""
    numeric = [i for i, t in layout.columns.items() if t.unit != "text" and t.table != "products"]
    evidence = {i: MarksEvidence() for i in numeric + list(layout.unknown)}
    items = list(evidence.items())
    rows = 0
    for row in data:
        rows += 1
        width = len(row)
        for index, found in items:
            if index < width:
                found.add(row[index])
    collector.rows_total = rows
    collector.marks = vc_common.decide_marks(report, context, header, {i: evidence[i] for i in numeric})
    for index in layout.unknown:
        try:
            collector.marks[index] = evidence[index].decide(report.metadata.get("locale"), context.locale)
        except ValueError:
            collector.ambiguous.add(index)
            report.warnings.append(Message(N_("Column '{column}' (not known to VendorDesk) writes numbers whose "
                                              "decimal mark cannot be told; its cells were kept as text."),
                                           column=header[index]))


def _finish(report: ParsedReport, layout: _Layout, collector: _Collector, header: list[str]) -> None:
    from vendordesk.ingest.vc_checks import check_blocks

    keys = collector.distinct[0]
    if keys and collector.cogs_at is not None and (
            not collector.cogs_seen or collector.duplicates and collector.sink.all_zero("sales_facts", "shipped_cogs")):
        collector.sink.clear("sales_facts", "shipped_cogs")
        report.warnings.append(Message(N_("Shipped COGS is blank or 0 on every row: stored as missing, not as 0 "
                                          "revenue. The COGS basis is unavailable for this period; use a file with "
                                          "Shipped COGS.")))
    check_blocks(report, collector, layout, header, keys)
