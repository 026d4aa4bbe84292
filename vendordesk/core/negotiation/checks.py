"""Field checks of a price-increase case. Problems are reported, never raised: the draft is
kept as typed, and each message names its field so the editor can show it there."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from vendordesk.core.negotiation.model import DRIVERS, Case

if TYPE_CHECKING:                      # results imports Issue from here
    from vendordesk.core.negotiation.results import ItemEconomics, Market

NOTICE_DAYS = 60              # announce >= 60 days ahead (domain.md §5.1)
NOTICE_DAYS_TARIFF = 90       # tariff-driven increases need more notice
WEIGHT_TOLERANCE = 0.005


@dataclass
class Issue:
    field: str                 # title, currency, effective_date, asins, cost_before, cost_after, drivers, positions
    severity: str              # error, warning, info
    code: str
    message: str               # English; the UI and the brief word it in their language from code + values
    asin: str | None = None
    # dataclasses.field: inside this class body the name ``field`` is the attribute above
    values: dict[str, object] = dataclasses.field(default_factory=dict)


def _date_issues(case: Case, today: dt.date | None) -> list[Issue]:
    """Notice checks against the case's as-of date (never the day the app runs)."""
    if not case.effective_date:
        return [Issue("effective_date", "warning", "date_missing",
                      "effective_date: no requested effective date. Enter the date the new cost should apply.")]
    try:
        date = dt.date.fromisoformat(case.effective_date)
    except ValueError:
        return [Issue("effective_date", "error", "date_invalid",
                      f"effective_date: {case.effective_date!r} is not a date. Use YYYY-MM-DD.")]
    if today is None:
        return []
    days = (date - today).days
    need = NOTICE_DAYS_TARIFF if case.tariff_driven else NOTICE_DAYS
    if days < 0:
        return [Issue("effective_date", "error", "date_past",
                      f"effective_date: {date.isoformat()} is in the past. Choose a date at least {need} days ahead.",
                      values={"days": days, "need": need})]
    if days < need:
        return [Issue("effective_date", "warning", "notice_short",
                      f"effective_date: only {days} days notice; {'tariff-driven increases need' if case.tariff_driven else 'Amazon expects'} "
                      f"at least {need}. Move the date to {(today + dt.timedelta(days=need)).isoformat()} or later.",
                      values={"days": days, "need": need})]
    return []


def _item_issues(case: Case, items: list[ItemEconomics]) -> list[Issue]:
    issues = []
    if not case.items:
        issues.append(Issue("asins", "error", "no_asins", "asins: the case has no ASINs. Add the ASINs whose cost rises."))
    for item, econ in zip(case.items, items):
        if item.cost_before is None or item.cost_before <= 0:
            issues.append(Issue("cost_before", "error", "cost_before_invalid",
                                f"{item.asin} current cost: must be above 0. Enter today's cost price.", item.asin))
        if item.cost_after is None or item.cost_after <= 0:
            issues.append(Issue("cost_after", "error", "cost_after_invalid",
                                f"{item.asin} requested cost: must be above 0. Enter the new cost price.", item.asin))
        elif item.cost_before and item.cost_after < item.cost_before:
            issues.append(Issue("cost_after", "info", "cost_decrease",
                                f"{item.asin} requested cost: this is a cost decrease; Amazon accepts it immediately.",
                                item.asin))
        if not econ.has_facts:
            issues.append(Issue("asins", "warning", "asin_no_facts",
                                f"{item.asin}: no sales facts in this workspace, so ASP and Net PPM are unavailable. "
                                "Import the sales report or check the ASIN.", item.asin))
    return issues


def _driver_issues(case: Case) -> list[Issue]:
    issues = []
    for d in case.drivers:
        if d.driver not in DRIVERS:
            issues.append(Issue("drivers", "error", "driver_unknown",
                                f"drivers: unknown driver {d.driver!r}. Use one of {', '.join(DRIVERS)}."))
        if d.weight < 0:
            issues.append(Issue("drivers", "error", "weight_negative",
                                f"drivers: the weight of {d.driver} is negative. Enter its share of the unit cost."))
    total = sum(d.weight for d in case.drivers)
    if case.drivers and abs(total - 1.0) > WEIGHT_TOLERANCE:
        issues.append(Issue("drivers", "warning", "weights_sum",
                            f"drivers: the weights sum to {total * 100:.1f} %, not 100 %. Normalise them or correct them.",
                            values={"total": total}))
    return issues


def check_case(case: Case, market: Market, items: list[ItemEconomics]) -> list[Issue]:
    """All problems of the case, errors first."""
    issues: list[Issue] = []
    if not case.title.strip():
        issues.append(Issue("title", "error", "title_missing", "title: enter a name for the case."))
    if case.currency and market.currency and case.currency.upper() != market.currency.upper():
        issues.append(Issue("currency", "error", "currency_mismatch",
                            f"currency: the case is in {case.currency} but the workspace is in {market.currency}. "
                            f"Enter the costs in {market.currency}.",
                            values={"case": case.currency, "workspace": market.currency}))
    issues += _date_issues(case, market.today)
    issues += _item_issues(case, items)
    issues += _driver_issues(case)
    order = {"error": 0, "warning": 1, "info": 2}
    return sorted(issues, key=lambda i: order[i.severity])
