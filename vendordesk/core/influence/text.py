"""Small wording helpers for explanations (no Qt: core and briefs use them). Numbers through
vendordesk.text's formatter (CLDR), words through the gettext catalogue: no language branches."""

from __future__ import annotations

import pandas as pd

from vendordesk.core.missing import is_missing
from vendordesk.text import formatter, texts

SYMBOLS = {"EUR": "€", "GBP": "£", "USD": "$"}


def num(value: float, lang: str, decimals: int = 0) -> str:
    if is_missing(value):
        return "–"
    return formatter(lang).number(float(value), decimals)


def pct(fraction: float, lang: str, decimals: int = 0) -> str:
    """The size of a change: -0.123 -> '12 %' (de) / '12%' (en)."""
    _ = texts(lang)
    return _("{n}%", n=num(abs(fraction) * 100 if not is_missing(fraction) else fraction, lang, decimals))


def rate(fraction: float, lang: str, decimals: int = 0) -> str:
    """A level (not a change): 0.031 -> '3 %'."""
    _ = texts(lang)
    return _("{n}%", n=num(fraction * 100 if not is_missing(fraction) else fraction, lang, decimals))


def money(value: float, lang: str, currency: str = "EUR", scale: float | None = None) -> str:
    """Whole euros, thousands as 'T' (de) / 'k' (en): '12 T €' / '€12k'; ``scale`` (the larger end of
    a range) picks the unit instead of ``value``, so both ends of a range share one."""
    _ = texts(lang)
    symbol = SYMBOLS.get(currency, currency)
    if abs(value if scale is None else scale) >= 10_000 and (scale is None or abs(value) >= 0.5):   # 0 stays "0 €"
        body = num(value / 1000, lang, 0)
        return _("{symbol}{n}k", symbol=symbol, n=body) if symbol in "€£$" else _("{n}k {symbol}", symbol=symbol, n=body)
    body = num(value, lang, 0)
    return _("{symbol}{n}", symbol=symbol, n=body) if symbol in "€£$" else f"{body} {symbol}"


def week_no(iso: str) -> int:
    """Amazon weeks run Sunday..Saturday; number them by the ISO week of their Monday."""
    return int((pd.Timestamp(iso) + pd.Timedelta(days=1)).isocalendar().week)


def weeks_label(first: str, last: str, lang: str) -> str:
    _ = texts(lang)
    a, b = week_no(first), week_no(last)
    return _("week {a}", a=a) if a == b else _("weeks {a}–{b}", a=a, b=b)


def asin_list(asins: list[str], lang: str, limit: int = 4) -> str:
    _ = texts(lang)
    shown = ", ".join(asins[:limit])
    more = len(asins) - limit
    if more > 0:
        shown += _(" and {n} more", n=more)
    return shown
