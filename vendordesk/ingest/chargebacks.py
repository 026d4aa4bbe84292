"""Chargeback and shortage-claim exports (CSV) -> ChargebackReport. Parsing only; store.chargebacks_write writes.

Headers are matched through an alias table (English and German, case-insensitive). Amounts go
through the one number parser (ingest.numbers) with each column's decimal mark decided from all
its values; a credit (``-45,00 €``) stays negative. Every bad row is named (row number, field, what
is wrong); any bad row refuses the whole file. A shortage claim with an ``Invoice date`` gets its
dispute deadline from it: invoice date + 24 months (domain.md §4.3).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vendordesk.core import tickets as rules
from vendordesk.core.parsed import Context, ParsedReport
from vendordesk.errors import UserError
from vendordesk.ingest.detect import NO_SUCH_FILE
from vendordesk.ingest.numbers import (
    ColumnMarks,
    MarksEvidence,
    clean,
    currency_in,
    parse_number,
)
from vendordesk.ingest.vc_common import ASIN_RE
from vendordesk.text import N_, Joined, Message, Number, reason

ALIASES = {
    "external_id": ("chargeback id", "id", "issue id", "claim id", "shortage claim id", "dispute id", "vorgangs-id"),
    "kind": ("kind", "art"),
    "type": ("type", "chargeback type", "issue type", "sub type", "typ", "rückbelastungstyp"),
    "issue_group": ("group", "issue group", "category", "gruppe", "kategorie"),
    "po_number": ("po", "po number", "purchase order", "purchase order number", "bestellung", "bestellnummer"),
    "asin": ("asin",),
    "invoice_number": ("invoice", "invoice number", "invoice id", "rechnung", "rechnungsnummer"),
    "invoice_date": ("invoice date", "invoice creation date", "rechnungsdatum"),
    "invoice_due": ("invoice due date", "due date", "payment due date", "fälligkeitsdatum"),
    "amount": ("amount", "chargeback amount", "financial charge", "charge amount", "shortage amount", "betrag",
               "gebühr"),
    "currency": ("currency", "währung"),
    "raised_on": ("date", "created date", "chargeback date", "raised on", "issue date", "notification date",
                  "claim date", "datum", "erstellt am"),
    "dispute_due": ("dispute by", "dispute due", "dispute deadline", "anfechten bis", "frist"),
    "dispute_status": ("dispute status", "status", "anfechtungsstatus"),
    "recovered_amount": ("recovered", "recovered amount", "amount recovered", "approved amount", "erstattet"),
}
REQUIRED = ("amount", "raised_on")
MONEY = ("amount", "recovered_amount")
DATES = ("raised_on", "invoice_date", "invoice_due", "dispute_due")
_STATUS_WORDS = {"open": "open", "offen": "open", "disputed": "disputed", "angefochten": "disputed",
                 "pending": "disputed", "won": "won", "approved": "won", "gewonnen": "won", "lost": "lost",
                 "denied": "lost", "rejected": "lost", "abgelehnt": "lost", "accepted": "accepted",
                 "akzeptiert": "accepted"}
_HEADER_NAMES = {name for names in ALIASES.values() for name in names}


@dataclass
class ChargebackReport(ParsedReport):
    """A chargeback / shortage file, read and validated; ``rows`` are chargebacks-table dicts."""

    rows: list[dict[str, Any]] = field(default_factory=list)

    @property
    def row_count(self) -> int:
        return len(self.rows)

    def asins(self) -> set[str]:
        return {row["asin"] for row in self.rows if row.get("asin")}


def shortage_dispute_closes(invoice_date: dt.date) -> dt.date:
    """The last day a shortage claim can be disputed: its invoice date + 24 months (domain.md §4.3)."""
    return rules.shortage_timeline(invoice_date=invoice_date).dispute_closes


def _normal(header: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[\u200e\u200f\ufeff]", "", header)).strip().lower()


def _columns(header: list[str], name: str) -> dict[str, int]:
    cleaned = [_normal(h) for h in header]
    found = {}
    for key, names in ALIASES.items():
        for index, head in enumerate(cleaned):
            if head in names and key not in found:
                found[key] = index
    missing = [k for k in REQUIRED if k not in found]
    if missing:
        raise UserError(N_("{file}: no column for {missing} (found: {found}). Nothing was imported. Export the "
                           "chargeback or shortage report with amount and date columns."), file=name,
                        missing=", ".join(missing), found=", ".join(header))
    return found


def _first_line(head: bytes) -> tuple[list[str], str]:
    """The first non-blank line's cells and its delimiter."""
    from vendordesk.ingest.vc_csv import utf16_codec

    text = head.decode(utf16_codec(head) or "utf-8", errors="replace").lstrip("\ufeff")
    line = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max((";", ",", "\t"), key=line.count)
    return next(csv.reader(io.StringIO(line), delimiter=delimiter), []), delimiter


def looks_like(head: bytes) -> bool:
    """Whether a text file's first line is a chargeback / shortage header (amount and date columns)."""
    cells = {_normal(c) for c in _first_line(head)[0]}
    has = {key for key, names in ALIASES.items() if cells & set(names)}
    return {"amount", "raised_on"} <= has and len(cells - _HEADER_NAMES) <= len(cells) // 2


# What a bad cell's field is called in a refusal ("amount (column 'Betrag')").
_LABELS = {"raised_on": Message.pgettext("chargeback field", "date"),
           "amount": Message.pgettext("chargeback field", "amount"),
           "recovered_amount": Message.pgettext("chargeback field", "recovered amount"),
           "dispute_due": Message.pgettext("chargeback field", "dispute due"),
           "invoice_date": Message.pgettext("chargeback field", "invoice date"),
           "invoice_due": Message.pgettext("chargeback field", "invoice due"),
           "asin": Message.pgettext("chargeback field", "asin")}


def _date(text: str | None, label: Message) -> dt.date | None:
    try:
        return rules.parse_date(text)
    except ValueError as exc:
        raise ValueError(Message(N_("{field}: {value} is not a date"), field=label, value=repr(text))) from exc


def _kind(get: dict[str, str]) -> str:
    """shortage when the kind, type or invoice number says so (Amazon's shortage invoices end in -SC)."""
    text = " ".join(filter(None, (get.get("kind"), get.get("type"), get.get("invoice_number")))).lower()
    return "shortage" if ("shortage" in text or "fehlmenge" in text or text.endswith("-sc")) else "chargeback"


class _Rows:
    """Turns one file's cells into chargebacks-table dicts."""

    def __init__(self, report: ChargebackReport, header: list[str], cols: dict[str, int], currency: str):
        self.report, self.header, self.cols, self.currency = report, header, cols, currency
        self.marks: dict[str, ColumnMarks] = {}
        self.assumed_currency = 0

    def label(self, key: str) -> Message:
        field = _LABELS.get(key, key.replace("_", " "))
        return Message(N_("{field} (column '{column}')"), field=field, column=self.header[self.cols[key]].strip())

    def money(self, key: str, text: str) -> float | None:
        try:
            return parse_number(text, marks=self.marks.get(key))
        except ValueError as exc:
            if str(exc).endswith("is not a number"):
                raise ValueError(Message(N_("{field}: {value} is not a number"), field=self.label(key),
                                         value=repr(text))) from None
            raise ValueError(Message(N_("{field}: {value} is not a number ({problem})"), field=self.label(key),
                                     value=repr(text), problem=reason(exc))) from None

    def values(self, cells: list[str]) -> dict[str, str | float | None]:
        get = {k: (cells[i].strip() if i < len(cells) else "") for k, i in self.cols.items()}
        values: dict[str, str | float | None] = {
            k: v or None for k, v in get.items() if k not in MONEY + DATES + ("invoice_due",)}
        amount = self.money("amount", get["amount"])
        if amount is None:
            raise ValueError(Message(N_("{field}: empty"), field=self.label("amount")))
        values["amount"] = amount
        dates = {k: _date(get.get(k), self.label(k)) for k in DATES if k in get}
        raised_on = dates["raised_on"]
        if raised_on is None:
            raise ValueError(Message(N_("{field}: empty"), field=self.label("raised_on")))
        values["raised_on"] = raised_on.isoformat()
        values["kind"] = kind = _kind(get)
        values["dispute_due"] = self._due(kind, raised_on, dates).isoformat()
        invoice_date = dates.get("invoice_date")
        if invoice_date:
            values["invoice_date"] = invoice_date.isoformat()
        values["dispute_status"] = _STATUS_WORDS.get((get.get("dispute_status") or "").lower(), "open")
        if get.get("recovered_amount"):
            values["recovered_amount"] = self.money("recovered_amount", get["recovered_amount"])
        stated = get.get("currency") or currency_in(get["amount"])
        self.assumed_currency += not stated
        values["currency"] = (stated or self.currency).upper()
        if get.get("asin"):
            values["asin"] = self._asin(get["asin"])
        return values

    def _asin(self, text: str) -> str:
        asin = clean(text).upper()
        if not ASIN_RE.match(asin):
            raise ValueError(Message(N_("{field}: {value} is not an ASIN (10 characters, B0… or an ISBN-10)"),
                                     field=self.label("asin"), value=repr(asin)))
        return asin

    @staticmethod
    def _due(kind: str, raised_on: dt.date, dates: dict[str, dt.date | None]) -> dt.date:
        dispute_due, invoice_date, invoice_due = (dates.get(k) for k in ("dispute_due", "invoice_date", "invoice_due"))
        if dispute_due:
            return dispute_due
        if kind == "shortage" and invoice_date:
            return shortage_dispute_closes(invoice_date)
        if kind == "shortage" and invoice_due:
            return rules.shortage_timeline(invoice_due).dispute_closes
        return rules.default_dispute_due(kind, raised_on)


def read_report(path: Path, head: bytes, context: Context) -> ChargebackReport:
    """Parse the file (``vendordesk import`` dispatch); UserError naming every bad row (up to 10)."""
    from vendordesk.ingest.vc_csv import CsvRows

    rows = CsvRows(path, head, delimiter=_first_line(head)[1])
    table = [row for row in rows if any(cell.strip() for cell in row)]
    if not table:
        raise UserError(N_("{file}: the file is empty. Nothing was imported. Export the chargeback report again."),
                        file=path.name)
    report = ChargebackReport(file_name=path.name, source="csv", report_type="chargebacks",
                              locale=context.locale)
    header = table[0]
    cols = _columns(header, path.name)
    maker = _Rows(report, header, cols, (context.currency or "EUR"))
    for key in MONEY:
        if key in cols:
            maker.marks[key] = _marks(report, context, header[cols[key]], [r[cols[key]] for r in table[1:]
                                                                            if cols[key] < len(r)])
    bad = []
    for number, cells in enumerate(table[1:], start=2):
        try:
            report.rows.append(maker.values(cells))
        except ValueError as exc:
            bad.append(Message(N_("row {line}: {problem}"), line=number, problem=reason(exc)))
    if bad:
        more = Message.ngettext(" (and {count} more)", " (and {count} more)", len(bad) - 10,
                                count=Number(len(bad) - 10)) if len(bad) > 10 else ""
        raise UserError(N_("{file}: {rows}{more}. Nothing was imported. Fix the rows and import again."),
                        file=path.name, rows=Message.ngettext("{count} bad row: {rows}", "{count} bad rows: {rows}",
                                                              len(bad), count=Number(len(bad)),
                                                              rows=Joined(bad[:10], "; ")), more=more)
    report.warnings += [Message(N_("row {line}: no ID column value; the row cannot be matched on re-import"), line=i)
                        for i, row in enumerate(report.rows, start=2) if not row.get("external_id")]
    if maker.assumed_currency:
        source = (Message(N_("the workspace's currency")) if context.currency
                  else Message(N_("no workspace currency is set yet")))
        report.warnings.append(Message.ngettext(
            "{count} row names no currency (no Currency column, no symbol in the amount); stored as {currency} "
            "({source}).",
            "{count} rows name no currency (no Currency column, no symbol in the amount); stored as {currency} "
            "({source}).", maker.assumed_currency, count=Number(maker.assumed_currency), currency=maker.currency,
            source=source))
    currencies = {row["currency"] for row in report.rows}
    report.currency = next(iter(currencies)) if len(currencies) == 1 else None
    dates = sorted(row["raised_on"] for row in report.rows)
    report.period_start, report.period_end = (dates[0], dates[-1]) if dates else (None, None)
    return report


def _marks(report: ChargebackReport, context: Context, title: str, cells: list[str]) -> ColumnMarks:
    evidence = MarksEvidence()
    for cell in cells:
        evidence.add(cell)
    try:
        marks = evidence.decide(None, context.locale)
    except ValueError as exc:
        raise UserError(N_("{file}: column '{column}': {problem}. Nothing was imported. Import a Vendor Central "
                           "export of this account first (its first row names the Locale), or write the amounts "
                           "with their decimals (1.234,00 € or 1,234.00)."), file=report.file_name, column=title,
                        problem=reason(exc)) from None
    if marks.assumed:
        report.warnings.append(Message(N_("Column '{column}': {assumed}."), column=title, assumed=marks.assumed))
    return marks


def read_file(path: Path | str, context: Context) -> ChargebackReport:
    """Read a file the user chose as a chargeback / shortage export (the Tickets tab's import)."""
    from vendordesk.ingest.detect import sniff

    path = Path(path)
    if not path.is_file():
        raise UserError(NO_SUCH_FILE, file=str(path))
    _kind, head = sniff(path)
    return read_report(path, head, context)
