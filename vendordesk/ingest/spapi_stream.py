"""A periodic SP-API document read straight from its text, record by record.

json.loads would build every record's dict (about 1.2 KB each; 730,000 sales records take ~0.9 GB)
before the first is checked. Here the top-level object is walked with json's own scanner: once
``reportSpecification`` is known, the record lists are scanned in chunks of ``spapi_periodic.CHUNK`` records and
each chunk is turned into fact tuples (spapi_periodic) and dropped. Anything unusual (another key
order, a syntax error) returns None and the caller decodes the whole document
with json.loads, which also words the syntax errors. Refusals of records, and a key named twice in
one object, are raised as found.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from json import decoder
from typing import Any, cast

from vendordesk.core.parsed import ParsedReport
from vendordesk.ingest import spapi, spapi_periodic
from vendordesk.ingest.spapi_values import DuplicateKey, JsonObject, no_key_twice, unique_keys

# json's string scanner: (text, index after the opening quote) -> (string, index after the closing quote).
# The ignores below: typeshed's json.decoder stub declares neither scanstring nor JSONDecoder.scan_once
# (an attribute JSONDecoder.__init__ sets).
scanstring: Callable[[str, int], tuple[str, int]] = decoder.scanstring  # type: ignore[attr-defined]
# [ \t\n\r]* matches (maybe empty) at any index, so match() never returns None here
_WS = cast("Callable[[str, int], re.Match[str]]", re.compile(r"[ \t\n\r]*").match)
_CUT = re.compile(r"\}[ \t\n\r]*,[ \t\n\r]*\{")
PIECE_CHARS, MIN_PIECE_CHARS = 8 * 2**20, 32 * 2**10
# The same C scanner json.loads uses (NaN etc. refused later); a key named twice raises DuplicateKey.
# (text, index) -> (value, index after it)
_unique_decoder = json.JSONDecoder(object_pairs_hook=unique_keys)
_scan: Callable[[str, int], tuple[Any, int]] = _unique_decoder.scan_once  # type: ignore[attr-defined]


class _Unusual(Exception):
    """Not the shape this reader streams; json.loads takes over."""


def parse_text(text: str, file_name: str, account_currency: str | None = None) -> ParsedReport | None:
    try:
        return _parse(text, file_name, account_currency)
    except DuplicateKey as exc:
        raise exc.refusal(file_name) from None
    except (_Unusual, StopIteration, ValueError, IndexError):
        return None


def _skip(text: str, index: int) -> int:
    return _WS(text, index).end()


def _parse(text: str, file_name: str, account_currency: str | None) -> ParsedReport:
    doc: JsonObject = {}
    periodic: spapi_periodic.Periodic | None = None
    index = _skip(text, 0)
    if text[index] != "{":
        raise _Unusual
    index = _skip(text, index + 1)
    while text[index] != "}":
        if text[index] != '"':
            raise _Unusual
        key, index = scanstring(text, index + 1)
        index = _skip(text, index)
        if text[index] != ":" or key in doc:
            raise _Unusual
        index = _skip(text, index + 1)
        if periodic is not None and key in periodic.sections() and text[index] == "[":
            index = _records(text, index, key, periodic)
            doc[key] = None
        else:
            doc[key], index = _scan(text, index)
            if key == "reportSpecification":
                periodic = _start(doc, file_name)
        index = _skip(text, index)
        if text[index] == ",":
            index = _skip(text, index + 1)
        elif text[index] != "}":
            raise _Unusual
    if _skip(text, index + 1) != len(text) or periodic is None:
        raise _Unusual
    for key in periodic.sections():
        if doc.get(key) is not None:   # not streamed (not a list): refused or read like a decoded document
            periodic.feed_list(key, spapi.section(doc, key, file_name))
    periodic.finish()
    return spapi.finish(periodic.report, account_currency)


def _start(doc: JsonObject, file_name: str) -> spapi_periodic.Periodic:
    """The Periodic collector once the specification is read, or _Unusual for other report kinds."""
    spec = doc["reportSpecification"]
    kind = spec.get("reportType") if isinstance(spec, dict) else None
    if not isinstance(kind, str) or kind not in spapi.PERIODIC:
        raise _Unusual
    if any(key in doc for key in spapi.PERIODIC[kind][2:4]):
        raise _Unusual   # records before the specification: decode the whole document
    report, kind = spapi.begin(doc, file_name)
    return spapi_periodic.Periodic(doc, report, spapi.PERIODIC[kind])


def _pieces(text: str, index: int, key: str, periodic: spapi_periodic.Periodic) -> tuple[int, int]:
    """Feed whole pieces of about PIECE_CHARS characters, each cut after a record ("},{") and
    decoded by json.loads at full speed; (index of the first record not fed, records fed). A piece
    is decoded without an object_pairs_hook (about 30 % less CPU) when its colons prove that no object
    names a key twice (spapi_values.no_key_twice), else again with ``unique_keys``.

    A cut inside a string or a nested value, or past the list's end, leaves a piece that is not
    a valid list (unclosed string or bracket, or data after its end): then the records from there
    on are scanned one by one instead, so a wrong cut never misreads anything.
    """
    offset, size = 0, PIECE_CHARS
    while size >= MIN_PIECE_CHARS:
        cut = _CUT.search(text, index + size)
        try:
            piece = "[" + text[index:cut.start() + 1] + "]" if cut else ""
            records = json.loads(piece) if cut else None
        except ValueError:
            records = None
        if records is not None and not no_key_twice(records, piece.count(":"), periodic.money):
            records = json.loads(piece, object_pairs_hook=unique_keys)   # DuplicateKey names the key
        if records is None or cut is None:   # near the list's end (or an odd cut): try shorter pieces
            size //= 2
            continue
        periodic.feed(key, records, offset)
        offset += len(records)
        index = cut.end() - 1
    return index, offset


def _records(text: str, index: int, key: str, periodic: spapi_periodic.Periodic) -> int:
    """Scan the list at ``index`` in chunks into ``periodic``; the index after its closing bracket."""
    index = _skip(text, index + 1)
    if text[index] == "]":
        return index + 1
    index, offset = _pieces(text, index, key, periodic)
    scan, skip, spaces, limit = _scan, _WS, " \t\n\r", spapi_periodic.CHUNK
    chunk: list[Any] = []
    append = chunk.append
    while True:
        value, index = scan(text, index)
        append(value)
        char = text[index]
        if char in spaces:
            index = skip(text, index).end()
            char = text[index]
        if char == ",":
            index += 1
            if text[index] in spaces:
                index = skip(text, index).end()
        elif char == "]":
            break
        else:
            raise _Unusual
        if len(chunk) >= limit:
            periodic.feed(key, chunk, offset)
            offset += len(chunk)
            chunk = []
            append = chunk.append
    if chunk:
        periodic.feed(key, chunk, offset)
    return index + 1
