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


@pytest.fixture(autouse=True)
def fresh_token_cache():
    from sp_api.auth import access_token_client

    access_token_client.cache.clear()


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
