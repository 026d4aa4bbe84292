"""The structural what-if simulator: accounting identities plus Amazon's ordering loop.

Per ASIN group and week (levels, not link strengths):

    demand     D = D0 x (relative price) ** elasticity x (1 + traffic/content effects) x CRaP factor
               relative price = our ASP / competitor price; Amazon matches a share ``match`` of a
               competitor change, so a matched cut leaves the relative price unchanged
    ordered    units = E[min(D x (1 - lost share x OOS), on hand + receipts)]   (units ~ 1 - OOS)
               (expected over the demand noise and the stock's spread around its path, log-normal)
    OOS        exogenous OOS (+ shock) plus the stock-out share 1 - units / D that emerges from stock
    forecast   F <- F + alpha x (units - F)     (Amazon learns from censored units)
    POs        max(0, cover x F - on hand - open POs); received = PO x confirmation x fill rate,
               ``lead`` weeks later            (the OOS spiral lives and ends here)
    money      vendor revenue = units x cost price (shipped COGS); Amazon revenue = units x ASP;
               Amazon's margin = revenue - COGS + contra-COGS - sales discount; Net PPM = margin /
               revenue (docs/domain.md §1.5). Contra-COGS is a rate of COGS, so it moves with cost.
    CRaP       demand falls by ``crap`` (a share) only in weeks where a group's Net PPM is below
               the target (default 40 %), and only by what the account's history showed; a group
               below it today has the response in its demand level already (it was measured
               there), so only a change of status moves demand (back up when it rises above).

Arrays are (draws, groups): parameter draws run in one pass. Pure numpy.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt
from numpy.typing import ArrayLike

if TYPE_CHECKING:
    from vendordesk.core.influence.sim import Shock

Array = npt.NDArray[np.float64]

OOS, UNITS, ASP, COST, PPM = ("procurable_product_out_of_stock_rate", "ordered_units",
                               "average_selling_price", "cost_price", "net_pure_product_margin")
CONF, FILL, LEAD = "vendor_confirmation_rate", "receive_fill_rate", "average_vendor_lead_time_days"
FORECAST, PO, COMP = "mean_forecast_units", "po_units", "competitor_price"
DEMAND_KPIS = {UNITS: 1.0, "glance_views": 1.0, "conversion": 1.0}
SPARE = 8                       # pipeline weeks beyond the lead time (room for a lead-time shock)


@dataclass
class State:
    """Per ASIN group: weekly demand at today's price, stock and the ordering pipeline."""

    demand: np.ndarray          # D0, units a week at the baseline price, uncensored
    oos_exo: np.ndarray         # OOS not explained by stock (fraction)
    on_hand: np.ndarray
    pipeline: np.ndarray        # lead x groups: confirmed units due in week 1..lead
    forecast: np.ndarray
    asp: np.ndarray
    cost: np.ndarray
    contra: np.ndarray          # contra-COGS as a rate of COGS
    discount: np.ndarray        # sales discount per unit (EUR)
    conf: np.ndarray
    fill: np.ndarray
    target: float = 0.40        # Net PPM threshold below which CRaP may react
    season: np.ndarray | None = None   # demand multiplier per coming week (last year's shape), 1 beyond
    level_se: float = 0.0       # relative standard error of the coming weeks' account demand level, common to all
    week_se: float = 0.0        # sd of one week's ln noise in the year-ago weeks behind ``season``: each coming
    #                             week's shape is their 3-week mean, so its error moves from week to week
    share_se: np.ndarray | None = None   # per group: relative standard error of its share of that level
    price_alt: np.ndarray | None = None  # per group: ln(last week's price / today's) where only the last week moved
    price_p: float = 0.0        # the chance that such a move is a new price (the account's moves kept)

    @property
    def groups(self) -> int:
        return len(self.demand)


@dataclass
class Params:
    """One value per draw (arrays of length draws); index 0 is the point estimate."""

    elasticity: np.ndarray
    alpha: np.ndarray
    cover: np.ndarray
    lost: np.ndarray            # share of an OOS view's demand that is lost (1 = identity)
    match: np.ndarray           # share of a competitor price change Amazon matches
    crap: np.ndarray            # demand share lost in a week below the Net PPM target
    sigma: np.ndarray | None = None   # weekly demand noise (sd of ln demand): stock-outs before the mean runs out
    supply: dict[str, Array] = field(default_factory=dict)   # "conf"/"fill" -> quantiles of the weekly deviation
    traffic: dict[str, Array] = field(default_factory=dict)   # KPI -> units elasticity (content, ads, ...)
    lead: int = 2

    @property
    def draws(self) -> int:
        return len(self.elasticity)


def _phi(x: np.ndarray) -> np.ndarray:
    """Standard normal CDF (Abramowitz-Stegun 7.1.26 erf, |error| < 1.5e-7)."""
    z = np.abs(x) / np.sqrt(2.0)
    t = 1.0 / (1.0 + 0.3275911 * z)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    erf = 1.0 - poly * np.exp(-z * z)
    return np.asarray(0.5 * (1.0 + np.sign(x) * erf), dtype=float)


def expected_sales(mean: np.ndarray, stock: np.ndarray, sigma: np.ndarray) -> np.ndarray:
    """E[min(demand, stock)] for log-normal weekly demand with ``mean`` and log-sd ``sigma``
    (sigma 0: min(mean, stock))."""
    sigma = np.broadcast_to(sigma, np.broadcast_shapes(np.shape(mean), np.shape(stock), np.shape(sigma)))
    plain = np.minimum(mean, stock)
    s = np.maximum(sigma, 1e-9)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.log(np.maximum(stock, 1e-12) / np.maximum(mean, 1e-12))
        value = mean * _phi((ratio - s * s / 2) / s) + stock * (1.0 - _phi((ratio + s * s / 2) / s))
    value = np.where((mean > 0) & (stock > 0), value, 0.0)
    return np.asarray(np.where(sigma > 1e-6, np.minimum(value, plain), plain), dtype=float)


def shock_matrix(shocks: Iterable[Shock], weeks: int) -> dict[str, np.ndarray]:
    """KPI -> (weeks,) additive deltas."""
    out: dict[str, np.ndarray] = {}
    for s in shocks:
        row = out.setdefault(s.kpi, np.zeros(weeks))
        end = weeks if s.weeks is None else min(weeks, s.start + s.weeks)
        row[s.start:end] += s.delta
    return out


def run(state: State, p: Params, shocks: dict[str, np.ndarray], weeks: int,
        frozen: dict[str, Array] | None = None, record: bool = False, noise: Array | None = None,
        supply: dict[str, Array] | None = None) -> dict[str, Any]:
    """Weekly levels (draws, weeks, groups) summed over groups -> (draws, weeks).

    ``frozen``: {"po": (draws, weeks, groups)} replays those POs, {"forecast": ...} that forecast
    (used to split an effect into paths). ``record`` keeps po/forecast for such replays.
    ``noise``: (draws, weeks, groups) demand multipliers (mean 1); with it each draw follows its own
    demand path and sells min(demand, stock), so stock carried over from a weak week (or missing
    after a strong one) shapes the next weeks as it does in the account. ``supply``: {"conf", "fill", "oos"}
    -> (draws, weeks, groups) deviations of the week's confirmation, fill and exogenous OOS from
    their average (``supply_paths``); an OOS shock comes on top of the week's own rate.
    """
    D, G = p.draws, state.groups
    zero = np.zeros(weeks)

    def get(kpi: str) -> Array:
        return shocks.get(kpi, zero)

    def col(values: ArrayLike) -> Array:
        return np.asarray(values, dtype=float)[:, None]

    el, alpha, cover, lost = col(p.elasticity), col(p.alpha), col(p.cover), col(p.lost)
    match, crap = col(p.match), col(p.crap)
    lead = max(int(p.lead), 1)
    # without demand paths the run follows the mean path: stock runs out earlier by the demand noise
    sigma = col(p.sigma) if p.sigma is not None else np.zeros((D, 1))
    sup = supply or {}
    pipe = np.zeros((lead + SPARE, D, G))
    src = state.pipeline
    pipe[:min(lead, len(src))] = src[:lead][:, None, :]
    oh = np.broadcast_to(state.on_hand, (D, G)).copy()
    f = np.broadcast_to(state.forecast, (D, G)).copy()
    # Net PPM of each group today: its demand level was measured in weeks with this status, so a
    # CRaP response to it is in the level already; only a change of status moves demand
    with np.errstate(invalid="ignore", divide="ignore"):
        asp0 = np.where(state.asp > 0, state.asp, 1.0)
        ppm0 = (state.asp - state.cost + state.cost * state.contra - state.discount) / asp0
    below0 = np.broadcast_to(ppm0 < state.target, (D, G))
    below_prev = below0.copy()
    keys = ("units", "vendor", "amazon", "margin", "oos", "forecast", "po", "on_hand", "received", "ppm")
    out: dict[str, Any] = {k: np.zeros((D, weeks)) for k in keys}
    rec = {"po": np.zeros((D, weeks, G)), "forecast": np.zeros((D, weeks, G))}
    for t in range(weeks):
        comp = 1.0 + get(COMP)[t]
        asp_rel = (1.0 + get(ASP)[t]) * (1.0 + match * get(COMP)[t])
        rel_price = asp_rel / comp
        lift = 1.0 + sum(get(k)[t] * w for k, w in DEMAND_KPIS.items())
        for kpi, w in p.traffic.items():
            lift = lift + w * get(kpi)[t]
        level = state.demand
        if state.season is not None and t < len(state.season):
            level = level * state.season[t]
        demand = level * np.maximum(rel_price, 0.05) ** el * np.maximum(lift, 0.0)
        demand = demand * np.where(below_prev & ~below0, 1.0 - crap,
                                   np.where(~below_prev & below0, 1.0 / np.maximum(1.0 - crap, 0.05), 1.0))
        # the week's own exogenous OOS (a rate >= 0), then the shock on top of it, as in the account
        week_exo = np.clip(state.oos_exo + (sup["oos"][:, t] if "oos" in sup else 0.0), 0.0, 1.0)
        exo = np.clip(week_exo + get(OOS)[t], 0.0, 1.0)
        fill = np.clip(state.fill + get(FILL)[t] + (sup["fill"][:, t] if "fill" in sup else 0.0), 0.0, 1.0)
        received = pipe[0] * fill                     # the pipeline holds confirmed units
        avail = oh + received
        sellable = demand * (1.0 - np.clip(lost * exo, 0.0, 1.0))
        if noise is not None:
            units = np.minimum(sellable * noise[:, t], avail)
        else:
            units = expected_sales(sellable, avail, sigma)
        oh = avail - units
        f_now = f
        if frozen and "forecast" in frozen:
            f = frozen["forecast"][:, t]
        else:
            f = f + alpha * (units - f)
            f = f * (1.0 + get(FORECAST)[t])
        pipe = np.roll(pipe, -1, axis=0)
        pipe[-1] = 0.0
        open_units = pipe.sum(axis=0)
        if frozen and "po" in frozen:
            po = frozen["po"][:, t]
        else:
            po = np.maximum(0.0, cover * f - oh - open_units) * (1.0 + get(PO)[t])
        conf = np.clip(state.conf + get(CONF)[t] + (sup["conf"][:, t] if "conf" in sup else 0.0), 0.0, 1.0)
        delay = round(float(lead * get(LEAD)[t]))
        pipe_slot = min(max(lead - 1 + delay, 0), lead + SPARE - 1)
        pipe[pipe_slot] += po * conf
        cost = state.cost * (1.0 + get(COST)[t])
        price = state.asp * asp_rel
        cogs = units * cost
        revenue = units * price
        contra = cogs * np.clip(state.contra + get("backend_terms_rate")[t], -1.0, 1.0)
        discount = units * state.discount + revenue * get("sales_discount")[t]
        margin = revenue - cogs + contra - discount
        with np.errstate(invalid="ignore", divide="ignore"):
            ppm_g = np.where(revenue > 0, margin / np.where(revenue > 0, revenue, 1.0), ppm0)   # no sales: status kept
        below_prev = ppm_g < state.target
        for name, value in (("units", units), ("vendor", cogs), ("amazon", revenue), ("margin", margin),
                            ("forecast", f_now), ("po", po), ("on_hand", oh), ("received", received)):
            out[name][:, t] = value.sum(axis=1)
        dem = demand.sum(axis=1)
        out["oos"][:, t] = np.where(dem > 0, 1.0 - units.sum(axis=1) / np.where(dem > 0, dem, 1.0), 0.0)
        out["ppm"][:, t] = np.where(out["amazon"][:, t] > 0, out["margin"][:, t] / np.maximum(out["amazon"][:, t], 1e-12), 0.0)
        if record:
            rec["po"][:, t], rec["forecast"][:, t] = po, f
    if record:
        out["_rec"] = rec
    return out


def supply_paths(p: Params, weeks: int, groups: int, seed: int = 16) -> dict[str, np.ndarray]:
    """Each week's confirmation, fill and exogenous OOS deviations, (draws, weeks, groups), drawn from the
    calibrated quantiles (``Params.supply``); {} without them."""
    rng = np.random.default_rng(seed)
    out: dict[str, Array] = {}
    for key, quantiles in sorted(p.supply.items()):
        q = np.asarray(quantiles, dtype=float)
        u = rng.random((p.draws, weeks, groups))
        out[key] = np.interp(u, np.linspace(0.0, 1.0, len(q)), q)
    return out


def totals(base: dict[str, Any], hit: dict[str, Any]) -> dict[str, Array]:
    """Changes over the horizon per draw."""
    def ppm(r: dict[str, Any]) -> Array:
        rev = r["amazon"].sum(axis=1)
        return np.where(rev > 0, r["margin"].sum(axis=1) / np.where(rev > 0, rev, 1.0), 0.0)

    return {"units": hit["units"].sum(axis=1) - base["units"].sum(axis=1),
            "vendor_revenue": hit["vendor"].sum(axis=1) - base["vendor"].sum(axis=1),
            "amazon_revenue": hit["amazon"].sum(axis=1) - base["amazon"].sum(axis=1),
            "net_ppm": ppm(hit) - ppm(base),
            "net_ppm_eur": hit["margin"].sum(axis=1) - base["margin"].sum(axis=1)}
