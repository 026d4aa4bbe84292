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
        self.cat_asins = cat.asins
        mask = live[:, cols].T                         # ASIN-major
        self.t_idx = np.nonzero(mask)[1]
        self.i_idx = cols[np.nonzero(mask)[0]]
        self.iso = [s.isoformat() for s in starts]
        self.ends = [(s + timedelta(days=6)).isoformat() for s in starts]

    def pick(self, a: np.ndarray) -> np.ndarray:
        return a[self.t_idx, self.i_idx]

    def rows(self, import_id: int, arrays: dict[str, np.ndarray], columns, currency: str | None = None) -> Rows:
        """The rows of ``columns(cells)``, made CHUNK at a time as they are written: ``cells`` maps a
        name of ``arrays`` (week x ASIN) to its values at the chunk's cells (:class:`Cells`), and
        ``columns`` derives the table's columns from them, element by element."""
        cur = () if currency is None else (currency,)

        def make(lo: int, hi: int) -> list[tuple]:
            cells = Cells(arrays, self.t_idx[lo:hi], self.i_idx[lo:hi])
            cols = [_col(np.asarray(c)) for c in columns(cells)]
            asins, iso, ends = self.cat_asins, self.iso, self.ends
            heads = ((asins[i], iso[t], ends[t]) for t, i in zip(self.t_idx[lo:hi].tolist(), self.i_idx[lo:hi].tolist()))
            return [(a, *KEY, s, e, *cur, *vals, import_id) for (a, s, e), *vals in zip(heads, *cols)]

        return Rows(len(self.t_idx), make, series=self.series)

    def series(self) -> list[tuple]:
        """The fact-series keys (asin + KEY) of the live cells, without making any row."""
        live = np.unique(self.i_idx)
        return [(self.cat_asins[i], *KEY) for i in live.tolist()]


CHUNK = 20_000


class Cells(dict):
    """``cells[name]``: the week x ASIN array ``arrays[name]`` at the cells (t, i), picked on first use."""

    def __init__(self, arrays: dict[str, np.ndarray], t: np.ndarray, i: np.ndarray):
        super().__init__()
        self.arrays, self.t, self.i = arrays, t, i

    def __missing__(self, name: str) -> np.ndarray:
        value = self[name] = self.arrays[name][self.t, self.i]
        return value


class Rows:
    """Table rows made on demand, a chunk at a time: ``executemany`` streams them, so the demo's
    memory stays flat in the number of ASIN-weeks. ``len()`` needs no rows; ``+ list`` appends.
    ``series()``, when given, names the fact-series keys (the rows' first five values) of the
    made rows without making them; :meth:`keys` adds the tail's."""

    def __init__(self, count: int, make, tail: list | Rows | None = None, step: int = CHUNK, series=None,
                 size: int | None = None):
        self.count, self.make, self.step = count, make, step
        self.tail = tail if isinstance(tail, Rows) else list(tail or ())
        self.series, self.size = series, size

    def keys(self) -> set[tuple]:
        """The distinct first five values of the rows (made only when no ``series`` was given)."""
        made = self.series() if self.series else (tuple(r[:5]) for lo in range(0, self.count, self.step)
                                                  for r in self.make(lo, min(self.count, lo + self.step)))
        tail = self.tail.keys() if isinstance(self.tail, Rows) else (tuple(r[:5]) for r in self.tail)
        return {*made, *tail}

    def __len__(self) -> int:
        """Rows made plus the tail; ``size`` is the number of rows made when ``make`` makes more
        (or fewer) than one row per unit of ``count``."""
        return (self.count if self.size is None else self.size) + len(self.tail)

    def __iter__(self):
        for lo in range(0, self.count, self.step):
            yield from self.make(lo, min(self.count, lo + self.step))
        yield from self.tail

    def __add__(self, other) -> Rows:
        """These rows, then ``other``'s: a list, or Rows that stay made on demand (when no tail yet)."""
        if isinstance(other, Rows) and not self.tail:
            return Rows(self.count, self.make, other, self.step, self.series, self.size)
        return Rows(self.count, self.make, [*self.tail, *other], self.step, self.series, self.size)

    def __eq__(self, other) -> bool:
        return list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]    # a list of rows: not hashable


def money(w) -> dict[str, np.ndarray]:
    """Revenue, COGS, contra-COGS and sales discount per week and ASIN (rounded to cents), from the
    simulation's weekly arrays ``w`` (or their values at some cells: all of it is element by element)."""
    rev = np.round(w["shipped"] * w["asp"], 2)
    cogs = np.round(w["shipped"] * w["cost"], 2)
    contra = np.round(CONTRA_RATE * cogs + w["deal_funding"] * rev, 2)
    disc = np.round(w["coupon_rate"] * rev, 2)
    nppm = np.full(rev.shape, np.nan)
    ok = rev > 0
    nppm[ok] = (rev[ok] - cogs[ok] + contra[ok] - disc[ok]) / rev[ok]
    return {"rev": rev, "cogs": cogs, "contra": contra, "disc": disc, "nppm": nppm,
            "ord_rev": np.round(w["ordered"] * w["asp"], 2)}


def _sales(w) -> list[np.ndarray]:
    m = money(w)
    return [m["ord_rev"], w["ordered"], m["rev"], m["cogs"], w["shipped"], w["returns"]]


def _inventory(w) -> list[np.ndarray]:
    cost = w["cost"]
    return [np.round(w["oos"], 4),
            _ratio(w["po_conf"], w["po_req"]),
            _ratio(w["received"], w["arr_conf"]),
            _ratio(w["lt_sum"], w["received"], 1),
            _ratio(w["shipped"] - w["returns"], w["on_hand_start"] + w["received"]),
            w["open_po"],
            w["received"],
            np.round(w["received"] * cost, 2),
            w["on_hand"],
            np.round(w["on_hand"] * cost, 2),
            w["aged90"],
            w["unhealthy"],
            w["unfilled"]]


def _net_ppm(w) -> list[np.ndarray]:
    m = money(w)
    return [m["nppm"], m["contra"], m["disc"]]


def fact_rows(grid: FactGrid, sim: Sim, import_id: int) -> dict[str, Rows]:
    """The four weekly fact tables; each chunk's columns are worked out from the simulation's arrays
    at its live cells only (the weekly arrays, and the PO arrays as ``po_<name>``)."""
    arrays = {**sim.w, **{f"po_{k}": v for k, v in sim.po.items()}}
    return {"sales": grid.rows(import_id, arrays, _sales, currency="EUR"),
            "traffic": grid.rows(import_id, arrays, lambda w: [w["glance"]]),
            "inventory": grid.rows(import_id, arrays, _inventory, currency="EUR"),
            "net_ppm": grid.rows(import_id, arrays, _net_ppm)}


def forecast_rows(cat: Catalog, sim: Sim, starts: list[date], weeks: int, import_id: int,
                  generations: int = 16, horizon: int = 26) -> Rows:
    """One generation per week for the last weeks: mean from Amazon's (censored) level (E02)."""
    assert sim.level is not None and sim.future_k is not None
    level_all, future_all = sim.level, sim.future_k
    iso = [s.isoformat() for s in starts]
    ends = [(s + timedelta(days=6)).isoformat() for s in starts]
    gens = np.arange(max(0, weeks - generations), weeks)
    targets = gens[:, None] + 1 + np.arange(horizon)[None, :]                     # (G, H)
    def quantiles(cols: list[int]) -> tuple[np.ndarray, ...]:
        """Mean and p70/p80/p90, (G, len(cols), H), of these ASINs (element by element)."""
        level = level_all[gens][:, cols]                                          # (G, n)
        mean = np.round(level[:, :, None] * np.transpose(future_all[:, cols][targets], (0, 2, 1)), 1)
        cv = np.clip(1.6 / np.sqrt(np.maximum(level, 1.0)), 0.15, 0.6)[:, :, None] * np.sqrt(
            1 + np.arange(horizon) / 8.0)
        p70 = np.round(mean * (1 + 0.40 * cv), 1)
        p80 = np.round(np.maximum(mean * (1 + 0.75 * cv), p70 + 0.1), 1)
        p90 = np.round(np.maximum(mean * (1 + 1.25 * cv), p80 + 0.1), 1)
        return mean, p70, p80, p90

    order = sorted(range(len(cat.asins)), key=lambda j: cat.asins[j])
    live = [[g for g, gi in enumerate(gens.tolist()) if starts[gi] >= cat.launch[i]] for i in order]
    per = [0]
    for gs in live:
        per.append(per[-1] + len(gs))

    def make(lo: int, hi: int) -> list[tuple]:
        rows: list[tuple] = []
        mean, p70, p80, p90 = quantiles(order[lo:hi])
        for k in range(lo, hi):          # one ASIN per step
            asin, j = cat.asins[order[k]], k - lo
            for g in live[k]:
                gen = ends[gens[g]]
                rows += [(asin, MARKETPLACE, "RETAIL", gen, iso[t], ends[t], m, a, b, c, import_id)
                         for t, m, a, b, c in zip(targets[g].tolist(), mean[g, j].tolist(), p70[g, j].tolist(),
                                                  p80[g, j].tolist(), p90[g, j].tolist())]
        return rows

    return Rows(len(order), make, step=max(1, CHUNK // (generations * horizon)), size=per[-1] * horizon)
