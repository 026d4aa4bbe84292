"""Explain a real change in the data in sentences: what moved, and what the graph says drove it.

``explain_change`` compares two periods of a weekly facts frame: ordered units, then the
drivers feeding them in the graph (E01 OOS, I01 glance views, I05 ASP), then the downstream
links (E02 forecast, E03 POs). Every number is computed from the data; nothing is a template
value.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from vendordesk.core.influence.graph import OOS
from vendordesk.core.influence.chains import panel
from vendordesk.core.influence.text import (
    asin_list,
    change_word,
    num,
    pct,
    rate,
    weeks_label,
)

OOS_RISE = 0.05


@dataclass
class Explanation:
    sentences: list[str] = field(default_factory=list)
    facts: dict = field(default_factory=dict)

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
    return after / before - 1 if before and before > 0 and after == after else float("nan")


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
    f.update(units_change=du, weeks_b=weeks_label(*b, lang), weeks_a=weeks_label(*a, lang))
    if du != du:
        return out
    wb, wa = f["weeks_b"], f["weeks_a"]
    out.sentences.append(
        f"Die bestellten Einheiten {change_word(du, lang)}en in {wb} um {pct(du, lang)} (Wochenschnitt, ggü. {wa})."
        if lang == "de" else
        f"Ordered units {change_word(du, lang)} {pct(du, lang)} in {wb} (weekly average, vs. {wa}).")
    _availability(out, fa, fb, nb, lang)
    _traffic_price(out, fa, fb, na, nb, lang)
    _downstream(out, fa, fb, forecast, po, a, b, lang)
    return out


def _availability(out: Explanation, fa, fb, nb: int, lang: str) -> None:
    if OOS not in fa:
        return
    oa, ob = _weighted_oos(fa), _weighted_oos(fb)
    if oa != oa or ob != ob or abs(ob - oa) < 0.01:
        return
    per = fb.groupby("asin")[OOS].mean() - fa.groupby("asin")[OOS].mean()
    risers = list(per[per >= OOS_RISE].sort_values(ascending=False).index)
    ob_rate = fb[OOS].clip(0, 0.95).fillna(0)
    lost = float((fb["ordered_units"].fillna(0) * ob_rate / (1 - ob_rate)).sum()) / nb
    out.facts.update(oos_a=oa, oos_b=ob, oos_asins=risers, lost_units_per_week=lost)
    where = f" ({len(risers)} ASINs: {asin_list(risers, lang)})" if risers else ""
    if lang == "de":
        verb = "stieg" if ob > oa else "sank"
        out.sentences.append(f"Gleichzeitig {verb} die OOS-Quote von {rate(oa, lang)} auf {rate(ob, lang)}{where}; "
                             f"geschätzt {num(lost, lang)} Einheiten pro Woche gingen durch Out-of-Stock verloren.")
    else:
        verb = "rose" if ob > oa else "fell"
        out.sentences.append(f"At the same time OOS {verb} from {rate(oa, lang)} to {rate(ob, lang)}{where}; "
                             f"an estimated {num(lost, lang)} units a week were lost to stock-outs.")


def _traffic_price(out: Explanation, fa, fb, na: int, nb: int, lang: str) -> None:
    parts = []
    if "glance_views" in fa:
        dg = _change(fb["glance_views"].sum() / nb, fa["glance_views"].sum() / na)
        if dg == dg and abs(dg) >= 0.02:
            out.facts["glance_change"] = dg
            sign = "+" if dg > 0 else "−"
            parts.append(f"{'Seitenaufrufe' if lang == 'de' else 'glance views'} {sign}{pct(dg, lang)}")
    if {"shipped_revenue", "shipped_units"} <= set(fa.columns):
        pa = fa["shipped_revenue"].sum() / max(fa["shipped_units"].sum(), 1e-9)
        pb = fb["shipped_revenue"].sum() / max(fb["shipped_units"].sum(), 1e-9)
        dp = _change(pb, pa)
        if dp == dp and abs(dp) >= 0.02:
            out.facts["asp_change"] = dp
            sign = "+" if dp > 0 else "−"
            parts.append(f"{'Durchschnittspreis' if lang == 'de' else 'average selling price'} {sign}{pct(dp, lang)}")
    if parts:
        lead = "Weitere Treiber: " if lang == "de" else "Other drivers: "
        out.sentences.append(lead + ", ".join(parts) + ".")


def _shift(period: tuple[str, str], weeks: int) -> tuple[str, str]:
    step = pd.Timedelta(days=7 * weeks)
    return tuple((pd.Timestamp(d) + step).strftime("%Y-%m-%d") for d in period)


def _downstream(out: Explanation, fa, fb, forecast, po, a, b, lang: str) -> None:
    """Forecast two weeks later (E02), POs three weeks later (E02 + E03), where the data reaches."""
    bits = []
    for key, p, lag, de, en in (("forecast_change", forecast, 2, ("Amazons Prognose", "stieg", "sank"),
                                 "Amazon's forecast"),
                                ("po_change", po, 3, ("die Bestellungen (PO)", "stiegen", "sanken"), "POs")):
        if p is None or p.empty:
            continue
        total = p.sum(axis=1, min_count=1).to_frame()
        last = total.index.max()
        shift = lag if _shift(b, lag)[1] <= last else 0
        after = _window(total, *_shift(b, shift)).mean().iloc[0]
        before = _window(total, *_shift(a, shift)).mean().iloc[0]
        d = _change(after, before)
        if d == d and abs(d) >= 0.03:
            out.facts[key] = d
            if lang == "de":
                bits.append(f"{de[0]} {de[1] if d > 0 else de[2]} um {pct(d, lang)}")
            else:
                bits.append(f"{en} {change_word(d, lang)} {pct(d, lang)}")
    if bits:
        lead = "In der Folge: " if lang == "de" else "Downstream: "
        out.sentences.append(lead + (" und " if lang == "de" else " and ").join(bits) + ".")


def latest_periods(frame: pd.DataFrame, weeks: int = 4) -> tuple[tuple[str, str], tuple[str, str]] | None:
    """The last ``weeks`` weeks and the ``weeks`` before them, or None without enough history."""
    if frame is None or frame.empty:
        return None
    starts = sorted(frame["period_start"].unique())
    if len(starts) < 2 * weeks:
        return None
    return (starts[-2 * weeks], starts[-weeks - 1]), (starts[-weeks], starts[-1])


__all__ = ["Explanation", "explain_change", "latest_periods", "panel"]
