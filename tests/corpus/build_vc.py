"""Vendor Central Retail Analytics exports as bytes, laid out as domain §2.11 describes.

Line 1 holds the ``Key=[Value]`` settings, line 2 the header, data from line 3 (so data row n is
file line n + 2). Numbers are passed in as the exact text a cell holds.
"""

from __future__ import annotations

DE, US, FR, UK = "A1PA6795UKMFR9", "ATVPDKIKX0DER", "A13V1IB3VIYZZH", "A1F83G8C2ARO7P"
# One Sunday..Saturday week (2024-10-06..2024-10-12) written the way each locale writes dates.
RANGES = {"de_DE": "06/10/24 - 12/10/24", "en_US": "10/6/24 - 10/12/24", "fr_FR": "06/10/24 - 12/10/24",
          "en_GB": "06/10/24 - 12/10/24", "en_IN": "06/10/24 - 12/10/24", None: "13/10/2024 - 19/10/2024"}
WEEK = {loc: ("2024-10-06", "2024-10-12") for loc in RANGES if loc}
WEEK[None] = ("2024-10-13", "2024-10-19")
COUNTRY = {"de_DE": "DE", "en_US": "US", "fr_FR": "FR", "en_GB": "UK", "en_IN": "IN", None: "DE"}
CURRENCY = {"de_DE": "EUR", "en_US": "USD", "fr_FR": "EUR", "en_GB": "GBP", "en_IN": "INR", None: "EUR"}
MARKET = {"DE": DE, "US": US, "FR": FR, "UK": UK, "IN": "A21TJRUUN4KGV"}
SEP = {"de_DE": ";", "fr_FR": ";", "en_US": ",", "en_GB": ",", "en_IN": ",", None: ","}
# Sales headers per language (German ones as the app knows them, domain §8: inferred).
SALES = {
    "de": {"revenue": "Versandter Umsatz", "cogs": "Versandte COGS", "units": "Versandte Einheiten",
           "ordered_units": "Bestellte Einheiten", "title": "Produkttitel"},
    "en": {"revenue": "Shipped Revenue", "cogs": "Shipped COGS", "units": "Shipped Units",
           "ordered_units": "Ordered Units", "title": "Product Title"},
    "fr": {"revenue": "Chiffre d'affaires basé sur les expéditions", "cogs": "COGS expédié",
           "units": "Unités expédiées", "ordered_units": "Unités commandées", "title": "Nom du produit"},
}
COLUMN = {"revenue": "shipped_revenue", "cogs": "shipped_cogs", "units": "shipped_units",
          "ordered_units": "ordered_units"}


def lang(locale: str | None) -> str:
    return (locale or "en")[:2] if (locale or "en")[:2] in SALES else "en"


def metadata(locale: str | None = "de_DE", *, country: str | None = "", currency: str | None = "",
             viewing: str | None = "", sep: str | None = None, view: str = "Manufacturing",
             reporting: str = "Weekly") -> str:
    """The settings line; "" means the locale's usual value, None leaves the key out."""
    sep = sep or SEP[locale]
    pairs = [("Programme", "Retail"), ("Distributor View", view), ("View By", "ASIN"),
             ("Countries", COUNTRY[locale] if country == "" else country), ("Locale", locale),
             ("Currency", CURRENCY[locale] if currency == "" else currency), ("Reporting Range", reporting),
             ("Viewing Range", RANGES[locale] if viewing == "" else viewing)]
    return sep.join(f"{k}=[{v}]" for k, v in pairs if v is not None)


def quote(cell: str, sep: str) -> str:
    if any(ch in cell for ch in (sep, '"', "\n", "\r")):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def table(header: list[str], rows: list[list[str]], sep: str, newline: str = "\n") -> str:
    lines = [sep.join(quote(c, sep) for c in header)]
    lines += [sep.join(quote(c, sep) for c in row) for row in rows]
    return newline.join(lines) + newline


def sales_csv(locale: str | None, rows: list[list[str]], columns: tuple[str, ...] = ("revenue", "units"),
              *, sep: str | None = None, encoding: str = "utf-8", newline: str = "\n", **meta) -> bytes:
    """ASIN + the named sales columns; ``rows`` = [[asin, cell, cell, ...]]."""
    sep = sep or SEP[locale]
    names = SALES[lang(locale)]
    header = ["ASIN"] + [names[c] for c in columns]
    text = metadata(locale, sep=sep, **meta) + newline + table(header, rows, sep, newline)
    return text.encode(encoding)


def raw_csv(locale: str | None, header: list[str], rows: list[list[str]], *, sep: str | None = None,
            **meta) -> bytes:
    """Any header (e.g. duplicated or mixed columns) under the settings line."""
    sep = sep or SEP[locale]
    return (metadata(locale, sep=sep, **meta) + "\n" + table(header, rows, sep)).encode("utf-8")


def expect_sales(rows: dict[str, dict[str, float | None]]) -> dict[str, dict[str, float | None]]:
    """{asin: {"revenue": 19.99}} -> {asin: {"shipped_revenue": 19.99}}."""
    return {asin: {COLUMN.get(k, k): v for k, v in cols.items()} for asin, cols in rows.items()}
