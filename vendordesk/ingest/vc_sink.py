"""Where the rows of a Vendor Central export go while it is read: the store, a list, or nowhere.

``vc_rows`` parses a file in one pass and hands its rows over in chunks to a ``RowSink``:
- the store's writer (``store.facts_stream.FactWriter``) writes each chunk in the import's one
  transaction, so memory stays flat in the file size; a refusal rolls the transaction back;
- ``ListSink`` keeps them and fills ``ParsedReport.blocks`` (``read_report`` without a sink);
- ``Discard`` drops them (a dry run: only the summary and the warnings are wanted).

Rows that repeat a key (ASIN, marketplace) in one file are merged by the sink: units and amounts
added up, other values taken from the last row that has one (``ListSink._merge``; the store does
the same in SQL). Ingest never imports the store: the writer only has to look like a RowSink.
"""

from __future__ import annotations

from array import array
from typing import Any, Protocol

from vendordesk.core.parsed import KEY_COLUMNS, PRODUCT_COLUMNS, FactBlock, ParsedReport

Row = tuple[Any, ...]


class RowSink(Protocol):
    def begin(self, report: ParsedReport) -> None:
        """The report's header fields are known; rows follow."""

    def facts(self, table: str, columns: tuple[str, ...], additive: frozenset[str], rows: list[Row]) -> None:
        """Rows ``KEY_COLUMNS + columns`` of one fact table (``additive`` columns are summed on a repeat)."""

    def extras(self, rows: list[Row]) -> None:
        """Rows ``EXTRA_COLUMNS``; a repeated key keeps the last."""

    def products(self, rows: list[Row]) -> None:
        """Rows ``PRODUCT_COLUMNS``; None where the file says nothing."""

    def progress(self, fraction: float) -> None:
        """How far the read is (may raise to cancel)."""

    def set_currency(self, tables: tuple[str, ...], currency: str | None) -> None:
        """The currency the rows of ``tables`` were given was a guess; this is the file's."""

    def all_zero(self, table: str, column: str) -> bool:
        """True when ``column`` of every (merged) row is blank or 0."""

    def clear(self, table: str, column: str) -> None:
        """Store ``column`` of every row of this file as missing."""


class Discard:
    """A dry run's sink: rows are read and checked, then dropped."""

    def begin(self, report: ParsedReport) -> None:
        pass

    def facts(self, table: str, columns: tuple[str, ...], additive: frozenset[str], rows: list[Row]) -> None:
        pass

    def extras(self, rows: list[Row]) -> None:
        pass

    def products(self, rows: list[Row]) -> None:
        pass

    def progress(self, fraction: float) -> None:
        pass

    def set_currency(self, tables: tuple[str, ...], currency: str | None) -> None:
        pass

    def all_zero(self, table: str, column: str) -> bool:
        # Only asked when some row has a non-zero value and rows repeat an ASIN: repeats that cancel
        # out to 0 on every row are not told apart in a dry run.
        return False

    def clear(self, table: str, column: str) -> None:
        pass


class ListSink:
    """Keeps every row, merged per key, in file order of each key's first row."""

    def __init__(self) -> None:
        self._facts: dict[str, tuple[tuple[str, ...], frozenset[str], dict[tuple[str, str], list[Any]]]] = {}
        self._extras: dict[tuple[str, str, str], Row] = {}
        self._products: dict[str, dict[str, Any]] = {}

    def begin(self, report: ParsedReport) -> None:
        pass

    def facts(self, table: str, columns: tuple[str, ...], additive: frozenset[str], rows: list[Row]) -> None:
        kept = self._facts.setdefault(table, (columns, additive, {}))[2]
        first = len(KEY_COLUMNS)
        summed = [first + n for n, c in enumerate(columns) if c in additive]
        for row in rows:
            key = (row[0], row[1])
            known = kept.get(key)
            if known is None:
                kept[key] = list(row)
            else:
                _merge(known, row, first, summed)

    def extras(self, rows: list[Row]) -> None:
        for row in rows:
            self._extras[(row[0], row[1], row[7])] = row

    def products(self, rows: list[Row]) -> None:
        for row in rows:
            product = self._products.setdefault(row[0], {})
            for column, value in zip(PRODUCT_COLUMNS[1:], row[1:], strict=True):
                if value is not None:
                    product[column] = value

    def progress(self, fraction: float) -> None:
        pass

    def set_currency(self, tables: tuple[str, ...], currency: str | None) -> None:
        at = len(KEY_COLUMNS)
        for table in tables:
            if table in self._facts:
                for row in self._facts[table][2].values():
                    row[at] = currency

    def _at(self, table: str, column: str) -> int | None:
        if table not in self._facts or column not in self._facts[table][0]:
            return None
        return len(KEY_COLUMNS) + self._facts[table][0].index(column)

    def all_zero(self, table: str, column: str) -> bool:
        at = self._at(table, column)
        return at is not None and all(row[at] in (None, 0, 0.0) for row in self._facts[table][2].values())

    def clear(self, table: str, column: str) -> None:
        at = self._at(table, column)
        if at is not None:
            for row in self._facts[table][2].values():
                row[at] = None

    def fill(self, report: ParsedReport) -> None:
        """Hand the kept rows to ``report`` (blocks, extras, products), emptying this sink."""
        for table, (columns, _additive, rows) in self._facts.items():
            report.blocks[table] = FactBlock(columns, [tuple(r) for r in rows.values()])
            rows.clear()
        report.extras = list(self._extras.values())
        report.products = [(asin,) + tuple(p.get(c) for c in PRODUCT_COLUMNS[1:])
                           for asin, p in self._products.items() if p]
        self._extras.clear()
        self._products.clear()


def _merge(known: list[Any], row: Row, first: int, summed: list[int]) -> None:
    """A repeated key: units and amounts added up, other values from the last row that has one."""
    for at in range(first, len(row)):
        value = row[at]
        if value is None:
            continue
        if at in summed and known[at] is not None:
            known[at] += value
        else:
            known[at] = value


class KeyCount:
    """Distinct keys and ASINs of a file's rows, 16 bytes a row (exact: an ASIN is a base-36 number)."""

    def __init__(self) -> None:
        self._keys = array("q")
        self._asins = array("q")
        self._markets: dict[str, int] = {}
        self._odd: dict[str, int] = {}

    def _asin_code(self, asin: str) -> int:
        try:
            return int(asin, 36)
        except ValueError:      # not an ASIN's characters (e.g. a model-number mapping): numbered apart
            return -1 - self._odd.setdefault(asin, len(self._odd))

    def add(self, asin: str, market: str) -> None:
        code = self._asin_code(asin)
        self._asins.append(code)
        market_code = self._markets.setdefault(market, len(self._markets))
        if code >= 0 and market_code < 1024:
            self._keys.append(code * 1024 + market_code)      # 36**10 * 1024 < 2**63
        else:   # odd ASINs or over 1,024 marketplaces: a 62-bit hash (only a count could be off)
            self._keys.append(-1 - hash((asin, market)) % (1 << 62))

    @property
    def rows(self) -> int:
        return len(self._keys)

    def distinct(self) -> tuple[int, int]:
        """(distinct keys, distinct ASINs)."""
        import numpy as np

        keys = np.unique(np.frombuffer(self._keys, dtype=np.int64)) if self._keys else ()
        asins = np.unique(np.frombuffer(self._asins, dtype=np.int64)) if self._asins else ()
        return len(keys), len(asins)
