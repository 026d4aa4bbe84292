"""The Tickets tab: support cases, chargebacks/shortages and delegated tasks, with reminders.

Left: the Cases / Chargebacks / Tasks tables (FrameModel, sort/filter/search in pandas) and Insight.
Right: the "today" panel and the side-panel editor of the selected row. Deletes ask first and
can be undone (Ctrl+Z). Every write emits ``changed(Changes(tickets=True))``.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QFileDialog, QHBoxLayout, QLabel, QMenu, QMessageBox, QPushButton,
                               QScrollArea, QSplitter, QStackedWidget, QTabWidget, QToolButton, QVBoxLayout, QWidget)

from vendordesk.changes import Changes
from vendordesk.errors import UserError
from vendordesk.ui.tabs.base import BaseTab, EmptyState


BACKGROUND_ROWS = 3000   # above this many cases the log is read in a worker


def read_frames_from(ws) -> dict:
    from vendordesk.store.tickets import chargebacks_frame, tasks_frame, tickets_frame

    return {"cases": tickets_frame(ws), "chargebacks": chargebacks_frame(ws), "tasks": tasks_frame(ws)}


def prepare(path, today: dt.date, frames: dict | None = None, case_columns=None, progress=None,
            cancelled=None) -> dict:
    """Frames plus derived columns, row colours, the today list and (given the columns) the cases'
    search text. Pure pandas; safe in a worker."""
    from vendordesk.core import tickets as rules
    from vendordesk.store.tickets import read_frames
    from vendordesk.ui import tickets_columns as cols

    frames = frames or read_frames(path, progress)
    cases, case_colors = cols.decorate_cases(frames["cases"], today)
    cbs, cb_colors = cols.decorate_chargebacks(frames["chargebacks"], today)
    tasks, task_colors = cols.decorate_tasks(frames["tasks"], today)
    from vendordesk.ui.models.frame_model import search_text

    search = search_text(cases, case_columns) if case_columns else None
    return {"cases": cases, "chargebacks": cbs, "tasks": tasks, "case_colors": case_colors, "cb_colors": cb_colors,
            "case_search": search,
            "task_colors": task_colors, "today": rules.today_list(cases, tasks, cbs, today),
            "empty": cases.empty and cbs.empty and tasks.empty}


class TicketsTab(BaseTab):
    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self._loading = None
        self._again = False
        self._undo: list[tuple[str, dict, str]] = []
        self._built = False
        self.today = dt.date.today()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.stack = QStackedWidget()
        self.empty = EmptyState(self.tr("No cases, chargebacks or tasks yet"), self.tr(
            "Add a Vendor Central support case, paste an Amazon case e-mail, or import a chargeback export."),
            self.tr("Add a case"))
        self.empty.action_requested.connect(lambda: self._start_ui_and(self.new_case))
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo_delete,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QTimer.singleShot(400, self._early_badge)   # after the first paint, before the tab is opened

    def _early_badge(self) -> None:
        """The reminder count from a cheap SQL query while the log is not loaded yet."""
        from vendordesk.store.tickets import reminder_count
        from vendordesk.ui.tickets_forms import reference_day

        if self._loaded:
            return
        try:
            count = reminder_count(self.ctx.workspace, reference_day(self.ctx.workspace).isoformat())
        except sqlite3.ProgrammingError:   # the workspace was closed meanwhile
            return
        self.badge_changed.emit(str(count) if count else "")

    def title(self) -> str:
        return self.tr("Tickets")

    def refresh(self, changes: Changes) -> None:
        """Reload on ticket writes or another workspace (facts do not change the log)."""
        if changes.workspace:
            self._undo.clear()
            if self._built:
                self.undo_button.hide()
        if self._loaded and (changes.tickets or changes.workspace):
            self.reload()

    # --- building ------------------------------------------------------------------------
    def _build(self) -> None:
        from vendordesk.store.tickets import departments
        from vendordesk.ui import tickets_labels as labels
        from vendordesk.ui.tickets_case_editor import CaseEditor
        from vendordesk.ui.tickets_forms import ChargebackEditor, TaskEditor
        from vendordesk.ui.tickets_tables import TablePage
        from vendordesk.ui.tickets_today import TodayPanel

        self._built = True
        self.departments = labels.department_names(departments(self.ctx.workspace), self.ctx.lang)
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self._toolbar())
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        column.addWidget(self.message)
        self.cases = TablePage("case_id", labels.case_statuses(), toggle=self.tr("Follow-up due or stale"))
        self.cases.closed_values = ("resolved",)
        self.chargebacks = TablePage("id", labels.dispute_statuses(), "dispute_status",
                                     toggle=self.tr("Deadline within 7 days"))
        self.chargebacks.closed_values = ("won", "lost", "accepted")
        self.tasks = TablePage("id", labels.task_statuses(), toggle=self.tr("Overdue"))
        self.tasks.closed_values = ("done",)
        self._add_department_filter()
        self.insight = QWidget()         # the charts are built when the page is first shown
        self.pages = QTabWidget()
        for widget, text in ((self.cases, self.tr("Cases")), (self.chargebacks, self.tr("Chargebacks && shortages")),
                             (self.tasks, self.tr("Tasks")), (self.insight, self.tr("Insight"))):
            self.pages.addTab(widget, text)
        self.pages.currentChanged.connect(self._page_changed)
        self.today_panel = TodayPanel()
        self.today_panel.departments = self.departments
        self.today_panel.open_item.connect(self.open_item)
        self.case_editor = CaseEditor(self.ctx, self.departments)
        self.cb_editor = ChargebackEditor(self.ctx)
        self.task_editor = TaskEditor(self.ctx, self.departments)
        self.editors = QStackedWidget()
        for editor in (self.case_editor, self.cb_editor, self.task_editor):
            editor.changed.connect(self._written)
            editor.delete_requested.connect(self.delete_current)
            self.editors.addWidget(editor)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.editors)
        side = QSplitter(Qt.Orientation.Vertical)
        side.addWidget(self.today_panel)
        side.addWidget(scroll)
        side.setSizes([220, 600])
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.pages)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([840, 480])
        column.addWidget(split, 1)
        self.stack.addWidget(page)
        self.cases.current_changed.connect(lambda key: self._show_editor(self.case_editor, key))
        self.chargebacks.current_changed.connect(lambda key: self._show_editor(self.cb_editor, key))
        self.tasks.current_changed.connect(lambda key: self._show_editor(self.task_editor, key))
        self.cases.model.on_edit = self._edit_case_cell
        self.tasks.model.on_edit = self._edit_task_cell
        self.cases.toggle_mask = self._case_toggle
        self.chargebacks.toggle_mask = lambda f: f["days_left"].map(lambda d: d is not None and d == d and d <= 7)
        self.tasks.toggle_mask = lambda f: f.index.isin(self._overdue_index)
        self._register_exports()
        self.case_editor.load(None)
        self._sort_new_first = True

    def _toolbar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        for text, slot in ((self.tr("New case"), self.new_case), (self.tr("Case from e-mail…"), self.case_from_mail),
                           (self.tr("New chargeback"), self.new_chargeback),
                           (self.tr("Import chargebacks…"), self.import_chargebacks),
                           (self.tr("New task"), self.new_task)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            bar.addWidget(button)
        bar.addStretch(1)
        self.undo_button = QPushButton()
        self.undo_button.clicked.connect(self.undo_delete)
        self.undo_button.hide()
        bar.addWidget(self.undo_button)
        export = QToolButton()
        export.setText(self.tr("Export"))
        export.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(export)
        for text, kind in ((self.tr("Cases…"), "tickets"), (self.tr("Chargebacks…"), "chargebacks"),
                           (self.tr("Tasks…"), "tasks")):
            menu.addAction(text, lambda k=kind: self.export(k))
        export.setMenu(menu)
        bar.addWidget(export)
        return bar

    def _add_department_filter(self) -> None:
        from vendordesk.ui.tickets_forms import combo

        self.department = combo(self.departments, empty=self.tr("All departments"))
        self.department.currentIndexChanged.connect(self._department_changed)
        self.print_button = QToolButton()
        self.print_button.setText(self.tr("Print list"))
        self.print_button.setToolTip(self.tr("A4 task list per department, to hand out in a meeting"))
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.print_button)
        menu.addAction(self.tr("Print preview…"), self.print_department)
        menu.addAction(self.tr("Save as PDF…"), self.department_pdf)
        self.print_button.setMenu(menu)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Department:")))
        row.addWidget(self.department)
        row.addStretch(1)
        row.addWidget(self.print_button)
        self.tasks.layout().insertLayout(0, row)

    def _register_exports(self) -> None:
        window = self.ctx.services.get("main_window")
        if window is not None and hasattr(window, "add_export_action") and not getattr(self, "_exports", False):
            self._exports = True
            window.add_export_action(self.tr("Cases (CSV/XLSX)…"), lambda: self.export("tickets"))
            window.add_export_action(self.tr("Chargebacks (CSV/XLSX)…"), lambda: self.export("chargebacks"))
            window.add_export_action(self.tr("Tasks (CSV/XLSX)…"), lambda: self.export("tasks"))

    def _start_ui_and(self, action) -> None:
        if not self._built:
            self._build()
        self.stack.setCurrentIndex(1)
        action()

    # --- loading -------------------------------------------------------------------------
    def reload(self) -> None:
        """Read and show; a big log (> BACKGROUND_ROWS cases) is read and prepared off the GUI thread."""
        from vendordesk.store.tickets import count_cases
        from vendordesk.ui.tickets_forms import reference_day

        ws = self.ctx.workspace
        self.today = reference_day(ws)
        if count_cases(ws) > BACKGROUND_ROWS:
            if self._loading is not None:
                self._again = True
                return
            from vendordesk.ui.workers import run_task

            from vendordesk.store.tickets import departments
            from vendordesk.ui import tickets_columns as cols
            from vendordesk.ui import tickets_labels as labels

            names = labels.department_names(departments(ws), self.ctx.lang)
            self._loading = run_task(prepare, ws.path, self.today, case_columns=cols.case_columns(names)[0],
                                     on_done=self._on_loaded, on_error=self._load_failed)
            return
        self._on_loaded(prepare(ws.path, self.today, frames=read_frames_from(ws)))

    def _on_loaded(self, data: dict) -> None:
        self._loading = None
        if self._again:
            self._again = False
            self.reload()
            return
        if data["empty"] and not self._built:
            self.stack.setCurrentIndex(0)
            self.badge_changed.emit("")
            return
        if not self._built:
            self._build()
        self.stack.setCurrentIndex(1)
        self._show(data)

    def _load_failed(self, exc: BaseException) -> None:
        self._loading = None
        from vendordesk.ui.errors import show_unexpected

        show_unexpected(self, type(exc), exc, exc.__traceback__)

    def _show(self, data: dict) -> None:
        from vendordesk.ui import tickets_columns as cols

        cases, cbs, tasks = data["cases"], data["chargebacks"], data["tasks"]
        self._overdue_index = data["today"].overdue_tasks.index
        self._attention = data["case_colors"] != None  # noqa: E711 - numpy elementwise
        for page, frame, (columns, hidden), colors, search in (
                (self.cases, cases, cols.case_columns(self.departments), data["case_colors"], data["case_search"]),
                (self.chargebacks, cbs, cols.chargeback_columns(), data["cb_colors"], None),
                (self.tasks, tasks, cols.task_columns(self.departments), data["task_colors"], None)):
            page.set_frame(frame, columns, hidden, {"subject": 260, "title": 240, "case_id": 110, "type": 170,
                                                    "status": 150, "dispute_status": 110}, search)
            page.model.set_row_colors(colors)
        self._department_changed()
        if getattr(self, "_sort_new_first", False):
            self._sort_new_first = False
            self.cases.view.sortByColumn(self.cases.model.visible_keys().index("opened_on"),
                                         Qt.SortOrder.DescendingOrder)
            self.chargebacks.view.sortByColumn(self.chargebacks.model.visible_keys().index("raised_on"),
                                               Qt.SortOrder.DescendingOrder)
            self.tasks.view.sortByColumn(self.tasks.model.visible_keys().index("due_on"), Qt.SortOrder.AscendingOrder)
        today = data["today"]
        self.today_panel.show_list(today, self.ctx.currency, self.today)
        self.badge_changed.emit(str(today.count()) if today.count() else "")
        titles = ((self.tr("Cases (%1)"), cases), (self.tr("Chargebacks && shortages (%1)"), cbs),
                  (self.tr("Tasks (%1)"), tasks))
        for i, (text, frame) in enumerate(titles):
            self.pages.setTabText(i, text.replace("%1", str(len(frame))))
        self._frames = (cases, cbs)
        if self.pages.currentIndex() == 3:
            self._page_changed(3)

    def _page_changed(self, index: int) -> None:
        from vendordesk.ui import tickets_labels as labels

        if index != 3 or not hasattr(self, "_frames"):
            return
        if not hasattr(self.insight, "show_data"):
            from vendordesk.ui.tickets_insight import InsightPage

            self.pages.blockSignals(True)
            self.pages.removeTab(3)
            self.insight = InsightPage()
            self.pages.insertTab(3, self.insight, self.tr("Insight"))
            self.pages.setCurrentIndex(3)
            self.pages.blockSignals(False)
        self.insight.show_data(*self._frames, self.today, self.ctx.currency, labels.categories())

    def _case_toggle(self, frame):
        return self._attention

    def _department_changed(self) -> None:
        frame = self.tasks.model.frame()
        if frame is not None:
            dep = self.department.currentData()
            self.tasks.model.set_mask("department", None if dep is None else frame["department_id"] == dep)
            self.tasks._update_count()

    def _show_editor(self, editor, key) -> None:
        if key is None:
            return
        self.editors.setCurrentWidget(editor)
        if editor.key != key:
            editor.load(key)

    def _written(self, changes: Changes) -> None:
        self.changed.emit(changes)
        if self.ctx.services.get("main_window") is None:  # standalone (tests): refresh ourselves
            self.reload()
        editor = self.editors.currentWidget()
        page = {self.case_editor: self.cases, self.cb_editor: self.chargebacks, self.task_editor: self.tasks}[editor]
        page.select_key(editor.key)

    # --- actions -------------------------------------------------------------------------
    def new_case(self, prefill: dict | None = None) -> None:
        self.pages.setCurrentWidget(self.cases)
        self.editors.setCurrentWidget(self.case_editor)
        self.case_editor.load(None, prefill)
        self.case_editor.fields["case_id"].setFocus()

    def new_chargeback(self) -> None:
        self.pages.setCurrentWidget(self.chargebacks)
        self.editors.setCurrentWidget(self.cb_editor)
        self.cb_editor.load(None)

    def new_task(self) -> None:
        self.pages.setCurrentWidget(self.tasks)
        self.editors.setCurrentWidget(self.task_editor)
        self.task_editor.load(None)
        if self.department.currentData():
            from vendordesk.ui.tickets_forms import set_combo

            set_combo(self.task_editor.fields["department_id"], self.department.currentData())

    def case_from_mail(self) -> None:
        from vendordesk.ui.tickets_mail import MailDialog

        case_id = MailDialog.ask(self.ctx, self)
        if case_id:
            self._written(Changes(tickets=True))
            self.open_item("case", case_id)

    def open_item(self, kind: str, key) -> None:
        page = {"case": self.cases, "chargeback": self.chargebacks, "task": self.tasks}[kind]
        editor = {"case": self.case_editor, "chargeback": self.cb_editor, "task": self.task_editor}[kind]
        self.pages.setCurrentWidget(page)
        if not page.select_key(key):
            page.status.setCurrentIndex(1)   # "All": the row may be filtered out
            page.search.clear()
            page.select_key(key)
        self.editors.setCurrentWidget(editor)
        editor.load(key)

    def import_chargebacks(self) -> None:
        from vendordesk.ingest.chargebacks import import_chargebacks

        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import chargebacks or shortages"), "",
                                              self.tr("CSV files (*.csv *.txt);;All files (*)"))
        if not path:
            return
        try:
            result = import_chargebacks(self.ctx.workspace, path)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Import refused"), str(exc))
            return
        self._say(self.tr("%1 new, %2 updated chargeback rows imported.").replace("%1", str(result.inserted))
                  .replace("%2", str(result.updated)))
        self._written_table(self.chargebacks)

    def _written_table(self, page) -> None:
        self.changed.emit(Changes(tickets=True))
        if self.ctx.services.get("main_window") is None:
            self.reload()
        self.pages.setCurrentWidget(page)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #c62828;" if error else "color: #2e7d32;")
        self.message.setVisible(bool(text))

    def confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Delete"), text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def delete_current(self, key) -> None:
        from vendordesk.store import tickets as store

        editor = self.editors.currentWidget()
        ws = self.ctx.workspace
        if editor is self.case_editor:
            text, kind = self.tr("Delete case %1 with its timeline?").replace("%1", str(key)), "case"
            label = self.tr("case %1").replace("%1", str(key))
        elif editor is self.cb_editor:
            text, kind, label = self.tr("Delete this chargeback?"), "chargeback", self.tr("chargeback")
        else:
            text, kind, label = self.tr("Delete this task?"), "task", self.tr("task")
        if key is None or not self.confirm(text + "\n" + self.tr("You can undo this (Ctrl+Z).")):
            return
        delete = {"case": store.delete_case, "chargeback": store.delete_chargeback, "task": store.delete_task}[kind]
        self._undo.append((kind, delete(ws, key), label))
        self.undo_button.setText(self.tr("Undo delete of %1").replace("%1", label))
        self.undo_button.show()
        editor.load(None)
        self._written_table(self.pages.currentWidget())

    def undo_delete(self) -> None:
        from vendordesk.store import tickets as store

        if not self._undo:
            return
        kind, snapshot, label = self._undo.pop()
        restore = {"case": store.restore_case, "chargeback": store.restore_chargeback, "task": store.restore_task}
        restore[kind](self.ctx.workspace, snapshot)
        self.undo_button.setVisible(bool(self._undo))
        if self._undo:
            self.undo_button.setText(self.tr("Undo delete of %1").replace("%1", self._undo[-1][2]))
        self._say(self.tr("Restored %1.").replace("%1", label))
        self._written_table(self.pages.currentWidget())

    # --- in-place edits --------------------------------------------------------------------
    def _edit_case_cell(self, case_id, column: str, value) -> bool:
        from vendordesk.store.tickets import update_case

        value = str(value).strip()
        if column == "subject" and not value:
            self._say(self.tr("Case %1: the subject cannot be empty; the old subject is kept.")
                      .replace("%1", str(case_id)), error=True)
            return False
        update_case(self.ctx.workspace, case_id, {column: value or None})
        self._say("")
        self.changed.emit(Changes(tickets=True))
        return True

    def _edit_task_cell(self, task_id, column: str, value) -> bool:
        from vendordesk.store.tickets import update_task

        value = str(value).strip()
        if column == "title" and not value:
            self._say(self.tr("The task needs a title; the old one is kept."), error=True)
            return False
        update_task(self.ctx.workspace, task_id, {column: value or None})
        self.changed.emit(Changes(tickets=True))
        return True

    # --- export and print ----------------------------------------------------------------------
    def export(self, kind: str, path: str | None = None) -> None:
        from vendordesk.commands.export import exporter, write_frame

        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export"), f"{kind}.xlsx",
                                                  self.tr("Excel (*.xlsx);;CSV (*.csv)"))
        if not path:
            return
        from pathlib import Path

        try:
            frame = exporter(kind)(self.ctx.workspace)
            write_frame(frame, Path(path))
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Export failed"), str(exc))
            return
        self._say(self.tr("%1 rows written to %2").replace("%1", str(len(frame))).replace("%2", str(path)))

    def department_html(self) -> str:
        from vendordesk.briefs.department import department_brief

        frame = self.tasks.model.frame()
        chosen = self.department.currentData()
        groups = []
        for dep_id, name in self.departments.items():
            if chosen not in (None, dep_id):
                continue
            rows = frame[frame["department_id"] == dep_id].to_dict("records") if frame is not None else []
            if rows or chosen:
                groups.append((name, rows))
        return department_brief(groups, self.today, self.ctx.workspace.name, self.ctx.lang)

    def print_department(self) -> None:
        from vendordesk.ui.printing import preview

        preview(self, self.department_html())

    def department_pdf(self, path: str | None = None) -> None:
        from vendordesk.ui.printing import html_to_pdf

        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save task list"), "tasks.pdf", "PDF (*.pdf)")
        if path:
            html_to_pdf(self.department_html(), path, title=self.tr("Task list"))
            self._say(self.tr("Task list saved to %1").replace("%1", str(path)))
