"""The KAM's words for a what-if, mapped once to the model's shocks.

A KAM thinks "availability −8 points", "price −10 %", "confirmation −10 points"; the model
shocks KPIs: availability −8 points is the out-of-stock rate +0.08, price −10 % is the ASP −0.10.
Each word says its unit (points of a rate, or per cent of a level) and how one unit of it maps to
the KPI's delta: ``delta = factor x value / 100``.

    availability −8 points     -> procurable_product_out_of_stock_rate +0.08   (factor −1)
    price −10 %                -> average_selling_price −0.10                  (factor +1)
    confirmation −10 points    -> vendor_confirmation_rate −0.10               (factor +1)
    content +10 points (0-100) -> content_score +0.10                          (factor +1)
    Featured Offer −5 points   -> featured_offer_lost +0.05                    (factor −1)

Pure Python; the labels go through the text catalogue (vendordesk.text, N_ marks them).
"""

from __future__ import annotations

from dataclasses import dataclass

from vendordesk.core.influence.sim import Shock
from vendordesk.text import N_

POINTS, PERCENT = "points", "percent"


@dataclass(frozen=True)
class Lever:
    key: str
    label: str          # English msgid (N_); translate with texts(lang)(label)
    unit: str           # POINTS (of a rate) or PERCENT (of a level)
    kpi: str
    factor: float       # KPI delta per 100 units of the KAM's value
    example: float      # a typical entry, for the form's default

    def shock(self, value: float, weeks: int | None = None, start: int = 0) -> Shock:
        """The model's shock for the KAM's ``value`` (points or %)."""
        return Shock(self.kpi, self.factor * float(value) / 100.0, weeks or None, start)

    def value_of(self, shock: Shock) -> float:
        """Back from a shock on this lever's KPI to the KAM's number."""
        return shock.delta * 100.0 / self.factor


LEVERS: tuple[Lever, ...] = (
    Lever("availability", N_("Availability (in stock)"), POINTS, "procurable_product_out_of_stock_rate", -1.0, -8.0),
    Lever("price", N_("Our price on Amazon (ASP)"), PERCENT, "average_selling_price", 1.0, -10.0),
    Lever("cost", N_("Our cost price to Amazon"), PERCENT, "cost_price", 1.0, 6.0),
    Lever("confirmation", N_("PO confirmation rate"), POINTS, "vendor_confirmation_rate", 1.0, -10.0),
    Lever("fill", N_("Delivered in full (receive fill rate)"), POINTS, "receive_fill_rate", 1.0, -5.0),
    Lever("lead_time", N_("Lead time"), PERCENT, "average_vendor_lead_time_days", 1.0, 50.0),
    Lever("content", N_("Content score (0-100)"), POINTS, "content_score", 1.0, 10.0),
    Lever("ads", N_("Ad spend"), PERCENT, "ad_spend", 1.0, -30.0),
    Lever("featured_offer", N_("Buy Box share"), POINTS, "featured_offer_lost", -1.0, -5.0),
    Lever("competitor_price", N_("Competitor price"), PERCENT, "competitor_price", 1.0, -10.0),
    Lever("terms", N_("Back-end terms (share of COGS)"), POINTS, "backend_terms_rate", 1.0, 1.0),
)
BY_KEY: dict[str, Lever] = {lever.key: lever for lever in LEVERS}
BY_KPI: dict[str, Lever] = {lever.kpi: lever for lever in LEVERS}


def lever_shock(key: str, value: float, weeks: int | None = None) -> Shock:
    """``lever_shock("availability", -8, 4)`` -> OOS +0.08 for 4 weeks. KeyError names the words."""
    if key not in BY_KEY:
        raise KeyError(f"'{key}' is not a what-if lever; use one of: {', '.join(BY_KEY)}")
    return BY_KEY[key].shock(value, weeks)
