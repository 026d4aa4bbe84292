"""Everyday habits of the window: Ctrl+F and the global search, Ctrl+1…n, the remembered layout."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from vendordesk.store import open_workspace

pytestmark = pytest.mark.qt


def _gears(window, qtbot):
    from tests.ui.test_gears_tab import _gears_tab

    return _gears_tab(window, qtbot)


def test_ctrl_f_focuses_the_global_search_from_any_tab(main_window, qtbot):
    for index in (0, 1, 3):
        main_window.tabs.setCurrentIndex(index)
        main_window.tabs.currentWidget().setFocus()
        qtbot.keyClick(main_window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        assert main_window.search.hasFocus()
        main_window.search.clearFocus()
    assert main_window.find_action.shortcut().toString() == "Ctrl+F"


def test_search_by_asin_opens_the_gears_filtered_by_it(main_window, qtbot, demo_workspace):
    tab = _gears(main_window, qtbot)
    asin = demo_workspace.conn.execute("SELECT asin FROM products ORDER BY asin DESC LIMIT 1").fetchone()[0]
    main_window.tabs.setCurrentIndex(1)
    assert main_window.search.go(asin.lower())                # case does not matter
    assert main_window.tabs.currentWidget() is tab
    qtbot.waitUntil(lambda: tab.asin.currentData() == asin, timeout=10000)
    qtbot.waitUntil(lambda: tab.compute_task is None, timeout=30000)


def test_search_by_case_id_and_title_words(main_window, qtbot, demo_workspace):
    from vendordesk.ui.tickets.tab import TicketsTab

    case_id, subject = demo_workspace.conn.execute(
        "SELECT case_id, subject FROM tickets WHERE subject <> '' ORDER BY case_id LIMIT 1").fetchone()
    hits = main_window.search.matches(case_id)
    assert hits[0][1:] == ("case", case_id)
    word = subject.split()[0]
    assert any(kind == "case" and key == case_id for _, kind, key in main_window.search.matches(word))
    assert main_window.search.go(case_id)
    tickets = main_window.tabs.currentWidget()
    assert isinstance(tickets, TicketsTab)
    qtbot.waitUntil(lambda: hasattr(tickets, "case_editor") and tickets.editors.currentWidget()
                    is tickets.case_editor, timeout=30000)
    assert not main_window.search.go("no such thing anywhere 123")


def test_ctrl_digit_switches_tabs_and_the_menu_shows_it(empty_window, qtbot):
    for index in range(empty_window.tabs.count()):
        qtbot.keyClick(empty_window, Qt.Key(Qt.Key.Key_1 + index), Qt.KeyboardModifier.ControlModifier)
        assert empty_window.tabs.currentIndex() == index
    shortcuts = [a.shortcut().toString() for a in empty_window._tab_actions]
    assert shortcuts == [f"Ctrl+{i + 1}" for i in range(empty_window.tabs.count())]
    assert [a.text() for a in empty_window._tab_actions][0] == empty_window.tab_widgets[0].title()


def test_last_tab_splitters_and_filters_are_restored(make_window, qtbot, demo_workspace, qsettings):
    window = make_window(demo_workspace)
    tab = _gears(window, qtbot)
    total = sum(tab.split.sizes())
    wanted = [total - 760, 760]           # wider than the detail pane's minimum, not the default
    tab.split.setSizes(wanted)
    assert tab.split.sizes() == wanted
    tab.period.setCurrentIndex(tab.period.findData(13))
    tab.compare.setCurrentIndex(tab.compare.findData("prior"))
    qtbot.waitUntil(lambda: tab.compute_task is None, timeout=30000)
    window.tabs.setCurrentIndex(3)
    window.close()

    again = make_window(open_workspace(demo_workspace.path))      # the closed window closed its own
    assert again.tabs.currentIndex() == 3
    tab2 = _gears(again, qtbot)
    qtbot.waitUntil(lambda: tab2.report is not None and tab2.compute_task is None, timeout=30000)
    assert tab2.period.currentData() == 13 and tab2.compare.currentData() == "prior"
    assert tab2.report.weeks == 13
    assert tab2.split.sizes() == wanted


def test_the_search_box_shows_its_whole_placeholder(make_window, qtbot, workspace):
    window = make_window(workspace, "de")
    window.resize(1280, 720)
    box = window.search
    qtbot.waitUntil(lambda: box.isVisible())
    needed = box.fontMetrics().horizontalAdvance(box.placeholderText())
    assert box.width() > needed
    from tests.ui.desk_check import cut_findings

    assert not cut_findings(box, "search")          # inside its parent, not at the window's edge, not squashed
    assert box.height() >= box.minimumSizeHint().height()


def test_a_dragged_column_width_is_remembered_per_table(make_window, qtbot, demo_workspace, qsettings):
    """Drag the border of the case table's "Subject" column; the next window shows it as left."""
    from PySide6.QtCore import QPoint

    def cases_view(window):
        tickets = next(t for t in window.tab_widgets if type(t).__name__ == "TicketsTab")
        window.tabs.setCurrentWidget(tickets)
        qtbot.waitUntil(lambda: getattr(tickets, "cases", None) is not None
                        and tickets.cases.model.rowCount() > 0, timeout=30000)
        return tickets.cases.view, tickets.chargebacks.view

    window = make_window(demo_workspace)
    view, other = cases_view(window)
    header = view.horizontalHeader()
    column = next(i for i in range(header.count())
                  if view.model().headerData(i, Qt.Orientation.Horizontal) == "Subject")
    before, other_before = header.sectionSize(column), other.horizontalHeader().sectionSize(column)
    edge = header.sectionViewportPosition(column) + before - 1
    y = header.height() // 2
    qtbot.mousePress(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge, y))
    qtbot.mouseMove(header.viewport(), QPoint(edge + 40, y))
    qtbot.mouseMove(header.viewport(), QPoint(edge + 90, y))
    qtbot.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge + 90, y))
    dragged = header.sectionSize(column)
    assert dragged >= before + 80                    # the drag widened it by about 90 px
    window.close()

    again = make_window(open_workspace(demo_workspace.path))      # the closed window closed its own
    view2, other2 = cases_view(again)
    qtbot.waitUntil(lambda: view2.horizontalHeader().sectionSize(column) == dragged, timeout=5000)
    assert other2.horizontalHeader().sectionSize(column) == other_before     # per table, not per column
