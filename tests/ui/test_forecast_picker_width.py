"""At 1920×1080 the forecast's ASIN list cut every product after "Küchenwelt Handmixer 650…": a wide
screen gives the list its share, so the products can be told apart; at 1280×720 the chart keeps
its room and the search field its whole placeholder."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.qt


def _forecast(qtbot, qapp, workspace, size):
    from vendordesk.ui.context import AppContext
    from vendordesk.ui.forecast.tab import ForecastTab

    tab = ForecastTab(AppContext(workspace, lang="de"))
    qtbot.addWidget(tab)
    tab.resize(*size)
    tab.show()
    tab.ensure_loaded()
    qtbot.waitUntil(lambda: tab.task is None and tab.index is not None, timeout=60000)
    qapp.processEvents()
    return tab


def test_the_asin_list_shows_the_products_at_1920(qtbot, qapp, demo_workspace):
    from vendordesk.ui.i18n import install_language

    install_language(qapp, "de")
    try:
        view = _forecast(qtbot, qapp, demo_workspace, (1920, 1080)).content.picker_view
        title = view.model().visible_keys().index("title")
        need = view.fontMetrics().horizontalAdvance("Küchenwelt Professional Standmixer 1200 W")
        assert view.columnWidth(title) >= need, (view.columnWidth(title), need)
        assert view.horizontalScrollBar().maximum() == 0
    finally:
        install_language(qapp, "en")


def test_the_chart_keeps_its_room_and_the_search_its_placeholder_at_1280(qtbot, qapp, demo_workspace):
    from vendordesk.ui.i18n import install_language

    install_language(qapp, "de")
    try:
        content = _forecast(qtbot, qapp, demo_workspace, (1280, 720)).content
        assert content.pages.width() >= 900, content.pages.width()
        for page in (content.overview, content.risk):
            content.pages.setCurrentWidget(page)
            qapp.processEvents()
            field = page.search
            need = field.fontMetrics().horizontalAdvance(field.placeholderText())
            assert field.width() >= need + 30, (field.placeholderText(), field.width(), need)
    finally:
        install_language(qapp, "en")
