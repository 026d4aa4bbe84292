"""Which reader a file needs, decided from its first bytes (never by reading it all).

``read_report(path, context)`` is the one entry point of ingest: sniff, read, validate, and
return a ParsedReport. Anything it cannot read raises UserError naming the file.
"""

from __future__ import annotations

import gzip
import json
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from vendordesk.errors import UserError
from vendordesk.ingest.model import ParsedReport

SNIFF_BYTES = 65536
_BINARY = {
    b"\x89PNG": "a PNG picture", b"\xff\xd8\xff": "a JPEG picture", b"GIF8": "a GIF picture",
    b"%PDF": "a PDF document", b"SQLite format 3": "an SQLite database",
    b"\xd0\xcf\x11\xe0": "an old Excel (.xls) or Office file", b"Rar!": "a RAR archive",
    b"7z\xbc\xaf": "a 7-Zip archive", b"BM": None,
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


def _what_binary(head: bytes) -> str | None:
    for magic, name in _BINARY.items():
        if name and head.startswith(magic):
            return name
    sample = head[:4096]
    if b"\x00" in sample:
        return "a binary file"
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    if sample and controls / len(sample) > 0.05:
        return "a binary file"
    return None


def sniff(path: Path) -> tuple[str, bytes]:
    """('json'|'gzip'|'xlsx'|'text', first bytes). Refuses empty, binary and unknown files."""
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError as exc:
        raise UserError(f"{path.name}: cannot be read ({exc.strerror or exc}). "
                        "Check that the file exists and is not open in another program.") from exc
    if not head:
        raise UserError(f"{path.name}: the file is empty (0 bytes). Nothing was imported. "
                        "Download the report again from Vendor Central.")
    if head.startswith(b"\x1f\x8b"):
        return "gzip", head
    if head.startswith(b"PK\x03\x04"):
        return "xlsx", head
    from vendordesk.ingest.vc_csv import utf16_codec

    kind = None if utf16_codec(head) else _what_binary(head)
    if kind:
        raise UserError(f"{path.name}: this is {kind}, not a report. Nothing was imported. "
                        "Choose the CSV, XLSX or JSON file you downloaded from Vendor Central.")
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped[:1] in (b"{", b"["):
        return "json", head
    return "text", head


def _load_json(raw: bytes, name: str) -> object:
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise UserError(f"{name}: the JSON is not UTF-8 text (byte {exc.start}). Nothing was imported. "
                        "Download the report document again.") from exc
    except json.JSONDecodeError as exc:
        hint = "it ends early (truncated download)" if exc.pos >= len(raw.rstrip()) - 1 else "it is invalid"
        raise UserError(f"{name}: the JSON cannot be read, {hint}: {exc.msg} at line {exc.lineno} "
                        f"column {exc.colno}. Nothing was imported. Download the report document again.") from exc


def read_json_file(path: Path, kind: str) -> object:
    raw = path.read_bytes()
    if kind == "gzip":
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError, zlib.error) as exc:
            raise UserError(f"{path.name}: the gzip file is damaged or truncated ({exc}). Nothing was "
                            "imported. Download the report document again.") from exc
        if raw.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] not in (b"{", b"["):
            raise UserError(f"{path.name}: the gzip file does not hold a JSON report. Nothing was "
                            "imported. Choose an SP-API report document.")
    return _load_json(raw, path.name)


def read_report(path: str | Path, context: Context | None = None) -> ParsedReport:
    """Read one file of any supported kind."""
    path = Path(path)
    context = context or Context()
    if not path.is_file():
        raise UserError(f"{path}: no such file. Check the path.")
    kind, head = sniff(path)
    if kind in ("json", "gzip"):
        from vendordesk.ingest.spapi import parse_document

        return parse_document(read_json_file(path, kind), path.name, context.currency)
    from vendordesk.ingest import chargebacks, vc_export

    if kind == "text" and chargebacks.looks_like(head):
        return chargebacks.read_report(path, head, context)
    if kind == "xlsx":
        return vc_export.read_xlsx(path, context)
    return vc_export.read_csv(path, head, context)


def file_hash(path: str | Path) -> str:
    import hashlib

    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()

