"""A backtest's "WAPE 100 %, MASE –" said nothing of why the MASE is missing. On the demo an ASIN
first sold inside the 26 hidden weeks has no weeks to scale its error by: the ASIN page and the
overview's MASE cell say so (a reason for every missing MASE, a number otherwise)."""

from __future__ import annotations

import math

import pytest

from tests.ui.forecast_tab_loaded import loaded_forecast_tab

pytestmark = pytest.mark.qt


def test_every_missing_mase_says_why(qtbot, qapp, demo_workspace):
    from PySide6.QtCore import Qt

    from vendordesk.ui.context import AppContext
    from vendordesk.ui.i18n import install_language

    install_language(qapp, "de")
    try:
        tab = loaded_forecast_tab(qtbot, AppContext(demo_workspace, lang="de"))
        over = tab.index.overview
        missing = over[over["ours_wape"].notna() & over["ours_mase"].isna()]
        assert len(missing) >= 1            # the demo's ASIN listed inside the hidden weeks
        model = tab.content.overview.model
        mase = model.visible_keys().index("ours_mase")
        for asin in missing["asin"]:
            tab.content.show_asin(asin)
            page = tab.content.asin_page
            assert "MASE – (keine Verkäufe davor)" in page.accuracy.text(), page.accuracy.text()
            assert "keine Verkäufe vor den ausgeblendeten Wochen" in page.accuracy.toolTip()
            tip = model.data(model.index(model.row_of_key(asin), mase), Qt.ItemDataRole.ToolTipRole)
            assert tip and "keine Verkäufe vor den ausgeblendeten Wochen" in tip, tip
        scored = over[over["ours_mase"].notna()]["asin"].iloc[0]
        tab.content.show_asin(scored)
        value = tab.index.summary(scored)["ours_mase"]
        assert not math.isnan(value) and "(" not in tab.content.asin_page.accuracy.text().split("MASE ")[1][:8]
        assert tab.content.asin_page.accuracy.toolTip() == ""
    finally:
        install_language(qapp, "en")
