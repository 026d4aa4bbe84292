"""Locale-aware number cells of Vendor Central exports: ``1.234,56 €``, ``₹3,05,148.87``, ``12,5 %``.

``parse_number`` returns a float or ``None`` (blank, ``-``, ``n/a``): missing is never 0.
Percent cells come back as fractions. Raises ``ValueError`` for text that is not a number.
"""

from __future__ import annotations

import functools
import math
import re

# Invisible characters and odd spaces seen in exports (LRM, RLM, NBSP, thin spaces, BOM).
_INVISIBLE = dict.fromkeys(map(ord, "\u200e\u200f\u200b\ufeff\u2060"), None)
# ... plus every kind of space, removed in one str.translate call.
_STRIP = _INVISIBLE | dict.fromkeys(map(ord, " \t\n\r\f\v\u00a0\u202f\u2009\u2007\u2002\u2003"), None)
SYMBOLS = {"€": "EUR", "£": "GBP", "$": "USD", "₹": "INR", "¥": "JPY", "zł": "PLN", "kr": "SEK",
           "R$": "BRL", "A$": "AUD", "C$": "CAD", "AED": "AED", "SAR": "SAR", "TL": "TRY", "₺": "TRY"}
_CODES = ("EUR", "GBP", "USD", "INR", "JPY", "PLN", "SEK", "BRL", "AUD", "CAD", "AED", "SAR",
          "TRY", "MXN", "SGD", "EGP", "CHF")
_SYMBOL_RE = re.compile(r"R\$|A\$|C\$|zł|kr|TL|[€£$₹¥₺]|\b(?:" + "|".join(_CODES) + r")\b")
_MISSING = {"", "-", "–", "—", "n/a", "na", "nan", "none", "null", "--", "k.a.", "n.v."}
_DIGITS = re.compile(r"^\d+(?:[.,]\d+)*$|^\d*[.,]\d+$")
# Locales whose decimal separator is a comma.
_COMMA_LANGS = {"de", "fr", "it", "es", "nl", "pl", "sv", "pt", "tr", "da", "fi", "nb", "cs", "at"}


class PercentCell(float):
    """A spreadsheet number formatted as a percentage: already a fraction."""


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


def _split_separators(body: str, comma_decimal: bool | None) -> str:
    """Return a plain ``1234.56`` string from grouped digits, deciding which mark is decimal."""
    has_comma, has_dot = "," in body, "." in body
    if has_comma and has_dot:
        decimal = "," if body.rfind(",") > body.rfind(".") else "."
    elif has_comma or has_dot:
        mark = "," if has_comma else "."
        if comma_decimal is not None:
            decimal = "," if comma_decimal else "."
        elif body.count(mark) > 1 or re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", body) and mark == ",":
            decimal = "." if mark == "," else ","  # only grouping marks
        else:
            decimal = mark
    else:
        return body
    grouping = "." if decimal == "," else ","
    if body.count(decimal) > 1:
        raise ValueError(f"{body!r} has more than one decimal mark")
    return body.replace(grouping, "").replace(decimal, ".")


def parse_number(value: object, locale: str | None = None, percent: bool = False) -> float | None:
    """Parse a cell; ``percent=True`` (a % column) divides plain numbers by 100 as well."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a number")  # noqa: TRY004 - callers catch ValueError
    if isinstance(value, PercentCell):
        return float(value)
    if isinstance(value, (int, float)):
        if math.isnan(value):  # NaN from a spreadsheet
            return None
        return float(value) / 100.0 if percent else float(value)
    text = str(value).translate(_STRIP)
    if text.isdigit():   # the common case: a plain count
        return float(text) / 100.0 if percent else float(text)
    if text.lower() in _MISSING:
        return None
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1]
    text = text.replace("\u2212", "-")
    is_percent = percent or "%" in text
    text = _SYMBOL_RE.sub("", text.replace("%", "")).removeprefix("+")
    if text.startswith("-"):
        negative, text = not negative, text[1:]
    elif text.endswith("-"):
        negative, text = not negative, text[:-1]
    if not _DIGITS.match(text):
        raise ValueError(f"{value!r} is not a number")
    number = float(_split_separators(text, decimal_comma(locale)))
    if negative:
        number = -number
    return number / 100.0 if is_percent else number
