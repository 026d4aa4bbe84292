"""Issue 17: at 1920×1080 the cases table scrolled sideways with "Zahnrad" cut in half; at 1280×720
the forecast's "All ASINs" did. Every table of the tickets tab and the forecast's overview now fits
its width at both sizes, in German and English: no horizontal scroll bar, no header cut."""

from __future__ import annotations

import pytest

from tests.ui.desk_check import check_widget, report
from tests.ui.sized_window import sized_window
from tests.ui.test_tickets_layout import _tickets

pytestmark = pytest.mark.qt
SIZES = [(1280, 720), (1920, 1080)]


def _layout_findings(widget, lang):
    return [f for f in check_widget(widget, lang) if f.kind in ("scrolls", "clipped", "cut")]


def _settled(qtbot, view):
    """The table laid out at the window's size (its viewport resized, the widths fitted)."""
    qtbot.waitUntil(lambda: view.viewport().width() > 100 and view.isVisible(), timeout=10000)
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_ticket_tables_fit_their_width(qtbot, qapp, make_window, demo_workspace, lang, size):
    with sized_window(make_window, qapp, demo_workspace, lang, size) as window:
        tab = _tickets(window, qtbot)
        failures = []
        for page in (tab.cases, tab.chargebacks, tab.tasks):
            tab.pages.setCurrentWidget(page)
            _settled(qtbot, page.view)
            view = page.view
            widths = [(k, view.columnWidth(i)) for i, k in enumerate(page.model.visible_keys())
                      if not view.isColumnHidden(i)]
            failures += [f"[{page.model.visible_keys()[0]} table {widths}] {f}"
                         for f in _layout_findings(view, lang)]
        assert not failures, "\n".join(failures)
        if size[0] >= 1920:         # the wide screen shows the gear of each case
            gear = tab.cases.model.visible_keys().index("gear")
            assert not tab.cases.view.isColumnHidden(gear)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_forecast_overview_fits_its_width(qtbot, qapp, make_window, demo_workspace, lang, size):
    """"All ASINs" had 20 columns, 2,335 px of them, in 906 px at 1280 (1,560 px at 1920)."""
    with sized_window(make_window, qapp, demo_workspace, lang, size) as window:
        tab = next(t for t in window.tab_widgets if type(t).__name__ == "ForecastTab")
        window.tabs.setCurrentWidget(tab)
        tab.ensure_loaded()
        qtbot.waitUntil(lambda: tab.task is None and tab.index is not None, timeout=120000)
        page = tab.content.overview
        tab.content.pages.setCurrentWidget(page)
        _settled(qtbot, page.view)
        found = _layout_findings(page.view, lang)
        assert not found, report(found)
        shown = [c.key for i, c in enumerate(page.model.columns()) if not page.view.isColumnHidden(i)]
        # what a KAM reads first stays in sight at either size
        assert {"asin", "title", "ours_wape", "amazon_wape", "risk_weeks", "eur_at_risk"} <= set(shown), shown
