"""Department names outside Qt come from the gettext catalogue (no language branch in the code)."""

from __future__ import annotations

import pytest

from vendordesk.core.labels import label, labeller
from vendordesk.core.tickets import DEPARTMENTS

# The seven default departments as a German and an English reader see them (typed by hand).
GERMAN = {"marketing": "Marketing", "sales": "Vertrieb", "logistics": "Logistik", "production": "Produktion",
          "finance": "Finanzen", "management": "Geschäftsführung", "content": "Content"}
ENGLISH = {"marketing": "Marketing", "sales": "Sales", "logistics": "Logistics", "production": "Production",
           "finance": "Finance", "management": "Management", "content": "Content"}


@pytest.mark.parametrize("lang, expected", [("de", GERMAN), ("en", ENGLISH)])
def test_default_department_names_read_in_each_language(lang, expected):
    assert {code: label("department", code, lang) for code in expected} == expected


def test_catalogue_names_match_the_seeded_names():
    # the workspace seeds name_de / name_en from DEPARTMENTS: the labels must read the same
    assert {code: label("department", code, "de") for code in DEPARTMENTS} == {k: de for k, (de, _) in DEPARTMENTS.items()}
    assert {code: label("department", code, "en") for code in DEPARTMENTS} == {k: en for k, (_, en) in DEPARTMENTS.items()}


def test_workspace_names_win_and_unknown_values_stay():
    name = labeller("department", "de", departments={"sales": "Key Account Team"})
    assert name("sales") == "Key Account Team"
    assert name("logistics") == "Logistik"
    assert name("quality") == "quality"          # a department the KAM added: its id stays as stored
    assert name(None) is None


def test_an_unknown_language_reads_english():
    assert label("department", "finance", "fr") == "Finance"
