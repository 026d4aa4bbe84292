"""A simulated 1P account whose true mechanics are known (tests only; seeded numpy).

Per ASIN and week:
    demand    D = base x season x (price / reference price) ** elasticity x noise
    sellable  D x (1 - exogenous OOS)           (supplier problems, listing issues)
    ordered   units = min(sellable, on hand + receipts); OOS = 1 - units / D
    revenue   shipped units x price;  COGS = shipped units x cost price
    forecast  F <- F + alpha x (units - F)      (Amazon learns from censored units)
    PO        max(0, cover x F - on hand - open POs); confirmed = PO x confirmation;
              received = confirmed x fill rate, ``lead`` weeks later
    Net PPM   (revenue - COGS + contra rate x COGS) / revenue
Cost price increases never move price or units. ``write_workspace`` stores it as SP-API
documents (sales, inventory, net PPM, forecasting) through ingest + store, like an import.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np

START = dt.date(2024, 1, 7)          # a Sunday


@dataclass
class Truth:
    elasticity: float
    alpha: float
    cover: float
    lead: int
    contra: float
    confirmation: float
    fill: float


@dataclass
class Account:
    truth: Truth
    n: int
    weeks: int
    seed: int
    base: np.ndarray
    ref_price: np.ndarray
    price: np.ndarray          # weeks x n (history)
    cost: np.ndarray
    oos_exo: np.ndarray
    conf: np.ndarray
    fill: np.ndarray
    season: np.ndarray
    noise: np.ndarray
    hist: dict = field(default_factory=dict)
    state: dict = field(default_factory=dict)
    noise_sd: float = 0.0      # sd of ln noise (``redraw_future`` draws the coming weeks' noise with it)


def _draw(rng: np.random.Generator) -> Truth:
    return Truth(elasticity=float(rng.uniform(-2.4, -0.9)), alpha=float(rng.uniform(0.25, 0.6)),
                 cover=0.0, lead=int(rng.integers(1, 4)),
                 contra=float(rng.uniform(0.05, 0.15)), confirmation=float(rng.uniform(0.86, 0.96)),
                 fill=float(rng.uniform(0.93, 0.99)))


def random_truth(rng: np.random.Generator) -> Truth:
    truth = _draw(rng)
    truth.cover = truth.lead + float(rng.uniform(0.6, 2.0))      # Amazon covers the lead time and more
    return truth


def build(seed: int = 1, n: int = 40, weeks: int = 104, truth: Truth | None = None) -> Account:
    rng = np.random.default_rng(seed)
    truth = truth or random_truth(rng)
    total = weeks + 40                                   # 40 future weeks of exogenous inputs
    base = rng.lognormal(4.0, 0.7, n)
    ref = rng.uniform(15, 90, n)
    price = np.tile(ref, (total, 1))
    for i in range(n):                                   # a few permanent price changes
        for t in rng.choice(np.arange(min(10, weeks - 1), weeks), rng.integers(0, 3), replace=True):
            price[t:, i] *= 1 + rng.choice([-1, 1]) * rng.uniform(0.04, 0.12)
    deals = rng.random((total, n)) < 0.05                # deal weeks, 10-30 % off
    deals[weeks:] = False
    price = price * np.where(deals, 1 - rng.uniform(0.10, 0.30, (total, n)), 1.0)
    cost = np.tile(ref * rng.uniform(0.50, 0.68, n), (total, 1))
    for i in np.flatnonzero(rng.random(n) < 0.5):        # cost increases: price and units do not move
        cost[rng.integers(min(20, weeks - 1), weeks):, i] *= 1 + rng.uniform(0.03, 0.08)
    oos_exo = np.where(rng.random((total, n)) < 0.04, rng.uniform(0.05, 0.5, (total, n)), 0.0)
    oos_exo += rng.uniform(0.0, 0.02, n)
    conf = np.clip(truth.confirmation + rng.normal(0, 0.03, (total, n)), 0.5, 1.0)
    dips = rng.random((total, n)) < 0.03
    conf = np.where(dips, conf - rng.uniform(0.1, 0.3, (total, n)), conf)
    fill = np.clip(truth.fill + rng.normal(0, 0.01, (total, n)), 0.8, 1.0)
    t = np.arange(total)
    season = 1 + 0.08 * np.sin(2 * np.pi * t / 52)
    noise_sd = float(rng.uniform(0.1, 0.3))
    noise = np.exp(rng.normal(0, noise_sd, (total, n)))
    acc = Account(truth, n, weeks, seed, base, ref, price, cost, oos_exo, conf, fill, season, noise, noise_sd=noise_sd)
    f0 = base * season[0]
    state = {"oh": truth.cover * f0 * 0.8, "pipe": np.tile(f0 * truth.confirmation, (truth.lead, 1)),
             "f": f0.copy()}
    acc.hist = run(acc, state, 0, weeks)
    acc.state = acc.hist.pop("_state")
    return acc


def run(acc: Account, state: dict, t0: int, weeks: int, shock: dict | None = None) -> dict:
    """Weeks t0..t0+weeks-1 from ``state``; ``shock``: oos (points), price/cost (relative),
    conf (points), each with a number of weeks (None = all)."""
    tr, shock = acc.truth, shock or {}
    oh, pipe, f = state["oh"].copy(), [p.copy() for p in state["pipe"]], state["f"].copy()
    keys = ("units", "shipped", "revenue", "cogs", "oos", "conf", "fill", "open", "received", "on_hand",
            "forecast", "lead_days", "nppm", "price")
    out = {k: [] for k in keys}

    def on(name: str, k: int) -> float:
        if name not in shock:
            return 0.0
        delta, span = shock[name]
        return delta if span is None or k < span else 0.0

    for k in range(weeks):
        t = t0 + k
        price = acc.price[t] * (1 + on("price", k))
        cost = acc.cost[t] * (1 + on("cost", k))
        demand = acc.base * acc.season[t] * (price / acc.ref_price) ** tr.elasticity * acc.noise[t]
        exo = np.clip(acc.oos_exo[t] + on("oos", k), 0, 1)
        received = pipe.pop(0) * acc.fill[t]             # open POs are confirmed units
        avail = oh + received
        units = np.minimum(demand * (1 - exo), avail)
        oos = 1 - units / demand
        oh = avail - units
        f_now = f
        f = f + tr.alpha * (units - f)
        open_units = sum(pipe) if pipe else np.zeros(acc.n)
        po = np.maximum(0.0, tr.cover * f - oh - open_units)
        conf = np.clip(acc.conf[t] + on("conf", k), 0, 1)
        pipe.append(po * conf)
        cogs = units * cost
        for name, value in (("units", units), ("shipped", units), ("revenue", units * price), ("cogs", cogs),
                            ("oos", oos), ("conf", conf), ("fill", acc.fill[t]), ("open", sum(pipe)),
                            ("received", received), ("on_hand", oh), ("forecast", f_now),
                            ("lead_days", np.full(acc.n, 7.0 * tr.lead)), ("price", price),
                            ("nppm", (units * price - cogs + tr.contra * cogs) / np.maximum(units * price, 1e-9))):
            out[name].append(np.asarray(value, dtype=float))
    result = {k: np.array(v) for k, v in out.items()}
    result["_state"] = {"oh": oh, "pipe": pipe, "f": f}
    return result


def truth_effect(acc: Account, shock: dict, weeks: int = 12) -> dict:
    """The true effect of ``shock`` on the next ``weeks`` weeks: shocked run minus the baseline run."""
    base = run(acc, acc.state, acc.weeks, weeks)
    hit = run(acc, acc.state, acc.weeks, weeks, shock)

    def ppm(r):
        rev, cogs = r["revenue"].sum(), r["cogs"].sum()
        return (rev - cogs + acc.truth.contra * cogs) / rev

    return {"units": float(hit["units"].sum() - base["units"].sum()),
            "vendor_revenue": float(hit["cogs"].sum() - base["cogs"].sum()),
            "amazon_revenue": float(hit["revenue"].sum() - base["revenue"].sum()),
            "net_ppm": float(ppm(hit) - ppm(base))}


def redraw_future(acc: Account, seed: int) -> Account:
    """The same account (history, state, mechanics, coming prices and costs) with the coming weeks'
    random inputs drawn afresh from ``build``'s own distributions: demand noise, exogenous OOS (the
    ASIN's own floor, the smallest rate it ever had, plus 4 % spikes of 5-50 %), confirmation
    (3 % dips of 10-30 points) and fill. The mean of ``truth_effect`` over many redraws is the
    expected truth: what a model that knows the mechanics, but not the future's luck, should say."""
    import copy

    rng = np.random.default_rng(seed)
    out = copy.copy(acc)
    W, n = acc.weeks, acc.n
    shape = (len(acc.noise) - W, n)
    tr = acc.truth
    floor = acc.oos_exo.min(axis=0)
    oos = np.where(rng.random(shape) < 0.04, rng.uniform(0.05, 0.5, shape), 0.0) + floor
    conf = np.clip(tr.confirmation + rng.normal(0, 0.03, shape), 0.5, 1.0)
    conf = np.where(rng.random(shape) < 0.03, conf - rng.uniform(0.1, 0.3, shape), conf)
    fill = np.clip(tr.fill + rng.normal(0, 0.01, shape), 0.8, 1.0)
    noise = np.exp(rng.normal(0, acc.noise_sd, shape))
    for name, future in (("oos_exo", oos), ("conf", conf), ("fill", fill), ("noise", noise)):
        setattr(out, name, np.vstack([getattr(acc, name)[:W], future]))
    return out


def expected_truth(acc: Account, shock: dict, weeks: int = 12, draws: int = 200) -> dict:
    """``truth_effect`` averaged over ``draws`` redrawn futures (``redraw_future``), and each
    metric's 10-90 % range over them under "range"."""
    runs = [truth_effect(redraw_future(acc, 10_000 + k), shock, weeks) for k in range(draws)]
    out: dict = {k: float(np.mean([r[k] for r in runs])) for k in runs[0]}
    out["range"] = {k: [float(v) for v in np.percentile([r[k] for r in runs], [10, 90])] for k in runs[0]}
    return out


# --- as SP-API documents -------------------------------------------------------------------
def _week(t: int) -> tuple[str, str]:
    start = START + dt.timedelta(days=7 * t)
    return start.isoformat(), (start + dt.timedelta(days=6)).isoformat()


def _doc(kind: str, key: str, rows: list, weeks: int) -> dict:
    first, last = _week(0)[0], _week(weeks - 1)[1]
    return {"reportSpecification": {"reportType": kind, "marketplaceIds": ["A1PA6795UKMFR9"],
                                    "dataStartTime": first, "dataEndTime": last,
                                    "reportOptions": {"reportPeriod": "WEEK", "distributorView": "MANUFACTURING",
                                                      "sellingProgram": "RETAIL"}},
            key: rows}


def documents(acc: Account) -> list[tuple[str, dict]]:
    h, W = acc.hist, acc.weeks
    asins = [f"B0SIM{i:05d}" for i in range(acc.n)]
    sales, inv, ppm, fc = [], [], [], []
    for t in range(W):
        start, end = _week(t)
        for i, asin in enumerate(asins):
            rev, units = round(float(h["revenue"][t, i]), 2), round(float(h["units"][t, i]), 3)
            sales.append({"asin": asin, "startDate": start, "endDate": end,
                          "orderedUnits": units, "orderedRevenue": {"amount": rev, "currencyCode": "EUR"},
                          "shippedUnits": units, "shippedRevenue": {"amount": rev, "currencyCode": "EUR"},
                          "shippedCogs": {"amount": round(float(h["cogs"][t, i]), 2), "currencyCode": "EUR"}})
            inv.append({"asin": asin, "startDate": start, "endDate": end,
                        "procurableProductOutOfStockRate": round(float(h["oos"][t, i]), 6),
                        "vendorConfirmationRate": round(float(h["conf"][t, i]), 6),
                        "receiveFillRate": round(float(h["fill"][t, i]), 6),
                        "averageVendorLeadTimeDays": float(h["lead_days"][t, i]),
                        "openPurchaseOrderUnits": round(float(h["open"][t, i]), 3),
                        "netReceivedInventoryUnits": round(float(h["received"][t, i]), 3),
                        "sellableOnHandInventoryUnits": round(float(h["on_hand"][t, i]), 3)})
            ppm.append({"asin": asin, "startDate": start, "endDate": end,
                        "netPureProductMargin": round(float(h["nppm"][t, i]), 6)})
            value = round(float(h["forecast"][t, i]), 3)
            fc.append({"asin": asin, "forecastGenerationDate": (dt.date.fromisoformat(start) - dt.timedelta(days=1)).isoformat(),
                       "startDate": start, "endDate": end, "meanForecastUnits": value,
                       "p70ForecastUnits": value * 1.1, "p80ForecastUnits": value * 1.2, "p90ForecastUnits": value * 1.3})
    return [("sales.json", _doc("GET_VENDOR_SALES_REPORT", "salesByAsin", sales, W)),
            ("inventory.json", _doc("GET_VENDOR_INVENTORY_REPORT", "inventoryByAsin", inv, W)),
            ("nppm.json", _doc("GET_VENDOR_NET_PURE_PRODUCT_MARGIN_REPORT", "netPureProductMarginByAsin", ppm, W)),
            ("forecast.json", _doc("GET_VENDOR_FORECASTING_REPORT", "forecastByAsin", fc, W))]


def write_workspace(acc: Account, ws) -> None:
    """Import the account's documents into ``ws`` like SP-API downloads (ingest, then store)."""
    from vendordesk.ingest.spapi import parse_document
    from vendordesk.store.facts import write_report

    for name, doc in documents(acc):
        write_report(ws, parse_document(doc, name, "EUR"))
    ws.set_meta("currency", "EUR")
    ws.set_meta("net_ppm_target", "0.40")
