"""``vendordesk sync`` proposes its period from the data, as the window's sync dialog does (issue 17:
the command still asked for the last 4 weeks by the clock). Against the local fake Amazon on 127.0.0.1
(tests/e2e/spapi_fake.py), so nothing leaves the machine.

The calendar, by hand: 1 Jan 2026 is a Thursday, so 1 Nov 2026 (day 305, 304 = 43·7 + 3 days later) is
a Sunday, 28 Nov a Saturday and 29 Nov a Sunday."""

from __future__ import annotations

import datetime as dt
import functools
import json

import pytest

from tests.e2e.spapi_fake import APP_ID, CLIENT_SECRET, REFRESH_TOKEN, FakeAmazon
from vendordesk.ops.sync import SyncOptions, sync_reports
from vendordesk.secrets import Credentials
from vendordesk.store import open_workspace
from vendordesk.sync.plan import plan_requests

CREDS = Credentials(APP_ID, CLIENT_SECRET, REFRESH_TOKEN)
SALES = "GET_VENDOR_SALES_REPORT"
TODAY = dt.date(2026, 11, 29)                 # a Sunday: the last full week is 22..28 Nov


pytestmark = pytest.mark.usefixtures("fresh_token_cache")


@pytest.fixture
def synced_to_october(tmp_path, monkeypatch):
    """A workspace whose sales run 4 Oct .. 31 Oct 2026 (four weeks fetched from the fake), keyring
    credentials, and the op pointed at the fake; yields (path, fake)."""
    from vendordesk import secrets
    from vendordesk.ops import sync as runner
    from vendordesk.settings import Settings, save

    path = tmp_path / "small.vendordesk"
    open_workspace(path).close()
    save(Settings(sync_poll_seconds=0.01, marketplace_id="A1PA6795UKMFR9"))
    monkeypatch.setattr(secrets, "_store", None)
    secrets.store().save(CREDS)
    with FakeAmazon() as fake:
        first = plan_requests([SALES], "WEEK", dt.date(2026, 10, 4), dt.date(2026, 10, 31), "A1PA6795UKMFR9",
                              today=TODAY)
        assert sync_reports(path, first, CREDS, options=SyncOptions(poll_seconds=0.01, endpoint=fake.endpoint)).ok
        monkeypatch.setattr(runner, "SyncOptions", functools.partial(SyncOptions, endpoint=fake.endpoint))
        yield path, fake


def _asked(fake) -> list[tuple[str, str]]:
    """(dataStartTime, dataEndTime) of every createReport the fake received."""
    bodies = [json.loads(body) for call, body in fake.calls if call == "createReport"]
    return [(b["dataStartTime"][:10], b["dataEndTime"][:10]) for b in bodies]


def test_the_op_proposes_the_weeks_after_the_data_without_dates_or_weeks(synced_to_october):
    """Data to Sat 31 Oct: the proposal is Sun 1 Nov .. Sat 28 Nov (four weeks, by the data, not by the
    clock), said as "after the data"."""
    from vendordesk.ops.sync import sync

    path, fake = synced_to_october
    result = sync(path, [SALES], "WEEK", today=TODAY).value
    assert result.ok and len(result.imported) == 1
    assert _asked(fake)[-1] == ("2026-11-01", "2026-11-28")
    assert (result.period.start, result.period.end, result.period.why) == (
        dt.date(2026, 11, 1), dt.date(2026, 11, 28), "after_data")
    assert result.period.known == dt.date(2026, 10, 31)


def test_weeks_still_asks_for_the_last_full_weeks(synced_to_october):
    """``--weeks 2`` on Sun 29 Nov: 15 .. 28 Nov, whatever the data."""
    from vendordesk.ops.sync import sync

    path, fake = synced_to_october
    sync(path, [SALES], "WEEK", weeks=2, today=TODAY)
    assert _asked(fake)[-1] == ("2026-11-15", "2026-11-28")


def test_the_command_has_no_clock_default_for_weeks():
    """Without ``--weeks`` and dates the command leaves the period to the op's proposal."""
    from vendordesk.cli import build_parser

    args = build_parser().parse_args(["sync"])
    assert args.weeks is None and args.start is None and args.end is None


def test_the_command_says_the_proposed_period_in_german(synced_to_october, capsys):
    """The period and why it was chosen are printed in the command's language, German dates."""
    from vendordesk.cli import main

    path, _fake = synced_to_october
    assert main(["sync", "--workspace", str(path), "--reports", "sales", "--lang", "de"]) == 0
    out = capsys.readouterr().out
    assert "31.10.2026" in out and "Daten" in out and "1 Bericht importiert" in out


def test_a_failed_report_is_explained_in_german(tmp_path):
    """A FATAL report's explanation (and the report's name and days) in the reader's language; English
    where it is logged and in ``--json``."""
    from tests.e2e.spapi_fake import Scenario
    from vendordesk.text import localized

    path = tmp_path / "fatal.vendordesk"
    open_workspace(path).close()
    with FakeAmazon(Scenario(fatal={SALES})) as fake:
        requests = plan_requests([SALES], "WEEK", dt.date(2026, 10, 4), dt.date(2026, 10, 31), "A1PA6795UKMFR9",
                                 today=TODAY)
        result = sync_reports(path, requests, CREDS, options=SyncOptions(poll_seconds=0.01, endpoint=fake.endpoint))
    assert len(result.failures) == 1
    english, german = str(result.failures[0]), localized(result.failures[0], "de")
    assert "Amazon could not build this report (FATAL)" in english and "exceeds the allowed lookback" in english
    assert german.startswith("Verkäufe 04.10.2026 bis 31.10.2026: ") and "(FATAL)" in german, german
    assert "exceeds the allowed lookback" in german                      # Amazon's own words, quoted
    assert "Nothing" not in german and "Es wurde nichts davon importiert" in german
