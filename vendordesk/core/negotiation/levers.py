"""Levers and positions of a price-increase case, drawn from the computed numbers.

Concessions offered instead of a cost support agreement (domain.md §6b.4), the opening /
target / walk-away positions, and the objections a vendor manager is likely to raise with
the numbers that answer them. Texts are worded by the brief and the tab from ``key`` + values.
"""

from __future__ import annotations

from collections.abc import Iterator

from vendordesk.core.negotiation.checks import NOTICE_DAYS, NOTICE_DAYS_TARIFF
from vendordesk.core.negotiation.model import Concession
from vendordesk.core.negotiation.results import Analysis, ItemEconomics, Objection, Positions

FINAL_ORDER_WEEKS = 6          # Amazon holds only a few weeks of stock (domain.md §5.1)
OOS_RECOVERY = 0.5             # share of out-of-stock lost sales a better fill rate wins back
CONTENT_SHARE = 0.01           # content / advertising investment offered: 1 % of annual COGS
PHASE_MONTHS = 6


def _delta_units(analysis: Analysis) -> Iterator[tuple[ItemEconomics, float, float]]:
    for it in analysis.items:
        if it.units_52 and it.cost_before is not None and it.cost_after is not None:
            yield it, it.units_52, it.cost_after - it.cost_before


def suggested_concessions(analysis: Analysis) -> list[Concession]:
    """Concessions valued from the facts; values a fact cannot give stay None."""
    rate = analysis.market.contra_rate
    final = sum(units / 52.0 * FINAL_ORDER_WEEKS * max(delta, 0.0) for _, units, delta in _delta_units(analysis))
    phased = sum(units * max(delta, 0.0) * 0.5 * PHASE_MONTHS / 12.0 for _, units, delta in _delta_units(analysis))
    recovered = 0.0
    for it in analysis.items:
        if it.units_52 and it.oos_rate and 0 < it.oos_rate < 1 and it.asp and it.net_ppm_before is not None:
            lost = it.units_52 * it.oos_rate / (1.0 - it.oos_rate)
            recovered += lost * OOS_RECOVERY * it.asp * max(it.net_ppm_before, 0.0)
    cogs = sum(it.cogs_52 or 0.0 for it in analysis.items)
    return [
        Concession("final_order_old_cost", "", final or None, final or None),
        Concession("fill_rate", "", recovered or None, None),
        Concession("content", "", cogs * CONTENT_SHARE or None, cogs * CONTENT_SHARE or None),
        Concession("phased", "", phased or None, phased * (1.0 - rate) or None),
    ]


def concessions_for(analysis: Analysis) -> tuple[list[Concession], bool]:
    """The case's own concessions, or suggestions (second value True) when it has none."""
    if analysis.case.concessions:
        return list(analysis.case.concessions), False
    return suggested_concessions(analysis), True


def _walk_away(analysis: Analysis, target: float | None) -> float | None:
    """The increase that keeps our gross profit per unit in money (own cost rises by the drivers),
    on the cost-price base; None ("not set") when the own costs or drivers do not give it."""
    if analysis.justified is None:
        return None
    rate = analysis.market.contra_rate
    weight = total = 0.0
    for it, item in zip(analysis.items, analysis.case.items):
        if item.own_cost_before and it.cost_before and it.cost_before > 0 and rate < 1:
            w = it.cogs_52 or 1.0
            own_after = item.own_cost_after if item.own_cost_after is not None else \
                item.own_cost_before * (1.0 + analysis.justified)
            total += w * (own_after - item.own_cost_before) / ((1.0 - rate) * it.cost_before)
            weight += w
    if weight:
        return total / weight
    return None


def positions_for(analysis: Analysis) -> Positions:
    case = analysis.case
    stored = any(v is not None for v in (case.opening_pct, case.target_pct, case.walk_away_pct))
    opening = case.opening_pct if case.opening_pct is not None else analysis.requested
    target = case.target_pct
    justified = analysis.justified_cost_price          # on the cost-price base, like the opening
    if target is None:
        target = opening if justified is None or opening is None else min(opening, justified)
    walk_away = case.walk_away_pct if case.walk_away_pct is not None else _walk_away(analysis, target)
    return Positions(opening, target, walk_away, stored)


def _account_asp_trend(analysis: Analysis) -> float | None:
    chart = analysis.chart.dropna(subset=["asp"]) if not analysis.chart.empty else analysis.chart
    if len(chart) < 26:
        return None
    recent, year = chart["asp"].tail(13).mean(), chart["asp"].tail(52).mean()
    return float(recent / year - 1.0) if year else None


def _volume(analysis: Analysis) -> float | None:
    pairs = [((it.cogs_52 or 0.0), it.volume_change) for it in analysis.items if it.volume_change is not None]
    total = sum(w for w, _ in pairs)
    return sum(w * v for w, v in pairs) / total if total else None


def objections_for(analysis: Analysis) -> list[Objection]:
    """The vendor manager's likely objections, each with the numbers of our answer."""
    case = analysis.case
    top = sorted(case.drivers, key=lambda d: d.weight * d.change_pct, reverse=True)[:2]
    out = [Objection("justified", {"requested": analysis.requested, "justified": analysis.justified_cost_price,
                                   "justified_own_cost": analysis.justified,
                                   "drivers": [(d.driver, d.change_pct, d.index_name) for d in top]})]
    out.append(Objection("margin", {"before": analysis.net_ppm_before, "after": analysis.net_ppm_after,
                                    "pass_through": analysis.net_ppm_pass_through,
                                    "target": analysis.market.target}))
    out.append(Objection("asp_trend", {"trend": _account_asp_trend(analysis)}))
    out.append(Objection("notice", {"days": analysis.notice_days,
                                    "need": NOTICE_DAYS_TARIFF if case.tariff_driven else NOTICE_DAYS}))
    out.append(Objection("crap", {"count": analysis.crap_count, "total": len(analysis.items)}))
    out.append(Objection("volume", {"change": _volume(analysis), "elasticity": analysis.market.elasticity,
                                    "low": analysis.market.elasticity_low, "high": analysis.market.elasticity_high,
                                    "source": analysis.market.elasticity_source}))
    value = sum(c.value_to_amazon or 0.0 for c in analysis.concessions)
    out.append(Objection("cost_support", {"value": value or None}))
    return out
