"""Checks for single values of SP-API documents: numbers, dates, ASINs, strings.

Each check returns the value as stored or raises UserError naming file, place and field.
Numbers must be finite and at most ``MAX_ABS`` in size (NaN, Infinity and 1e400 are impossible
report values); counts and rates that can't be negative are listed in ``NON_NEGATIVE``.
Dates must lie in ``model.date_bounds`` (2000-01-01 up to today + 1 year; forecast weeks 2 years).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from typing import Any

from vendordesk.core.parsed import FORECAST_AHEAD_DAYS, HISTORY_AHEAD_DAYS, date_bounds
from vendordesk.errors import UserError
from vendordesk.text import N_, Listing, Message, Number

MAX_ABS = 1e15
# Amazon defines these as >= 0 (domain §2.3-2.9); the others (ordered units, inventory, margins) may be < 0.
NON_NEGATIVE = frozenset({
    "glanceViews", "customerReturns", "unfilledCustomerOrderedUnits", "unsellableOnHandInventoryUnits",
    "unsellableOnHandInventoryCost", "unhealthyInventoryUnits", "unhealthyInventoryCost",
    "averageVendorLeadTimeDays", "procurableProductOutOfStockRate", "uft", "receiveFillRate",
    "vendorConfirmationRate", "meanForecastUnits", "p70ForecastUnits", "p80ForecastUnits", "p90ForecastUnits",
    "clips", "redemptions"})
ASIN = re.compile(r"[A-Z0-9]{10}")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(T[0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?")
# A decoded JSON object of a report document: its values are whatever the document holds, which is
# why the checks below take ``object`` and say what they found.
JsonObject = dict[str, Any]


class TooLong:
    """Stands in for an integer literal too long for Python's int() (json parse_int hook)."""

    def __init__(self, digits: str):
        self.digits = digits

    def __repr__(self) -> str:
        return f"{self.digits[:12]}… ({len(self.digits)} digits)"

    def shown(self) -> Message:
        """Its first digits and how many there are, for a refusal in the reader's language."""
        count = len(self.digits)
        return Message.ngettext("{start}… ({count} digit)", "{start}… ({count} digits)", count,
                                start=self.digits[:12], count=Number(count))


class DuplicateKey(Exception):
    """One JSON object names the same key twice (json would keep the last value silently)."""

    def __init__(self, key: str, values: list[object], asin: object):
        super().__init__(key)
        self.key, self.values, self.asin = key, values, asin

    def refusal(self, file_name: str) -> UserError:
        shown = Listing(_short(v) if type(v) is int or type(v) is float else _brief(v) for v in self.values[:3])
        if isinstance(self.asin, str):
            return UserError(N_('{file}: the field "{key}" appears {count} times in one JSON object (the record of '
                                "ASIN {asin}), with the values {shown}; which one Amazon meant cannot be known. "
                                "Nothing was imported. Download the document again from Amazon."),
                             file=file_name, key=self.key, count=len(self.values), asin=self.asin, shown=shown)
        return UserError(N_('{file}: the field "{key}" appears {count} times in one JSON object, with the values '
                            "{shown}; which one Amazon meant cannot be known. Nothing was imported. Download the "
                            "document again from Amazon."), file=file_name, key=self.key, count=len(self.values),
                         shown=shown)


def unique_keys(pairs: list[tuple[str, object]]) -> JsonObject:
    """json's object_pairs_hook: the object as a dict, or DuplicateKey when a key repeats."""
    obj = dict(pairs)
    if len(obj) != len(pairs):
        key = _first_repeated(k for k, _ in pairs)
        raise DuplicateKey(key, [v for k, v in pairs if k == key], obj.get("asin"))
    return obj


def no_key_twice(records: list[Any], colons: int, nested: tuple[str, ...]) -> bool:
    """True when ``records``, decoded by plain json.loads from a text with ``colons`` ':', cannot have
    named a key twice in one object (json keeps the last silently; ``unique_keys`` refuses it).

    Every key of every object took one pair of the text, and every pair one ':' outside strings. So
    the keys counted here (the records' own and those of their objects under ``nested``) are at most
    the colons, and equal only when no object lost a repeated key and no ':' stood inside a string or
    in an object not counted. False means: decode again with ``unique_keys`` to know.
    """
    if set(map(type, records)) != {dict}:
        return False
    counted = sum(map(len, records))
    for name in nested:
        objects = [record.get(name) for record in records]
        if set(map(type, objects)) - {dict, type(None)}:
            return False
        counted += sum(map(len, filter(None, objects)))
    return counted == colons


def _first_repeated(keys: Iterable[str]) -> str:
    seen: set[str] = set()
    for key in keys:
        if key in seen:
            return key
        seen.add(key)
    raise StopIteration   # unreachable: called only when a key repeats (as next() on the keys would)


def _brief(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def number(value: object, file_name: str, where: str, name: str = "") -> int | float:
    """A finite report number; ``name`` (the field) decides whether it may be negative."""
    if isinstance(value, TooLong):
        raise UserError(N_("{file}: {field}: the integer {value} is too large to be a report value. Nothing was "
                           "imported. The document is damaged; download it again from Amazon."),
                        file=file_name, field=where, value=value.shown())
    if type(value) is not int and type(value) is not float:
        raise UserError(N_("{file}: {field}: {value} is not a number. Nothing was imported. The document is "
                           "damaged; download it again from Amazon."),
                        file=file_name, field=where, value=repr(value))
    if type(value) is float and not math.isfinite(value):
        raise UserError(N_("{file}: {field}: {value} is not a finite number (NaN, Infinity or a number out of "
                           "range such as 1e400 stand for a broken export). Nothing was imported. The document is "
                           "damaged; download it again from Amazon."),
                        file=file_name, field=where, value=repr(value))
    if abs(value) > MAX_ABS:
        raise UserError(N_("{file}: {field}: {value} is too large to be a report value (more than {limit}). "
                           "Nothing was imported. The document is damaged; download it again from Amazon."),
                        file=file_name, field=where, value=_short(value), limit=f"{MAX_ABS:.0e}")
    if value < 0 and name in NON_NEGATIVE:
        raise UserError(N_("{file}: {field}: {value} is negative; Amazon reports {metric} as 0 or more. "
                           "Nothing was imported. The document is damaged; download it again from Amazon."),
                        file=file_name, field=where, value=repr(value), metric=name)
    return value


def _short(value: int | float) -> str:
    if isinstance(value, int) and value.bit_length() >= 200:
        return Message(N_("{bits}-bit integer"), bits=Number(value.bit_length()))
    text = repr(value)
    return text if len(text) <= 30 else text[:20] + "…"


def text(value: object, file_name: str, where: str, allowed: tuple[str, ...] = ()) -> str:
    if not isinstance(value, str) or not value.strip():
        raise UserError(N_("{file}: {field}: {value} is not a text value. Nothing was imported. The document is "
                           "damaged; download it again from Amazon."),
                        file=file_name, field=where, value=repr(value))
    if allowed and value.upper() not in allowed:
        raise UserError(N_("{file}: {field}: {value} is not one of {allowed}. Nothing was imported. The document is "
                           "damaged; download it again from Amazon."),
                        file=file_name, field=where, value=repr(value), allowed=", ".join(allowed))
    return value


def asin(value: object, file_name: str, where: str) -> str:
    if not isinstance(value, str) or not ASIN.fullmatch(value):
        raise UserError(N_("{file}: {field}: {value} is not an ASIN (10 capital letters or digits, e.g. "
                           "B0C1234567). Nothing was imported. The document is damaged; download it again from "
                           "Amazon."),
                        file=file_name, field=where, value=repr(value))
    return value


def _check_day(day: dt.date, value: object, file_name: str, where: str, ahead_days: int) -> None:
    earliest, latest = date_bounds(ahead_days)
    if not earliest <= day <= latest:
        raise UserError(N_("{file}: {field}: {value} is outside the plausible report dates {earliest}..{latest}. "
                           "Nothing was imported. Check the computer's date and download the report again from "
                           "Amazon."), file=file_name, field=where, value=repr(value),
                        earliest=earliest.isoformat(), latest=latest.isoformat())


def iso_date(value: object, file_name: str, where: str, ahead_days: int = HISTORY_AHEAD_DAYS) -> str:
    """YYYY-MM-DD (an ISO date-time is cut to its date) within the plausible dates -> 'YYYY-MM-DD'."""
    match = _ISO_DATE.fullmatch(value) if isinstance(value, str) else None
    try:
        day = dt.date(*map(int, match.groups()[:3])) if match else None
        if match and match.group(4):
            dt.datetime.fromisoformat(match.string)
    except ValueError:
        day = None
    if day is None:
        raise UserError(N_("{file}: {field}: {value} is not a date (YYYY-MM-DD). Nothing was imported. The document "
                           "is damaged; download it again from Amazon."),
                        file=file_name, field=where, value=repr(value))
    _check_day(day, value, file_name, where, ahead_days)
    return day.isoformat()


def iso_hour(value: object, file_name: str, where: str) -> str:
    """An ISO date-time within the plausible dates -> 'YYYY-MM-DDTHH:MM:SSZ' (UTC)."""
    match = _ISO_DATE.fullmatch(value) if isinstance(value, str) else None
    try:
        moment = dt.datetime.fromisoformat(match.string) if match else None
    except ValueError:
        moment = None
    if moment is None:
        raise UserError(N_("{file}: {field}: {value} is not a date-time (YYYY-MM-DDTHH:MM:SSZ). Nothing was "
                           "imported. The document is damaged; download it again from Amazon."),
                        file=file_name, field=where, value=repr(value))
    moment = moment.astimezone(dt.UTC) if moment.tzinfo else moment
    _check_day(moment.date(), value, file_name, where, HISTORY_AHEAD_DAYS)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


__all__ = ["FORECAST_AHEAD_DAYS", "HISTORY_AHEAD_DAYS", "MAX_ABS", "NON_NEGATIVE", "TooLong", "asin", "iso_date",
           "iso_hour", "number", "text"]
