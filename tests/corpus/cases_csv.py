"""CSV exports with broken structure or mis-keyed columns (issue 11, "Rows vanish", "Mis-keyed columns",
"Impossible values", two-digit years, ASINs that are no ASINs)."""

from __future__ import annotations

from tests.corpus.build_vc import (
    DE,
    US,
    WEEK,
    expect_sales,
    metadata,
    raw_csv,
    sales_csv,
)
from tests.corpus.harness import Case, Refused, Stored

ANY_REASON = Refused()


def _six(bad_row: int, bad_col: int, bad_text: str, sep: str = ",") -> bytes:
    """Six en_US rows (ASIN, title, revenue, units); data row ``bad_row`` (1-based) gets raw text."""
    lines = [metadata("en_US", sep=sep), sep.join(["ASIN", "Product Title", "Shipped Revenue", "Shipped Units"])]
    for n in range(1, 7):
        cells = [f"B0Q000000{n}", f"Mug {n}", f"{n}0.50", str(n)]
        if n == bad_row:
            cells[bad_col] = bad_text
        lines.append(sep.join(cells))
    return ("\n".join(lines) + "\n").encode()


def _six_stored(revenue_of_bad: float | None = None) -> Stored:
    """All six rows as meant: revenue n0.50, units n (Mug 1: 10.50 and 1 ...)."""
    rows = {f"B0Q000000{n}": {"revenue": float(f"{n}0.50"), "units": float(n)} for n in range(1, 7)}
    return Stored(rows=expect_sales(rows), currency="USD", marketplace=US, period=WEEK["en_US"])


def quotes() -> list[Case]:
    made = [
        ("title-row2", 2, 1, '"Blue Mug'), ("title-row5", 5, 1, '"Red Mug'), ("title-last-row", 6, 1, '"Last Mug'),
        ("revenue-row2", 2, 2, '"20.50'), ("asin-row3", 3, 0, '"B0Q0000003'), ("closed-then-text", 2, 1, '"Blue" Mug'),
    ]
    out = []
    for label, row, col, text in made:
        cid = f"unbalanced-quote-{label}"
        out.append(Case(cid, f"{cid}.csv", _six(row, col, text), stored=_six_stored(), refused=Refused(rows=(row + 2, row))))
    for label, sep in (("semicolon", ";"), ("tab", "\t")):
        cid = f"unbalanced-quote-{label}-file"
        out.append(Case(cid, f"{cid}.csv", _six(3, 1, '"Blue Mug', sep), stored=_six_stored(), refused=Refused(rows=(5, 3))))
    return out


def truncated() -> list[Case]:
    full = sales_csv("de_DE", [["B0T0000001", "1.234,56 €", "12"], ["B0T0000002", "€ 99,90", "3"]],
                     ("revenue", "units")).decode()
    head_end = full.index("\n", full.index("\nASIN") + 1) + 1
    out = [
        # The issue's case: "€ 99,90" cut to "€ 9 (the row's other cells never came).
        Case("truncated-mid-cell-eur-9", "truncated-mid-cell-eur-9.csv",
             full.replace('€ 99,90;3\n', '').encode() + '"€ 9'.encode(), refused=Refused(rows=(4, 2))),
        Case("truncated-inside-quoted-1.234,", "truncated-inside-quoted-1.234,.csv",
             (full[:head_end] + 'B0T0000001;"1.234,').encode(), refused=Refused(rows=(3, 1))),
        Case("truncated-inside-header", "truncated-inside-header.csv",
             full[:full.index("Versandte Ein") + len("Versandte Ein")].encode(), refused=ANY_REASON),
        Case("truncated-right-after-asin-header-cell", "truncated-right-after-asin-header-cell.csv",
             full[:full.index("\nASIN") + 5].encode(), refused=ANY_REASON),
        Case("truncated-inside-metadata", "truncated-inside-metadata.csv", full[:40].encode(), refused=ANY_REASON),
        Case("truncated-short-last-row", "truncated-short-last-row.csv",
             (full[:head_end] + "B0T0000001;1.234,56 €;12\nB0T0000002;€ 99,90").encode(), refused=Refused(rows=(4, 2))),
        Case("truncated-mid-utf8-euro-sign", "truncated-mid-utf8-euro-sign.csv",
             (full[:head_end] + "B0T0000001;1.234,56 €;12\nB0T0000002;\"99,90 ").encode() + "€".encode()[:2],
             refused=Refused(rows=(4, 2))),
        # A complete header and nothing else: an empty export, said so, or refused.
        Case("truncated-after-header-no-rows", "truncated-after-header-no-rows.csv", full[:head_end].encode(),
             stored=Stored(warn=(("no asin rows", "no rows", "keine", "0 rows", "empty", "leer"),)), refused=ANY_REASON),
    ]
    return out


def _bom_lines(text: str, data_only: bool = False, newline: str = "\n") -> bytes:
    lines = text.split("\n")
    out = [("\ufeff" + line if line and (not data_only or i >= 2) else line) for i, line in enumerate(lines)]
    return newline.join(out).encode("utf-8")


def boms() -> list[Case]:
    de = sales_csv("de_DE", [["B0B0000001", "19,99 €", "2"], ["B0B0000002", "5,00 €", "1"]]).decode()
    us = sales_csv("en_US", [["B0B0000003", "$19.99", "2"]]).decode()
    want_de = Stored(rows=expect_sales({"B0B0000001": {"revenue": 19.99, "units": 2.0},
                                        "B0B0000002": {"revenue": 5.0, "units": 1.0}}), marketplace=DE)
    want_us = Stored(rows=expect_sales({"B0B0000003": {"revenue": 19.99, "units": 2.0}}), marketplace=US)
    zw = sales_csv("de_DE", [["B0B\u200b0000004", "1,00", "1"]])
    nbsp = sales_csv("de_DE", [["B0B0000005\u00a0", "1,00", "1"]])
    one = Stored(rows=expect_sales({"B0B0000004": {"revenue": 1.0, "units": 1.0}}))
    return [
        Case("bom-every-line-de", "bom-every-line-de.csv", _bom_lines(de), stored=want_de, refused=ANY_REASON),
        Case("bom-every-data-line-de", "bom-every-data-line-de.csv", _bom_lines(de, True), stored=want_de,
             refused=ANY_REASON),
        Case("bom-every-line-us-crlf", "bom-every-line-us-crlf.csv", _bom_lines(us, newline="\r\n"), stored=want_us,
             refused=ANY_REASON),
        Case("bom-twice-at-start", "bom-twice-at-start.csv", ("\ufeff\ufeff" + de).encode(), stored=want_de,
             refused=ANY_REASON),
        Case("bom-utf8-once-control", "bom-utf8-once-control.csv", ("\ufeff" + de).encode(), stored=want_de),
        Case("zero-width-space-in-asin", "zero-width-space-in-asin.csv", zw, stored=one, refused=Refused(rows=(3, 1))),
        Case("nbsp-after-asin", "nbsp-after-asin.csv", nbsp,
             stored=Stored(rows=expect_sales({"B0B0000005": {"revenue": 1.0, "units": 1.0}})), refused=ANY_REASON),
        Case("crlf-control", "crlf-control.csv", de.replace("\n", "\r\n").encode(), stored=want_de),
        Case("cp1252-control", "cp1252-control.csv", de.encode("cp1252"), stored=want_de),
    ]


def _sourceable(value: float, procurable: float | None):
    """The sourceable rate is kept (own column or extra fact), never folded into the procurable one."""
    def check(conn, import_id):
        inv = conn.execute("SELECT * FROM inventory_facts WHERE import_id = ?", (import_id,))
        names = [d[0] for d in inv.description]
        rows = [dict(zip(names, r)) for r in inv.fetchall()]
        assert len(rows) == 1, f"{len(rows)} inventory rows"
        row = rows[0]
        extras = dict(conn.execute("SELECT metric, value FROM extra_facts WHERE import_id = ?", (import_id,)))
        places = {k: v for k, v in {**row, **extras}.items() if "sourceable" in k and v is not None}
        if procurable is None:
            got = row["procurable_product_out_of_stock_rate"]
            assert abs((got if got is not None else -1) - value) < 1e-12 or any(
                abs(v - value) < 1e-12 for v in places.values()), f"sourceable {value} lost: {row} {extras}"
            return
        assert row["procurable_product_out_of_stock_rate"] == procurable, \
            f"procurable = {row['procurable_product_out_of_stock_rate']}, expected {procurable}"
        assert any(v == value for v in places.values()), f"sourceable {value} lost: {places or extras}"
    return check


def columns() -> list[Case]:
    de_dup = raw_csv("de_DE", ["ASIN", "Versandte Einheiten", "Versandter Umsatz", "Versandte Einheiten"],
                     [["B0D0000001", "12", "10,00 €", "99"]])
    en_dup = raw_csv("en_US", ["ASIN", "Shipped Units", "Shipped Revenue", "Shipped Units"],
                     [["B0D0000002", "12", "$10.00", "99"]])
    alias_dup = raw_csv("en_GB", ["ASIN", "Shipped Units", "Dispatched units", "Shipped Revenue"],
                        [["B0D0000003", "12", "99", "£10.00"]])
    money_dup = raw_csv("en_US", ["ASIN", "Shipped Revenue", "Shipped Units", "Shipped Revenue"],
                        [["B0D0000004", "$10.00", "1", "$20.00"]])
    same_dup = raw_csv("de_DE", ["ASIN", "Versandte Einheiten", "Versandte Einheiten"], [["B0D0000005", "12", "12"]])

    def dup(asin, units_options, column, **cols):
        return tuple(Stored(rows=expect_sales({asin: {"units": u, **cols}}), warn=(column,)) for u in units_options)

    out = [
        Case("duplicate-column-versandte-einheiten-12-vs-99", "dup-de.csv", de_dup,
             stored=dup("B0D0000001", (12.0, 99.0), "Versandte Einheiten", revenue=10.0),
             refused=Refused(field="Versandte Einheiten")),
        Case("duplicate-column-shipped-units-12-vs-99", "dup-en.csv", en_dup,
             stored=dup("B0D0000002", (12.0, 99.0), "Shipped Units", revenue=10.0), refused=Refused(field="Shipped Units")),
        Case("duplicate-column-by-alias-dispatched-units", "dup-alias.csv", alias_dup,
             stored=dup("B0D0000003", (12.0, 99.0), "units", revenue=10.0), refused=Refused(field="units")),
        Case("duplicate-column-shipped-revenue-10-vs-20", "dup-money.csv", money_dup,
             stored=tuple(Stored(rows=expect_sales({"B0D0000004": {"revenue": r, "units": 1.0}}),
                                 warn=("Shipped Revenue",)) for r in (10.0, 20.0)),
             refused=Refused(field="Shipped Revenue")),
        Case("duplicate-column-equal-values", "dup-equal.csv", same_dup,
             stored=Stored(rows=expect_sales({"B0D0000005": {"units": 12.0}})), refused=Refused(field="Versandte Einheiten")),
    ]
    money_units = [
        ("de-1.234,56-eur", "de_DE", "Versandte Einheiten", "1.234,56 €"),
        ("us-dollar-12.00", "en_US", "Shipped Units", "$12.00"),
        ("de-percent-12,5", "de_DE", "Versandte Einheiten", "12,5 %"),
        ("de-eur-5-ordered", "de_DE", "Bestellte Einheiten", "€ 5"),
    ]
    for label, locale, header, cell in money_units:
        data = raw_csv(locale, ["ASIN", "Versandter Umsatz" if locale == "de_DE" else "Shipped Revenue", header],
                       [["B0M0000001", "10,00" if locale == "de_DE" else "10.00", cell]])
        column = "ordered_units" if "Bestellte" in header else "shipped_units"
        out.append(Case(f"money-under-units-header-{label}", f"money-units-{label}.csv", data,
                        stored=Stored(rows={"B0M0000001": {"shipped_revenue": 10.0, column: None}}, warn=(header,)),
                        refused=Refused(rows=(3, 1), field=header)))
    inv = ["ASIN", "Procurable Product OOS %", "Sourceable Product OOS %", "Vendor Confirmation %"]
    out += [
        Case("oos-both-procurable-and-sourceable", "oos-both.csv",
             raw_csv("en_US", inv, [["B0O0000001", "4.00%", "7.00%", "88.5%"]]),
             stored=Stored(table="inventory_facts", check=_sourceable(0.07, 0.04)), refused=ANY_REASON),
        Case("oos-both-sourceable-first", "oos-both-reversed.csv",
             raw_csv("en_US", [inv[0], inv[2], inv[1]], [["B0O0000002", "7.00%", "4.00%"]]),
             stored=Stored(table="inventory_facts", check=_sourceable(0.07, 0.04)), refused=ANY_REASON),
        Case("oos-sourceable-only", "oos-sourceable-only.csv",
             raw_csv("en_US", [inv[0], inv[2]], [["B0O0000003", "7.00%"]]),
             stored=Stored(table="inventory_facts", check=_sourceable(0.07, None)), refused=ANY_REASON),
    ]
    return out


def currency_and_market() -> list[Case]:
    any_market = ("DE", DE, "marketplace", "marktplatz", "countries")
    plain = [["B0C0000001", "19,99", "2"]]
    rows = expect_sales({"B0C0000001": {"revenue": 19.99, "units": 2.0}})
    us_rows = expect_sales({"B0C0000004": {"revenue": 19.99, "units": 2.0}})
    return [
        Case("no-currency-no-marketplace", "no-currency-no-marketplace.csv",
             sales_csv("de_DE", plain, currency=None, country=None),
             stored=Stored(rows=rows, currency="EUR", marketplace=DE, warn=("EUR", any_market)),
             refused=Refused(field="currency")),
        Case("no-currency-line-but-euro-signs", "no-currency-line-euro-signs.csv",
             sales_csv("de_DE", [["B0C0000002", "19,99 €", "2"]], currency=None),
             stored=Stored(rows=expect_sales({"B0C0000002": {"revenue": 19.99, "units": 2.0}}), currency="EUR",
                           marketplace=DE), refused=ANY_REASON),
        Case("no-marketplace-line", "no-marketplace-line.csv",
             sales_csv("de_DE", [["B0C0000003", "19,99 €", "2"]], country=None),
             stored=Stored(rows=expect_sales({"B0C0000003": {"revenue": 19.99, "units": 2.0}}), marketplace=DE,
                           warn=(any_market,)), refused=Refused(field="marketplace")),
        Case("no-currency-dollar-signs-us", "no-currency-dollar-signs.csv",
             sales_csv("en_US", [["B0C0000004", "$19.99", "2"]], currency=None),
             stored=Stored(rows=us_rows, currency="USD", marketplace=US)),
        # A US file with bare numbers in the EUR workspace: USD (from the marketplace, said so) or refused.
        Case("no-currency-bare-numbers-us-file", "no-currency-bare-us.csv",
             sales_csv("en_US", [["B0C0000004", "19.99", "2"]], currency=None),
             stored=Stored(rows=us_rows, currency="USD", marketplace=US, warn=("USD",)), refused=Refused(field="currency")),
        Case("currency-line-contradicts-signs", "currency-contradicts.csv",
             sales_csv("de_DE", [["B0C0000005", "19,99 £", "2"]]), refused=Refused(field="currency")),
        Case("mixed-currency-signs", "mixed-currency-signs.csv",
             sales_csv("fr_FR", [["B0C0000006", "19,99 €", "2"], ["B0C0000007", "$5.00", "1"]], currency=None),
             refused=ANY_REASON),
    ]


def dates() -> list[Case]:
    row = [["B0Y0000001", "19,99 €", "2"]]
    us_row = [["B0Y0000002", "$19.99", "2"]]
    y98 = Stored(rows=expect_sales({"B0Y0000002": {"revenue": 19.99, "units": 2.0}}), period=("1998-06-07", "1998-06-13"))
    return [
        Case("week-in-2099-de", "week-2099-de.csv", sales_csv("de_DE", row, viewing="04/01/2099 - 10/01/2099"),
             refused=Refused(field="2099")),
        Case("week-in-2099-us", "week-2099-us.csv", sales_csv("en_US", us_row, viewing="1/4/2099 - 1/10/2099"),
             refused=Refused(field="2099")),
        Case("two-digit-year-98", "two-digit-year-98.csv", sales_csv("en_US", us_row, viewing="6/7/98 - 6/13/98"),
             stored=y98, refused=Refused(field="98")),
        Case("two-digit-year-98-de", "two-digit-year-98-de.csv",
             sales_csv("de_DE", row, viewing="07/06/98 - 13/06/98"),
             stored=Stored(rows=expect_sales({"B0Y0000001": {"revenue": 19.99, "units": 2.0}}),
                           period=("1998-06-07", "1998-06-13")), refused=Refused(field="98")),
        Case("viewing-range-feb-30", "viewing-range-feb-30.csv", sales_csv("de_DE", row, viewing="30/02/24 - 06/03/24"),
             refused=Refused(field="Viewing Range")),
        Case("viewing-range-backwards", "viewing-range-backwards.csv",
             sales_csv("de_DE", row, viewing="12/10/24 - 06/10/24"), refused=Refused(field="Viewing Range")),
        Case("viewing-range-missing", "viewing-range-missing.csv", sales_csv("de_DE", row, viewing=None),
             refused=Refused(field="Viewing Range")),
    ]


def asins() -> list[Case]:
    def one(cid, asin, stored_as=None, refuse=True):
        data = sales_csv("de_DE", [["B0A0000001", "1,00", "1"], [asin, "2,00", "2"]])
        good = {"B0A0000001": {"revenue": 1.0, "units": 1.0}}
        options = [Stored(rows=expect_sales(good), warn=(asin.strip(),))]   # the bad row named and left out
        if stored_as:
            options = [Stored(rows=expect_sales(good | {stored_as: {"revenue": 2.0, "units": 2.0}}))]
        return Case(cid, f"{cid}.csv", data, stored=tuple(options), refused=Refused(rows=(4, 2)) if refuse else None)

    return [
        one("asin-nine-characters", "B0SHORT01"),
        one("asin-eleven-characters", "B0TOOLONG01"),
        one("asin-with-inner-space", "B0A 000002"),
        one("asin-formula", "=HYPERLINK(\"http://x.example\",\"B0A0000002\")"),
        one("asin-five-digits", "12345"),
        one("asin-with-label", "B0A0000002 (Blue)"),
        one("asin-lowercase", "b0a0000002", stored_as="B0A0000002"),
        one("asin-isbn10-digits-control", "0306406152", stored_as="0306406152", refuse=False),
        one("asin-isbn10-with-x-control", "080442957X", stored_as="080442957X", refuse=False),
    ]


def cases() -> list[Case]:
    return quotes() + truncated() + boms() + columns() + currency_and_market() + dates() + asins()
