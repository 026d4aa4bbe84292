"""At 1920×1080 the tasks table cut "Was" and "Warum" short while the last column ("Zahnrad")
took all the spare width. A wide table now gives its spare width to the free-text columns, up
to what their texts need; a narrow one fits its width, and a width set by hand stays."""

from __future__ import annotations

import pandas as pd

from vendordesk.ui.tickets import columns as cols
from vendordesk.ui.tickets import labels
from vendordesk.ui.tickets.tables import TablePage

TITLE = "Fehlerhafte Charge analysieren, 8D-Bericht erstellen und an Amazon senden"
REASON = "Bewertung von 4,4 auf 3,4 Sterne gefallen, Rücksendequote verdoppelt"


def _page(qtbot, width: int) -> TablePage:
    frame = pd.DataFrame({"id": [1, 2], "title": [TITLE, "Kurz"], "department_id": ["d", "d"],
                          "assignee": ["J. Hoffmann", ""], "due_on": ["2026-12-01", None],
                          "status": ["open", "open"], "reason": [REASON, ""], "case_id": ["", ""],
                          "gear": ["", ""], "asin": ["", ""], "created_on": [None, None], "done_on": [None, None]})
    page = TablePage("id", labels.task_statuses())
    qtbot.addWidget(page)
    columns, hidden = cols.task_columns({}, "en")
    page.fold = cols.TASK_FOLD        # as the tickets tab sets it
    page.set_frame(frame, columns, hidden, {"title": 240})
    page.resize(width, 500)
    page.show()
    qtbot.waitExposed(page)
    return page


def _width(page: TablePage, key: str) -> int:
    return page.view.columnWidth(page.model.visible_keys().index(key))


def _text_fits(page: TablePage, key: str) -> bool:
    return _width(page, key) >= page.view.sizeHintForColumn(page.model.visible_keys().index(key))


def test_a_wide_table_gives_its_spare_width_to_what_and_why(qtbot):
    page = _page(qtbot, 1800)
    qtbot.waitUntil(lambda: _text_fits(page, "title") and _text_fits(page, "reason"), timeout=3000)
    assert _width(page, "title") > 240


def test_a_narrow_table_fits_its_width_and_a_hand_set_width_stays(qtbot):
    """A narrow table no longer scrolls sideways: its columns give back what they have above their
    floors (the title down to 180 px, its end shown as "…"), then columns are left out."""
    page = _page(qtbot, 700)
    assert 180 <= _width(page, "title") < 240 and not _text_fits(page, "title")
    assert page.view.horizontalScrollBar().maximum() == 0
    page.view.setColumnWidth(page.model.visible_keys().index("title"), 300)     # the KAM's own width
    page.resize(1800, 500)
    qtbot.waitUntil(lambda: _text_fits(page, "reason"), timeout=3000)          # the others still grow
    assert _width(page, "title") == 300


def test_at_1920_the_tables_get_the_extra_width_not_the_side_panel(make_window, workspace, qtbot):
    """The split was 840 : 480 scaled to the tab's width: 1212 : 690 at 1920. Now the side panel
    (Today list and form, fine at 480) gets 480 + a sixth of the width beyond 1320: for a tab about
    1900 wide, 480 + 580 / 6 ≈ 577, and the tables the rest, about 1320."""
    from tests.ui.test_tickets_layout import _tickets
    from tests.ui.test_tickets_tab import _seed

    _seed(workspace)
    window = make_window(workspace)
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    tab = _tickets(window, qtbot)
    qtbot.waitUntil(lambda: sum(tab.split.sizes()) > 1800, timeout=5000)
    table, side = tab.split.sizes()
    assert table >= 1300 and 480 <= side <= 600, (table, side)
