"""The ticket log's one "today" (the demo's data date, the calendar's elsewhere), Amazon's chargeback
types in the UI language with Vendor Central's name at hand, and German short dates ("5.12.26")
with a calendar beside every date field."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.ui.test_tickets_desk import _cell, _tab
from tests.ui.test_tickets_tab import _seed
from vendordesk.store import tickets as st

pytestmark = pytest.mark.qt
DATA_DATE = "2026-11-21"     # the demo's frozen end, a Saturday


@pytest.fixture
def tab(qtbot, qapp, workspace):
    _seed(workspace)
    return _tab(qtbot, qapp, workspace, "en")


@pytest.fixture
def demo_tab(qtbot, qapp, workspace):
    from vendordesk.ui.i18n import install_language

    workspace.set_meta("demo_end_date", DATA_DATE)
    st.add_case(workspace, {"case_id": "4444444444", "subject": "Bilder", "category": "catalog",
                            "opened_on": "2026-11-01", "next_follow_up": "2026-11-20"})
    st.add_task(workspace, {"title": "Bilder liefern", "department_id": "content", "created_on": "2026-11-01",
                            "due_on": "2026-11-22"})
    yield _tab(qtbot, qapp, workspace, "de")
    install_language(qapp, "en")


# --- one "today" ----------------------------------------------------------------------
def test_in_the_demo_new_entries_are_dated_to_the_data_date_and_say_so(demo_tab):
    """The form opened a new case on the calendar's date (07.12.2026) while the Today panel said
    "Datenstand 21.11.2026": one today for the whole tab, the data's date, and the form says so."""
    tab, ws = demo_tab, demo_tab.ctx.workspace
    assert tab.today_panel.title.text() == "Datenstand 21.11.2026"
    tab.new_case()
    editor = tab.case_editor
    assert editor.fields["opened_on"].text() == "21.11.2026"
    assert not editor.clock_note.isHidden() and "21.11.2026" in editor.clock_note.text()
    editor.fields["case_id"].setText("5555555555")
    editor.fields["subject"].setText("Neuer Fall")
    editor.save_button.click()
    assert st.get_case(ws, "5555555555")["opened_on"] == DATA_DATE
    assert editor.clock_note.isHidden()                 # an existing case: no note
    editor.fields["status"].setCurrentIndex(editor.fields["status"].findData("resolved"))
    editor.save_button.click()
    case = st.get_case(ws, "5555555555")
    assert case["resolved_on"] == DATA_DATE
    assert [e["happened_on"] for e in st.list_events(ws, "5555555555") if e["kind"] == "status"] == [DATA_DATE]
    editor.event_text.setText("Amazon angerufen")
    editor.add_event()
    assert st.list_events(ws, "5555555555")[-1]["happened_on"] == DATA_DATE
    tab.new_task()
    assert not tab.task_editor.clock_note.isHidden()
    tab.task_editor.fields["title"].setText("Erledigt")
    tab.task_editor.fields["status"].setCurrentIndex(tab.task_editor.fields["status"].findData("done"))
    tab.task_editor.save_button.click()
    frame = st.tasks_frame(ws)
    done = frame[frame["title"] == "Erledigt"].iloc[0]
    assert (done["created_on"], done["done_on"]) == (DATA_DATE, DATA_DATE)
    # the same day decides "overdue": the follow-up of 20.11. is due, the task of 22.11. is not
    assert tab.today == dt.date(2026, 11, 21)
    lines = [tab.today_panel.tree.topLevelItem(i).text(0) for i in range(tab.today_panel.tree.topLevelItemCount())]
    assert lines[0].startswith("Fällige Nachfassungen (1)") and lines[1].startswith("Überfällige Aufgaben (0)")


def test_a_real_workspace_uses_the_calendar_date_without_a_note(tab):
    tab.new_case()
    assert tab.case_editor.fields["opened_on"].text() == dt.date.today().strftime("%d/%m/%Y")
    assert tab.case_editor.clock_note.isHidden()
    assert tab.today_panel.title.text().startswith("Today, ")


# --- chargeback types -----------------------------------------------------------------
def test_chargeback_types_read_german_with_amazons_name_at_hand(qtbot, qapp, workspace):
    from PySide6.QtCore import Qt

    from vendordesk.ui.i18n import install_language

    _seed(workspace)    # an "ASN Accuracy" chargeback due in 3 days
    today = dt.date.today()
    cb = st.add_chargeback(workspace, {"external_id": "CB-2", "kind": "chargeback", "type": "PO on-time  accuracy",
                                       "amount": 50.0, "currency": "EUR", "raised_on": today.isoformat(),
                                       "dispute_due": (today + dt.timedelta(days=2)).isoformat()})
    try:
        tab = _tab(qtbot, qapp, workspace, "de")
        frame = st.chargebacks_frame(workspace)
        asn = int(frame.loc[frame["external_id"] == "CB-1", "id"].iloc[0])
        assert _cell(tab.chargebacks, asn, "type") == "Lieferavis (ASN) fehlerhaft"
        # an export's own spelling finds its label too; the tooltip names it as Vendor Central does
        assert _cell(tab.chargebacks, cb, "type") == "Lieferfenster verfehlt"
        model = tab.chargebacks.model
        index = model.index(model.row_of_key(cb), model.visible_keys().index("type"))
        assert model.data(index, Qt.ItemDataRole.ToolTipRole) == "In Vendor Central: PO On-Time Accuracy"
        from vendordesk.ui.tickets.labels import amazon_term_tip

        assert amazon_term_tip("PO on-time accuracy", "en") is None       # the English label is the name
        # the editor: German with Amazon's name in brackets; the stored spelling is found
        tab.open_item("chargeback", cb)
        assert tab.cb_editor.fields["type"].currentText() == "Lieferfenster verfehlt (PO On-Time Accuracy)"
        # the Today panel and the week view say it in German too
        deadlines = tab.today_panel.tree.topLevelItem(2)
        texts = [deadlines.child(i).text(0) for i in range(deadlines.childCount())]
        assert any("Lieferfenster verfehlt" in t for t in texts) and not any("Accuracy" in t for t in texts), texts
        titles = {i.title for i in tab.week.found if i.ref[0] == "chargeback"}
        assert titles == {"Lieferavis (ASN) fehlerhaft", "Lieferfenster verfehlt"}
        # saving keeps Vendor Central's name as the stored value (what an import would match)
        tab.cb_editor.save_button.click()
        assert st.chargebacks_frame(workspace).set_index("id").loc[cb, "type"] == "PO On-Time Accuracy"
    finally:
        install_language(qapp, "en")


# --- dates ----------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_german_short_date_is_accepted_in_every_ticket_form(qtbot, qapp, workspace, lang):
    """"5.12.26" was refused: it is 5 December 2026 (two-digit years are 20yy), typed in any form."""
    from vendordesk.ui.i18n import install_language

    _seed(workspace)
    try:
        tab = _tab(qtbot, qapp, workspace, lang)
        tab.new_case()
        editor = tab.case_editor
        qtbot.keyClicks(editor.fields["case_id"], "6666666666")
        qtbot.keyClicks(editor.fields["subject"], "Kurzes Datum")
        editor.fields["opened_on"].clear()
        qtbot.keyClicks(editor.fields["opened_on"], "5.12.26")
        qtbot.keyClicks(editor.fields["next_follow_up"], "9.12.26")
        editor.save_button.click()
        case = st.get_case(workspace, "6666666666")
        assert (case["opened_on"], case["next_follow_up"]) == ("2026-12-05", "2026-12-09")
        tab.new_chargeback()
        qtbot.keyClicks(tab.cb_editor.fields["amount"], "10")
        qtbot.keyClicks(tab.cb_editor.fields["raised_on"], "5.12.26")
        qtbot.keyClicks(tab.cb_editor.fields["dispute_due"], "31.12.26")
        tab.cb_editor.save_button.click()
        row = st.chargebacks_frame(workspace).set_index("id").loc[tab.cb_editor.key]
        assert (row["raised_on"], row["dispute_due"]) == ("2026-12-05", "2026-12-31")
        tab.new_task()
        qtbot.keyClicks(tab.task_editor.fields["title"], "Kurz")
        qtbot.keyClicks(tab.task_editor.fields["due_on"], "5.12.26")
        tab.task_editor.save_button.click()
        assert st.tasks_frame(workspace).set_index("id").loc[tab.task_editor.key, "due_on"] == "2026-12-05"
    finally:
        install_language(qapp, "en")


def test_every_date_field_of_the_ticket_forms_has_a_calendar(tab):
    from PySide6.QtWidgets import QLineEdit

    from vendordesk.ui.tickets.mail import MailDialog

    dated = {"opened_on", "last_contact_on", "next_follow_up", "resolved_on", "raised_on", "dispute_due", "due_on"}
    found = set()
    for editor in (tab.case_editor, tab.cb_editor, tab.task_editor):
        for key, widget in editor.fields.items():
            if key in dated:
                found.add(key)
                assert any(a.objectName() == "pick_date" for a in widget.actions()), key
    assert found == dated
    dialog = MailDialog(tab.ctx, tab)
    try:
        assert isinstance(dialog.sent_on, QLineEdit)
        assert any(a.objectName() == "pick_date" for a in dialog.sent_on.actions())
    finally:
        dialog.deleteLater()


# --- layout ---------------------------------------------------------------------------
def test_the_case_form_and_its_add_row_fit_the_side_panel_at_1920x1080(make_window, demo_workspace, qtbot, qapp):
    """At 1920×1080 the timeline's "Add" row of a case sat just below the side panel's fold: the
    panel was sized for the timeline's preferred height (and the tallest of the three forms)."""
    from PySide6.QtCore import QPoint, QRect

    window = make_window(demo_workspace, "de")
    window.resize(1920, 1080)
    tab = next(window.tabs.widget(i) for i in range(window.tabs.count())
               if type(window.tabs.widget(i)).__name__ == "TicketsTab")
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab._built and tab.cases.model.rowCount() > 0, timeout=30000)
    tab.cases.view.selectRow(0)
    qapp.processEvents()
    editor = tab.case_editor
    assert editor.key is not None and tab.editors.currentWidget() is editor
    viewport = tab.editors.parentWidget()
    shown = QRect(QPoint(0, 0), viewport.size())
    for widget in (editor.event_button, editor.event_text, editor.save_button):
        top_left = widget.mapTo(viewport, QPoint(0, 0))
        assert shown.contains(QRect(top_left, widget.size())), (widget.objectName() or type(widget).__name__,
                                                               top_left, widget.size(), viewport.size())
    assert editor.timeline.height() >= 80


def test_the_insight_chart_names_chargeback_types_in_german(qtbot, qapp, workspace):
    """The legend of "Rückbelastungen und Fehlmengen pro Monat nach Typ" read "ASN Accuracy",
    "PO On-Time Accuracy", "Shortage Claim"."""
    from vendordesk.ui.i18n import install_language

    _seed(workspace)     # one "ASN Accuracy" chargeback
    st.add_chargeback(workspace, {"external_id": "S-1", "kind": "shortage", "type": "Shortage Claim", "amount": 9.0,
                                  "currency": "EUR", "raised_on": dt.date.today().isoformat()})
    try:
        tab = _tab(qtbot, qapp, workspace, "de")
        tab.pages.setCurrentIndex(3)
        legend = tab.insight.legend.text().replace("&nbsp;", " ")
        assert "Lieferavis (ASN) fehlerhaft" in legend and "Fehlmengenforderung" in legend, legend
        assert "Accuracy" not in legend and "Shortage Claim" not in legend
    finally:
        install_language(qapp, "en")


def test_the_today_panel_keeps_all_three_groups_in_view(make_window, demo_workspace, qtbot, qapp):
    """18 follow-ups filled the Today panel at 1280×720 and hid the overdue tasks and the dispute
    deadlines: each group shows its first lines and one line for the rest, which opens the week."""
    from PySide6.QtCore import Qt

    window = make_window(demo_workspace, "de")
    window.resize(1280, 720)
    tab = next(window.tabs.widget(i) for i in range(window.tabs.count())
               if type(window.tabs.widget(i)).__name__ == "TicketsTab")
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab._built and tab.today_panel.tree.topLevelItemCount() == 3, timeout=30000)
    qapp.processEvents()
    tree = tab.today_panel.tree
    viewport = tree.viewport().rect()
    for group in range(3):
        top = tree.topLevelItem(group)
        assert top.childCount() <= tab.today_panel.LIMIT + 1
        assert viewport.contains(tree.visualItemRect(top)), top.text(0)      # every heading in view
    follow_ups = tree.topLevelItem(0)
    more = follow_ups.child(follow_ups.childCount() - 1)
    assert more.data(0, Qt.ItemDataRole.UserRole) == ("week", None)
    total = int(follow_ups.text(0).rsplit("(", 1)[1].rstrip(")"))
    assert more.text(0) == f"… und {total - tab.today_panel.LIMIT} weitere Einträge: siehe „Diese Woche“"
    tab.today_panel._activated(more)
    assert tab.pages.currentWidget() is tab.week


def test_a_long_subject_shows_its_beginning(tab):
    long = "Edit item costs: Upload der neuen Kostenpreise schlägt fehl (Fehler 8541) bei allen ASINs"
    st.add_case(tab.ctx.workspace, {"case_id": "7777777777", "subject": long, "opened_on": "2026-11-01"})
    tab.reload()
    tab.open_item("case", "7777777777")
    field = tab.case_editor.fields["subject"]
    # (the subject wraps now, issue 17: its start is in sight and the cursor before it)
    assert field.text() == long and field.textCursor().position() == 0
    assert field.verticalScrollBar().value() == 0
