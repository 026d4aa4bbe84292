"""Which ASINs carry the planted stories (OOS spiral, margin squeeze, CRaP risk)."""

from __future__ import annotations

from dataclasses import dataclass

from vendordesk.demo.catalog import FAMILIES, Catalog

SQUEEZE_FAMILY = "Stabmixer"
SPIRAL_FAMILIES = ("Wasserkocher", "Eierkocher", "Toaster", "Milchaufschäumer")
OVERSTOCK_FAMILIES = ("Kontaktgrill", "Standmixer", "Sandwichmaker", "Waffeleisen")
KEYS = ("oos_spiral", "margin_squeeze", "crap_risk", "quality_overstock")


@dataclass
class Stories:
    oos_spiral: list[int]
    margin_squeeze: list[int]
    crap_risk: list[int]
    quality_overstock: list[int]
    spiral_start: int          # report-week index where the capacity problem starts
    quality_start: int         # report-week index where the rating starts to fall

    def names(self, asins: list[str]) -> dict[str, list[str]]:
        return {key: [asins[i] for i in getattr(self, key)]
                for key in KEYS}


def pick_stories(cat: Catalog, weeks: int) -> Stories:
    """Deterministic picks from the catalogue (no random draws, so they survive any seed)."""
    n = len(cat.asins)
    names = [FAMILIES[f].name for f in cat.family]
    recent = {i for i, d in enumerate(cat.launch) if d >= cat.first_week}
    squeeze = [i for i in range(n) if names[i] == SQUEEZE_FAMILY and i not in recent]
    if n >= 4 and len(squeeze) < 2:
        squeeze = squeeze or [0]
    crap = [max(squeeze, key=lambda i: cat.cost[i] / cat.price[i])] if squeeze else []
    pool = [i for i in range(n) if names[i] in SPIRAL_FAMILIES and i not in recent and i not in squeeze]
    pool.sort(key=lambda i: -cat.base_demand[i])
    k = 4 if n >= 100 else 3 if n >= 20 else 2 if n >= 10 else 1 if n >= 3 else 0
    spiral = sorted(pool[1:k + 1] if len(pool) > k else pool[:k])
    taken = set(spiral) | set(squeeze) | recent
    rest = sorted((i for i in range(n) if names[i] in OVERSTOCK_FAMILIES and i not in taken),
                  key=lambda i: -cat.base_demand[i])
    overstock = sorted(rest[:2 if n >= 20 else 1 if n >= 8 else 0])
    _tilt_costs(cat, squeeze, crap)
    return Stories(spiral, squeeze, crap, overstock, max(0, weeks - 18), max(0, weeks - 24))


def _tilt_costs(cat: Catalog, squeeze: list[int], crap: list[int]) -> None:
    """The squeeze group was already a thinner-margin line; the CRaP ASIN the thinnest."""
    for i in squeeze:
        cat.cost[i] = round(cat.price[i] * 0.64, 2)
    for i in crap:
        cat.cost[i] = round(cat.price[i] * 0.71, 2)
