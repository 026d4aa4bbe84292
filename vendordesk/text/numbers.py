"""Numbers, money, percentages, points and dates in the reader's language, by Babel (CLDR).

German gives ``1.234,56 €``, ``12,5 %``, ``03.12.2026``; English ``€1,234.56``, ``12.5%``,
``03/12/2026``. Missing values (None, NaN) print as the language's "not available"; a value that
rounds to zero never prints as ``-0``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, get_currency_symbol

from vendordesk.core.missing import is_missing as missing_value
from vendordesk.text.catalog import REGIONS, texts

MINUS = "\u2212"   # a real minus sign, as the window writes it (Qt parses it back)


def is_missing(value: object) -> bool:
    """Nothing to show: core's missing value (None, NaN, NA) or an empty text."""
    return (isinstance(value, str) and value.strip() == "") or missing_value(value)


def _rounded(value: float, decimals: int) -> float:
    number = round(float(value), decimals)
    return 0.0 if number == 0 else number   # -0.0 -> 0.0


def _pattern(base: str, decimals: int) -> str:
    """The locale's own pattern with exactly ``decimals`` fraction digits."""
    core = "#,##0" + ("." + "0" * decimals if decimals else "")
    return base.replace("#,##0.00", "#,##0").replace("#,##0.0", "#,##0").replace("#,##0", core, 1)


def _numeric_date(locale: Locale) -> str:
    """The locale's short date with two-digit day and month and a four-digit year."""
    pattern = locale.date_formats["short"].pattern
    pattern = re.sub(r"y+", "yyyy", pattern)
    pattern = re.sub(r"(?<!d)d(?!d)", "dd", pattern)
    return re.sub(r"(?<!M)M(?!M)", "MM", pattern)


@dataclass(frozen=True)
class Formatter:
    """Formats for one language; build it with ``formatter(lang)``."""

    lang: str
    locale: Locale

    @property
    def unavailable(self) -> str:
        return texts(self.lang).pgettext("value", "n/a")

    def number(self, value: object, decimals: int = 0, signed: bool = False) -> str:
        if is_missing(value):
            return self.unavailable
        number = _rounded(value, decimals)  # type: ignore[arg-type]
        text = format_decimal(abs(number), "#,##0" + ("." + "0" * decimals if decimals else ""),
                              locale=self.locale)
        if number < 0:
            return MINUS + text
        return ("+" + text) if signed and number > 0 else text

    def money(self, value: object, currency: str, decimals: int = 2, signed: bool = False) -> str:
        if is_missing(value):
            return self.unavailable
        number = _rounded(value, decimals)  # type: ignore[arg-type]
        code = (currency or "").upper() or "EUR"
        pattern = _pattern(self.locale.currency_formats["standard"].pattern.split(";")[0], decimals)
        text = format_currency(abs(number), code, pattern, locale=self.locale, currency_digits=False)
        if number < 0:
            return MINUS + text
        return ("+" + text) if signed and number > 0 else text

    def percent(self, fraction: object, decimals: int = 1, signed: bool = False) -> str:
        """A fraction as percent: 0.125 -> ``12,5 %`` / ``12.5%``."""
        if is_missing(fraction):
            return self.unavailable
        base = str(self.locale.percent_formats[None].pattern).split(";")[0]
        digits = self.number(float(fraction) * 100.0, decimals, signed)  # type: ignore[arg-type]
        return base.replace("#,##0", digits, 1)

    def points(self, fraction: object, decimals: int = 1) -> str:
        """A difference of two fractions in percentage points: -0.035 -> ``−3,5 Punkte`` / ``−3.5 points``."""
        if is_missing(fraction):
            return self.unavailable
        unit = texts(self.lang).pgettext("unit", "points")
        return f"{self.number(float(fraction) * 100.0, decimals, signed=True)}\u00a0{unit}"  # type: ignore[arg-type]

    def date(self, value: object) -> str:
        """A calendar date with a four-digit year: ``01.03.2026`` / ``01/03/2026``."""
        if value is None or value == "":
            return self.unavailable
        if isinstance(value, str):
            value = dt.date.fromisoformat(value[:10])
        if isinstance(value, dt.datetime):
            value = value.date()
        if not isinstance(value, dt.date):
            raise ValueError(f"{value!r} is not a date")
        return format_date(value, _numeric_date(self.locale), locale=self.locale)

    def symbol(self, currency: str) -> str:
        return get_currency_symbol((currency or "EUR").upper(), locale=self.locale)


@functools.lru_cache(maxsize=16)
def formatter(lang: str | None = None) -> Formatter:
    lang = (lang or "en").replace("-", "_").split("_")[0].lower()
    try:
        locale = Locale.parse(REGIONS.get(lang, lang))
    except (ValueError, LookupError, UnknownLocaleError):   # a language CLDR does not know: English numbers
        lang, locale = "en", Locale.parse(REGIONS["en"])
    return Formatter(lang, locale)
