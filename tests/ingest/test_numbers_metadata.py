"""Number and metadata parsers: worked examples plus hypothesis fuzzing."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vendordesk.ingest.metadata import grain_of, parse_date, parse_metadata, parse_range
from vendordesk.ingest.numbers import currency_in, parse_number


@pytest.mark.parametrize("text, locale, expected", [
    ("1.234,56 €", "de_DE", 1234.56), ("€ 1.234,56", "de_DE", 1234.56), ("-12,5 %", "de_DE", -0.125),
    ("£1,234.56", "en_GB", 1234.56), ("₹3,05,148.87", "en_IN", 305148.87), ("-₹379.04", "en_IN", -379.04),
    ("36.07%", "en_US", 0.3607), ("1 234,5", "fr_FR", 1234.5), ("\u200e1\u00a0000", "fr_FR", 1000.0),
    ("(1,234.00)", "en_US", -1234.0), ("1,683", "en_US", 1683.0), ("12,5", None, 12.5), ("-2", None, -2.0),
    ("$-5.00", "en_US", -5.0), ("1.234", "de_DE", 1234.0),
])
def test_examples(text, locale, expected):
    assert parse_number(text, locale) == pytest.approx(expected)


@pytest.mark.parametrize("blank", ["", " ", "-", "—", "n/a", None, float("nan")])
def test_blanks_are_missing_not_zero(blank):
    assert parse_number(blank) is None


def test_one_ambiguous_cell_without_locale_is_refused_not_guessed():
    """'1,683' is 1683 in en_US and 1.683 in de_DE; alone and without a locale it is not read at all."""
    with pytest.raises(ValueError, match="1.683 or 1683"):
        parse_number("1,683")


def test_percent_column_and_garbage():
    assert parse_number("36.07", percent=True) == pytest.approx(0.3607)
    with pytest.raises(ValueError):
        parse_number("ten")
    with pytest.raises(ValueError):
        parse_number("1,2,3.4.5")
    assert currency_in("1.234,56 €") == "EUR" and currency_in("₹3") == "INR" and currency_in("12") is None


@settings(max_examples=100, deadline=None)
@given(st.decimals(min_value=-10**9, max_value=10**9, places=2, allow_nan=False, allow_infinity=False),
       st.sampled_from([("de_DE", ".", ","), ("en_US", ",", "."), ("fr_FR", "\u202f", ","), ("en_IN", ",", ".")]),
       st.sampled_from(["", " €", "€", "$", " %"]))
def test_formatted_numbers_round_trip(value, style, symbol):
    """Any amount written with a locale's grouping and decimal mark reads back exactly."""
    locale, group, decimal = style
    whole, frac = f"{abs(value):.2f}".split(".")
    grouped = f"{int(whole):,}".replace(",", group)
    text = ("-" if value < 0 else "") + grouped + decimal + frac
    text = text + symbol if symbol.startswith(" ") else symbol + text
    expected = float(value) / (100 if "%" in symbol else 1)
    assert parse_number(text, locale) == pytest.approx(expected, abs=1e-9)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=30))
def test_parse_number_never_crashes_otherwise(text):
    try:
        result = parse_number(text, "de_DE")
    except ValueError:
        return
    assert result is None or isinstance(result, float)


def test_metadata_cells_and_one_cell_give_same_keys():
    """T02."""
    cells = parse_metadata(["locale=[en_GB]", "countries=[FR;DE]", "distributor view=[Manufacturing View]"])
    one = parse_metadata(["locale=[en_GB];countries=[FR;DE];distributor view=[Manufacturing View]"])
    spaced = parse_metadata(["\ufeffLocale=[en_GB] Countries=[FR;DE] Distributor View=[Manufacturing View]"])
    assert cells == one == spaced == {"locale": "en_GB", "countries": "FR;DE",
                                      "distributor_view": "Manufacturing View"}


def test_french_and_german_keys():
    meta = parse_metadata(["Local=[fr_FR]", "Pays=[FR]", "Aperçu du distributeur.=[Fabrication]",
                           "Champ de vision.=[01/09/24 - 30/09/24]", "Währung=[EUR]"])
    assert meta == {"locale": "fr_FR", "countries": "FR", "distributor_view": "Fabrication",
                    "viewing_range": "01/09/24 - 30/09/24", "currency": "EUR"}


_KEYS = st.text(alphabet=st.characters(whitelist_categories=("L",), max_codepoint=0x17f), min_size=1, max_size=12)
_VALUES = st.text(alphabet=st.characters(blacklist_characters="[]\n\r", max_codepoint=0x17f), max_size=15)


@settings(max_examples=80, deadline=None)
@given(st.dictionaries(_KEYS, _VALUES, min_size=1, max_size=6), st.sampled_from([",", ";", " "]))
def test_metadata_round_trip(pairs, separator):
    """Whatever pairs are written (in cells or one cell) are read back, keys normalised."""
    from hypothesis import assume

    from vendordesk.ingest.metadata import normalise_key

    assume(len({normalise_key(k) for k in pairs}) == len(pairs))
    written = separator.join(f"{k}=[{v}]" for k, v in pairs.items())
    parsed = parse_metadata([written])
    assert parsed == {normalise_key(k): v.strip() for k, v in pairs.items()}


@settings(max_examples=80, deadline=None)
@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date.today() - dt.timedelta(days=400)), st.integers(0, 400),
       st.sampled_from(["en_US", "en_GB", "de_DE", "en_IN"]), st.booleans())
def test_viewing_range_round_trip(start, days, locale, four_digit_year):
    end = start + dt.timedelta(days=days)
    year = "%Y" if four_digit_year else "%y"
    fmt = f"%m/%d/{year}" if locale == "en_US" else f"%d/%m/{year}"
    if locale == "de_DE":
        fmt = fmt.replace("/", ".")
    assert parse_range(f"{start.strftime(fmt)} - {end.strftime(fmt)}", locale) == (start, end)


def test_dates_need_a_locale_when_ambiguous():
    assert parse_date("13/02/24", None) == dt.date(2024, 2, 13)
    with pytest.raises(ValueError, match="Locale"):
        parse_date("03/02/24", None)
    with pytest.raises(ValueError, match="before"):
        parse_range("12/10/24 - 06/10/24", "de_DE")


def test_grains():
    assert grain_of(dt.date(2024, 10, 6), dt.date(2024, 10, 12)) == "week"
    assert grain_of(dt.date(2024, 10, 7), dt.date(2024, 10, 13)) == "custom"   # Monday start
    assert grain_of(dt.date(2024, 2, 1), dt.date(2024, 2, 29)) == "month"
    assert grain_of(dt.date(2024, 4, 1), dt.date(2024, 6, 30)) == "quarter"
    assert grain_of(dt.date(2024, 1, 1), dt.date(2024, 12, 31)) == "year"
    assert grain_of(dt.date(2024, 1, 1), dt.date(2024, 1, 1)) == "day"
