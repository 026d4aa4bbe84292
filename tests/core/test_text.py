"""The Qt-free text layer: Babel formats by locale, gettext catalogues complete and compiled."""

from __future__ import annotations

import datetime as dt
import importlib.util
import math
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from vendordesk.text import formatter, texts

ROOT = Path(__file__).resolve().parents[2]


def _tool():
    spec = importlib.util.spec_from_file_location("update_catalog", ROOT / "tools" / "update_catalog.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("lang", "expected"), [("de", "1.234,56\u00a0€"), ("en", "€1,234.56")])
def test_money_follows_the_locale(lang, expected):
    assert formatter(lang).money(1234.56, "EUR") == expected


def test_german_numbers_percent_points_and_dates():
    f = formatter("de")
    assert f.number(1234567.891, 2) == "1.234.567,89"     # dots group thousands, comma is decimal
    assert f.percent(0.125) == "12,5\u00a0%"              # 0.125 x 100 = 12.5, CLDR de puts a space before %
    assert f.points(-0.035) == "-3,5\u00a0Pp."            # -0.035 x 100 = -3.5 points
    assert f.date(dt.date(2026, 12, 3)) == "03.12.2026"   # four-digit year, two-digit day and month
    assert f.unavailable == "k. A."


def test_english_numbers_percent_and_dates():
    f = formatter("en")
    assert f.number(1234567.891, 2) == "1,234,567.89"
    assert f.percent(0.125) == "12.5%"
    assert f.date("2026-03-01") == "01/03/2026"
    assert f.unavailable == "n/a"


@pytest.mark.parametrize("value", [-0.04, -0.0001, -1e-12])
def test_a_value_that_rounds_to_zero_never_shows_a_minus(value):
    # -0.04 rounded to one decimal is 0.0: printing "-0,0" would claim a loss that is not there.
    assert formatter("de").number(value, 1) == "0,0"
    assert not formatter("en").percent(value / 100, 1).startswith("-")


@pytest.mark.parametrize("value", [None, math.nan, float("nan")])
def test_missing_is_not_zero(value):
    assert formatter("de").money(value, "EUR") == "k. A."
    assert formatter("en").percent(value) == "n/a"


def test_signed_values_carry_their_sign():
    assert formatter("de").number(3.5, 1, signed=True) == "+3,5"
    assert formatter("en").money(-45, "EUR", 0) == "-€45"


def test_catalogues_are_complete_and_compiled():
    tool = _tool()
    assert tool.languages() == ["de"]
    assert tool.main(["--check"]) == 0


def test_a_third_language_is_only_a_catalogue(tmp_path):
    """A pseudo-language catalogue (every message bracketed) changes the words, no code."""
    template = _tool().extract()
    pseudo = Catalog(locale="fr", domain="vendordesk")
    for message in template:
        if message.id:
            pseudo.add(message.id, f"⟦{message.id}⟧", context=message.context)
    target = tmp_path / "fr" / "LC_MESSAGES"
    target.mkdir(parents=True)
    with (target / "vendordesk.mo").open("wb") as handle:
        write_mo(handle, pseudo)
    words = texts("fr", locale_dir=tmp_path)
    assert words.pgettext("value", "n/a") == "⟦n/a⟧"
    assert texts("en").pgettext("value", "n/a") == "n/a"
