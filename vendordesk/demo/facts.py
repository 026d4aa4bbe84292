"""Turn the simulation into fact-table rows (sales, traffic, inventory, Net PPM, forecasts)."""

from __future__ import annotations

import math
from datetime import date, timedelta

import numpy as np

from vendordesk.demo.catalog import Catalog
from vendordesk.demo.simulate import Sim

MARKETPLACE = "A1PA6795UKMFR9"
CONTRA_RATE = 0.11          # MDF 6 % + damage 3 % + freight 2 % of COGS (see terms)
KEY = (MARKETPLACE, "MANUFACTURING", "RETAIL", "week")


def _ratio(num: np.ndarray, den: np.ndarray, digits: int = 4) -> np.ndarray:
    out = np.full(num.shape, np.nan)
    ok = den > 0
    out[ok] = np.round(num[ok] / den[ok], digits)
    return out


def _col(a: np.ndarray) -> list:
    """Flattened column with NaN as None (SQL NULL)."""
    values = a.tolist()
    if np.isnan(a).any():
        return [None if math.isnan(v) else v for v in values]
    return values


class FactGrid:
    """Which (week, ASIN) cells exist (after launch), in primary-key order (ASIN, week)."""

    def __init__(self, cat: Catalog, starts: list[date]):
        order = sorted(range(len(cat.asins)), key=lambda i: cat.asins[i])
        launch = np.array([d.toordinal() for d in cat.launch])
        week_ord = np.array([s.toordinal() for s in starts])
        live = week_ord[:, None] >= launch[None, :]
        cols = np.array(order)
        self.live = live
        mask = live[:, cols].T                         # ASIN-major
        self.t_idx = np.nonzero(mask)[1]
        self.i_idx = cols[np.nonzero(mask)[0]]
        self.asin = [cat.asins[i] for i in self.i_idx.tolist()]
        iso = [s.isoformat() for s in starts]
        ends = [(s + timedelta(days=6)).isoformat() for s in starts]
        self.start = [iso[t] for t in self.t_idx.tolist()]
        self.end = [ends[t] for t in self.t_idx.tolist()]

    def pick(self, a: np.ndarray) -> np.ndarray:
        return a[self.t_idx, self.i_idx]

    def rows(self, import_id: int, *columns: list, currency: str | None = None) -> list[tuple]:
        head = [(a, *KEY, s, e) for a, s, e in zip(self.asin, self.start, self.end)]
        if currency is None:
            return [h + tuple(vals) + (import_id,) for h, *vals in zip(head, *columns)]
        return [h + (currency,) + tuple(vals) + (import_id,) for h, *vals in zip(head, *columns)]


def money(sim: Sim) -> dict[str, np.ndarray]:
    """Revenue, COGS, contra-COGS and sales discount per week and ASIN (rounded to cents)."""
    w = sim.w
    rev = np.round(w["shipped"] * w["asp"], 2)
    cogs = np.round(w["shipped"] * w["cost"], 2)
    contra = np.round(CONTRA_RATE * cogs + w["deal_funding"] * rev, 2)
    disc = np.round(w["coupon_rate"] * rev, 2)
    nppm = np.full(rev.shape, np.nan)
    ok = rev > 0
    nppm[ok] = (rev[ok] - cogs[ok] + contra[ok] - disc[ok]) / rev[ok]
    return {"rev": rev, "cogs": cogs, "contra": contra, "disc": disc, "nppm": nppm,
            "ord_rev": np.round(w["ordered"] * w["asp"], 2)}


def fact_rows(grid: FactGrid, sim: Sim, import_id: int) -> dict[str, list[tuple]]:
    w, po, m = sim.w, sim.po, money(sim)
    g = grid.pick
    sales = grid.rows(import_id, _col(g(m["ord_rev"])), _col(g(w["ordered"])), _col(g(m["rev"])),
                      _col(g(m["cogs"])), _col(g(w["shipped"])), _col(g(w["returns"])), currency="EUR")
    traffic = grid.rows(import_id, _col(g(w["glance"])))
    cost = w["cost"]
    inventory = grid.rows(
        import_id,
        _col(np.round(g(w["oos"]), 4)),
        _col(g(_ratio(po["conf"], po["req"]))),
        _col(g(_ratio(w["received"], w["arr_conf"]))),
        _col(g(_ratio(w["lt_sum"], w["received"], 1))),
        _col(g(_ratio(w["shipped"] - w["returns"], w["on_hand_start"] + w["received"]))),
        _col(g(w["open_po"])),
        _col(g(w["received"])),
        _col(g(np.round(w["received"] * cost, 2))),
        _col(g(w["on_hand"])),
        _col(g(np.round(w["on_hand"] * cost, 2))),
        _col(g(w["aged90"])),
        _col(g(w["unhealthy"])),
        _col(g(w["unfilled"])),
        currency="EUR")
    net_ppm = grid.rows(import_id, _col(g(m["nppm"])), _col(g(m["contra"])), _col(g(m["disc"])))
    return {"sales": sales, "traffic": traffic, "inventory": inventory, "net_ppm": net_ppm}


def forecast_rows(cat: Catalog, sim: Sim, starts: list[date], weeks: int, import_id: int,
                  generations: int = 16, horizon: int = 26) -> list[tuple]:
    """One generation per week for the last weeks: mean from Amazon's (censored) level (E02)."""
    iso = [s.isoformat() for s in starts]
    ends = [(s + timedelta(days=6)).isoformat() for s in starts]
    gens = np.arange(max(0, weeks - generations), weeks)
    targets = gens[:, None] + 1 + np.arange(horizon)[None, :]                     # (G, H)
    level = sim.level[gens]                                                       # (G, N)
    mean = np.round(level[:, :, None] * np.transpose(sim.future_k[targets], (0, 2, 1)), 1)
    cv = np.clip(1.6 / np.sqrt(np.maximum(level, 1.0)), 0.15, 0.6)[:, :, None] * np.sqrt(
        1 + np.arange(horizon) / 8.0)
    p70 = np.round(mean * (1 + 0.40 * cv), 1)
    p80 = np.round(np.maximum(mean * (1 + 0.75 * cv), p70 + 0.1), 1)
    p90 = np.round(np.maximum(mean * (1 + 1.25 * cv), p80 + 0.1), 1)
    cols = [a.tolist() for a in (mean, p70, p80, p90)]
    rows: list[tuple] = []
    for i in sorted(range(len(cat.asins)), key=lambda j: cat.asins[j]):
        asin, launch = cat.asins[i], cat.launch[i]
        for g, gi in enumerate(gens.tolist()):
            if starts[gi] < launch:
                continue
            gen = ends[gi]
            rows += [(asin, MARKETPLACE, "RETAIL", gen, iso[t], ends[t], m, a, b, c, import_id)
                     for t, m, a, b, c in zip(targets[g].tolist(), cols[0][g][i], cols[1][g][i],
                                              cols[2][g][i], cols[3][g][i])]
    return rows
