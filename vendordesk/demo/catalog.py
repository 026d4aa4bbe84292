"""The demo product master: German small kitchen appliances with prices, costs and demand levels."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

VAT = 1.19
ASIN_CHARS = np.array(list("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"))
BRANDS = ("Küchenwelt", "Küchenwelt Professional", "Hausfreund")
COLOURS = ("schwarz", "weiß", "Edelstahl gebürstet", "creme", "rot", "anthrazit", "mintgrün")
COLOUR_CODES = ("SW", "WS", "ES", "CR", "RT", "AN", "MG")


@dataclass(frozen=True)
class Family:
    key: str            # model prefix
    name: str           # subcategory / product word
    category: str
    gross_price: float  # typical retail price incl. VAT, EUR
    q4_amp: float       # extra Q4 demand (0.5 = +50 % at peak)
    summer: float       # summer demand factor
    pattern: str
    attrs: tuple[tuple[str, ...], ...]


FAMILIES = (
    Family("WK", "Wasserkocher", "Küchenkleingeräte", 39.99, 0.45, 0.85,
           "Wasserkocher {0} L, {1} W, {2}, {3}",
           (("1,0", "1,2", "1,5", "1,7"), ("2000", "2200", "2400", "3000"),
            ("Edelstahl", "Glas mit LED-Beleuchtung", "BPA-frei"),
            ("Temperaturwahl 40–100 °C", "Warmhaltefunktion", "Kalkfilter", "kabellos 360°"))),
    Family("TO", "Toaster", "Küchenkleingeräte", 44.99, 0.50, 0.9,
           "Toaster {0}, {1} W, {2}, {3}",
           (("2 Scheiben", "4 Scheiben", "Langschlitz"), ("850", "950", "1050", "1400"),
            ("Brötchenaufsatz", "Auftau- und Aufwärmfunktion", "7 Bräunungsstufen"),
            ("Edelstahl", "Kunststoff", "Retro-Design"))),
    Family("HM", "Handmixer", "Küchenkleingeräte", 34.99, 0.85, 0.85,
           "Handmixer {0} W, {1}, {2}, {3}",
           (("300", "400", "500", "650"), ("5 Stufen + Turbo", "6 Stufen", "stufenlos"),
            ("Rührbesen und Knethaken", "mit Schneebesen", "inkl. Pürierstab"), ("Aufbewahrungsbox", "leise"))),
    Family("SM", "Stabmixer", "Küchenkleingeräte", 49.99, 0.55, 0.95,
           "Stabmixer-Set {0} W, {1}, {2}, {3}",
           (("600", "800", "1000", "1200"), ("Edelstahlfuß", "4-Klingen-Messer", "Titanklingen"),
            ("Zerkleinerer 500 ml", "Messbecher 700 ml", "Schneebesen"), ("variable Geschwindigkeit", "Turbo"))),
    Family("KM", "Kaffeemühle", "Kaffee & Espresso", 39.99, 0.6, 0.9,
           "Elektrische Kaffeemühle {0}, {1}, {2}, {3}",
           (("Kegelmahlwerk", "Scheibenmahlwerk", "Schlagmahlwerk"), ("150 W", "200 W"),
            ("18 Mahlgrade", "31 Mahlgrade", "für Espresso bis French Press"), ("Bohnenbehälter 250 g", "leise"))),
    Family("MS", "Milchaufschäumer", "Kaffee & Espresso", 44.99, 0.7, 0.85,
           "Milchaufschäumer {0}, {1}, {2}, {3}",
           (("elektrisch 300 ml", "Induktion 500 ml", "240 ml"), ("heiß und kalt", "4 Programme"),
            ("antihaftbeschichtet", "spülmaschinengeeignet"), ("Latte Macchiato", "Kakao"))),
    Family("EK", "Eierkocher", "Küchenkleingeräte", 24.99, 0.3, 0.9,
           "Eierkocher für {0} Eier, {1} W, {2}, {3}",
           (("1–6", "1–7", "1–8"), ("350", "400", "420"), ("Härtegradeinstellung", "Warmhaltefunktion"),
            ("Edelstahl", "mit Signalton"))),
    Family("SW", "Sandwichmaker", "Küchenkleingeräte", 34.99, 0.4, 1.0,
           "Sandwichmaker {0}, {1} W, {2}, {3}",
           (("2 Sandwiches", "4 Sandwiches", "3-in-1 Grill/Waffel"), ("750", "900", "1200"),
            ("antihaftbeschichtet", "abnehmbare Platten"), ("Cool-Touch-Griff", "Kontrollleuchte"))),
    Family("WE", "Waffeleisen", "Küchenkleingeräte", 39.99, 1.1, 0.75,
           "Waffeleisen {0}, {1} W, {2}, {3}",
           (("Herzwaffeln", "Belgische Waffeln", "Bubble-Waffeln"), ("1000", "1200", "1400"),
            ("stufenloser Thermostat", "Backampel"), ("antihaftbeschichtet", "drehbar"))),
    Family("ST", "Standmixer", "Küchenkleingeräte", 89.99, 0.45, 1.15,
           "Standmixer {0} W, {1}, {2}, {3}",
           (("1000", "1200", "1500", "2000"), ("Glaskrug 1,5 L", "Tritan-Behälter 2 L"),
            ("Smoothie-Programm", "Crushed Ice", "6 Edelstahlklingen"), ("Vakuumfunktion", "Impulsfunktion"))),
    Family("KW", "Küchenwaage", "Wiegen & Messen", 19.99, 0.5, 0.95,
           "Digitale Küchenwaage {0}, {1}, {2}, {3}",
           (("bis 5 kg", "bis 10 kg", "bis 15 kg"), ("1-g-Schritte", "0,1-g-Feinwaage"),
            ("Tara-Funktion", "Flüssigkeitsmessung"), ("Edelstahl", "Glasplatte"))),
    Family("KG", "Kontaktgrill", "Küchenkleingeräte", 79.99, 0.35, 1.2,
           "Kontaktgrill {0} W, {1}, {2}, {3}",
           (("1600", "2000", "2200"), ("180° aufklappbar", "abnehmbare Platten"),
            ("Temperaturregelung", "Fettauffangschale"), ("antihaftbeschichtet", "Edelstahl"))),
    Family("ZP", "Zitruspresse", "Küchenkleingeräte", 29.99, 0.1, 1.25,
           "Elektrische Zitruspresse {0}, {1} W, {2}, {3}",
           (("mit Hebel", "2 Presskegel"), ("40", "85", "160"), ("Tropfstopp", "Rechts-/Linkslauf"),
            ("Edelstahl", "BPA-frei"))),
)


@dataclass
class Catalog:
    """Per-ASIN attributes as parallel lists/arrays (index = ASIN position)."""

    asins: list[str]
    family: np.ndarray        # index into FAMILIES
    titles: list[str]
    brands: list[str]
    models: list[str]
    eans: list[str]
    launch: list[date]
    price: np.ndarray          # reference ASP, net of VAT
    cost: np.ndarray           # current vendor cost price (after last year's increase)
    base_demand: np.ndarray    # units/week at reference price, no season
    first_week: date           # first report week (Sunday)
    parents: list[str | None] | None = None   # variation family (twister) parent ASIN


def ean13(body12: str) -> str:
    """EAN-13 with its check digit."""
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body12))
    return body12 + str((10 - total % 10) % 10)


def _asins(rng: np.random.Generator, n: int) -> list[str]:
    codes = rng.integers(0, len(ASIN_CHARS), size=(n * 2, 8))
    seen: list[str] = []
    for row in codes:
        asin = "B0" + "".join(ASIN_CHARS[row])
        if asin not in seen:
            seen.append(asin)
        if len(seen) == n:
            break
    return seen


def _families(rng: np.random.Generator, n: int) -> np.ndarray:
    """Every family at least once (when n allows), the rest weighted toward best sellers."""
    weights = np.array([12, 9, 7, 9, 7, 6, 5, 6, 6, 8, 6, 6, 4], dtype=float)
    first = np.arange(min(n, len(FAMILIES)))
    rest = rng.choice(len(FAMILIES), size=max(0, n - len(first)), p=weights / weights.sum())
    return np.sort(np.concatenate([first, rest]))


def _title(rng: np.random.Generator, fam: Family, brand: str) -> str:
    parts = [opts[int(rng.integers(len(opts)))] for opts in fam.attrs]
    colour = COLOURS[int(rng.integers(len(COLOURS)))]
    return f"{brand} {fam.pattern.format(*parts)}, {colour}"


def build_catalog(rng: np.random.Generator, n: int, first_week: date, end: date) -> Catalog:
    fam = _families(rng, n)
    asins = _asins(rng, n)
    tier = rng.choice(3, size=n, p=[0.6, 0.15, 0.25])          # core, premium, entry
    tier_price = np.array([1.0, 1.45, 0.7])[tier]
    gross = np.array([FAMILIES[f].gross_price for f in fam]) * tier_price * rng.lognormal(0, 0.15, n)
    gross = np.floor(gross) + 0.99
    price = np.round(gross / VAT, 2)
    cost = np.round(price * rng.uniform(0.56, 0.67, n), 2)
    demand = rng.lognormal(np.log(30), 0.8, n) / tier_price
    titles, brands, models, eans, launch = [], [], [], [], []
    for i in range(n):
        family = FAMILIES[fam[i]]
        brand = BRANDS[tier[i]]
        brands.append(brand)
        titles.append(_title(rng, family, brand))
        models.append(f"{'KWP' if tier[i] == 1 else 'HF' if tier[i] == 2 else 'KW'}-{family.key}{1000 + i * 7:04d}")
        eans.append(ean13(f"4061234{10000 + i * 13:05d}"))
        days_before = int(rng.integers(400, 2600))
        launch.append(first_week - timedelta(days=days_before))
    _recent_launches(rng, launch, n, end)
    cat = Catalog(asins, fam, titles, brands, models, eans, launch, price, cost, demand, first_week)
    _colour_variants(rng, cat, tier)
    return cat


def _colour_variants(rng: np.random.Generator, cat: Catalog, tier: np.ndarray) -> None:
    """Some neighbours of the same family and brand become colour variants under one parent."""
    n = len(cat.asins)
    cat.parents = [None] * n
    root = 0
    for i in range(1, n):
        same = cat.family[i] == cat.family[root] and tier[i] == tier[root] and cat.launch[i] < cat.first_week
        if not (same and rng.random() < 0.4):
            root = i
            continue
        if cat.parents[root] is None:
            cat.parents[root] = "B0" + "".join(ASIN_CHARS[rng.integers(0, len(ASIN_CHARS), 8)])
        taken = {cat.titles[j].rsplit(", ", 1)[1] for j in range(root, i)}
        colour = next(c for c in COLOURS[int(rng.integers(len(COLOURS))):] + COLOURS if c not in taken)
        cat.parents[i] = cat.parents[root]
        cat.titles[i] = f"{cat.titles[root].rsplit(', ', 1)[0]}, {colour}"
        cat.models[i] = f"{cat.models[root]}-{COLOUR_CODES[COLOURS.index(colour)]}"
        cat.price[i], cat.cost[i], cat.launch[i] = cat.price[root], cat.cost[root], cat.launch[root]
        cat.base_demand[i] = cat.base_demand[root] * rng.uniform(0.3, 0.9)


def _recent_launches(rng: np.random.Generator, launch: list[date], n: int, end: date) -> None:
    """A few ASINs launched in the last 6 months (positions chosen away from story picks)."""
    count = max(1, n // 40) if n >= 12 else 0
    picks = rng.choice(np.arange(n // 2, n), size=count, replace=False) if count else []
    for i in picks:
        weeks_ago = int(rng.integers(6, 26))
        launch[int(i)] = end - timedelta(days=7 * weeks_ago + 6)
