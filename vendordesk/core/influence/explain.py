"""Explain a real change in the data in sentences: what moved, and what the graph says drove it.

``explain_change`` compares two periods of a weekly facts frame: ordered units, then the
drivers feeding them in the graph (E01 OOS, I01 glance views, I05 ASP), then the downstream
links (E02 forecast, E03 POs). Every number is computed from the data; nothing is a template
value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from vendordesk.core.gears import kpis as K
from vendordesk.core.influence.chains import panel
from vendordesk.core.influence.graph import OOS
from vendordesk.core.influence.text import asin_list, num, pct, rate, weeks_label
from vendordesk.core.missing import is_missing
from vendordesk.text import texts

OOS_RISE = 0.05


@dataclass
class Explanation:
    sentences: list[str] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return " ".join(self.sentences)


def _window(p: pd.DataFrame, start: str, end: str) -> pd.DataFrame:
    return p[(p.index >= start) & (p.index <= end)] if not p.empty else p


def _weighted_oos(frame: pd.DataFrame) -> float:
    if frame.empty or OOS not in frame:
        return float("nan")
    w = frame["glance_views"].fillna(0) if "glance_views" in frame else pd.Series(1.0, index=frame.index)
    w = w.where(frame[OOS].notna(), 0)
    return float((frame[OOS].fillna(0) * w).sum() / w.sum()) if w.sum() > 0 else float("nan")


def _change(after: float, before: float) -> float:
    return after / before - 1 if before and before > 0 and not is_missing(after) else float("nan")


def explain_change(frame: pd.DataFrame, a: tuple[str, str], b: tuple[str, str], forecast: pd.DataFrame | None = None,
                   po: pd.DataFrame | None = None, lang: str = "en") -> Explanation:
    """Why ordered units moved from period ``a`` to period ``b`` (ISO week-start pairs)."""
    out = Explanation()
    if frame is None or frame.empty or "ordered_units" not in frame:
        return out
    fa = frame[(frame["period_start"] >= a[0]) & (frame["period_start"] <= a[1])]
    fb = frame[(frame["period_start"] >= b[0]) & (frame["period_start"] <= b[1])]
    na, nb = max(fa["period_start"].nunique(), 1), max(fb["period_start"].nunique(), 1)
    if fa.empty or fb.empty:
        return out
    ua, ub = fa["ordered_units"].sum() / na, fb["ordered_units"].sum() / nb
    du = _change(ub, ua)
    f = out.facts
    f.update(units_change=du, weeks_b=weeks_label(b[0], b[1], lang), weeks_a=weeks_label(a[0], a[1], lang))
    if is_missing(du):
        return out
    _ = texts(lang)
    wb, wa = f["weeks_b"], f["weeks_a"]
    if du >= 0:
        out.sentences.append(_("Ordered units rose {change} in {weeks} (weekly average, vs. {before}).",
                               change=pct(du, lang), weeks=wb, before=wa))
    else:
        out.sentences.append(_("Ordered units fell {change} in {weeks} (weekly average, vs. {before}).",
                               change=pct(du, lang), weeks=wb, before=wa))
    in_b = ((frame["period_start"] >= b[0]) & (frame["period_start"] <= b[1])).to_numpy()
    _availability(out, frame, in_b, fa, fb, nb, lang)
    _traffic_price(out, fa, fb, na, nb, lang)
    _downstream(out, fa, fb, forecast, po, a, b, lang)
    return out


def _availability(out: Explanation, frame: pd.DataFrame, in_b: np.ndarray, fa: pd.DataFrame, fb: pd.DataFrame,
                  nb: int, lang: str) -> None:
    if OOS not in fa:
        return
    oa, ob = _weighted_oos(fa), _weighted_oos(fb)
    if is_missing(oa) or is_missing(ob) or abs(ob - oa) < 0.01:
        return
    per = fb.groupby("asin")[OOS].mean() - fa.groupby("asin")[OOS].mean()
    risers = list(per[per >= OOS_RISE].sort_values(ascending=False).index)
    # the one lost-sales definition (kpis.lost_units, as the bridge's OOS step): the whole frame
    # gives each ASIN its pre-OOS run rate; period B's rows are summed
    lost = float(np.nansum(K.lost_units(frame)[in_b])) / nb
    out.facts.update(oos_a=oa, oos_b=ob, oos_asins=risers, lost_units_per_week=lost)
    _ = texts(lang)
    where = _.ngettext(" (OOS up 5 points or more on {n} ASIN: {asins})",
                       " (OOS up 5 points or more on {n} ASINs: {asins})", len(risers), n=len(risers),
                       asins=asin_list(risers, lang)) if risers else ""
    values = {"before": rate(oa, lang), "after": rate(ob, lang), "where": where, "lost": num(lost, lang)}
    if ob > oa:
        out.sentences.append(_("At the same time OOS rose from {before} to {after}{where}; an estimated {lost} units "
                               "a week were lost to stock-outs.", **values))
    else:
        out.sentences.append(_("At the same time OOS fell from {before} to {after}{where}; an estimated {lost} units "
                               "a week were lost to stock-outs.", **values))


def _traffic_price(out: Explanation, fa: pd.DataFrame, fb: pd.DataFrame, na: int, nb: int, lang: str) -> None:
    parts, _ = [], texts(lang)
    if "glance_views" in fa:
        dg = _change(fb["glance_views"].sum() / nb, fa["glance_views"].sum() / na)
        if not is_missing(dg) and abs(dg) >= 0.02:
            out.facts["glance_change"] = dg
            sign = "+" if dg > 0 else "−"
            parts.append(_("glance views {change}", change=sign + pct(dg, lang)))
    if {"shipped_revenue", "shipped_units"} <= set(fa.columns):
        pa = fa["shipped_revenue"].sum() / max(fa["shipped_units"].sum(), 1e-9)
        pb = fb["shipped_revenue"].sum() / max(fb["shipped_units"].sum(), 1e-9)
        dp = _change(pb, pa)
        if not is_missing(dp) and abs(dp) >= 0.02:
            out.facts["asp_change"] = dp
            sign = "+" if dp > 0 else "−"
            parts.append(_("average selling price {change}", change=sign + pct(dp, lang)))
    if parts:
        out.sentences.append(_("Other drivers: {parts}.", parts=", ".join(parts)))


def _shift(period: tuple[str, str], weeks: int) -> tuple[str, str]:
    step = pd.Timedelta(days=7 * weeks)
    first, last = ((pd.Timestamp(d) + step).strftime("%Y-%m-%d") for d in period)
    return first, last


def _adjacent(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """``b`` follows ``a`` within a week and is as long: a change between them is not a season's."""
    gap = (pd.Timestamp(b[0]) - pd.Timestamp(a[1])).days

    def length(p: tuple[str, str]) -> int:
        return int((pd.Timestamp(p[1]) - pd.Timestamp(p[0])).days)

    return 0 < gap <= 7 and abs(length(a) - length(b)) <= 7


def compare_like_with_like(total: pd.DataFrame, a: tuple[str, str], b: tuple[str, str],
                           lag: int) -> tuple[float, str, tuple[str, str]] | None:
    """The change of a weekly series (Amazon's one-week-ahead forecast, POs) that answers period
    ``b``, compared like with like: with the same weeks a year before when the data reaches back
    (season and the Q4 build cancel), else with period ``a`` when ``b`` directly follows it;
    otherwise None (two periods apart, e.g. August and November, differ by season, not response).
    Returns (change, "last_year" or "previous", the weeks compared)."""
    last = total.index.max()
    shift = lag if _shift(b, lag)[1] <= last else 0
    weeks = _shift(b, shift)
    after = _window(total, *weeks).mean().iloc[0]
    year = _shift(weeks, -52)
    if len(_window(total, *year)) >= max(1, len(_window(total, *weeks)) - 1):
        d = _change(after, _window(total, *year).mean().iloc[0])
        if not is_missing(d):
            return d, "last_year", weeks
    if _adjacent(a, b):
        d = _change(after, _window(total, *_shift(a, shift)).mean().iloc[0])
        if not is_missing(d):
            return d, "previous", weeks
    return None


def _downstream(out: Explanation, fa: pd.DataFrame, fb: pd.DataFrame, forecast: pd.DataFrame | None,
                po: pd.DataFrame | None, a: tuple[str, str], b: tuple[str, str], lang: str) -> None:
    """Forecast two weeks later (E02), POs three weeks later (E02 + E03), where the data reaches,
    compared like with like (compare_like_with_like) and said which."""
    _, bits = texts(lang), []
    for key, p, lag in (("forecast_change", forecast, 2), ("po_change", po, 3)):
        if p is None or p.empty:
            continue
        found = compare_like_with_like(p.sum(axis=1, min_count=1).to_frame(), a, b, lag)
        if found is None or abs(found[0]) < 0.03:
            continue
        d, basis, weeks = found
        out.facts[key], out.facts[key + "_basis"] = d, basis
        values = {"change": pct(d, lang), "weeks": weeks_label(weeks[0], weeks[1], lang)}
        if key == "forecast_change" and basis == "last_year":
            bits.append(_("Amazon's one-week-ahead forecast for {weeks} was {change} above the same weeks last year", **values)
                        if d > 0 else
                        _("Amazon's one-week-ahead forecast for {weeks} was {change} below the same weeks last year", **values))
        elif key == "forecast_change":
            bits.append(_("Amazon's one-week-ahead forecast rose {change} in {weeks} against the weeks before", **values)
                        if d > 0 else
                        _("Amazon's one-week-ahead forecast fell {change} in {weeks} against the weeks before", **values))
        elif basis == "last_year":
            bits.append(_("POs for {weeks} were {change} above the same weeks last year", **values) if d > 0 else
                        _("POs for {weeks} were {change} below the same weeks last year", **values))
        else:
            bits.append(_("POs rose {change} in {weeks} against the weeks before", **values) if d > 0 else
                        _("POs fell {change} in {weeks} against the weeks before", **values))
    if bits:
        out.sentences.append(_("Downstream: {parts}.", parts=_(" and ").join(bits)))


def latest_periods(frame: pd.DataFrame, weeks: int = 4) -> tuple[tuple[str, str], tuple[str, str]] | None:
    """The last ``weeks`` weeks and the ``weeks`` before them, or None without enough history."""
    if frame is None or frame.empty:
        return None
    starts = sorted(frame["period_start"].unique())
    if len(starts) < 2 * weeks:
        return None
    return (starts[-2 * weeks], starts[-weeks - 1]), (starts[-weeks], starts[-1])


__all__ = ["Explanation", "explain_change", "latest_periods", "panel"]
