"""One prepared cost-price increase (draft) for a product line, with drivers, scenarios, concessions."""

from __future__ import annotations

import json
from datetime import date, timedelta

from vendordesk.demo.catalog import FAMILIES

CPI_FAMILY = "Handmixer"
DRIVERS = [  # driver, weight (share of cost), change, index, source
    ("materials", 0.45, 0.11, "Erzeugerpreisindex NE-Metalle und Kunststoffe", "Destatis GP 24"),
    ("energy", 0.10, 0.15, "Strompreis Industrie (Mittelspannung)", "Destatis / BDEW"),
    ("labour", 0.20, 0.055, "Tarifabschluss Metall- und Elektroindustrie", "IG Metall / Gesamtmetall"),
    ("freight", 0.10, 0.08, "World Container Index Shanghai–Rotterdam", "Drewry"),
    ("tariffs", 0.05, 0.0, "EU-Zolltarif 8509 40", "TARIC"),
    ("fx", 0.10, 0.03, "EUR/USD-Referenzkurs (Zukaufteile in USD)", "EZB"),
]


def _effective(end: date) -> date:
    """First of the month at least 60 days after ``end`` (Amazon wants >= 60 days' notice)."""
    day = end + timedelta(days=60)
    return day if day.day == 1 else date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def _msrp(gross: float) -> float:
    """A German list price (UVP) ending in ,99."""
    return float(round(gross)) - 0.01


def build_negotiation(ctx: dict) -> dict[str, list[tuple]]:
    cat, end, rng, stories = ctx["cat"], ctx["end"], ctx["rng"], ctx["stories"]
    taken = set(stories.oos_spiral) | set(stories.margin_squeeze)
    line = [i for i in range(len(cat.asins)) if FAMILIES[cat.family[i]].name == CPI_FAMILY and i not in taken]
    if not line:
        line = [i for i in range(len(cat.asins)) if i not in taken][:3] or [0]
    line.sort(key=lambda i: cat.asins[i])
    effective = _effective(end)
    pct = rng.uniform(0.06, 0.09, len(line))
    own_share = rng.uniform(0.62, 0.72, len(line))          # our own unit cost / Amazon's cost price
    own_rise = sum(weight * change for _, weight, change, _, _ in DRIVERS)
    items = []
    for i, p, share in zip(line, pct, own_share):
        cost, msrp = float(cat.cost[i]), _msrp(float(cat.price[i]) * 1.19 * 1.25)
        own = round(cost * share, 2)
        items.append((1, cat.asins[i], cost, round(cost * (1 + p), 2), own, round(own * (1 + own_rise), 2),
                      msrp, _msrp(msrp * 1.08)))
    head = (1, f"Kostenpreiserhöhung {CPI_FAMILY} {effective.year}", "EUR", None, effective.isoformat(), 0,
            "draft", 0.09, 0.075, 0.06,
            ("Gebündelte CPI für die ganze Linie, an alle Händler kommuniziert; UVP steigt um 8 %. "
             "ASP-Trend der letzten 12 Monate beilegen."), f"{end.isoformat()}T16:30:00", "M. Becker",
            (effective - timedelta(days=15)).isoformat())
    scenarios = [
        (1, "Voll: 9 % ab Stichtag", json.dumps({"cost_pct": 0.09, "retail_pass_through": 0.0})),
        (1, "Ziel: 7,5 % mit UVP-Erhöhung", json.dumps({"cost_pct": 0.075, "retail_pass_through": 0.6})),
        (1, "Minimum: 6 % in zwei Stufen", json.dumps({"cost_pct": 0.06, "phased": [0.03, 0.03],
                                                       "phase_months": 3})),
    ]
    last_old = f"{effective - timedelta(days=15):%d.%m.%Y}"   # the KAM's own German text
    concessions = [
        (1, "final_order_old_cost", f"Letzte Bestellung zum alten EK bis {last_old}", 9000.0, 6500.0, 1),
        (1, "fill_rate", "Füllrate ≥ 97 % für die Linie zugesichert", 4000.0, 2500.0, 0),
        (1, "content", "A+ Premium und neue Bilder für alle Modelle der Linie", 3000.0, 4000.0, 0),
        (1, "advertising", "Zusätzlich 5.000 € für Sponsored Products im 1. Quartal", 5000.0, 5000.0, 0),
        (1, "phased", "Einführung in zwei Stufen (2 × 3 %)", 6000.0, 7000.0, 0),
    ]
    return {"negotiations": [head], "negotiation_items": items,
            "negotiation_drivers": [(1, *d) for d in DRIVERS],
            "negotiation_scenarios": scenarios, "negotiation_concessions": concessions}
