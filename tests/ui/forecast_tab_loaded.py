"""A Forecast tab shown at a size, its plan computed (the worker finished)."""

from __future__ import annotations


def loaded_forecast_tab(qtbot, context, size=(1280, 720), timeout=60000):
    from vendordesk.ui.forecast.tab import ForecastTab

    tab = ForecastTab(context)
    qtbot.addWidget(tab)
    tab.resize(*size)
    tab.show()
    tab.ensure_loaded()
    qtbot.waitUntil(lambda: tab.task is None and tab.index is not None, timeout=timeout)
    return tab
