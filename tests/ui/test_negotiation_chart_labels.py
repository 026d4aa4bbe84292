"""The price-increase chart's orange line is shipped COGS / units: what Amazon pays us per unit,
the cost price the case asks to raise. It must not be called "Stückkosten" / "unit cost", the
words the case table uses for our own production cost (10,70 € against a cost price of 15,00 €)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from vendordesk.ui.i18n import install_language
from vendordesk.ui.negotiation.chart import _labels

WORDS = {"de": ("ASP", "Einkaufspreis (COGS / Stück)", "Geforderter Einkaufspreis"),
         "en": ("ASP", "Cost price (COGS / units)", "Requested cost")}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_window_and_the_brief_name_the_lines_alike(qapp, lang):
    install_language(QApplication.instance(), lang)
    assert _labels(None) == WORDS[lang]           # the tab, through Qt's translation
    assert _labels(lang) == WORDS[lang]           # the brief, by its own language


NAME = {"de": "Einkaufspreis", "en": "cost price"}
WRONG = {"de": "Stückkosten", "en": "unit cost"}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_brief_names_the_orange_line_as_the_tab_does(lang):
    """The printed brief's legend, heading and note under the chart say what the tab's legend says."""
    from vendordesk.briefs.negotiation_texts import t

    assert (t("lg_asp", lang), t("lg_cost", lang), t("lg_req", lang)) == WORDS[lang]
    for key in ("chart", "chart_note"):
        assert NAME[lang] in t(key, lang).lower() or NAME[lang] in t(key, lang), (key, t(key, lang))
        assert WRONG[lang] not in t(key, lang).lower() and WRONG[lang] not in t(key, lang), (key, t(key, lang))
