"""The Price increase tab: prepare a cost-price increase case and print its brief.

Left: the cases. Right: the case editor, cost drivers, per-ASIN economics, scenarios, levers
and positions, the chart, and brief preview / print / PDF. Edits autosave after a short pause;
every figure comes from ``store.negotiations.analyse_case`` (the same as the brief and the JSON).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, cast

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from vendordesk.changes import Changes
from vendordesk.ui.negotiation.issues import IssueTexts
from vendordesk.ui.tab_base import BaseTab, EmptyState

if TYPE_CHECKING:
    import pyqtgraph as pg

AUTOSAVE_MS = 600


class NegotiationTab(BaseTab):
    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.case = None
        self.analysis = None
        self._market_key = None
        self._market = None
        self._elasticity = None
        self._own_change = False
        self._task = None
        self._select_id = None
        self._elasticity_task = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.save_now)
        self.stack = QStackedWidget()
        self.empty = EmptyState(self.tr("No price-increase case yet"), self.tr(
            "Create a negotiation case for the ASINs whose cost price must rise. Import sales facts first so that "
            "ASP and Net PPM can be computed."), self.tr("New case"))
        self.empty.action_requested.connect(self.new_case)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self._build_main())
        QVBoxLayout(self).addWidget(self.stack)
        self.layout().setContentsMargins(0, 0, 0, 0)
        window = self.ctx.services.get("main_window")
        if window is not None and hasattr(window, "add_export_action"):
            window.add_export_action(self.tr("Price increase: ASINs of the case…"), lambda: self.export_asins())

    def title(self) -> str:
        return self.tr("Price increase")

    # --- building ---------------------------------------------------------------------
    def _build_main(self) -> QWidget:
        from vendordesk.ui.negotiation.drivers import DriversEditor
        from vendordesk.ui.negotiation.editor import CaseEditor
        from vendordesk.ui.negotiation.levers import LeversEditor
        from vendordesk.ui.negotiation.views import EconomicsView, ScenariosEditor

        self.cases = QListWidget()
        self.cases.setWordWrap(True)
        self.cases.currentItemChanged.connect(self._case_selected)
        new, delete = QPushButton(self.tr("New case")), QPushButton(self.tr("Delete case"))
        new.clicked.connect(self.new_case)
        delete.clicked.connect(self.delete_case)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.addWidget(QLabel(self.tr("Cases")))
        lv.addWidget(self.cases, 1)
        row = QHBoxLayout()
        row.addWidget(new)
        row.addWidget(delete)
        lv.addLayout(row)
        self.editor, self.drivers = CaseEditor(), DriversEditor()
        self.economics, self.scenarios = EconomicsView(self.ctx.lang), ScenariosEditor()
        self.levers = LeversEditor(self.ctx.lang)
        self.chart_box = QWidget()
        QVBoxLayout(self.chart_box)
        self.plot: pg.PlotWidget | None = None
        self.sections = QTabWidget()
        for widget, text in ((self.editor, self.tr("Case")), (self.drivers, self.tr("Cost drivers")),
                             (self.economics, self.tr("Economics per ASIN")), (self.scenarios, self.tr("Scenarios")),
                             (self.levers, self.tr("Levers and positions")), (self.chart_box, self.tr("Chart"))):
            self.sections.addTab(widget, text)
        self.sections.currentChanged.connect(self._section_shown)
        for editor in (self.editor, self.drivers, self.scenarios, self.levers):
            editor.edited.connect(self.timer.start)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.addLayout(self._brief_bar())
        rv.addWidget(self.sections, 1)
        splitter = self.splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([230, 1000])
        return splitter

    # --- the remembered layout (the window keeps it in QSettings) ----------------------------
    def layout_state(self) -> dict:
        """The case list's width and the open section."""
        return {"splitter": self.splitter.sizes(), "section": self.sections.currentIndex()}

    def restore_layout(self, state: dict) -> None:
        section = int((state or {}).get("section") or 0)
        if 0 <= section < self.sections.count():
            self.sections.setCurrentIndex(section)
        sizes = [int(v) for v in (state or {}).get("splitter") or []]
        if len(sizes) == self.splitter.count() and sum(sizes) > 0:
            self.splitter.setSizes(sizes)
            # again once the tab is first shown and laid out (the first layout rescales them)
            self._pending_sizes: list[int] | None = sizes

    def showEvent(self, event) -> None:
        super().showEvent(event)
        sizes = getattr(self, "_pending_sizes", None)
        if sizes:
            self._pending_sizes = None
            QTimer.singleShot(0, lambda: self._set_splitter(sizes))

    def _set_splitter(self, sizes: list[int]) -> None:
        if shiboken6.isValid(self):
            self.splitter.setSizes(sizes)

    def _brief_bar(self) -> QHBoxLayout:
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 13pt; font-weight: 600; color: #0d3b66;")
        self.heading.setWordWrap(True)          # a long case title wraps instead of widening the window
        self.saved = QLabel()
        self.saved.setStyleSheet("color: #607d8b; font-size: 8.5pt;")
        self.lang = QComboBox()
        self.lang.addItem(self.tr("Brief in German"), "de")
        self.lang.addItem(self.tr("Brief in English"), "en")
        index = self.lang.findData(self.ctx.lang)
        self.lang.setCurrentIndex(index if index >= 0 else self.lang.findData("en"))
        self.audience = QComboBox()
        self.audience.addItem(self.tr("For us (internal)"), "internal")
        self.audience.addItem(self.tr("For Amazon"), "amazon")
        self.preview_button = QPushButton(self.tr("Preview…"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.pdf_button = QPushButton(self.tr("Export PDF…"))
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_brief)
        self.pdf_button.clicked.connect(self.export_pdf_dialog)
        # "Draft saved 12:25:11" under the title, not in the row of buttons (there it made the row
        # wider than a 1280 px window after the first autosave)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.heading)
        titles.addWidget(self.saved)
        bar = QHBoxLayout()
        bar.addLayout(titles, 1)
        for w in (self.audience, self.lang, self.preview_button, self.print_button, self.pdf_button):
            bar.addWidget(w)
        return bar

    def _list_text(self, title: str, asins: int, status: str) -> str:
        """Title, ASIN count and the status as the case editor words it (ASIN is the same in German)."""
        index = self.editor.status.findData(status)
        status_text = self.editor.status.itemText(index) if index >= 0 else status
        return f"{title}\n{asins} ASINs · {status_text}"

    # --- loading ----------------------------------------------------------------------
    def refresh(self, changes: Changes) -> None:
        if self._own_change:
            return
        if self._loaded and (changes.negotiations or changes.facts or changes.workspace or changes.settings):
            if changes.workspace or changes.facts:
                self._market_key = None
                self._elasticity = None
            self.reload()

    def reload(self) -> None:
        from vendordesk.ops.negotiation import list_negotiations

        self.save_now()
        cases = list_negotiations(self.ctx.workspace).value
        self.stack.setCurrentIndex(1 if cases else 0)
        keep = self._select_id or (self.case.id if self.case is not None else None)
        self._select_id = None
        self.cases.blockSignals(True)
        self.cases.clear()
        for c in cases:
            item = QListWidgetItem(self._list_text(c["title"], c["asins"], c["status"]))
            item.setData(Qt.ItemDataRole.UserRole, c["id"])
            self.cases.addItem(item)
        self.cases.blockSignals(False)
        if cases:
            ids = [c["id"] for c in cases]
            self.cases.setCurrentRow(ids.index(keep) if keep in ids else 0)
            if self.case is None or self.case.id != ids[self.cases.currentRow()]:
                self._case_selected(self.cases.currentItem(), None)
            else:
                self._open(self.case.id)
        else:
            self.case = self.analysis = None

    def open_case(self, case_id: int) -> bool:
        """Show negotiation ``case_id`` (the week view's double-click); False if it is not listed."""
        self.ensure_loaded()
        for row in range(self.cases.count()):
            if int(self.cases.item(row).data(Qt.ItemDataRole.UserRole)) == int(case_id):
                self.cases.setCurrentRow(row)      # selecting it opens it (_case_selected)
                return True
        return False

    def _case_selected(self, current, previous) -> None:
        if current is None:
            return
        self.save_now()
        self._open(int(current.data(Qt.ItemDataRole.UserRole)))

    def _open(self, case_id: int) -> None:
        from vendordesk.ops.negotiation import current_costs, load_case

        ws = self.ctx.workspace
        self.case = load_case(ws, case_id)
        costs = current_costs(ws)
        self.editor.current_costs = dict(zip(costs["asin"], costs["cost"]))
        self.editor.set_case(self.case)
        self.drivers.set_drivers(self.case.drivers)
        self.levers.set_case(self.case)
        self._analyse()

    # --- analysis ---------------------------------------------------------------------
    def _analyse(self, parse_errors: int = 0) -> None:
        from vendordesk.core.margin import DEFAULT_ELASTICITY
        from vendordesk.core.negotiation.analysis import analyse
        from vendordesk.ops.negotiation import market_for

        ws = self.ctx.workspace
        if self._elasticity is None:
            self._start_elasticity()
        key = tuple(sorted({it.asin for it in self.case.items}))
        if key != self._market_key or self._market is None:
            self._market = market_for(ws, self.case, elasticity=self._elasticity or (DEFAULT_ELASTICITY, "default"))
            self._market_key = key
        self._market.today = None     # the case's own date, as on the command line (analyse sets it)
        self.analysis = analyse(self.case, self._market)
        self.heading.setText(self.case.title or self.tr("(untitled case)"))
        self.economics.show_analysis(self.analysis)
        self.editor.show_titles({it.asin: it.title for it in self.analysis.items})
        self.scenarios.show_results(self.analysis)
        self.levers.show_analysis(self.analysis)
        self._show_issues(parse_errors)
        if self.sections.currentWidget() is self.chart_box:
            self._draw_chart()

    def _start_elasticity(self) -> None:
        """The gear model may calibrate the elasticity first (a few 100 ms): do it off the GUI thread."""
        from vendordesk.ui.workers import run_task

        if self._elasticity_task is not None:
            return

        path = str(self.ctx.workspace.path)

        def done(result) -> None:
            self._elasticity_task = None
            if path != str(self.ctx.workspace.path):   # another workspace was opened meanwhile
                self._start_elasticity()
                return
            self._elasticity, self._market = result, None
            if self.case is not None:
                self._analyse()

        def failed(exc) -> None:
            self._elasticity_task = None

        self._elasticity_task = run_task(_elasticity_job, path, on_done=done, on_error=failed)

    def _show_issues(self, parse_errors: int) -> None:
        texts = IssueTexts(self)
        by_field: dict[str, list] = {}
        for issue in self.analysis.issues:
            field = {"cost_before": "costs", "cost_after": "costs"}.get(issue.field, issue.field)
            by_field.setdefault(field, []).append((issue.severity, texts.text(issue)))
        if parse_errors:
            by_field.setdefault("costs", []).insert(0, ("error", self.tr(
                "%n cell(s) are not numbers and were not saved; they are marked red. Use e.g. 12,50.", "",
                parse_errors)))
        self.editor.show_messages(by_field)
        self.drivers.show_messages(by_field.get("drivers", []))

    def _section_shown(self, index: int) -> None:
        if self.sections.widget(index) is self.chart_box and self.analysis is not None:
            self._draw_chart()

    def _draw_chart(self) -> None:
        from vendordesk.ui.negotiation.chart import fill_plot, make_plot

        if self.plot is None:
            self.plot = make_plot()
            self.chart_note = QLabel()
            box = cast(QVBoxLayout, self.chart_box.layout())
            box.addWidget(self.plot, 1)
            box.addWidget(self.chart_note)
        has = fill_plot(self.plot, self.analysis)
        self.plot.setVisible(has)              # no empty 0–1 axes: the note says why
        self.chart_note.setText("" if has else self.tr("No weekly sales facts for these ASINs: the chart is unavailable."))

    # --- saving -----------------------------------------------------------------------
    def save_now(self) -> None:
        """Collect the editors into the case, save the draft and recompute (autosave)."""
        self.timer.stop()
        if self.case is None or not hasattr(self, "editor"):
            return
        from vendordesk.ops.negotiation import save_case

        bad = self.editor.collect(self.case)
        drivers, bad_drivers = self.drivers.drivers()
        self.case.drivers = drivers
        scenarios, bad_sc = self.scenarios.scenarios()
        self.case.scenarios = scenarios
        bad += bad_drivers + bad_sc + self.levers.collect(self.case)
        save_case(self.ctx.workspace, self.case)
        self.saved.setText(self.tr("Draft saved %1").replace("%1", dt.datetime.now().strftime("%H:%M:%S")))
        self._emit_change()
        self._analyse(bad)
        item = self.cases.currentItem()
        if item is not None:
            item.setText(self._list_text(self.case.title, len(self.case.items), self.case.status))

    def _emit_change(self) -> None:
        self._own_change = True
        try:
            self.changed.emit(Changes(negotiations=True))
        finally:
            self._own_change = False

    def new_case(self) -> None:
        from vendordesk.core.negotiation.model import Case, default_scenarios
        from vendordesk.ops.negotiation import save_case

        self.save_now()
        case = Case(id=None, title=self.tr("New price increase"), currency=self.ctx.currency,
                    effective_date=(dt.date.today() + dt.timedelta(days=90)).isoformat(),
                    scenarios=default_scenarios())
        save_case(self.ctx.workspace, case)
        self.case, self._select_id = None, case.id     # the editors still show the old case
        self._emit_change()
        self.reload()
        self.sections.setCurrentWidget(self.editor)

    def delete_case(self) -> None:
        from vendordesk.ops.negotiation import delete_case

        if self.case is None:
            return
        answer = QMessageBox.question(self, self.tr("Delete case"), self.tr("Delete the case “%1” with all its "
                                      "ASINs, drivers, scenarios and levers?").replace("%1", self.case.title))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.timer.stop()
        delete_case(self.ctx.workspace, self.case.id)
        self.case = self.analysis = None
        self._emit_change()
        self.reload()

    # --- the brief ----------------------------------------------------------------------
    def brief_lang(self) -> str:
        return self.lang.currentData()

    def _document(self):
        from vendordesk.ops.negotiation import account_facts
        from vendordesk.ui.negotiation.brief import brief_document

        self.save_now()
        return brief_document(self.analysis, self.brief_lang(), account_facts(self.ctx.workspace, self.case.asins),
                              self.audience.currentData())

    def preview(self) -> None:
        from vendordesk.ui.negotiation.brief import preview_brief

        if self.analysis is not None:
            html, images = self._document()
            preview_brief(self, html, images)

    def print_brief(self) -> None:
        from vendordesk.ui.printing import print_html

        if self.analysis is not None:
            html, images = self._document()
            print_html(self, html, images)

    def export_pdf_dialog(self) -> None:
        if self.analysis is None:
            return
        name = f"{self.case.title or 'brief'}.pdf".replace("/", "-")
        from vendordesk.ui.export_dialog import ask_export_path

        path = ask_export_path(self, self.tr("Export brief as PDF"), name, self.tr("PDF (*.pdf)"))
        if path:
            self.export_pdf(path if path.lower().endswith(".pdf") else path + ".pdf")

    def export_asins(self, path: str | None = None) -> None:
        """The open case's ASIN table (the Economics table) to Excel or CSV."""
        from pathlib import Path

        from vendordesk.errors import UserError
        from vendordesk.ops.exports import export_negotiation
        from vendordesk.ui.export_dialog import ask_export_path

        if self.analysis is None:
            return
        if path is None:
            path = ask_export_path(self, self.tr("Export the case's ASINs"), self.tr("Price increase.xlsx"),
                                   self.tr("Excel (*.xlsx);;CSV (*.csv)"))
        if not path:
            return
        try:
            export_negotiation(self.analysis, Path(path), self.ctx.lang)
        except UserError as exc:
            from vendordesk.ui.errors import user_text

            QMessageBox.warning(self, self.tr("Export the case's ASINs"), user_text(exc))

    def export_pdf(self, path: str):
        """Render the brief to ``path`` off the GUI thread; returns the task."""
        from vendordesk.ui.negotiation.brief import brief_title
        from vendordesk.ui.workers import run_task

        html, images = self._document()
        title = brief_title(self.analysis, self.brief_lang(), self.audience.currentData())
        self.pdf_button.setEnabled(False)
        self.saved.setText(self.tr("Writing the PDF…"))

        def done(result) -> None:
            self.pdf_button.setEnabled(True)
            self.saved.setText(self.tr("Brief written: %1").replace("%1", str(result)))
            if self.isVisible():
                from vendordesk.ui.printing import offer_open

                offer_open(self, result)

        def failed(exc) -> None:
            self.pdf_button.setEnabled(True)
            self.saved.setText("")
            QMessageBox.warning(self, self.tr("Export brief as PDF"),
                                self.tr("The PDF could not be written: %1").replace("%1", str(exc)))

        self._task = run_task(_write_pdf, html, path, title, images, on_done=done, on_error=failed)
        return self._task


def _elasticity_job(path, progress=None, cancelled=None):
    from vendordesk.ops.negotiation import price_elasticity

    return price_elasticity(path)


def _write_pdf(html, path, title, images, progress=None, cancelled=None):
    from vendordesk.ui.printing import html_to_pdf

    return html_to_pdf(html, path, title=title, images=images)
