"""Issue 17, "a remembered layout": the Tickets tab comes back as it was left, after a restart: its
page, the splitter between tables and side panel and the one between the Today panel and the
form, and each table's status filter, its check box and the department of the task list. The free
search text is not kept (rows hidden by a forgotten search would look lost)."""

from __future__ import annotations

import pytest

from tests.ui.test_tickets_tab import _seed
from vendordesk.store import open_workspace

pytestmark = pytest.mark.qt


def _tickets(window, qtbot):
    tab = next(t for t in window.tab_widgets if type(t).__name__ == "TicketsTab")
    window.tabs.setCurrentWidget(tab)
    tab.ensure_loaded()
    qtbot.waitUntil(lambda: getattr(tab, "_built", False) and tab._loading is None, timeout=20000)
    return tab


def test_page_splitters_and_filters_come_back_after_a_restart(make_window, workspace, qtbot):
    _seed(workspace)
    window = make_window(workspace)
    window.resize(1280, 720)
    tab = _tickets(window, qtbot)
    total, side_total = sum(tab.split.sizes()), sum(tab.side_split.sizes())
    wanted, side_wanted = [total - 520, 520], [side_total - 300, 300]      # not the defaults
    tab.split.setSizes(wanted)
    tab.side_split.setSizes(side_wanted)
    assert (tab.split.sizes(), tab.side_split.sizes()) == (wanted, side_wanted)
    tab.pages.setCurrentWidget(tab.chargebacks)
    tab.chargebacks.status.setCurrentIndex(tab.chargebacks.status.findData("open"))
    tab.chargebacks.toggle.setChecked(True)
    tab.cases.status.setCurrentIndex(tab.cases.status.findData(None))          # "All"
    tab.department.setCurrentIndex(tab.department.findData("content"))
    tab.chargebacks.search.setText("CB-1")
    left = (tab.split.sizes(), tab.side_split.sizes())     # as left (the chargeback form has its own height)
    assert left[0] == wanted
    window.close()

    again = make_window(open_workspace(workspace.path))      # the closed window closed its own
    again.resize(1280, 720)
    assert type(again.tabs.currentWidget()).__name__ == "TicketsTab"
    tab2 = _tickets(again, qtbot)
    assert tab2.pages.currentWidget() is tab2.chargebacks
    assert tab2.chargebacks.status.currentData() == "open" and tab2.chargebacks.toggle.isChecked()
    assert tab2.cases.status.currentText() == tab2.cases.status.itemText(tab2.cases.status.findData(None))
    assert tab2.department.currentData() == "content"
    assert tab2.chargebacks.search.text() == ""
    qtbot.waitUntil(lambda: (tab2.split.sizes(), tab2.side_split.sizes()) == left, timeout=5000)
    again.close()
