"""Reference and planning rows: departments, terms, manual KPIs, sales targets, supply side."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from vendordesk.demo.facts import money

DEPARTMENTS = [
    ("marketing", "Marketing", "Marketing"), ("sales", "Vertrieb", "Sales"),
    ("logistics", "Logistik", "Logistics"), ("production", "Produktion", "Production"),
    ("finance", "Finanzen", "Finance"), ("management", "Geschäftsführung", "Management"),
    ("content", "Content & Katalog", "Content & catalog"),
]


def build_records(ctx: dict, tables: dict) -> dict[str, list[tuple]]:
    from vendordesk.demo.cases import build_cases
    from vendordesk.demo.negotiation import build_negotiation

    out = {"departments": DEPARTMENTS, "terms": _terms(ctx["end"]), "manual_kpis": _manual_kpis(ctx),
           "sales_targets": _targets(ctx), "supply_params": _supply(ctx), "capacity_plan": _capacity_plan(ctx)}
    out.update(build_cases(ctx, tables))
    out.update(build_negotiation(ctx))
    return out


def _terms(end: date) -> list[tuple]:
    start, stop = date(end.year, 1, 1).isoformat(), date(end.year, 12, 31).isoformat()
    return [
        ("MDF", "Werbekostenzuschuss (MDF)", 0.06, "cogs", start, stop, "auf Nettowareneingang zu EK"),
        ("DA", "Retourenpauschale (Damage Allowance)", 0.03, "cogs", start, stop, "statt Rücknahme defekter Ware"),
        ("FA", "Frachtkostenzuschuss (Freight Allowance)", 0.02, "cogs", start, stop, "Abholung durch Amazon (Collect)"),
        ("VIR", "Volumenbonus", 0.02, "cogs", start, stop, "Staffel ab 6 Mio. EUR Netto-Einkauf, Jahresende"),
        ("payment_terms", "30 Tage 3 % Skonto", 0.03, "invoice", start, stop, "Zahlungsziel 30 Tage, 3 % Skonto"),
    ]


def _manual_kpis(ctx: dict):
    """Weekly ad spend of every live ASIN-week with spend, then review count and star rating every
    fourth week back from the last; made a few ASINs at a time as they are written (a Rows)."""
    from vendordesk.demo.facts import CHUNK, Rows

    cat, sim, starts, weeks = ctx["cat"], ctx["sim"], ctx["starts"], ctx["weeks"]
    w = sim.w
    iso = [(s.isoformat(), (s + timedelta(days=6)).isoformat()) for s in starts[:weeks]]
    spend, rating, reviews = w["ad_spend"], np.round(w["rating"], 1), w["reviews"]
    order = sorted(range(len(cat.asins)), key=lambda j: cat.asins[j])
    n = len(order)
    # a week is live from the ASIN's launch on (the rows compare the ISO dates: the same order)
    live = (np.array([s.toordinal() for s in starts[:weeks]])[:, None]
            >= np.array([d.toordinal() for d in cat.launch])[None, :])
    every4 = list(range(weeks - 1, -1, -4))
    size = int(np.count_nonzero((spend > 0) & live)) + 2 * int(np.count_nonzero(live[every4]))

    def make(lo: int, hi: int) -> list[tuple]:
        rows: list[tuple] = []
        for k in range(lo, hi):                # ASIN k: its ad spend; ASIN k - n: its reviews
            i = order[k % n]
            asin, launch = cat.asins[i], cat.launch[i].isoformat()
            if k < n:
                rows += [("advertising", "ad_spend", asin, s, e, v) for (s, e), v in zip(iso, spend[:, i].tolist())
                         if v > 0 and s >= launch]
                continue
            counts, stars = reviews[:, i].tolist(), rating[:, i].tolist()
            for t in every4:
                if iso[t][0] >= launch:
                    rows.append(("reviews_cx", "review_count", asin, *iso[t], counts[t]))
                    rows.append(("reviews_cx", "star_rating", asin, *iso[t], stars[t]))
        return rows

    return Rows(2 * n, make, step=max(1, CHUNK // max(1, weeks)), size=size)


def _targets(ctx: dict) -> list[tuple]:
    """This year's target: last year's shipped COGS per month + 8 % (run rate falls short)."""
    starts, end = ctx["starts"], ctx["end"]
    cogs = money(ctx["sim"].w)["cogs"].sum(axis=1)
    monthly: dict[tuple[int, int], float] = {}
    for s, value in zip(starts, cogs.tolist()):
        for day in range(7):                       # split each week over the days of its months
            d = s + timedelta(days=day)
            monthly[(d.year, d.month)] = monthly.get((d.year, d.month), 0.0) + value / 7
    full = [v for k, v in monthly.items() if k != (end.year, end.month) and k != _first_month(starts)]
    fallback = float(np.mean(full)) if full else float(cogs.sum())
    rows = []
    for month in range(1, 13):
        base = monthly.get((end.year - 1, month))
        if base is None or (end.year - 1, month) == _first_month(starts):
            base = fallback
        rows.append((end.year, month, round(base * 1.08, -2)))
    return rows


def _first_month(starts: list[date]) -> tuple[int, int]:
    return starts[0].year, starts[0].month


def _supply(ctx: dict) -> list[tuple]:
    cat, sim, end = ctx["cat"], ctx["sim"], ctx["end"]
    last = ctx["weeks"] - 1
    rows = []
    for i in sorted(range(len(cat.asins)), key=lambda j: cat.asins[j]):
        rows.append((cat.asins[i], float(sim.own_capacity[last, i]), float(sim.params.lead[i]),
                     float(sim.w["own"][last, i]), end.isoformat()))
    return rows


def _capacity_plan(ctx: dict) -> list[tuple]:
    """Next 16 weeks for the spiral ASINs (supplier ramp-up) and a few others (maintenance, Werksferien)."""
    cat, sim, end, stories = ctx["cat"], ctx["sim"], ctx["end"], ctx["stories"]
    n = len(cat.asins)
    chosen = sorted(set(stories.oos_spiral) | set(range(0, n, 6)), key=lambda j: cat.asins[j])
    rows = []
    for i in chosen:
        nominal = float(sim.params.capacity[i])
        for k in range(16):
            week = end + timedelta(days=1 + 7 * k)
            factor = 1.0
            if i in stories.oos_spiral:
                factor = min(1.0, 0.1 + 0.09 * k)
            elif k in (6, 7) and i % 12 == 0:
                factor = 0.5                                    # planned tool maintenance
            if week.month == 12 and week.day >= 22 or week.month == 1 and week.day <= 4:
                factor *= 0.3                                   # Werksferien over Christmas
            rows.append((cat.asins[i], week.isoformat(), round(nominal * factor)))
    return rows
