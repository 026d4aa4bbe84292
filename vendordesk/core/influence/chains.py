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

import numpy as np
import pandas as pd

from vendordesk.core.influence.graph import LOOP_NAMES, OOS
from vendordesk.core.influence.text import asin_list, pct, rate, weeks_label

SPIRAL_RISE, SPIRAL_UNITS, SPIRAL_WEEKS = 0.15, -0.10, 4
SQUEEZE_ASP, SQUEEZE_PPM = -0.05, -0.03


@dataclass
class Chain:
    id: str
    name: str
    active: bool
    asins: list[str] = field(default_factory=list)
    sentence: str = ""
    evidence: dict = field(default_factory=dict)
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
    name = LOOP_NAMES["R1"][1 if lang == "de" else 0]
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
        t = oos.index.get_loc(best_t[asin])
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


def _follow(p: pd.DataFrame | None, asins, index, t: int, lag: int) -> float | None:
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
    if group != group:
        return None
    return float(group - per_asin.median())


def _spiral_sentence(ev: dict, asins: list[str], lang: str) -> str:
    weeks = weeks_label(*ev["weeks"], lang)
    k = len(asins)
    if lang == "de":
        s = (f"Die bestellten Einheiten von {k} ASIN{'s' if k > 1 else ''} ({asin_list(asins, lang)}) sanken in "
             f"{weeks} um {pct(ev['units_change'], lang)}, weil die OOS-Quote von {rate(ev['oos_before'], lang)} "
             f"auf {rate(ev['oos_after'], lang)} stieg.")
        if ev.get("forecast_change") is not None and ev["forecast_change"] < 0:
            s += f" Amazons Prognose fiel danach um {pct(ev['forecast_change'], lang)} gegenüber den übrigen ASINs"
            if ev.get("po_change") is not None and ev["po_change"] < 0:
                s += f", die Bestellungen (PO) sanken um {pct(ev['po_change'], lang)}"
            s += " – die OOS-Spirale (R1) läuft."
        return s
    s = (f"Ordered units of {k} ASIN{'s' if k > 1 else ''} ({asin_list(asins, lang)}) fell "
         f"{pct(ev['units_change'], lang)} in {weeks} because OOS rose from {rate(ev['oos_before'], lang)} to "
         f"{rate(ev['oos_after'], lang)}.")
    if ev.get("forecast_change") is not None and ev["forecast_change"] < 0:
        s += f" Amazon's forecast then fell {pct(ev['forecast_change'], lang)} against the other ASINs"
        if ev.get("po_change") is not None and ev["po_change"] < 0:
            s += f" and POs fell {pct(ev['po_change'], lang)}"
        s += ": the OOS spiral (R1) is running."
    return s


def _too_short(lang: str) -> str:
    return ("Zu wenig Historie (mindestens 24 Wochen nötig)." if lang == "de"
            else "Not enough history (needs at least 24 weeks).")


def _quiet(loop: str, lang: str) -> str:
    return "Keine Anzeichen in den Daten." if lang == "de" else "No sign of it in the data."


def squeeze(frame: pd.DataFrame, lang: str, target: float | None = None) -> Chain:
    name = LOOP_NAMES["R2"][1 if lang == "de" else 0]
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


def _squeeze_sentence(ev: dict, asins: list[str], lang: str) -> str:
    k, weeks = len(asins), weeks_label(*ev["weeks"], lang)
    cost_up = ev["cost_change"] == ev["cost_change"] and ev["cost_change"] > 0.005
    below = ev["target"] is not None and ev["ppm_after"] < ev["target"]
    if lang == "de":
        s = (f"Bei {k} ASIN{'s' if k > 1 else ''} ({asin_list(asins, lang)}) sank der Durchschnittspreis in {weeks} "
             f"um {pct(ev['asp_change'], lang)}")
        s += f", während der Einkaufspreis um {pct(ev['cost_change'], lang)} stieg" if cost_up else ""
        s += (f". Net PPM fiel von {rate(ev['ppm_before'], lang)} auf {rate(ev['ppm_after'], lang)}.")
        if below:
            s += (f" Das liegt unter dem Net-PPM-Ziel von {rate(ev['target'], lang)}: das CRaP-Risiko "
                  "steigt (Margendruck).")
        return s
    s = (f"On {k} ASIN{'s' if k > 1 else ''} ({asin_list(asins, lang)}) the average selling price fell "
         f"{pct(ev['asp_change'], lang)} in {weeks}")
    s += f" while the cost price rose {pct(ev['cost_change'], lang)}" if cost_up else ""
    s += f". Net PPM fell from {rate(ev['ppm_before'], lang)} to {rate(ev['ppm_after'], lang)}."
    if below:
        s += (f" That is below the Net PPM target of {rate(ev['target'], lang)}: CRaP risk rises "
              "(margin squeeze).")
    return s


def compliance(frame: pd.DataFrame, charges: pd.DataFrame | None, lang: str) -> Chain:
    """``charges``: rows raised_on (ISO), amount (chargebacks and shortage claims)."""
    name = LOOP_NAMES["R3"][1 if lang == "de" else 0]
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
        chain.sentence = (f"Chargebacks und Fehlmengen kosteten zuletzt {rate(share, lang, 1)} des Umsatzes "
                          f"(davor {rate(share0, lang, 1)}): Compliance-Verluste (R3)." if lang == "de" else
                          f"Chargebacks and shortages took {rate(share, lang, 1)} of sell-in in the last 13 weeks "
                          f"(before: {rate(share0, lang, 1)}): the compliance drain (R3).")
    else:
        chain.sentence = _quiet("R3", lang)
    return chain


def overstock(frame: pd.DataFrame, lang: str) -> Chain:
    """B1: cover (on hand / 13-week shipments) over 10 weeks and 3x the median ASIN's."""
    name = LOOP_NAMES["B1"][1 if lang == "de" else 0]
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
    k, listed = len(hit), asin_list(chain.asins, lang)
    lo, hi = f"{hit.min():.0f}", f"{hit.max():.0f}"
    weeks_txt = lo if lo == hi else f"{lo}–{hi}"
    asp_down = chain.evidence["asp_change"] is not None and chain.evidence["asp_change"] < -0.005
    if lang == "de":
        chain.sentence = (f"{k} ASIN{'s' if k > 1 else ''} ({listed}) {'liegen' if k > 1 else 'liegt'} bei {weeks_txt} "
                          f"Wochen Reichweite (Median {chain.evidence['median_cover']:.0f}".replace(".", ",") + ")")
        chain.sentence += (f"; der Preis sank um {pct(chain.evidence['asp_change'], lang)} mehr als im Rest des Kontos"
                           if asp_down else "")
        chain.sentence += (". Amazon schreibt ab und bestellt weniger, bis die Reichweite sinkt (B1)." if asp_down else
                           ". Amazon bestellt weniger, bis die Reichweite sinkt (B1).")
    else:
        chain.sentence = (f"{k} ASIN{'s' if k > 1 else ''} ({listed}) {'hold' if k > 1 else 'holds'} {weeks_txt} "
                          f"weeks of cover (median {chain.evidence['median_cover']:.0f})")
        chain.sentence += (f"; the price fell {pct(chain.evidence['asp_change'], lang)} more than in the rest of "
                           "the account" if asp_down else "")
        chain.sentence += (". Amazon marks down and orders less until cover normalises (B1)." if asp_down else
                           ". Amazon orders less until cover normalises (B1).")
    return chain


def active_chains(frame: pd.DataFrame, forecast: pd.DataFrame | None = None, po: pd.DataFrame | None = None,
                  charges: pd.DataFrame | None = None, lang: str = "en", target: float | None = None) -> list[Chain]:
    """All four named chains, active ones first."""
    chains = [spiral(frame, forecast, po, lang), squeeze(frame, lang, target), compliance(frame, charges, lang),
              overstock(frame, lang)]
    return sorted(chains, key=lambda c: not c.active)
