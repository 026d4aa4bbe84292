"""Per-ASIN parameters, latent shocks and the running state of the demo simulation."""

from __future__ import annotations

import numpy as np

from vendordesk.demo.catalog import FAMILIES, Catalog


class Params:
    """Per-ASIN behaviour drawn once from the seed."""

    def __init__(self, rng: np.random.Generator, cat: Catalog):
        n = len(cat.asins)
        self.conv = rng.uniform(0.06, 0.13, n)
        self.rating = np.clip(rng.normal(4.35, 0.2, n), 3.7, 4.8)
        self.elast = rng.uniform(1.5, 2.5, n)
        self.lead = rng.choice([1, 2, 3], size=n, p=[0.35, 0.45, 0.2])
        self.case = rng.choice([2, 4, 6, 8], size=n)
        self.p_late = rng.uniform(0.01, 0.07, n)
        self.p_short = rng.uniform(0.01, 0.05, n)
        self.p_asn = rng.uniform(0.005, 0.04, n)
        pull = np.exp(1.2 * (self.rating - 4.3))            # demand at this rating vs base
        self.capacity = np.ceil(cat.base_demand * pull * rng.uniform(2.0, 2.8, n))
        self.ret_rate = rng.uniform(0.02, 0.07, n)
        self.ads = rng.random(n) < 0.75
        self.ad_share = rng.uniform(0.05, 0.12, n) * self.ads
        self.cpc = rng.uniform(0.45, 0.95, n)
        self.deal = rng.random(n) < 0.5
        self.deal_depth = rng.uniform(0.12, 0.25, n) * self.deal
        self.coupon = rng.random(n) < 0.3
        self.base_oos = rng.uniform(0.003, 0.02, n)
        self.q4 = np.array([FAMILIES[f].q4_amp for f in cat.family]) * rng.uniform(0.8, 1.2, n)
        self.summer = np.array([FAMILIES[f].summer for f in cat.family])


class Shocks:
    """Latent AR(1) demand shock and weekly uniform draws per ASIN (shared across links)."""

    def __init__(self, rng, total, n):
        eps = rng.normal(0, 0.12, (total, n))
        self.demand = np.zeros((total, n))
        for t in range(1, total):
            self.demand[t] = 0.6 * self.demand[t - 1] + eps[t]
        self.oos = rng.lognormal(0, 0.5, (total, n))
        self.coupon = rng.random((total, n))


class State:
    rating_path: np.ndarray       # star rating per week (set by simulate)
    extra_order: np.ndarray       # extra weeks of forecast Amazon orders (set by simulate)

    def __init__(self, n, cat, p, k_all, launch_idx):
        live = launch_idx <= 0
        self.on_hand = np.where(live, np.round(4 * cat.base_demand * k_all[0]), 0.0)
        self.own = np.where(live, np.round(3 * cat.base_demand), np.round(cat.base_demand))
        self.level = np.where(live, cat.base_demand, 0.5 * cat.base_demand)
        self.open_po = np.zeros(n)
        self.committed = np.zeros(n)
        self.req_avg = cat.base_demand.copy()
        self.conf_avg = np.ones(n)
        self.ord_avg = cat.base_demand.copy()
        self.dem_avg = cat.base_demand.copy()
        self.ship_avg = cat.base_demand.copy()
        self.backlog = np.zeros(n)
        self.prev_ord = np.zeros(n)
        self.prev_oos = np.zeros(n)
        self.launch_idx = launch_idx
        self.rating = p.rating.copy()
        self.reviews = np.round(cat.base_demand * 6 * (1 + np.arange(n) % 5))
