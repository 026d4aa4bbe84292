"""The fast path for big periodic SP-API documents (e.g. 30,000 DAY rows per document).

A row builder is compiled for the fields the document actually holds, dates are checked once
per distinct value and value types once per column. Any anomaly returns None, and the caller
runs the careful row-by-row path, which names the exact row and field that is wrong.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any, cast

from vendordesk.core.parsed import date_bounds
from vendordesk.ingest.spapi_values import ASIN, MAX_ABS, NON_NEGATIVE, JsonObject

_NUMBERS = {int, float, type(None)}
# build(row, key, add): key + the row's values; ``add`` is called with each Money field's currencyCode
Builder = Callable[[JsonObject, tuple[Any, ...], Callable[[object], None]], tuple[Any, ...]]
# (records of one section, True for the by-ASIN section)
Section = tuple[list[Any], bool]
# (rows, currencies seen, field names seen)
FastRows = tuple[list[tuple[Any, ...]], set[str | None], set[str]]


def compile_builder(fields: tuple[tuple[str, str], ...]) -> Builder:
    """build(row, key, add_currency) -> key + values of ``fields`` (Money -> amount)."""
    lines = ["def build(row, key, add):"]
    names = []
    for n, (name, kind) in enumerate(fields):
        lines.append(f"    v{n} = row.get({name!r})")
        if kind == "money":
            lines.append(f"    if v{n} is not None:")
            lines.append(f"        add(v{n}['currencyCode'])")
            lines.append(f"        v{n} = v{n}['amount']")
        names.append(f"v{n}")
    lines.append(f"    return key + ({', '.join(names)}{',' if names else ''})")
    namespace: dict[str, Any] = {}
    exec("\n".join(lines), namespace)
    build: Builder = namespace["build"]
    return build


def _dates_ok(values: Iterable[str]) -> bool:
    earliest, latest = (d.isoformat() for d in date_bounds())
    try:
        return (all(dt.date.fromisoformat(v).isoformat() == v for v in values)
                and all(earliest <= v <= latest for v in values))
    except (TypeError, ValueError):
        return False


def _column_ok(column: list[Any], name: str) -> bool:
    """Numbers only, all finite, none above MAX_ABS, none negative where Amazon says >= 0.

    A NaN or Infinity anywhere makes the sum NaN or Infinity, which fails ``total <= limit``.
    """
    types = set(map(type, column))
    if types - _NUMBERS:
        return False
    numbers = [v for v in column if v is not None] if type(None) in types else column
    if not numbers:
        return True
    sizes = list(map(abs, numbers))
    total = sum(sizes)
    if not total <= MAX_ABS * len(sizes) or not max(sizes) <= MAX_ABS:
        return False
    return name not in NON_NEGATIVE or min(numbers) >= 0


def first_currency(sections: list[Section], fields: tuple[tuple[str, str], ...]) -> str | None:
    money = [name for name, kind in fields if kind == "money"]
    for data, _is_asin in sections:
        for row in data[:50]:
            for name in money:
                value = row.get(name) if isinstance(row, dict) else None
                code = value.get("currencyCode") if isinstance(value, dict) else None
                if isinstance(code, str):
                    return code
    return None


def fast_rows(sections: list[Section], fields: tuple[tuple[str, str], ...], prefix: tuple[str | None, ...],
              cur: tuple[str | None, ...], known: set[str], full_width: bool = False) -> FastRows | None:
    """All rows of the aggregate and by-ASIN sections, or None when anything looks odd.

    ``cur`` is ``(currency,)`` for tables with a currency column, else ``()``. Rows carry the
    fields the records hold, or all ``fields`` (None where absent) when ``full_width``.
    Returns (rows, currencies seen, field names seen).
    """
    for data, _is_asin in sections:
        if not isinstance(data, list) or set(map(type, data)) - {dict}:
            return None
    seen: set[str] = set()
    for data, _is_asin in sections:
        for signature in {tuple(row) for row in data}:
            seen.update(signature)
    if seen - known:
        return None  # extra fields: the careful path keeps them as extras
    present = tuple(fields) if full_width else tuple(f for f in fields if f[0] in seen)
    build = compile_builder(present)
    currencies: set[object] = set()
    add = currencies.add
    rows: list[tuple[Any, ...]] = []
    shared: dict[object, object] = {}
    share = shared.setdefault  # one str object per distinct ASIN and date, not one per row
    try:
        for data, is_asin in sections:
            append = rows.append
            for row in data:
                asin = share(row["asin"], row["asin"]) if is_asin else ""
                start, end = row["startDate"], row["endDate"]
                append(build(row, (asin,) + prefix + (share(start, start), share(end, end)) + cur, add))
    except (KeyError, TypeError):
        return None
    width = 7 + len(cur)
    for index, (name, _kind) in enumerate(present, start=width):
        if not _column_ok([r[index] for r in rows], name):
            return None
    if set(map(type, currencies)) - {str, type(None)}:
        return None
    if ({type(r[5]) for r in rows} | {type(r[6]) for r in rows}) - {str}:
        return None
    spans = {(r[5], r[6]) for r in rows}
    if not _dates_ok({d for span in spans for d in span}) or any(e < s for s, e in spans):
        return None
    aggregates = sum(len(data) for data, is_asin in sections if not is_asin)
    if {type(r[0]) for r in rows} != {str} or sum(1 for r in rows if not r[0]) != aggregates:
        return None
    if not all(map(ASIN.fullmatch, {r[0] for r in rows} - {""})):
        return None
    return rows, cast("set[str | None]", currencies), seen   # their types were checked above
