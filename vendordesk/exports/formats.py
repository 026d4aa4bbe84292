"""Excel number formats by cell kind, metric and unit (format codes are locale-free: ',' groups
thousands and '.' marks decimals; Excel shows them in the reader's locale)."""

from __future__ import annotations

SYMBOLS = {"EUR": "€", "GBP": "£", "USD": "$", "PLN": "zł", "SEK": "kr", "CAD": "CA$"}
PCT = "0.0%"
UNITS = "#,##0"
NUMBER = "#,##0.00"
DAYS = "#,##0.0"
INT = "0"
SCORE = "0"
DATE = {"de": "DD.MM.YYYY", "en": "DD/MM/YYYY"}      # as the window shows them (Babel de_DE, en_GB)


def money(currency: str | None = "EUR", lang: str = "en", *, signed: bool = False, decimals: int = 2) -> str:
    """Money where each language writes its sign: German "170,17 €" (after the number), English
    "€170.17" (before it); thousands grouped; no sign when the currency is not known. ``signed``: a
    change, "+1,200 €" / "+€1,200" (zero without a sign)."""
    number = "#,##0" + ("." + "0" * decimals if decimals else "")
    if not currency:
        return number if not signed else f"+{number};-{number};{number}"
    symbol = f'"{SYMBOLS.get(currency, currency)}"'
    plain = f"{symbol}{number}" if lang == "en" else f"{number} {symbol}"
    return f"+{plain};-{plain};{plain}" if signed else plain


def for_metric(metric: str, currency: str | None, lang: str = "en") -> str:
    """Facts: revenue, cost and discount in money; rates and margins as percent; counts as units."""
    name = metric.split("@", 1)[0]
    if name.endswith(("_revenue", "_cogs", "_cost")) or name in ("sales_discount", "contra_cogs"):
        return money(currency, lang)
    if name.endswith("_rate") or name == "net_pure_product_margin":
        return PCT
    if name.endswith("_days"):
        return DAYS
    if name.endswith(("_units", "_views", "_returns")) or name.startswith("amazon_forecast_"):
        return UNITS
    return NUMBER


def for_unit(unit: str | None, currency: str | None = "EUR", lang: str = "en") -> str:
    """Gears: a KPI's value by its unit (pct, money, units, weeks, days, rating, score, count)."""
    return {"pct": PCT, "money": money(currency, lang), "units": UNITS, "count": UNITS, "weeks": DAYS,
            "days": DAYS, "rating": "0.0", "score": SCORE}.get(unit or "", NUMBER)


def for_kind(kind: str, lang: str, currency: str | None = "EUR") -> str | None:
    return {"date": DATE.get(lang, DATE["en"]), "money": money(currency, lang), "pct": PCT, "units": UNITS,
            "int": INT, "number": NUMBER, "score": SCORE}.get(kind)
