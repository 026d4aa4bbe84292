"""The Tickets tab: support cases, chargebacks/shortages and delegated tasks, with reminders.

Left: the Cases / Chargebacks / Tasks tables (FrameModel, sort/filter/search in pandas) and Insight.
Right: the "today" panel and the side-panel editor of the selected row. Deletes ask first; saves,
new entries and deletes can be undone (Ctrl+Z, Edit › Undo: ``ui.tickets.undo``). Every write
emits ``changed(Changes(tickets=True))``.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from functools import partial

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from vendordesk.changes import Changes
from vendordesk.core.missing import is_missing
from vendordesk.ui.tab_base import BaseTab, EmptyState
from vendordesk.ui.tickets import actions
from vendordesk.ui.tickets import undo as ticket_undo
from vendordesk.ui.tickets.forms import FormEditor
from vendordesk.ui.tickets.load import BACKGROUND_ROWS, prepare, read_frames_from


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
        QTimer.singleShot(0, self._register_exports)   # File › Export exists once the window is built

    def _early_badge(self) -> None:
        """The reminder count from a cheap SQL query while the log is not loaded yet."""
        from vendordesk.ops.ticket_records import reminder_count
        from vendordesk.ui.tickets.forms import reference_day

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
        from vendordesk.ops.ticket_records import departments
        from vendordesk.ui.tickets import labels
        from vendordesk.ui.tickets.case_editor import CaseEditor
        from vendordesk.ui.tickets.forms import ChargebackEditor, TaskEditor
        from vendordesk.ui.tickets.tables import TablePage
        from vendordesk.ui.tickets.today import TodayPanel

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
        self.chargebacks.model.tooltips = {"type": partial(labels.amazon_term_tip, lang=self.ctx.lang)}
        self.tasks = TablePage("id", labels.task_statuses(), toggle=self.tr("Overdue"))
        self.tasks.closed_values = ("done",)
        self._add_department_filter()
        self.insight = QWidget()         # the charts are built when the page is first shown
        self.pages = QTabWidget()
        for widget, text in ((self.cases, self.tr("Cases")), (self.chargebacks, self.tr("Chargebacks && shortages")),
                             (self.tasks, self.tr("Tasks")), (self.insight, self.tr("Insight"))):
            self.pages.addTab(widget, text)
        from vendordesk.ui.tickets.week import WeekPage

        self.week = WeekPage(self.ctx.lang)
        self.week.departments = self.departments
        self.week.open_item.connect(self.open_item)
        self.pages.addTab(self.week, self.tr("This week"))
        self.pages.currentChanged.connect(self._page_changed)
        self.today_panel = TodayPanel()
        self.today_panel.departments = self.departments
        self.today_panel.lang = self.ctx.lang
        self.today_panel.open_item.connect(self.open_item)
        self.case_editor = CaseEditor(self.ctx, self.departments)
        self.cb_editor = ChargebackEditor(self.ctx)
        self.task_editor = TaskEditor(self.ctx, self.departments)
        self.editors = QStackedWidget()
        for editor in (self.case_editor, self.cb_editor, self.task_editor):
            editor.changed.connect(self._written)
            editor.edited.connect(lambda edit: ticket_undo.record(self, edit))
            editor.delete_requested.connect(self.delete_current)
            self.editors.addWidget(editor)
        self.editors.currentChanged.connect(self._fit_editor)
        self._fit_editor()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.editors)
        side = self.side_split = QSplitter(Qt.Orientation.Vertical)
        side.addWidget(self.today_panel)
        side.addWidget(scroll)
        side.setSizes([270, 560])
        split = self.split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.pages)
        split.addWidget(side)
        split.setStretchFactor(0, 5)        # a wider window widens the tables; the side panel is fine at 480
        split.setStretchFactor(1, 1)
        side_width = 480 + max(0, self.width() - 1320) // 6        # built when first shown: at its width
        split.setSizes([max(840, self.width() - side_width), side_width])
        column.addWidget(split, 1)
        self.stack.addWidget(page)
        for page, editor in ((self.cases, self.case_editor), (self.chargebacks, self.cb_editor),
                             (self.tasks, self.task_editor)):
            QShortcut(QKeySequence.StandardKey.Delete, page.view, lambda p=page, e=editor: self._delete_row(p, e),
                      context=Qt.ShortcutContext.WidgetShortcut)
        for page, editor in ((self.cases, self.case_editor), (self.chargebacks, self.cb_editor),
                             (self.tasks, self.task_editor)):
            page.current_changed.connect(lambda key, p=page, e=editor: self._show_editor(e, key, p))
        self.cases.model.on_edit = lambda *a: actions.edit_case_cell(self, *a)
        self.tasks.model.on_edit = lambda *a: actions.edit_task_cell(self, *a)
        self.cases.toggle_mask = self._case_toggle
        self.chargebacks.toggle_mask = lambda f: f["days_left"].map(lambda d: not is_missing(d) and d <= 7)
        self.tasks.toggle_mask = lambda f: f.index.isin(self._overdue_index)
        self.case_editor.load(None)
        self._sort_new_first = True
        stack = ticket_undo.stack_of(self)
        if stack is not None:
            stack.indexChanged.connect(self._undo_step_changed)
        self._apply_layout()

    # --- the remembered layout (the window keeps it in QSettings) ----------------------------
    def _filtered_pages(self) -> dict:
        return {"cases": self.cases, "chargebacks": self.chargebacks, "tasks": self.tasks}

    def layout_state(self) -> dict:
        """The page, both splitters, each table's status filter, check box and the columns picked in
        its menu, the department.
        Not the search text: rows hidden by a search forgotten overnight would look lost."""
        if not self._built:
            return dict(getattr(self, "_saved_layout", None) or {})
        state: dict = {"page": self.pages.currentIndex(), "split": self.split.sizes(),
                       "side_split": self.side_split.sizes(),
                       "department": self.department.currentData() or ""}
        for name, page in self._filtered_pages().items():
            state[f"{name}_status"] = "_all" if page.status.currentData() is None else page.status.currentData()
            state[f"{name}_toggle"] = bool(page.toggle and page.toggle.isChecked())
            if page.chosen:
                state[f"{name}_columns"] = list(page.chosen)
        return state

    def restore_layout(self, state: dict) -> None:
        """Applied when the tab is first built (the window calls this at start)."""
        self._saved_layout: dict | None = dict(state or {})
        if self._built:
            self._apply_layout()

    def _apply_layout(self) -> None:
        state = getattr(self, "_saved_layout", None) or {}
        self._saved_layout = None
        if not state:
            return
        for name, page in self._filtered_pages().items():
            value = state.get(f"{name}_status")
            index = page.status.findData(None if value == "_all" else value) if value else -1
            if value == "_all":
                index = next((i for i in range(page.status.count()) if page.status.itemData(i) is None), -1)
            if index >= 0:
                page.status.setCurrentIndex(index)
            if page.toggle is not None:
                page.toggle.setChecked(str(state.get(f"{name}_toggle")).lower() == "true")
            chosen = state.get(f"{name}_columns")
            if chosen and not page.model.columns():          # applied when the table gets its columns
                page.chosen = [str(k) for k in ([chosen] if isinstance(chosen, str) else chosen)]
        department = state.get("department")
        if department:
            index = self.department.findData(department)
            if index >= 0:
                self.department.setCurrentIndex(index)
        page_index = int(state.get("page") or 0)
        if 0 <= page_index < self.pages.count():
            self.pages.setCurrentIndex(page_index)
        sizes = [(self.split, [int(v) for v in state.get("split") or []]),
                 (self.side_split, [int(v) for v in state.get("side_split") or []])]
        sizes = [(widget, wanted) for widget, wanted in sizes if len(wanted) == widget.count() and sum(wanted) > 0]

        def apply_sizes() -> None:
            for widget, wanted in sizes:
                if shiboken6.isValid(widget):
                    widget.setSizes(wanted)

        apply_sizes()
        QTimer.singleShot(0, apply_sizes)      # again once laid out (the first layout rescales them)

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
        # a push button with a menu: the style keeps room for its arrow (a QToolButton drew the
        # arrow over the end of "Exportieren") and it is as tall as the buttons beside it
        export = self.export_button = QPushButton(self.tr("Export"))
        menu = QMenu(export)
        for text, kind in ((self.tr("Cases…"), "tickets"), (self.tr("Chargebacks…"), "chargebacks"),
                           (self.tr("Tasks…"), "tasks")):
            menu.addAction(text, partial(self.export, kind))
        export.setMenu(menu)
        bar.addWidget(export)
        return bar

    def _add_department_filter(self) -> None:
        from vendordesk.ui.tickets.forms import combo

        self.department = combo(self.departments, empty=self.tr("All departments"))
        self.department.currentIndexChanged.connect(self._department_changed)
        self.print_button = QPushButton(self.tr("Print list"))
        self.print_button.setToolTip(self.tr("A4 task list per department, to hand out in a meeting"))
        menu = QMenu(self.print_button)
        menu.addAction(self.tr("Print preview…"), self.print_department)
        menu.addAction(self.tr("Save as PDF…"), self.department_pdf)
        self.print_button.setMenu(menu)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Department:")))
        row.addWidget(self.department)
        row.addStretch(1)
        row.addWidget(self.print_button)
        column = self.tasks.layout()
        assert isinstance(column, QVBoxLayout)
        column.insertLayout(0, row)

    def _register_exports(self) -> None:
        window = self.ctx.services.get("main_window")
        if getattr(window, "export_menu", None) is not None and not getattr(self, "_exports", False):
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
        from vendordesk.ops.ticket_records import count_cases
        from vendordesk.ui.tickets.forms import reference_day

        ws = self.ctx.workspace
        self.today = reference_day(ws)
        if count_cases(ws) > BACKGROUND_ROWS:
            if self._loading is not None:
                self._again = True
                return
            from vendordesk.ops.ticket_records import departments
            from vendordesk.ui.tickets import columns as cols
            from vendordesk.ui.tickets import labels
            from vendordesk.ui.workers import run_task

            names = labels.department_names(departments(ws), self.ctx.lang)
            # the search text and sort rank are prepared off-thread only when they are in use
            model = self.cases.model if self._built else None
            columns = cols.case_columns(names, self.ctx.lang)[0] if model and model.search_string() else None
            self._loading = run_task(prepare, ws.path, self.today, case_columns=columns,
                                     case_sort=model.sort_key() if model else None,
                                     on_done=self._on_loaded, on_error=self._load_failed)
            if not self._built:   # while the worker reads: a shorter GUI step when the data arrives
                self._build()
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
        from vendordesk.ui.tickets import columns as cols

        cases, cbs, tasks = data["cases"], data["chargebacks"], data["tasks"]
        self._overdue_index = data["today"].overdue_tasks.index
        self._attention = data["case_colors"] != None  # noqa: E711 - numpy elementwise
        widths = {"subject": cols.SUBJECT_LEAST, "title": 240, "case_id": 110, "status": 150, "dispute_status": 110}
        self.cases.fold, self.chargebacks.fold, self.tasks.fold = cols.CASE_FOLD, cols.CHARGEBACK_FOLD, cols.TASK_FOLD
        self.cases.least = {"subject": cols.SUBJECT_LEAST}
        for page, frame, (columns, hidden), colors, search, ranks, values in (
                (self.cases, cases, cols.case_columns(self.departments, self.ctx.lang), data["case_colors"], data["case_search"],
                 data["case_ranks"], data["values"][0]),
                (self.chargebacks, cbs, cols.chargeback_columns(self.ctx.lang), data["cb_colors"], None, None, data["values"][1]),
                (self.tasks, tasks, cols.task_columns(self.departments, self.ctx.lang), data["task_colors"], None, None,
                 data["values"][2])):
            page.set_frame(frame, columns, hidden, widths, search, ranks, values)
            page.model.set_row_colors(colors)
        self._department_changed()
        editor = self.editors.currentWidget()
        shown = {self.case_editor: self.cases, self.cb_editor: self.chargebacks, self.task_editor: self.tasks}
        if editor in shown and editor.key is not None:   # the saved row stays the one in the panel
            shown[editor].select_key(editor.key)
        if getattr(self, "_sort_new_first", False):   # the store delivers these orders: show, don't re-sort
            self._sort_new_first = False
            for page, key, order in ((self.cases, "opened_on", Qt.SortOrder.DescendingOrder),
                                     (self.chargebacks, "raised_on", Qt.SortOrder.DescendingOrder),
                                     (self.tasks, "due_on", Qt.SortOrder.AscendingOrder)):
                header = page.view.horizontalHeader()
                header.blockSignals(True)
                keys = page.model.visible_keys()             # hidden in the Columns menu: no arrow at all
                header.setSortIndicator(keys.index(key) if key in keys else -1, order)
                header.blockSignals(False)
        QTimer.singleShot(200, self._prepare_search)   # idle time: first keystroke stays fast
        today = data["today"]
        from vendordesk.ui.tickets.forms import is_data_date

        data_date = is_data_date(self.ctx.workspace)
        self.today_panel.show_list(today, self.ctx.currency, self.today, data_date)
        self._show_week(cases, cbs, tasks, data_date)
        self.badge_changed.emit(str(today.count()) if today.count() else "")
        week = len(self.week.found)
        self.pages.setTabText(4, self.tr("This week (%1)").replace("%1", str(week)) if week else self.tr("This week"))
        titles = ((self.tr("Cases (%1)"), cases), (self.tr("Chargebacks && shortages (%1)"), cbs),
                  (self.tr("Tasks (%1)"), tasks))
        for i, (text, frame) in enumerate(titles):
            self.pages.setTabText(i, text.replace("%1", str(len(frame))))
        self._frames = (cases, cbs)
        if self.pages.currentIndex() == 3:
            self._page_changed(3)

    def _show_week(self, cases, cbs, tasks, data_date: bool) -> None:
        from vendordesk.core import agenda
        from vendordesk.ops.ticket_records import negotiation_cases

        found = agenda.items(cases.to_dict("records"), cbs.to_dict("records"), tasks.to_dict("records"),
                             negotiation_cases(self.ctx.workspace), self.today)
        self.week.show_items(found, self.today, self.ctx.currency, data_date=data_date)

    def _prepare_search(self) -> None:
        """Build the search text when idle; not while a load runs (it would slow the worker down)."""
        if self._loading is None:
            self.cases.model.prepare_search()

    def _page_changed(self, index: int) -> None:
        from vendordesk.ui.tickets import labels

        pairs = ((self.cases, self.case_editor), (self.chargebacks, self.cb_editor), (self.tasks, self.task_editor))
        if index < len(pairs):   # the side panel follows the page: its selected row, else stays as it is
            page, editor = pairs[index]
            key = page.current_key()
            if key is not None:
                self._show_editor(editor, key, page)

        if index != 3 or not hasattr(self, "_frames"):
            return
        if not hasattr(self.insight, "show_data"):
            from vendordesk.ui.tickets.insight import InsightPage

            self.pages.blockSignals(True)
            self.pages.removeTab(3)
            self.insight = InsightPage()
            self.insight.lang = self.ctx.lang
            self.pages.insertTab(3, self.insight, self.tr("Insight"))
            self.pages.setCurrentIndex(3)
            self.pages.blockSignals(False)
        self.insight.show_data(*self._frames, self.today, self.ctx.currency, labels.category_labels())

    def _case_toggle(self, frame):
        return self._attention

    def _department_changed(self) -> None:
        frame = self.tasks.model.frame()
        if frame is not None:
            dep = self.department.currentData()
            self.tasks.model.set_mask("department", None if dep is None else frame["department_id"] == dep)
            self.tasks._update_count()

    def _fit_editor(self, _index: int = 0) -> None:
        """The side panel is as tall as the editor shown, not as the tallest of the three (the
        chargeback form pushed the case's timeline and its "Add" row below the fold at 1920×1080)."""
        from PySide6.QtWidgets import QSizePolicy

        for i in range(self.editors.count()):
            widget = self.editors.widget(i)
            if widget is None:
                continue
            policy = QSizePolicy.Policy.Preferred if widget is self.editors.currentWidget() else QSizePolicy.Policy.Ignored
            widget.setSizePolicy(policy, policy)
        self.editors.adjustSize()

    def _show_editor(self, editor, key, page=None) -> None:
        """A row became current: show it, unless a reload moved the cursor of a page not in view
        (that used to swap the side panel to an unrelated case)."""
        if key is None or (page is not None and self.pages.currentWidget() is not page):
            return
        self.editors.setCurrentWidget(editor)
        if editor.key != key:
            editor.load(key)

    def _delete_row(self, page, editor) -> None:
        """The Delete key in a table: delete the selected row (asks first)."""
        key = page.current_key()
        if key is not None:
            self.editors.setCurrentWidget(editor)
            if editor.key != key:
                editor.load(key)
            self.delete_current(key)

    def _written(self, changes: Changes) -> None:
        self.changed.emit(changes)
        if self.ctx.services.get("main_window") is None:  # standalone (tests): refresh ourselves
            self.reload()
        editor = self.editors.currentWidget()
        pages = {self.case_editor: self.cases, self.cb_editor: self.chargebacks, self.task_editor: self.tasks}
        if isinstance(editor, FormEditor):
            pages[editor].select_key(editor.key)

    # --- actions -------------------------------------------------------------------------
    def new_case(self, prefill: dict | None = None) -> None:
        self.pages.setCurrentWidget(self.cases)
        self.cases.clear_selection()
        self.editors.setCurrentWidget(self.case_editor)
        self.case_editor.load(None, prefill)
        self.case_editor.fields["case_id"].setFocus()

    def new_chargeback(self) -> None:
        self.pages.setCurrentWidget(self.chargebacks)
        self.chargebacks.clear_selection()
        self.editors.setCurrentWidget(self.cb_editor)
        self.cb_editor.load(None)

    def new_task(self) -> None:
        self.pages.setCurrentWidget(self.tasks)
        self.tasks.clear_selection()
        self.editors.setCurrentWidget(self.task_editor)
        self.task_editor.load(None)
        if self.department.currentData():
            from vendordesk.ui.tickets.forms import set_combo

            set_combo(self.task_editor.fields["department_id"], self.department.currentData())

    def case_from_mail(self) -> None:
        from vendordesk.ui.tickets.mail import MailDialog

        case_id = MailDialog.ask(self.ctx, self)
        if case_id:
            self._written(Changes(tickets=True))
            self.open_item("case", case_id)

    def open_item(self, kind: str, key) -> None:
        if kind == "week":                 # the rest of a long group of the Today panel
            self.pages.setCurrentWidget(self.week)
            return
        if kind == "negotiation":
            window = self.ctx.services.get("main_window")
            if window is not None and hasattr(window, "open_negotiation"):
                window.open_negotiation(key)
            return
        page = {"case": self.cases, "chargeback": self.chargebacks, "task": self.tasks}[kind]
        editor = {"case": self.case_editor, "chargeback": self.cb_editor, "task": self.task_editor}[kind]
        self.pages.setCurrentWidget(page)
        if not page.select_key(key):
            page.status.setCurrentIndex(1)   # "All": the row may be filtered out
            page.search.clear()
            page.select_key(key)
        self.editors.setCurrentWidget(editor)
        editor.load(key)

    def _written_table(self, page, changes: Changes | None = None) -> None:
        self.changed.emit(changes or Changes(tickets=True))
        if self.ctx.services.get("main_window") is None:
            self.reload()
        self.pages.setCurrentWidget(page)

    def _say(self, text: str, error: bool = False) -> None:
        """A one-line result above the tables (the status bar while the tab is not built yet)."""
        if not self._built:
            window = self.ctx.services.get("main_window")
            if window is not None and text:
                window.statusBar().showMessage(text, 10_000)
            return
        self.message.setText(text)
        self.message.setStyleSheet("color: #c62828;" if error else "color: #2e7d32;")
        self.message.setVisible(bool(text))

    def confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Delete"), text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    # --- actions (vendordesk.ui.tickets.actions) --------------------------------------------
    def import_chargebacks(self) -> None:
        actions.import_chargebacks(self)

    def delete_current(self, key) -> None:
        actions.delete_current(self, key)

    def undo_delete(self) -> None:
        """Ctrl+Z in the tab and the undo button: the window's last step (a delete, an edit, a new
        entry); on its own, the tab's last delete."""
        actions.undo_delete(self)

    def _undo_step_changed(self, _index: int) -> None:
        if shiboken6.isValid(self):
            actions.show_undo(self)

    def undone(self, kind: str, shown, gone, said: str = "") -> None:
        """After an undo or redo of a ticket step: say so (``said``), reload, and show the record
        now under ``shown`` in its page and side panel (nothing if the step removed it)."""
        self._say(said)
        page = {"case": self.cases, "chargeback": self.chargebacks, "task": self.tasks}[kind]
        editor = {"case": self.case_editor, "chargeback": self.cb_editor, "task": self.task_editor}[kind]
        self._written_table(page)
        if shown is not None:
            self.editors.setCurrentWidget(editor)
            editor.load(shown)
            page.select_key(shown)
        elif editor.key in (gone, None):
            page.clear_selection()
            editor.load(None)

    def export(self, kind: str, path: str | None = None) -> None:
        actions.export(self, kind, path)

    def department_html(self) -> str:
        return actions.department_html(self)

    def print_department(self) -> None:
        actions.print_department(self)

    def department_pdf(self, path: str | None = None) -> None:
        actions.department_pdf(self, path)
