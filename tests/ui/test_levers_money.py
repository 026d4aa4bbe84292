"""The levers table of the price-increase tab writes its amounts as money ("9.000 €" in German,
"€9,000" in English), not as bare numbers ("9,000"), and reads them back unchanged."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.qt


@pytest.mark.parametrize(("lang", "value", "cost", "typed"), [
    ("de", "9.000\u00a0€", "6.500\u00a0€", "8.250\u00a0€"),
    ("en", "€9,000", "€6,500", "€8,250"),
])
def test_lever_amounts_are_money_in_the_case_currency(qtbot, qapp, lang, value, cost, typed):
    from vendordesk.core.negotiation.model import Case, Concession
    from vendordesk.ui.i18n import install_language
    from vendordesk.ui.negotiation.levers import LeversEditor

    install_language(qapp, lang)
    try:
        editor = LeversEditor(lang)
        qtbot.addWidget(editor)
        case = Case(id=1, title="Handmixer", currency="EUR",
                    concessions=[Concession("final_order_old_cost", "Letzte Bestellung", 9000.0, 6500.0, True)])
        editor.set_case(case)
        assert (editor.table.item(0, 2).text(), editor.table.item(0, 3).text()) == (value, cost)
        editor.table.item(0, 2).setText("8250")          # typed without a currency: read, then shown as money
        assert editor.collect(case) == 0
        assert (case.concessions[0].value_to_amazon, case.concessions[0].cost_to_us) == (8250.0, 6500.0)
        assert editor.table.item(0, 2).text() == typed
        editor.collect(case)                               # reading the shown text again changes nothing
        assert case.concessions[0].value_to_amazon == 8250.0
    finally:
        install_language(qapp, "en")
