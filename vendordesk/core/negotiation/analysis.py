"""Prepare a cost-price increase: checks, justified increase, per-ASIN economics, scenarios,
concessions, positions and the vendor manager's likely objections (domain.md §5, §6b.4).

``analyse`` is the one function that computes every figure the tab, ``negotiation show --json``
and the printed brief display. Pure Python + pandas; the store hands in the facts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import numpy as np
import pandas as pd

from vendordesk.core import margin as m

# The model, checks and results are re-exported (``X as X``): callers import them from here.
from vendordesk.core.negotiation.checks import Issue as Issue
from vendordesk.core.negotiation.checks import check_case as check_case
from vendordesk.core.negotiation.model import CONCESSION_KINDS as CONCESSION_KINDS
from vendordesk.core.negotiation.model import DRIVERS as DRIVERS
from vendordesk.core.negotiation.model import Case as Case
from vendordesk.core.negotiation.model import Concession as Concession
from vendordesk.core.negotiation.model import Driver as Driver
from vendordesk.core.negotiation.model import Item as Item
from vendordesk.core.negotiation.model import Scenario as Scenario
from vendordesk.core.negotiation.model import default_scenarios as default_scenarios
from vendordesk.core.negotiation.results import Analysis as Analysis
from vendordesk.core.negotiation.results import ItemEconomics as ItemEconomics
from vendordesk.core.negotiation.results import Market as Market
from vendordesk.core.negotiation.results import Objection as Objection
from vendordesk.core.negotiation.results import Positions as Positions
from vendordesk.core.negotiation.results import ScenarioResult as ScenarioResult
from vendordesk.core.negotiation.results import _r as _r


def _fsum(values: Iterable[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return float(sum(known)) if known else None


def _sum(values: np.ndarray) -> float | None:
    """Sum over the non-missing values; None when all are missing (blank is not zero)."""
    ok = ~np.isnan(values)
    return float(values[ok].sum()) if ok.any() else None


#: One ASIN's figures from the weekly facts: ASP per window (keys 13, 26, 52) and the named ones.
FactSummary = dict[int | str, float | None]


def fact_summaries(weekly: pd.DataFrame) -> dict[str, FactSummary]:
    """Per ASIN from the weekly facts (sorted by week): ASP over 13/26/52 weeks, units and COGS
    over 52 weeks, units over 13 weeks, mean OOS rate over 13 weeks, Amazon's reported Net PPM
    over 13 weeks (revenue-weighted over the weeks that have it) and the sales discount per
    unit over 13 weeks. One pass with numpy slices."""
    out: dict[str, FactSummary] = {}
    if weekly.empty:
        return out
    w = weekly.sort_values(["asin", "period_start"], kind="stable")
    asins = w["asin"].to_numpy()

    def col(name: str) -> np.ndarray:
        return w[name].to_numpy(float) if name in w else np.full(len(w), np.nan)

    rev, units, cogs = col("shipped_revenue"), col("shipped_units"), col("shipped_cogs")
    oos, reported, discount = col("procurable_product_out_of_stock_rate"), col("net_pure_product_margin"), \
        col("sales_discount")
    cuts = np.flatnonzero(asins[1:] != asins[:-1]) + 1
    for lo, hi in zip(np.r_[0, cuts], np.r_[cuts, len(asins)]):
        info: FactSummary = {n: m.asp(_sum(rev[max(lo, hi - n):hi]), _sum(units[max(lo, hi - n):hi]))
                             for n in m.ASP_WINDOWS}
        start, recent = max(lo, hi - 52), slice(max(lo, hi - 13), hi)
        info["units_52"], info["cogs_52"] = _sum(units[start:hi]), _sum(cogs[start:hi])
        info["units_13"] = units_13 = _sum(units[recent])
        info["oos_13"] = float(np.nanmean(oos[recent])) if (~np.isnan(oos[recent])).any() else None
        have = ~np.isnan(reported[recent]) & (np.nan_to_num(rev[recent]) > 0)
        info["reported_13"] = (float((reported[recent][have] * rev[recent][have]).sum() / rev[recent][have].sum())
                               if have.any() else None)
        d13 = _sum(discount[recent])
        info["discount_13"] = None if d13 is None or not units_13 else d13 / units_13
        out[str(asins[lo])] = info
    return out


def _own_after(item: Item, justified: float | None) -> float | None:
    if item.own_cost_after is not None:
        return item.own_cost_after
    if item.own_cost_before is not None and justified is not None:
        return item.own_cost_before * (1.0 + justified)
    return None


def _item_economics(item: Item, market: Market, summaries: dict[str, FactSummary],
                    justified: float | None) -> ItemEconomics:
    found = summaries.get(item.asin)
    has_facts = found is not None
    info = found or {}
    units_52, cogs_52, oos = info.get("units_52"), info.get("cogs_52"), info.get("oos_13")
    asp13, asp26, asp52 = info.get(13), info.get(26), info.get(52)
    rate, target = market.contra_rate, market.target
    before, after = item.cost_before, item.cost_after
    own_after = _own_after(item, justified)
    reported = info.get("reported_13")
    npm_before: float | None
    source: str | None
    if reported is not None and asp13 is not None and asp13 > 0:
        npm_before, source = reported, "reported"
    else:
        npm_before = m.net_ppm(asp13, before, rate, info.get("discount_13") or 0.0)
        source = "derived" if npm_before is not None else None
    pt_asp = m.pass_through_asp(asp13, before, after)
    npm_after = m.net_ppm_after_change(npm_before, asp13, before, asp13, after, rate)
    return ItemEconomics(
        asin=item.asin, title=market.titles.get(item.asin) or "", cost_before=before, cost_after=after,
        cost_change=m.change(before, after), msrp_before=item.msrp_before, msrp_after=item.msrp_after,
        asp=asp13, asp_13=asp13, asp_26=asp26, asp_52=asp52, asp_trend=m.change(asp52, asp13),
        units_13=info.get("units_13"), units_52=units_52, cogs_52=cogs_52, contra_rate=rate, oos_rate=oos,
        front_margin_before=m.front_margin(asp13, before), front_margin_after=m.front_margin(asp13, after),
        net_ppm_before=npm_before, net_ppm_source=source, net_ppm_after=npm_after,
        asp_pass_through=pt_asp, net_ppm_pass_through=m.net_ppm_after_change(npm_before, asp13, before, pt_asp,
                                                                             after, rate),
        break_even_asp=_break_even(npm_before, asp13, before, after, rate, target),
        crap_risk=m.crap_risk(npm_after, target),
        volume_change=m.volume_change(m.change(asp13, pt_asp), market.elasticity),
        vendor_margin_before=m.vendor_margin(before, item.own_cost_before, rate),
        vendor_margin_after=m.vendor_margin(after, own_after, rate), has_facts=has_facts,
        own_cost_before=item.own_cost_before, own_cost_after=own_after)


def _break_even(npm_before: float | None, asp_value: float | None, before: float | None, after: float | None,
                rate: float, target: float) -> float | None:
    """The ASP at which the Net PPM after the increase equals ``target``: solve
    (M0 + (p - asp) - (after - before)(1 - rate)) / p = target, M0 = Net PPM before x ASP.
    Without an ASP: the plain cost formula (no sales discount known)."""
    if npm_before is None or asp_value is None or before is None or after is None:
        return m.break_even_asp(after, rate, target)
    if target >= 1.0:
        return None
    return (asp_value + (after - before) * (1.0 - rate) - npm_before * asp_value) / (1.0 - target)


def justified_increase(drivers: list[Driver]) -> float | None:
    """Sum of weight x change over the cost drivers; None without drivers."""
    if not drivers:
        return None
    return sum(d.weight * d.change_pct for d in drivers)


def normalise_weights(drivers: list[Driver]) -> list[Driver]:
    """Scale the weights so they sum to 100 % (unchanged when they sum to zero)."""
    total = sum(d.weight for d in drivers)
    if total <= 0:
        return list(drivers)
    return [Driver(d.driver, d.weight / total, d.change_pct, d.index_name, d.source) for d in drivers]


def _account_ppm(items: list[ItemEconomics], asp_attr: str, ppm_attr: str) -> float | None:
    """Revenue-weighted Net PPM over the ASINs: sum units_13 x price x ppm / sum units_13 x price
    (with reported Net PPM before: Amazon's 13-week figure for these ASINs)."""
    revenue = margin = 0.0
    for it in items:
        price, ppm, units = getattr(it, asp_attr), getattr(it, ppm_attr), it.units_13
        if price is None or ppm is None or not units or price <= 0:
            continue
        revenue += units * price
        margin += units * price * ppm
    return margin / revenue if revenue > 0 else None


def _own_cost_increase(items: list[ItemEconomics]) -> tuple[float | None, float | None]:
    """(our own cost increase a year = sum units_52 x (own after - own before), the cost price
    those units carry = sum units_52 x cost before), over ASINs with both own costs; Nones without."""
    extra = base = 0.0
    seen = False
    for it in items:
        if it.units_52 and it.own_cost_before is not None and it.own_cost_after is not None and it.cost_before:
            extra += it.units_52 * (it.own_cost_after - it.own_cost_before)
            base += it.units_52 * it.cost_before
            seen = True
    return (extra, base) if seen else (None, None)


def _requested(items: list[ItemEconomics]) -> float | None:
    weighted = [(it.cogs_52 or 0.0, it.cost_change) for it in items if it.cost_change is not None]
    if not weighted:
        return None
    total = sum(w for w, _ in weighted)
    if total <= 0:
        return sum(c for _, c in weighted) / len(weighted)
    return sum(w * c for w, c in weighted) / total


def _scenario(s: Scenario, items: list[ItemEconomics], target: float, requested: float | None) -> ScenarioResult:
    impact = coop = gain = None
    revenue = margin_sum = 0.0
    crap = 0
    rate = items[0].contra_rate if items else 0.0
    for it in items:
        if it.cost_before is None or it.cost_after is None:
            continue
        base = it.cost_before * s.cost_pct if s.cost_pct is not None else it.cost_after - it.cost_before
        cost_end = it.cost_before + s.end_share * base
        price = None
        if it.asp is not None and it.cost_before > 0:
            price = it.asp * (1.0 + s.pass_through * (cost_end / it.cost_before - 1.0))
        npm = m.net_ppm_after_change(it.net_ppm_before, it.asp, it.cost_before, price, cost_end,
                                     it.contra_rate, s.extra_coop)
        crap += bool(m.crap_risk(npm, target))
        if it.units_13 and npm is not None and price is not None:   # npm is None without a price
            revenue += it.units_13 * price
            margin_sum += it.units_13 * price * npm
        if it.units_52:
            impact = (impact or 0.0) + it.units_52 * s.first_year_share * base
            cost_year = it.cost_before + s.first_year_share * base
            coop = (coop or 0.0) + it.units_52 * cost_year * s.extra_coop
    if impact is not None:
        # our extra net receipts: the increase net of the terms on it, minus the extra co-op on the whole cost
        gain = impact * (1.0 - rate) - (coop or 0.0)
    own, own_base = _own_cost_increase(items)
    base_pct = s.cost_pct if s.cost_pct is not None else requested
    increase = None if base_pct is None else base_pct * s.end_share
    first_year = None if base_pct is None else base_pct * s.first_year_share
    neutral = None if own is None or not own_base else own / own_base
    after_terms = None if neutral is None or rate + s.extra_coop >= 1 else neutral / (1.0 - rate - s.extra_coop)
    return ScenarioResult(s.name, s, increase, first_year, impact, coop, gain,
                          margin_sum / revenue if revenue > 0 else None, crap,
                          vendor_gain_net=None if gain is None or own is None else gain - own,
                          own_cost_increase=own, euro_neutral_increase=neutral,
                          euro_neutral_increase_after_terms=after_terms)


def _chart(weekly: pd.DataFrame) -> pd.DataFrame:
    if weekly.empty:
        return pd.DataFrame(columns=["period_start", "asp", "unit_cost"])
    g = weekly.groupby("period_start")[["shipped_revenue", "shipped_units", "shipped_cogs"]].sum(min_count=1)
    units = g["shipped_units"].where(g["shipped_units"] > 0)
    out = pd.DataFrame({"asp": g["shipped_revenue"] / units, "unit_cost": g["shipped_cogs"] / units})
    return out.reset_index()


def as_of_date(case: Case, weekly: pd.DataFrame, picked: dt.date | None = None) -> dt.date | None:
    """The date a case is computed for, never the day the app runs: the date the KAM picks,
    else the case's requested-on date, else the last day of the newest week of facts for its
    ASINs, else the day it was last saved; None when the case has none of these."""
    if picked is not None:
        return picked
    if case.requested_on:
        try:
            return dt.date.fromisoformat(str(case.requested_on)[:10])
        except ValueError:
            pass
    if not weekly.empty and "period_start" in weekly:
        asins = set(case.asins)
        rows = weekly[weekly["asin"].isin(asins)] if asins else weekly
        if len(rows):
            return dt.date.fromisoformat(str(rows["period_start"].max())[:10]) + dt.timedelta(days=6)
    if case.updated_at:
        try:
            return dt.date.fromisoformat(str(case.updated_at)[:10])
        except ValueError:
            return None
    return None


def analyse(case: Case, market: Market) -> Analysis:
    """Every number of the case, computed once, as of ``market.today`` (or the case's own date)."""
    from vendordesk.core.negotiation.levers import concessions_for, objections_for, positions_for

    justified = justified_increase(case.drivers)
    weekly = market.weekly
    as_of = as_of_date(case, weekly, market.today)
    market.today = as_of
    if not weekly.empty:
        if as_of is not None:
            weekly = weekly[weekly["period_start"] <= as_of.isoformat()]
        weekly = weekly.sort_values(["asin", "period_start"])
        market.weekly = weekly
    summaries = fact_summaries(weekly)
    items = [_item_economics(item, market, summaries, justified) for item in case.items]
    impact = _fsum(it.units_52 * (it.cost_after - it.cost_before) for it in items
                   if it.units_52 and it.cost_after is not None and it.cost_before is not None)
    notice = None
    if case.effective_date and as_of is not None:
        try:
            notice = (dt.date.fromisoformat(case.effective_date) - as_of).days
        except ValueError:
            notice = None
    requested = _requested(items)
    scenarios = [_scenario(s, items, market.target, requested) for s in (case.scenarios or default_scenarios())]
    sources = {it.net_ppm_source for it in items if it.net_ppm_source}
    own, own_base = _own_cost_increase(items)
    analysis = Analysis(
        case=case, market=market, items=items, issues=check_case(case, market, items),
        requested=requested, justified=justified, weights_total=sum(d.weight for d in case.drivers),
        annual_cogs_impact=impact, net_ppm_before=_account_ppm(items, "asp", "net_ppm_before"),
        net_ppm_after=_account_ppm(items, "asp", "net_ppm_after"),
        net_ppm_pass_through=_account_ppm(items, "asp_pass_through", "net_ppm_pass_through"),
        notice_days=notice, scenarios=scenarios, concessions=[], concessions_suggested=False,
        positions=Positions(None, None, None, False), objections=[], chart=_chart(weekly), as_of=as_of,
        # "reported" only when every ASIN with facts starts from Amazon's figure (each item says its own)
        net_ppm_source=None if not sources else "reported" if sources == {"reported"} else "derived",
        justified_cost_price=None if own is None or not own_base else own / own_base)
    analysis.concessions, analysis.concessions_suggested = concessions_for(analysis)
    analysis.positions = positions_for(analysis)
    analysis.objections = objections_for(analysis)
    return analysis
