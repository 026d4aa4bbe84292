"""One file that crashes the importer drops neither itself silently nor the files after it (issue 11).

Before: with three files where the second is an XLSX named .csv, ``import --events`` exited 0 from a
``finally`` before logging anything; only the first file was imported and the window said
"Imported 1 file(s)". Now the file is reported (failed, or refused once the reader knows it), the
third is still imported, the exit status tells, and a bug is in the log with its traceback.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from tests.e2e.cli_helpers import cli as _cli
from vendordesk.store import open_workspace

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"




def _three_files(tmp_path: Path) -> list[Path]:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["ASIN", "Product Title", "Shipped Revenue"])
    sheet.append(["B000000001", "Kettle", 12.5])
    xlsx_as_csv = tmp_path / "xlsx_named.csv"
    book.save(xlsx_as_csv)
    return [FIXTURES / "sales_de_semicolon.csv", xlsx_as_csv, FIXTURES / "net_ppm_bps.csv"]


def _imports(path: Path) -> list[str]:
    with open_workspace(path, create=False) as ws:
        return [r[0] for r in ws.conn.execute("SELECT file_name FROM report_imports ORDER BY id")]


def _log_text() -> str:
    from vendordesk.paths import log_file

    return log_file().read_text("utf-8") if log_file().exists() else ""


def test_events_report_every_file_and_the_exit_status_tells(tmp_path):
    files = _three_files(tmp_path)
    workspace = tmp_path / "acct.vendordesk"
    result = _cli("import", "--workspace", str(workspace), "--events", "--", *map(str, files))
    events = [json.loads(line) for line in result.stdout.splitlines()]
    final = [e for e in events if e["event"] in ("done", "refused", "failed")]
    assert [e["event"] for e in final][::2] == ["done", "done"]
    second = final[1]
    assert second["event"] in ("failed", "refused") and second["file"] == "xlsx_named.csv"
    assert _imports(workspace) == ["sales_de_semicolon.csv", "net_ppm_bps.csv"]
    if second["event"] == "failed":
        assert result.returncode == 1
        assert "xlsx_named.csv" in second["message"] and "bug" in second["message"]
        log = _log_text()
        assert "import of" in log and "xlsx_named.csv" in log and "Traceback" in log
    else:
        assert result.returncode == 2


def test_plain_cli_names_the_file_and_imports_the_rest(tmp_path):
    files = _three_files(tmp_path)
    workspace = tmp_path / "acct.vendordesk"
    result = _cli("import", "--workspace", str(workspace), *map(str, files))
    assert result.returncode in (1, 2)
    assert "xlsx_named.csv" in result.stderr
    assert "vendordesk: 1 of 3 files " in result.stderr
    assert result.stdout.count("\n") >= 2 and "net_ppm_bps.csv" in result.stdout


def test_a_bug_in_one_reader_is_logged_and_the_next_file_still_imported(tmp_path, monkeypatch, capsys, caplog):
    """The real files, with a fault injected into the reader of the second: no file may crash it
    once the ingest refuses them all, but the bug path must still hold."""
    from vendordesk.cli import main
    from vendordesk.ingest import detect
    files = [FIXTURES / "sales_de_semicolon.csv", tmp_path / "boom.csv", FIXTURES / "net_ppm_bps.csv"]
    shutil.copy(FIXTURES / "sales_en_us_week.csv", files[1])
    real = detect.read_report

    def reader(file, context, sink=None):
        if Path(file).name == "boom.csv":
            raise KeyError("a bug in a reader")
        return real(file, context, sink)

    monkeypatch.setattr(detect, "read_report", reader)
    workspace = tmp_path / "acct.vendordesk"
    code = main(["import", "--workspace", str(workspace), *map(str, files)])
    err = capsys.readouterr().err
    assert code == 1
    assert "boom.csv: VendorDesk could not read this file because of an unexpected error" in err
    assert _imports(workspace) == ["sales_de_semicolon.csv", "net_ppm_bps.csv"]
    logged = [r for r in caplog.records if r.exc_info and "boom.csv" in r.getMessage()]
    assert len(logged) == 1 and logged[0].exc_info[0] is KeyError     # with its traceback


def test_window_runner_and_preview_show_which_file_failed(tmp_path, qtbot):
    from vendordesk.ui.imports.preview import ImportPreview
    from vendordesk.ui.imports.runner import run_import

    files = [str(f) for f in _three_files(tmp_path)]
    workspace = tmp_path / "acct.vendordesk"
    open_workspace(workspace).close()
    seen: list[float] = []
    events = run_import(workspace, files, True, progress=seen.append, cancelled=lambda: False)
    assert [e["event"] for e in events][::2] == ["done", "done"] and len(events) == 3
    preview = ImportPreview(events)
    qtbot.addWidget(preview)
    assert preview.table.item(1, 0).text() == "xlsx_named.csv"
    assert preview.table.item(1, 1).text() in ("Refused", "Failed (unexpected error)")
    preview.table.selectRow(1)
    assert "xlsx_named.csv" in preview.details.toPlainText()
    assert preview.importable_paths() == [files[0], files[2]]
    written = run_import(workspace, preview.importable_paths(), False, progress=seen.append,
                         cancelled=lambda: False)
    assert [e["event"] for e in written] == ["done", "done"]
    assert _imports(workspace) == ["sales_de_semicolon.csv", "net_ppm_bps.csv"]


@pytest.mark.skipif(os.name != "posix", reason="newlines in file names are POSIX")
def test_a_newline_in_a_file_name_cannot_forge_output_lines(tmp_path):
    forged = "vendordesk: 3 of 3 files imported"
    good = tmp_path / f"sales\n{forged}.csv"
    shutil.copy(FIXTURES / "sales_de_semicolon.csv", good)
    bad = tmp_path / f"pic\n{forged}\x1b[2K.csv"
    shutil.copy(FIXTURES / "picture.csv", bad)
    result = _cli("import", "--workspace", str(tmp_path / "acct.vendordesk"), str(good), str(bad))
    assert result.returncode == 2
    lines = result.stdout.splitlines() + result.stderr.splitlines()
    assert not any(line.startswith(forged) for line in lines)
    assert "\x1b" not in result.stdout + result.stderr
    assert f"sales\\n{forged}.csv: sales" in result.stdout
    assert f"pic\\n{forged}\\x1b[2K.csv" in result.stderr


def test_window_import_names_the_failed_file_and_imports_the_others(tmp_path, qtbot):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from vendordesk.ui import workers
    from vendordesk.ui.context import AppContext
    from vendordesk.ui.i18n import install_language
    from vendordesk.ui.imports.tab import start_import
    from vendordesk.ui.window.main_window import MainWindow

    files = _three_files(tmp_path)
    ws = open_workspace(tmp_path / "acct.vendordesk")
    install_language(QApplication.instance(), "en")      # as the app does: English with its plurals
    window = MainWindow(AppContext(ws, lang="en"), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    try:
        flow = start_import(window, [str(f) for f in files])
        qtbot.waitUntil(lambda: flow.preview is not None and flow.preview.isVisible(), timeout=60000)
        assert flow.preview.table.item(1, 0).text() == "xlsx_named.csv"
        assert flow.preview.table.item(1, 1).text() in ("Refused", "Failed (unexpected error)")
        with qtbot.waitSignal(window.changed, timeout=60000):
            flow.preview.accept()
        qtbot.waitUntil(lambda: flow.results is not None, timeout=60000)
        assert [e["event"] for e in flow.results] == ["done", "done"]
        assert window.statusBar().currentMessage().startswith("Imported 2 files")
    finally:
        workers.cancel_all(wait_ms=5000)
        window.close()
        ws.close()
