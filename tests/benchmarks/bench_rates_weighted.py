"""What weighting the rates of several marketplaces costs the weekly-facts snapshot (issue 13).

The demo at 600 ASINs x 156 weeks (one marketplace: the floor), and the same facts again under a
second marketplace whose rates differ (so the weighted pass with its joins runs), side by side.
CPU time of ``_build_snapshot`` (best of 3; the box is shared). Measured 2026-12-07 on the 2-core
box, this file run against main (rates averaged) and against the weighting: one marketplace
1.44 s -> 1.43 s (the second pass does not run); two marketplaces 1.77 s -> 3.19 s (the second pass
with its joins to the traffic and sales tables).
Run: pytest tests/benchmarks/bench_rates_weighted.py -p no:cacheprovider -s
"""

from __future__ import annotations

import shutil
import sqlite3
import time

from vendordesk.store import open_workspace
from vendordesk.store.facts_read import _build_snapshot

FR = "A13V1IB3VIYZZH"
SCALED = ("units", "revenue", "cogs", "views", "cost", "returns")
RATES = ("procurable_product_out_of_stock_rate", "vendor_confirmation_rate", "receive_fill_rate",
         "average_vendor_lead_time_days", "sell_through_rate", "net_pure_product_margin")


def _second_marketplace(path) -> None:
    conn = sqlite3.connect(path)
    with conn:
        for table in ("sales_facts", "traffic_facts", "inventory_facts", "net_ppm_facts"):
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
            values = [f"'{FR}'" if c == "marketplace_id" else f"{c} * 0.3" if c.endswith(SCALED)
                      else f"{c} * 0.8" if c in RATES else c for c in cols]
            conn.execute(f"INSERT INTO {table} ({', '.join(cols)}) SELECT {', '.join(values)} FROM {table} "
                         f"WHERE marketplace_id <> '{FR}'")
        conn.execute("DELETE FROM facts_snapshot")
        conn.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'data_version'")
    conn.close()


def _cpu(path) -> float:
    ws = open_workspace(path)
    try:
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            _build_snapshot(ws)
            best = min(best, time.process_time() - start)
        return best
    finally:
        ws.close()


def test_weighted_rates_of_two_marketplaces_cost(tmp_path):
    from vendordesk.demo import build_demo

    one = tmp_path / "one.vendordesk"
    build_demo(one, asins=600, weeks=156, seed=7)
    two = tmp_path / "two.vendordesk"
    shutil.copy(one, two)
    _second_marketplace(two)
    floor, weighted = _cpu(one), _cpu(two)
    print(f"\n[bench_rates_weighted] _build_snapshot CPU: one marketplace {floor:.2f} s, "
          f"two marketplaces (weighted) {weighted:.2f} s, ratio {weighted / floor:.2f}")
    # twice the rows, plus one pass with the joins for the weighted rates: at most 3x the floor
    assert weighted < 3.0 * floor
