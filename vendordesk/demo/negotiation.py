"""One prepared cost-price increase (draft) for a product line, with drivers, scenarios, concessions."""

from __future__ import annotations

import json
from datetime import date, timedelta

from vendordesk.demo.catalog import FAMILIES
from vendordesk.text import N_, formatter, texts

CPI_FAMILY = "Handmixer"
DRIVERS = [  # driver, weight (share of cost), change, index, source
    ("materials", 0.45, 0.11, N_("Producer price index non-ferrous metals and plastics"), "Destatis GP 24"),
    ("energy", 0.10, 0.15, N_("Industrial electricity price (medium voltage)"), "Destatis / BDEW"),
    ("labour", 0.20, 0.055, N_("Collective wage agreement, metal and electrical industry"), "IG Metall / Gesamtmetall"),
    ("freight", 0.10, 0.08, "World Container Index Shanghai–Rotterdam", "Drewry"),
    ("tariffs", 0.05, 0.0, N_("EU customs tariff 8509 40"), "TARIC"),
    ("fx", 0.10, 0.03, N_("EUR/USD reference rate (parts bought in USD)"), N_("ECB")),
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
    _, fmt = texts(ctx.get("lang", "de")), formatter(ctx.get("lang", "de"))   # the KAM's own texts, in their language
    head = (1, _("Cost price increase {family} {year}", family=CPI_FAMILY, year=effective.year), "EUR", None,
            effective.isoformat(), 0, "draft", 0.09, 0.075, 0.06,
            _("Bundled CPI for the whole line, told to all retailers; the RRP rises by 8%. Enclose the ASP "
              "trend of the last 12 months."), f"{end.isoformat()}T16:30:00", "M. Becker",
            (effective - timedelta(days=15)).isoformat())
    scenarios = [
        (1, _("Full: 9% from the effective date"), json.dumps({"cost_pct": 0.09, "retail_pass_through": 0.0})),
        (1, _("Target: 7.5% with a higher RRP"), json.dumps({"cost_pct": 0.075, "retail_pass_through": 0.6})),
        (1, _("Minimum: 6% in two steps"), json.dumps({"cost_pct": 0.06, "phased": [0.03, 0.03],
                                                        "phase_months": 3})),
    ]
    last_old = fmt.date(effective - timedelta(days=15))
    concessions = [
        (1, "final_order_old_cost", _("Last order at the old cost until {date}", date=last_old), 9000.0, 6500.0, 1),
        (1, "fill_rate", _("Fill rate ≥ 97% promised for the line"), 4000.0, 2500.0, 0),
        (1, "content", _("A+ Premium and new images for all models of the line"), 3000.0, 4000.0, 0),
        (1, "advertising", _("An extra {amount} for Sponsored Products in the first quarter",
                             amount=fmt.money(5000, "EUR", 0)), 5000.0, 5000.0, 0),
        (1, "phased", _("Introduced in two steps (2 × 3%)"), 6000.0, 7000.0, 0),
    ]
    drivers = [(1, key, weight, change, _(index), _(source)) for key, weight, change, index, source in DRIVERS]
    return {"negotiations": [head], "negotiation_items": items,
            "negotiation_drivers": drivers,
            "negotiation_scenarios": scenarios, "negotiation_concessions": concessions}
