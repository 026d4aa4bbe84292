"""Benchmarks of the nine gears (issue 4 targets).

- gears for 2,000 ASINs x 104 weeks from a warm workspace (frames loaded): prepare + compute < 150 ms;
- reading those frames from the workspace file (reported separately, runs in a worker in the UI);
- re-judging for a filter or another period on the prepared model (the "switching" path): < 100 ms;
- the worst-ASIN list for a gear (cached per-ASIN tables).
Numbers are the best of several rounds (the box is shared; the best round is the machine's speed).
Run: pytest tests/benchmarks/bench_gears.py -p no:cacheprovider -s
"""

from __future__ import annotations

import time

import pytest

from vendordesk.core.gears.defs import GEARS

ASINS, WEEKS = 2000, 104


CPU: dict[str, float] = {}


def _best_of(fn, rounds: int = 7, label: str = "") -> tuple[float, object]:
    """Best wall time; the best CPU time of this process goes to CPU[label] (a shared box
    inflates wall time, CPU time much less)."""
    best, best_cpu, result = float("inf"), float("inf"), None
    for _ in range(rounds):
        start, cpu = time.perf_counter(), time.process_time()
        result = fn()
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    CPU[label] = best_cpu
    return best, result


def _demo(tmp_path_factory, env: str, asins: int):
    """The demo account at ``asins`` ASINs x WEEKS weeks, or an existing workspace named by ``env``."""
    import os
    from pathlib import Path

    from vendordesk.demo import build_demo

    given = os.environ.get(env)
    if given and Path(given).exists():
        return Path(given)
    path = tmp_path_factory.mktemp("bench") / f"gears{asins}.vendordesk"
    started = time.perf_counter()
    build_demo(path, asins=asins, weeks=WEEKS, seed=7)
    print(f"\n[bench_gears] demo workspace {asins} ASINs x {WEEKS} weeks built in {time.perf_counter() - started:.1f} s")
    return path


@pytest.fixture(scope="module")
def big_workspace(tmp_path_factory):
    """The demo account at 2,000 ASINs (or an existing one from VENDORDESK_BENCH_WORKSPACE)."""
    return _demo(tmp_path_factory, "VENDORDESK_BENCH_WORKSPACE", ASINS)


@pytest.mark.timeout(1800)
def test_gears_2000_asins_104_weeks(big_workspace):
    from vendordesk.core.gears.report import GearInputs, GearModel
    from vendordesk.store import open_workspace
    from vendordesk.store.gears import load_gear_inputs

    with open_workspace(big_workspace) as ws:
        read, inputs = _best_of(lambda: load_gear_inputs(ws), rounds=2, label="read")
    rows = len(inputs["facts"])
    assert rows >= ASINS * WEEKS * 0.9

    def compute():
        model = GearModel(GearInputs(**inputs))
        return model, model.compute()

    total, (model, report) = _best_of(compute, label="total")
    prepare, _ = _best_of(lambda: GearModel(GearInputs(**inputs)), label="prepare")
    judge, _ = _best_of(lambda: model.compute(), label="judge")
    brands = model.inputs.products["brand"].dropna().unique()
    some = model.asins_for(brand=brands[0])
    filtered, _ = _best_of(lambda: model.compute(asins=some), label="filtered")
    period, _ = _best_of(lambda: model.compute(weeks=13, compare="last_year"), label="period")
    worst, table = _best_of(lambda: model.worst_asins(report, "availability"), label="worst")
    print(f"\n[bench_gears] {rows:,} fact rows ({ASINS} ASINs x {WEEKS} weeks)"
          f"\n  read frames from the workspace : {read * 1000:7.1f} ms"
          f"\n  prepare (GearModel)            : {prepare * 1000:7.1f} ms"
          f"\n  compute (judge 9 gears)        : {judge * 1000:7.1f} ms"
          f"\n  prepare + compute (target 150) : {total * 1000:7.1f} ms"
          f"\n  re-judge for a brand filter    : {filtered * 1000:7.1f} ms ({len(some)} ASINs)"
          f"\n  re-judge for 13 weeks vs LY    : {period * 1000:7.1f} ms"
          f"\n  worst ASINs for a gear         : {worst * 1000:7.1f} ms")
    import os

    print("  CPU time (best): " + ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in CPU.items()))
    print(f"  (load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)")
    assert len(report.gears) == len(GEARS) and len(table) > 0
    assert total < 0.150
    assert filtered < 0.100 and period < 0.100


@pytest.fixture(scope="module")
def workspace_600(tmp_path_factory):
    """The demo account at 600 ASINs x 104 weeks (or VENDORDESK_BENCH_WORKSPACE_600)."""
    return _demo(tmp_path_factory, "VENDORDESK_BENCH_WORKSPACE_600", 600)


@pytest.mark.timeout(600)
def test_gears_600_asins_cpu_time(workspace_600):
    """prepare + compute at 600 ASINs x 104 weeks: at most 80 ms CPU (process time, best of 7;
    a shared box inflates wall time much more than CPU time). Printed beside its ceiling."""
    from vendordesk.core.gears.report import GearInputs, GearModel
    from vendordesk.store import open_workspace
    from vendordesk.store.gears import load_gear_inputs

    with open_workspace(workspace_600) as ws:
        inputs = load_gear_inputs(ws)

    def compute():
        model = GearModel(GearInputs(**inputs))
        return model.compute()

    _best_of(compute, label="total600")
    model = GearModel(GearInputs(**inputs))
    _best_of(model.compute, label="judge600")
    print(f"\n[bench_gears] 600 ASINs x {WEEKS} weeks, CPU (best of 7): prepare + compute "
          f"{CPU['total600'] * 1000:.1f} ms (ceiling 80 ms), compute only {CPU['judge600'] * 1000:.1f} ms")
    assert CPU["total600"] <= 0.080
