"""The one number parser of ingest: ``1.234,56 €``, ``₹3,05,148.87``, ``12,5 %``, ``(12.50)``.

The decimal mark is decided per column from all its values (``ColumnMarks``), the locale only
breaking ties the values leave open:
- a mark followed by other than three digits (``19.99``, ``0,5``), or after a leading 0 or more
  than three digits (``0.123``, ``1234.567``), is the decimal mark;
- both marks in one value: the last is decimal; a mark repeated in one value is grouping;
- only ``1.234``-like values: the file's locale decides, else the workspace's (with a warning),
  else the column is refused (``AmbiguousMarks``).
A group of anything but three digits is never a thousands group (en_IN lakh groups ``3,05,148``
with commas excepted). ``parse_number`` returns a float or ``None`` (blank, ``-``, ``n/a``): missing is never 0.
Percent cells come back as fractions. Raises ``ValueError`` for text that is not a number.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from vendordesk.text import N_, Listing, Message, Number

# Invisible characters seen in exports (LRM, RLM, zero-width space, BOM, word joiner).
_INVISIBLE = dict.fromkeys(map(ord, "\u200e\u200f\u200b\ufeff\u2060"), None)
_SPACES = " \t\n\r\f\v\u00a0\u202f\u2009\u2007\u2002\u2003"
_STRIP = _INVISIBLE | dict.fromkeys(map(ord, _SPACES), None)
# Spaces become one plain space (a possible grouping mark), invisible characters go.
_SPACE_TO_BLANK = _INVISIBLE | dict.fromkeys(map(ord, _SPACES), " ") | {ord("’"): "'"}
SYMBOLS = {"€": "EUR", "£": "GBP", "$": "USD", "₹": "INR", "¥": "JPY", "zł": "PLN", "kr": "SEK",
           "R$": "BRL", "A$": "AUD", "C$": "CAD", "AED": "AED", "SAR": "SAR", "TL": "TRY", "₺": "TRY"}
_CODES = ("EUR", "GBP", "USD", "INR", "JPY", "PLN", "SEK", "BRL", "AUD", "CAD", "AED", "SAR",
          "TRY", "MXN", "SGD", "EGP", "CHF")
_SYMBOL_RE = re.compile(r"R\$|A\$|C\$|zł|kr|TL|[€£$₹¥₺]|\b(?:" + "|".join(_CODES) + r")\b")
_MISSING = {"", "-", "–", "—", "n/a", "na", "nan", "none", "null", "--", "k.a.", "n.v."}
_SIMPLE = re.compile(r"^(-?)(\d+(?:[.,]\d+)?)(%?)$")
_MONEY = re.compile(r"^(-?)(?:[$€£₹]\s?)?(-?)(\d[\d.,]*)(?:\s?[€$£₹])?$")
_BODY = re.compile(r"^(?:\d|[.,]\d)[\d.,' ]*$")
_WESTERN = re.compile(r"^\d{1,3}(?:G\d{3})+$")
_LAKH = re.compile(r"^\d{1,2}(?:G\d{2})*G\d{3}$")
# Locales whose decimal separator is a comma.
_COMMA_LANGS = {"de", "fr", "it", "es", "nl", "pl", "sv", "pt", "tr", "da", "fi", "nb", "cs", "at"}


# One shared float per small count ("0".."9999"): big exports hold millions of them.
SMALL = {str(i): float(i) for i in range(10000)}


def count(digits: str) -> float:
    """A plain digit string as a float, shared for small counts."""
    found = SMALL.get(digits)
    return float(digits) if found is None else found


class PercentCell(float):
    """A spreadsheet number formatted as a percentage: already a fraction."""


class AmbiguousMarks(ValueError):
    """A column whose decimal mark its values and the locale cannot settle."""


@functools.lru_cache(maxsize=64)
def decimal_comma(locale: str | None) -> bool | None:
    """True when the locale writes 1,5; False for 1.5; None when unknown."""
    if not locale:
        return None
    lang = locale.replace("-", "_").split("_")[0].lower()
    if lang in _COMMA_LANGS:
        return True
    if lang in {"en", "ja", "zh", "hi", "ar", "he", "ko", "th"}:
        return False
    return None


def clean(text: str) -> str:
    """Drop invisible characters and all kinds of spaces."""
    return text.translate(_STRIP)


def currency_in(text: object) -> str | None:
    """The ISO code of a currency symbol or code written in a cell, if any."""
    if not isinstance(text, str):
        return None
    match = _SYMBOL_RE.search(text.translate(_INVISIBLE))
    if not match:
        return None
    token = match.group(0)
    return SYMBOLS.get(token, token)


@functools.lru_cache(maxsize=16384)
def _tokens(text: str) -> tuple[bool, bool, str] | None:
    """(negative, percent, body) of a cell's text; None when it is blank; ValueError otherwise.

    The body keeps its marks: digits, ``.`` ``,`` and grouping spaces or apostrophes.
    """
    simple = _SIMPLE.match(text)
    if simple:   # the common case: 12.5, -3, 4,25%
        return bool(simple.group(1)), bool(simple.group(3)), simple.group(2)
    money = _MONEY.match(text)
    if money and money.group(3)[-1].isdigit():   # $1,234.56  1.234,56 €  -₹379.04  € 99,90
        return bool(money.group(1)) != bool(money.group(2)), False, money.group(3)
    text = text.translate(_SPACE_TO_BLANK).strip()
    if text.lower() in _MISSING:
        return None
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1].strip()
    text = text.replace("\u2212", "-")
    is_percent = "%" in text
    text = _SYMBOL_RE.sub("", text.replace("%", "")).strip().removeprefix("+").strip()
    if text.startswith("-"):
        negative, text = not negative, text[1:].strip()
    elif text.endswith("-"):
        negative, text = not negative, text[:-1].strip()
    if not _BODY.match(text) or not text[-1].isdigit():
        raise ValueError(Message(N_("{value} is not a number"), value=repr(text)))
    return negative, is_percent, text


def _evidence(body: str) -> tuple[str, str] | None:
    """('decimal', mark) when the body fixes its decimal mark, ('maybe', mark) for ``1.234``."""
    commas, dots = body.count(","), body.count(".")
    if not commas and not dots:
        return None
    if commas and dots:
        return "decimal", "," if body.rfind(",") > body.rfind(".") else "."
    mark = "," if commas else "."
    if commas + dots > 1:
        return "decimal", "." if mark == "," else ","   # a repeated mark is grouping
    head, tail = body.replace(" ", "").replace("'", "").split(mark)
    if len(tail) != 3 or not head or head[0] == "0" or len(head) > 3:
        return "decimal", mark
    return "maybe", mark


@dataclass(frozen=True)
class ColumnMarks:
    """How one column writes its numbers. ``assumed`` is a warning when a tie was broken by a guess."""

    decimal: str | None = None
    assumed: str | None = None


class MarksEvidence:
    """Collects what a column's values say about their decimal mark (add cells one by one)."""

    def __init__(self) -> None:
        self.fixed: dict[str, str] = {}     # decimal mark -> first value showing it
        self.maybe: dict[str, str] = {}     # mark -> first ``1.234``-like value

    def add(self, value: object) -> None:
        if not isinstance(value, str) or value.isdigit():
            return
        try:
            tokens = _tokens(value)
        except ValueError:
            return      # reported when the cell is parsed
        found = tokens and _evidence(tokens[2])
        if found:
            (self.fixed if found[0] == "decimal" else self.maybe).setdefault(found[1], value)

    def decide(self, locale: str | None = None, fallback_locale: str | None = None) -> ColumnMarks:
        """The column's marks; ``locale`` is the file's own, ``fallback_locale`` the workspace's."""
        if len(self.fixed) == 2:
            raise AmbiguousMarks(Message(N_("{point} has a decimal point but {comma} a decimal comma in the same "
                                            "column"), point=repr(self.fixed["."]), comma=repr(self.fixed[","])))
        if self.fixed:
            return ColumnMarks(next(iter(self.fixed)))
        if not self.maybe:
            return ColumnMarks()
        example = next(iter(self.maybe.values()))
        for source, code in (("file", locale), ("workspace", fallback_locale)):
            comma = decimal_comma(code)
            if comma is None:
                continue
            decimal = "," if comma else "."
            if source == "file":
                return ColumnMarks(decimal)
            meaning = _plain(example, decimal)
            return ColumnMarks(decimal, Message(N_("values like {example} were read as {meaning} (the file names no "
                                                   "Locale; the workspace locale {locale} writes the decimal mark "
                                                   "'{mark}')"), example=repr(example), meaning=meaning,
                                                locale=code, mark=decimal))
        readings = Listing([_plain(example, mark) for mark in (",", ".")], style="or")
        raise AmbiguousMarks(Message(N_("{example} can be read as {readings} and the file names no Locale"),
                                     example=repr(example), readings=readings))


def _plain(text: str, decimal: str) -> str:
    """How ``text`` reads with ``decimal`` as its decimal mark, in the reader's digits, ungrouped."""
    tokens = _tokens(text)
    assert tokens is not None   # only values with a body are collected as evidence
    number = _number(tokens[2], decimal)
    return Number(number, decimals=None) if abs(number) < 1e15 else repr(number)


def _number(body: str, decimal: str | None) -> float:
    """A body read with the given decimal mark; ValueError when its grouping is not in threes."""
    whole, frac = body, ""
    if decimal and decimal in body:
        if body.count(decimal) > 1:
            raise ValueError(Message(N_("{value} has more than one decimal mark"), value=repr(body)))
        whole, _, frac = body.partition(decimal)
        if not frac.isdigit():
            raise ValueError(Message(N_("{value} is not a number"), value=repr(body)))
    if whole.isdigit():
        return float(f"{whole}.{frac}" if frac else whole)
    groups = {mark for mark in ".,' " if mark in whole}
    if len(groups) > 1:
        raise ValueError(Message(N_("{value} mixes grouping marks"), value=repr(body)))
    if groups:
        mark = groups.pop()
        shape = whole.replace(mark, "G")
        if not (_WESTERN.match(shape) or mark == "," and _LAKH.match(shape)):
            raise ValueError(Message(N_("{value}: a thousands group must have three digits"), value=repr(body)))
        whole = shape.replace("G", "")
    if not whole:
        whole = "0"
    return float(f"{whole}.{frac}" if frac else whole)


def parse_number(value: object, locale: str | None = None, percent: bool = False,
                 marks: ColumnMarks | None = None) -> float | None:
    """Parse a cell; ``percent=True`` (a % column) divides plain numbers by 100 as well.

    ``marks`` is the column's decision (``MarksEvidence.decide``); without it the cell is its own
    column of one, read with ``locale`` as tie-breaker.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(Message(N_("{value} is not a number"), value=repr(value)))
    if type(value) is str and value.isdigit():   # the common case: a plain count
        return float(value) / 100.0 if percent else count(value)
    if isinstance(value, PercentCell):
        return float(value)
    if isinstance(value, int | float):
        if math.isnan(value):  # NaN from a spreadsheet
            return None
        if math.isinf(value):
            raise ValueError(Message(N_("{value} is not a finite number"), value=repr(value)))
        return float(value) / 100.0 if percent else float(value)
    text = str(value)
    if text.isdigit():   # the common case: a plain count
        return float(text) / 100.0 if percent else float(text)
    tokens = _tokens(text)
    if tokens is None:
        return None
    negative, is_percent, body = tokens
    if marks is None:
        evidence = MarksEvidence()
        evidence.add(text)
        marks = evidence.decide(locale)
    number = _number(body, marks.decimal)
    if negative:
        number = -number
    return number / 100.0 if (percent or is_percent) else number


def column_marks(cells: Iterable[object], locale: str | None = None, fallback_locale: str | None = None) -> ColumnMarks:
    """The marks of a column given all its cells at once."""
    evidence = MarksEvidence()
    for cell in cells:
        evidence.add(cell)
    return evidence.decide(locale, fallback_locale)
