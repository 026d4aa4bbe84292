"""The fast path for big periodic SP-API documents (e.g. 30,000 DAY rows per document).

Rows are built a column at a time (one list per field, zipped), dates are checked once per
distinct value and value types once per column. Any anomaly returns None, and the caller
runs the careful row-by-row path, which names the exact row and field that is wrong.
"""

from __future__ import annotations

import datetime as dt
import itertools
import operator
from collections.abc import Iterable
from typing import Any, cast

from vendordesk.core.parsed import date_bounds
from vendordesk.ingest.spapi_values import ASIN, MAX_ABS, NON_NEGATIVE, JsonObject

_NUMBERS = {int, float, type(None)}
_NONE = type(None)
# (records of one section, True for the by-ASIN section)
Section = tuple[list[Any], bool]
# (rows, currencies seen, field names seen)
FastRows = tuple[list[tuple[Any, ...]], set[str | None], set[str]]
_CURRENCY, _AMOUNT = operator.itemgetter("currencyCode"), operator.itemgetter("amount")


def _column(data: list[JsonObject], name: str, kind: str, currencies: set[object]) -> list[Any]:
    """The values of field ``name`` in every record (None where absent; a Money field's amount,
    its currencyCode added to ``currencies``). KeyError or TypeError when a Money field is no Money."""
    column: list[Any] = [row.get(name) for row in data]
    if kind != "money":
        return column
    types = set(map(type, column))
    if types - {dict, _NONE}:
        raise TypeError(name)
    given = [v for v in column if v is not None] if _NONE in types else column
    currencies.update(map(_CURRENCY, given))
    if _NONE not in types:
        return list(map(_AMOUNT, column))
    return [None if v is None else v["amount"] for v in column]


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
    Returns (rows, currencies seen, field names seen). Built a column at a time: a row is
    ``(asin,) + prefix + (startDate, endDate) + cur + values``, one str per distinct ASIN and date.
    """
    for data, _is_asin in sections:
        if not isinstance(data, list) or set(map(type, data)) - {dict}:
            return None
    seen: set[str] = set().union(*(record for data, _is_asin in sections for record in data))
    if seen - known:
        return None  # extra fields: the careful path keeps them as extras
    present = tuple(fields) if full_width else tuple(f for f in fields if f[0] in seen)
    currencies: set[object] = set()
    try:
        parts = [_section(data, is_asin, present, currencies) for data, is_asin in sections]
    except (KeyError, TypeError):
        return None
    asins, starts, ends = (list(itertools.chain.from_iterable(p[n] for p in parts)) for n in range(3))
    values = [list(itertools.chain.from_iterable(p[3][n] for p in parts)) for n in range(len(present))]
    if not asins or not _checked(asins, starts, ends, values, present, currencies):
        return None
    shared: dict[object, object] = {}
    share = shared.setdefault   # one str object per distinct ASIN and date, not one per row
    rows = list(zip(map(share, asins, asins), *map(itertools.repeat, prefix), map(share, starts, starts),
                    map(share, ends, ends), *map(itertools.repeat, cur), *values))
    return rows, cast("set[str | None]", currencies), seen   # their types were checked above


def _section(data: list[JsonObject], is_asin: bool, present: tuple[tuple[str, str], ...],
             currencies: set[object]) -> tuple[list[Any], list[Any], list[Any], list[list[Any]]]:
    """(asins, startDates, endDates, value columns) of one section's records; "" as the aggregate's ASIN."""
    asins = [row["asin"] for row in data] if is_asin else [""] * len(data)
    if is_asin and (set(map(type, asins)) - {str} or "" in asins):
        raise TypeError("asin")
    starts, ends = [row["startDate"] for row in data], [row["endDate"] for row in data]
    return asins, starts, ends, [_column(data, name, kind, currencies) for name, kind in present]


def _checked(asins: list[Any], starts: list[Any], ends: list[Any], values: list[list[Any]],
             present: tuple[tuple[str, str], ...], currencies: set[object]) -> bool:
    """Numbers, currencies, dates and ASINs as the careful path accepts them."""
    if not all(_column_ok(column, name) for column, (name, _kind) in zip(values, present, strict=True)):
        return False
    if set(map(type, currencies)) - {str, type(None)}:
        return False
    if (set(map(type, starts)) | set(map(type, ends))) - {str}:
        return False
    spans = set(zip(starts, ends))
    if not _dates_ok({d for span in spans for d in span}) or any(e < s for s, e in spans):
        return False
    return all(map(ASIN.fullmatch, set(asins) - {""}))
