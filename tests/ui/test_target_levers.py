"""The target view shows each gear lever's 10-90 % range next to its value."""

from __future__ import annotations

import pandas as pd
import pytest

pytestmark = pytest.mark.qt


def test_lever_table_shows_value_range_and_units(qtbot, workspace):
    from PySide6.QtWidgets import QApplication

    from vendordesk.ui.i18n import install_language

    install_language(QApplication.instance(), "en")
    from vendordesk.core.influence.target import Lever
    from vendordesk.core.influence.target import TargetView as View
    from vendordesk.ui.influence.target import TargetView

    monthly = pd.DataFrame({"month": range(1, 13), "target": [0.0] * 12, "actual": [0.0] * 12,
                            "projected": [0.0] * 12})
    view = View(2026, 12000.0, 1000.0, 2000.0, "2026-11-29", monthly, 10.0, 4)
    view.levers = [Lever("availability", "fix_oos", 1620.0, 162.0, ["A"], label="Fixing availability",
                         low=1505.0, high=1735.0, units_low=150.0, units_high=174.0),
                   Lever("advertising", "ads_up", 500.0, 50.0, label="Ad spend +20%", low=500.0, high=500.0,
                         units_low=50.0, units_high=50.0)]
    widget = TargetView()
    qtbot.addWidget(widget)
    widget.set_data(workspace, view, "EUR", "en")
    text = widget.levers.text()
    # English writes percent without a space, as the window's numbers do ("14%"; German "14 %")
    assert "Likely range (10–90%)" in text and "holds 80% of" in text
    assert "0 %" not in text
    assert "€1,505 to €1,735" in text and "(150–174)" in text          # the band, in € and in units
    ads = text[text.index("Ad spend"):]
    assert "€500" in ads and " to " not in ads.split("</tr>")[0]       # no band: a dash, not "€500 to €500"


@pytest.mark.parametrize(("lang", "annual", "month"), [("de", "12.000\u00a0€", "1.000\u00a0€"),
                                                       ("en", "€12,000", "€1,000")])
def test_the_target_fields_say_their_currency(qtbot, qapp, workspace, lang, annual, month):
    """Issue 17: the annual target and the monthly targets were bare numbers ("12.000")."""
    from vendordesk.core.influence.target import TargetView as View
    from vendordesk.ops.influence import write_targets
    from vendordesk.ui.i18n import install_language
    from vendordesk.ui.influence.target import TargetView

    install_language(qapp, lang)
    try:
        write_targets(workspace, 2026, dict.fromkeys(range(1, 13), 1000.0))     # 12 × 1,000 = 12,000
        monthly = pd.DataFrame({"month": range(1, 13), "target": [1000.0] * 12, "actual": [0.0] * 12,
                                "projected": [0.0] * 12})
        widget = TargetView()
        qtbot.addWidget(widget)
        widget.set_data(workspace, View(2026, 12000.0, 0.0, 0.0, "2026-11-29", monthly, 0.0, 4), "EUR", lang)
        assert widget.annual.text() == annual
        assert widget.months.item(0, 0).text() == month
        widget.months.item(1, 0).setText("2500")                 # typed without a currency
        assert widget.month_values()[1] == 1000.0 and widget.month_values()[2] == 2500.0
    finally:
        install_language(qapp, "en")
