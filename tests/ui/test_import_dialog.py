"""The import flow in the window: preview, worker with progress, refresh, history with undo."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


def _run_flow(qtbot, window, paths, accept=True):
    from vendordesk.ui.imports.tab import start_import

    flow = start_import(window, [str(p) for p in paths])
    qtbot.waitUntil(lambda: flow.preview is not None and flow.preview.isVisible(), timeout=60000)
    if accept:
        with qtbot.waitSignal(window.changed, timeout=60000):
            flow.preview.accept()
        qtbot.waitUntil(lambda: flow.results is not None, timeout=60000)
    return flow


def test_preview_lists_recognised_and_refused_files(qtbot, empty_window):
    flow = _run_flow(qtbot, empty_window, [FIXTURES / "sales_de_semicolon.csv", FIXTURES / "picture.csv"],
                     accept=False)
    table = flow.preview.table
    assert table.rowCount() == 2
    texts = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(2)]
    assert texts[0][0] == "sales_de_semicolon.csv" and texts[0][1].startswith("Sales")
    assert texts[0][4] == "EUR" and texts[0][5] == "4" and texts[0][6] == "2"
    assert texts[1][1] == "Refused"
    flow.preview.table.selectRow(1)
    assert "PNG picture" in flow.preview.details.toPlainText()
    assert flow.preview.import_button.isEnabled()
    assert flow.preview.importable_paths() == [str(FIXTURES / "sales_de_semicolon.csv")]
    flow.preview.reject()
    ws = empty_window.ctx.workspace
    assert ws.conn.execute("SELECT COUNT(*) FROM sales_facts").fetchone() == (0,)   # nothing before Import


def test_import_writes_refreshes_and_history_can_undo(qtbot, empty_window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from vendordesk.ui.imports.history import open_import_history

    flow = _run_flow(qtbot, empty_window, [FIXTURES / "sales_en_gb_dispatched.csv", FIXTURES / "net_ppm_bps.csv"])
    assert [e["event"] for e in flow.results] == ["done", "done"]
    ws = empty_window.ctx.workspace
    assert ws.conn.execute("SELECT shipped_revenue FROM sales_facts").fetchone() == (999.0,)
    history = open_import_history(empty_window)
    assert history.table.rowCount() == 2
    assert history.table.item(0, 1).text() == "net_ppm_bps.csv"   # newest first
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(empty_window.changed, timeout=20000):
        history.undo_selected()
    qtbot.waitUntil(lambda: history.table.rowCount() == 1, timeout=20000)
    assert ws.conn.execute("SELECT COUNT(*) FROM net_ppm_facts").fetchone() == (0,)
    assert ws.conn.execute("SELECT COUNT(*) FROM sales_facts").fetchone() == (1,)
    history.close()


def _big_document(path: Path, asins: int = 2000, days: int = 15) -> Path:
    rows = [{"startDate": f"2025-01-{d + 1:02d}", "endDate": f"2025-01-{d + 1:02d}", "asin": f"B0{i:08d}",
             "shippedCogs": {"amount": 1.0, "currencyCode": "EUR"},
             "shippedRevenue": {"amount": 2.0, "currencyCode": "EUR"}, "shippedUnits": 1}
            for d in range(days) for i in range(asins)]
    doc = {"reportSpecification": {"reportType": "GET_VENDOR_SALES_REPORT", "marketplaceIds": ["A1PA6795UKMFR9"],
                                   "reportOptions": {"reportPeriod": "DAY", "distributorView": "MANUFACTURING",
                                                     "sellingProgram": "RETAIL"}},
           "salesAggregate": [], "salesByAsin": rows}
    path.write_text(json.dumps(doc))
    return path


@pytest.mark.slow
def test_event_loop_stays_responsive_during_a_big_import(qtbot, empty_window, tmp_path):
    """30,000 rows: the GUI thread never waits more than 100 ms between timer ticks."""
    from PySide6.QtCore import QTimer

    document = _big_document(tmp_path / "big.json")
    gaps, last = [], [time.perf_counter()]

    def tick():
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    from vendordesk.ui.imports import tab as import_dialog

    original = import_dialog.ImportFlow._finished

    def finished(self, events):   # stop measuring before the tabs refresh (that is their own work)
        timer.stop()
        original(self, events)

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    import_dialog.ImportFlow._finished = finished
    try:
        flow = _run_flow(qtbot, empty_window, [document])
    finally:
        import_dialog.ImportFlow._finished = original
    assert flow.results[0]["summary"]["rows"] == 30000
    assert len(gaps) > 20
    during = gaps[1:]     # the first gap runs from the timer's start through building the dialogs
    print(f"longest event-loop gap {max(during) * 1000:.0f} ms over {len(during)} ticks")
    assert max(during) < 0.1


@pytest.mark.slow
def test_cancel_during_import_leaves_workspace_unchanged(qtbot, empty_window, tmp_path):
    document = _big_document(tmp_path / "big.json", asins=2000, days=15)
    flow = _run_flow(qtbot, empty_window, [document], accept=False)
    flow.preview.accept()
    qtbot.waitUntil(lambda: flow.task is not None, timeout=10000)
    flow.progress.canceled.emit()   # what the Cancel button does
    qtbot.waitUntil(lambda: flow.task is None, timeout=30000)
    assert flow.results is None
    assert "cancelled" in empty_window.statusBar().currentMessage()
    ws = empty_window.ctx.workspace
    assert ws.conn.execute("SELECT COUNT(*) FROM sales_facts").fetchone() == (0,)
    assert ws.conn.execute("SELECT COUNT(*) FROM report_imports").fetchone() == (0,)


def test_period_entered_for_a_file_without_viewing_range(qtbot, empty_window, tmp_path):
    plain = tmp_path / "plain.csv"
    plain.write_text("ASIN,Shipped Revenue,Shipped Units\nB0PLAIN001,10.50,2\n", "utf-8")
    flow = _run_flow(qtbot, empty_window, [plain], accept=False)
    first = flow.preview
    assert first.period_button is not None and not first.import_button.isEnabled()
    first.period_chosen.emit("2024-10-06..2024-10-12")   # what Enter period… does after the date dialog
    first.reject()
    qtbot.waitUntil(lambda: flow.preview is not first and flow.preview.isVisible(), timeout=60000)
    assert flow.preview.table.item(0, 3).text().endswith("(weekly)")
    with qtbot.waitSignal(empty_window.changed, timeout=60000):
        flow.preview.accept()
    qtbot.waitUntil(lambda: flow.results is not None, timeout=60000)
    assert empty_window.ctx.workspace.conn.execute(
        "SELECT grain, period_start, shipped_revenue FROM sales_facts").fetchone() == ("week", "2024-10-06", 10.5)


@pytest.mark.parametrize(("lang", "word"), [("de", "Demodaten"), ("en", "Demo data")])
def test_import_history_names_the_demo_import_without_its_code(qtbot, qapp, make_window, demo_workspace, lang, word):
    """The demo's import read "demo (Demodaten)": the report column showed the raw kind "demo". In
    English it then read "demo data", lowercase (the words the import summary uses inside a sentence)
    where every other cell of the column starts with a capital."""
    from vendordesk.ui.i18n import install_language
    from vendordesk.ui.imports.history import ImportHistory

    window = make_window(demo_workspace, lang)
    try:
        dialog = ImportHistory(window)
        qtbot.addWidget(dialog)
        reports = [dialog.table.item(row, 2).text() for row in range(dialog.table.rowCount())]
        assert word in reports and not any("demo" in r for r in reports), reports
        dialog.close()
    finally:
        install_language(qapp, "en")


ROOM = 12     # px free beside a header's text (6 each side): "Währung", "Zeilen", "ASINs" touched their borders


def _tight_headers(table) -> list[str]:
    from PySide6.QtWidgets import QStyle

    header = table.horizontalHeader()
    margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    out = []
    for section in range(header.count()):
        text = table.horizontalHeaderItem(section).text()
        need = header.fontMetrics().horizontalAdvance(text) + margin + ROOM
        if header.sectionSize(section) < need:
            out.append(f"{text!r}: {header.sectionSize(section)}px, needs {need}px")
    return out


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_import_tables_give_their_headers_room(qtbot, qapp, make_window, demo_workspace, lang):
    """Issue 17: the preview's "Rows"/"Currency" headers (German "Zeilen"/"Währung") and the
    history's were as wide as their letters. The import starts while the demo's tabs still load:
    that busy window segfaulted in the progress dialog in 1 of 3 runs (tests/ui/test_progress_dialogs.py)."""
    from vendordesk.ui.i18n import install_language
    from vendordesk.ui.imports.history import ImportHistory

    try:
        window = make_window(demo_workspace, lang)
        flow = _run_flow(qtbot, window, [FIXTURES / "sales_de_semicolon.csv", FIXTURES / "picture.csv"], accept=False)
        tight = _tight_headers(flow.preview.table)
        flow.preview.reject()
        history = ImportHistory(window)
        qtbot.addWidget(history)
        history.show()
        qtbot.waitExposed(history)
        tight += [f"history {t}" for t in _tight_headers(history.table)]
        history.close()
        assert not tight, tight
    finally:
        install_language(qapp, "en")
