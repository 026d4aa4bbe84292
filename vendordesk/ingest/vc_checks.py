"""Plausibility warnings for an export after its rows are read (never silent changes)."""

from __future__ import annotations

from typing import Any

from vendordesk.core.parsed import ParsedReport
from vendordesk.ingest.aliases import lookup
from vendordesk.text import N_, Joined, Message, Number


def _lines(lines: list[int], count: int) -> object:
    """The first rows by number, "2, 5, 9" or "2, 5, … and 7 more" in the reader's language."""
    shown = Joined([str(line) for line in lines[:8]], ", ")
    if count > 8:
        return Message(N_("{rows} and {count} more"), rows=shown, count=Number(count - 8))
    return shown


def check_blocks(report: ParsedReport, collector: Any, layout: Any, header: list[str], rows: int) -> None:
    """Warnings once every row is read; ``rows`` is how many distinct (ASIN, marketplace) rows there were.

    (T08, a Shipped COGS blank or 0 on every row, is told by vc_rows: it needs the merged rows.)
    """
    if collector.skipped_count:
        report.warnings.append(Message.ngettext(
            "Row {rows} has no ASIN (and no known model number); it was not imported.",
            "Rows {rows} have no ASIN (and no known model number); they were not imported.",
            collector.skipped_count, rows=_lines(collector.skipped, collector.skipped_count)))
    if collector.duplicates:
        report.warnings.append(Message.ngettext(
            "{count} row repeats an ASIN of the same marketplace; its units and amounts were added up, rates "
            "taken from the last row.",
            "{count} rows repeat an ASIN of the same marketplace; their units and amounts were added up, rates "
            "taken from the last row.", collector.duplicates, count=Number(collector.duplicates)))
    for title, count in collector.negatives.items():
        report.warnings.append(Message.ngettext(
            "{count} negative value in '{column}'; kept as it is (returns above orders, backorders or "
            "over-deliveries do this).",
            "{count} negative values in '{column}'; kept as they are (returns above orders, backorders or "
            "over-deliveries do this).", count, count=Number(count), column=title))
    if layout.unknown:
        names = ", ".join(f"'{header[i]}'" for i in layout.unknown)
        report.warnings.append(Message(N_("Columns VendorDesk does not know were kept as extra facts: {names}."),
                                       names=names))
    ignored = [h for h in header if (t := lookup(h)) is not None and t.table == "ignore"]
    if ignored:
        report.warnings.append(Message(N_("Descriptive columns not stored: {names}."), names=", ".join(ignored)))
    if not rows:
        report.warnings.append(Message(N_("The export holds no ASIN rows.")))
