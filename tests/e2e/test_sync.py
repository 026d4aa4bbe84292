"""SP-API sync end to end: python-amazon-sp-api's real code path against a local fake on 127.0.0.1.

Covers the happy path, resume after failures, and every bad case of issue 8: wrong
credentials, 403 without the Brand Analytics role, FATAL with errorDetails, a report stuck
IN_PROGRESS, a cut-off gzip, throttling, a network that goes down, cancel; and a scan that
finds no secret in the workspace, logs, settings or exports afterwards.
"""

from __future__ import annotations

import datetime as dt
import logging

import pytest

from tests.e2e.spapi_fake import (
    ACCESS_TOKEN,
    APP_ID,
    CLIENT_SECRET,
    REFRESH_TOKEN,
    FakeAmazon,
    Scenario,
)
from vendordesk.errors import Cancelled
from vendordesk.ops.sync import SyncOptions, sync_reports
from vendordesk.secrets import Credentials
from vendordesk.store import open_workspace, raw_reports
from vendordesk.sync.plan import REPORT_TYPES, plan_requests

CREDS = Credentials(APP_ID, CLIENT_SECRET, REFRESH_TOKEN)
TODAY = dt.date(2026, 11, 29)
SALES, TRAFFIC, INVENTORY = "GET_VENDOR_SALES_REPORT", "GET_VENDOR_TRAFFIC_REPORT", "GET_VENDOR_INVENTORY_REPORT"


pytestmark = pytest.mark.usefixtures("fresh_token_cache")


@pytest.fixture
def ws_path(tmp_path):
    path = tmp_path / "sync.vendordesk"
    open_workspace(path).close()
    return path


def _requests(types=tuple(REPORT_TYPES)):
    return plan_requests(list(types), "WEEK", dt.date(2026, 10, 4), dt.date(2026, 10, 31), "A1PA6795UKMFR9",
                         today=TODAY)


def _sync(path, fake, types=tuple(REPORT_TYPES), creds=CREDS, **options):
    settings = {"poll_seconds": 0.01, "retry_delay": 0.01, "endpoint": fake.endpoint} | options
    return sync_reports(path, _requests(types), creds, options=SyncOptions(**settings))


def _count(path, table, where="1=1"):
    with open_workspace(path) as ws:
        return ws.conn.execute(f"SELECT COUNT(*) FROM {table} WHERE {where}").fetchone()[0]


def test_five_reports_four_weeks_are_imported_with_the_right_values(ws_path):
    with FakeAmazon(Scenario(asins=40)) as fake:
        result = _sync(ws_path, fake)
    assert result.ok and len(result.imported) == 5, result
    assert fake.count("token") == 1                         # one LWA exchange, then the cached token
    assert '"reportOptions": {"distributorView": "MANUFACTURING"' in fake.calls[1][1]  # a dict, not a list
    assert _count(ws_path, "sales_facts", "grain='week'") == 4 * 41   # 4 weeks x (aggregate + 40 ASINs)
    assert _count(ws_path, "amazon_forecasts") == 40 * 12
    with open_workspace(ws_path) as ws:
        # fake: units = 10 + (i*7 + w*3) % 23; ASIN 3, week 2 -> 10 + 27 % 23 = 14 units
        row = ws.conn.execute("SELECT ordered_units, ordered_revenue, shipped_cogs, currency FROM sales_facts "
                              "WHERE asin='B0FAKE0003' AND period_start='2026-10-18'").fetchone()
        assert row == (14, pytest.approx(14 * 19.99), pytest.approx(14 * 11.5), "EUR")
        assert raw_reports.counts(ws) == {"imported": 5}


def test_second_sync_reuses_what_is_imported(ws_path):
    with FakeAmazon() as fake:
        _sync(ws_path, fake, types=(SALES, TRAFFIC))
        again = _sync(ws_path, fake, types=(SALES, TRAFFIC))
    assert again.ok and len(again.already) == 2 and not again.imported
    assert fake.count("createReport") == 2


def test_missing_brand_analytics_role_is_explained(ws_path):
    with FakeAmazon(Scenario(forbidden={SALES})) as fake:
        result = _sync(ws_path, fake)
    assert result.stopped and "Brand Analytics" in result.stopped and "403" in result.stopped
    assert _count(ws_path, "report_imports") == 0


def test_wrong_client_secret_is_explained(ws_path):
    wrong = Credentials(APP_ID, "amzn1.oa2-cs.v1.OLD-ROTATED-SECRET", REFRESH_TOKEN)
    with FakeAmazon() as fake:
        result = _sync(ws_path, fake, creds=wrong)
    assert result.stopped and "Settings › SP-API" in result.stopped and "180 days" in result.stopped
    assert "OLD-ROTATED" not in result.stopped and not result.imported


def test_fatal_report_shows_error_details_and_others_go_on(ws_path):
    with FakeAmazon(Scenario(fatal={INVENTORY})) as fake:
        result = _sync(ws_path, fake, types=(INVENTORY, SALES))
    assert len(result.imported) == 1 and len(result.failures) == 1
    assert "FATAL" in result.failures[0] and "exceeds the allowed lookback" in result.failures[0]
    assert _count(ws_path, "inventory_facts") == 0


def test_stuck_report_times_out_and_a_retry_polls_the_same_report(ws_path):
    scenario = Scenario(stuck={TRAFFIC})
    with FakeAmazon(scenario) as fake:
        result = _sync(ws_path, fake, types=(SALES, TRAFFIC), timeout_seconds=0.3)
        assert result.imported == [_requests((SALES,))[0].label()]
        assert "still IN_PROGRESS" in result.failures[0]
        scenario.stuck.clear()
        retry = _sync(ws_path, fake, types=(SALES, TRAFFIC))
    assert retry.ok and len(retry.imported) == 1 and len(retry.already) == 1
    assert fake.count("createReport") == 2                  # the stuck report was resumed, not re-created
    assert _count(ws_path, "traffic_facts") == 4 * 41


def test_cut_off_gzip_imports_nothing_and_retry_downloads_again(ws_path):
    with FakeAmazon(Scenario(cut_gzip_once={SALES})) as fake:
        result = _sync(ws_path, fake, types=(SALES,))
        assert "cut off or damaged" in result.failures[0]
        assert _count(ws_path, "sales_facts") == 0
        retry = _sync(ws_path, fake, types=(SALES,))
    assert retry.ok and _count(ws_path, "sales_facts") == 4 * 41
    assert fake.count("createReport") == 1 and fake.downloads == 2


def test_network_down_mid_sync_keeps_what_was_fetched(ws_path):
    scenario = Scenario(down_after_downloads=2)
    with FakeAmazon(scenario) as fake:
        result = _sync(ws_path, fake, types=(SALES, TRAFFIC, INVENTORY))
        assert len(result.imported) == 2
        assert result.stopped and "cannot be reached" in result.stopped
        scenario.down_after_downloads = None
        retry = _sync(ws_path, fake, types=(SALES, TRAFFIC, INVENTORY))
    assert retry.ok and len(retry.already) == 2 and len(retry.imported) == 1


def test_throttled_calls_are_retried_with_the_library_helper(ws_path):
    with FakeAmazon(Scenario(throttle_creates=2)) as fake:
        result = _sync(ws_path, fake, types=(SALES,))
    assert result.ok and fake.creates == 3


def test_cancel_stops_between_reports_and_keeps_the_finished_ones(ws_path):
    done = []
    with FakeAmazon() as fake:
        options = SyncOptions(poll_seconds=0.01, endpoint=fake.endpoint)
        with pytest.raises(Cancelled):
            sync_reports(ws_path, _requests(), CREDS, options=options,
                         progress=lambda f: done.append(f), cancelled=lambda: bool(done) and done[-1] >= 0.2)
    assert _count(ws_path, "report_imports") == 1


def test_no_secret_in_workspace_logs_settings_or_exports(ws_path, tmp_path, monkeypatch):
    from vendordesk import secrets
    from vendordesk.cli import main as cli_main
    from vendordesk.logsetup import setup_logging
    from vendordesk.paths import config_dir, data_dir
    from vendordesk.settings import Settings, save

    root = logging.getLogger()                             # log to THIS test's home, at DEBUG
    monkeypatch.setattr(root, "handlers", [h for h in root.handlers if not getattr(h, "_vendordesk", False)])
    setup_logging(level=logging.DEBUG)
    ours = [h for h in root.handlers if getattr(h, "_vendordesk", False)]
    store = secrets.CredentialStore()
    store.save(CREDS)
    save(Settings(vendor_code="ACME1", lwa_secret_set_on="2026-11-01"))
    try:
        with FakeAmazon(Scenario(fatal={INVENTORY}, forbidden=set())) as fake:
            _sync(ws_path, fake, types=(SALES, INVENTORY), creds=store.load())
            _sync(ws_path, fake, types=(SALES,), creds=Credentials(APP_ID, CLIENT_SECRET + "x", REFRESH_TOKEN + "x"))
        export = tmp_path / "facts.csv"
        assert cli_main(["export", "facts", "--workspace", str(ws_path), "--out", str(export)]) == 0
    finally:
        root.setLevel(logging.INFO)
        for handler in ours:
            handler.close()
    files = [p for folder in (ws_path.parent, data_dir(), config_dir()) for p in folder.rglob("*") if p.is_file()]
    assert export in files and any(p.suffix == ".log" for p in files)
    blob = b"".join(p.read_bytes() for p in files)
    assert b"B0FAKE0003" in blob                            # the scan does read the data
    for secret in (CLIENT_SECRET, REFRESH_TOKEN, ACCESS_TOKEN, CLIENT_SECRET[-20:], REFRESH_TOKEN[-20:]):
        assert secret.encode() not in blob, f"a secret leaked into {[p.name for p in files if secret.encode() in p.read_bytes()]}"


def test_sync_command_without_credentials_exits_2(ws_path, capsys, monkeypatch):
    from vendordesk import secrets
    from vendordesk.cli import main

    monkeypatch.setattr(secrets, "_store", None)
    assert main(["sync", "--workspace", str(ws_path)]) == 2
    assert "credentials are missing" in capsys.readouterr().err


def test_sync_command_imports_and_prints_json(ws_path, capsys, monkeypatch):
    import functools
    import json

    from vendordesk import secrets
    from vendordesk.cli import main
    from vendordesk.ops import sync as runner
    from vendordesk.settings import Settings, save

    save(Settings(sync_poll_seconds=0.01))                 # the command reads its poll interval from settings
    monkeypatch.setattr(secrets, "_store", None)
    secrets.store().save(CREDS)
    with FakeAmazon() as fake:
        monkeypatch.setattr(runner, "SyncOptions", functools.partial(SyncOptions, endpoint=fake.endpoint))
        code = main(["sync", "--workspace", str(ws_path), "--reports", "sales,net_ppm", "--from", "2026-10-04",
                     "--to", "2026-10-31", "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0 and len(out["imported"]) == 2 and out["failures"] == []
    assert _count(ws_path, "net_ppm_facts") == 4 * 41


def test_a_report_gone_at_amazon_is_requested_again(ws_path):
    scenario = Scenario(stuck={SALES})
    with FakeAmazon(scenario) as fake:
        first = _sync(ws_path, fake, types=(SALES,), timeout_seconds=0.1)
        assert "still IN_PROGRESS" in first.failures[0]
        fake.reports.clear()                                 # Amazon forgot the report (404 on getReport)
        scenario.stuck.clear()
        retry = _sync(ws_path, fake, types=(SALES,))
    assert retry.ok and len(retry.imported) == 1 and fake.count("createReport") == 2
