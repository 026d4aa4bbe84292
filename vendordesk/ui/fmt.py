"""Locale-aware display formatting (QLocale default locale: set once by the app)."""

from __future__ import annotations

import datetime as dt
import math

from PySide6.QtCore import QDate, QLocale

DASH = "–"
MINUS = "\u2212"     # the typographic minus: "−8,0", never a hyphen "-8,0"


def _minus(text: str) -> str:
    return MINUS + text[1:] if text.startswith("-") else text.replace("-", MINUS, 1) if "-" in text[:3] else text


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def rounded(value: float, decimals: int = 0) -> float:
    """The one place the UI rounds a number for display: a value that rounds to zero is +0,
    so "−0,0" never appears."""
    return round(float(value), decimals) + 0.0


def number(value: float | int | None, decimals: int = 0) -> str:
    if _missing(value):
        return DASH
    return _minus(QLocale().toString(rounded(value, decimals), "f", decimals))


def money(value: float | None, currency: str = "EUR", decimals: int = 2) -> str:
    """1.234,56 € in German, €1,234.56 in English."""
    if _missing(value):
        return DASH
    locale = QLocale()
    symbol = {"EUR": "€", "GBP": "£", "USD": "$", "INR": "₹"}.get(currency or "", currency or "")
    return _minus(locale.toCurrencyString(rounded(value, decimals), symbol, decimals))


def percent(fraction: float | None, decimals: int = 1) -> str:
    """A fraction as percent: 0.125 -> 12,5 %."""
    if _missing(fraction):
        return DASH
    text = _minus(QLocale().toString(rounded(float(fraction) * 100.0, decimals), "f", decimals))
    return f"{text} %" if QLocale().language() == QLocale.Language.German else f"{text}%"


def date_format() -> str:
    """The locale's numeric date format with a four-digit year (dd.MM.yyyy in German),
    for QDateEdit.setDisplayFormat as much as for text."""
    if QLocale().language() == QLocale.Language.German:
        return "dd.MM.yyyy"
    form = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    return form if "yyyy" in form else form.replace("yy", "yyyy")


def date_edit(edit) -> None:
    """A QDateEdit the house way: four-digit year and a calendar picker."""
    edit.setDisplayFormat(date_format())
    edit.setCalendarPopup(True)


def date(value: str | dt.date | None) -> str:
    """An ISO date or date object in the locale's numeric form (01.03.2026)."""
    if value in (None, ""):
        return DASH
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value[:10])
        except ValueError:
            return value
    return QLocale().toString(QDate(value.year, value.month, value.day), date_format())


def month_form(index: int, day: dt.date) -> str:
    """The date pattern of a month label on a time axis: the year written out on January and on
    the first label, the month alone elsewhere ("Juli 2026 · Sept. · Nov. · Jan. 2027"), since
    "Mai 27" read as the 27th of May. The same CLDR pattern for QLocale (the window's axes) and
    Babel (the printed briefs' charts)."""
    return "MMM yyyy" if index == 0 or day.month == 1 else "MMM"
