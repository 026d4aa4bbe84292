"""What a reader hands to the store: plain tuples per fact table plus provenance, and the
``Context`` the workspace gives a reader. Shared data of ingest (which fills it) and store (which
writes it), so neither imports the other.

Fact rows are tuples ``(asin, marketplace_id, distributor_view, selling_program, grain,
period_start, period_end, *values)`` where ``values`` follow ``FactBlock.columns``. Only the
columns a file carries are listed, so re-importing replaces exactly those facts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

KEY_COLUMNS = ("asin", "marketplace_id", "distributor_view", "selling_program", "grain",
               "period_start", "period_end")
FORECAST_COLUMNS = ("asin", "marketplace_id", "selling_program", "generation_date", "week_start",
                    "week_end", "mean_units", "p70_units", "p80_units", "p90_units")
EXTRA_COLUMNS = KEY_COLUMNS + ("metric", "value", "raw")
PRODUCT_COLUMNS = ("asin", "title", "brand", "category", "subcategory", "parent_asin",
                   "model_number", "ean", "replenishment_code")
PO_COLUMNS = ("po_number", "vendor_code", "marketplace_id", "order_date", "status", "window_start",
              "window_end", "ship_to")
PO_LINE_COLUMNS = ("po_number", "asin", "requested_qty", "accepted_qty", "received_qty",
                   "cancelled_qty", "unit_cost", "currency", "expected_date")
# The head of every fact row the export reads back (store.facts_export reads, exports.facts writes),
# then the metric values.
FACT_ROW_HEAD = ("asin", "period_start", "period_end", "distributor_view", "selling_program", "grain",
                 "currency", "marketplace_id")

# Plausible report dates: history from 2000-01-01 up to today + 1 year; forecast weeks may lie up
# to 2 years ahead. Anything else (2099, 1998, a two-digit year read as 20yy) is a misread date.
EARLIEST_DATE = dt.date(2000, 1, 1)
HISTORY_AHEAD_DAYS = 366
FORECAST_AHEAD_DAYS = 731


def date_bounds(ahead_days: int = HISTORY_AHEAD_DAYS) -> tuple[dt.date, dt.date]:
    """(earliest, latest) plausible date of a report, ``ahead_days`` after today at most."""
    return EARLIEST_DATE, dt.date.today() + dt.timedelta(days=ahead_days)


# reportPeriod / CSV "Reporting Range" -> grain
GRAINS = {"DAY": "day", "WEEK": "week", "MONTH": "month", "QUARTER": "quarter", "YEAR": "year"}


@dataclass
class FactBlock:
    """Rows for one wide fact table."""

    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]] = field(default_factory=list)


@dataclass
class ParsedReport:
    """One file or API document, read and validated, not yet written."""

    file_name: str
    source: str                       # api, csv, xlsx
    report_type: str                  # sales, traffic, inventory, net_ppm, forecast, purchase_orders, coupon
    distributor_view: str | None = None
    selling_program: str | None = None
    grain: str | None = None
    period_start: str | None = None
    period_end: str | None = None
    marketplace_id: str | None = None
    locale: str | None = None
    currency: str | None = None
    last_updated: str | None = None
    blocks: dict[str, FactBlock] = field(default_factory=dict)
    extras: list[tuple[Any, ...]] = field(default_factory=list)
    forecasts: list[tuple[Any, ...]] = field(default_factory=list)
    products: list[tuple[Any, ...]] = field(default_factory=list)
    purchase_orders: list[tuple[Any, ...]] = field(default_factory=list)
    po_lines: list[tuple[Any, ...]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    # (rows, ASINs) of a report whose rows went to the store while it was read (blocks stay empty)
    counts: tuple[int, int] | None = None

    @property
    def row_count(self) -> int:
        if self.counts is not None:
            return self.counts[0]
        return (sum(len(b.rows) for b in self.blocks.values()) + len(self.forecasts)
                + len(self.po_lines) + (len(self.extras) if not self.blocks else 0))

    def asin_count(self) -> int:
        return self.counts[1] if self.counts is not None else len(self.asins())

    def asins(self) -> set[str]:
        found: set[str] = set()
        for block in self.blocks.values():
            found.update(row[0] for row in block.rows)
        found.update(row[0] for row in self.forecasts)
        found.update(row[1] for row in self.po_lines)
        found.update(row[0] for row in self.extras)
        found.discard("")
        return found

    def summary(self) -> dict[str, Any]:
        """What was recognised, for the CLI and the preview dialog."""
        return {
            "file": self.file_name, "source": self.source, "report_type": self.report_type,
            "distributor_view": self.distributor_view, "selling_program": self.selling_program,
            "grain": self.grain, "period_start": self.period_start, "period_end": self.period_end,
            "marketplace_id": self.marketplace_id, "locale": self.locale, "currency": self.currency,
            "rows": self.row_count, "asins": self.asin_count(), "warnings": list(self.warnings),
        }


@dataclass
class Context:
    """What the workspace knows that a file may leave out."""

    locale: str | None = None
    currency: str | None = None
    marketplace_id: str | None = None
    model_to_asin: dict[str, str] = field(default_factory=dict)
    period: tuple[str, str] | None = None   # user-entered period when the file has none
    marketplaces: tuple[str, ...] = ()       # every marketplace / currency imported so far
    currencies: tuple[str, ...] = ()
