"""The data of a price-increase (CPI) case: items, cost drivers, scenarios, concessions.

Plain dataclasses shared by store (persistence), core (analysis), briefs and ui.
Percentages are fractions (0.08 = 8 %); dates are ISO strings.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from vendordesk.text import NP_, texts

DRIVERS = ("materials", "energy", "labour", "freight", "tariffs", "fx")
CONCESSION_KINDS = ("final_order_old_cost", "fill_rate", "content", "advertising", "phased", "other")
STATUSES = ("draft", "submitted", "accepted", "rejected", "withdrawn")
# a status as the window's status box, the briefs and `negotiation list` name it (one word each)
STATUS_NAMES = {"draft": NP_("negotiation status", "Draft"), "submitted": NP_("negotiation status", "Submitted"),
                "accepted": NP_("negotiation status", "Accepted"), "rejected": NP_("negotiation status", "Rejected"),
                "withdrawn": NP_("negotiation status", "Withdrawn")}


def status_name(status: str, lang: str) -> str:
    """``status_name("draft", "de") == "Entwurf"``; a status this version does not know, as it is."""
    message = STATUS_NAMES.get(status)
    return status if message is None else texts(lang).pgettext("negotiation status", message)


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
    """A way to land the increase: ``share`` of the base increase now, ``phase2_share`` after
    ``phase2_months``, optionally extra co-op (fraction of cost) granted in return.

    The base increase is ``cost_pct`` on every ASIN's current cost when set, else each ASIN's
    requested increase. ``pass_through`` is the share of the increase the retail price follows.
    """

    name: str
    share: float = 1.0
    phase2_share: float = 0.0
    phase2_months: int = 0
    extra_coop: float = 0.0
    id: int | None = None
    cost_pct: float | None = None
    pass_through: float = 0.0

    def params(self) -> dict[str, float]:
        out: dict[str, float] = {"share": self.share, "phase2_share": self.phase2_share,
                                 "phase2_months": self.phase2_months, "extra_coop": self.extra_coop,
                                 "retail_pass_through": self.pass_through}
        if self.cost_pct is not None:
            out["cost_pct"] = self.cost_pct
        return out

    @classmethod
    def from_params(cls, name: str, params: Mapping[str, Any], sid: int | None = None) -> Scenario:
        """Read stored params (parsed JSON, so any value may be of any type); also the step form
        {"cost_pct", "phased": [a, b], "phase_months"}."""
        def num(key: str, default: float) -> float:
            try:
                return float(params.get(key, default))
            except (TypeError, ValueError):
                return default

        s = cls(name, num("share", 1.0), num("phase2_share", 0.0), int(num("phase2_months", 0)),
                num("extra_coop", 0.0), sid, None, num("retail_pass_through", 0.0))
        if params.get("cost_pct") is not None:
            s.cost_pct = num("cost_pct", 0.0)
        steps = params.get("phased")
        if isinstance(steps, list) and steps and all(isinstance(x, (int, float)) for x in steps):
            total = float(sum(steps))
            s.cost_pct = s.cost_pct if s.cost_pct is not None else total
            if total > 0:
                s.share, s.phase2_share = steps[0] / total, 1.0 - steps[0] / total
            s.phase2_months = int(num("phase_months", s.phase2_months))
        return s

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
