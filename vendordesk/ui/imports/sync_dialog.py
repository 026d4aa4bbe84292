"""File › Sync with Amazon (SP-API)…: choose reports and period, fetch and import in a worker.

Nothing goes online before the user clicks "Start sync". Options are validated first
(vendordesk.sync.plan); the run shows progress and can be cancelled; documents fetched so far
stay in the workspace, so the next sync resumes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from vendordesk import secrets
from vendordesk import settings as st
from vendordesk.changes import Changes
from vendordesk.errors import Cancelled, UserError
from vendordesk.sync import plan
from vendordesk.text import localized
from vendordesk.ui import fmt
from vendordesk.ui.errors import user_text
from vendordesk.ui.fmt import date_edit
from vendordesk.ui.settings.credentials import rotation_text
from vendordesk.ui.workers import TaskProgress


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(qdate: QDate) -> dt.date:
    return dt.date(qdate.year(), qdate.month(), qdate.day())


class SyncDialog(QDialog):
    """``today``: the day the proposal and the checks count from (default: the computer's)."""

    def __init__(self, window, today: dt.date | None = None):
        super().__init__(window)
        self.window_ = window
        self.today = today or dt.date.today()
        self.settings = st.load()
        self.task: Any = None          # the running sync (ui.workers.Task)
        self.progress: TaskProgress | None = None
        self.setWindowTitle(self.tr("Sync with Amazon (SP-API)"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.addWidget(self._reports_box())
        layout.addWidget(self._period_box())
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox()
        self.start = buttons.addButton(self.tr("Start sync"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.settings_button = buttons.addButton(self.tr("Settings…"), QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.start.clicked.connect(self.start_sync)
        self.settings_button.clicked.connect(self._open_settings)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._show_credentials_state()

    def _report_names(self) -> dict[str, str]:
        return {"GET_VENDOR_SALES_REPORT": self.tr("Sales"), "GET_VENDOR_TRAFFIC_REPORT": self.tr("Traffic"),
                "GET_VENDOR_INVENTORY_REPORT": self.tr("Inventory"),
                "GET_VENDOR_NET_PURE_PRODUCT_MARGIN_REPORT": self.tr("Net PPM"),
                "GET_VENDOR_FORECASTING_REPORT": self.tr("Amazon forecast (latest)")}

    def _reports_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Reports"))
        row = QHBoxLayout(box)
        self.checks: dict[str, QCheckBox] = {}
        for report_type, name in self._report_names().items():
            check = QCheckBox(name)
            check.setChecked(report_type in self.settings.sync_report_types)
            row.addWidget(check)
            self.checks[report_type] = check
        row.addStretch(1)
        return box

    def _period_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Period"))
        form = QFormLayout(box)
        self.period = QComboBox()
        for code, text in (("WEEK", self.tr("Weeks (Sunday to Saturday)")), ("DAY", self.tr("Days")),
                           ("MONTH", self.tr("Months"))):
            self.period.addItem(text, code)
        form.addRow(self.tr("Grain:"), self.period)
        from vendordesk.ops.sync import proposed_period

        start, end, why, known = proposed_period(self.window_.ctx.workspace, self.today)
        self.start_date, self.end_date = QDateEdit(_qdate(start)), QDateEdit(_qdate(end))
        for edit in (self.start_date, self.end_date):
            date_edit(edit)
        dates = QHBoxLayout()
        dates.addWidget(self.start_date)
        dates.addWidget(QLabel("–"))
        dates.addWidget(self.end_date)
        last4 = QPushButton(self.tr("Last 4 weeks"))
        last4.clicked.connect(self._last_four_weeks)
        dates.addWidget(last4)
        dates.addStretch(1)
        form.addRow(self.tr("From – to:"), dates)
        self.proposal = QLabel(self._proposal_text(why, known, end))
        self.proposal.setWordWrap(True)
        self.proposal.setStyleSheet("color: #37474f;")
        form.addRow("", self.proposal)
        self.view = QComboBox()
        self.view.addItem(self.tr("Manufacturing"), "MANUFACTURING")
        self.view.addItem(self.tr("Sourcing"), "SOURCING")
        form.addRow(self.tr("Distributor view:"), self.view)
        self.program = QComboBox()
        for code, text in (("RETAIL", self.tr("Retail")), ("BUSINESS", self.tr("Business")), ("FRESH", self.tr("Fresh"))):
            self.program.addItem(text, code)
        form.addRow(self.tr("Selling program:"), self.program)
        hint = QLabel(self.tr("Week ranges are widened to whole Amazon weeks; day ranges longer than 15 days "
                              "are split into several requests."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #607d8b;")
        form.addRow("", hint)
        return box

    def _proposal_text(self, why: str, known: dt.date | None, end: dt.date) -> str:
        """Why these dates: the data (or the last sync) ends on ..., the last full week on ..."""
        last = fmt.date(end)
        if why == "no_data" or known is None:
            return self.tr("No data in this workspace yet: proposed are the last 4 full weeks, to %1.").replace(
                "%1", last)
        texts = {
            "after_data": self.tr("Your data runs to %1: proposed is the time since then, to the last full week "
                                  "(%2)."),
            "after_sync": self.tr("The last sync fetched up to %1: proposed is the time since then, to the last full "
                                  "week (%2)."),
            "up_to_date": self.tr("Your data runs to %1, past the last full week (%2): proposed are the last 4 weeks "
                                  "again, which Amazon may still revise."),
            "lookback": self.tr("Your data runs to %1; Amazon keeps only the last 4 years: proposed is what it still "
                                "has, to the last full week (%2)."),
        }
        return texts.get(why, texts["after_data"]).replace("%1", fmt.date(known)).replace("%2", last)

    def _last_four_weeks(self) -> None:
        self.period.setCurrentIndex(self.period.findData("WEEK"))
        start, end = plan.last_full_weeks(4, self.today)
        self.start_date.setDate(_qdate(start))
        self.end_date.setDate(_qdate(end))

    def _show_credentials_state(self) -> None:
        store = secrets.store()
        lines, ready = [], store.load() is not None
        if not ready:
            lines.append(self.tr("SP-API credentials are missing. Enter them in Settings › SP-API first."))
        reminder = rotation_text(self.settings.lwa_secret_set_on)
        if reminder and st.secret_rotation(self.settings.lwa_secret_set_on)[1] != "ok":
            lines.append(reminder)
        if store.session_only:
            lines.append(self.tr("The credentials are kept for this session only (no password store)."))
        self.status.setText("\n".join(lines))
        self.status.setStyleSheet("color: #b71c1c;" if not ready else "color: #e65100;")
        self.start.setEnabled(ready)

    def _open_settings(self) -> None:
        from vendordesk.ui.settings.tab import open_settings

        open_settings(self.window_)
        self.settings = st.load()
        self._show_credentials_state()

    # --- running ----------------------------------------------------------------------
    def requests(self) -> list[plan.ReportRequest]:
        """The validated requests for the chosen options (raises UserError)."""
        period = self.period.currentData()
        start, end = _pydate(self.start_date.date()), _pydate(self.end_date.date())
        if period == "WEEK":
            start, end = plan.week_bounds(start, end)
        types = [t for t, check in self.checks.items() if check.isChecked()]
        market = self.window_.ctx.workspace.meta("marketplace_id") or self.settings.marketplace_id
        return plan.plan_requests(types, period, start, end, market, self.view.currentData(),
                                  self.program.currentData(), today=self.today)

    def start_sync(self, options=None) -> None:
        from vendordesk.ops.sync import SyncOptions, sync_reports
        from vendordesk.ui.workers import run_task

        credentials = secrets.store().load()
        try:
            requests = self.requests()
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Sync with Amazon"), user_text(exc))
            return
        if credentials is None:
            self._show_credentials_state()
            return
        options = options or SyncOptions(poll_seconds=self.settings.sync_poll_seconds,
                                         timeout_seconds=self.settings.sync_timeout_minutes * 60)
        self.progress = TaskProgress(self.tr("Fetching %1 report(s) from Amazon…").replace("%1", str(len(requests))),
                                     self.tr("Cancel"), self, minimum_duration=0)
        self.start.setEnabled(False)
        self.task = run_task(sync_reports, self.window_.ctx.workspace.path, requests, credentials, options=options,
                             on_done=self._done, on_error=self._failed,
                             on_progress=lambda f: self._progress(f, requests))
        self.progress.canceled.connect(self.task.cancel)

    def _progress(self, fraction: float, requests: list) -> None:
        if self.progress is None:
            return
        index = min(len(requests) - 1, int(fraction * len(requests)))
        self.progress.setLabelText(self.tr("Fetching %1 (%2 of %3) from Amazon…").replace(
            "%1", requests[index].title().text(QLocale().name())).replace("%2", str(index + 1)).replace("%3", str(len(requests))))
        self.progress.set_fraction(fraction)

    def _finish(self) -> None:
        if self.progress is not None:
            self.progress.finish()
            self.progress = None
        self.start.setEnabled(True)
        self.task = None

    def _done(self, result) -> None:
        self._finish()
        if result.imported:
            self.window_.changed.emit(Changes(facts=True))
        text = self.tr("%1 report(s) imported, %2 already in the workspace.").replace(
            "%1", str(len(result.imported))).replace("%2", str(len(result.already)))
        problems = ([result.stopped] if result.stopped else []) + result.failures
        lang = QLocale().name()
        self.last_message = "\n\n".join([text, *(str(localized(p, lang)) for p in problems)])
        if problems:
            QMessageBox.warning(self, self.tr("Sync with Amazon"), self.last_message)
        else:
            QMessageBox.information(self, self.tr("Sync with Amazon"), self.last_message)

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        if isinstance(exc, Cancelled):
            self.window_.changed.emit(Changes(facts=True))
            self.last_message = self.tr("Sync cancelled. Reports fetched so far are kept; the next sync resumes.")
            QMessageBox.information(self, self.tr("Sync with Amazon"), self.last_message)
        elif isinstance(exc, UserError):
            self.last_message = user_text(exc)
            QMessageBox.warning(self, self.tr("Sync with Amazon"), self.last_message)
        else:
            from vendordesk.ui.errors import excepthook

            excepthook(type(exc), exc, exc.__traceback__)

    def reject(self) -> None:
        if self.task is not None:
            self.task.cancel()
        super().reject()


def open_sync(window) -> None:
    """File › Sync with Amazon (SP-API)…"""
    dialog = SyncDialog(window)
    dialog.exec()
    if dialog.task is None:  # a cancelled run still reports back to the dialog: keep it until then
        dialog.deleteLater()
