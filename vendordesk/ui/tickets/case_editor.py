"""The case editor of the side panel: all fields, messages next to them, and the timeline."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTextEdit,
)

from vendordesk.changes import Changes
from vendordesk.core import tickets as rules
from vendordesk.ui import fmt
from vendordesk.ui.tickets import labels
from vendordesk.ui.tickets.forms import FormEditor, combo, date_edit, set_combo


def event_text(kind: str, text: str | None) -> str:
    """A timeline entry's text: a status event stores the status key ("resolved") and is shown by its
    label in the UI language; contacts and notes as written (older status events kept a label)."""
    if kind == "status" and text:
        return labels.case_statuses().get(text, text)
    return text or ""


def split_refs(text: str) -> list[str]:
    return [part for part in text.replace(",", " ").replace(";", " ").split() if part]


class WrappedLine(QTextEdit):
    """A one-line text (a case's subject) that wraps onto up to three lines to show all of itself: a
    line edit cut a long subject at its edge ("… schlägt fehl (Fehler 854"). Enter adds no line
    break; a pasted one becomes a space. ``text()`` and ``setText()`` as a QLineEdit's."""

    MAX_LINES = 3

    _one_line = 0        # a line edit's height (measured once, without a parent)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.document().setDocumentMargin(2)
        self.document().contentsChanged.connect(self._fit_height)
        self._fit_height()

    def text(self) -> str:
        return " ".join(self.toPlainText().split("\n"))

    def setText(self, text: str) -> None:
        self.setPlainText(" ".join((text or "").splitlines()))
        self.moveCursor(self.textCursor().MoveOperation.Start)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.ignore()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source) -> None:
        self.insertPlainText(" ".join(source.text().splitlines()))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        document = self.document()
        document.setTextWidth(self.viewport().width())
        line = self.fontMetrics().lineSpacing()
        frame = 2 * self.frameWidth()
        margin = 2 * int(document.documentMargin())
        lines = max(1, min(self.MAX_LINES, round((document.size().height() - margin) / line)))
        if not WrappedLine._one_line:
            WrappedLine._one_line = QLineEdit().sizeHint().height()   # as high as the fields around it
        height = max(WrappedLine._one_line, lines * line + margin + frame)
        if self.height() != height or self.minimumHeight() != height:
            self.setFixedHeight(height)


class CaseEditor(FormEditor):
    """Edit one case (``load(case_id)``) or a new one (``load(None, prefill)``)."""

    kind = "case"

    def __init__(self, ctx, departments: dict[str, str], parent=None):
        super().__init__(ctx, parent)
        self.add_field("case_id", self.tr("Case ID"), QLineEdit())
        self.add_field("subject", self.tr("Subject"), WrappedLine())
        self.add_field("status", self.tr("Status"), combo(labels.case_statuses()))
        self.add_field("category", self.tr("Category"), combo(labels.categories(), empty="–"))
        self.add_field("opened_on", self.tr("Opened"), date_edit())
        self.add_field("last_contact_on", self.tr("Last contact"), date_edit())
        self.add_field("next_follow_up", self.tr("Follow-up"), date_edit())
        self.add_field("resolved_on", self.tr("Resolved on"), date_edit(self.tr("set when resolved")))
        spin = QSpinBox()
        spin.setRange(0, 5)
        self.add_field("escalation_level", self.tr("Escalation"), spin)
        self.add_field("owner_department", self.tr("Department"), combo(departments, empty="–"))
        self.add_field("gear", self.tr("Gear"), combo(labels.gears(ctx.lang), empty="–"))
        self.add_field("asins", self.tr("ASINs"), QLineEdit()).setPlaceholderText(self.tr("B0… separated by spaces"))
        self.add_field("pos", self.tr("POs"), QLineEdit())
        self.add_field("invoices", self.tr("Invoices"), QLineEdit())
        self.add_field("notes", self.tr("Notes"), QPlainTextEdit()).setMaximumHeight(54)
        self.finish_layout()
        self._build_timeline()

    def _build_timeline(self) -> None:
        title = QLabel(self.tr("Timeline"))
        title.setStyleSheet("font-weight: 600; margin-top: 6px;")
        self.outer.addWidget(title)
        self.timeline = QListWidget()
        self.timeline.setWordWrap(True)
        self.timeline.setProperty("desk_check_quoted", True)   # the contacts and notes as written
        self.timeline.setMinimumHeight(80)
        # it takes the room left over, not a preferred 192 px of its own: with that, the form was
        # a few pixels taller than the side panel at 1920×1080 and the "Add" row fell below the fold
        self.timeline.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.outer.addWidget(self.timeline, 1)
        row = QHBoxLayout()
        self.event_kind = QComboBox()
        for value, label in labels.event_kinds().items():
            if value != "status":
                self.event_kind.addItem(label, value)
        self.event_text = QLineEdit()
        self.event_text.setPlaceholderText(self.tr("What happened…"))
        self.event_text.returnPressed.connect(self.add_event)
        self.event_button = QPushButton(self.tr("Add"))
        self.event_button.clicked.connect(self.add_event)
        row.addWidget(self.event_kind)
        row.addWidget(self.event_text, 1)
        row.addWidget(self.event_button)
        self.outer.addLayout(row)

    # --- load --------------------------------------------------------------------------
    def load(self, case_id: str | None, prefill: dict | None = None) -> None:
        from vendordesk.ops.ticket_records import get_case, list_events

        self.clear_problems()
        self.key = case_id
        self.show_clock_note(not case_id)
        case = (get_case(self.ctx.workspace, case_id) if case_id else None) or {}
        case = {**case, **(prefill or {})}
        if not case_id and "opened_on" not in case:
            case["opened_on"] = self.today().isoformat()
        self.heading.setText(self.tr("New case") if not case_id else self.tr("Case %1").replace("%1", case_id))
        set_combo(self.fields["gear"], case.get("gear"))
        for key in ("case_id", "subject"):
            self.fields[key].setText(case.get(key) or "")
        for key in ("opened_on", "last_contact_on", "next_follow_up", "resolved_on"):
            self.fields[key].setText(fmt.date(case[key]) if case.get(key) else "")
        for key in ("asins", "pos", "invoices"):
            self.fields[key].setText(" ".join(case.get(key) or []))
        set_combo(self.fields["status"], case.get("status") or "open")
        self._stored_category = case.get("category")
        set_combo(self.fields["category"], rules.category_key(self._stored_category) or self._stored_category)
        set_combo(self.fields["owner_department"], case.get("owner_department"))
        self.fields["escalation_level"].setValue(int(case.get("escalation_level") or 0))
        self.fields["notes"].setPlainText(case.get("notes") or "")
        self.delete_button.setVisible(bool(case_id))
        self.show_from_start()
        for widget in (self.event_kind, self.event_text, self.event_button):
            widget.setEnabled(bool(case_id))
        self.timeline.clear()
        kinds = labels.event_kinds()
        for event in (list_events(self.ctx.workspace, case_id) if case_id else []):
            item = QListWidgetItem(f"{fmt.date(event['happened_on'])} · {kinds.get(event['kind'], event['kind'])}\n"
                                   f"{event_text(event['kind'], event['text'])}")
            item.setData(Qt.ItemDataRole.UserRole, event["id"])
            self.timeline.addItem(item)
        if not case_id:
            self.timeline.addItem(self.tr("Save the case to add contacts and notes."))
        elif not self.timeline.count():
            self.timeline.addItem(self.tr("No contacts or notes yet. Add one below."))
        self.timeline.scrollToBottom()

    def _category(self):
        """The picked key; an unchanged Amazon name ("Costs") stays as it was stored."""
        key = self.fields["category"].currentData()
        stored = getattr(self, "_stored_category", None)
        return stored if key is not None and rules.category_key(stored) == key else key

    def values(self, problems: list) -> dict:
        values = {"case_id": self.text("case_id"), "subject": self.text("subject"),
                  "status": self.fields["status"].currentData(), "category": self._category(),
                  "escalation_level": self.fields["escalation_level"].value(),
                  "owner_department": self.fields["owner_department"].currentData(),
                  "gear": self.fields["gear"].currentData(), "notes": self.text("notes") or None,
                  "asins": [a.upper() for a in split_refs(self.text("asins"))],
                  "pos": split_refs(self.text("pos")), "invoices": split_refs(self.text("invoices"))}
        for key in ("opened_on", "last_contact_on", "next_follow_up", "resolved_on"):
            values[key] = self.read_date(key, problems)
        if values["status"] == "resolved" and not values["resolved_on"] and not problems:
            values["resolved_on"] = self.today().isoformat()
        return values

    # --- save ----------------------------------------------------------------------------
    def save(self) -> bool:
        from vendordesk.ops import ticket_records as records
        from vendordesk.ops.tickets import save_case

        self.clear_problems()
        problems: list = []
        values = self.values(problems)
        existing = records.case_ids(self.ctx.workspace) - ({self.key} if self.key else set())
        problems += rules.validate_case(values, (), records.known_asins(self.ctx.workspace))
        duplicate = values["case_id"] in existing
        if not self.show_problems(problems):
            return False
        ws = self.ctx.workspace
        before = None if duplicate else self.before_write()   # a merge into another case is not undone
        if duplicate:
            if not self.ask_merge(values["case_id"]):
                self.show_problem("case_id", labels.problem_text("case_id_duplicate", values["case_id"]))
                return False
            save_case(ws, values["case_id"], values, merge=True)
            if self.key:
                records.delete_record(ws, "case", self.key)
            self.key = values["case_id"]
        elif self.key is None:
            self.key = records.store_case(ws, values)
        else:
            old = records.get_case(ws, self.key) or {}
            save_case(ws, self.key, values)
            if old.get("status") != values["status"]:
                # the key, not its label: the timeline shows it in whatever language the KAM uses then
                records.add_event(ws, values["case_id"], self.today().isoformat(), "status", values["status"],
                                touch=False)
            self.key = values["case_id"]
        if before is not None:
            self.after_write(before)
        self.changed.emit(Changes(tickets=True))
        warnings = [p for p in problems if p.severity != "error"]
        self.load(self.key)
        self.show_problems(warnings)
        return True

    def ask_merge(self, case_id: str) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Case exists"),
            self.tr("Case %1 is already in the log. Merge what you entered into it?\n"
                    "Filled-in fields replace the old ones; links are added.").replace("%1", case_id),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def add_event(self) -> None:
        from vendordesk.ops.ticket_records import add_event

        text = self.event_text.text().strip()
        if not self.key or not text:
            return
        add_event(self.ctx.workspace, self.key, self.today().isoformat(), self.event_kind.currentData(), text)
        self.event_text.clear()
        self.changed.emit(Changes(tickets=True))
        self.load(self.key)
