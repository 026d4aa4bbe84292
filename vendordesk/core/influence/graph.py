"""The interdependency model: a directed graph of KPIs with signed, lagged, weighted links.

Defaults come from docs/domain.md §1.4 (E01-E30, tagged [inferred] unless noted) plus a few
structural links (I01...) that make the outcome layer explicit (units = views x conversion).

Units of a deviation ("scale" of a KPI):
- ``points``: an absolute change of a fraction (OOS +0.08 = 8 percentage points);
- ``relative``: a relative change (cost price +0.06 = +6 %).
A link's ``strength`` maps one unit of change at FROM to ``sign * strength`` units at TO,
``lag`` weeks later. Example: E01 strength 1.0 -> OOS +1 point lowers ordered units by 1 %.
Pure Python; no Qt, no store.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from vendordesk.core.margin import DEFAULT_ELASTICITY
from vendordesk.core.missing import is_missing
from vendordesk.text import N_, Message, texts

POINTS, RELATIVE = "points", "relative"


@dataclass(frozen=True)
class Kpi:
    name: str
    gear: str          # gear id (domain §1.2) or "outcome"
    scale: str         # POINTS or RELATIVE
    en: str
    de: str


_K = [
    ("procurable_product_out_of_stock_rate", "availability", POINTS, N_("Out-of-stock rate"), "OOS-Quote"),
    ("ordered_units", "outcome", RELATIVE, N_("Ordered units"), "Bestellte Einheiten"),
    ("glance_views", "content", RELATIVE, N_("Glance views"), "Glance Views"),
    ("conversion", "content", RELATIVE, N_("Conversion"), "Konversion"),
    ("content_score", "content", POINTS, N_("Content quality"), "Content-Qualität"),
    ("mean_forecast_units", "forecast_ordering", RELATIVE, N_("Amazon forecast"), "Amazon-Prognose"),
    ("po_units", "forecast_ordering", RELATIVE, N_("PO units"), "Bestellmengen"),
    ("vendor_confirmation_rate", "forecast_ordering", POINTS, N_("Confirmation rate"), "Bestätigungsquote"),
    ("receive_fill_rate", "forecast_ordering", POINTS, N_("Receive fill rate"), "Wareneingangs-Füllrate"),
    ("average_vendor_lead_time_days", "forecast_ordering", RELATIVE, N_("Lead time"), "Lieferzeit"),
    ("ops_defect_rate", "ops_compliance", POINTS, N_("On-time/in-full defects"), "Liefermängel (pünktlich/vollständig)"),
    ("asn_error_rate", "ops_compliance", POINTS, N_("ASN/label errors"), "ASN-/Etikettenfehler"),
    ("shortage_claims", "ops_compliance", RELATIVE, N_("Shortage claims"), "Fehlmengenforderungen"),
    ("chargebacks", "ops_compliance", RELATIVE, N_("Chargebacks"), "Rückbelastungen"),
    ("competitor_price", "price_buybox", RELATIVE, N_("Competitor price"), "Wettbewerbspreis"),
    ("average_selling_price", "price_buybox", RELATIVE, N_("Average selling price"), "Durchschnittspreis (ASP)"),
    ("featured_offer_lost", "price_buybox", POINTS, N_("Buy Box lost"), "Buy-Box-Verlust"),
    ("sales_discount", "profitability_terms", POINTS, N_("Sales discount"), "Verkaufsrabatt"),
    ("net_pure_product_margin", "profitability_terms", POINTS, N_("Net PPM"), "Net PPM"),
    ("backend_terms_rate", "profitability_terms", POINTS, N_("Back-end terms"), "Backend-Konditionen"),
    ("cost_price", "profitability_terms", RELATIVE, N_("Cost price"), "Einkaufspreis"),
    ("cpi_acceptance", "profitability_terms", POINTS, N_("CPI acceptance"), "Annahme der Preiserhöhung"),
    ("payment_terms_cost", "profitability_terms", POINTS, N_("Payment terms / cash discount"), "Zahlungsziel / Skonto"),
    ("vendor_margin", "profitability_terms", POINTS, N_("Vendor margin"), "Unsere Marge"),
    ("crap_risk", "assortment", POINTS, N_("CRaP risk"), "CRaP-Risiko"),
    ("weeks_of_cover", "assortment", RELATIVE, N_("Weeks of cover"), "Reichweite (Wochen)"),
    ("customer_rating", "reviews_cx", RELATIVE, N_("Customer rating"), "Kundenbewertung"),
    ("return_rate", "reviews_cx", POINTS, N_("Return rate"), "Retourenquote"),
    ("ad_spend", "advertising", RELATIVE, N_("Ad spend"), "Werbekosten"),
    ("ad_efficiency", "advertising", RELATIVE, N_("Ad efficiency"), "Werbeeffizienz"),
]
KPIS: dict[str, Kpi] = {row[0]: Kpi(*row) for row in _K}
OOS, UNITS, ASP, COST, PPM = ("procurable_product_out_of_stock_rate", "ordered_units",
                               "average_selling_price", "cost_price", "net_pure_product_margin")
FORECAST, PO = "mean_forecast_units", "po_units"


@dataclass(frozen=True)
class Edge:
    """One link. ``calibration`` is a dict (estimate, se, weeks, status, reason) or None."""

    id: str
    src: str
    dst: str
    sign: int
    lag: int
    strength: float
    note: str = ""
    source: str = "default"      # default | calibrated | edited
    calibration: dict[str, Any] | None = None

    @property
    def weight(self) -> float:
        return self.sign * self.strength


# id, from, to, sign, lag (weeks), strength, mechanism (domain §1.4)
_E = [
    ("E01", OOS, UNITS, -1, 0, 1.0, N_("An OOS glance view cannot convert: lost sales")),
    ("E02", UNITS, FORECAST, 1, 2, 0.7, N_("Forecast learns from realised (OOS-censored) sales")),
    ("E03", FORECAST, PO, 1, 1, 1.0, N_("Amazon's POs follow its forecast")),
    ("E04", PO, OOS, -1, 2, 0.25, N_("Smaller POs: less cover, more OOS (closes R1)")),
    ("E05", "vendor_confirmation_rate", PO, 1, 4, 0.5, N_("Poor confirmation lowers future PO allocation")),
    ("E06a", "vendor_confirmation_rate", OOS, -1, 2, 0.3, N_("Unconfirmed units never arrive")),
    ("E06b", "receive_fill_rate", OOS, -1, 2, 0.3, N_("Unfilled units never arrive")),
    ("E07", "average_vendor_lead_time_days", OOS, 1, 1, 0.05, N_("Longer lead time: more uncovered demand")),
    ("E08", "ops_defect_rate", "chargebacks", 1, 1, 5.0, N_("Late/short POs are charged back")),
    ("E09a", "asn_error_rate", "shortage_claims", 1, 4, 5.0, N_("Manual receiving miscounts: shortages")),
    ("E09b", "asn_error_rate", "chargebacks", 1, 2, 3.0, N_("ASN/label/carton errors are charged back")),
    ("E10", "chargebacks", "vendor_margin", -1, 0, 0.02, N_("Chargebacks are deducted from remittances")),
    ("E11", "competitor_price", ASP, 1, 0, 0.8, N_("Amazon follows competitor prices")),
    ("E12", ASP, PPM, 1, 0, 0.6, N_("Lower ASP at unchanged cost shrinks Amazon's margin")),
    ("E13", PPM, "crap_risk", -1, 4, 2.0, N_("Net PPM below target raises CRaP risk")),
    ("E14a", "crap_risk", OOS, 1, 4, 0.1, N_("CRaP: POs stop")),
    ("E14b", "crap_risk", "featured_offer_lost", 1, 2, 0.2, N_("CRaP: Buy Box suppression")),
    ("E14c", "crap_risk", "ad_efficiency", -1, 2, 0.5, N_("CRaP: ads restricted")),
    ("E15", PPM, "backend_terms_rate", -1, 8, 0.3, N_("Margin gap: Amazon demands more terms")),
    ("E16", "backend_terms_rate", PPM, 1, 0, 0.6, N_("Vendor-funded contra-COGS raises Net PPM")),
    ("E17", COST, PPM, -1, 0, 0.6, N_("Cost price increase erodes Net PPM")),
    ("E18", PPM, "cpi_acceptance", 1, 0, 2.0, N_("Eroded Net PPM: CPIs get rejected")),
    ("E19", "weeks_of_cover", ASP, -1, 3, 0.05, N_("Overstock: automated markdowns")),
    ("E20", "weeks_of_cover", PO, -1, 1, 0.5, N_("Overstock: less replenishment")),
    ("E21", "customer_rating", "conversion", 1, 2, 1.0, N_("Social proof")),
    ("E22", "return_rate", "backend_terms_rate", 1, 12, 0.5, N_("High returns: higher damage allowance")),
    ("E23", "content_score", "conversion", 1, 1, 0.5, N_("Better detail page converts better")),
    ("E24", "ad_spend", "glance_views", 1, 0, 0.15, N_("Paid traffic")),
    ("E25", OOS, "ad_efficiency", -1, 0, 1.0, N_("Ads on OOS ASINs waste spend")),
    ("E26", "ad_spend", "sales_discount", 1, 0, 0.005, N_("Coupons/deals are vendor-funded")),
    ("E27", OOS, "featured_offer_lost", 1, 0, 0.5, N_("3P takes the Buy Box when Amazon is OOS")),
    ("E28", UNITS, "glance_views", 1, 3, 0.2, N_("Sales velocity drives organic rank")),
    ("E29", "payment_terms_cost", "vendor_margin", -1, 0, 1.0, N_("The cash discount costs the vendor margin")),
    ("E30", "shortage_claims", "vendor_margin", -1, 8, 0.01, N_("Unrecovered shortages cost margin")),
    ("I01", "glance_views", UNITS, 1, 0, 1.0, N_("Units = glance views x conversion")),
    ("I02", "conversion", UNITS, 1, 0, 1.0, N_("Units = glance views x conversion")),
    ("I03", "featured_offer_lost", UNITS, -1, 0, 0.8, N_("Without the Buy Box, Amazon sells less")),
    ("I04", "sales_discount", PPM, -1, 0, 1.0, N_("Sales discount is deducted in Net PPM")),
    ("I05", ASP, UNITS, -1, 0, -DEFAULT_ELASTICITY, "Price elasticity of demand (the workspace's one)"),
    ("I06", COST, "vendor_margin", 1, 0, 0.7, N_("A higher cost price is the vendor's margin")),
    ("I07", "backend_terms_rate", "vendor_margin", -1, 0, 1.0, N_("Terms are paid by the vendor")),
    ("I08", "ad_efficiency", "glance_views", 1, 0, 0.1, N_("Efficient ads bring paid views")),
    ("I09", PO, "weeks_of_cover", 1, 2, 0.5, N_("Bigger POs raise cover")),
    ("I10", UNITS, "weeks_of_cover", -1, 1, 1.0, N_("Faster sales lower cover")),
]
DEFAULT_EDGES: tuple[Edge, ...] = tuple(Edge(*row) for row in _E)

# Named loops: closed cycles of the graph, id -> (edge ids in cycle order, reinforcing?); the sign
# of the product of the signs matches the label (tests check it). The margin squeeze and the
# compliance drain (domain §1.4 "R2", "R3") are chains, not cycles of this graph: no loops here.
LOOPS: dict[str, tuple[tuple[str, ...], bool]] = {
    "R1": (("E01", "E02", "E03", "E04"), True),
    "B1": (("E20", "I09"), False),
}
LOOP_NAMES = {          # English msgids; translate with vendordesk.text.texts(lang)
    "R1": N_("OOS death spiral"),
    "R2": N_("Margin squeeze / CRaP"),
    "R3": N_("Compliance drain"),
    "B1": N_("Overstock markdown"),
}


@dataclass
class Graph:
    """The KPI graph: edges by id (the effective values after overrides/calibration)."""

    edges: dict[str, Edge] = field(default_factory=dict)

    @classmethod
    def default(cls) -> Graph:
        return cls({e.id: e for e in DEFAULT_EDGES})


    def nodes(self) -> list[str]:
        seen: dict[str, None] = {}
        for edge in self.edges.values():
            seen.setdefault(edge.src)
            seen.setdefault(edge.dst)
        return list(seen)


    def loop_gain(self, loop_id: str) -> float:
        """Product of the signed strengths around a named loop (|gain| < 1 converges)."""
        gain = 1.0
        for edge_id in LOOPS[loop_id][0]:
            gain *= self.edges[edge_id].weight
        return gain


def validate_edge(edge: Edge) -> None:
    """Raise ValueError naming the field when a link is unusable (its argument a ``Message``: the
    reader's language where it is shown)."""
    if edge.src not in KPIS or edge.dst not in KPIS:
        unknown = edge.src if edge.src not in KPIS else edge.dst
        raise ValueError(Message(N_("{link}: unknown KPI {kpi}."), link=edge.id, kpi=unknown))
    if edge.sign not in (-1, 1):
        raise ValueError(Message(N_("{link}: the sign must be +1 or -1."), link=edge.id))
    if not 0 <= edge.lag <= 52:
        raise ValueError(Message(N_("{link}: the lag must be 0 to 52 weeks."), link=edge.id))
    if is_missing(edge.strength) or not 0 <= edge.strength <= 10:
        raise ValueError(Message(N_("{link}: the strength must be between 0 and 10."), link=edge.id))




def edge_note(edge: Edge, lang: str = "en") -> str:
    """The link's mechanism in German or English."""
    _ = texts(lang)
    return _(edge.note) if edge.note else edge.note
