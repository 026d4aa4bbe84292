"""Which reader a file needs, decided from its bytes (never from its name, never by reading it all).

``read_report(path, context)`` is the one entry point of ingest: sniff, read, validate, and
return a ParsedReport. Anything it cannot read raises UserError naming the file.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from vendordesk.core.parsed import Context as Context  # re-exported: readers take it from here
from vendordesk.core.parsed import ParsedReport
from vendordesk.errors import UserError
from vendordesk.ingest import containers
from vendordesk.ingest.library_texts import explained, os_reason
from vendordesk.text import N_, Message

NO_SUCH_FILE = N_("{file}: no such file. Check the path.")
NESTED = N_("{file}: the JSON is nested too deeply to be a report document. Nothing was imported. Choose the "
            "SP-API report document as Amazon delivered it.")

if TYPE_CHECKING:
    from vendordesk.ingest.vc_sink import RowSink

SNIFF_BYTES = 65536
MAX_JSON_BYTES = 512 * 2**20     # one SP-API document, plain or unpacked from gzip
_BINARY = {
    b"\x89PNG": N_("a PNG picture"), b"\xff\xd8\xff": N_("a JPEG picture"), b"GIF8": N_("a GIF picture"),
    b"%PDF": N_("a PDF document"), b"SQLite format 3": N_("an SQLite database"),
    b"\xd0\xcf\x11\xe0": N_("an old Excel (.xls) or Office file"), b"Rar!": N_("a RAR archive"),
    b"7z\xbc\xaf": N_("a 7-Zip archive"), b"BM": None,
}


def _what_binary(head: bytes) -> Message | None:
    for magic, name in _BINARY.items():
        if name and head.startswith(magic):
            return Message(name)
    sample = head[:4096]
    if b"\x00" in sample:
        return Message(N_("a binary file"))
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    if sample and controls / len(sample) > 0.05:
        return Message(N_("a binary file"))
    return None


def utf16_encoding(head: bytes) -> str | None:
    """'utf-16' (with BOM), 'utf-16-le' or 'utf-16-be' (NUL in every other byte), else None."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) and not head.startswith(b"\xff\xfe\x00\x00"):
        return "utf-16"
    sample = head[:4096 - 4096 % 2]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def sniff(path: Path) -> tuple[str, bytes]:
    """('json'|'gzip'|'xlsx'|'utf16'|'text', first bytes). Refuses empty, binary and unknown files.

    The kind comes from the bytes, never from the file name: an XLSX named .csv (or without an
    extension) is an XLSX; a ZIP that is not a workbook is refused (unzip it first).
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError as exc:
        raise UserError(N_("{file}: cannot be read ({reason}). Check that the file exists and is not open in "
                           "another program."), file=path.name, reason=os_reason(exc)) from exc
    if not head:
        raise UserError(N_("{file}: the file is empty (0 bytes). Nothing was imported. Download the report again "
                           "from Vendor Central."), file=path.name)
    if head.startswith(b"\x1f\x8b"):
        return "gzip", head
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        containers.check_workbook(path)
        return "xlsx", head
    if utf16_encoding(head):
        return "utf16", head
    kind = _what_binary(head)
    if kind:
        raise UserError(N_("{file}: this is {kind}, not a report. Nothing was imported. Choose the CSV, XLSX or "
                           "JSON file you downloaded from Vendor Central."), file=path.name, kind=kind)
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped[:1] in (b"{", b"["):
        return "json", head
    return "text", head


def load_json_text(text: str, name: str) -> object:
    """json.loads with clear refusals; integer literals too long for int() become TooLong values,
    a key named twice in one object is refused (json would keep the last value silently)."""
    from vendordesk.ingest.spapi_values import DuplicateKey, TooLong, unique_keys

    def parse_int(digits: str) -> int | TooLong:
        return int(digits) if len(digits) <= 4000 else TooLong(digits)

    try:
        try:
            return json.loads(text, object_pairs_hook=unique_keys)
        except json.JSONDecodeError:
            raise
        except ValueError:  # an integer literal longer than Python's 4,300-digit limit
            return json.loads(text, parse_int=parse_int, object_pairs_hook=unique_keys)
    except DuplicateKey as exc:
        raise exc.refusal(name) from None
    except RecursionError:
        raise UserError(NESTED, file=name) from None
    except json.JSONDecodeError as exc:
        hint = (Message(N_("it ends early (truncated download)")) if exc.pos >= len(text.rstrip()) - 1
                else Message(N_("it is invalid")))
        raise UserError(N_("{file}: the JSON cannot be read, {hint}: {problem} at line {line} column {column}. "
                           "Nothing was imported. Download the report document again."), file=name, hint=hint,
                        problem=explained(exc.msg), line=exc.lineno, column=exc.colno) from exc


def _decode(raw: bytes | bytearray, name: str) -> str:
    encoding = utf16_encoding(bytes(raw[:4096])) or "utf-8-sig"
    try:
        return raw.decode(encoding).lstrip("\ufeff")
    except UnicodeDecodeError as exc:
        raise UserError(N_("{file}: the JSON is not UTF-8 text (byte {byte}). Nothing was imported. Download the "
                           "report document again."), file=name, byte=exc.start) from exc


def read_json_text(path: Path, kind: str) -> str:
    """The document's text (plain, UTF-16 or gzip), size-capped; the raw bytes are not kept."""
    raw: bytes | bytearray
    if kind == "gzip":
        raw = containers.gunzip(path, MAX_JSON_BYTES)
        if bytes(raw.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]) not in (b"{", b"["):
            raise UserError(N_("{file}: the gzip file does not hold a JSON report. Nothing was imported. Choose an "
                               "SP-API report document."), file=path.name)
    else:
        size = path.stat().st_size
        if size > MAX_JSON_BYTES:
            raise UserError(N_("{file}: {size:.0f} MB is too large for one report document (at most {limit:.0f} "
                               "MB). Nothing was imported. Request a shorter period."), file=path.name,
                            size=size / 2**20, limit=MAX_JSON_BYTES / 2**20)
        raw = path.read_bytes()
    return _decode(raw, path.name)


def read_json_report(path: Path, kind: str, currency: str | None) -> ParsedReport:
    """Periodic documents stream from the text (spapi_stream); others, or odd ones, via json.loads."""
    from vendordesk.ingest.spapi import parse_document
    from vendordesk.ingest.spapi_stream import parse_text

    text = read_json_text(path, kind)
    report = parse_text(text, path.name, currency)
    if report is not None:
        return report
    doc = load_json_text(text, path.name)
    del text
    return parse_document(doc, path.name, currency)


def read_report(path: str | Path, context: Context | None = None, sink: RowSink | None = None) -> ParsedReport:
    """Read one file of any supported kind.

    A Vendor Central facts export (CSV, XLSX) hands its rows to ``sink`` while it is read, when one
    is given (see vc_sink: the store's writer, or Discard for a dry run); other files ignore it and
    are returned whole.
    """
    path = Path(path)
    context = context or Context()
    if not path.is_file():
        raise UserError(NO_SUCH_FILE, file=str(path))
    kind, head = sniff(path)
    utf16 = utf16_encoding(head) or "utf-16"
    if kind == "utf16":
        text = head.decode(utf16, errors="replace").lstrip("\ufeff \t\r\n")
        kind = "json" if text[:1] in ("{", "[") else "utf16"
    if kind in ("json", "gzip"):
        try:
            return read_json_report(path, kind, context.currency)
        except RecursionError:
            raise UserError(NESTED, file=path.name) from None
    from vendordesk.ingest import chargebacks, vc_export

    if kind == "text" and chargebacks.looks_like(head):
        return chargebacks.read_report(path, head, context)
    if kind == "xlsx":
        with containers.as_xlsx(path) as (readable, rename):
            read = cast("Callable[..., ParsedReport]", rename)   # containers types it as object
            return read(functools.partial(vc_export.read_xlsx, sink=sink), readable, context)
    if kind == "utf16":
        with containers.as_utf8(path, utf16) as (readable, utf8_head):
            return vc_export.read_csv(readable, utf8_head, context, sink)
    return vc_export.read_csv(path, head, context, sink)


def file_hash(path: str | Path) -> str:
    """The file's SHA-256; ``UserError`` when there is no such file (the import's first read)."""
    import hashlib

    if not Path(path).is_file():
        raise UserError(NO_SUCH_FILE, file=str(path))
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()

