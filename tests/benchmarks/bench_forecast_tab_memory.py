"""The Forecast tab's run alone on a big account: its memory step by step, in about a minute.

The window walk (bench_window_memory) takes ~10 minutes; this runs only the tab's worker entry
(``ui.forecast.data.compute_plan``) in a fresh process, in a thread of its own as the window's
pool does (glibc then gives it a heap of its own). At every progress step it records the peak
since the step before (VmHWM, reset through /proc/self/clear_refs) and what is held (VmRSS).
``--where`` samples the worker's stack every 2 ms and prints where RSS was highest. ``--trace`` adds tracemalloc's peak per step and the biggest live allocations at the run's
highest step (slow: ~3x the CPU). ``--dump FILE`` writes what the tab shows (every ASIN's chart
series and summary, the tables' frames, full precision) as a pickle; ``--compare A B`` says whether two dumps are equal.

Measured 08.12.2026, a warm copy of the 5,000 x 156 demo (b18-fcmem), the run's VmHWM / VmRSS after it
in MB (it starts at 77), its CPU and wall, the load:
- main 82a6bac: peak 550 (+473), held 334; 29.6 s CPU, 61.7 s wall, load 5. The peak is the versus-Amazon
  backtest's ``rival.future_matrix`` (factorizes of 2 million strings), the forecast's is 533.
- with the glance views read as the command reads them: 575 (+498) / 346; 33.4 s, 167 s, load 12-13.
- future_matrix by int32 positions: 554 (+477) / 346; 33.7 s, 164 s, load 13-15. The peak is now the
  rival weights' (series, weeks, buckets) arrays of the same step (549).
- the index without its Amazon sort, with int32 quantiles, without the panel's fitting parts:
  553 / **280**; 35.2 s, 539 s, load 19-22.
- the backtests before the divergence, supply and projection: 548 (+471) / 300; 33.0 s, 395 s, load 13-21.
  The backtests' steps peak 500 and 521 (were 523 and 553); the run's peak is now the forecast's own
  rival step (375 held -> 548: Amazon's and our bucketed (series, weeks, 4) arrays, 25 MB each, and
  the weights' and spread's temporaries of that shape).

Run (copy the workspace first; the run may fill its caches):
    python -m tests.benchmarks.bench_forecast_tab_memory /tmp/x/big.vdw [--trace] [--dump out.pkl]
"""

from __future__ import annotations

import json
import math
import os
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.benchmarks.given_workspace import copied_big_workspace


def status() -> dict[str, float]:
    """VmHWM and VmRSS of this process in MB."""
    with open("/proc/self/status") as f:
        return {k: int(v.split()[0]) / 1024 for k, v in (line.split(":", 1) for line in f)
                if k in ("VmHWM", "VmRSS")}


def reset_peak() -> None:
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")


class Steps:
    """The progress callback: one row per step whose fraction moved by at least ``every``."""

    def __init__(self, trace: bool, every: float = 0.01):
        self.rows: list[dict] = []
        self.trace, self.every, self.last = trace, every, -1.0
        self.snapshot, self.top = None, 0.0

    def __call__(self, fraction: float) -> None:
        if fraction - self.last < self.every and fraction < 1.0:
            return
        self.last = fraction
        row = dict(status(), fraction=round(fraction, 3), cpu=time.process_time())
        if self.trace:
            import tracemalloc

            current, peak = tracemalloc.get_traced_memory()
            row["traced_peak"], row["traced_now"] = peak / 2**20, current / 2**20
            if peak > self.top:
                self.top, self.snapshot = peak, tracemalloc.take_snapshot()
            tracemalloc.reset_peak()
        self.rows.append(row)
        reset_peak()


class Where:
    """A sampler thread: the worker's stack (vendordesk frames) at its highest RSS, per stack."""

    def __init__(self, worker: threading.Thread):
        self.worker, self.top, self.done = worker, {}, threading.Event()
        self.page = os.sysconf("SC_PAGE_SIZE") / 2**20

    def stack(self) -> str:
        frame = sys._current_frames().get(self.worker.ident)
        names = []
        while frame is not None:
            code = frame.f_code
            if "vendordesk" in code.co_filename:
                names.append(f"{code.co_filename.rsplit('vendordesk/', 1)[-1]}:{frame.f_lineno} {code.co_name}")
            frame = frame.f_back
        return " < ".join(names[:4])

    def sample(self) -> None:
        with open("/proc/self/statm") as f:
            while not self.done.wait(0.002):
                f.seek(0)
                rss = int(f.read().split()[1]) * self.page
                where = self.stack()
                if rss > self.top.get(where, 0.0):
                    self.top[where] = rss

    def highest(self, count: int = 15) -> list[str]:
        return [f"{rss:6.0f} MB  {where}" for where, rss in sorted(self.top.items(), key=lambda kv: -kv[1])[:count]]


def run(path: Path, trace: bool, where: bool = False) -> tuple[object, dict]:
    """compute_plan(path) in a thread; (its result, {"start", "steps", "end", "cpu", "wall"})."""
    from vendordesk.ui.forecast.data import compute_plan

    if trace:
        import tracemalloc

        tracemalloc.start(12)
    steps, box = Steps(trace), {}
    start, t0, c0 = status(), time.perf_counter(), time.process_time()
    reset_peak()
    worker = threading.Thread(target=lambda: box.update(result=compute_plan(path, 26, progress=steps)))
    sampler = Where(worker) if where else None
    worker.start()
    watch = threading.Thread(target=sampler.sample) if sampler else None
    if watch:
        watch.start()
    worker.join()
    if sampler and watch:
        sampler.done.set()
        watch.join()
    end = status()
    report = {"start": start, "steps": steps.rows, "end": end, "wall": time.perf_counter() - t0,
              "cpu": time.process_time() - c0, "peak": max([start["VmHWM"]] + [r["VmHWM"] for r in steps.rows])}
    if sampler:
        report["where"] = sampler.highest()
    if steps.snapshot is not None:
        import tracemalloc

        report["top"] = [str(s) for s in steps.snapshot.statistics("lineno")[:15]]
        report["held"] = [str(s) for s in tracemalloc.take_snapshot().statistics("lineno")[:15]]
    return box["result"], report


def shown(result) -> dict:
    """What the tab shows of a run: every ASIN's chart series (its newest and its oldest Amazon
    generation) and summary row, the tables' frames, the texts' documents and the kept supply frames."""
    index, supply = result
    plan = index.plan
    out = {"supply_inputs": supply, "overview": index.overview, "supply": index.supply,
           "generations": index.generations, "asins": index.asins()}
    for name in ("divergence", "drift", "risks", "orders", "accuracy", "backtest", "titles", "versus_amazon",
                 "amazon_q"):
        out[f"plan.{name}"] = getattr(plan, name)
    out["result"] = vars(plan.result)
    for asin in index.asins():
        gens = index.generations_of(asin)
        out[f"chart:{asin}"] = index.chart_data(asin, None)
        if gens:
            out[f"chart:{asin}:{gens[0]}"] = index.chart_data(asin, gens[0])
        out[f"gens:{asin}"], out[f"summary:{asin}"] = gens, index.summary(asin)
    return out


def equal(a, b) -> bool:
    """Deep equality, NaN equal to NaN, frames with their dtypes, arrays bit for bit."""
    import numpy as np
    import pandas as pd

    if isinstance(a, (pd.DataFrame, pd.Series)):
        check = pd.testing.assert_frame_equal if isinstance(a, pd.DataFrame) else pd.testing.assert_series_equal
        try:
            check(a, b, check_exact=True)
        except AssertionError:
            return False
        return True
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        a, b = np.asarray(a), np.asarray(b)
        return a.dtype == b.dtype and a.shape == b.shape and a.tobytes() == b.tobytes()
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(equal(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)):
        return type(a) is type(b) and len(a) == len(b) and all(equal(x, y) for x, y in zip(a, b))
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return a == b


def differences(a: dict, b: dict) -> list[str]:
    return [k for k in sorted(set(a) | set(b)) if k not in a or k not in b or not equal(a[k], b[k])]


def print_report(report: dict) -> None:
    s = report["start"]
    print(f"start: peak {s['VmHWM']:.0f} MB, held {s['VmRSS']:.0f} MB")
    for row in report["steps"]:
        traced = (f"  traced peak {row['traced_peak']:6.0f} now {row['traced_now']:6.0f}"
                  if "traced_peak" in row else "")
        print(f"  {row['fraction']:5.2f}  peak {row['VmHWM']:6.0f}  held {row['VmRSS']:6.0f}{traced}")
    e = report["end"]
    print(f"end: held {e['VmRSS']:.0f} MB; run's peak {report['peak']:.0f} MB (+{report['peak'] - s['VmRSS']:.0f} "
          f"over the start); CPU {report['cpu']:.1f} s, wall {report['wall']:.1f} s")
    for line in report.get("where", []):
        print("   ", line)
    for title in ("top", "held"):
        if title in report:
            print(f"{title}: the biggest live allocations " + ("at the highest step" if title == "top" else "after the run"))
        for line in report.get(title, []):
            print("   ", line)


@pytest.mark.slow
def test_forecast_tab_run_memory(tmp_path):
    """Prints the run's steps (VENDORDESK_BENCH_WORKSPACE=PATH of a 5,000 x 156 workspace)."""
    path = copied_big_workspace(tmp_path)
    _, report = run(path, trace=False)
    print_report(report)
    assert report["steps"] and report["steps"][-1]["fraction"] == 1.0


def main(argv: list[str]) -> None:
    import pickle

    if argv[0] == "--compare":
        with open(argv[1], "rb") as f, open(argv[2], "rb") as g:
            diff = differences(pickle.load(f), pickle.load(g))
        print("identical" if not diff else f"different: {', '.join(diff)}")
        sys.exit(1 if diff else 0)
    path, trace = Path(argv[0]), "--trace" in argv
    result, report = run(path, trace, "--where" in argv)
    print_report(report)
    if "--json" in argv:
        print(json.dumps({k: v for k, v in report.items() if k not in ("top", "held", "where")}))
    if "--dump" in argv:
        with open(argv[argv.index("--dump") + 1], "wb") as f:
            pickle.dump(shown(result), f)


if __name__ == "__main__":
    main(sys.argv[1:])
