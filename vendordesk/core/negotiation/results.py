"""What the analysis of a price-increase case produces: per-ASIN economics, scenario results,
positions, objections, and the ``Analysis`` that holds them (plus the ``Market`` it read)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TypedDict

import pandas as pd

from vendordesk.core import margin as m
from vendordesk.core.negotiation.checks import Issue
from vendordesk.core.negotiation.model import Case, Concession, Scenario


class ConditionalTerm(TypedDict):
    """A back-end term paid only when a condition is met (store.negotiations.conditional_terms)."""

    term_type: str
    name: str
    rate: float


@dataclass
class Market:
    """What the store knows about the case's ASINs and the account."""

    weekly: pd.DataFrame                       # asin, period_start, shipped_revenue/units/cogs, ...
    contra_rate: float = 0.0                   # back-end terms as a fraction of cost
    contra_source: str = "none"                # terms, facts or none
    target: float = m.DEFAULT_NET_PPM_TARGET
    elasticity: float = m.DEFAULT_ELASTICITY
    elasticity_source: str = "default"         # calibrated or default
    currency: str = "EUR"                      # the workspace's currency
    titles: dict[str, str] = field(default_factory=dict)
    chargebacks: dict[str, float] = field(default_factory=dict)   # per ASIN, last 52 weeks
    today: dt.date | None = None               # the as-of date; None: the case's own (negotiation.as_of_date)
    conditional_terms: list[ConditionalTerm] = field(default_factory=list)   # e.g. a tiered volume rebate: not counted
    elasticity_low: float | None = None        # the elasticity's interval, when the calibration gives one
    elasticity_high: float | None = None


@dataclass
class ItemEconomics:
    asin: str
    title: str
    cost_before: float | None
    cost_after: float | None
    cost_change: float | None
    msrp_before: float | None
    msrp_after: float | None
    asp: float | None                          # today's ASP = last 13 weeks
    asp_13: float | None
    asp_26: float | None
    asp_52: float | None
    asp_trend: float | None                    # ASP 13 w / ASP 52 w - 1
    units_13: float | None
    units_52: float | None
    cogs_52: float | None
    contra_rate: float
    oos_rate: float | None
    front_margin_before: float | None
    front_margin_after: float | None
    net_ppm_before: float | None               # Amazon's reported Net PPM (13 w) where known, else derived
    net_ppm_source: str | None                 # reported, derived or None
    net_ppm_after: float | None                # at today's ASP
    asp_pass_through: float | None
    net_ppm_pass_through: float | None
    break_even_asp: float | None
    crap_risk: bool | None
    volume_change: float | None                # units, if the ASP passes the increase through
    vendor_margin_before: float | None
    vendor_margin_after: float | None
    has_facts: bool
    own_cost_before: float | None = None
    own_cost_after: float | None = None        # entered, else own cost before x (1 + justified on own cost)

    def json(self) -> dict[str, object]:
        return {"asin": self.asin, "cost_before": _r(self.cost_before, 4), "cost_after": _r(self.cost_after, 4),
                "asp": _r(self.asp, 4), "front_margin_before": _r(self.front_margin_before),
                "front_margin_after": _r(self.front_margin_after), "net_ppm_before": _r(self.net_ppm_before),
                "net_ppm_after": _r(self.net_ppm_after), "break_even_asp": _r(self.break_even_asp, 4),
                "crap_risk": self.crap_risk, "net_ppm_source": self.net_ppm_source}


@dataclass
class ScenarioResult:
    name: str
    scenario: Scenario
    increase: float | None             # end-state increase on cost
    first_year_increase: float | None
    amazon_cogs_impact: float | None   # extra COGS Amazon pays in the first year
    extra_coop_cost: float | None      # what the extra co-op costs us per year
    vendor_gain: float | None          # our extra net receipts in the first year, net of co-op
    net_ppm_after: float | None        # account Net PPM, end state, ASP moved by the pass-through
    crap_asins: int
    vendor_gain_net: float | None = None        # vendor_gain minus our own cost increase in the year
    own_cost_increase: float | None = None      # what our own unit costs add in the first year
    euro_neutral_increase: float | None = None  # cost-price increase equal in euros to our own cost increase
    euro_neutral_increase_after_terms: float | None = None   # the same, net of the terms on the increase

    def json(self) -> dict[str, object]:
        return {"name": self.name, "share": self.scenario.share, "phase2_share": self.scenario.phase2_share,
                "phase2_months": self.scenario.phase2_months, "extra_coop": _r(self.scenario.extra_coop),
                "cost_pct": _r(self.scenario.cost_pct), "retail_pass_through": _r(self.scenario.pass_through),
                "increase": _r(self.increase), "first_year_increase": _r(self.first_year_increase),
                "amazon_cogs_impact": _r(self.amazon_cogs_impact, 2), "extra_coop_cost": _r(self.extra_coop_cost, 2),
                "vendor_gain": _r(self.vendor_gain, 2), "vendor_gain_net": _r(self.vendor_gain_net, 2),
                "own_cost_increase": _r(self.own_cost_increase, 2),
                "euro_neutral_increase": _r(self.euro_neutral_increase),
                "euro_neutral_increase_after_terms": _r(self.euro_neutral_increase_after_terms),
                "net_ppm_after": _r(self.net_ppm_after), "crap_asins": self.crap_asins}


@dataclass
class Positions:
    opening: float | None
    target: float | None
    walk_away: float | None
    stored: bool


@dataclass
class Objection:
    key: str                 # justified, margin, notice, volume, crap, asp_falling, timing
    values: dict[str, object]


@dataclass
class Analysis:
    case: Case
    market: Market
    items: list[ItemEconomics]
    issues: list[Issue]
    requested: float | None            # requested increase on the cost price, weighted by shipped COGS
    justified: float | None            # sum of driver weight x change: a share of OUR OWN cost
    weights_total: float
    annual_cogs_impact: float | None   # extra COGS for Amazon per year at 52-week units
    net_ppm_before: float | None       # account view over ASINs with ASP
    net_ppm_after: float | None
    net_ppm_pass_through: float | None
    notice_days: int | None
    scenarios: list[ScenarioResult]
    concessions: list[Concession]
    concessions_suggested: bool
    positions: Positions
    objections: list[Objection]
    chart: pd.DataFrame                # period_start, asp, unit_cost (weighted over the case's ASINs)
    as_of: dt.date | None = None       # the date every figure is computed for
    net_ppm_source: str | None = None  # reported (Amazon's Net PPM report) or derived; None without facts
    justified_cost_price: float | None = None   # the justified increase on the cost-price base (euro-neutral)

    @property
    def crap_count(self) -> int:
        return sum(1 for item in self.items if item.crap_risk)

    @property
    def requested_unit_cost(self) -> float | None:
        """The requested cost averaged over the ASINs, weighted by 52-week units (chart line)."""
        pairs = [(it.units_52, it.cost_after) for it in self.items if it.units_52 and it.cost_after is not None]
        total = sum(u for u, _ in pairs)
        return sum(u * c for u, c in pairs) / total if total else None

    @property
    def cogs_base(self) -> float | None:
        """What the last 52 weeks' units cost Amazon at today's cost price (the ASINs with both
        prices, as in ``annual_cogs_impact``): the one base every extra-COGS figure applies to."""
        parts = [it.units_52 * it.cost_before for it in self.items
                 if it.units_52 and it.cost_before is not None and it.cost_after is not None]
        return sum(parts) if parts else None

    def extra_cogs(self, increase: float | None) -> float | None:
        """Extra COGS for Amazon per year of ``increase`` on every cost price: the base times it
        (what a scenario at that increase pays in full)."""
        base = self.cogs_base
        return None if increase is None or base is None else base * increase

    @property
    def price_list_share(self) -> float | None:
        """The price list's extra COGS as a share of the base (``annual_cogs_impact / cogs_base``)."""
        base = self.cogs_base
        return None if not base or self.annual_cogs_impact is None else self.annual_cogs_impact / base

    def json(self) -> dict[str, object]:
        market = self.market
        return {"id": self.case.id, "as_of": self.as_of.isoformat() if self.as_of else None,
                "net_ppm_source": self.net_ppm_source, "net_ppm_before": _r(self.net_ppm_before),
                "net_ppm_after": _r(self.net_ppm_after), "net_ppm_target": _r(market.target),
                "crap_asins": self.crap_count, "requested": _r(self.requested),
                "justified_own_cost": _r(self.justified), "justified": _r(self.justified_cost_price),
                "euro_neutral_increase": _r(self.justified_cost_price),
                "notice_days": self.notice_days,
                "terms": {"rate": _r(market.contra_rate), "source": market.contra_source,
                          "conditional": [{**t, "rate": _r(t["rate"])} for t in market.conditional_terms]},
                "elasticity": {"estimate": _r(market.elasticity), "low": _r(market.elasticity_low),
                               "high": _r(market.elasticity_high), "source": market.elasticity_source},
                "positions": {"opening": _r(self.positions.opening), "target": _r(self.positions.target),
                              "walk_away": _r(self.positions.walk_away), "stored": self.positions.stored},
                "asins": [item.json() for item in self.items],
                "scenarios": [s.json() for s in self.scenarios]}


def _r(value: float | None, digits: int = 6) -> float | None:
    return None if value is None else round(float(value), digits)
