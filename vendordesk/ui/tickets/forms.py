"""Side-panel editors of the ticket log: the form base (messages next to fields), chargebacks, tasks."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from vendordesk.changes import Changes
from vendordesk.core import tickets as rules
from vendordesk.core.missing import is_missing
from vendordesk.ui import fmt
from vendordesk.ui.tickets import labels

ERROR_STYLE = "color: #c62828; font-size: 9pt;"
WARNING_STYLE = "color: #ef6c00; font-size: 9pt;"


def reference_day(ws) -> dt.date:
    """The ticket log's one "today" (``ops.ticket_records.log_today``: the demo's data date in the
    demo, else the calendar's). Everything in the tab uses it: the Today panel, the week view,
    "overdue", the dispute deadlines, and the dates a new case, task, status change or contact gets."""
    from vendordesk.ops.ticket_records import log_today

    return log_today(ws)


def is_data_date(ws) -> bool:
    """True in the demo workspace, where "today" is the data's date (``reference_day``)."""
    from vendordesk.ops.ticket_records import is_data_date as frozen

    return frozen(ws)


def combo(items: dict, editable: bool = False, empty: str | None = None) -> QComboBox:
    box = QComboBox()
    box.setEditable(editable)
    if empty is not None:
        box.addItem(empty, None)
    for value, label in items.items():
        box.addItem(label, value)
    return box


def set_combo(box: QComboBox, value) -> None:
    if isinstance(value, float) and is_missing(value):   # NaN from a DataFrame
        value = None
    index = box.findData(value)
    if index >= 0:
        box.setCurrentIndex(index)
    elif box.isEditable():
        box.setEditText(value or "")
    elif value:  # a stored value the list does not know: kept, shown as it is
        box.addItem(str(value), value)
        box.setCurrentIndex(box.count() - 1)
    else:
        box.setCurrentIndex(0)


def combo_value(box: QComboBox):
    if box.isEditable() and box.currentText() != box.itemText(box.currentIndex()):
        return box.currentText().strip() or None
    return box.currentData()


class FormEditor(QWidget):
    """A form whose every field has its own message line. Subclasses add fields and save().

    Signals:
        changed(Changes): the editor wrote to the workspace.
        delete_requested(object): the user asked to delete the shown record (its key).
        edited(ui.tickets.undo.Edit): a save, with the record before and after (for undo).
    """

    changed = Signal(object)
    delete_requested = Signal(object)
    edited = Signal(object)
    kind = ""                 # "case" | "chargeback" | "task": what ``before_write`` snapshots

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.key = None
        self.fields: dict[str, Any] = {}     # QLineEdit, QComboBox, QSpinBox or QPlainTextEdit
        self.messages: dict[str, QLabel] = {}
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(4, 4, 4, 4)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 12pt; font-weight: 600; color: #263238;")
        self.heading.setWordWrap(True)
        self.outer.addWidget(self.heading)
        self.clock_note = QLabel()     # the demo: new entries are dated to the data's date
        self.clock_note.setWordWrap(True)
        self.clock_note.setStyleSheet("color: #546e7a; font-size: 9pt;")
        self.clock_note.hide()
        self.outer.addWidget(self.clock_note)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setVerticalSpacing(3)
        self.outer.addLayout(self.form)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.clicked.connect(lambda: self.delete_requested.emit(self.key))
        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.save_button)
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.delete_button)

    def finish_layout(self) -> None:
        self.outer.addLayout(self.buttons)

    def before_write(self) -> tuple:
        """The record as it is before a save: (key, snapshot)."""
        from vendordesk.ui.tickets.undo import snapshot

        return self.key, snapshot(self.ctx.workspace, self.kind, self.key)

    def after_write(self, before: tuple) -> None:
        """Tell the tab what the save changed (``edited``), for Edit › Undo."""
        from vendordesk.ui.tickets.undo import Edit, snapshot

        key, old = before
        self.edited.emit(Edit(self.kind, key, old, self.key, snapshot(self.ctx.workspace, self.kind, self.key)))

    def add_field(self, key: str, label: str, widget: QWidget) -> Any:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(widget)
        message = QLabel()
        message.setWordWrap(True)
        message.hide()
        column.addWidget(message)
        self.fields[key] = widget
        self.messages[key] = message
        self.form.addRow(label, box)
        return widget

    def text(self, key: str) -> str:
        widget = self.fields[key]
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText().strip()
        return widget.text().strip()

    def today(self) -> dt.date:
        """The tab's "today" (``reference_day``): the date a new entry gets."""
        return reference_day(self.ctx.workspace)

    def show_clock_note(self, new: bool) -> None:
        """In the demo, a new entry says which day it is dated to (the data's date, not the calendar's)."""
        if new and is_data_date(self.ctx.workspace):
            self.clock_note.setText(self.tr("Demo: “today” is the data date %1; new entries are dated to it.")
                                    .replace("%1", fmt.date(self.today())))
            self.clock_note.show()
        else:
            self.clock_note.hide()

    def start_load(self, frame_of, key: int | None) -> dict:
        """Reset the messages, remember ``key`` and return its row from ``frame_of(ws)`` ({} if new)."""
        self.clear_problems()
        self.key = key
        self.show_clock_note(key is None)
        if key is None:
            return {}
        frame = frame_of(self.ctx.workspace)
        hit = frame[frame["id"] == key]
        return hit.iloc[0].to_dict() if len(hit) else {}

    def show_from_start(self) -> None:
        """Loaded text fields show their beginning (setText leaves the cursor at the end, so a long
        subject read "…der neuen Kostenpreise schlägt fehl" without its start)."""
        for widget in self.fields.values():
            if isinstance(widget, QLineEdit):
                widget.setCursorPosition(0)

    def clear_problems(self) -> None:
        for message in self.messages.values():
            message.clear()
            message.hide()

    def show_problem(self, key: str, text: str, severity: str = "error") -> None:
        message = self.messages.get(key)
        if message is None:
            return
        old = message.text()
        message.setText(f"{old}\n{text}" if old else text)
        message.setStyleSheet(ERROR_STYLE if severity == "error" else WARNING_STYLE)
        message.show()

    def show_problems(self, problems) -> bool:
        """Show core Problems; True when none of them is an error."""
        for problem in problems:
            self.show_problem(problem.field, labels.problem_text(problem.code, problem.detail), problem.severity)
        return not any(p.severity == "error" for p in problems)

    def read_date(self, key: str, problems: list) -> str | None:
        try:
            return rules.iso(rules.parse_date(self.text(key)))
        except ValueError:
            problems.append(rules.Problem(key, "date_invalid", "error", self.text(key)))
            return None

    def read_money(self, key: str, required: bool = True) -> float | None:
        text = self.text(key).replace("€", "").replace(" ", "")
        if not text and not required:
            return 0.0
        value, ok = QLocale().toDouble(text)
        if not ok:
            value, ok = QLocale(QLocale.Language.C).toDouble(text)
        if not ok:
            self.show_problem(key, self.tr("“%1” is not an amount. Use 1.234,56 or 1234.56.").replace("%1", text))
            return None
        return value

    def load(self, key: Any) -> None:
        raise NotImplementedError

    def save(self) -> bool | None:
        raise NotImplementedError


def date_hint() -> str:
    """A placeholder that shows the format, not a date that could be taken for a real one: the
    locale's own order and separator (TT.MM.JJJJ in German, DD/MM/YYYY in British English)."""
    from vendordesk.ui import fmt

    letters = {"d": QCoreApplication.translate("Tickets", "D", "the letter for 'day' in a date format"),
               "M": QCoreApplication.translate("Tickets", "M", "the letter for 'month' in a date format"),
               "y": QCoreApplication.translate("Tickets", "Y", "the letter for 'year' in a date format")}
    return "".join(letters.get(ch, ch) for ch in fmt.date_format())


def date_edit(placeholder: str | None = None) -> QLineEdit:
    """A date field: typed (01.03.2026, 1.3.26, 2026-03-01) or picked from a calendar (the icon)."""
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder or date_hint())
    action = edit.addAction(calendar_icon(), QLineEdit.ActionPosition.TrailingPosition)
    action.setToolTip(QCoreApplication.translate("Tickets", "Pick a date"))
    action.setObjectName("pick_date")
    action.triggered.connect(lambda: _pick_date(edit))
    return edit


_ICON: list = []


def calendar_icon():
    """A small calendar page (a red header over a grid of days), drawn once: the style's stock
    icons have no calendar, and the list icon used before did not say "pick a date"."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

    if _ICON:
        return _ICON[0]
    icon = QIcon()
    for size in (16, 24, 32):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        unit = size / 16
        page = QRectF(1.5 * unit, 2.5 * unit, 13 * unit, 12 * unit)
        painter.setPen(QPen(QColor("#546e7a"), max(1.0, unit)))
        painter.setBrush(QColor("white"))
        painter.drawRoundedRect(page, unit, unit)
        painter.fillRect(QRectF(page.left(), page.top(), page.width(), 3.5 * unit), QColor("#c62828"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#546e7a"))
        for row in range(3):
            for col in range(4):
                painter.drawRect(QRectF((3.5 + 2.5 * col) * unit, (7.5 + 2.2 * row) * unit, 1.5 * unit, 1.4 * unit))
        painter.end()
        icon.addPixmap(pixmap)
    _ICON.append(icon)
    return icon


def _pick_date(edit: QLineEdit) -> None:
    popup = QCalendarWidget(edit)
    popup.setWindowFlags(Qt.WindowType.Popup)
    popup.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    popup.setGridVisible(True)
    popup.setObjectName("date_popup")
    try:
        current = rules.parse_date(edit.text())
    except ValueError:
        current = None
    if current:
        popup.setSelectedDate(QDate(current.year, current.month, current.day))

    def chosen(day: QDate) -> None:
        edit.setText(fmt.date(dt.date(day.year(), day.month(), day.day()).isoformat()))
        popup.close()

    popup.clicked.connect(chosen)
    popup.activated.connect(chosen)
    popup.move(edit.mapToGlobal(edit.rect().bottomLeft()))
    popup.show()


class ChargebackEditor(FormEditor):
    kind = "chargeback"

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.add_field("kind", self.tr("Kind"), combo(labels.kinds()))
        self.add_field("external_id", self.tr("Amazon ID"), QLineEdit()).setPlaceholderText(
            self.tr("chargeback or claim ID from Vendor Central"))
        # Amazon's types (core.labels) in the UI language with Vendor Central's name in brackets;
        # editable: a type Amazon added since is typed in as it reads in Vendor Central
        types = combo(labels.chargeback_types(ctx.lang, with_term=True), editable=True)
        types.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        types.setMinimumContentsLength(16)    # the long names must not widen the side panel
        edit = types.lineEdit()               # a name longer than the box shows its beginning, not its end
        types.currentIndexChanged.connect(lambda _index: edit.setCursorPosition(0))
        for i in range(types.count()):
            types.setItemData(i, labels.amazon_term_tip(types.itemData(i), ctx.lang), Qt.ItemDataRole.ToolTipRole)
        self.add_field("type", self.tr("Type"), types)
        self.add_field("amount", self.tr("Amount"), QLineEdit())
        self.add_field("raised_on", self.tr("Raised on"), date_edit())
        self.add_field("dispute_due", self.tr("Dispute by"), date_edit(self.tr("empty: 30 days (chargeback)")))
        self.add_field("dispute_status", self.tr("Dispute"), combo(labels.dispute_statuses()))
        spin = QSpinBox()
        spin.setRange(0, 20)
        self.add_field("dispute_count", self.tr("Disputes"), spin)
        self.add_field("recovered_amount", self.tr("Recovered"), QLineEdit())
        self.add_field("po_number", self.tr("PO"), QLineEdit())
        self.add_field("asin", self.tr("ASIN"), QLineEdit())
        self.add_field("invoice_number", self.tr("Invoice"), QLineEdit())
        self.add_field("case_id", self.tr("Linked case"), QLineEdit())
        self.add_field("note", self.tr("Note"), QPlainTextEdit()).setMaximumHeight(60)
        self.deadline = QLabel()
        self.deadline.setWordWrap(True)
        self.outer.addWidget(self.deadline)
        self.finish_layout()
        self.outer.addStretch(1)

    def load(self, cb_id: int | None) -> None:
        from vendordesk.ops.ticket_records import chargebacks_frame

        row = self.start_load(chargebacks_frame, cb_id)
        self.heading.setText(self.tr("Chargeback or shortage claim") if cb_id is None
                             else self.tr("Chargeback %1").replace("%1", str(row.get("external_id") or cb_id)))
        set_combo(self.fields["kind"], row.get("kind", "chargeback"))
        from vendordesk.core.labels import amazon_chargeback_term

        stored = row.get("type")
        set_combo(self.fields["type"], amazon_chargeback_term(stored) or stored)   # "PO on-time accuracy" too
        self.fields["type"].lineEdit().setCursorPosition(0)
        set_combo(self.fields["dispute_status"], row.get("dispute_status", "open"))
        self.fields["amount"].setText(fmt.number(row["amount"], 2) if row.get("amount") is not None else "")
        self.fields["recovered_amount"].setText(fmt.number(row.get("recovered_amount") or 0, 2))
        self.fields["dispute_count"].setValue(int(row.get("dispute_count") or 0))
        for key in ("raised_on", "dispute_due"):
            self.fields[key].setText(fmt.date(row[key]) if row.get(key) else "")
        for key in ("external_id", "po_number", "asin", "invoice_number", "case_id"):
            self.fields[key].setText(str(row.get(key) or "") if row.get(key) == row.get(key) else "")
        self.fields["note"].setPlainText(row.get("note") or "")
        self.delete_button.setVisible(cb_id is not None)
        self.show_from_start()
        self._show_deadline(row)

    def _show_deadline(self, row: dict) -> None:
        due = rules.parse_date(row.get("dispute_due")) if row.get("dispute_due") else None
        today = self.today()
        if not row:
            self.deadline.clear()
        elif row["kind"] == "shortage" and row["dispute_status"] == "open" and today < self._opens(row):
            self.deadline.setText(self.tr("Shortage: Amazon's automated matching runs until %1; dispute from %2.")
                                  .replace("%1", fmt.date(self._opens(row) - dt.timedelta(days=1)))
                                  .replace("%2", fmt.date(self._opens(row))))
            self.deadline.setStyleSheet("color: #546e7a;")
        elif rules.can_dispute(row["kind"], row["dispute_status"], int(row["dispute_count"]), due, today):
            left = rules.days_left(due, today)
            self.deadline.setText(self.tr("Disputable: %n day(s) left.", "", left) if left is not None
                                  else self.tr("Disputable."))
            self.deadline.setStyleSheet("color: #c62828; font-weight: 600;" if (left or 99) <= 7 else "")
        else:
            self.deadline.setText(self.tr("Not disputable any more (settled, deadline passed or two disputes used)."))
            self.deadline.setStyleSheet("color: #607d8b;")

    @staticmethod
    def _opens(row: dict) -> dt.date:
        """A shortage claim is raised ~5 days before the invoice is due; disputes open 35 days after that."""
        raised = rules.parse_date(row["raised_on"]) or dt.date.min
        return rules.shortage_timeline(raised + dt.timedelta(days=rules.SHORTAGE_CLAIM_LEAD_DAYS)).dispute_opens

    def save(self) -> None:
        from vendordesk.ops import ticket_records as records

        self.clear_problems()
        problems: list = []
        amount = self.read_money("amount")
        recovered = self.read_money("recovered_amount", required=False)
        raised = self.read_date("raised_on", problems)
        due = self.read_date("dispute_due", problems)
        if not self.text("raised_on") and not problems:
            self.show_problem("raised_on", self.tr("Enter the date the chargeback was raised."))
            return
        case_id = self.text("case_id") or None
        if case_id and case_id not in records.case_ids(self.ctx.workspace):
            self.show_problem("case_id", self.tr("There is no case %1. Add the case first or clear the field.")
                              .replace("%1", case_id))
            return
        if not self.show_problems(problems) or amount is None or recovered is None:
            return
        kind = self.fields["kind"].currentData()
        values = {"external_id": self.text("external_id") or None,
                  "kind": kind, "type": combo_value(self.fields["type"]), "amount": abs(amount),
                  "currency": self.ctx.currency, "raised_on": raised,
                  "dispute_due": due or rules.default_dispute_due(kind, rules.parse_date(raised) or dt.date.min).isoformat(),
                  "dispute_status": self.fields["dispute_status"].currentData(),
                  "dispute_count": self.fields["dispute_count"].value(), "recovered_amount": abs(recovered),
                  "po_number": self.text("po_number") or None, "asin": self.text("asin").upper() or None,
                  "invoice_number": self.text("invoice_number") or None, "case_id": case_id,
                  "note": self.text("note") or None}
        before = self.before_write()
        if self.key is None:
            self.key = records.add_chargeback(self.ctx.workspace, values)
        else:
            records.update_chargeback(self.ctx.workspace, self.key, values)
        self.after_write(before)
        self.changed.emit(Changes(tickets=True))
        self.load(self.key)


class TaskEditor(FormEditor):
    kind = "task"

    def __init__(self, ctx, departments: dict[str, str], parent=None):
        super().__init__(ctx, parent)
        self.add_field("title", self.tr("What"), QLineEdit())
        self.add_field("department_id", self.tr("Department"), combo(departments))
        self.add_field("assignee", self.tr("Who"), QLineEdit())
        self.add_field("due_on", self.tr("Due"), date_edit())
        self.add_field("status", self.tr("Status"), combo(labels.task_statuses()))
        self.add_field("reason", self.tr("Why"), QPlainTextEdit()).setMaximumHeight(60)
        self.add_field("case_id", self.tr("Linked case"), QLineEdit())
        self.add_field("gear", self.tr("Gear"), combo(labels.gears(ctx.lang), empty="–"))
        self.add_field("asin", self.tr("ASIN"), QLineEdit())
        self.finish_layout()
        self.outer.addStretch(1)

    def load(self, task_id: int | None) -> None:
        from vendordesk.ops.ticket_records import tasks_frame

        row = self.start_load(tasks_frame, task_id)
        self.heading.setText(self.tr("New task") if task_id is None else self.tr("Task"))
        set_combo(self.fields["gear"], None if is_missing(row.get("gear")) else row.get("gear"))
        for key in ("title", "assignee", "case_id", "asin"):
            value = row.get(key)
            self.fields[key].setText(str(value) if not is_missing(value) else "")
        self.fields["reason"].setPlainText(row.get("reason") or "")
        self.fields["due_on"].setText(fmt.date(row["due_on"]) if row.get("due_on") else "")
        set_combo(self.fields["department_id"], row.get("department_id"))
        set_combo(self.fields["status"], row.get("status", "open"))
        self.delete_button.setVisible(task_id is not None)
        self.show_from_start()

    def save(self) -> None:
        from vendordesk.ops import ticket_records as records

        self.clear_problems()
        problems: list = []
        due = self.read_date("due_on", problems)
        if not self.text("title"):
            self.show_problem("title", self.tr("Enter what you need from the department."))
            return
        case_id = self.text("case_id") or None
        if case_id and case_id not in records.case_ids(self.ctx.workspace):
            self.show_problem("case_id", self.tr("There is no case %1. Add the case first or clear the field.")
                              .replace("%1", case_id))
            return
        if not self.show_problems(problems):
            return
        status = self.fields["status"].currentData()
        values = {"title": self.text("title"), "reason": self.text("reason") or None,
                  "department_id": self.fields["department_id"].currentData(),
                  "assignee": self.text("assignee") or None, "due_on": due, "status": status,
                  "case_id": case_id, "gear": self.fields["gear"].currentData(), "asin": self.text("asin").upper() or None,
                  "done_on": self.today().isoformat() if status == "done" else None}
        before = self.before_write()
        if self.key is None:
            values["created_on"] = self.today().isoformat()
            self.key = records.add_task(self.ctx.workspace, values)
        else:
            records.save_task(self.ctx.workspace, self.key, values)
        self.after_write(before)
        self.changed.emit(Changes(tickets=True))
        self.load(self.key)
