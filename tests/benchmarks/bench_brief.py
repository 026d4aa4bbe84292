"""The negotiation brief renders to PDF in < 2 s for 50 ASINs (analysis + HTML + chart + PDF),
for either audience; from the command line, cold, `vendordesk brief negotiation` takes less than
2x `vendordesk --version` plus 1 s (both measured side by side here, fresh processes).

Run: pytest tests/benchmarks/bench_brief.py -p no:cacheprovider -s

Wall time depends on how busy the machine is (a shared CI box with load 7 on 2 cores more than
doubles it), so the budget is checked on the best of three runs, and the CPU time of this
process is printed (and checked) beside it.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import time

import pytest

from vendordesk.core.negotiation.model import Case, Driver, Item, default_scenarios
from vendordesk.store import open_workspace
from vendordesk.store.negotiations import analyse_case, save_case

ASINS, WEEKS, BUDGET_S = 50, 104, 2.0


def _workspace(path):
    rnd = random.Random(11)
    ws = open_workspace(path)
    ws.set_meta("currency", "EUR")
    start = dt.date.today() - dt.timedelta(weeks=WEEKS)
    start -= dt.timedelta(days=(start.weekday() + 1) % 7)   # a Sunday
    items = []
    with ws.transaction() as conn:
        for k in range(ASINS):
            asin = f"B0BENCH{k:03d}"
            price, cost = rnd.uniform(10, 80), 0.0
            cost = price * rnd.uniform(0.45, 0.6)
            conn.execute("INSERT INTO products(asin, title) VALUES (?, ?)", (asin, f"Produkt {k} mit langem Namen"))
            rows = []
            for i in range(WEEKS):
                week = start + dt.timedelta(weeks=i)
                units = rnd.uniform(5, 60)
                rows.append((asin, week.isoformat(), (week + dt.timedelta(days=6)).isoformat(),
                             units * price * rnd.uniform(0.95, 1.05), units, units * cost))
            conn.executemany("INSERT INTO sales_facts (asin, grain, period_start, period_end, shipped_revenue, "
                             "shipped_units, shipped_cogs) VALUES (?, 'week', ?, ?, ?, ?, ?)", rows)
            items.append(Item(asin, round(cost, 2), round(cost * 1.07, 2), own_cost_before=round(cost * 0.6, 2)))
        conn.execute("INSERT INTO terms (term_type, rate, basis) VALUES ('MDF', 0.10, 'cogs')")
    case = Case(id=None, title="Benchmark CPI", currency="EUR",
                effective_date=(dt.date.today() + dt.timedelta(days=80)).isoformat(), items=items,
                drivers=[Driver("materials", 0.5, 0.1, "PPI"), Driver("energy", 0.2, 0.1), Driver("labour", 0.3, 0.03)],
                scenarios=default_scenarios())
    return ws, save_case(ws, case)


@pytest.mark.parametrize("lang,audience", [("de", "internal"), ("en", "internal"), ("de", "amazon")])
def test_brief_pdf_50_asins_under_2_s(qapp, tmp_path, lang, audience):
    from vendordesk.ops.negotiation import account_facts
    from vendordesk.ui.negotiation.brief import write_pdf

    ws, case_id = _workspace(tmp_path / "bench.vendordesk")
    elasticity = (-1.5, "default")
    write_pdf(analyse_case(ws, case_id, elasticity=elasticity), lang, account_facts(ws), tmp_path / "warm.pdf",
              audience)
    timings, cpu = [], []
    for run in range(3):
        started, cpu_started = time.perf_counter(), time.process_time()
        analysis = analyse_case(ws, case_id, elasticity=elasticity)
        out = write_pdf(analysis, lang, account_facts(ws, analysis.case.asins), tmp_path / f"brief{run}.pdf",
                        audience)
        timings.append(time.perf_counter() - started)
        cpu.append(time.process_time() - cpu_started)
    ws.close()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"\nbrief {lang} {audience}, {ASINS} ASINs x {WEEKS} weeks: wall best {min(timings):.2f} s / worst "
          f"{max(timings):.2f} s, CPU best {min(cpu):.2f} s, {out.stat().st_size / 1024:.0f} KiB, "
          f"load average {load:.1f} on {os.cpu_count()} cores")
    assert min(cpu) < BUDGET_S
    if load <= (os.cpu_count() or 1):   # an idle machine: the wall-clock budget applies as well
        assert min(timings) < BUDGET_S


def _cold(*args: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)      # as installed: bytecode cached after the warm-up run
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "vendordesk", *args], check=True, capture_output=True, env=env,
                   timeout=120)
    return time.perf_counter() - started


def test_cli_brief_cold_under_twice_version_plus_1_s(tmp_path):
    ws, case_id = _workspace(tmp_path / "bench.vendordesk")
    ws.close()
    brief = ["brief", "negotiation", str(case_id), "--workspace", str(tmp_path / "bench.vendordesk"),
             "--audience", "amazon", "--out", str(tmp_path / "cli.pdf")]
    _cold("--version"), _cold(*brief)                     # warm the file cache, not the interpreter
    version, briefs = [], []
    for _ in range(3):                                    # side by side, alternating
        version.append(_cold("--version"))
        briefs.append(_cold(*brief))
    v, b = statistics.median(version), statistics.median(briefs)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"\ncold CLI: --version {v:.2f} s, brief (50 ASINs, amazon) {b:.2f} s, budget {2 * v + 1:.2f} s, "
          f"load {load:.1f}")
    if load <= (os.cpu_count() or 1):   # an idle machine: fixed import costs scale with the load, the 1 s does not
        assert b < 2 * v + 1.0
