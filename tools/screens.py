"""Screenshots of every tab, inner page and dialog of the window on the embedded demo, in German and
English, at 1280×720 and 1920×1080, for a person to read (issue 17's walk).

    QT_QPA_PLATFORM=offscreen python tools/screens.py [--out /tmp/screens] [--lang de en] [--size 1280x720]
                                                     [--only gears,influence,negotiation,ticket-dialogs,...]

Each page waits for its own work (the window's background tasks, a page's "loaded" state) before it
is grabbed (``widget.grab()``), never for a fixed time. Modal dialogs are grabbed by a poll that
finds them on screen, saves them and closes them. The PNG names say language, size and screen:
``de-1280x720-gears-availability.png``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# the checkout this script lives in, not whatever the venv's editable install points at (a worktree's
# screens otherwise showed the main checkout's code)
sys.path.insert(0, str(ROOT))
FIXTURES = ROOT / "tests" / "fixtures" / "ingest"
SECTIONS = ("window", "gears", "influence", "negotiation", "forecast", "tickets", "ticket-dialogs", "dialogs",
            "search")


def _app():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import qInstallMessageHandler

    from vendordesk.app import make_app

    qInstallMessageHandler(lambda *_a: None)
    return make_app()


def wait_until(condition, timeout_ms: int = 120_000) -> bool:
    """Process events until ``condition()`` holds (False after ``timeout_ms``)."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop
    from PySide6.QtWidgets import QApplication

    clock = QElapsedTimer()
    clock.start()
    app = QApplication.instance()
    while not condition():
        if clock.elapsed() > timeout_ms:
            print(f"  (gave up waiting after {timeout_ms} ms)", file=sys.stderr)
            return False
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        from PySide6.QtCore import QThread

        QThread.yieldCurrentThread()
    app.processEvents()
    return True


def idle() -> None:
    """Wait for the window's background tasks, then for the events they posted."""
    from vendordesk.ui import workers

    wait_until(lambda: workers.running_tasks() == 0)
    from PySide6.QtWidgets import QApplication

    for _ in range(3):
        QApplication.processEvents()


class Shots:
    def __init__(self, out: Path, prefix: str):
        self.out, self.prefix = out, prefix
        self.names: list[str] = []

    def save(self, widget, name: str) -> None:
        idle()
        path = self.out / f"{self.prefix}-{name}.png"
        widget.grab().save(str(path))
        self.names.append(path.name)
        print(path.name, f"{widget.width()}x{widget.height()}")

    def modal(self, kind, name: str | None, trigger, before_close=None) -> None:
        """Run ``trigger()`` (which opens a modal ``kind``), grab the dialog (as ``name``; None: only
        ``before_close`` grabs), close it."""
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        timer = QTimer()
        timer.setInterval(20)

        def poll():
            for widget in QApplication.topLevelWidgets():
                if isinstance(widget, kind) and widget.isVisible():
                    timer.stop()
                    idle()
                    if before_close:
                        before_close(widget)
                    if name:
                        self.save(widget, name)
                    widget.reject() if hasattr(widget, "reject") else widget.close()
                    return

        timer.timeout.connect(poll)
        timer.start()
        trigger()
        timer.stop()


def _tab(window, name: str):
    return next(t for t in window.tab_widgets if type(t).__name__ == name)


def walk(window, shots: Shots, sections: set[str], tmp: Path) -> None:
    window.ensure_tabs()
    idle()
    if "window" in sections:
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            tab = window.tabs.widget(index)
            if hasattr(tab, "ensure_loaded"):
                tab.ensure_loaded()
            idle()
            shots.save(window, f"tab{index + 1}-{type(tab).__name__}")
    if "gears" in sections:
        gears(window, shots)
    if "influence" in sections:
        influence(window, shots)
    if "negotiation" in sections:
        negotiation(window, shots)
    if "forecast" in sections:
        tab = _tab(window, "ForecastTab")
        window.tabs.setCurrentWidget(tab)
        tab.ensure_loaded()
        wait_until(lambda: tab.task is None and tab.index is not None)
        idle()
        shots.save(window, "forecast")
        pages = tab.content.pages
        for index in range(1, pages.count()):       # all ASINs, Amazon vs ours, risk, orders coming
            pages.setCurrentIndex(index)
            shots.save(window, f"forecast-page{index}")
        pages.setCurrentIndex(0)
    if "tickets" in sections:
        tab = _tab(window, "TicketsTab")
        window.tabs.setCurrentWidget(tab)
        tab.ensure_loaded()
        wait_until(lambda: hasattr(tab, "pages") and hasattr(tab, "week"))
        idle()
        for index in range(tab.pages.count()):
            tab.pages.setCurrentIndex(index)
            shots.save(window, f"tickets-page{index}")
        # one open row of each table, its editor (and a case's timeline) on the side
        for kind, page in (("case", tab.cases), ("chargeback", tab.chargebacks), ("task", tab.tasks)):
            if page.model.rowCount() == 0:
                continue
            tab.open_item(kind, page.model.row_key(0))
            shots.save(window, f"tickets-open-{kind}")
        tab.pages.setCurrentIndex(0)
    if "ticket-dialogs" in sections:
        ticket_dialogs(window, shots)
    if "dialogs" in sections:
        dialogs(window, shots, tmp)
    if "search" in sections:
        search(window, shots)
    if "dialogs" in sections:
        error_dialogs(window, shots)


def ticket_dialogs(window, shots: Shots) -> None:
    """The ticket log's dialogs and empty side panels: a new chargeback and a new task, case from
    e-mail, the delete question, the chargeback import, the tab's export, the week's .ics export and
    a department's printed task list."""
    from PySide6.QtPrintSupport import QPrintPreviewDialog
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from vendordesk.ui.tickets.mail import MailDialog

    tab = _tab(window, "TicketsTab")
    window.tabs.setCurrentWidget(tab)
    tab.ensure_loaded()
    wait_until(lambda: hasattr(tab, "pages") and hasattr(tab, "week"))
    for name, start in (("new-chargeback", tab.new_chargeback), ("new-task", tab.new_task)):
        start()
        shots.save(window, f"tickets-{name}")
    shots.modal(MailDialog, "dialog-case-from-email", tab.case_from_mail)
    tab.pages.setCurrentIndex(2)
    if tab.tasks.model.rowCount():
        tab.open_item("task", tab.tasks.model.row_key(0))
        shots.modal(QMessageBox, "dialog-delete-task", lambda: tab.delete_current(tab.task_editor.key))
    shots.modal(QFileDialog, "dialog-import-chargebacks", tab.import_chargebacks)
    shots.modal(QFileDialog, "dialog-export-tasks", lambda: tab.export("tasks"))
    shots.modal(QPrintPreviewDialog, "dialog-department-print", tab.print_department,
                before_close=lambda d: d.resize(*window.size().toTuple()))
    tab.pages.setCurrentWidget(tab.week)
    shots.modal(QFileDialog, "dialog-week-ics", tab.week.export_ics)
    tab.pages.setCurrentIndex(0)
    tab.new_case()


def error_dialogs(window, shots: Shots) -> None:
    """d17-read-b: the unexpected-error dialog (a bug) and a refused input (show_user_error)."""
    from PySide6.QtWidgets import QMessageBox

    from vendordesk.errors import UserError
    from vendordesk.text import N_
    from vendordesk.ui.errors import show_unexpected, show_user_error

    try:
        raise RuntimeError("screens.py: an invented bug")
    except RuntimeError as raised:
        bug = raised
    shots.modal(QMessageBox, "dialog-unexpected-error",
                lambda: show_unexpected(window, type(bug), bug, bug.__traceback__))
    refused = UserError(N_("ASIN {asin}: not in this workspace. The event was not added."), asin="B0NICHTDA1")
    shots.modal(QMessageBox, "dialog-user-error", lambda: show_user_error(window, refused))


def gears(window, shots: Shots) -> None:
    tab = _tab(window, "GearsTab")
    window.tabs.setCurrentWidget(tab)
    tab.ensure_loaded()
    wait_until(lambda: tab.report is not None and tab.task is None and tab.compute_task is None)
    if tab.inner is not None:
        tab.inner.setCurrentIndex(0)
    for gear_id in list(tab.grid.tiles):
        tab.grid.select(gear_id)
        idle()
        shots.save(window, f"gears-{gear_id}")
    for index in range(getattr(tab.detail, "tabs", None).count() if hasattr(tab.detail, "tabs") else 0):
        tab.detail.tabs.setCurrentIndex(index)
        shots.save(window, f"gears-detail-page{index}")
    from vendordesk.ui.gears.dialogs import GearSettingsDialog, ManualKpiDialog

    manual = next((g for g in tab.model.gears if any(k.manual for k in g.kpis)), None)
    if manual is not None:
        shots.modal(ManualKpiDialog, f"dialog-manual-kpi-{manual.id}", lambda: tab.enter_manual(manual.id))
    shots.modal(GearSettingsDialog, "dialog-gear-settings", lambda: tab.customise(tab.grid.current))


def influence(window, shots: Shots) -> None:
    tab = _tab(window, "GearsTab")
    window.tabs.setCurrentWidget(tab)
    tab.ensure_loaded()
    wait_until(lambda: tab.report is not None and tab.task is None)
    if tab.inner is None:
        return
    tab.inner.setCurrentIndex(1)
    panel = tab.influence
    wait_until(lambda: panel.data is not None and panel._task is None)
    for index in range(panel.tabs.count()):
        panel.tabs.setCurrentIndex(index)
        idle()
        shots.save(window, f"influence-page{index}")
    view = panel.whatif
    panel.tabs.setCurrentWidget(view)
    view.add_lever("availability", -8, 4)
    shots.save(window, "influence-whatif-before-run")
    view.run()
    wait_until(lambda: view.chart_stack.currentIndex() == 1)
    shots.save(window, "influence-whatif-after-run")
    for index in range(view.charts.count()):
        view.charts.setCurrentIndex(index)
        shots.save(window, f"influence-whatif-chart{index}")
    view.add_shock("procurable_product_out_of_stock_rate", 150.0, 4)
    view.run()
    idle()
    shots.save(window, "influence-whatif-refused")
    view.table.setRowCount(0)
    tab.inner.setCurrentIndex(0)


def negotiation(window, shots: Shots) -> None:
    tab = _tab(window, "NegotiationTab")
    window.tabs.setCurrentWidget(tab)
    tab.ensure_loaded()
    wait_until(lambda: tab.case is not None and tab._elasticity is not None, 60_000)
    for index in range(tab.sections.count()):
        tab.sections.setCurrentIndex(index)
        idle()
        shots.save(window, f"negotiation-section{index}")
    tab.sections.setCurrentIndex(0)
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    shots.modal(QPrintPreviewDialog, "negotiation-brief-preview", tab.preview,
                before_close=lambda d: d.resize(*window.size().toTuple()))
    shots.save(window, "negotiation-after-preview")      # the preview saves the draft first


def dialogs(window, shots: Shots, tmp: Path) -> None:
    from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

    from vendordesk.ui.imports.history import ImportHistory
    from vendordesk.ui.imports.preview import ImportPreview
    from vendordesk.ui.imports.sync_dialog import SyncDialog
    from vendordesk.ui.imports.tab import start_import
    from vendordesk.ui.settings.tab import SettingsDialog
    from vendordesk.ui.window.about import AboutDialog

    def pages(dialog):
        from PySide6.QtWidgets import QTabWidget

        for tabs in dialog.findChildren(QTabWidget):
            for index in range(1, tabs.count()):
                tabs.setCurrentIndex(index)
                idle()
                shots.save(dialog, f"dialog-settings-page{index}")

    def settings_pages(dialog):
        shots.save(dialog, "dialog-settings")
        pages(dialog)

    shots.modal(SettingsDialog, None, window.open_settings, before_close=settings_pages)
    shots.modal(SyncDialog, "dialog-sync", window.open_sync)
    window.open_import_history()
    history = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ImportHistory) and w.isVisible())
    shots.save(history, "dialog-import-history")
    history.reject()
    shots.modal(AboutDialog, "dialog-about", window.show_about)
    # the import preview: one good file and one refused file, each row selected
    flow = start_import(window, [str(FIXTURES / "sales_de_semicolon.csv"), str(FIXTURES / "picture.csv")])
    wait_until(lambda: flow.preview is not None and flow.preview.isVisible())
    idle()
    for row, name in ((0, "file-chosen"), (1, "refused-file")):
        flow.preview.table.selectRow(row)
        shots.save(flow.preview, f"dialog-import-{name}")
    flow.preview.reject()
    assert isinstance(flow.preview, ImportPreview)
    # the workspace-error dialog: a file that is not a workspace
    broken = tmp / "kaputt.vendordesk"
    broken.write_bytes(b"this is not a workspace\n" * 100)
    shots.modal(QMessageBox, "dialog-workspace-error", lambda: window.switch_workspace(broken))
    # the export dialog (File › Export › KPI gears as shown…)
    gears_tab = _tab(window, "GearsTab")
    window.tabs.setCurrentWidget(gears_tab)
    shots.modal(QFileDialog, "dialog-export", gears_tab.export)       # at the size the window gives it
    shots.modal(QFileDialog, "dialog-new-workspace", window.new_workspace)


def search(window, shots: Shots) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    window.tabs.setCurrentIndex(0)
    window.activateWindow()
    window.find_action.trigger()
    idle()
    QTest.keyClicks(window.search, "B0")
    popup = window.search.completer_.popup()
    wait_until(lambda: popup.isVisible(), 5000)
    shots.save(window, "search-typed")
    if popup.isVisible():
        shots.save(popup, "search-popup")
    QTest.keyClick(window.search, Qt.Key.Key_Escape)
    window.search.clear()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="/tmp/screens")
    parser.add_argument("--lang", nargs="+", default=["de", "en"])
    parser.add_argument("--size", nargs="+", default=["1280x720", "1920x1080"])
    parser.add_argument("--only", default=",".join(SECTIONS))
    parser.add_argument("--asins", type=int, default=30)
    parser.add_argument("--weeks", type=int, default=104)
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="screens-home-", dir=out))     # no settings or keyring of the user
    for key, sub in (("VENDORDESK_HOME", "vendordesk"), ("HOME", ""), ("XDG_CONFIG_HOME", ".config"),
                     ("XDG_DATA_HOME", ".local/share")):
        os.environ[key] = str(home / sub)
    app = _app()
    from PySide6.QtCore import QSettings

    from vendordesk.demo import build_demo
    from vendordesk.ops.workspace import open_path
    from vendordesk.ui import workers
    from vendordesk.ui.context import AppContext
    from vendordesk.ui.i18n import install_language
    from vendordesk.ui.window.main_window import MainWindow

    tmp = Path(tempfile.mkdtemp(prefix="screens-", dir=out))
    templates = {}
    for lang in args.lang:          # the demo writes its subjects, tasks and notes in the KAM's language
        templates[lang] = tmp / f"demo-template-{lang}.vendordesk"
        build_demo(templates[lang], asins=args.asins, weeks=args.weeks, seed=7, lang=lang)
    sections = set(args.only.split(","))
    try:
        for lang in args.lang:
            for size in args.size:
                width, height = (int(v) for v in size.split("x"))
                path = tmp / f"demo-{lang}-{size}.vendordesk"
                shutil.copy(templates[lang], path)
                install_language(app, lang)
                settings = QSettings(str(tmp / f"settings-{lang}-{size}.ini"), QSettings.Format.IniFormat)
                window = MainWindow(AppContext(open_path(path), lang=lang), settings)
                window.resize(width, height)
                window.show()
                idle()
                walk(window, Shots(out, f"{lang}-{size}"), sections, tmp)
                workers.cancel_all(wait_ms=5000)
                window.ctx.workspace.close()
                window.close()
                window.deleteLater()
                idle()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
