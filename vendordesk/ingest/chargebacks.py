"""Import a chargeback / shortage export (CSV) into the ticket log, in one transaction.

Headers are matched through an alias table (English and German, case-insensitive). Every bad
row is named (row number, field, what is wrong); any bad row refuses the whole file and the
workspace stays unchanged. Rows with an ID already imported are updated (no double counting);
dispute status, dispute count and recovered money entered by hand are kept on re-import.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from vendordesk.core import tickets as rules
from vendordesk.errors import UserError

ALIASES = {
    "external_id": ("chargeback id", "id", "issue id", "claim id", "shortage claim id", "dispute id", "vorgangs-id"),
    "kind": ("kind", "art"),
    "type": ("type", "chargeback type", "issue type", "sub type", "typ", "rückbelastungstyp"),
    "issue_group": ("group", "issue group", "category", "gruppe", "kategorie"),
    "po_number": ("po", "po number", "purchase order", "purchase order number", "bestellung", "bestellnummer"),
    "asin": ("asin",),
    "invoice_number": ("invoice", "invoice number", "invoice id", "rechnung", "rechnungsnummer"),
    "amount": ("amount", "chargeback amount", "financial charge", "charge amount", "shortage amount", "betrag",
               "gebühr"),
    "currency": ("currency", "währung"),
    "raised_on": ("date", "created date", "chargeback date", "raised on", "issue date", "notification date",
                  "claim date", "datum", "erstellt am"),
    "invoice_date": ("invoice date", "rechnungsdatum"),
    "dispute_due": ("dispute by", "dispute due", "dispute deadline", "anfechten bis", "frist"),
    "dispute_status": ("dispute status", "status", "anfechtungsstatus"),
    "recovered_amount": ("recovered", "recovered amount", "amount recovered", "approved amount", "erstattet"),
}
REQUIRED = ("amount", "raised_on")
_STATUS_WORDS = {"open": "open", "offen": "open", "disputed": "disputed", "angefochten": "disputed",
                 "pending": "disputed", "won": "won", "approved": "won", "gewonnen": "won", "lost": "lost",
                 "denied": "lost", "rejected": "lost", "abgelehnt": "lost", "accepted": "accepted",
                 "akzeptiert": "accepted"}


@dataclass
class ImportResult:
    inserted: int = 0
    updated: int = 0
    warnings: list[str] = field(default_factory=list)


def _decode(raw: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def parse_amount(text: str) -> float:
    """'1.234,56 €', '€1,234.56', '-12.50', '(12,50)' -> float; ValueError otherwise."""
    value = re.sub(r"[^\d,.\-()]", "", text.replace("\u2212", "-"))
    negative = value.startswith("(") or value.startswith("-")
    value = value.strip("()-")
    if not value:
        raise ValueError(text)
    if "," in value and "." in value:
        value = value.replace(".", "").replace(",", ".") if value.rfind(",") > value.rfind(".") \
            else value.replace(",", "")
    elif "," in value:
        head, _, tail = value.rpartition(",")
        value = value.replace(",", "") if len(tail) == 3 and head else value.replace(",", ".")
    number = float(value)
    return -number if negative else number


def _columns(header: list[str], name: str) -> dict[str, int]:
    cleaned = [re.sub(r"[\u200e\u200f\ufeff]", "", h).strip().lower() for h in header]
    found = {}
    for key, names in ALIASES.items():
        for index, head in enumerate(cleaned):
            if head in names and key not in found:
                found[key] = index
    missing = [k for k in REQUIRED if k not in found]
    if missing:
        raise UserError(f"{name}: no column for {', '.join(missing)} (found: {', '.join(header)}). "
                        "Export the chargeback or shortage report with amount and date columns.")
    return found


def _row_values(cells: list[str], cols: dict[str, int], currency: str) -> dict:
    get = {k: (cells[i].strip() if i < len(cells) else "") for k, i in cols.items()}
    values = {k: v or None for k, v in get.items() if k not in ("amount", "recovered_amount")}
    try:
        values["amount"] = abs(parse_amount(get["amount"]))
    except ValueError as exc:
        raise ValueError(f"amount: {get['amount']!r} is not a number") from exc
    try:
        raised = rules.parse_date(get["raised_on"])
    except ValueError as exc:
        raise ValueError(f"date: {get['raised_on']!r} is not a date") from exc
    if raised is None:
        raise ValueError("date: empty")
    values["raised_on"] = raised.isoformat()
    text = " ".join(filter(None, (get.get("kind"), get.get("type"), get.get("invoice_number")))).lower()
    values["kind"] = "shortage" if ("shortage" in text or "fehlmenge" in text or text.endswith("-sc")) \
        else "chargeback"
    try:
        due = rules.parse_date(get.get("dispute_due"))
    except ValueError as exc:
        raise ValueError(f"dispute due: {get['dispute_due']!r} is not a date") from exc
    try:
        invoice_date = rules.parse_date(values.pop("invoice_date", None))
    except ValueError as exc:
        raise ValueError(f"invoice date: {get['invoice_date']!r} is not a date") from exc
    values["dispute_due"] = (due or rules.default_dispute_due(values["kind"], raised, invoice_date)).isoformat()
    status = (get.get("dispute_status") or "").lower()
    values["dispute_status"] = _STATUS_WORDS.get(status, "open")
    if get.get("recovered_amount"):
        values["recovered_amount"] = abs(parse_amount(get["recovered_amount"]))
    values["currency"] = (get.get("currency") or currency).upper()
    if values.get("asin"):
        values["asin"] = values["asin"].upper()
    return values


def read_chargebacks(path: Path, currency: str = "EUR") -> tuple[list[dict], list[str]]:
    """Parse the file; UserError naming every bad row (up to 10)."""
    try:
        text = _decode(path.read_bytes())
    except OSError as exc:
        raise UserError(f"{path}: cannot read the file ({exc.strerror or exc}).") from exc
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        raise UserError(f"{path.name}: the file is empty. Export the chargeback report again.")
    delimiter = max((";", ",", "\t"), key=lines[0].count)
    rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter))
    cols = _columns(rows[0], path.name)
    out, bad = [], []
    for number, cells in enumerate(rows[1:], start=2):
        try:
            out.append(_row_values(cells, cols, currency))
        except ValueError as exc:
            bad.append(f"row {number}: {exc}")
    if bad:
        more = f" (and {len(bad) - 10} more)" if len(bad) > 10 else ""
        raise UserError(f"{path.name}: {len(bad)} bad row(s): {'; '.join(bad[:10])}{more}. Nothing was imported. "
                        "Fix the rows and import again.")
    warnings = [f"row {i}: no ID column value; the row cannot be matched on re-import"
                for i, row in enumerate(out, start=2) if not row.get("external_id")]
    return out, warnings


def import_chargebacks(ws, path: Path | str, progress=None, cancelled=None) -> ImportResult:
    """Read and write one file in one transaction."""
    path = Path(path)
    rows, warnings = read_chargebacks(path, ws.meta("currency", "EUR") or "EUR")
    result = ImportResult(warnings=warnings)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    keep = ("dispute_status", "dispute_count", "recovered_amount", "case_id", "note")
    with ws.transaction() as conn:
        import_id = conn.execute(
            "INSERT INTO report_imports(source, file_name, file_hash, report_type, row_count, warnings_json, "
            "imported_at) VALUES ('csv', ?, ?, 'chargebacks', ?, ?, ?)",
            (path.name, digest, len(rows), json.dumps(warnings), dt.datetime.now().isoformat(timespec="seconds")),
        ).lastrowid
        for i, row in enumerate(rows):
            row["import_id"] = import_id
            existing = row.get("external_id") and conn.execute(
                "SELECT id FROM chargebacks WHERE external_id = ?", (row["external_id"],)).fetchone()
            if existing:
                fresh = {k: v for k, v in row.items() if k not in keep}
                conn.execute(f"UPDATE chargebacks SET {', '.join(f'{k} = ?' for k in fresh)} WHERE id = ?",
                             (*fresh.values(), existing[0]))
                result.updated += 1
            else:
                conn.execute(f"INSERT INTO chargebacks({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                             tuple(row.values()))
                result.inserted += 1
            if progress and i % 500 == 0:
                progress(i / max(len(rows), 1))
    return result
