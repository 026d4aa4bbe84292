"""Which named chains of the graph are active in the data right now (R1, R2, R3, B1)?

Every test compares an ASIN with the rest of the account (the median ASIN), so a season, a
works holiday or Black Friday that hits everyone is not mistaken for a chain.

- R1 OOS spiral: the 6-week window of the last 26 weeks where an ASIN's OOS rose most over the
  14 weeks before it; active when OOS rose >= 15 points more than the median ASIN (and stayed
  10 points up in 4 of the 6 weeks) and ordered units in those weeks fell >= 10 %; Amazon's forecast and POs in the
  following weeks are checked too, against the median ASIN.
- R2 margin squeeze: ASP over the last 8 weeks vs. weeks -34..-22 fell >= 5 % more than the
  median ASIN and Net PPM (or front margin) fell >= 3 points.
- R3 compliance drain: chargebacks + shortages >= 1 % of shipped COGS in the last 13 weeks and
  up >= 20 % on the 13 weeks before (or above 3 %).
- B1 overstock markdown: weeks of cover > 10 and over 3x the median ASIN's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

import numpy as np
import pandas as pd

from vendordesk.core.influence.graph import LOOP_NAMES, OOS
from vendordesk.core.influence.text import asin_list, num, pct, rate, weeks_label
from vendordesk.core.missing import is_missing
from vendordesk.text import texts

SPIRAL_RISE, SPIRAL_UNITS, SPIRAL_WEEKS = 0.15, -0.10, 4
SQUEEZE_ASP, SQUEEZE_PPM = -0.05, -0.03


@dataclass
class Chain:
    id: str
    name: str
    active: bool
    asins: list[str] = field(default_factory=list)
    sentence: str = ""
    evidence: dict[str, Any] = field(default_factory=dict)
    edges: tuple[str, ...] = ()


def panel(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """weeks x ASINs (NaN where absent)."""
    if frame is None or frame.empty or column not in frame:
        return pd.DataFrame()
    return frame.pivot_table(index="period_start", columns="asin", values=column, aggfunc="sum").sort_index()


def _asp(frame: pd.DataFrame) -> pd.DataFrame:
    rev, units = panel(frame, "shipped_revenue"), panel(frame, "shipped_units")
    return rev / units.where(units > 0) if not rev.empty else rev


def _mean(p: pd.DataFrame, rows: slice) -> pd.Series:
    return p.iloc[rows].mean()


def _rel(after: pd.Series, before: pd.Series) -> pd.Series:
    return after / before.where(before > 0) - 1


def spiral(frame: pd.DataFrame, forecast: pd.DataFrame | None, po: pd.DataFrame | None, lang: str) -> Chain:
    name = texts(lang)(LOOP_NAMES["R1"])
    chain = Chain("R1", name, False, edges=("E01", "E02", "E03", "E04"))
    oos, units = panel(frame, OOS), panel(frame, "ordered_units")
    n = len(oos)
    if n < 24:
        chain.sentence = _too_short(lang)
        return chain
    units = units.reindex(index=oos.index, columns=oos.columns)
    roll = oos.rolling(6, min_periods=4).mean()
    base = oos.shift(6).rolling(14, min_periods=8).mean()
    rise = (roll - base).iloc[max(20, n - 26):]
    excess = rise.sub(rise.median(axis=1), axis=0).dropna(axis=1, how="all")
    best_t = excess.idxmax() if not excess.empty else pd.Series(dtype=object)
    found = []
    for asin in oos.columns:
        if asin not in best_t.index or pd.isna(best_t[asin]) or excess[asin].max() < SPIRAL_RISE:
            continue
        t = cast(int, oos.index.get_loc(best_t[asin]))
        high = oos[asin].iloc[t - 5:t + 1] > base[asin].iloc[t] + 0.10
        if int(high.sum()) < SPIRAL_WEEKS:
            continue
        u_after = units[asin].iloc[t - 5:t + 1][high.to_numpy()].mean()     # the weeks OOS was up
        u_before = units[asin].iloc[t - 19:t - 5].mean()
        if u_before > 0 and u_after / u_before - 1 <= SPIRAL_UNITS:
            found.append((asin, t))
    if not found:
        chain.sentence = _quiet("R1", lang)
        return chain
    asins = [a for a, _ in found]
    t = int(np.median([t for _, t in found]))
    win, pre = slice(t - 5, t + 1), slice(t - 19, t - 5)
    ev = {"weeks": (oos.index[t - 5], oos.index[t]),
          "oos_before": float(_mean(oos[asins], pre).mean()), "oos_after": float(_mean(oos[asins], win).mean()),
          "units_change": float(units[asins].iloc[win].sum().sum() / units[asins].iloc[pre].sum().sum() * 14 / 6 - 1)}
    ev["forecast_change"] = _follow(forecast, asins, oos.index, t, 2)
    ev["po_change"] = _follow(po, asins, oos.index, t, 3)
    chain.active, chain.asins, chain.evidence = True, asins, ev
    chain.sentence = _spiral_sentence(ev, asins, lang)
    return chain


def _follow(p: pd.DataFrame | None, asins: list[str], index: pd.Index, t: int, lag: int) -> float | None:
    """Change of a downstream panel (forecast, POs) from before the OOS window to ``lag`` weeks into
    it, for the chain's ASINs, minus the median ASIN's change (season and Q4 lift every forecast)."""
    if p is None or p.empty:
        return None
    cols = [a for a in asins if a in p.columns]
    if not cols:
        return None
    p = p.reindex(index=index)
    after = p.iloc[max(t - 5 + lag, 0):t + 1 + lag]
    before = p.iloc[max(t - 19, 0):max(t - 5 + lag, 0)]
    before = before[before.notna().any(axis=1)].tail(6)
    if after.dropna(how="all").empty or before.empty:
        return None
    per_asin = after.mean() / before.mean().where(lambda v: v > 0) - 1
    group = after[cols].sum(axis=1).mean() / before[cols].sum(axis=1).mean() - 1
    if is_missing(group):
        return None
    return float(group - per_asin.median())


def _spiral_sentence(ev: dict[str, Any], asins: list[str], lang: str) -> str:
    _ = texts(lang)
    k = len(asins)
    s = _.ngettext("Ordered units of {k} ASIN ({asins}) fell {change} in {weeks} because OOS rose from {before} to {after}.",
                   "Ordered units of {k} ASINs ({asins}) fell {change} in {weeks} because OOS rose from {before} to {after}.",
                   k, k=k, asins=asin_list(asins, lang), change=pct(ev["units_change"], lang),
                   weeks=weeks_label(ev["weeks"][0], ev["weeks"][1], lang), before=rate(ev["oos_before"], lang),
                   after=rate(ev["oos_after"], lang))
    if ev.get("forecast_change") is not None and ev["forecast_change"] < 0:
        s += _(" Amazon's forecast then fell {change} against the other ASINs", change=pct(ev["forecast_change"], lang))
        if ev.get("po_change") is not None and ev["po_change"] < 0:
            s += _(" and POs fell {change}", change=pct(ev["po_change"], lang))
        s += _(": the OOS spiral (R1) is running.")
    return s


def _too_short(lang: str) -> str:
    _ = texts(lang)
    return _("Not enough history (needs at least 24 weeks).")


def _quiet(loop: str, lang: str) -> str:
    _ = texts(lang)
    return _("No sign of it in the data.")


def squeeze(frame: pd.DataFrame, lang: str, target: float | None = None) -> Chain:
    name = texts(lang)(LOOP_NAMES["R2"])
    chain = Chain("R2", name, False, edges=("E11", "E12", "E13", "E15", "E17", "E18"))
    asp = _asp(frame)
    n = len(asp)
    if n < 34:
        chain.sentence = _too_short(lang) if n < 24 else _quiet("R2", lang)
        return chain
    recent, before = slice(n - 8, n), slice(n - 34, n - 21)
    d_asp = _rel(_mean(asp, recent), _mean(asp, before))
    sold = panel(frame, "shipped_units")
    ppm = panel(frame, "net_pure_product_margin")
    ppm = ppm.where(sold.reindex_like(ppm) > 0) if not ppm.empty else ppm
    if ppm.empty or ppm.isna().all().all():
        cogs, rev = panel(frame, "shipped_cogs"), panel(frame, "shipped_revenue")
        ppm = 1 - cogs / rev.where(rev > 0)
    ppm = ppm.reindex(index=asp.index, columns=asp.columns)
    d_ppm = _mean(ppm, recent) - _mean(ppm, before)
    excess = d_asp - d_asp.median()
    hit = excess[(excess <= SQUEEZE_ASP) & (d_ppm <= SQUEEZE_PPM)].sort_values()
    if hit.empty:
        chain.sentence = _quiet("R2", lang)
        return chain
    asins = list(hit.index)
    unit_cost = panel(frame, "shipped_cogs") / panel(frame, "shipped_units").where(lambda u: u > 0)
    unit_cost = unit_cost.reindex(index=asp.index, columns=asp.columns)
    ev = {"weeks": (asp.index[n - 8], asp.index[n - 1]), "before": (asp.index[n - 34], asp.index[n - 22]),
          "asp_change": float(d_asp[asins].median()),
          "cost_change": float(_rel(_mean(unit_cost, recent), _mean(unit_cost, before))[asins].median()),
          "ppm_before": float(_mean(ppm, before)[asins].mean()), "ppm_after": float(_mean(ppm, recent)[asins].mean()),
          "target": target}
    chain.active, chain.asins, chain.evidence = True, asins, ev
    chain.sentence = _squeeze_sentence(ev, asins, lang)
    return chain


def _squeeze_sentence(ev: dict[str, Any], asins: list[str], lang: str) -> str:
    _ = texts(lang)
    k, weeks = len(asins), weeks_label(ev["weeks"][0], ev["weeks"][1], lang)
    cost_up = not is_missing(ev["cost_change"]) and ev["cost_change"] > 0.005
    below = ev["target"] is not None and ev["ppm_after"] < ev["target"]
    s = _.ngettext("On {k} ASIN ({asins}) the average selling price fell {change} in {weeks}",
                   "On {k} ASINs ({asins}) the average selling price fell {change} in {weeks}",
                   k, k=k, asins=asin_list(asins, lang), change=pct(ev["asp_change"], lang), weeks=weeks)
    s += _(" while the cost price rose {change}", change=pct(ev["cost_change"], lang)) if cost_up else ""
    s += _(". Net PPM fell from {before} to {after}.", before=rate(ev["ppm_before"], lang), after=rate(ev["ppm_after"], lang))
    if below:
        s += _(" That is below the Net PPM target of {target}: CRaP risk rises (margin squeeze).",
               target=rate(ev["target"], lang))
    return s


def compliance(frame: pd.DataFrame, charges: pd.DataFrame | None, lang: str) -> Chain:
    """``charges``: rows raised_on (ISO), amount (chargebacks and shortage claims)."""
    name = texts(lang)(LOOP_NAMES["R3"])
    chain = Chain("R3", name, False, edges=("E09b", "E08", "E10"))
    cogs = panel(frame, "shipped_cogs").sum(axis=1) if frame is not None else pd.Series(dtype=float)
    if charges is None or charges.empty or len(cogs) < 26:
        chain.sentence = _quiet("R3", lang)
        return chain
    weeks = list(cogs.index)
    cut, prev = weeks[-13], weeks[-26]
    day = charges["raised_on"].astype(str)
    recent = float(charges.loc[day >= cut, "amount"].sum())
    before = float(charges.loc[(day >= prev) & (day < cut), "amount"].sum())
    share, share0 = recent / max(float(cogs.iloc[-13:].sum()), 1e-9), before / max(float(cogs.iloc[-26:-13].sum()), 1e-9)
    chain.evidence = {"share": share, "share_before": share0, "amount": recent}
    chain.active = share >= 0.03 or (share >= 0.01 and share >= 1.2 * share0)
    if chain.active:
        _ = texts(lang)
        chain.sentence = _("Chargebacks and shortages took {share} of sell-in in the last 13 weeks (before: {before}): "
                           "the compliance drain (R3).", share=rate(share, lang, 1), before=rate(share0, lang, 1))
    else:
        chain.sentence = _quiet("R3", lang)
    return chain


def overstock(frame: pd.DataFrame, lang: str) -> Chain:
    """B1: cover (on hand / 13-week shipments) over 10 weeks and 3x the median ASIN's."""
    name = texts(lang)(LOOP_NAMES["B1"])
    chain = Chain("B1", name, False, edges=("E20", "I09"))
    on_hand, shipped = panel(frame, "sellable_on_hand_inventory_units"), panel(frame, "shipped_units")
    asp = _asp(frame)
    if on_hand.empty or len(asp) < 26:
        chain.sentence = _quiet("B1", lang)
        return chain
    cover = (on_hand.iloc[-4:].mean() / shipped.iloc[-13:].mean().where(lambda v: v > 0)).dropna()
    d_asp = _rel(_mean(asp, slice(-8, None)), _mean(asp, slice(-26, -13)))
    excess = (d_asp - d_asp.median()).reindex(cover.index)
    hit = cover[(cover > 10) & (cover > 3 * cover.median())].sort_values(ascending=False)
    chain.active, chain.asins = not hit.empty, list(hit.index)
    chain.evidence = {"cover": {a: float(cover[a]) for a in hit.index},
                      "asp_change": float(excess[hit.index].mean()) if not hit.empty else None,
                      "median_cover": float(cover.median()) if not cover.empty else None}
    if not chain.active:
        chain.sentence = _quiet("B1", lang)
        return chain
    _ = texts(lang)
    k, listed = len(hit), asin_list(chain.asins, lang)
    lo, hi = num(float(hit.min()), lang), num(float(hit.max()), lang)
    weeks_txt = lo if lo == hi else f"{lo}–{hi}"
    asp_down = chain.evidence["asp_change"] is not None and chain.evidence["asp_change"] < -0.005
    chain.sentence = _.ngettext("{k} ASIN ({asins}) holds {cover} weeks of cover (median {median})",
                                "{k} ASINs ({asins}) hold {cover} weeks of cover (median {median})",
                                k, k=k, asins=listed, cover=weeks_txt, median=num(chain.evidence["median_cover"], lang))
    if asp_down:          # a markdown is claimed only where the price fell
        chain.sentence += _("; the price fell {change} more than in the rest of the account",
                            change=pct(chain.evidence["asp_change"], lang))
        chain.sentence += _(". Amazon marks down and orders less until cover normalises (B1).")
    else:
        chain.sentence += _(". Amazon orders less until cover normalises (B1).")
    return chain


def active_chains(frame: pd.DataFrame, forecast: pd.DataFrame | None = None, po: pd.DataFrame | None = None,
                  charges: pd.DataFrame | None = None, lang: str = "en", target: float | None = None) -> list[Chain]:
    """All four named chains, active ones first."""
    chains = [spiral(frame, forecast, po, lang), squeeze(frame, lang, target), compliance(frame, charges, lang),
              overstock(frame, lang)]
    return sorted(chains, key=lambda c: not c.active)
