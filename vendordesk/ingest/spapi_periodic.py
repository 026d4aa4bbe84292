"""Periodic SP-API reports (sales, traffic, inventory, net PPM) -> one FactBlock, fed in chunks.

Records arrive in chunks (``feed``), from a decoded document or straight from the text while it
is being scanned (spapi_stream), so a big document never needs all its JSON objects at once.
Each chunk takes the fast path (spapi_fast) or, when anything looks odd, the careful one that
names the exact record and field. Rows are built full width; ``finish`` sets the currency and
drops the fields no record carried.
"""

from __future__ import annotations

from typing import Any

from vendordesk.core.parsed import GRAINS, FactBlock, ParsedReport
from vendordesk.errors import UserError
from vendordesk.ingest import spapi, spapi_fast
from vendordesk.ingest import spapi_values as values
from vendordesk.ingest.spapi_values import JsonObject
from vendordesk.text import N_

CHUNK = 20_000


class Periodic:
    def __init__(self, doc: JsonObject, report: ParsedReport, spec: spapi.PeriodicSpec) -> None:
        self.report_type, self.table, self.agg_key, self.asin_key, self.fields, self.with_currency = spec
        self.report, name = report, report.file_name
        options = spapi.report_options(doc, name)
        period = options.get("reportPeriod")
        report.grain = GRAINS.get(period.upper()) if isinstance(period, str) else None
        if report.grain is None:
            raise UserError(N_("{file}: reportSpecification.reportOptions.reportPeriod: {value} is not DAY, WEEK, "
                               "MONTH, QUARTER or YEAR. Nothing was imported. Download the report again with a "
                               "reportPeriod."), file=name, value=repr(period))
        report.distributor_view = spapi.option(options, "distributorView", "MANUFACTURING", spapi.VIEWS, name)
        report.selling_program = spapi.option(options, "sellingProgram", "RETAIL", spapi.PROGRAMS, name)
        self.prefix: spapi.Key = (report.marketplace_id, report.distributor_view, report.selling_program, report.grain)
        self.helper = spapi.Rows(report, self.fields, self.prefix, self.with_currency)
        self.rows: dict[str, list[tuple[Any, ...]]] = {self.agg_key: [], self.asin_key: []}
        self.currency: str | None = None   # the first currencyCode met; None until a chunk has one
        self.currencies: set[str | None] = set()
        self.built_with: set[str | None] = set()   # currency values put into rows so far
        self.seen: set[str] = set()
        self.money = tuple(name for name, kind in self.fields if kind == "money")   # fields holding objects

    def sections(self) -> tuple[str, str]:
        return self.agg_key, self.asin_key

    def feed(self, key: str, chunk: list[Any], offset: int) -> None:
        """Records ``offset .. offset + len(chunk) - 1`` of section ``key``."""
        is_asin = key == self.asin_key
        if self.with_currency and self.currency is None:
            found = spapi_fast.first_currency([(chunk, is_asin)], self.fields)
            if found is not None:
                self.currency = found
        cur = (self.currency,) if self.with_currency else ()
        self.built_with.update(cur)
        fast = spapi_fast.fast_rows([(chunk, is_asin)], self.fields, self.prefix, cur, self.helper.known,
                                    full_width=True)
        if fast is not None:
            built, currencies, seen = fast
            self.currencies |= currencies
            self.seen |= seen
            self.rows[key].extend(built)
            return
        self.rows[key].extend(self._careful(key, chunk, offset, is_asin, cur))

    def feed_list(self, key: str, data: list[Any]) -> None:
        for offset in range(0, len(data), CHUNK):
            self.feed(key, data[offset:offset + CHUNK], offset)

    def _careful(self, key: str, chunk: list[Any], offset: int, is_asin: bool,
                 cur: tuple[str | None, ...]) -> list[tuple[Any, ...]]:
        name, helper = self.report.file_name, self.helper
        out: list[tuple[Any, ...]] = []
        for index, row in enumerate(chunk, start=offset):
            where = f"{key}[{index}]"
            if not isinstance(row, dict):
                raise UserError(N_("{file}: {field}: is not an object. Nothing was imported. The document is "
                                   "damaged; download it again from Amazon."), file=name, field=where)
            asin = values.asin(row.get("asin"), name, where + ".asin") if is_asin else ""
            start = values.iso_date(row.get("startDate"), name, where + ".startDate")
            end = values.iso_date(row.get("endDate"), name, where + ".endDate")
            if end < start:
                raise UserError(N_("{file}: {field}: endDate {end} is before startDate {start}. Nothing was "
                                   "imported. The document is damaged; download it again from Amazon."),
                                file=name, field=where, end=end, start=start)
            numbers = helper.values(row, where)
            self.seen.update(row.keys())
            key_tuple = (asin,) + self.prefix + (start, end)
            out.append(key_tuple + cur + tuple(numbers))
            if len(row) > len(self.fields) + 3 or not helper.known.issuperset(row.keys()):
                helper.extras(row, key_tuple, where)
        self.currencies |= helper.currencies
        helper.currencies = set()
        return out

    def finish(self) -> None:
        report = self.report
        spapi.check_currency(report, self.currencies | {self.currency}, report.currency)
        money = {field for field, kind in self.fields if kind == "money"}
        if self.with_currency and report.currency is None and money & self.seen:
            spapi.assume_currency(report, "Money fields: currencyCode")
        rows = self.rows[self.agg_key]
        rows.extend(self.rows[self.asin_key])
        self.rows = {}
        width = 7 + self.with_currency
        used = [i for i, (field, _) in enumerate(self.fields) if field in self.seen]
        if len(used) < len(self.fields) or (self.with_currency and self.built_with - {report.currency}):
            cur = (report.currency,) if self.with_currency else ()
            for n, r in enumerate(rows):   # in place: only one extra tuple alive at a time
                rows[n] = r[:7] + cur + tuple(r[width + i] for i in used)
        report.blocks[self.table] = FactBlock(spapi.columns(self.fields, self.seen, self.with_currency), rows)
        report.report_type = self.report_type


def parse(doc: JsonObject, report: ParsedReport, spec: spapi.PeriodicSpec) -> None:
    """A decoded document: both sections, chunk by chunk."""
    periodic = Periodic(doc, report, spec)
    for key in periodic.sections():
        periodic.feed_list(key, spapi.section(doc, key, report.file_name))
    periodic.finish()
