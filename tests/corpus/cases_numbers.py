"""Decimal marks: de_DE, en_US, fr_FR, en_IN files and files without a Locale line (issue 11).

Each expected value is what the cell means, worked out by hand in the comment next to it. Where a
column cannot tell (only ``1.234``-like values), the file's Locale decides or the file is refused.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.corpus.build_vc import (
    COUNTRY,
    CURRENCY,
    MARKET,
    WEEK,
    expect_sales,
    sales_csv,
)
from tests.corpus.harness import Case, Refused, Stored

SLUG = {"de_DE": "de", "en_US": "us", "fr_FR": "fr", "en_GB": "gb", "en_IN": "in", None: "nolocale"}


def money_case(locale, label, cells, values, *, refuse_ok=False, alternatives=(), warn=(), columns=None):
    """One file: ASINs B0N0000001.. with ``cells`` in the Shipped Revenue column; units 1, 2, ..."""
    asins = [f"B0N{n:07d}" for n in range(1, len(cells) + 1)]
    rows = [[a, c, str(i + 1)] for i, (a, c) in enumerate(zip(asins, cells))]
    data = sales_csv(locale, rows)

    def stored(vals):
        expected = {a: {"revenue": v, "units": float(i + 1)} for i, (a, v) in enumerate(zip(asins, vals))}
        return Stored(rows=expect_sales(expected), currency=CURRENCY[locale],
                      marketplace=MARKET[COUNTRY[locale]], period=WEEK[locale], warn=warn)

    options = tuple(stored(v) for v in (values, *alternatives) if v is not None)
    cid = f"decimal-{SLUG[locale]}-{label}"
    return Case(cid, f"{cid}.csv", data, stored=options or None, refused=Refused() if refuse_ok or not options else None)


def units_case(locale, label, cell, value, *, refuse_ok=False):
    data = sales_csv(locale, [["B0U0000001", "10,00" if SLUG[locale] in ("de", "fr") else "10.00", cell]])
    cid = f"decimal-{SLUG[locale]}-units-{label}"
    stored = Stored(rows=expect_sales({"B0U0000001": {"revenue": 10.0, "units": value}}), period=WEEK[locale])
    return Case(cid, f"{cid}.csv", data, stored=stored, refused=Refused() if refuse_ok else None)


HAND = [
    # de_DE: a dot followed by two digits (or one) is never a thousands group.
    money_case("de_DE", "19.99", ["19.99"], [19.99]),
    money_case("de_DE", "0.95", ["0.95"], [0.95]),
    money_case("de_DE", "1234.5", ["1234.5"], [1234.5]),
    money_case("de_DE", "issue-trio", ["19.99", "0.95", "1234.5"], [19.99, 0.95, 1234.5]),
    money_case("de_DE", "9999.99", ["9999.99"], [9999.99]),
    money_case("de_DE", "native-1.234,56-eur", ["1.234,56 €"], [1234.56]),       # 1234 + 56/100
    money_case("de_DE", "native-eur-prefix-99,90", ["€ 99,90"], [99.90]),
    money_case("de_DE", "native-0,95", ["0,95"], [0.95]),
    money_case("de_DE", "native-1.234,5", ["1.234,5"], [1234.5]),
    money_case("de_DE", "native-1.234.567,89", ["1.234.567,89 €"], [1234567.89]),
    money_case("de_DE", "two-groups-1.234.567", ["1.234.567"], [1234567.0]),    # two dots: both grouping
    money_case("de_DE", "plain-1234", ["1234"], [1234.0]),
    money_case("de_DE", "negative--45,00", ["-45,00 €"], [-45.0]),
    money_case("de_DE", "parentheses-(45,00)", ["(45,00 €)"], [-45.0]),
    money_case("de_DE", "trailing-minus-45,00-", ["45,00-"], [-45.0]),
    money_case("de_DE", "unicode-minus", ["\u221245,00 €"], [-45.0]),
    # Only 1.234: German grouping (1234) by the Locale, or refused as ambiguous; never 1.234.
    money_case("de_DE", "lone-1.234", ["1.234"], [1234.0], refuse_ok=True),
    # The column shows its marks: 19.99 makes the dot decimal, 5,5 makes the comma decimal.
    money_case("de_DE", "1.234-beside-19.99", ["1.234", "19.99"], [1.234, 19.99], refuse_ok=True),
    money_case("de_DE", "1.234-beside-5,5", ["1.234", "5,5"], [1234.0, 5.5], refuse_ok=True),
    # Both conventions in one column: each value is unambiguous on its own, or the file is refused.
    money_case("de_DE", "mixed-1.234,56-and-19.99", ["1.234,56", "19.99"], [1234.56, 19.99], refuse_ok=True),
    money_case("de_DE", "indian-grouping", ["3,05,148.87"], [305148.87], refuse_ok=True),
    # en_US (also re-saved by German Excel).
    money_case("en_US", "1234,56-german-excel", ["1234,56"], [1234.56]),
    money_case("en_US", "19,99-german-excel", ["19,99"], [19.99], refuse_ok=True),
    money_case("en_US", "0,95-german-excel", ["0,95"], [0.95], refuse_ok=True),
    money_case("en_US", "1.234,56-german-excel", ["1.234,56"], [1234.56], refuse_ok=True),
    money_case("en_US", "native-1,234.56", ["1,234.56"], [1234.56]),
    money_case("en_US", "native-dollar-1,234.56", ["$1,234.56"], [1234.56]),
    money_case("en_US", "native-1,234,567.89", ["$1,234,567.89"], [1234567.89]),
    money_case("en_US", "lone-1,234", ["1,234"], [1234.0], refuse_ok=True),
    money_case("en_US", "lone-1.234", ["1.234"], [1.234], refuse_ok=True),
    money_case("en_US", "negative-dollar", ["-$45.00"], [-45.0]),
    # fr_FR: 9999.99 is 9999 + 99/100; spaces (also NBSP, narrow NBSP) group thousands.
    money_case("fr_FR", "9999.99", ["9999.99"], [9999.99]),
    money_case("fr_FR", "native-space-1 234,56", ["1 234,56 €"], [1234.56]),
    money_case("fr_FR", "native-nbsp-1_234,56", ["1\u00a0234,56 €"], [1234.56]),
    money_case("fr_FR", "native-narrow-nbsp", ["1\u202f234,56 €"], [1234.56]),
    money_case("fr_FR", "native-12,5", ["12,5"], [12.5]),
    money_case("fr_FR", "0.95", ["0.95"], [0.95]),
    # No Locale line, imported into the de_DE workspace.
    money_case(None, "19.99", ["19.99"], [19.99]),
    money_case(None, "0.95", ["0.95"], [0.95]),
    money_case(None, "1.234,56", ["1.234,56"], [1234.56]),
    money_case(None, "19,99", ["19,99"], [19.99]),
    money_case(None, "lone-1.234", ["1.234"], [1234.0], alternatives=([1.234],), refuse_ok=True,
               warn=(("locale", "decimal", "dezimal", "assum", "angenommen"),)),
    money_case(None, "lone-1,234", ["1,234"], [1234.0], alternatives=([1.234],), refuse_ok=True,
               warn=(("locale", "decimal", "dezimal", "assum", "angenommen"),)),
    # Indian and British grouping.
    money_case("en_IN", "lakh-3,05,148.87", ["₹3,05,148.87"], [305148.87]),
    money_case("en_IN", "lakh-1,00,000", ["₹1,00,000"], [100000.0]),
    money_case("en_GB", "pound-1,234.56", ["£1,234.56"], [1234.56]),
    # Units.
    units_case("de_DE", "1.234", "1.234", 1234.0, refuse_ok=True),
    units_case("en_US", "quoted-1,683", "1,683", 1683.0),
    units_case("de_DE", "plain-12", "12", 12.0),
]


# --- generated: random amounts, written natively or in the other convention ------------------
def _group(whole: int, mark: str) -> str:
    return f"{whole:,}".replace(",", mark)


def render(amount: Decimal, locale: str | None, style: str) -> str:
    whole, cents = divmod(int(amount * 100), 100)
    if style == "native":
        if locale == "en_US":
            return f"${_group(whole, ',')}.{cents:02d}"
        if locale == "fr_FR":
            return f"{_group(whole, chr(0x202F))},{cents:02d} €"
        return f"{_group(whole, '.')},{cents:02d} €"
    if style == "dot":
        return f"{whole}.{cents:02d}"
    return f"{whole},{cents:02d}"


_AMOUNTS = st.lists(st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9999999.99"), places=2,
                                allow_nan=False, allow_infinity=False), min_size=1, max_size=4)
_DRAWN: list = []


@settings(max_examples=40, derandomize=True, database=None, phases=[Phase.generate], deadline=None,
          suppress_health_check=list(HealthCheck))
@given(locale=st.sampled_from(["de_DE", "en_US", "fr_FR", None]), style=st.sampled_from(["native", "dot", "comma"]),
       amounts=_AMOUNTS)
def _draw(locale, style, amounts):
    _DRAWN.append((locale, style, amounts))


def _ascii(cell: str) -> str:
    return cell.replace("€", "eur").replace("$", "usd").replace(" ", "").replace("\u202f", "_")


def generated() -> list[Case]:
    """Hypothesis draws (derandomised, so the ids are stable) turned into one case each."""
    if not _DRAWN:
        _draw()
    cases, seen = [], set()
    for locale, style, amounts in _DRAWN:
        cells = [render(a, locale, style) for a in amounts]
        label = f"generated-{style}-" + "_".join(_ascii(c) for c in cells)
        if (locale, label) in seen:
            continue
        seen.add((locale, label))
        # Every cell has exactly two decimals after its last mark: never a thousands group.
        cases.append(money_case(locale, label[:80], cells, [float(a) for a in amounts]))
    return cases


def cases() -> list[Case]:
    return HAND + generated()
