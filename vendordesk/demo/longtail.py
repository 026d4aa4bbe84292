"""Extra demo ASINs for the forecast: intermittent spare parts / accessories and fresh launches.

They are drawn from their own random stream (seed, 11) and appended after the simulated
catalogue, so the simulated ASINs' rows stay exactly as they were. Only demos with at least
MIN_ASINS simulated ASINs get them (count: asins // 25 spare parts, asins // 40 launches;
150 -> 6 + 3). Rows: products, cost prices, sales, traffic, inventory (no stock-outs), Net PPM.
Spare parts: a sale in a week with probability 0.1-0.45, then 1 + Poisson(1.5) units (ADI
> 1.32: intermittent by Syntetos-Boylan). Launches: 3-7 weeks old at the end, their family's
season and event uplifts, ramp 1 - exp(-(age + 1) / 5) like the simulated launches.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from vendordesk.demo.catalog import ASIN_CHARS, FAMILIES, VAT, ean13
from vendordesk.demo.facts import KEY

MIN_ASINS = 100
PARTS = (("Ersatz-Glaskanne 1,7 L für Wasserkocher", 14.99), ("Kalkfilter für Wasserkocher, 2 Stück", 9.99),
         ("Brötchenaufsatz für Toaster", 12.99), ("Ersatzmesser für Stabmixer", 16.99),
         ("Knethaken-Set für Handmixer", 11.99), ("Dichtungsring für Standmixer-Krug", 8.99),
         ("Messbecher 700 ml mit Deckel", 7.99), ("Reinigungsbürste für Kaffeemühle", 6.99))
LAUNCH_FAMILIES = ("Wasserkocher", "Toaster", "Handmixer", "Kaffeemühle")


def _asins(rng: np.random.Generator, n: int, taken: set[str]) -> list[str]:
    out: list[str] = []
    while len(out) < n:
        asin = "B0" + "".join(ASIN_CHARS[rng.integers(0, len(ASIN_CHARS), 8)])
        if asin not in taken and asin not in out:
            out.append(asin)
    return out


def build_longtail(seed: int, n_sim: int, starts: list[date], taken: set[str], import_id: int = 1) -> dict:
    """Rows per table for the extra ASINs (empty lists for small demos)."""
    from vendordesk.demo.weeks import event_uplift, season_parts, seasonality

    tables: dict = {k: [] for k in ("products", "sales_facts", "traffic_facts", "inventory_facts", "net_ppm_facts",
                                    "cost_prices")}
    if n_sim < MIN_ASINS:
        return tables
    weekly: list[tuple] = []            # (asin, price, cost, units, live_from) of each extra ASIN
    rng = np.random.default_rng([seed, 11])
    n_parts, n_launch = n_sim // 25, n_sim // 40
    asins = _asins(rng, n_parts + n_launch, taken)
    t = len(starts)
    parts = season_parts(starts)
    for j in range(n_parts):
        title, gross = PARTS[j % len(PARTS)]
        prob = rng.uniform(0.1, 0.45)
        units = np.where(rng.random(t) < prob, 1 + rng.poisson(1.5, t), 0)
        launch = starts[0] - timedelta(days=int(rng.integers(300, 1500)))
        _rows(tables, asins[j], f"Küchenwelt {title}", "Zubehör & Ersatzteile", "Ersatzteile",
              f"KW-ET{j:03d}", round(gross / VAT, 2), units, launch, j, weekly)
    for j in range(n_launch):
        fam = next(f for f in FAMILIES if f.name == LAUNCH_FAMILIES[j % len(LAUNCH_FAMILIES)])
        age_weeks = int(rng.integers(3, 8))
        first = t - age_weeks
        season = seasonality(parts, np.array([fam.q4_amp]), np.array([fam.summer]))[:, 0] * event_uplift(parts)
        base = rng.uniform(20, 60)
        age = np.arange(t) - first
        mean = np.where(age >= 0, base * season * (1 - np.exp(-(age + 1) / 5.0)), 0.0)
        units = rng.poisson(mean)
        _rows(tables, asins[n_parts + j], f"Küchenwelt {fam.name} Neuheit 2026", fam.category, fam.name,
              f"KW-{fam.key}9{j:03d}", round(fam.gross_price / VAT, 2), units, starts[first], 100 + j, weekly,
              live_from=first)
    tables.update(_weekly_rows(weekly, starts, import_id))
    return tables


def _rows(tables: dict, asin: str, title: str, category: str, sub: str, model: str, price: float,
          units: np.ndarray, launch: date, k: int, weekly: list[tuple], live_from: int = 0) -> None:
    tables["products"].append((asin, None, title, "Küchenwelt", category, sub, model, ean13(f"4061239{k:05d}"),
                               "Basic Replenishment", "active", launch.isoformat()))
    cost = round(price * 0.55, 2)
    tables["cost_prices"].append((asin, launch.isoformat(), cost, "EUR"))
    weekly.append((asin, price, cost, units, live_from))


def _weekly_rows(weekly: list[tuple], starts: list[date], import_id: int) -> dict:
    """The four fact tables of the extra ASINs, made one ASIN at a time as they are written."""
    from vendordesk.demo.facts import Rows

    def table(row):
        def make(lo: int, hi: int) -> list[tuple]:
            out = []
            for asin, price, cost, units, live_from in weekly[lo:hi]:
                for w in range(live_from, len(starts)):
                    s, e = starts[w].isoformat(), (starts[w] + timedelta(days=6)).isoformat()
                    u = int(units[w])
                    rev, cogs = round(u * price, 2), round(u * cost, 2)
                    out.append((asin, *KEY, s, e) + row(u, rev, cogs, cost))
            return out

        live = [spec for spec in weekly if spec[4] < len(starts)]
        return Rows(len(weekly), make, step=max(1, 20_000 // max(1, len(starts))),
                    size=sum(len(starts) - spec[4] for spec in live),
                    series=lambda: [(spec[0], *KEY) for spec in live])

    def net_ppm(u, rev, cogs, cost):
        contra = round(0.11 * cogs, 2)                       # as demo.facts.CONTRA_RATE, no deals
        nppm = (rev - cogs + contra) / rev if rev > 0 else None  # domain.md §1.5, no sales discount
        return (nppm, contra, 0.0, import_id)

    return {"sales_facts": table(lambda u, rev, cogs, cost: ("EUR", rev, u, rev, cogs, u, 0, import_id)),
            "traffic_facts": table(lambda u, rev, cogs, cost: (u * 25 + 10, import_id)),
            "inventory_facts": table(lambda u, rev, cogs, cost: ("EUR", 0.0, 1.0, 1.0, 14.0, None, 0, 0, 0.0, 40,
                                                                  round(40 * cost, 2), 0, 0, 0, import_id)),
            "net_ppm_facts": table(net_ppm)}
