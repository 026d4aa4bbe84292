"""The data of a price-increase (CPI) case: items, cost drivers, scenarios, concessions.

Plain dataclasses shared by store (persistence), core (analysis), briefs and ui.
Percentages are fractions (0.08 = 8 %); dates are ISO strings.
"""

from __future__ import annotations

from dataclasses import dataclass, field

DRIVERS = ("materials", "energy", "labour", "freight", "tariffs", "fx")
CONCESSION_KINDS = ("final_order_old_cost", "fill_rate", "content", "advertising", "phased", "other")
STATUSES = ("draft", "submitted", "accepted", "rejected", "withdrawn")


@dataclass
class Item:
    asin: str
    cost_before: float | None = None
    cost_after: float | None = None
    own_cost_before: float | None = None     # the vendor's own unit cost (production, landed)
    own_cost_after: float | None = None      # None: own cost before raised by the justified increase
    msrp_before: float | None = None
    msrp_after: float | None = None


@dataclass
class Driver:
    driver: str
    weight: float          # share of the unit cost, fraction
    change_pct: float      # change of that cost component, fraction
    index_name: str | None = None
    source: str | None = None


@dataclass
class Scenario:
    """A way to land the increase: ``share`` of the requested increase now, ``phase2_share``
    after ``phase2_months``, and optionally extra co-op (fraction of cost) granted in return."""

    name: str
    share: float = 1.0
    phase2_share: float = 0.0
    phase2_months: int = 0
    extra_coop: float = 0.0
    id: int | None = None

    def params(self) -> dict:
        return {"share": self.share, "phase2_share": self.phase2_share,
                "phase2_months": self.phase2_months, "extra_coop": self.extra_coop}

    @property
    def end_share(self) -> float:
        return self.share + self.phase2_share

    @property
    def first_year_share(self) -> float:
        months = min(max(self.phase2_months, 0), 12)
        return self.share + self.phase2_share * (12 - months) / 12.0


@dataclass
class Concession:
    kind: str
    description: str = ""
    value_to_amazon: float | None = None
    cost_to_us: float | None = None
    offered: bool = False
    id: int | None = None


@dataclass
class Case:
    id: int | None
    title: str
    currency: str = "EUR"
    requested_on: str | None = None
    effective_date: str | None = None
    tariff_driven: bool = False
    status: str = "draft"
    opening_pct: float | None = None
    target_pct: float | None = None
    walk_away_pct: float | None = None
    notes: str = ""
    kam: str = ""
    final_order_until: str | None = None
    updated_at: str | None = None
    items: list[Item] = field(default_factory=list)
    drivers: list[Driver] = field(default_factory=list)
    scenarios: list[Scenario] = field(default_factory=list)
    concessions: list[Concession] = field(default_factory=list)

    @property
    def asins(self) -> list[str]:
        return [item.asin for item in self.items]


def default_scenarios() -> list[Scenario]:
    """Full, phased (half now, half after 6 months) and half plus 1 pp extra co-op."""
    return [Scenario("full", 1.0), Scenario("phased", 0.5, 0.5, 6), Scenario("half_coop", 0.5, 0.0, 0, 0.01)]
