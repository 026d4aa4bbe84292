"""What a one-off read of a few ASINs' weekly facts leaves in the process (issue 18).

``weekly_frame(..., asins=[...], keep=False)`` decodes whole columns of the snapshot and cuts the
ASINs' rows out of them; the decoded columns are freed at once. Their heap must go back to the
system, else the process keeps it: in the window the negotiation's market of one case left 49 MB
of freed holes at 5,000 ASINs x 156 weeks, under the forecast tab's run that came after.

Measured in a fresh process (VmRSS from /proc/self/status): the second of two equal reads, then
glibc's malloc_trim. What the trim still hands back is what the read left behind.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PROBE = r"""
import ctypes, json, sys
from vendordesk.store import open_workspace
from vendordesk.store.facts_read import weekly_frame
from vendordesk.store.negotiations import METRICS

def rss():
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS")) / 1024

ws = open_workspace(sys.argv[1])
asin = ws.conn.execute("SELECT MIN(asin) FROM products").fetchone()[0]
first = weekly_frame(ws, METRICS, asins=[asin], keep=False)     # builds the snapshot once
del first
ctypes.CDLL("libc.so.6").malloc_trim(0)
part = weekly_frame(ws, METRICS, asins=[asin], keep=False)
held = rss()
ctypes.CDLL("libc.so.6").malloc_trim(0)
print(json.dumps({"rows": len(part), "left_behind_mb": held - rss()}))
"""


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").exists() or not sys.platform.startswith("linux"),
                    reason="VmRSS and glibc's malloc_trim")
def test_a_narrow_one_off_read_gives_the_decoded_columns_back(tmp_path):
    from vendordesk.demo import build_demo

    path = tmp_path / "mid.vendordesk"
    build_demo(path, asins=1000, weeks=104, seed=7)     # 104,000 ASIN-weeks
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", PROBE, str(path)], capture_output=True, text=True, env=env,
                         check=True, timeout=600)
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert 0 < got["rows"] <= 104          # one ASIN's weeks, at most 104 of them
    # before the fix the read left 11.8 MB (the freed columns) for the trim to find
    assert got["left_behind_mb"] < 1.0, got


def test_the_narrow_one_off_read_returns_what_the_kept_read_returns(demo_workspace):
    """Handing the heap back changes nothing in the rows: the negotiation's market frame of two
    ASINs read once (keep=False) equals the cached read's (keep=True), value for value."""
    import pandas as pd

    from vendordesk.store import facts_snapshot
    from vendordesk.store.facts_read import weekly_frame
    from vendordesk.store.negotiations import METRICS

    asins = [a for (a,) in demo_workspace.conn.execute("SELECT asin FROM products ORDER BY asin LIMIT 2")]
    once = weekly_frame(demo_workspace, METRICS, asins=asins, keep=False)
    kept = weekly_frame(demo_workspace, METRICS, asins=asins)
    facts_snapshot.forget(demo_workspace.path)
    assert sorted(set(once["asin"])) == sorted(asins)
    assert len(once) == 2 * 104             # the demo: 104 weeks of each ASIN
    pd.testing.assert_frame_equal(once, kept)


@pytest.mark.slow
def test_the_negotiation_tab_shows_the_same_numbers_on_the_150_asin_demo(tmp_path):
    """``vendordesk demo`` (150 ASINs): the Preiserhöhung tab's market (store.negotiations.market_for,
    the narrow one-off read) holds the same weekly rows as the cached read of its ASINs, so its
    analysis (economics per ASIN, requested and justified increase, Net PPM) is the same."""
    import dataclasses

    import pandas as pd

    from vendordesk.core.negotiation.analysis import analyse
    from vendordesk.demo import build_demo
    from vendordesk.store import facts_snapshot, open_workspace
    from vendordesk.store.facts_read import weekly_frame
    from vendordesk.store.negotiations import METRICS, list_cases, load_case, market_for

    path = tmp_path / "demo.vendordesk"
    build_demo(path)                       # the command's default: 150 ASINs x 104 weeks
    ws = open_workspace(path)
    try:
        case = load_case(ws, list_cases(ws)[0]["id"])
        asins = sorted({it.asin for it in case.items if it.asin})
        market = market_for(ws, case)
        kept = weekly_frame(ws, METRICS, asins=asins)
        facts_snapshot.forget(ws.path)
        assert asins and len(market.weekly) == len(asins) * 104
        pd.testing.assert_frame_equal(market.weekly, kept)
        shown = analyse(case, market)
        again = analyse(case, dataclasses.replace(market, weekly=kept))
        assert [dataclasses.astuple(i) for i in shown.items] == [dataclasses.astuple(i) for i in again.items]
        assert (shown.requested, shown.justified, shown.net_ppm_before, shown.net_ppm_after) == \
            (again.requested, again.justified, again.net_ppm_before, again.net_ppm_after)
    finally:
        ws.close()
