"""Rows of a Sales / Traffic / Inventory / Net PPM export -> fact blocks, products and extras."""

from __future__ import annotations

from dataclasses import dataclass, field

from vendordesk.core.parsed import PRODUCT_COLUMNS, FactBlock, ParsedReport
from vendordesk.errors import UserError
from vendordesk.ingest import vc_common
from vendordesk.ingest.aliases import (
    Target,
    is_asin_header,
    lookup,
    unknown_metric_name,
)
from vendordesk.ingest.detect import Context
from vendordesk.ingest.numbers import ColumnMarks, count, currency_in, parse_number
from vendordesk.text import N_

FACT_TABLES = ("sales_facts", "traffic_facts", "inventory_facts", "net_ppm_facts")
TYPE_OF = {"sales_facts": "sales", "traffic_facts": "traffic", "inventory_facts": "inventory",
           "net_ppm_facts": "net_ppm"}
WITH_CURRENCY = {"sales_facts", "inventory_facts"}
ADDITIVE = {"money", "units"}
_TOTALS = {"total", "totals", "gesamt", "summe", "totaux", "total général", "grand total"}
_DOLLARS = {"USD", "CAD", "AUD", "MXN", "SGD", "BRL"}


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
    def __init__(self, report: ParsedReport, layout: _Layout, context: Context):
        self.report, self.layout, self.context = report, layout, context
        self.facts: dict[str, dict[tuple, list]] = {t: {} for t in FACT_TABLES}
        self.extras: dict[tuple, object] = {}
        self.products: dict[str, dict] = {}
        self.symbols: set[str] = set()
        self.negatives: dict[str, int] = {}
        self.duplicates = 0
        self.skipped: list[int] = []
        self.by_table = [(t, c) for t in FACT_TABLES if (c := layout.table_columns(t))]
        self.others = [(i, t) for i, t in layout.columns.items() if t.table in ("products", "extra")]
        self.marks: dict[int, ColumnMarks] = {}
        self.ambiguous: set[int] = set()     # unknown columns kept as text
        self.texts: dict[str, str] = {}

    def number(self, cell, target: Target, line: int, title: str, index: int):
        if type(cell) is str and cell.isdigit() and target.unit in ("money", "units"):   # a plain count
            return count(cell)
        try:
            value = parse_number(cell, self.report.locale, percent=target.unit == "pct", marks=self.marks.get(index))
        except ValueError as exc:
            raise UserError(N_("{file}: row {line}, column '{column}': {cell!r} is not a number ({problem}). Nothing "
                               "was imported. Fix the cell or export the report again."), file=self.report.file_name,
                            line=line, column=title, cell=cell, problem=str(exc)) from None
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

    def asin_of(self, row: list, line: int, header: list[str]) -> str | None:
        asin = vc_common.asin_text(row[self.layout.asin])
        if asin:
            if asin.lower() in _TOTALS:
                return None
            return vc_common.check_asin(self.report, asin, line, header[self.layout.asin])
        model = str(row[self.layout.model] or "").strip() if self.layout.model is not None else ""
        if model and model in self.context.model_to_asin:
            self.report.warnings.append(f"row {line}: no ASIN; model number {model} is ASIN "
                                        f"{self.context.model_to_asin[model]}.")
            return self.context.model_to_asin[model]
        if any(str(c or "").strip() for c in row):
            self.skipped.append(line)
        return None

    def add_row(self, row: list, line: int, header: list[str]) -> None:
        row = list(row) + [None] * (len(header) - len(row))
        asin = self.asin_of(row, line, header)
        if not asin:
            return
        market = self.report.marketplace_id
        if self.layout.market is not None:
            market = vc_common.market_id(str(row[self.layout.market] or "")) or market
        key = (asin, market)
        for table, cols in self.by_table:
            values = [self.number(row[i], t, line, header[i], i) for i, t in cols]
            self._merge(table, key, values, cols)
        product = self.products.setdefault(asin, {})
        for index, target in self.others:
            if target.table == "products" and row[index] not in (None, ""):
                text = str(row[index]).strip()
                product[target.column] = self.texts.setdefault(text, text)   # brands repeat: one string each
            elif target.table == "extra":
                self.extras[key + (target.column,)] = (self.number(row[index], target, line, header[index], index),
                                                       None)
        for index, title in self.layout.unknown.items():
            cell = row[index]
            if cell in (None, ""):
                continue
            try:
                if index in self.ambiguous:
                    raise ValueError("ambiguous decimal mark")
                value = parse_number(cell, self.report.locale, marks=self.marks.get(index))
                self.extras[key + (unknown_metric_name(title),)] = (value, None)
            except ValueError:
                self.extras[key + (unknown_metric_name(title),)] = (None, str(cell))

    def _merge(self, table: str, key: tuple, values: list, cols) -> None:
        known = self.facts[table].get(key)
        if known is None:
            self.facts[table][key] = values
            return
        self.duplicates += 1
        for n, (_index, target) in enumerate(cols):
            if target.unit in ADDITIVE and known[n] is not None and values[n] is not None:
                known[n] += values[n]
            elif values[n] is not None:
                known[n] = values[n]


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
        report.warnings.append(f"The file names no currency (no Currency=[..], no symbol in the amounts); the "
                               f"amounts were stored as {by_market}, the currency of its marketplace "
                               f"(Countries=[{country}]). If that is wrong, undo this import and import the "
                               "unchanged Vendor Central export.")
    elif money and not (stated or found) and len(several) > 1:
        raise UserError(N_("{file}: the file names no currency (no Currency=[..], no symbol in the amounts) and "
                           "this workspace holds several ({several}). Nothing was imported. Import the unchanged "
                           "Vendor Central export, whose first row names the currency."), file=report.file_name,
                        several=", ".join(several))
    elif money and not (stated or found) and context.currency:
        report.warnings.append(f"The file names no currency (no Currency=[..], no symbol in the amounts); the "
                               f"amounts were stored as {context.currency}, the workspace's currency. If that is "
                               "wrong, undo this import and import the unchanged Vendor Central export.")
    if context.currency and report.currency and report.currency != context.currency:
        report.warnings.append(f"Amounts are in {report.currency}, the account works in {context.currency}; "
                               "they are kept in their own currency. Check the account currency in Settings.")


def facts(report: ParsedReport, header: list[str], data: list[list], header_at: int, context: Context) -> None:
    layout = _layout(header, report.file_name)
    vc_common.set_period(report, context)
    vc_common.set_view(report)
    vc_common.set_marketplace(report, context, per_row=layout.market is not None)
    collector = _Collector(report, layout, context)
    _decide_marks(report, context, header, data, layout, collector)
    for offset, row in enumerate(data):
        collector.add_row(row, header_at + 2 + offset, header)
    _currency(report, collector, context)
    _finish(report, layout, collector, header)


def _decide_marks(report: ParsedReport, context: Context, header: list[str], data, layout: _Layout,
                  collector: _Collector) -> None:
    """Decimal marks per numeric column (one pass); an unknown column that stays ambiguous is kept as text."""
    numeric = [i for i, t in layout.columns.items() if t.unit != "text" and t.table != "products"]
    evidence = vc_common.gather_marks(data, numeric + list(layout.unknown))
    collector.marks = vc_common.decide_marks(report, context, header, {i: evidence[i] for i in numeric})
    for index in layout.unknown:
        try:
            collector.marks[index] = evidence[index].decide(report.metadata.get("locale"), context.locale)
        except ValueError:
            collector.ambiguous.add(index)
            report.warnings.append(f"Column '{header[index]}' (not known to VendorDesk) writes numbers whose decimal "
                                   "mark cannot be told; its cells were kept as text.")


def _drain(mapping: dict):
    """Items of a dict, removed one by one (the dict's memory goes while the rows are built)."""
    while mapping:
        yield mapping.popitem()


def _finish(report: ParsedReport, layout: _Layout, collector: _Collector, header: list[str]) -> None:
    from vendordesk.ingest.vc_checks import check_blocks

    prefix = (report.distributor_view, report.selling_program, report.grain, report.period_start, report.period_end)
    for table in FACT_TABLES:
        cols = layout.table_columns(table)
        if not cols:
            continue
        cur = (report.currency,) if table in WITH_CURRENCY else ()
        names = (("currency",) if cur else ()) + tuple(t.column for _i, t in cols)
        rows = [key + prefix + cur + tuple(values) for key, values in _drain(collector.facts[table])]
        rows.reverse()   # file order (drained from the end to free memory as the rows are built)
        report.blocks[table] = FactBlock(names, rows)
        if report.report_type == "?":
            report.report_type = TYPE_OF[table]
    report.extras = [key[:2] + prefix + (key[2], value, raw) for key, (value, raw) in collector.extras.items()]
    report.products = [(asin,) + tuple(p.get(c) for c in PRODUCT_COLUMNS[1:])
                       for asin, p in _drain(collector.products) if p]
    report.products.reverse()
    check_blocks(report, collector, layout, header)
