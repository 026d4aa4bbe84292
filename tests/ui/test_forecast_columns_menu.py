"""The forecast's "All ASINs" table had no column menu (the tickets' tables have one): at 1280×720
it leaves out MASE, bias and the horizon columns to fit, and the KAM could not bring one back."""

from __future__ import annotations

import pytest

from tests.ui.forecast_tab_loaded import loaded_forecast_tab

pytestmark = pytest.mark.qt


def test_the_overview_has_the_tickets_column_menu(qtbot, qapp, demo_workspace):
    from vendordesk.ui.context import AppContext

    tab = loaded_forecast_tab(qtbot, AppContext(demo_workspace))
    page = tab.content.overview
    tab.content.pages.setCurrentWidget(page)
    view, model = page.view, page.model
    mase = model.visible_keys().index("ours_mase")
    qtbot.waitUntil(lambda: view.isColumnHidden(mase))             # left out to fit 1280
    page.columns_button.menu().aboutToShow.emit()                   # the KAM opens the menu
    actions = {a.text(): a for a in page.columns_button.menu().actions()}
    assert not actions["MASE ours"].isChecked()
    assert len(actions) == len(model.columns()) and "MASE ours" in actions
    actions["MASE ours"].setChecked(True)                           # the KAM brings it back
    mase = model.visible_keys().index("ours_mase")
    assert not view.isColumnHidden(mase) and view.columnWidth(mase) > 0
    assert view.horizontalScrollBar().maximum() == 0
    actions["Risk weeks"].setChecked(False)
    assert "risk_weeks" not in model.visible_keys()
    actions["Risk weeks"].setChecked(True)
    assert "risk_weeks" in model.visible_keys()
