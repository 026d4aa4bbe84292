"""What-if simulation: shocks propagated through the KPI graph week by week.

Dynamics (linear in deviations from the unshocked baseline, then bounded):

    x[t, k] = shock[t, k] + sum over links j->k of  sign * strength * x[t - lag, j]

- Links with lag >= 1 read earlier weeks, so they can never recurse.
- Lag-0 links are evaluated within a week in topological order. Where lag-0 links form a
  cycle, the link that closes it is read one week late (treated as lag 1): no recursion.
- Every KPI is clipped to its physical range (a rate stays in 0..1 around its baseline, a
  relative level stays in -100 %..+300 %). So even a loop with gain >= 1 stays bounded.
- A loop with |gain| < 1 converges geometrically after the shock ends.

Money (domain §1.5): vendor revenue = shipped COGS = units x cost price; Amazon revenue =
shipped revenue = units x ASP; Amazon's margin in EUR = revenue x Net PPM.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from vendordesk.core.influence.graph import ASP, COST, KPIS, OOS, POINTS, PPM, UNITS, Edge, Graph
from vendordesk.core.missing import is_missing
from vendordesk.text import texts

if TYPE_CHECKING:
    import pandas as pd

REL_BOUNDS = (-1.0, 3.0)
MAX_WEEKS = 260


@dataclass(frozen=True)
class Shock:
    """Add ``delta`` to ``kpi`` from week ``start`` for ``weeks`` weeks (None = whole horizon)."""

    kpi: str
    delta: float
    weeks: int | None = None
    start: int = 0


@dataclass
class Baseline:
    """Weekly account (or ASIN group) levels the shocks are measured against."""

    units: float = 0.0          # ordered units per week
    asp: float = 0.0            # shipped revenue / shipped units
    cost: float = 0.0           # shipped COGS / shipped units
    net_ppm: float = float("nan")
    rates: dict[str, float] = field(default_factory=dict)   # baseline of POINTS KPIs (e.g. OOS)

    @property
    def vendor_revenue(self) -> float:
        return self.units * self.cost

    @property
    def amazon_revenue(self) -> float:
        return self.units * self.asp


@dataclass
class SimResult:
    weeks: int
    paths: dict[str, list[float]]
    totals: dict[str, float]
    weekly: dict[str, list[float]]      # money/unit paths: units, vendor_revenue, amazon_revenue

    def to_json(self) -> dict[str, Any]:
        return {"weeks": self.weeks, "paths": self.paths, "totals": self.totals}


_SHOCK_RE = re.compile(r"^\s*([a-z0-9_]+)\s*=\s*([+-]?\s*[0-9]*[.,]?[0-9]+)\s*(%?)\s*(?:@\s*([0-9]+))?\s*$")


def parse_shock(text: str) -> Shock:
    """``KPI=DELTA[%][@WEEKS]`` -> Shock. '%' divides by 100. ValueError says what to fix."""
    match = _SHOCK_RE.match(text or "")
    if not match:
        raise ValueError(f"'{text}' is not KPI=DELTA[@WEEKS]. Write e.g. "
                         "procurable_product_out_of_stock_rate=+0.08@4 or cost_price=+6%.")
    name, number, pct, weeks = match.groups()
    if name not in KPIS:
        raise ValueError(f"'{name}' is not a known KPI. Use one of: {', '.join(sorted(KPIS))}.")
    delta = float(number.replace(" ", "").replace(",", "."))
    if pct:
        delta /= 100.0
    if weeks is not None and int(weeks) < 1:
        raise ValueError(f"'{text}': @WEEKS must be at least 1.")
    return Shock(name, delta, int(weeks) if weeks else None)


def _order(graph: Graph, nodes: list[str]) -> tuple[list[str], set[str]]:
    """Topological order of the lag-0 subgraph; ids of lag-0 links that close a cycle."""
    index = {n: i for i, n in enumerate(nodes)}
    succ: dict[str, list[Edge]] = {n: [] for n in nodes}
    for e in graph.edges.values():
        if e.lag == 0:
            succ[e.src].append(e)
    order, state, deferred = [], dict.fromkeys(nodes, 0), set()

    def visit(start: str) -> None:           # iterative DFS (no recursion limit)
        stack = [(start, iter(succ[start]))]
        state[start] = 1
        while stack:
            node, it = stack[-1]
            for e in it:
                if state[e.dst] == 1:
                    deferred.add(e.id)       # back link: read one week late
                elif state[e.dst] == 0:
                    state[e.dst] = 1
                    stack.append((e.dst, iter(succ[e.dst])))
                    break
            else:
                stack.pop()
                state[node] = 2
                order.append(node)

    for n in sorted(nodes, key=lambda name: index[name]):
        if state[n] == 0:
            visit(n)
    return order[::-1], deferred


def _bounds(nodes: list[str], baseline: Baseline) -> tuple[np.ndarray, np.ndarray]:
    """A rate stays in 0..1 (Net PPM in -1..1) around its baseline; a level in -100 %..+300 %."""
    lo, hi = np.full(len(nodes), REL_BOUNDS[0]), np.full(len(nodes), REL_BOUNDS[1])
    for i, name in enumerate(nodes):
        if KPIS[name].scale == POINTS:
            base = baseline.rates.get(name)
            if base is None or is_missing(base):      # level unknown: a change of -1..+1, not a floor at 0
                lo[i], hi[i] = -1.0, 1.0
                continue
            floor = -1.0 if name == PPM else 0.0
            lo[i], hi[i] = floor - base, 1.0 - base
    return lo, hi


def propagate(graph: Graph, shocks: list[Shock], weeks: int, baseline: Baseline | None = None) -> dict[str, np.ndarray]:
    """Deviation paths (weeks long) of every KPI in the graph."""
    if not 1 <= weeks <= MAX_WEEKS:
        raise ValueError(f"weeks must be between 1 and {MAX_WEEKS}.")
    baseline = baseline or Baseline()
    nodes = sorted(set(graph.nodes()) | {s.kpi for s in shocks})
    idx = {n: i for i, n in enumerate(nodes)}
    x = np.zeros((weeks, len(nodes)))
    for s in shocks:
        end = weeks if s.weeks is None else min(weeks, s.start + s.weeks)
        x[s.start:end, idx[s.kpi]] += s.delta
    order, deferred = _order(graph, nodes)
    lagged = [(idx[e.src], idx[e.dst], e.weight, max(e.lag, 1 if e.id in deferred else 0))
              for e in graph.edges.values() if e.lag > 0 or e.id in deferred]
    instant: dict[int, list[tuple[int, float]]] = {}
    for e in graph.edges.values():
        if e.lag == 0 and e.id not in deferred:
            instant.setdefault(idx[e.dst], []).append((idx[e.src], e.weight))
    lo, hi = _bounds(nodes, baseline)
    for t in range(weeks):
        row = x[t]
        for src, dst, w, lag in lagged:
            if t >= lag:
                row[dst] += w * x[t - lag, src]
        for name in order:
            k = idx[name]
            for src, w in instant.get(k, ()):
                row[k] += w * row[src]
            row[k] = min(max(row[k], lo[k]), hi[k])
    return {n: x[:, idx[n]] for n in nodes}


def simulate(graph: Graph, shocks: list[Shock], weeks: int = 26, baseline: Baseline | None = None) -> SimResult:
    """Propagate ``shocks`` and price the result against the unshocked baseline."""
    baseline = baseline or Baseline()
    paths = propagate(graph, shocks, weeks, baseline)
    zero = np.zeros(weeks)
    xu, xp, xc = paths.get(UNITS, zero), paths.get(ASP, zero), paths.get(COST, zero)
    xm = paths.get(PPM, zero)
    units = baseline.units * (1 + xu)
    vendor = units * baseline.cost * (1 + xc)
    amazon = units * baseline.asp * (1 + xp)
    ppm0 = 0.0 if baseline.net_ppm != baseline.net_ppm else baseline.net_ppm
    margin = amazon * (ppm0 + xm)
    base_rev = baseline.amazon_revenue * weeks
    ppm_after = margin.sum() / amazon.sum() if amazon.sum() > 0 else ppm0 + float(xm.mean())
    totals = {
        "units": float(units.sum() - baseline.units * weeks),
        "vendor_revenue": float(vendor.sum() - baseline.vendor_revenue * weeks),
        "amazon_revenue": float(amazon.sum() - base_rev),
        "net_ppm": float(ppm_after - ppm0),
        "net_ppm_eur": float(margin.sum() - base_rev * ppm0),
    }
    affected = {k: [round(float(v), 6) for v in p] for k, p in paths.items() if np.any(np.abs(p) > 1e-9)}
    weekly = {"units": (units - baseline.units).tolist(),
              "vendor_revenue": (vendor - baseline.vendor_revenue).tolist(),
              "amazon_revenue": (amazon - baseline.amazon_revenue).tolist()}
    return SimResult(weeks, affected, totals, weekly)


def baseline_from_frame(frame: pd.DataFrame | None, weeks: int = 13) -> Baseline:
    """The average week of the last ``weeks`` weeks of a weekly facts frame (asin, period_start, ...)."""
    if frame is None or frame.empty or "period_start" not in frame:
        return Baseline()
    recent = sorted(frame["period_start"].unique())[-weeks:]
    part = frame[frame["period_start"].isin(recent)]
    n = max(len(recent), 1)

    def total(col: str) -> float:
        return float(part[col].sum(skipna=True)) if col in part else 0.0

    shipped = total("shipped_units")
    rev, cogs = total("shipped_revenue"), total("shipped_cogs")
    ordered = total("ordered_units") or shipped
    rates = {}
    if OOS in part and "glance_views" in part:
        gv = part["glance_views"].fillna(0)
        mask = part[OOS].notna()
        rates[OOS] = float((part[OOS] * gv)[mask].sum() / gv[mask].sum()) if gv[mask].sum() > 0 else float(part[OOS].mean())
    elif OOS in part:
        rates[OOS] = float(part[OOS].mean())
    ppm = float("nan")
    if PPM in part and part[PPM].notna().any():
        w = part["shipped_revenue"].fillna(0) if "shipped_revenue" in part else None
        mask = part[PPM].notna()
        ppm = float((part[PPM] * w)[mask].sum() / w[mask].sum()) if w is not None and w[mask].sum() > 0 else float(part[PPM].mean())
        rates[PPM] = ppm
    return Baseline(units=ordered / n, asp=rev / shipped if shipped > 0 else 0.0,
                    cost=cogs / shipped if shipped > 0 else 0.0, net_ppm=ppm,
                    rates={k: v for k, v in rates.items() if not is_missing(v)})


# --- input checks -------------------------------------------------------------------------------
REL_RANGE = {"ad_spend": (-1.0, 3.0)}          # relative shocks: -100 % .. +100 % unless listed


def check_shock(shock: Shock, level: float | None = None, lang: str = "en") -> None:
    """ValueError naming the range when a shock is outside its KPI's range or looks like a
    forgotten % or a wrong scale (``content_score=+10``, ``cost_price=+6``). ``level``: the
    KPI's current value for a rate (e.g. OOS 0.03), so the shocked rate stays within 0..1.
    The message is in ``lang`` (the window's language; the command line's is English)."""
    _ = texts(lang)
    kpi = KPIS[shock.kpi]
    d = shock.delta
    if kpi.scale == POINTS:
        lo, hi = (-1.0, 1.0)
        if not lo <= d <= hi:
            hint = _(" Did you mean {fraction} ({points} points)?").format(fraction=f"{d / 100:+.2f}", points=f"{d:+g}") \
                if 1 < abs(d) <= 100 else ""
            raise ValueError(_("{kpi}={delta}: a rate is a fraction 0..1, so a change must lie between -1 and +1 "
                               "(e.g. +0.08 = 8 points).").format(kpi=shock.kpi, delta=f"{d:+g}") + hint)
        if level is not None and not is_missing(level):
            floor = -1.0 if shock.kpi == PPM else 0.0
            after = level + d
            if not floor - 1e-9 <= after <= 1.0 + 1e-9:
                raise ValueError(_("{kpi}={delta}: it is {level} % now, so the change must lie between {low} and "
                                   "{high} (the rate stays within {floor}..100 %).").format(
                    kpi=shock.kpi, delta=f"{d:+g}", level=f"{level * 100:.1f}", low=f"{floor - level:+.3f}",
                    high=f"{1 - level:+.3f}", floor=f"{floor * 100:.0f}"))
        return
    lo, hi = REL_RANGE.get(shock.kpi, (-1.0, 1.0))
    if not lo <= d <= hi:
        hint = _(" Did you mean {percent}% ({fraction})?").format(percent=f"{d:+g}", fraction=f"{d / 100:+.4g}") \
            if 1 < abs(d) <= 100 else ""
        raise ValueError(_("{kpi}={delta} means {percent} %: a relative change must lie between {low} % and "
                           "{high} % ({low_f}..{high_f}).").format(
            kpi=shock.kpi, delta=f"{d:+g}", percent=f"{d * 100:+.0f}", low=f"{lo * 100:+.0f}", high=f"{hi * 100:+.0f}",
            low_f=f"{lo:+g}", high_f=f"{hi:+g}") + hint)
