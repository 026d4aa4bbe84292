"""Sync dialog: validated options, worker with progress, import, and the main window told."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.e2e.spapi_fake import (
    APP_ID,
    CLIENT_SECRET,
    REFRESH_TOKEN,
    FakeAmazon,
    Scenario,
)
from vendordesk import secrets
from vendordesk.ops.sync import SyncOptions


@pytest.fixture
def messages(monkeypatch):
    shown = []
    for kind in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, kind, lambda parent, title, text, k=kind: shown.append((k, text)))
    return shown


pytestmark = pytest.mark.usefixtures("fresh_token_cache")


@pytest.fixture(autouse=True)
def fresh_credential_store(monkeypatch):
    """The app-wide store keeps session-only values; every test starts without them."""
    monkeypatch.setattr(secrets, "_store", None)


def _dialog(qtbot, window):
    from vendordesk.ui.imports.sync_dialog import SyncDialog

    dialog = SyncDialog(window)
    qtbot.addWidget(dialog)
    return dialog


def test_without_credentials_the_start_button_is_disabled(qtbot, empty_window):
    dialog = _dialog(qtbot, empty_window)
    assert not dialog.start.isEnabled()
    assert "Settings › SP-API" in dialog.status.text()


def test_sync_runs_in_a_worker_and_refreshes_the_window(qtbot, empty_window, messages):
    secrets.store().save(secrets.Credentials(APP_ID, CLIENT_SECRET, REFRESH_TOKEN))
    dialog = _dialog(qtbot, empty_window)
    assert dialog.start.isEnabled()
    for report_type, check in dialog.checks.items():
        check.setChecked(report_type in ("GET_VENDOR_SALES_REPORT", "GET_VENDOR_TRAFFIC_REPORT"))
    with FakeAmazon(Scenario(asins=5)) as fake:
        with qtbot.waitSignal(empty_window.changed, timeout=20000) as blocker:
            dialog.start_sync(SyncOptions(poll_seconds=0.01, endpoint=fake.endpoint))
        qtbot.waitUntil(lambda: dialog.task is None, timeout=20000)
    assert blocker.args[0].facts
    assert messages and messages[-1][0] == "information" and "2 report(s) imported" in messages[-1][1]
    rows = empty_window.ctx.workspace.conn.execute("SELECT COUNT(*) FROM sales_facts").fetchone()[0]
    assert rows == 4 * 6                                     # 4 weeks x (aggregate + 5 ASINs)


def test_week_dates_are_widened_and_bad_ranges_refused(qtbot, empty_window, messages):
    from PySide6.QtCore import QDate

    secrets.store().save(secrets.Credentials(APP_ID, CLIENT_SECRET, REFRESH_TOKEN))
    dialog = _dialog(qtbot, empty_window)
    dialog.start_date.setDate(QDate(2026, 10, 7))           # a Wednesday
    dialog.end_date.setDate(QDate(2026, 10, 14))
    first = dialog.requests()[0]
    assert (first.start.isoformat(), first.end.isoformat()) == ("2026-10-04", "2026-10-17")
    dialog.period.setCurrentIndex(dialog.period.findData("MONTH"))
    dialog.start_sync()
    assert messages and messages[-1][0] == "warning" and "MONTH" in messages[-1][1]
    assert dialog.task is None


def test_the_proposed_period_follows_the_data_and_says_so(qtbot, qapp, make_window, demo_workspace):
    """Issue 17: the dialog proposed the last 4 weeks by the computer's clock while the demo's data
    ends on a Saturday weeks earlier. It proposes from the week after the data to the last full week
    before today, and says so. Today here is Tue 8 Dec 2026: the last full week ends Sat 5 Dec."""
    import datetime as dt

    from PySide6.QtCore import QDate

    from vendordesk.ui.i18n import install_language
    from vendordesk.ui.imports.sync_dialog import SyncDialog

    data_end = dt.date.fromisoformat(demo_workspace.conn.execute(
        "SELECT MAX(period_end) FROM sales_facts").fetchone()[0])
    assert data_end.weekday() == 5 and data_end < dt.date(2026, 11, 28)      # a Saturday before the last week
    try:
        window = make_window(demo_workspace, "de")
        dialog = SyncDialog(window, today=dt.date(2026, 12, 8))
        qtbot.addWidget(dialog)
        following = data_end + dt.timedelta(days=1)                            # the Sunday after
        assert dialog.start_date.date() == QDate(following.year, following.month, following.day)
        assert dialog.end_date.date() == QDate(2026, 12, 5)
        shown = f"{data_end.day:02d}.{data_end.month:02d}.{data_end.year}"
        assert shown in dialog.proposal.text() and "05.12.2026" in dialog.proposal.text()
        assert "Daten" in dialog.proposal.text()                                # German, as the dialog
        dialog.start_date.setDate(QDate(2026, 10, 4))
        dialog._last_four_weeks()                                              # the button: by the same today
        assert (dialog.start_date.date(), dialog.end_date.date()) == (QDate(2026, 11, 8), QDate(2026, 12, 5))
    finally:
        install_language(qapp, "en")


def test_an_empty_workspace_proposes_the_last_four_weeks(qtbot, empty_window):
    import datetime as dt

    from PySide6.QtCore import QDate

    from vendordesk.ui.imports.sync_dialog import SyncDialog

    dialog = SyncDialog(empty_window, today=dt.date(2026, 12, 8))
    qtbot.addWidget(dialog)
    # 4 weeks of 7 days to Sat 5 Dec: from Sun 8 Nov
    assert (dialog.start_date.date(), dialog.end_date.date()) == (QDate(2026, 11, 8), QDate(2026, 12, 5))
    assert "no data" in dialog.proposal.text().lower()
