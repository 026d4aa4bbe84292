"""Week-by-week simulation of the demo account, vectorised across ASINs.

Each week follows the links of docs/domain.md §1.4: the vendor produces and ships the POs
that are due (E04/E06: capacity, confirmation, fill), Amazon receives them, places a new PO
from its forecast and target cover (E03, E05), customers see traffic (season, ads E24, rank
E28) and convert (price vs competitor E11, rating E21); stock-outs censor the orders (E01)
and Amazon's forecast learns from those censored orders (E02). Random shocks are latent
per ASIN and week and only enter through these links.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from vendordesk.demo.catalog import Catalog
from vendordesk.demo.demand import customers
from vendordesk.demo.state import Params, Shocks, State
from vendordesk.demo.steps import Recorder, amazon_orders, vendor_ships
from vendordesk.demo.stories import Stories
from vendordesk.demo.weeks import event_uplift, season_parts, seasonality

WARMUP = 26
HORIZON = 26


@dataclass
class Sim:
    """Report-window arrays (weeks x ASINs) plus PO lines and forecast levels."""

    w: dict[str, np.ndarray] = field(default_factory=dict)
    po: dict[str, np.ndarray] = field(default_factory=dict)
    level: np.ndarray | None = None         # Amazon forecast level after each report week
    future_k: np.ndarray | None = None      # seasonal index for report + future weeks
    cost_old: np.ndarray | None = None
    params: Any = None                      # state.Params
    own_capacity: np.ndarray | None = None


def _competitor_price(rng, cat, n_weeks, stories) -> np.ndarray:
    """Street price per week: a slow random walk, and a price war on the squeeze group (E11)."""
    n = len(cat.asins)
    steps = rng.normal(0, 0.006, (n_weeks, n))
    walk = np.zeros((n_weeks, n))
    for t in range(1, n_weeks):
        walk[t] = 0.97 * walk[t - 1] + steps[t]
    factor = np.exp(walk)
    squeeze = stories.margin_squeeze
    if squeeze:
        depth = rng.uniform(0.09, 0.15, len(squeeze))
        depth[[squeeze.index(i) for i in stories.crap_risk]] = 0.27
        start, stop = max(0, n_weeks - 30), max(1, n_weeks - 4)
        ramp = np.clip((np.arange(n_weeks) - start) / max(1, stop - start), 0, 1)
        factor[:, squeeze] *= 1 - ramp[:, None] * depth[None, :]
    return cat.price[None, :] * factor


def _capacity_factor(n_weeks, n, starts, stories, report0) -> np.ndarray:
    """Summer works holiday for everyone; a heating-element shortage on the spiral ASINs."""
    factor = np.ones((n_weeks, n))
    holiday = np.array([s.month == 8 and s.day <= 14 for s in starts[:n_weeks]])
    factor[holiday] = 0.5
    count = len(stories.oos_spiral)
    for k, i in enumerate(stories.oos_spiral):   # the element supplier fails model after model
        s0 = report0 + stories.spiral_start + round(k * 8 / max(1, count - 1))
        for start, level in ((0, 0.12), (6, 0.08)):
            factor[s0 + start:, i] = level
    return factor


def _rating_path(rating: np.ndarray, total: int, stories: Stories) -> np.ndarray:
    """Star rating per week; a faulty batch drags the overstock ASINs from 4.4 to 3.4 stars."""
    path = np.repeat(rating[None, :], total, axis=0)
    start = WARMUP + stories.quality_start
    ramp = np.clip((np.arange(total) - start) / 4.0, 0, 1)
    path[:, stories.quality_overstock] = 4.4 - 1.0 * ramp[:, None]
    return path


def simulate(rng: np.random.Generator, cat: Catalog, starts: list, report_weeks: int,
             stories: Stories, cost_increase_week: int) -> Sim:
    """Run WARMUP + report weeks; ``starts`` holds the Sundays incl. HORIZON future weeks."""
    n = len(cat.asins)
    total = WARMUP + report_weeks
    p = Params(rng, cat)
    parts = season_parts(starts)
    k_all = seasonality(parts, p.q4, p.summer) * event_uplift(parts)[:, None]
    comp = _competitor_price(rng, cat, total, stories)
    cap = p.capacity[None, :] * _capacity_factor(total, n, starts, stories, WARMUP)
    launch_idx = np.array([sum(1 for s in starts if s < d) for d in cat.launch])
    cost_old = np.round(cat.cost / 1.04, 2)
    state = State(n, cat, p, k_all, launch_idx)
    state.rating_path = _rating_path(p.rating, total, stories)
    state.extra_order = np.zeros((total, n))
    for i in stories.quality_overstock:   # a deal build arriving just as the rating collapses
        state.extra_order[max(0, WARMUP + stories.quality_start - int(p.lead[i]) - 1), i] = 16.0    # weeks of forecast
    shocks = Shocks(rng, total, n)
    rec = Recorder(total, n)
    ad_limit = np.ones((total, n))
    ad_limit[max(0, total - 10):, stories.crap_risk] = 0.3    # CRaP: ads restricted (E14)
    for t in range(total):
        vendor_ships(t, state, p, cap, rng, rec)
        amazon_orders(t, state, p, k_all, cap, rng, rec)
        customers(t, state, p, cat, k_all, comp, parts, shocks, rng, rec, ad_limit)
    del shocks, comp, ad_limit, state      # before finish's temporaries: the peak of the whole demo
    sim = rec.finish(WARMUP, cost_old, cat.cost, cost_increase_week)
    sim.level = rec.level[WARMUP:]
    sim.future_k = k_all[WARMUP:]
    sim.cost_old = cost_old
    sim.params = p
    sim.own_capacity = cap[WARMUP:]
    return sim
