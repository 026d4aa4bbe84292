"""Benchmarks of the structural what-if model (issue 14 targets).

- a 26-week what-if with 200 parameter draws (a 2,000-ASIN account pooled to 64 groups): < 300 ms;
- calibration of 2,000 ASINs x 104 weeks: < 5 s, in a worker with progress (read from the
  workspace file, calibrated, stored).
Both print wall and CPU time; they assert the CPU time (this process's work), because on the shared
build machine (load 8 on 2 cores) wall time measures the neighbours. On an idle machine the two agree.
Run: pytest tests/benchmarks/bench_model.py -p no:cacheprovider -s
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
import sim_account

ASINS, WEEKS = 2000, 104


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    from vendordesk.store import open_workspace

    acc = sim_account.build(seed=5, n=ASINS, weeks=WEEKS)
    path = tmp_path_factory.mktemp("bench") / "big.vendordesk"
    with open_workspace(path) as ws:
        sim_account.write_workspace(acc, ws)
    return acc, path


def test_whatif_26_weeks_200_draws_under_300_ms(big):
    from vendordesk.core.influence.model import params_from, whatif
    from vendordesk.core.influence.sim import parse_shock
    from vendordesk.store import open_workspace
    from vendordesk.store.calibration import calibrate_ws
    from vendordesk.store.whatif import prepare

    _, path = big
    with open_workspace(path) as ws:
        calibrate_ws(ws)
        start = time.perf_counter()
        info = prepare(ws)
        read = time.perf_counter() - start
    params = params_from(info["links"], draws=200)
    shocks = [parse_shock("procurable_product_out_of_stock_rate=+0.08@4"), parse_shock("cost_price=+6%")]
    best, cpu = float("inf"), float("inf")
    for _ in range(5):
        start, c0 = time.perf_counter(), time.process_time()
        result = whatif(info["state"], params, shocks, 26)
        best, cpu = min(best, time.perf_counter() - start), min(cpu, time.process_time() - c0)
    print(f"\nwhat-if 26 weeks x 200 draws, {ASINS} ASINs in {info['state'].groups} groups: wall {best * 1000:.0f} ms, "
          f"CPU {cpu * 1000:.0f} ms (target < 300 ms); reading the state {read * 1000:.0f} ms; units "
          f"{result.totals['units']:+.0f} [{result.intervals['units'][0]:+.0f}, {result.intervals['units'][1]:+.0f}]")
    assert cpu < 0.300


def test_calibration_2000_asins_104_weeks_in_a_worker_under_5_s(big, qtbot):
    from vendordesk.ops.calibrate import compute_calibration
    from vendordesk.ui.workers import run_task

    _, path = big
    fractions, done = [], []
    start, c0 = time.perf_counter(), time.process_time()
    run_task(compute_calibration, str(path), on_done=lambda result: done.append(result.value),
             on_progress=fractions.append)
    qtbot.waitUntil(lambda: bool(done), timeout=60000)
    seconds, cpu = time.perf_counter() - start, time.process_time() - c0
    links = done[0]["links"]
    print(f"\ncalibration {ASINS} ASINs x {WEEKS} weeks in a worker (read + fit): wall {seconds:.2f} s, CPU {cpu:.2f} s "
          f"(target < 5 s); progress {[round(f, 2) for f in fractions]}; elasticity "
          f"{links['elasticity']['estimate']:.3f} (truth {big[0].truth.elasticity:.3f})")
    assert cpu < 5.0
    assert fractions and fractions == sorted(fractions)
