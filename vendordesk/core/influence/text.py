"""Small wording helpers for explanations in German and English (no Qt: core and briefs use them)."""

from __future__ import annotations

import math

import pandas as pd


def num(value: float, lang: str, decimals: int = 0) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{value:,.{decimals}f}"
    if lang == "de":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def pct(fraction: float, lang: str, decimals: int = 0) -> str:
    """0.123 -> '12 %' (de) / '12%' (en)."""
    text = num(abs(fraction) * 100 if fraction == fraction else fraction, lang, decimals)
    return f"{text} %" if lang == "de" else f"{text}%"


def rate(fraction: float, lang: str, decimals: int = 0) -> str:
    """A level (not a change): 0.031 -> '3 %'."""
    text = num(fraction * 100 if fraction == fraction else fraction, lang, decimals)
    return f"{text} %" if lang == "de" else f"{text}%"


def money(value: float, lang: str, currency: str = "EUR") -> str:
    symbol = {"EUR": "€", "GBP": "£", "USD": "$"}.get(currency, currency)
    if abs(value) >= 10_000:
        body = num(value / 1000, lang, 0) + (" T" if lang == "de" else " k")
    else:
        body = num(value, lang, 0)
    return f"{body} {symbol}" if lang == "de" else f"{symbol}{body}" if symbol in "€£$" else f"{body} {symbol}"


def week_no(iso: str) -> int:
    """Amazon weeks run Sunday..Saturday; number them by the ISO week of their Monday."""
    return int((pd.Timestamp(iso) + pd.Timedelta(days=1)).isocalendar().week)


def weeks_label(first: str, last: str, lang: str) -> str:
    a, b = week_no(first), week_no(last)
    if lang == "de":
        return f"KW {a}" if a == b else f"KW {a}–{b}"
    return f"week {a}" if a == b else f"weeks {a}–{b}"


def asin_list(asins: list[str], lang: str, limit: int = 4) -> str:
    shown = ", ".join(asins[:limit])
    more = len(asins) - limit
    if more > 0:
        shown += f" {'und' if lang == 'de' else 'and'} {more} {'weitere' if lang == 'de' else 'more'}"
    return shown


def change_word(fraction: float, lang: str, up=("rose", "stieg"), down=("fell", "sank")) -> str:
    pair = up if fraction >= 0 else down
    return pair[1] if lang == "de" else pair[0]
