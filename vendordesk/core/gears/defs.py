"""The gears, their KPIs and default thresholds (domain.md §1.2, §1.3): the one declaration every
layer reads (the report, the JSON, the tab's tiles, the influence map's clusters and colours).
A new gear is one ``GearDef`` here (or ``register_gear``) plus the functions of its KPIs.

Threshold kinds:
- ``max``: lower is better. green below ``green``, red above ``red``, amber between.
- ``min``: higher is better. green at or above ``green``, red below ``red``.
- ``trend``: no absolute target (category-dependent); judged on the relative change
  against the comparison period, e.g. green ≥ −2 %, red < −10 % for a KPI where more is better.
- ``band``: a comfort zone: judged as ``min`` on ``green``/``red`` below it and as ``max`` on
  ``green_high``/``red_high`` above it (weeks of cover: too little stock and overstock are both bad).
KPIs without a threshold are shown for information and do not enter the score.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from vendordesk.core.missing import is_missing
from vendordesk.text import NP_, texts


@dataclass(frozen=True)
class Threshold:
    kind: str          # max, min, trend, band
    green: float
    red: float
    green_high: float | None = None    # band only: the upper green edge
    red_high: float | None = None      # band only: the upper red edge

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"kind": self.kind, "green": self.green, "red": self.red}
        if self.kind == "band":
            out.update(green_high=self.green_high, red_high=self.red_high)
        return out


@dataclass(frozen=True)
class KpiDef:
    """A KPI of a gear. ``name_en`` is its catalogue message id (marked ``NP_("gear", …)``) and ``name_de`` the
    German the workspace's schema stores; the German catalogue carries the same German (a test
    holds the two together)."""

    id: str
    name_de: str
    name_en: str
    unit: str                         # pct, money, units, weeks, days, rating, score, count
    better: int = 1                   # +1 more is better, -1 less is better, 0 neutral
    threshold: Threshold | None = None
    weight: float = 1.0
    manual: bool = False              # entered by hand (manual_kpis), not from reports
    manual_how: str = "last"          # sum, last or last_sum (see core.gear_manual)
    # A KPI of a new gear: its value from the period's other KPI values (None: the report computes it)
    compute: Callable[[Mapping[str, float]], float] | None = None
    # The short label of the gear tile's KPI rows (catalogue context "gear tile"); "": the name
    short_en: str = ""

    def name(self, lang: str) -> str:
        """The name in ``lang`` from the ``vendordesk`` catalogue (``name_en`` is the message id)."""
        return texts(lang).pgettext("gear", self.name_en)

    def short_name(self, lang: str) -> str:
        """The tile's short label in ``lang`` ("Altbestand" for "Altbestand (> 90 Tage)"); the long name
        stays in the tooltip and the detail table."""
        return texts(lang).pgettext("gear tile", self.short_en) if self.short_en else self.name(lang)


@dataclass(frozen=True)
class GearDef:
    """A gear: names as in ``KpiDef`` (``name(lang)`` reads the catalogue), its KPIs, its colour."""

    id: str
    position: int
    name_de: str
    name_en: str
    kpis: tuple[KpiDef, ...]
    rank_kpi: str | None = None       # per-ASIN KPI that ranks the worst ASINs
    rank_worst_high: bool = True      # True: a high value is worst
    color: str = "#eceff1"            # the gear's tint (influence map cluster)
    ring: int = 99                    # place on the influence map's circle (low first)

    def name(self, lang: str) -> str:
        """The name in ``lang`` from the ``vendordesk`` catalogue (``name_en`` is the message id)."""
        return texts(lang).pgettext("gear", self.name_en)

    @property
    def primary(self) -> KpiDef:
        return self.kpis[0]

    def kpi(self, kpi_id: str) -> KpiDef | None:
        return next((k for k in self.kpis if k.id == kpi_id), None)


TREND_UP = Threshold("trend", -0.02, -0.10)   # [inferred] a 10 % drop is red
K = KpiDef

GEARS: tuple[GearDef, ...] = (
    GearDef("content", 1, "Content & Katalog", NP_("gear", "Content & catalog"), (
        K("conversion", "Konversion", NP_("gear", "Conversion"), "pct", 1, TREND_UP, 2.0),
        K("glance_views", "Glance Views", NP_("gear", "Glance views"), "count", 1, TREND_UP),
        K("content_score", "Content-Score", NP_("gear", "Content score"), "score", 1, Threshold("min", 80, 60), manual=True),
    ), rank_kpi="conversion_change", rank_worst_high=False, color="#f1f8e9", ring=9),
    GearDef("availability", 2, "Verfügbarkeit", NP_("gear", "Availability & in-stock"), (
        K("oos_rate", "OOS-Quote (Glance-View-gewichtet)", NP_("gear", "OOS rate (glance-view weighted)"), "pct", -1,
          Threshold("max", 0.03, 0.08), 3.0, short_en=NP_("gear tile", "OOS rate")),
        K("lost_share", "Entgangener Umsatzanteil", NP_("gear", "Share of sales lost"), "pct", -1,
          Threshold("max", 0.03, 0.08), 2.0, short_en=NP_("gear tile", "Share lost")),
        K("asins_oos_share", "Anteil ASINs über OOS-Grenze", NP_("gear", "Share of ASINs above the OOS limit"), "pct", -1,
          Threshold("max", 0.05, 0.10), 2.0, short_en=NP_("gear tile", "OOS ASINs")),
        # 4-8 weeks green; Amazon marks down overstock (§1.3: comfort 4-6 weeks) [inferred upper edges]
        K("weeks_of_cover", "Reichweite (Wochen)", NP_("gear", "Weeks of cover"), "weeks", 0,
          Threshold("band", 4.0, 2.0, 8.0, 12.0), short_en=NP_("gear tile", "Cover (weeks)")),
        K("asins_oos", "ASINs über OOS-Grenze", NP_("gear", "ASINs above the OOS limit"), "count", -1, short_en=NP_("gear tile", "OOS ASINs")),
        K("lost_value", "Entgangener Umsatz (Schätzung)", NP_("gear", "Lost sales (estimate)"), "money", -1, short_en=NP_("gear tile", "Lost sales")),
        K("lost_units", "Entgangene Einheiten (Schätzung)", NP_("gear", "Lost units (estimate)"), "units", -1, short_en=NP_("gear tile", "Lost units")),
        K("unfilled_units", "Nicht erfüllte Kundenbestellungen", NP_("gear", "Unfilled customer orders"), "units", -1, short_en=NP_("gear tile", "Unfilled orders")),
    ), rank_kpi="oos_views", color="#e3f2fd", ring=1),
    GearDef("price_buybox", 3, "Preis & Buy Box", NP_("gear", "Price & Buy Box"), (
        K("asp", "Durchschnittspreis (ASP)", NP_("gear", "Average selling price (ASP)"), "money", 1, TREND_UP, 2.0, short_en=NP_("gear tile", "ASP")),
        K("sales_discount_share", "Verkaufsrabatt / Umsatz", NP_("gear", "Sales discount / revenue"), "pct", -1,
          Threshold("max", 0.03, 0.08), short_en=NP_("gear tile", "Sales discount")),
        K("lost_buybox_rate", "Buy-Box-Verlust", NP_("gear", "Lost Buy Box"), "pct", -1, Threshold("max", 0.05, 0.15),
          manual=True, short_en=NP_("gear tile", "Buy Box lost")),
    ), rank_kpi="asp_change", rank_worst_high=False, color="#e0f7fa", ring=6),
    GearDef("advertising", 4, "Werbung & Marketing", NP_("gear", "Advertising & marketing"), (
        K("tacos", "TACoS", NP_("gear", "TACoS"), "pct", -1, Threshold("max", 0.10, 0.15), 2.0),
        K("ad_spend", "Werbekosten", NP_("gear", "Ad spend"), "money", 0, manual=True, manual_how="sum", short_en=NP_("gear tile", "Ad spend")),
        K("acos", "ACoS", NP_("gear", "ACoS"), "pct", -1, Threshold("max", 0.25, 0.40), manual=True),
        K("roas", "ROAS", NP_("gear", "ROAS"), "ratio", 1, Threshold("min", 4.0, 2.5), manual=True),
    ), color="#fffde7", ring=7),
    GearDef("reviews_cx", 5, "Bewertungen & Retouren", NP_("gear", "Reviews & returns"), (
        K("return_rate", "Retourenquote", NP_("gear", "Return rate"), "pct", -1, Threshold("max", 0.05, 0.10), 2.0),
        K("star_rating", "Sternebewertung", NP_("gear", "Star rating"), "rating", 1, Threshold("min", 4.2, 3.8), manual=True),
        K("review_count", "Anzahl Bewertungen", NP_("gear", "Review count"), "count", 1, manual=True, manual_how="last_sum", short_en=NP_("gear tile", "Review count")),
    ), rank_kpi="return_rate", color="#efebe9", ring=8),
    GearDef("ops_compliance", 6, "Logistik & Compliance", NP_("gear", "Operations & compliance"), (
        K("chargeback_share", "Rückbelastungsquote (von unserem Umsatz)", NP_("gear", "Chargeback rate (of our revenue)"), "pct", -1,
          Threshold("max", 0.01, 0.03), 3.0, short_en=NP_("gear tile", "Chargeback rate")),
        K("chargebacks", "Rückbelastungen", NP_("gear", "Chargebacks"), "money", -1),
        K("shortages", "Fehlmengenforderungen", NP_("gear", "Shortage claims"), "money", -1, short_en=NP_("gear tile", "Shortage claims")),
        K("on_time_rate", "PO pünktlich", NP_("gear", "PO on-time"), "pct", 1, Threshold("min", 0.90, 0.80), manual=True),
        K("asn_accuracy", "ASN-Genauigkeit", NP_("gear", "ASN accuracy"), "pct", 1, Threshold("min", 0.95, 0.70), manual=True, short_en=NP_("gear tile", "ASN accuracy")),
    ), rank_kpi="chargebacks", color="#fff3e0", ring=3),
    GearDef("forecast_ordering", 7, "Prognose & Bestellungen", NP_("gear", "Forecast & ordering"), (
        K("confirmation_rate", "Bestätigungsquote", NP_("gear", "Confirmation rate"), "pct", 1, Threshold("min", 0.90, 0.80), 2.0, short_en=NP_("gear tile", "Confirmation rate")),
        K("fill_rate", "Wareneingangs-Füllrate", NP_("gear", "Receive fill rate"), "pct", 1, Threshold("min", 0.95, 0.90), 2.0, short_en=NP_("gear tile", "Fill rate")),
        K("lead_time_days", "Lieferzeit (Tage)", NP_("gear", "Vendor lead time (days)"), "days", -1, short_en=NP_("gear tile", "Lead time (days)")),
        K("open_po_units", "Offene PO-Einheiten", NP_("gear", "Open PO units"), "units", 0, short_en=NP_("gear tile", "Open PO units")),
    ), rank_kpi="confirmation_rate", rank_worst_high=False, color="#e8f5e9", ring=2),
    GearDef("profitability_terms", 8, "Profitabilität & Konditionen", NP_("gear", "Profitability & terms"), (
        K("net_ppm", "Net PPM", NP_("gear", "Net PPM"), "pct", 1, Threshold("min", 0.40, 0.35), 3.0),
        K("front_margin", "Frontmarge (Amazon)", NP_("gear", "Front margin (Amazon)"), "pct", 1, TREND_UP, short_en=NP_("gear tile", "Front margin")),
        K("asins_below_target", "ASINs unter Net-PPM-Ziel", NP_("gear", "ASINs below the Net PPM target"), "count", -1, short_en=NP_("gear tile", "ASINs below target")),
        K("contra_cogs_share", "Contra-COGS / COGS", NP_("gear", "Contra-COGS / COGS"), "pct", 0, short_en=NP_("gear tile", "Contra-COGS")),
        K("shipped_cogs", "Unser Umsatz (zu Einkaufspreisen)", NP_("gear", "Our revenue (shipped COGS)"), "money", 1, short_en=NP_("gear tile", "Our revenue")),
    ), rank_kpi="net_ppm", rank_worst_high=False, color="#fce4ec", ring=4),
    GearDef("assortment", 9, "Sortiment", NP_("gear", "Assortment"), (
        K("aged_share", "Altbestand (> 90 Tage)", NP_("gear", "Aged 90+ days stock"), "pct", -1, Threshold("max", 0.10, 0.20), 2.0, short_en=NP_("gear tile", "Aged 90+ days")),
        K("unhealthy_share", "Überbestand (ungesunder Bestand)", NP_("gear", "Unhealthy stock"), "pct", -1, Threshold("max", 0.10, 0.20), short_en=NP_("gear tile", "Unhealthy stock")),
        K("sell_through", "Sell-Through", NP_("gear", "Sell-through"), "pct", 1, TREND_UP),
        K("active_asins", "Aktive ASINs", NP_("gear", "Active ASINs"), "count", 1),
    ), rank_kpi="aged_share", color="#f3e5f5", ring=5),
)
GEAR_IDS = tuple(g.id for g in GEARS)
MANUAL_KPIS = {(g.id, k.id): k for g in GEARS for k in g.kpis if k.manual}
OUTCOME_COLOR = "#eceff1"             # the influence map's outcome cluster (no gear)


def register_gear(new: GearDef) -> GearDef:
    """Declare one more gear (an extension, or a test's throwaway gear); every reader of ``GEARS``,
    ``GEAR_IDS`` and ``MANUAL_KPIS`` through this module sees it."""
    global GEARS, GEAR_IDS, MANUAL_KPIS
    if new.id in GEAR_IDS:
        raise ValueError(f"gear {new.id!r} is declared already")
    GEARS = (*GEARS, new)
    GEAR_IDS = tuple(g.id for g in GEARS)
    MANUAL_KPIS = {(g.id, k.id): k for g in GEARS for k in g.kpis if k.manual}
    return new


def ring_order() -> tuple[str, ...]:
    """The gear ids in their order on the influence map's circle."""
    return tuple(g.id for g in sorted(GEARS, key=lambda g: (g.ring, g.position)))


def gear(gear_id: str) -> GearDef:
    for g in GEARS:
        if g.id == gear_id:
            return g
    raise KeyError(gear_id)


def with_net_ppm_target(gears: tuple[GearDef, ...], target: float | None) -> tuple[GearDef, ...]:
    """Net PPM green at the account target, red 5 points below it (§1.3)."""
    if target is None or is_missing(target):
        return gears
    out = []
    for g in gears:
        kpis = tuple(replace(k, threshold=Threshold("min", target, target - 0.05)) if k.id == "net_ppm" else k
                     for k in g.kpis)
        out.append(replace(g, kpis=kpis))
    return tuple(out)


def with_overrides(gears: tuple[GearDef, ...], settings: dict[str, Any]) -> tuple[GearDef, ...]:
    """Apply the KAM's thresholds: ``{gear_id: {"thresholds": {kpi_id: {green, red[, kind]}}}}``."""
    out = []
    for g in gears:
        overrides = (settings.get(g.id) or {}).get("thresholds") or {}
        kpis = []
        for k in g.kpis:
            o = overrides.get(k.id)
            if isinstance(o, dict) and _number(o.get("green")) and _number(o.get("red")):
                kind = o.get("kind") or (k.threshold.kind if k.threshold else ("min" if k.better >= 0 else "max"))
                high = (o.get("green_high"), o.get("red_high"))
                if kind == "band" and not (_number(high[0]) and _number(high[1])):
                    high = (k.threshold.green_high, k.threshold.red_high) if k.threshold else (None, None)
                if kind == "band" and high[0] is None:
                    kind = "min"
                high = high if kind == "band" else (None, None)
                k = replace(k, threshold=Threshold(kind, float(o["green"]), float(o["red"]), *high))
            kpis.append(k)
        out.append(replace(g, kpis=tuple(kpis)))
    return tuple(out)


def _number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and not is_missing(value)
