"""Plausibility warnings for an export after its rows are read (never silent changes)."""

from __future__ import annotations

from vendordesk.core.parsed import KEY_COLUMNS, ParsedReport
from vendordesk.ingest.aliases import lookup


def _lines(lines: list[int]) -> str:
    shown = ", ".join(map(str, lines[:8]))
    return shown + (f" and {len(lines) - 8} more" if len(lines) > 8 else "")


def _zero_cogs(report: ParsedReport) -> None:
    """T08: a Shipped COGS column that is blank or 0 on every row is no basis; store NULL."""
    block = report.blocks.get("sales_facts")
    if not block or "shipped_cogs" not in block.columns or not block.rows:
        return
    at = len(KEY_COLUMNS) + block.columns.index("shipped_cogs")
    if any(row[at] not in (None, 0, 0.0) for row in block.rows):
        return
    block.rows = [row[:at] + (None,) + row[at + 1:] for row in block.rows]
    report.warnings.append("Shipped COGS is blank or 0 on every row: stored as missing, not as 0 revenue. "
                           "The COGS basis is unavailable for this period; use a file with Shipped COGS.")


def check_blocks(report: ParsedReport, collector, layout, header: list[str]) -> None:
    _zero_cogs(report)
    if collector.skipped:
        report.warnings.append(f"Rows {_lines(collector.skipped)} have no ASIN (and no known model number); "
                               "they were not imported.")
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
    if not any(block.rows for block in report.blocks.values()):
        report.warnings.append("The export holds no ASIN rows.")
