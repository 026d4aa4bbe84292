"""Locale-aware display formatting (QLocale default locale: set once by the app)."""

from __future__ import annotations

import datetime as dt
import math

from PySide6.QtCore import QDate, QLocale

DASH = "–"


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def rounded(value: float, decimals: int = 0) -> float:
    """The one place the UI rounds a number for display: a value that rounds to zero is +0,
    so "−0,0" never appears."""
    return round(float(value), decimals) + 0.0


def number(value: float | int | None, decimals: int = 0) -> str:
    if _missing(value):
        return DASH
    return QLocale().toString(rounded(value, decimals), "f", decimals)


def money(value: float | None, currency: str = "EUR", decimals: int = 2) -> str:
    """1.234,56 € in German, €1,234.56 in English."""
    if _missing(value):
        return DASH
    locale = QLocale()
    symbol = {"EUR": "€", "GBP": "£", "USD": "$", "INR": "₹"}.get(currency or "", currency or "")
    return locale.toCurrencyString(rounded(value, decimals), symbol, decimals)


def percent(fraction: float | None, decimals: int = 1) -> str:
    """A fraction as percent: 0.125 -> 12,5 %."""
    if _missing(fraction):
        return DASH
    text = QLocale().toString(rounded(float(fraction) * 100.0, decimals), "f", decimals)
    return f"{text} %" if QLocale().language() == QLocale.Language.German else f"{text}%"


def date(value: str | dt.date | None) -> str:
    """An ISO date or date object in the locale's numeric form (01.03.2026)."""
    if value in (None, ""):
        return DASH
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value[:10])
        except ValueError:
            return value
    qdate = QDate(value.year, value.month, value.day)
    if QLocale().language() == QLocale.Language.German:
        return QLocale().toString(qdate, "dd.MM.yyyy")
    return QLocale().toString(qdate, QLocale.FormatType.ShortFormat)
