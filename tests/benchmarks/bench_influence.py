"""Benchmarks of the interdependency model (issue 4 targets).

- a 26-week what-if simulation on the full default graph: < 50 ms;
- (the one calibration, the structural model's, is benchmarked in bench_model.py);
- the active-chain scan on the same data (reported, no target).
Run: pytest tests/benchmarks/bench_influence.py -p no:cacheprovider -s
"""

from __future__ import annotations

import time

import numpy as np
import pandas as pd

from vendordesk.core.influence.chains import active_chains
from vendordesk.core.influence.graph import Graph
from vendordesk.core.influence.sim import Baseline, parse_shock, simulate

ASINS, WEEKS = 2000, 104
OOS = "procurable_product_out_of_stock_rate"


def synthetic(asins: int = ASINS, weeks: int = WEEKS, seed: int = 3):
    """Weekly facts with a planted OOS elasticity of 1.4 and price elasticity of 1.1; forecasts with 0.6 at lag 2."""
    rng = np.random.default_rng(seed)
    starts = pd.date_range("2024-11-24", periods=weeks, freq="7D").strftime("%Y-%m-%d")
    names = [f"B{i:09d}" for i in range(asins)]
    oos = np.clip(rng.uniform(0, 0.08, (weeks, asins)) + (rng.random((weeks, asins)) < 0.08) * 0.3, 0, 0.9)
    lnp = np.log(rng.uniform(10, 60, asins)) + rng.normal(0, 0.05, (weeks, asins))
    lnu = rng.uniform(2, 6, asins) - 1.4 * oos - 1.1 * (lnp - lnp.mean(0)) + rng.normal(0, 0.08, (weeks, asins))
    units, price = np.round(np.exp(lnu)), np.exp(lnp)
    frame = pd.DataFrame({"asin": np.tile(names, weeks), "period_start": np.repeat(starts, asins),
                          "ordered_units": units.ravel(), "shipped_units": units.ravel(),
                          "shipped_revenue": (units * price).ravel(), "shipped_cogs": (units * price * 0.6).ravel(),
                          OOS: oos.ravel(), "glance_views": (units * 12).ravel()})
    gens = range(weeks - 16, weeks)
    fc = pd.DataFrame({"asin": np.tile(names, len(gens)),
                       "generation_date": np.repeat([starts[g] for g in gens], asins),
                       "week_start": np.repeat([(pd.Timestamp(starts[g]) + pd.Timedelta(days=7)).strftime("%Y-%m-%d")
                                                for g in gens], asins),
                       "mean_units": np.concatenate([np.exp(1 + 0.6 * lnu[g - 2]) for g in gens])})
    return frame, fc


def _best_of(fn, rounds: int = 3) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def test_simulation_26_weeks_under_50_ms():
    graph = Graph.default()
    base = Baseline(units=14000, asp=39.0, cost=23.0, net_ppm=0.45, rates={OOS: 0.03})
    shocks = [parse_shock(f"{OOS}=+0.08@4"), parse_shock("cost_price=+6%"), parse_shock("ad_spend=-30%")]
    seconds = _best_of(lambda: simulate(graph, shocks, 26, base), rounds=20)
    print(f"\n26-week simulation, {len(graph.edges)} links, 3 shocks: {seconds * 1000:.2f} ms (target < 50 ms)")
    assert seconds < 0.050


def test_chain_scan_2000_asins():
    frame, _ = synthetic()
    seconds = _best_of(lambda: active_chains(frame), rounds=2)
    print(f"\nactive-chain scan {ASINS} ASINs x {WEEKS} weeks: {seconds:.2f} s")
    assert seconds < 10
