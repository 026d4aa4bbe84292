"""Plausibility warnings for an export after its rows are read (never silent changes)."""

from __future__ import annotations

from typing import Any

from vendordesk.core.parsed import ParsedReport
from vendordesk.ingest.aliases import lookup


def _lines(lines: list[int], count: int) -> str:
    shown = ", ".join(map(str, lines[:8]))
    return shown + (f" and {count - 8} more" if count > 8 else "")


def check_blocks(report: ParsedReport, collector: Any, layout: Any, header: list[str], rows: int) -> None:
    """Warnings once every row is read; ``rows`` is how many distinct (ASIN, marketplace) rows there were.

    (T08, a Shipped COGS blank or 0 on every row, is told by vc_rows: it needs the merged rows.)
    """
    if collector.skipped_count:
        report.warnings.append(f"Rows {_lines(collector.skipped, collector.skipped_count)} have no ASIN (and no "
                               "known model number); they were not imported.")
    if collector.duplicates:
        report.warnings.append(f"{collector.duplicates} rows repeat an ASIN of the same marketplace; their units "
                               "and amounts were added up, rates taken from the last row.")
    for title, count in collector.negatives.items():
        report.warnings.append(f"{count} negative values in '{title}'; kept as they are (returns above "
                               "orders, backorders or over-deliveries do this).")
    if layout.unknown:
        names = ", ".join(f"'{header[i]}'" for i in layout.unknown)
        report.warnings.append(f"Columns VendorDesk does not know were kept as extra facts: {names}.")
    ignored = [h for h in header if (t := lookup(h)) is not None and t.table == "ignore"]
    if ignored:
        report.warnings.append(f"Descriptive columns not stored: {', '.join(ignored)}.")
    if not rows:
        report.warnings.append("The export holds no ASIN rows.")
