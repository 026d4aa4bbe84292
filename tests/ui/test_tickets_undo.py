"""Issue 17, "undo beyond ticket deletes": an edit saved in the Tickets tab (a case, a chargeback, a
task, in the side panel or in the table) and a new entry can be taken back with Edit › Undo /
Ctrl+Z like a delete, in the order they were made, and redone. Deletes share the same history."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.test_tickets_tab import _seed
from vendordesk.store import tickets as st

pytestmark = pytest.mark.qt


@pytest.fixture
def window(make_window, workspace, qtbot):
    _seed(workspace)
    window = make_window(workspace)
    tab = next(t for t in window.tab_widgets if type(t).__name__ == "TicketsTab")
    window.tabs.setCurrentWidget(tab)
    tab.ensure_loaded()
    qtbot.waitUntil(lambda: getattr(tab, "_built", False) and tab._loading is None, timeout=20000)
    window.tickets = tab
    return window


def _settle(tab, qtbot):
    qtbot.waitUntil(lambda: tab._loading is None, timeout=20000)


def _press_undo(window, qtbot):
    """Ctrl+Z as the KAM presses it, in the cases table of the active window."""
    from PySide6.QtWidgets import QApplication

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    window.tickets.cases.view.setFocus()
    qtbot.keyClick(window.tickets.cases.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def test_a_case_edit_in_the_side_panel_is_undone_and_redone(window, qtbot):
    tab, ws = window.tickets, window.ctx.workspace
    tab.open_item("case", "0123456789")
    tab.case_editor.fields["subject"].setText("Markenname ändern")
    tab.case_editor.fields["status"].setCurrentIndex(tab.case_editor.fields["status"].findData("waiting_amazon"))
    tab.case_editor.save_button.click()
    _settle(tab, qtbot)
    assert st.get_case(ws, "0123456789")["subject"] == "Markenname ändern"
    events = len(st.list_events(ws, "0123456789"))          # the status change wrote one event
    assert window.undo_action.isEnabled() and "case 0123456789" in window.undo_action.text()
    _press_undo(window, qtbot)
    _settle(tab, qtbot)
    case = st.get_case(ws, "0123456789")
    assert (case["subject"], case["status"]) == ("Brand name change", "open")
    assert len(st.list_events(ws, "0123456789")) == events - 1
    assert st.tasks_frame(ws)["case_id"].tolist() == ["0123456789"]      # its task still points at it
    assert tab.case_editor.key == "0123456789"
    assert tab.case_editor.fields["subject"].text() == "Brand name change"   # the panel shows the undone case
    assert tab.message.isVisible() and tab.message.text() == "Undone: Edit case 0123456789"   # says what changed
    window.redo_action.trigger()
    _settle(tab, qtbot)
    assert st.get_case(ws, "0123456789")["subject"] == "Markenname ändern"
    assert tab.message.text() == "Redone: Edit case 0123456789"


def test_a_renamed_case_id_comes_back(window, qtbot):
    tab, ws = window.tickets, window.ctx.workspace
    tab.open_item("case", "0123456789")
    tab.case_editor.fields["case_id"].setText("9876543210")
    tab.case_editor.save_button.click()
    _settle(tab, qtbot)
    assert st.tasks_frame(ws)["case_id"].tolist() == ["9876543210"]
    window.undo_action.trigger()
    _settle(tab, qtbot)
    assert st.get_case(ws, "9876543210") is None and st.get_case(ws, "0123456789") is not None
    assert st.tasks_frame(ws)["case_id"].tolist() == ["0123456789"]


def test_a_new_chargeback_and_a_chargeback_edit_are_undone_in_order(window, qtbot):
    tab, ws = window.tickets, window.ctx.workspace
    before = len(st.chargebacks_frame(ws))
    tab.new_chargeback()
    tab.cb_editor.fields["external_id"].setText("CB-2611-00999")
    tab.cb_editor.fields["amount"].setText("77.50")
    tab.cb_editor.fields["raised_on"].setText("05/11/2026")
    tab.cb_editor.save_button.click()
    _settle(tab, qtbot)
    added = tab.cb_editor.key
    tab.cb_editor.fields["amount"].setText("80.00")
    tab.cb_editor.save_button.click()
    _settle(tab, qtbot)
    frame = st.chargebacks_frame(ws)
    assert frame.loc[frame["id"] == added, "amount"].tolist() == [80.0]
    window.undo_action.trigger()                                   # the edit: 80 -> 77.50
    _settle(tab, qtbot)
    frame = st.chargebacks_frame(ws)
    assert frame.loc[frame["id"] == added, "amount"].tolist() == [77.5]
    window.undo_action.trigger()                                   # the new chargeback goes
    _settle(tab, qtbot)
    assert len(st.chargebacks_frame(ws)) == before and added not in st.chargebacks_frame(ws)["id"].tolist()
    assert tab.cb_editor.key is None
    window.redo_action.trigger()                                   # and comes back with its ID
    _settle(tab, qtbot)
    frame = st.chargebacks_frame(ws)
    assert frame.loc[frame["id"] == added, "external_id"].tolist() == ["CB-2611-00999"]


def test_a_task_edit_and_an_in_table_edit_are_undone(window, qtbot):
    tab, ws = window.tickets, window.ctx.workspace
    task_id = int(st.tasks_frame(ws)["id"].iloc[0])
    tab.open_item("task", task_id)
    tab.task_editor.fields["title"].setText("Neue Bilder senden")
    tab.task_editor.save_button.click()
    _settle(tab, qtbot)
    page = tab.cases
    index = page.model.index(page.model.row_of_key("0123456789"), page.model.visible_keys().index("subject"))
    assert page.model.setData(index, "Markenname", Qt.ItemDataRole.EditRole)
    _settle(tab, qtbot)
    assert st.get_case(ws, "0123456789")["subject"] == "Markenname"
    window.undo_action.trigger()
    _settle(tab, qtbot)
    assert st.get_case(ws, "0123456789")["subject"] == "Brand name change"
    assert st.tasks_frame(ws)["title"].tolist() == ["Neue Bilder senden"]
    window.undo_action.trigger()
    _settle(tab, qtbot)
    assert st.tasks_frame(ws)["title"].tolist() == ["Send new images"]


def test_a_delete_shares_the_history_and_keeps_its_undo_button(window, qtbot, monkeypatch):
    tab, ws = window.tickets, window.ctx.workspace
    monkeypatch.setattr(tab, "confirm", lambda text: True)
    tab.open_item("case", "2222222222")
    tab.case_editor.delete_button.click()
    _settle(tab, qtbot)
    assert st.get_case(ws, "2222222222") is None
    assert tab.undo_button.isVisible() and "2222222222" in tab.undo_button.text()
    tab.open_item("case", "0123456789")
    tab.case_editor.fields["subject"].setText("Markenname")
    tab.case_editor.save_button.click()
    _settle(tab, qtbot)
    assert not tab.undo_button.isVisible()            # the last step is the edit, not the delete
    _press_undo(window, qtbot)                        # first the edit ...
    _settle(tab, qtbot)
    assert st.get_case(ws, "0123456789")["subject"] == "Brand name change"
    assert st.get_case(ws, "2222222222") is None
    assert tab.undo_button.isVisible()
    tab.undo_button.click()                           # ... then the delete
    _settle(tab, qtbot)
    assert st.get_case(ws, "2222222222")["subject"] == "Remittance missing"
    assert tab.message.text() == "Restored case 2222222222."
    assert not tab.undo_button.isVisible()


def test_another_workspace_starts_with_nothing_to_undo(window, qtbot, tmp_path, monkeypatch):
    """A step belongs to the workspace it was made in: after File › Open of another one, Edit ›
    Undo must not write the old workspace's record into the new one (or into a closed file)."""
    tab = window.tickets
    monkeypatch.setattr(tab, "confirm", lambda text: True)
    tab.open_item("case", "2222222222")
    tab.case_editor.delete_button.click()
    _settle(tab, qtbot)
    assert window.undo_action.isEnabled()
    assert window.switch_workspace(tmp_path / "other.vendordesk", create=True)
    _settle(tab, qtbot)
    assert not window.undo_action.isEnabled() and not tab.undo_button.isVisible()
    assert st.get_case(window.ctx.workspace, "2222222222") is None


def test_the_german_menu_names_the_step(make_window, workspace, qtbot):
    _seed(workspace)
    window = make_window(workspace, "de")
    tab = next(t for t in window.tab_widgets if type(t).__name__ == "TicketsTab")
    window.tabs.setCurrentWidget(tab)
    tab.ensure_loaded()
    qtbot.waitUntil(lambda: getattr(tab, "_built", False) and tab._loading is None, timeout=20000)
    tab.open_item("case", "0123456789")
    tab.case_editor.fields["subject"].setText("Markenname ändern")
    tab.case_editor.save_button.click()
    _settle(tab, qtbot)
    assert window.undo_action.text().replace("&", "") == "Rückgängig Fall 0123456789 bearbeiten"
