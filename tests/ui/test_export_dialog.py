"""Exports from the window: the save dialog's folder, the rows on screen, headers in the UI language."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from vendordesk.store import tickets as st


@pytest.fixture
def settings(tmp_path):
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_the_dialog_opens_in_documents_then_in_the_last_export_folder(settings, tmp_path):
    from vendordesk.ui.export_dialog import remember_folder, start_folder

    documents = Path.home() / "Documents"          # HOME is the test's own folder
    documents.mkdir(exist_ok=True)
    assert start_folder(settings) == documents
    chosen = tmp_path / "exports"
    chosen.mkdir()
    remember_folder(chosen / "cases.xlsx", settings)
    assert start_folder(settings) == chosen
    chosen.rmdir()                                 # a folder that is gone: back to Documents
    assert start_folder(settings) == documents


def test_ask_export_path_proposes_the_file_in_documents(qapp, monkeypatch):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QFileDialog

    from vendordesk.ui import export_dialog

    QSettings().remove(export_dialog.LAST_DIR_KEY)    # an export of an earlier test in this process set it
    documents = Path.home() / "Documents"
    documents.mkdir(exist_ok=True)
    proposed = []

    def dialog(parent, title, start, filters):
        proposed.append(start)
        return str(Path(start).with_name("picked.xlsx")), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    assert export_dialog.ask_export_path(None, "Export", "cases.xlsx", "Excel (*.xlsx)") == str(documents / "picked.xlsx")
    assert proposed == [str(documents / "cases.xlsx")]


@pytest.fixture
def german_tab(qtbot, qapp, workspace):
    from vendordesk.ui.context import AppContext
    from vendordesk.ui.i18n import install_language
    from vendordesk.ui.tickets.tab import TicketsTab

    today = dt.date.today()
    for n, status in enumerate(("open", "open", "resolved", "open")):
        st.add_case(workspace, {"case_id": f"10000000{n:02d}", "subject": f"Case {n}", "category": "catalog",
                                "status": status, "opened_on": (today - dt.timedelta(days=10 + n)).isoformat(),
                                "resolved_on": today.isoformat() if status == "resolved" else None})
    install_language(qapp, "de")
    widget = TicketsTab(AppContext(workspace, lang="de"))
    qtbot.addWidget(widget)
    widget.show()
    widget.ensure_loaded()
    qtbot.waitUntil(lambda: widget.cases.model.frame() is not None, timeout=10000)
    yield widget
    install_language(qapp, "en")


def test_a_filtered_table_exports_exactly_the_rows_on_screen(german_tab, tmp_path):
    tab = german_tab
    tab.cases.search.setText("Case 3")              # search narrows the 3 open cases to one
    out = tmp_path / "cases.xlsx"
    tab.export("tickets", str(out))
    sheet = load_workbook(out).active
    assert sheet["A1"].value == "Fallnummer" and sheet["B1"].value == "Betreff"
    assert [r[0].value for r in sheet.iter_rows(min_row=2)] == ["1000000003"]
    tab.cases.search.setText("")                    # "not closed": the resolved case stays hidden
    tab.export("tickets", str(out))
    ids = [r[0].value for r in load_workbook(out).active.iter_rows(min_row=2)]
    shown = [tab.cases.model.row_key(i) for i in range(tab.cases.model.rowCount())]
    assert sorted(ids) == ["1000000000", "1000000001", "1000000003"] and ids == shown
    opened = load_workbook(out).active["E2"]
    assert isinstance(opened.value, dt.datetime) and opened.number_format == "DD.MM.YYYY"


def test_the_window_exports_cases_with_the_words_on_screen(german_tab, tmp_path):
    """Category and status read as the table shows them, not as stored (catalog, open, resolved)."""
    tab = german_tab
    out = tmp_path / "cases.xlsx"
    tab.export("tickets", str(out))
    sheet = load_workbook(out).active
    header = [c.value for c in sheet[1]]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert {r[header.index("Kategorie")] for r in rows} == {"Katalog / Inhalte"}
    assert {r[header.index("Status")] for r in rows} == {"Offen"}          # the resolved case is filtered out
    csv_out = tmp_path / "cases.csv"
    tab.export("tickets", str(csv_out))
    assert "catalog,open" in csv_out.read_text("utf-8")                    # CSV keeps the codes


def test_the_window_exports_gears_in_german(qtbot, make_window, demo_workspace, tmp_path, monkeypatch):
    from vendordesk.core.gears.defs import GEARS
    from vendordesk.ui import export_dialog
    from vendordesk.ui.gears.tab import GearsTab

    window = make_window(demo_workspace, "de")
    tab = next(t for t in window.tab_widgets if isinstance(t, GearsTab))
    window.tabs.setCurrentWidget(tab)
    tab.ensure_loaded()
    qtbot.waitUntil(lambda: tab.task is None and tab.compute_task is None and tab.report is not None, timeout=60000)
    out = tmp_path / "zahnraeder.xlsx"
    proposed = []
    monkeypatch.setattr(export_dialog, "ask_export_path", lambda *args: (proposed.append(args[2]), str(out))[1])
    tab.export()
    assert proposed == ["KPI-Zahnräder.xlsx"]          # the sheet's title (not "gears.xlsx", "kpi-zahnraeder")
    sheet = load_workbook(out).active
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["Zahnrad", "Zahnrad-Punkte", "Zahnrad-Status"]        # the ids only in CSV
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    german = {g.id: g.name("de") for g in GEARS}
    assert {r[0] for r in rows} == {german[g.id] for g in tab.report.gears}
    assert {r[header.index("Zahnrad-Status")] for r in rows} <= {"Gut", "Beobachten", "Jetzt handeln", "Keine Daten"}
    assert {r[header.index("Einheit")] for r in rows} <= {"Prozent", "Betrag", "Stück", "Wochen", "Tage",
                                                          "Sterne", "Punkte", "Anzahl", "Verhältnis"}


def test_the_window_exports_tasks_with_the_workspaces_own_department_names(german_tab, qtbot, tmp_path):
    """A department the KAM renamed ('Buchhaltung' for finance) is exported by its name in this
    workspace, not by the default name ('Finanzen')."""
    tab = german_tab
    workspace = tab.ctx.workspace
    st.ensure_departments(workspace)
    with workspace.transaction() as conn:
        conn.execute("UPDATE departments SET name_de = 'Buchhaltung' WHERE id = 'finance'")
    st.add_task(workspace, {"title": "Remittance", "department_id": "finance", "gear": "availability",
                            "status": "waiting", "due_on": "2026-12-03", "created_on": "2026-11-20"})
    tab.reload()
    qtbot.waitUntil(lambda: tab.tasks.model.rowCount() == 1, timeout=10000)
    out = tmp_path / "aufgaben.xlsx"
    tab.export("tasks", str(out))
    sheet = load_workbook(out).active
    header = [c.value for c in sheet[1]]
    row = [c.value for c in sheet[2]]
    assert row[header.index("Abteilung")] == "Buchhaltung" and row[header.index("Was")] == "Remittance"
    assert row[header.index("Fällig")] == dt.datetime(2026, 12, 3)


def test_the_save_dialog_proposes_german_file_names(german_tab, monkeypatch):
    """The export dialog proposed "tickets.xlsx" / "gears.xlsx" / "orders_coming.xlsx" in the
    German UI: English and a snake_case identifier in a file name the KAM keeps."""
    from vendordesk.ui import export_dialog
    from vendordesk.ui.tickets import actions

    proposed = []
    monkeypatch.setattr(export_dialog, "ask_export_path", lambda _parent, _title, name, _kinds: proposed.append(name))
    for kind in ("tickets", "chargebacks", "tasks"):
        actions.export(german_tab, kind)
    assert proposed == ["Fälle.xlsx", "Rückbelastungen.xlsx", "Aufgaben.xlsx"]


def test_files_to_import_are_picked_in_documents_then_in_the_last_import_folder(qapp, tmp_path, monkeypatch):
    # issue 17's screens: "Import chargebacks…" and "Import reports" opened in the folder the app was
    # started from (the install folder), as the save dialog once did
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QFileDialog

    from vendordesk.ui import export_dialog

    QSettings().remove(export_dialog.IMPORT_DIR_KEY)
    documents = Path.home() / "Documents"
    documents.mkdir(exist_ok=True)
    chosen = tmp_path / "reports"
    chosen.mkdir()
    opened = []

    def dialog(parent, title, start, filters):
        opened.append(start)
        return [str(chosen / "sales.csv")], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", dialog)
    assert export_dialog.ask_open_paths(None, "Import", "CSV (*.csv)", many=True) == [str(chosen / "sales.csv")]
    assert export_dialog.ask_open_paths(None, "Import", "CSV (*.csv)", many=True)
    assert opened == [str(documents), str(chosen)]       # Documents first, then the folder picked
    assert export_dialog.start_folder() != chosen          # exports keep their own folder
    QSettings().remove(export_dialog.IMPORT_DIR_KEY)


def test_the_week_calendar_file_is_proposed_with_a_german_name(qapp, monkeypatch):
    # issue 17's screens: the German "In Kalender exportieren" proposed "vendordesk-todo.ics" while the
    # tables' exports propose "faelle.xlsx", "aufgaben.xlsx"
    from PySide6.QtWidgets import QFileDialog

    from vendordesk.ui.i18n import install_language
    from vendordesk.ui.tickets.week import WeekPage

    proposed = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda parent, title, start, filters: (proposed.append(start), ("", ""))[1])
    install_language(qapp, "de")
    try:
        page = WeekPage("de")
        page.export_ics()
    finally:
        install_language(qapp, "en")
    assert [Path(p).name for p in proposed] == ["vendordesk-aufgaben.ics"]
