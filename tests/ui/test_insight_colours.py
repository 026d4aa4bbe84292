"""The insight chart's chargeback types had other colours in German than in English: the bars were
coloured in the order of the translated names ("ASN Accuracy" sorts before "Shortage claim",
"Fehlmengenforderung" before "Lieferavis (ASN) fehlerhaft"). A type keeps its colour in both."""

from __future__ import annotations

import re

import pytest

from tests.ui.test_tickets_desk import _tab

pytestmark = pytest.mark.qt
LEGEND = re.compile(r'color:(#[0-9a-fA-F]{6})">■</span>&nbsp;(.+?)(?:&nbsp;&nbsp;&nbsp;|$)')


def _colours(qtbot, qapp, workspace, lang) -> dict[str, str]:
    """The legend's colour per stored type (the legend names it in ``lang``)."""
    from vendordesk.ui.tickets.labels import chargeback_types, kinds

    tab = _tab(qtbot, qapp, workspace, lang)
    tab.pages.setCurrentIndex(3)
    qtbot.waitUntil(lambda: hasattr(tab.insight, "legend") and tab.insight.legend.text() != "", timeout=20000)
    names = {**{v: k for k, v in kinds().items()}, **{v: k for k, v in chargeback_types(lang).items()}}
    pairs = LEGEND.findall(tab.insight.legend.text().replace(" &nbsp; ", "&nbsp;&nbsp;&nbsp;"))
    shown = {names[name.replace("&nbsp;", " ")]: colour for colour, name in pairs}
    assert len(shown) == len(pairs) >= 3, pairs
    return shown


def test_each_chargeback_type_keeps_its_colour_in_both_languages(qtbot, qapp, demo_workspace):
    from vendordesk.ui.i18n import install_language

    try:
        german = _colours(qtbot, qapp, demo_workspace, "de")
        english = _colours(qtbot, qapp, demo_workspace, "en")
    finally:
        install_language(qapp, "en")
    assert german == english
