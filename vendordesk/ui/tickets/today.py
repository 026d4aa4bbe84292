"""The "today" panel: follow-ups due, overdue tasks, dispute deadlines within 7 days."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from vendordesk.core.agenda import chargeback_reference
from vendordesk.ui import fmt
from vendordesk.ui.tickets import labels


class TodayPanel(QWidget):
    """Signals:
    open_item(str, object): ("case" | "task" | "chargeback", key) was double-clicked; ("week", None)
    for the line that stands for the rest of a long group.

    Each group shows its first ``LIMIT`` lines (the most overdue) and then one line for the rest,
    so all three groups fit at 1280×720 (18 follow-ups filled the panel and hid the deadlines)."""

    LIMIT = 3

    open_item = Signal(str, object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.departments: dict[str, str] = {}
        self.lang = "en"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(self.tr("Today"))
        self.title.setStyleSheet("font-size: 12pt; font-weight: 600; color: #263238;")
        layout.addWidget(self.title)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(10)
        self.tree.setProperty("desk_check_quoted", True)   # lines quote case subjects and task titles
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemDoubleClicked.connect(self._activated)
        # room for the three headings, their first lines and the "more" lines even at 1280×720 (the
        # editor below scrolls)
        self.tree.setMinimumHeight((3 + 3 * (self.LIMIT + 1)) * (self.tree.fontMetrics().lineSpacing() + 1) + 8)
        layout.addWidget(self.tree)

    def show_list(self, today_list, currency: str, today, data_date: bool = False) -> None:
        """Fill from a core.tickets.TodayList. ``data_date``: ``today`` is the data's date (the demo's
        frozen end), not the calendar's; the title says so."""
        self.tree.clear()
        title = self.tr("Data as of %1") if data_date else self.tr("Today, %1")
        self.title.setText(title.replace("%1", fmt.date(today)))
        groups = (   # each list oldest date first: what is most overdue comes first
            (self.tr("Follow-ups due (%1)"), today_list.follow_ups.sort_values("next_follow_up", kind="stable"),
             self._case_line, "case"),
            (self.tr("Overdue tasks (%1)"), today_list.overdue_tasks.sort_values("due_on", kind="stable"),
             self._task_line, "task"),
            (self.tr("Dispute deadlines within 7 days (%1)"),
             today_list.deadlines.sort_values("dispute_due", kind="stable"),
             lambda r: self._deadline_line(r, currency), "chargeback"),
        )
        bold = QFont()
        bold.setBold(True)
        for title, frame, line, kind in groups:
            group = QTreeWidgetItem([title.replace("%1", str(len(frame)))])
            group.setFont(0, bold)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(group)
            for row in frame.head(self.LIMIT).itertuples(index=False):
                key = row.case_id if kind == "case" else int(row.id)
                item = QTreeWidgetItem([line(row)])
                item.setData(0, Qt.ItemDataRole.UserRole, (kind, key))
                item.setToolTip(0, line(row))
                group.addChild(item)
            if len(frame) > self.LIMIT:
                rest = len(frame) - self.LIMIT
                more = QTreeWidgetItem([self.tr("… %n more: see “This week”", "", rest)])
                more.setData(0, Qt.ItemDataRole.UserRole, ("week", None))
                more.setForeground(0, QBrush(QColor("#1565c0")))
                group.addChild(more)
            if len(frame) == 0:
                none = QTreeWidgetItem([self.tr("Nothing due.")])
                none.setForeground(0, QBrush(QColor("#90a4ae")))
                group.addChild(none)
            group.setExpanded(True)

    def _case_line(self, row) -> str:
        return f"{fmt.date(row.next_follow_up)} · {row.case_id} · {row.subject}"

    def _task_line(self, row) -> str:
        department = self.departments.get(row.department_id, row.department_id or "–")
        return f"{fmt.date(row.due_on)} · {department} · {row.title}"

    def _deadline_line(self, row, currency: str) -> str:
        return f"{fmt.date(row.dispute_due)} · {fmt.money(row.amount, row.currency or currency)} · " \
               f"{labels.chargeback_what(row, self.lang)} {chargeback_reference(row._asdict())}"

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        data = item.data(0, Qt.ItemDataRole.UserRole)
        if data:
            self.open_item.emit(data[0], data[1])
