"""The Tickets tab driven like a user: e-mail paste, edit, filter, delete/undo, export, print."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from vendordesk.store import tickets as st

pytestmark = pytest.mark.qt

EN_MAIL = """From: Vendor Central Support
Date: Tue, 3 Mar 2026 14:02
Subject: RE: [CASE 12345678901] Images not updating for B0C1234567
Hello, we need more information. Please provide the image files.
"""


def _seed(ws):
    today = dt.date.today()
    st.add_case(ws, {"case_id": "0123456789", "subject": "Brand name change", "category": "catalog",
                     "opened_on": (today - dt.timedelta(days=40)).isoformat(),
                     "next_follow_up": (today - dt.timedelta(days=1)).isoformat()})
    st.add_case(ws, {"case_id": "2222222222", "subject": "Remittance missing", "category": "payments",
                     "status": "resolved", "opened_on": "2026-01-01", "resolved_on": "2026-01-11"})
    st.add_chargeback(ws, {"external_id": "CB-1", "kind": "chargeback", "type": "ASN Accuracy", "amount": 120.0,
                           "currency": "EUR", "raised_on": (today - dt.timedelta(days=27)).isoformat(),
                           "dispute_due": (today + dt.timedelta(days=3)).isoformat()})
    st.add_task(ws, {"title": "Send new images", "department_id": "content", "created_on": today.isoformat(),
                     "due_on": (today - dt.timedelta(days=2)).isoformat(), "case_id": "0123456789"})


@pytest.fixture
def tab(qtbot, qapp, workspace):
    from vendordesk.ui.context import AppContext
    from vendordesk.ui.i18n import install_language
    from vendordesk.ui.tickets.tab import TicketsTab

    install_language(qapp, "en")
    _seed(workspace)
    widget = TicketsTab(AppContext(workspace, lang="en"))
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    with qtbot.waitSignal(widget.badge_changed) as badge:
        widget.ensure_loaded()
    widget.badge = badge.args[0]
    return widget


def test_empty_workspace_shows_empty_state(qtbot, workspace):
    from vendordesk.ui.context import AppContext
    from vendordesk.ui.tickets.tab import TicketsTab

    widget = TicketsTab(AppContext(workspace, lang="en"))
    qtbot.addWidget(widget)
    widget.ensure_loaded()
    assert widget.stack.currentWidget() is widget.empty
    widget.empty.button.click()        # "Add a case" opens the editor
    assert widget.stack.currentIndex() == 1 and widget.case_editor.key is None


def test_badge_and_today_panel(tab):
    # one follow-up due, one overdue task, one deadline within 7 days
    assert tab.badge == "3"
    tree = tab.today_panel.tree
    assert [tree.topLevelItem(i).childCount() for i in range(3)] == [1, 1, 1]
    assert all(tree.topLevelItem(i).child(0).data(0, 256) for i in range(3))   # real items, not "Nothing due."
    assert "0123456789" in tree.topLevelItem(0).child(0).text(0)
    assert tree.topLevelItem(2).child(0).text(0).endswith("ASN Accuracy CB-1")   # Amazon's chargeback ID


def test_case_from_email_confirmed_then_saved(tab, qtbot):
    from vendordesk.ui.tickets.mail import MailDialog

    dialog = MailDialog(tab.ctx, tab)
    qtbot.addWidget(dialog)
    dialog.text.setPlainText(EN_MAIL)
    assert dialog.case_id.text() == "12345678901"
    assert dialog.subject.text() == "Images not updating for B0C1234567"
    assert dialog.status.currentData() == "needs_info"
    assert "new case" in dialog.case_message.text()
    dialog.subject.setText("Images not updating")            # the KAM corrects before saving
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    case = st.get_case(tab.ctx.workspace, "12345678901")
    assert case["subject"] == "Images not updating" and case["status"] == "needs_info"
    assert case["opened_on"] == "2026-03-03"
    assert st.list_events(tab.ctx.workspace, "12345678901")[0]["kind"] == "contact_in"


def test_email_without_case_id_is_refused(tab, qtbot):
    from vendordesk.ui.tickets.mail import MailDialog

    dialog = MailDialog(tab.ctx, tab, text="Thank you for contacting Amazon.")
    qtbot.addWidget(dialog)
    assert "No case ID" in dialog.case_message.text()
    dialog.save()
    assert dialog.result_case_id is None
    assert len(st.tickets_frame(tab.ctx.workspace)) == 2
    dialog.case_id.setText("0123456789")          # typed by hand: updates the existing case
    assert "is in the log" in dialog.case_message.text()
    dialog.sent_on.setText("32.13.2026")
    dialog.save()
    assert "not a date" in dialog.date_message.text() and dialog.result_case_id is None
    dialog.sent_on.setText("05.03.2026")
    dialog.save()
    assert dialog.result_case_id == "0123456789"
    assert st.get_case(tab.ctx.workspace, "0123456789")["subject"] == "Brand name change"   # not blanked


def test_tab_opens_case_after_mail(tab, monkeypatch):
    from vendordesk.ui.tickets.mail import MailDialog

    def fake_ask(ctx, parent=None):
        dialog = MailDialog(ctx, parent, text=EN_MAIL)
        dialog.save()
        return dialog.result_case_id

    monkeypatch.setattr(MailDialog, "ask", staticmethod(fake_ask))
    tab.case_from_mail()
    assert tab.case_editor.key == "12345678901"
    assert tab.cases.current_key() == "12345678901"


def test_edit_case_in_side_panel_with_field_messages(tab, qtbot):
    tab.open_item("case", "0123456789")
    editor = tab.case_editor
    editor.fields["subject"].setText("")
    editor.fields["opened_on"].setText("31.02.2026")
    editor.fields["asins"].setText("B0NOTKNOWN")
    editor.save_button.click()
    assert "not a date" in editor.messages["opened_on"].text()
    assert "what the case is about" in editor.messages["subject"].text()
    assert st.get_case(tab.ctx.workspace, "0123456789")["subject"] == "Brand name change"   # nothing written
    assert editor.fields["opened_on"].text() == "31.02.2026"                                # nothing lost
    editor.fields["subject"].setText("Brand name change (DE)")
    editor.fields["opened_on"].setText("01.02.2026")
    editor.fields["status"].setCurrentIndex(editor.fields["status"].findData("waiting_amazon"))
    editor.save_button.click()
    case = st.get_case(tab.ctx.workspace, "0123456789")
    assert (case["subject"], case["opened_on"], case["status"]) == ("Brand name change (DE)", "2026-02-01",
                                                                   "waiting_amazon")
    assert case["asins"] == ["B0NOTKNOWN"]                                                  # kept
    assert "not in this workspace" in editor.messages["asins"].text()                       # but warned
    assert st.list_events(tab.ctx.workspace, "0123456789")[-1]["kind"] == "status"


def test_duplicate_case_id_offers_merge(tab, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Yes)
    tab.new_case()
    tab.case_editor.fields["case_id"].setText("0123456789")
    tab.case_editor.fields["subject"].setText("Brand name change")
    tab.case_editor.fields["pos"].setText("8ABCDEFG")
    tab.case_editor.save_button.click()
    assert asked, "merge was not offered"
    assert len(st.tickets_frame(tab.ctx.workspace)) == 2
    assert st.get_case(tab.ctx.workspace, "0123456789")["pos"] == ["8ABCDEFG"]


def test_filter_search_sort_and_columns(tab):
    page = tab.cases
    assert page.model.rowCount() == 1                       # "all not closed" hides the resolved case
    page.status.setCurrentIndex(page.status.findData(None))
    assert page.model.rowCount() == 2
    page.search.setText("remittance")
    assert page.model.rowCount() == 1 and page.model.row_key(0) == "2222222222"
    page.search.setText("Payments / invoices")              # the label text is searchable too
    assert page.model.rowCount() == 1
    page.search.clear()
    from PySide6.QtCore import Qt

    page.view.sortByColumn(page.model.visible_keys().index("case_id"), Qt.SortOrder.DescendingOrder)
    assert page.model.row_key(0) == "2222222222"
    page.show_column("subject", False)
    assert "subject" not in page.model.visible_keys()
    page.toggle.setChecked(True)                            # follow-up due or stale
    assert [page.model.row_key(r) for r in range(page.model.rowCount())] == ["0123456789"]


def test_in_place_edit_refuses_empty_subject(tab):
    from PySide6.QtCore import Qt

    model = tab.cases.model
    col = model.visible_keys().index("subject")
    index = model.index(model.row_of_key("0123456789"), col)
    assert not model.setData(index, "  ", Qt.ItemDataRole.EditRole)
    assert "cannot be empty" in tab.message.text()
    assert model.setData(index, "New subject", Qt.ItemDataRole.EditRole)
    assert st.get_case(tab.ctx.workspace, "0123456789")["subject"] == "New subject"


def test_delete_asks_and_undo_restores(tab, monkeypatch):
    tab.open_item("case", "0123456789")
    monkeypatch.setattr(tab, "confirm", lambda text: False)
    tab.case_editor.delete_button.click()
    assert st.get_case(tab.ctx.workspace, "0123456789") is not None
    monkeypatch.setattr(tab, "confirm", lambda text: True)
    tab.case_editor.delete_button.click()
    assert st.get_case(tab.ctx.workspace, "0123456789") is None
    assert tab.undo_button.isVisible()
    tab.undo_delete()
    assert st.get_case(tab.ctx.workspace, "0123456789")["subject"] == "Brand name change"
    assert st.tasks_frame(tab.ctx.workspace)["case_id"].tolist() == ["0123456789"]


def test_chargeback_by_hand_and_task(tab):
    tab.new_chargeback()
    editor = tab.cb_editor
    editor.fields["amount"].setText("abc")
    editor.fields["raised_on"].setText("01.03.2024")
    editor.save_button.click()
    assert "not an amount" in editor.messages["amount"].text()
    editor.fields["amount"].setText("1234.56")
    editor.fields["case_id"].setText("0123456789")
    editor.save_button.click()
    frame = st.chargebacks_frame(tab.ctx.workspace)
    row = frame[frame["amount"] == 1234.56].iloc[0]
    assert row["dispute_due"] == "2024-03-31" and row["case_id"] == "0123456789"
    tab.new_task()
    tab.task_editor.fields["title"].setText("Bigger production run")
    tab.task_editor.fields["due_on"].setText("not a date")
    tab.task_editor.save_button.click()
    assert "not a date" in tab.task_editor.messages["due_on"].text()
    tab.task_editor.fields["due_on"].setText("2026-12-01")
    tab.task_editor.save_button.click()
    assert "Bigger production run" in st.tasks_frame(tab.ctx.workspace)["title"].tolist()


def test_export_and_department_pdf(tab, tmp_path):
    out = tmp_path / "cases.xlsx"
    tab.export("tickets", str(out))
    frame = pd.read_excel(out, dtype={"Case ID": str})       # XLSX headers in the UI language
    assert frame["Case ID"].tolist() == ["0123456789"]        # the rows on screen: "not closed" hides the resolved one
    tab.cases.status.setCurrentIndex(tab.cases.status.findData(None))      # "All"
    tab.export("tickets", str(out))
    assert sorted(pd.read_excel(out, dtype={"Case ID": str})["Case ID"]) == ["0123456789", "2222222222"]
    tab.export("chargebacks", str(tmp_path / "cb.csv"))
    assert pd.read_csv(tmp_path / "cb.csv")["amount"].tolist() == [120.0]
    tab.department.setCurrentIndex(tab.department.findData("content"))
    assert tab.tasks.model.rowCount() == 1
    html = tab.department_html()
    assert "Tasks for Content" in html and "Send new images" in html and "overdue" in html
    tab.department_pdf(str(tmp_path / "tasks.pdf"))
    assert (tmp_path / "tasks.pdf").read_bytes()[:4] == b"%PDF"


def test_frame_model_passes_model_tester(qtmodeltester):
    from vendordesk.ui.models.frame_model import Column, FrameModel

    model = FrameModel(key="id")
    model.set_frame(pd.DataFrame({"id": [1, 2, 3], "amount": [1.5, None, 3.0], "day": ["2026-03-01", None, "x"]}),
                    [Column("id", "ID", "int"), Column("amount", "Amount", "money"), Column("day", "Day", "date")])
    qtmodeltester.check(model)
    model.sort(1)
    assert [model.row_key(r) for r in range(3)] == [1, 3, 2]      # missing amount sorts last
    from PySide6.QtCore import Qt

    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert [model.row_key(r) for r in range(3)] == [3, 1, 2]


def test_today_panel_opens_the_item(tab):
    tree = tab.today_panel.tree
    task_item = tree.topLevelItem(1).child(0)
    tab.today_panel._activated(task_item)
    assert tab.pages.currentWidget() is tab.tasks
    assert tab.editors.currentWidget() is tab.task_editor
    assert tab.task_editor.fields["title"].text() == "Send new images"


def test_import_chargebacks_from_the_tab(tab, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    good = tmp_path / "cb.csv"
    good.write_text("ID;Type;Amount;Date\nX-1;ASN;12,50;01.03.2024\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(good), ""))
    tab.import_chargebacks()
    assert "1 new" in tab.message.text()
    assert "X-1" in st.chargebacks_frame(tab.ctx.workspace)["external_id"].tolist()
    bad = tmp_path / "bad.csv"
    bad.write_text("ID;Amount;Date\nY;zwölf;01.03.2024\n", encoding="utf-8")
    warned = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    tab.import_chargebacks()
    assert warned and "row 2: amount" in warned[0]
    assert "Y" not in st.chargebacks_frame(tab.ctx.workspace)["external_id"].tolist()


def test_a_refused_chargeback_file_is_explained_in_the_ui_language(tab, qapp, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from vendordesk.ui.i18n import install_language

    empty = tmp_path / "leer.csv"
    empty.write_bytes(b"")
    warned = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(empty), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    install_language(qapp, "de")
    try:
        tab.import_chargebacks()
    finally:
        install_language(qapp, "en")
    assert warned == ["leer.csv: Die Datei ist leer (0 Byte). Es wurde nichts importiert. Laden Sie den Bericht "
                      "erneut aus Vendor Central herunter."]


def test_demo_workspace_in_the_main_window(main_window, qtbot):
    from vendordesk.ui.tickets.tab import TicketsTab

    tab = next(t for t in main_window.tab_widgets if isinstance(t, TicketsTab))
    index = main_window.tabs.indexOf(tab)
    qtbot.waitUntil(lambda: "(" in main_window.tabs.tabText(index), timeout=3000)   # badge before opening
    early = main_window.tabs.tabText(index)
    main_window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab._built, timeout=5000)
    today = tab.today_panel.tree
    assert main_window.tabs.tabText(index) == early                                  # SQL count == core count
    assert tab.cases.model.rowCount() > 0                                            # open cases
    from PySide6.QtCore import Qt

    def items(group):
        top = today.topLevelItem(group)
        return [top.child(i) for i in range(top.childCount()) if top.child(i).data(0, Qt.ItemDataRole.UserRole)]

    from vendordesk.core.tickets import deadlines_within

    assert items(0)                                                                  # follow-ups due
    cbs = st.chargebacks_frame(tab.ctx.workspace)
    due = len(deadlines_within(cbs, tab.today, 7))                                   # deadlines within 7 days
    shown = [i for i in items(2) if i.data(0, Qt.ItemDataRole.UserRole)[0] == "chargeback"]
    assert len(shown) == min(due, tab.today_panel.LIMIT)
    assert today.topLevelItem(2).text(0).endswith(f"({due})")
    assert tab.tasks.model.rowCount() > 0                                            # delegated tasks
    stale = tab.cases
    stale.toggle.setChecked(True)
    assert stale.model.rowCount() > 0                                                # stale / due cases


def test_shortage_editor_explains_the_timeline(tab):
    today = tab.today
    raised = today - dt.timedelta(days=3)
    cb = st.add_chargeback(tab.ctx.workspace, {"kind": "shortage", "amount": 50.0, "currency": "EUR",
                                               "raised_on": raised.isoformat(), "dispute_due": "2099-01-01"})
    tab.reload()
    tab.open_item("chargeback", cb)
    opens = raised + dt.timedelta(days=5 + 35)       # invoice due = raised + 5; dispute after 35 days' matching
    from vendordesk.ui import fmt

    assert fmt.date(opens) in tab.cb_editor.deadline.text()


def test_insight_page_built_on_first_view(tab):
    assert not hasattr(tab.insight, "show_data")                # charts are not built before they are needed
    tab.pages.setCurrentIndex(3)
    assert hasattr(tab.insight, "show_data")
    # the seeded chargeback (120 €) is still disputable: nothing recovered or lost yet
    assert tab.insight.money_text.text() == "Recovered €0.00 · lost €0.00 · still open €120.00"
    assert tab.insight.long_label.text() == "1 case"         # 0123456789 has been open 40 days (> 30)


def test_delete_key_in_the_table_asks_then_deletes(tab, qtbot, monkeypatch):
    from PySide6.QtCore import Qt

    tab.pages.setCurrentWidget(tab.tasks)
    tab.tasks.select_key(tab.tasks.model.row_key(0))
    asked = []
    monkeypatch.setattr(tab, "confirm", lambda text: asked.append(text) or True)
    tab.tasks.view.setFocus()
    qtbot.keyClick(tab.tasks.view, Qt.Key.Key_Delete)
    assert asked and "task" in asked[0]
    assert st.tasks_frame(tab.ctx.workspace).empty
    tab.undo_delete()
    assert len(st.tasks_frame(tab.ctx.workspace)) == 1


def test_file_export_menu_works_before_the_tab_is_opened(main_window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    out = tmp_path / "tasks.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    qtbot.waitUntil(lambda: main_window.export_menu.menuAction().isVisible(), timeout=3000)
    action = next(a for a in main_window.export_menu.actions() if a.text().startswith("Tasks"))
    action.trigger()
    assert len(pd.read_csv(out)) == len(st.tasks_frame(main_window.ctx.workspace)) > 0
    assert "rows written" in main_window.statusBar().currentMessage()


def test_menu_buttons_keep_room_for_their_arrow(tab, qapp):
    """"Exportieren" looked cramped: a QToolButton drew its menu arrow on the end of the text.
    Menu buttons are push buttons that size for text + arrow, as tall as the buttons beside them."""
    from PySide6.QtWidgets import QAbstractButton, QPushButton, QStyle

    from vendordesk.ui.tickets.tables import TablePage

    export = next(b for b in tab.findChildren(QAbstractButton) if b.text() == "Export")
    buttons = [export, tab.print_button, *(t.columns_button for t in tab.findChildren(TablePage))]
    assert len(buttons) >= 3
    for button in buttons:
        assert isinstance(button, QPushButton) and button.menu() is not None, button.text()
        arrow = button.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None, button)
        text = button.fontMetrics().horizontalAdvance(button.text())
        assert button.width() >= text + arrow + 8, (button.text(), button.width(), text, arrow)
    new_case = next(b for b in tab.findChildren(QPushButton) if b.text() == "New case")
    assert export.height() == new_case.height()


def test_a_long_chargeback_type_shows_its_beginning(tab):
    """At 1280×720 a type longer than the box ("Importsendung zu spät gebucht (Import Shipment
    Late Booking)") showed its end rather than its beginning."""
    tab.new_chargeback()
    types = tab.cb_editor.fields["type"]
    edit = types.lineEdit()
    longest = max(range(types.count()), key=lambda i: len(types.itemText(i)))
    types.setCurrentIndex(longest)
    assert edit.cursorPosition() == 0


def test_the_chargeback_form_names_the_dispute_count_as_the_table_does(qapp):
    """One name per column: the table says "Einsprüche"; the form said "Eingelegte Einsprüche",
    the longest label of the form, which narrowed every field (the type box ran into its arrow)."""
    from PySide6.QtCore import QCoreApplication

    from vendordesk.ui.i18n import install_language

    install_language(qapp, "de")
    try:
        assert QCoreApplication.translate("ChargebackEditor", "Disputes") == \
            QCoreApplication.translate("Tickets", "Disputes") == "Einsprüche"
    finally:
        install_language(qapp, "en")
