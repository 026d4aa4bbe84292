"""Paste an Amazon case e-mail: recognised fields are shown for confirmation, then saved."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from vendordesk.core import tickets as rules
from vendordesk.ui import fmt
from vendordesk.ui.tickets import labels
from vendordesk.ui.tickets.forms import ERROR_STYLE, combo, date_edit, reference_day, set_combo


def _stacked(field: QWidget, message: QLabel) -> QWidget:
    """A field with its message line below; the line takes no space while empty."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(1)
    column.addWidget(field)
    column.addWidget(message)
    message.setWordWrap(True)
    message.setVisible(False)
    return box


def _say(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


class MailDialog(QDialog):
    """Paste, check what was found, save. ``result_case_id`` is set after a save."""

    def __init__(self, ctx, parent=None, text: str = ""):
        super().__init__(parent)
        self.ctx = ctx
        self.result_case_id: str | None = None
        self.setWindowTitle(self.tr("Case from an Amazon e-mail"))
        self.resize(720, 560)
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("Paste the whole e-mail from Vendor Central support (English or German). "
                              "Check the fields found below, then save."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("Paste the e-mail here…"))
        self.text.textChanged.connect(self.recognise)
        layout.addWidget(self.text, 1)
        form = QFormLayout()
        self.case_id = QLineEdit()
        self.case_id.textChanged.connect(self._update_target)
        self.case_message = QLabel()
        self.case_message.setWordWrap(True)
        self.subject = QLineEdit()
        self.subject_message = QLabel()
        self.subject_message.setStyleSheet(ERROR_STYLE)
        self.sent_on = date_edit()
        self.date_message = QLabel()
        self.date_message.setStyleSheet(ERROR_STYLE)
        self.status = combo(labels.case_statuses())
        form.addRow(self.tr("Case ID"), _stacked(self.case_id, self.case_message))
        form.addRow(self.tr("Subject"), _stacked(self.subject, self.subject_message))
        form.addRow(self.tr("E-mail date"), _stacked(self.sent_on, self.date_message))
        form.addRow(self.tr("Status"), self.status)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._update_target()
        if text:
            self.text.setPlainText(text)

    def recognise(self) -> None:
        mail = rules.parse_case_email(self.text.toPlainText())
        self.case_id.setText(mail.case_id or "")
        self.subject.setText(mail.subject or "")
        self.sent_on.setText(fmt.date(mail.sent_on) if mail.sent_on else "")
        set_combo(self.status, mail.status or "open")
        self._update_target()
        if mail.case_id is None and self.text.toPlainText().strip():
            self._message(labels.problem_text("mail_no_case_id"), error=True)

    def _existing(self) -> bool:
        from vendordesk.ops.ticket_records import case_ids

        return self.case_id.text().strip() in case_ids(self.ctx.workspace)

    def _message(self, text: str, error: bool = False) -> None:
        _say(self.case_message, text)
        self.case_message.setStyleSheet(ERROR_STYLE if error else "color: #2e7d32; font-size: 9pt;")

    def _update_target(self) -> None:
        case_id = self.case_id.text().strip()
        if not case_id:
            self._message("")
        elif self._existing():
            self._message(self.tr("Case %1 is in the log: this e-mail updates it and is added to its timeline.")
                          .replace("%1", case_id))
        else:
            self._message(self.tr("A new case %1 will be created.").replace("%1", case_id))

    def save(self) -> None:
        from vendordesk.ops import ticket_records as records
        from vendordesk.ops.tickets import save_case

        _say(self.subject_message, "")
        _say(self.date_message, "")
        case_id = self.case_id.text().strip()
        try:
            sent = rules.parse_date(self.sent_on.text()) or reference_day(self.ctx.workspace)
        except ValueError:
            _say(self.date_message, labels.problem_text("date_invalid", self.sent_on.text()))
            return
        if not case_id:
            self._message(labels.problem_text("mail_no_case_id"), error=True)
            return
        existing = self._existing()
        if not existing and not self.subject.text().strip():
            _say(self.subject_message, labels.problem_text("subject_missing"))
            return
        values = {"case_id": case_id, "subject": self.subject.text().strip(), "status": self.status.currentData(),
                  "last_contact_on": sent.isoformat()}
        if values["status"] == "resolved":
            values["resolved_on"] = sent.isoformat()
        ws = self.ctx.workspace
        if existing:
            save_case(ws, case_id, values, merge=True)
        else:
            records.store_case(ws, {**values, "opened_on": sent.isoformat()})
        records.add_event(ws, case_id, sent.isoformat(), "contact_in", self._excerpt())
        self.result_case_id = case_id
        self.accept()

    def _excerpt(self) -> str:
        lines = [line.strip() for line in self.text.toPlainText().splitlines() if line.strip()]
        return "\n".join(lines[:12])[:1500]

    @classmethod
    def ask(cls, ctx, parent=None) -> str | None:
        """Run the dialog; the saved case ID or None. (Tests monkeypatch this.)"""
        dialog = cls(ctx, parent)
        dialog.exec()
        return dialog.result_case_id

