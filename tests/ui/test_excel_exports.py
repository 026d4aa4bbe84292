"""Every Excel file the window writes can be handed on (tests/xlsx_checks.py), in German: the
Tickets tab's cases, chargebacks and tasks (filtered: only the rows on screen), the KPI gears, the
forecast and its orders, the what-if. The save dialog opens in Documents, then in the folder of
the last export, never in the install folder (HOME is the test's own folder, tests/conftest.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests import xlsx_checks

pytestmark = pytest.mark.qt

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def german(qapp):
    from vendordesk.ui.i18n import install_language

    install_language(qapp, "de")
    yield
    install_language(qapp, "en")


@pytest.fixture
def save_dialog(monkeypatch, tmp_path):
    """The save dialog answered at once: ``save_dialog.answer(path)`` for the next call; every
    folder it was opened in is in ``save_dialog.started``. The last export folder starts unset."""
    import tempfile

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QFileDialog

    from vendordesk.ui.export_dialog import LAST_DIR_KEY

    assert Path.home().is_relative_to(tempfile.gettempdir())        # never the user's real home
    QSettings().remove(LAST_DIR_KEY)
    documents = Path.home() / "Documents"
    documents.mkdir(exist_ok=True)

    class Dialog:
        started: list[Path] = []
        answers: list[Path] = []

        def answer(self, path: Path) -> Path:
            self.answers.append(path)
            return path

    dialog = Dialog()

    def ask(parent, title, start, filters):
        dialog.started.append(Path(start).parent)
        return str(dialog.answers.pop(0)), filters.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    dialog.documents = documents
    yield dialog
    QSettings().remove(LAST_DIR_KEY)


def _never_the_install_folder(folders: list[Path]) -> None:
    for folder in folders:
        assert folder.is_absolute() and REPO not in (folder, *folder.parents), folder
        assert Path.cwd() != folder


def _german_tab(qtbot, tab_class, workspace):
    """A tab of the demo in German at 1280×720, shown and loading."""
    from vendordesk.ui.context import AppContext

    tab = tab_class(AppContext(workspace, lang="de"))
    qtbot.addWidget(tab)
    tab.resize(1280, 720)
    tab.show()
    tab.ensure_loaded()
    return tab


# --- Tickets: cases, chargebacks, tasks, each filtered ---------------------------------------
@pytest.fixture
def tickets(qtbot, german, demo_workspace):
    from vendordesk.ui.tickets.tab import TicketsTab

    tab = _german_tab(qtbot, TicketsTab, demo_workspace)
    qtbot.waitUntil(lambda: all(p.model.frame() is not None for p in (tab.cases, tab.chargebacks, tab.tasks)),
                    timeout=20000)
    return tab


def _keys_on_screen(page) -> list:
    return [page.model.row_key(i) for i in range(page.model.rowCount())]


def _filter(page, status: str | None = None, search: str = "") -> None:
    if status is not None:
        page.status.setCurrentIndex(page.status.findData(status))
    page.search.setText(search)


# kind, the page, a status filter, the first column's header
FILTERS = [("tickets", "cases", "waiting_amazon", "Fallnummer"),
           ("chargebacks", "chargebacks", "open", "Nr."),
           ("tasks", "tasks", "open", "Nr.")]


@pytest.mark.parametrize(("kind", "page_name", "status", "first"), FILTERS)
def test_a_filtered_table_exports_only_its_rows_ready_for_excel(tickets, save_dialog, tmp_path, kind, page_name,
                                                                 status, first):
    page = getattr(tickets, page_name)
    everything = len(page.model.frame())
    _filter(page, status)
    shown = _keys_on_screen(page)
    assert 0 < len(shown) < everything, "the filter should hide some of the demo's rows"
    out = save_dialog.answer(tmp_path / f"{kind}.xlsx")
    tickets.export(kind)
    assert xlsx_checks.problems(out, "de") == []
    sheet = xlsx_checks.read(out)[0]
    assert sheet.header[0] == first
    assert [c.value for c in sheet.column(first)] == shown          # the rows on screen, in their order
    assert save_dialog.started == [save_dialog.documents]


def test_a_search_narrows_the_export_too(tickets, save_dialog, tmp_path):
    page = tickets.chargebacks
    _filter(page, None, "")
    page.status.setCurrentIndex(page.status.findData(None))        # all, closed too
    first_type = page.model.frame()["type"].dropna().iloc[0]
    shown_before = page.model.rowCount()
    page.search.setText(str(first_type))
    shown = _keys_on_screen(page)
    assert 0 < len(shown) <= shown_before
    out = save_dialog.answer(tmp_path / "suche.xlsx")
    tickets.export("chargebacks")
    sheet = xlsx_checks.read(out)[0]
    assert [c.value for c in sheet.column("Nr.")] == shown
    raised = [c for c in sheet.column("Belastet am") if c.value is not None]
    assert raised and all(isinstance(c.value, dt.datetime) and c.number_format == "DD.MM.YYYY" for c in raised)
    amounts = [c for c in sheet.column("Betrag") if c.value is not None]
    assert amounts and all(c.data_type == "n" and c.number_format == '#,##0.00 "€"' for c in amounts)


def test_the_second_export_opens_in_the_folder_of_the_first(tickets, save_dialog, tmp_path):
    chosen = tmp_path / "Abgabe"
    chosen.mkdir()
    save_dialog.answer(chosen / "faelle.xlsx")
    tickets.export("tickets")
    save_dialog.answer(chosen / "aufgaben.xlsx")
    tickets.export("tasks")
    assert save_dialog.started == [save_dialog.documents, chosen]
    _never_the_install_folder(save_dialog.started)


def test_csv_from_the_window_keeps_the_scripting_contract(tickets, save_dialog, tmp_path):
    for kind in ("tickets", "chargebacks", "tasks"):
        out = save_dialog.answer(tmp_path / f"{kind}.csv")
        tickets.export(kind)
        assert xlsx_checks.csv_problems(out) == []


# --- KPI gears ------------------------------------------------------------------------------
def test_the_gears_export_is_ready_for_excel(qtbot, german, make_window, demo_workspace, save_dialog, tmp_path):
    from vendordesk.ui.gears.tab import GearsTab

    window = make_window(demo_workspace, "de")
    tab = next(t for t in window.tab_widgets if isinstance(t, GearsTab))
    window.tabs.setCurrentWidget(tab)
    tab.ensure_loaded()
    qtbot.waitUntil(lambda: tab.task is None and tab.compute_task is None and tab.report is not None, timeout=60000)
    out = save_dialog.answer(tmp_path / "zahnraeder.xlsx")
    tab.export()
    assert xlsx_checks.problems(out, "de") == []
    sheet = xlsx_checks.read(out)[0]
    assert len(sheet.rows) == sum(len(g.kpis) for g in tab.report.gears)
    change = [c for c in sheet.column("Veränderung") if c.value is not None]
    assert change and all(c.number_format == "0.0%" for c in change)
    assert save_dialog.started == [save_dialog.documents]


# --- Forecast and orders --------------------------------------------------------------------
@pytest.fixture
def forecast(qtbot, german, demo_workspace):
    from vendordesk.ui.forecast.tab import ForecastTab

    tab = _german_tab(qtbot, ForecastTab, demo_workspace)
    qtbot.waitUntil(lambda: tab.task is None and tab.index is not None, timeout=120000)
    return tab


@pytest.mark.slow
def test_the_forecast_and_orders_exports_are_ready_for_excel(forecast, save_dialog, tmp_path):
    out = save_dialog.answer(tmp_path / "prognose.xlsx")
    forecast.content.export_forecast()
    assert xlsx_checks.problems(out, "de") == []
    sheet = xlsx_checks.read(out)[0]
    assert sheet.header[:3] == ["ASIN", "Woche ab", "P50 Einheiten"]
    assert len(sheet.rows) == len(forecast.index.asins()) * len(forecast.index.plan.result.weeks)
    orders = save_dialog.answer(tmp_path / "bestellungen.xlsx")
    forecast.content.export_orders()
    assert xlsx_checks.problems(orders, "de") == []
    value = [c for c in xlsx_checks.read(orders)[0].column("Wert") if c.value is not None]
    assert value and all(c.number_format == '#,##0.00 "€"' for c in value)
    assert save_dialog.started == [save_dialog.documents, tmp_path]
    # the picker's search narrows the export to the ASINs it shows
    asin = forecast.index.asins()[3]
    forecast.content.search.setText(asin.lower())
    assert forecast.content.picker_model.rowCount() == 1
    one = save_dialog.answer(tmp_path / "eine-asin.xlsx")
    forecast.content.export_forecast()
    rows = xlsx_checks.read(one)[0].rows
    assert {r[0].value for r in rows} == {asin} and len(rows) == len(forecast.index.plan.result.weeks)


# --- What-if --------------------------------------------------------------------------------
def test_the_whatif_export_is_ready_for_excel(qtbot, german, demo_workspace, save_dialog, tmp_path):
    from tests.ui.influence_helpers import influence_panel, run_availability_shock

    view = run_availability_shock(qtbot, influence_panel(qtbot, demo_workspace, "de", (1280, 720)))
    out = save_dialog.answer(tmp_path / "was-waere-wenn.xlsx")
    view.export_dialog()
    assert out.exists()
    assert xlsx_checks.problems(out, "de") == []
    sheets = xlsx_checks.read(out)
    assert [s.title for s in sheets] == ["Was-wäre-wenn", "Wege", "Wochen", "Annahmen"]
    assert sheets[0].header == ["Kennzahl", "Veränderung", "Wahrscheinlich von", "bis", "Einheit"]
    assert sheets[3].rows[0][0].value == "Verfügbarkeit (lieferbar) \u22128 Punkte für 4 Wochen"
    money = [r[1] for r in sheets[0].rows if r[4].value == "€"]
    assert money and all("€" in c.number_format and c.data_type == "n" for c in money)
    assert save_dialog.started == [save_dialog.documents]          # was: the home folder
    wb = load_workbook(out)
    assert all(ws.freeze_panes == "A2" for ws in wb.worksheets)


# --- Price increase: the case's ASIN table --------------------------------------------------
def test_the_price_increase_asins_export_is_ready_for_excel(qtbot, german, make_window, demo_workspace,
                                                             save_dialog, tmp_path):
    from vendordesk.ui.negotiation.tab import NegotiationTab

    window = make_window(demo_workspace, "de")
    tab = next(t for t in window.tab_widgets if isinstance(t, NegotiationTab))
    window.tabs.setCurrentWidget(tab)
    tab.ensure_loaded()
    qtbot.waitUntil(lambda: tab.analysis is not None and tab._elasticity is not None, timeout=20000)
    action = next(a for a in window.export_menu.actions() if a.text() == "Preiserhöhung: ASINs des Falls…")
    out = save_dialog.answer(tmp_path / "preiserhoehung.xlsx")
    action.trigger()                                               # File › Export
    assert xlsx_checks.problems(out, "de") == []
    sheet = xlsx_checks.read(out)[0]
    assert sheet.header[:5] == ["ASIN", "Produkt", "EK aktuell", "EK neu", "Veränderung"]
    assert "Währung" not in sheet.header                           # the € is in the money cells' format
    table = tab.economics.table
    assert [c.value for c in sheet.column("ASIN")] == [table.item(r, 0).text() for r in range(table.rowCount())]
    for row, item in zip(sheet.rows, tab.analysis.items):
        cost, change = row[2], row[4]
        assert cost.value == pytest.approx(item.cost_before) and cost.number_format == '#,##0.00 "€"'
        # the change is a fraction shown as percent: (cost new - cost now) / cost now
        assert change.value == pytest.approx((item.cost_after - item.cost_before) / item.cost_before)
        assert change.number_format == "0.0%"
    assert save_dialog.started == [save_dialog.documents]


# --- All facts (File › Export), off the GUI thread -----------------------------------------
@pytest.fixture
def small_demo(tmp_path):
    from vendordesk.demo import build_demo
    from vendordesk.store import open_workspace

    build_demo(tmp_path / "klein.vendordesk", asins=4, weeks=30, seed=7)
    ws = open_workspace(tmp_path / "klein.vendordesk")
    yield ws
    ws.close()


def test_all_facts_export_from_the_window_is_ready_for_excel(qtbot, german, make_window, small_demo, save_dialog,
                                                             tmp_path):
    from vendordesk.store.facts import facts_frame
    from vendordesk.ui.operations import runner_for
    from vendordesk.ui.window.facts_export import KIND

    window = make_window(small_demo, "de")
    action = next(a for a in window.export_menu.actions() if a.text() == "Alle Kennzahlen (CSV/XLSX)…")
    out = save_dialog.answer(tmp_path / "fakten.xlsx")
    action.trigger()
    runner = runner_for(window.ctx)
    qtbot.waitUntil(lambda: not runner.running(KIND) and out.exists(), timeout=60000)
    assert xlsx_checks.problems(out, "de") == []
    sheet = xlsx_checks.read(out)[0]
    assert len(sheet.rows) == len(facts_frame(small_demo))             # every fact, one row each
    german_count = f"{len(sheet.rows):,}".replace(",", ".")          # 9.383: a German thousands point
    assert window.statusBar().currentMessage() == f"Kennzahlen nach {out} exportiert (Zeilen: {german_count})"
    assert save_dialog.started == [save_dialog.documents]


def test_cancelling_the_facts_export_leaves_no_file(qtbot, german, make_window, small_demo, tmp_path):
    from vendordesk.ui.operations import runner_for
    from vendordesk.ui.window.facts_export import KIND, export_all_facts

    window = make_window(small_demo, "de")
    out = tmp_path / "abgebrochen.xlsx"
    dialog = export_all_facts(window, str(out))
    from PySide6.QtWidgets import QPushButton

    dialog.findChild(QPushButton).click()                            # the Cancel button
    runner = runner_for(window.ctx)
    qtbot.waitUntil(lambda: not runner.running(KIND), timeout=60000)
    from vendordesk.ui import workers

    qtbot.waitUntil(lambda: workers.running_tasks() == 0, timeout=60000)
    assert not out.exists() and not list(tmp_path.glob(".abgebrochen.xlsx.*.part"))
