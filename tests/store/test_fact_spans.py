"""An import's day, span and period_end are what migration 0009's SQL makes of its two dates.

``write_report`` turns each distinct (period_start, period_end) pair into the keyed columns once
(``SeriesIds.spanned``); the view's INSTEAD OF INSERT trigger computes them from the dates in the
statement itself. Both must store the same values, of the same types, for every kind of period.
"""

from __future__ import annotations

import pytest

from vendordesk.core.parsed import FactBlock, ParsedReport
from vendordesk.store import open_workspace
from vendordesk.store.fact_series import SeriesIds
from vendordesk.store.facts import write_report

PERIODS = [
    ("2025-01-05", "2025-01-05"),                        # a day: span 0
    ("2024-12-29", "2025-01-04"),                        # a week across the new year: span 6
    ("2024-02-26", "2024-03-03"),                        # across 29 February: span 6
    ("2025-01-05T10:00:00Z", "2025-01-05T11:00:00Z"),    # an hour (real-time reports): kept as text
    ("2025-01-05", "2025-01-05T23:00:00Z"),              # a date, then an hour: no span, the end as text
    ("2025-02-30", "2025-03-01"),                        # no calendar date: kept as text
    ("2025-1-5", "2025-01-11"),                          # not written YYYY-MM-DD: kept as text
]
COLUMNS = ("currency", "shipped_units")


def _rows(periods):
    return [(f"B0{n:08d}", "A1PA6795UKMFR9", "MANUFACTURING", "RETAIL", "day", start, end, "EUR", float(n))
            for n, (start, end) in enumerate(periods)]


def _report(rows):
    report = ParsedReport(file_name="s.json", source="api", report_type="sales", grain="day",
                          period_start="2024-12-29", period_end="2025-03-01", currency="EUR",
                          marketplace_id="A1PA6795UKMFR9", distributor_view="MANUFACTURING", selling_program="RETAIL")
    report.blocks["sales_facts"] = FactBlock(COLUMNS, rows)
    return report


def _stored(ws):
    return ws.conn.execute("SELECT s.asin, f.day, typeof(f.day), f.span, typeof(f.span), f.period_end, f.shipped_units "
                           "FROM sales_facts_k f JOIN fact_series s ON s.id = f.series_id ORDER BY s.asin").fetchall()


def _through_the_view(ws, rows):
    with ws.transaction() as conn:
        conn.executemany("INSERT INTO sales_facts (asin, marketplace_id, distributor_view, selling_program, grain, "
                         "period_start, period_end, currency, shipped_units) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


@pytest.mark.parametrize("periods", [PERIODS, PERIODS[:3]], ids=["every-kind", "dates-only"])
def test_import_stores_the_keyed_columns_the_migration_sql_makes(tmp_path, periods):
    rows = _rows(periods)
    with open_workspace(tmp_path / "import.vendordesk") as imported, open_workspace(tmp_path / "view.vendordesk") as view:
        write_report(imported, _report(list(rows)))
        _through_the_view(view, rows)
        assert _stored(imported) == _stored(view)
        # by hand: 2025-01-05 is day 20,093 (55 years of 365 days + 14 leap days since 1970 + 4)
        assert _stored(imported)[0][1:5] == (20093, "integer", 0, "integer")
        assert [r[3] for r in _stored(imported)[:3]] == [0, 6, 6]


def test_dates_that_are_not_text_are_asked_of_sqlite_row_by_row(tmp_path):
    """1, 1.0 and True are one key of a dict; SQLite tells them apart (typeof), so rows whose dates are
    not text take SQLite's answer for each row."""
    with open_workspace(tmp_path / "w.vendordesk") as ws, ws.transaction() as conn:
        keyed = SeriesIds(conn).spanned([("A", "M", "V", "P", "day", 1, "2025-01-05", 7.0),
                                         ("A", "M", "V", "P", "day", 1.0, "2025-01-05", 8.0),
                                         ("A", "M", "V", "P", "day", "2025-01-05", None, 9.0)])
        assert [(type(k[1]), k[2], k[3]) for k in keyed] == [(int, None, "2025-01-05"), (float, None, "2025-01-05"),
                                                             (int, None, None)]
        assert keyed[2][1] == 20093
