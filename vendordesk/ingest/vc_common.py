"""Export-wide facts taken from the metadata: period, view, program, marketplace, currency."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from vendordesk.core.marketplaces import marketplace_name
from vendordesk.core.parsed import ParsedReport
from vendordesk.errors import UserError
from vendordesk.ingest.detect import Context
from vendordesk.ingest.markets import CURRENCY_OF as CURRENCY_OF  # re-exported: used by readers
from vendordesk.ingest.markets import MARKETPLACES
from vendordesk.ingest.metadata import grain_of, parse_range
from vendordesk.ingest.numbers import AmbiguousMarks, ColumnMarks, MarksEvidence, clean
from vendordesk.text import N_, Day, Message, reason

_GRAIN_WORDS = {"day": "day", "daily": "day", "week": "week", "weekly": "week", "month": "month",
                "monthly": "month", "quarter": "quarter", "year": "year", "yearly": "year",
                "tag": "day", "woche": "week", "monat": "month", "quartal": "quarter", "jahr": "year",
                "jour": "day", "semaine": "week", "mois": "month", "trimestre": "quarter", "année": "year"}
# A period's grain as a warning names it, in the reader's language.
GRAIN_NAMES = {"day": Message.pgettext("period", "day"), "week": Message.pgettext("period", "week"),
               "month": Message.pgettext("period", "month"), "quarter": Message.pgettext("period", "quarter"),
               "year": Message.pgettext("period", "year"), "custom": Message.pgettext("period", "custom")}


def market_id(code: str | None) -> str | None:
    if not code:
        return None
    code = code.strip().upper()
    return MARKETPLACES.get(code, code if len(code) > 3 else None)


def set_period(report: ParsedReport, context: Context) -> None:
    """Viewing Range read in the Locale's order; refuse when it is missing or impossible."""
    import datetime as dt

    text = report.metadata.get("viewing_range")
    if text:
        try:
            start, end = parse_range(text, report.locale)
        except ValueError as exc:
            raise UserError(N_("{file}: metadata Viewing Range=[{range}]: {problem}. Nothing was imported. Export "
                               "the report again, or add Locale=[..] to the first row."), file=report.file_name,
                            range=text, problem=reason(exc)) from None
    elif context.period:
        start, end = (dt.date.fromisoformat(d) for d in context.period)
    else:
        raise UserError(N_("{file}: the file has no Viewing Range=[..] in its first row, so its period is unknown. "
                           "Nothing was imported. Import the unchanged Vendor Central export, or enter the period "
                           "(window: Enter period… in the import preview; command line: "
                           "--period YYYY-MM-DD..YYYY-MM-DD)."), file=report.file_name)
    report.period_start, report.period_end = start.isoformat(), end.isoformat()
    report.grain = grain_of(start, end)
    stated = _GRAIN_WORDS.get(report.metadata.get("reporting_range", "").strip().lower())
    if stated and stated != report.grain:
        report.warnings.append(Message(N_("Reporting Range says {stated} but the Viewing Range {start}..{end} is "
                                          "a {grain} period; stored as {grain}."),
                                       stated=GRAIN_NAMES.get(stated, stated), start=Day(start), end=Day(end),
                                       grain=GRAIN_NAMES.get(report.grain, report.grain)))
    if report.grain == "custom":
        report.warnings.append(Message(N_("{start}..{end} is not a calendar day, Sunday-Saturday week, month, "
                                          "quarter or year; the facts are kept as a custom period that weekly "
                                          "views do not show."), start=Day(start), end=Day(end)))


def set_view(report: ParsedReport) -> None:
    view = report.metadata.get("distributor_view", "").lower()
    report.distributor_view = "SOURCING" if ("sourcing" in view or "approvisionnement" in view
                                             or "beschaffung" in view) else "MANUFACTURING"
    program = report.metadata.get("program", "").lower()
    report.selling_program = ("BUSINESS" if "business" in program else "FRESH" if "fresh" in program
                              else "RETAIL")


def stated_marketplace(report: ParsedReport) -> str | None:
    """The marketplace the file's Countries=[..] names (one country), else None."""
    countries = [c for c in report.metadata.get("countries", "").replace(",", ";").split(";") if c.strip()]
    return market_id(countries[0]) if len(countries) == 1 else None


def set_marketplace(report: ParsedReport, context: Context, per_row: bool = False) -> None:
    """From Countries=[..]; else the workspace's, said in a warning, or refused when it has several."""
    countries = [c for c in report.metadata.get("countries", "").replace(",", ";").split(";") if c.strip()]
    stated = stated_marketplace(report)
    report.marketplace_id = stated or context.marketplace_id or ""
    several = getattr(context, "marketplaces", ())
    if not countries and not per_row and len(several) > 1:
        raise UserError(N_("{file}: the file names no marketplace (no Countries=[..] in its first row) and this "
                           "workspace holds several ({several}). Nothing was imported. Import the unchanged Vendor "
                           "Central export, whose first row names the country."), file=report.file_name,
                        several=", ".join(several))
    if not countries and not per_row and context.marketplace_id:
        report.warnings.append(Message(N_("The file names no marketplace (no Countries=[..] in its first row); its "
                                          "facts were stored under the workspace's marketplace {marketplace}. If "
                                          "that is wrong, undo this import and import the unchanged Vendor Central "
                                          "export."), marketplace=marketplace_name(context.marketplace_id)))

ASIN_RE = re.compile(r"^(?:B[0-9A-Z]{9}|[0-9]{9}[0-9X])$")


def asin_text(cell: object) -> str:
    """An ASIN cell without invisible characters or spaces, upper-cased."""
    return clean(str(cell or "")).upper()


def check_asin(report: ParsedReport, asin: str, line: int, title: str) -> str:
    """Refuse what is not an ASIN: 10 characters, B + 9 letters or digits, or an ISBN-10."""
    if not ASIN_RE.match(asin):
        raise UserError(N_("{file}: row {line}, column '{column}': {asin!r} is not an ASIN (10 characters, B0… or "
                           "an ISBN-10). Nothing was imported. Check that the column holds ASINs and that the row is "
                           "complete, then export the report again."), file=report.file_name, line=line,
                        column=title, asin=asin)
    return asin


def column_marks(report: ParsedReport, context: Context, header: list[str], data: Iterable[list[Any]],
                 indices: Iterable[int]) -> dict[int, ColumnMarks]:
    """Each numeric column's decimal mark, decided from all its values (numbers.MarksEvidence)."""
    return decide_marks(report, context, header, gather_marks(data, indices))


def gather_marks(data: Iterable[list[Any]], indices: Iterable[int]) -> dict[int, MarksEvidence]:
    """One pass over the rows collecting each column's decimal-mark evidence."""
    evidence = {i: MarksEvidence() for i in indices}
    items = list(evidence.items())
    for row in data:
        width = len(row)
        for index, found in items:
            if index < width:
                found.add(row[index])
    return evidence


def decide_marks(report: ParsedReport, context: Context, header: list[str],
                 evidence: dict[int, MarksEvidence]) -> dict[int, ColumnMarks]:
    marks = {}
    for index, found in evidence.items():
        try:
            marks[index] = found.decide(report.metadata.get("locale"), context.locale)
        except AmbiguousMarks as exc:
            raise UserError(N_("{file}: column '{column}': {problem}. Nothing was imported. Export the report again "
                               "unchanged from Vendor Central (its first row names the Locale), or add "
                               "Locale=[de_DE] or Locale=[en_US] to the first row."), file=report.file_name,
                            column=header[index], problem=reason(exc)) from None
        if marks[index].assumed:
            report.warnings.append(Message(N_("Column '{column}': {assumed}."), column=header[index],
                                           assumed=marks[index].assumed))
    return marks
