"""Decimal marks decided per column from its values (issue 11): hand-worked cases and round trips."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vendordesk.ingest.numbers import (
    AmbiguousMarks,
    column_marks,
    decimal_comma,
    parse_number,
)


def _read(cells, locale=None, fallback=None):
    marks = column_marks(cells, locale, fallback)
    return [parse_number(c, marks=marks) for c in cells], marks


# --- the cases of the issue, worked by hand ------------------------------------------------
def test_de_file_with_decimal_points_keeps_them():
    """'19.99': two digits after the mark, so it is decimal; 1234.5: four digits before it, not a group."""
    values, _ = _read(["19.99", "0.95", "1234.5"], "de_DE")
    assert values == [19.99, 0.95, 1234.5]           # not 1999 / 95 / 12345


def test_en_us_file_resaved_by_german_excel():
    """'1234,56': a comma followed by two digits is a decimal comma whatever the Locale says."""
    values, _ = _read(["1234,56", "7,5"], "en_US")
    assert values == [1234.56, 7.5]                   # not 123456 / 75


def test_fr_fr_is_a_decimal_comma_locale():
    assert decimal_comma("fr_FR") is True
    assert _read(["9999.99"], "fr_FR")[0] == [9999.99]             # not 999999
    assert _read(["9\u202f999,99", "1,234"], "fr_FR")[0] == [9999.99, 1.234]
    assert _read(["1.234"], "fr_FR")[0] == [1234.0]                # '.' can only group in fr_FR


def test_no_locale_line_in_a_de_workspace():
    """19.99 is decided by its own digits; only '1.234' needs the workspace locale, and says so."""
    assert _read(["19.99"], None, "de_DE")[0] == [19.99]           # not 1999
    values, marks = _read(["1.234", "2.500"], None, "de_DE")
    assert values == [1234.0, 2500.0]
    assert "'1.234' were read as 1234" in marks.assumed and "de_DE" in marks.assumed


def test_column_only_of_thousands_without_any_locale_is_refused():
    with pytest.raises(AmbiguousMarks, match=r"'1\.234' can be read as 1234 or 1\.234 and the file names no Locale"):
        column_marks(["1.234", "5.678"])


def test_two_different_decimal_marks_in_one_column_are_refused():
    with pytest.raises(AmbiguousMarks, match="'19.99'.*'1,5'"):
        column_marks(["19.99", "1,5"], "de_DE")


def test_one_value_fixes_the_others():
    """'2,5' fixes the comma as decimal, so '1.234' in the same column is 1234 (no locale needed)."""
    assert _read(["1.234", "2,5"])[0] == [1234.0, 2.5]
    assert _read(["1,234", "2.5"])[0] == [1234.0, 2.5]
    assert _read(["1.234.567"])[0] == [1234567.0]                  # a repeated mark groups


@pytest.mark.parametrize("text", ["12,34,5", "1.23.456", "1,2345.6", "12 34", "1.234,5,6"])
def test_groups_of_other_than_three_digits_are_not_thousands(text):
    with pytest.raises(ValueError):
        parse_number(text, "en_US")


def test_lakh_grouping_and_signs():
    assert _read(["₹3,05,148.87", "-₹379.04", "(1,00,000)"], "en_IN")[0] == [305148.87, -379.04, -100000.0]
    assert _read(["-45,00 €", "1.234 €", "45,00-"])[0] == [-45.0, 1234.0, -45.0]   # credits stay negative


def test_non_finite_spreadsheet_values_are_refused():
    with pytest.raises(ValueError):
        parse_number(float("inf"))


# --- round trips: any number written in a locale's style reads back exactly -------------------
def _format(value: Decimal, places: int, group: str, decimal: str, lakh: bool = False) -> str:
    whole, _, frac = f"{abs(value):.{places}f}".partition(".")
    if lakh and len(whole) > 3:
        head, parts = whole[:-3], [whole[-3:]]
        while head:
            parts.insert(0, head[-2:])
            head = head[:-2]
        whole = ",".join(parts)
    else:
        whole = f"{int(whole):,}".replace(",", group)
    return ("-" if value < 0 else "") + whole + (decimal + frac if frac else "")


STYLES = {"de_DE": (".", ",", False), "en_US": (",", ".", False), "fr_FR": ("\u202f", ",", False),
          "en_IN": (",", ".", True)}
_amounts = st.decimals(min_value=-10**10, max_value=10**10, allow_nan=False, allow_infinity=False, places=3)


@settings(max_examples=150, deadline=None)
@given(st.lists(_amounts, min_size=1, max_size=8), st.sampled_from(sorted(STYLES)), st.integers(0, 3),
       st.sampled_from(["", " €", "€ ", "₹", " %"]))
def test_column_in_its_locale_reads_back_exactly(values, locale, places, symbol):
    group, decimal, lakh = STYLES[locale]
    cells = [_format(v, places, group, decimal, lakh) for v in values]
    cells = [c + symbol if symbol.startswith(" ") else symbol + c for c in cells]
    expected = [float(f"{v:.{places}f}") / (100 if "%" in symbol else 1) for v in values]
    assert _read(cells, locale)[0] == expected


@settings(max_examples=150, deadline=None)
@given(st.lists(_amounts, min_size=1, max_size=8), st.sampled_from(sorted(STYLES)), st.integers(0, 3))
def test_without_a_locale_a_column_is_read_exactly_or_refused(values, locale, places):
    """Never a wrong number: either the values settle the marks or the column is refused."""
    group, decimal, lakh = STYLES[locale]
    cells = [_format(v, places, group, decimal, lakh) for v in values]
    try:
        read = _read(cells)[0]
    except AmbiguousMarks:
        assert all(c.replace("-", "").count(".") + c.count(",") <= 1 for c in cells)
        return
    assert read == [float(f"{v:.{places}f}") for v in values]
