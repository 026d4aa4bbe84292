"""Benchmark: sync 5 report types x 4 weeks against the local SP-API fake; our overhead < 10 s.

"Our overhead" is the wall time minus the time spent waiting between getReport polls (that
wait is Amazon's report build time, not ours). It includes the library, HTTP on 127.0.0.1,
gzip, parsing and the import transactions. Run: pytest tests/benchmarks -p no:cacheprovider -s
"""

from __future__ import annotations

import datetime as dt
import time

from tests.e2e.spapi_fake import (
    APP_ID,
    CLIENT_SECRET,
    REFRESH_TOKEN,
    FakeAmazon,
    Scenario,
)
from vendordesk.ops.sync import SyncOptions, sync_reports
from vendordesk.secrets import Credentials
from vendordesk.store import open_workspace
from vendordesk.sync.plan import REPORT_TYPES, plan_requests

ASINS = 500
LIMIT_S = 10.0


def test_sync_five_reports_four_weeks(tmp_path):
    from sp_api.auth import access_token_client

    access_token_client.cache.clear()
    path = tmp_path / "bench.vendordesk"
    open_workspace(path).close()
    requests = plan_requests(list(REPORT_TYPES), "WEEK", dt.date(2026, 10, 4), dt.date(2026, 10, 31),
                             "A1PA6795UKMFR9", today=dt.date(2026, 11, 29))
    slept = [0.0]

    def sleep(seconds: float) -> None:
        started = time.perf_counter()
        time.sleep(seconds)
        slept[0] += time.perf_counter() - started

    with FakeAmazon(Scenario(asins=ASINS, polls_until_done=3)) as fake:
        started = time.perf_counter()
        result = sync_reports(path, requests, Credentials(APP_ID, CLIENT_SECRET, REFRESH_TOKEN),
                              options=SyncOptions(poll_seconds=0.05, endpoint=fake.endpoint), sleep=sleep)
        wall = time.perf_counter() - started
    overhead = wall - slept[0]
    with open_workspace(path) as ws:
        rows = sum(ws.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                   for t in ("sales_facts", "traffic_facts", "inventory_facts", "net_ppm_facts", "amazon_forecasts"))
    print(f"\nsync 5 report types x 4 weeks, {ASINS} ASINs: {rows} rows, wall {wall:.2f} s, "
          f"poll waits {slept[0]:.2f} s, our overhead {overhead:.2f} s (limit {LIMIT_S:.0f} s); "
          f"{len(fake.calls)} HTTP calls")
    assert result.ok and len(result.imported) == 5, result
    assert rows == 4 * 4 * (ASINS + 1) + ASINS * 12
    assert overhead < LIMIT_S
