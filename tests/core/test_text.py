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
    assert f.points(-0.035) == "\u22123,5\u00a0Punkte"   # a real minus, as the window writes it            # -0.035 x 100 = -3.5 points
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
    assert not formatter("en").percent(value / 100, 1).startswith(("-", "\u2212"))


@pytest.mark.parametrize("value", [None, math.nan, float("nan")])
def test_missing_is_not_zero(value):
    assert formatter("de").money(value, "EUR") == "k. A."
    assert formatter("en").percent(value) == "n/a"


def test_signed_values_carry_their_sign():
    assert formatter("de").number(3.5, 1, signed=True) == "+3,5"
    assert formatter("en").money(-45, "EUR", 0) == "\u2212€45"


def test_catalogues_are_complete_and_compiled():
    tool = _tool()
    assert tool.languages() == ["de"]
    assert tool.main(["--check"]) == 0


def _pseudo_catalogue(folder: Path, lang: str = "fr") -> None:
    """Every message of the code, bracketed: ⟦What⟧. Plurals get bracketed forms."""
    template = _tool().extract()
    pseudo = Catalog(locale=lang, domain="vendordesk")
    for message in template:
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            pseudo.add(message.id, tuple(f"⟦{form}⟧" for form in message.id), context=message.context)
        else:
            pseudo.add(message.id, f"⟦{message.id}⟧", context=message.context)
    target = folder / lang / "LC_MESSAGES"
    target.mkdir(parents=True)
    with (target / "vendordesk.mo").open("wb") as handle:
        write_mo(handle, pseudo)


def test_a_third_language_is_only_a_catalogue(tmp_path, monkeypatch):
    """A pseudo-language catalogue changes every word of a brief, with no code for the language."""
    from vendordesk.briefs.department import department_brief
    from vendordesk.text import catalog

    _pseudo_catalogue(tmp_path)
    monkeypatch.setattr(catalog, "LOCALE_DIR", tmp_path)
    catalog.texts.cache_clear()
    try:
        tasks = [{"title": "Fix A+ content", "status": "in_progress", "due_on": "2026-12-10", "case_id": 7,
                  "assignee": "Marketing", "reason": "Conversion fell"}]
        html = department_brief([("Marketing", tasks)], dt.date(2026, 12, 3), "Acme", lang="fr")
    finally:
        catalog.texts.cache_clear()
    for word in ("What", "Why", "Who", "Due", "in progress", "Case {id}".replace("{id}", "7")):
        assert f"⟦{word}⟧" in html, word
    assert "⟦{n} open task⟧".replace("{n}", "1") in html      # the plural form for one task
    assert "10/12/2026" in html                                 # French CLDR date, four-digit year
    assert texts("en").pgettext("value", "n/a") == "n/a"


def test_no_message_hides_inside_an_f_string():
    """Babel cannot extract _() from inside an f-string (Python 3.11): such a text would stay English."""
    import ast

    offenders = []
    for path in (ROOT / "vendordesk").rglob("*.py"):
        if "ui" in path.relative_to(ROOT / "vendordesk").parts[:1]:
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.JoinedStr):
                for call in ast.walk(node):
                    if (isinstance(call, ast.Call) and getattr(call.func, "id", getattr(call.func, "attr", "")) in {
                            "_", "ngettext", "pgettext", "N_"}
                            and any(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in call.args)):
                        offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []
