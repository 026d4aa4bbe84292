"""The revenue and margin bridge between two periods (why did sell-in and Net PPM move?).

Vendor net sell-in = shipped COGS - back-end terms (contra-COGS) - chargebacks. Its change is
split into (common ASINs, U units, c cost per unit, c_bar the period-A average):

    price  = sum U_B (c_B - c_A)
    volume = (sum U_B - sum U_A) c_bar_A            minus the OOS part below
    mix    = sum U_B c_A - sum U_B c_bar_A
    oos    = -sum (lost_B - lost_A) c_A    lost: kpis.lost_units (ordered x OOS / (1 - OOS), above
                                            50 % OOS from the pre-OOS run rate; an estimate)
    terms  = -(contra_B - contra_A),  chargebacks = -(cb_B - cb_A)

An ASIN sold in only one period takes that period's unit values for both, so new and delisted
ASINs show up in volume and mix; the steps add up exactly to the total change.

Amazon's Net PPM = (R - C + K - D) / R is bridged by sequential substitution: units (mix), ASP,
cost price, terms rate (K/C), discount rate (D/R), in this order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from vendordesk.core.gears import kpis as K

STEPS = ("price", "volume", "mix", "oos", "terms", "chargebacks")
PPM_STEPS = ("mix", "asp", "cost", "terms", "discount")
COLUMNS = ("shipped_units", "shipped_cogs", "shipped_revenue", "ordered_units", "contra_cogs", "sales_discount")


@dataclass
class Bridge:
    start: float                      # vendor net sell-in, period A
    end: float
    steps: dict[str, float]           # STEPS -> EUR
    gross_start: float = 0.0          # shipped COGS A / B
    gross_end: float = 0.0
    units_start: float = 0.0
    units_end: float = 0.0
    ppm_start: float = float("nan")
    ppm_end: float = float("nan")
    ppm_steps: dict[str, float] = field(default_factory=dict)    # PPM_STEPS -> fraction points
    drivers: pd.DataFrame | None = None                          # per ASIN change, biggest first
    periods: tuple[tuple[str, str], tuple[str, str]] | None = None   # ((a_start, a_end), (b_start, b_end))

    @property
    def empty(self) -> bool:
        return self.gross_start == 0 and self.gross_end == 0

    def to_json(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "steps": self.steps, "gross_start": self.gross_start,
                "gross_end": self.gross_end, "ppm_start": self.ppm_start, "ppm_end": self.ppm_end,
                "ppm_steps": self.ppm_steps}


def period_by_asin(frame: pd.DataFrame, start: str, end: str) -> pd.DataFrame:
    """Sum a weekly frame over [start, end] per ASIN; OOS weighted by glance views (else mean)."""
    cols = [c for c in COLUMNS if c in frame]
    inside = ((frame["period_start"] >= start) & (frame["period_start"] <= end)).to_numpy(dtype=bool)
    part = frame[inside]
    if part.empty:
        return pd.DataFrame(columns=["asin", *COLUMNS, "oos", "lost_units"]).set_index("asin")
    sums = part.groupby("asin")[cols].sum(min_count=1)
    lost = pd.Series(K.lost_units(frame)[inside], index=part.index)       # the whole frame: run rates
    sums["lost_units"] = lost.groupby(part["asin"]).sum(min_count=1)
    oos_col = "procurable_product_out_of_stock_rate"
    if oos_col in part:
        weight = part["glance_views"].fillna(0) if "glance_views" in part else pd.Series(1.0, index=part.index)
        weight = weight.where(part[oos_col].notna(), 0)
        num = (part[oos_col].fillna(0) * weight).groupby(part["asin"]).sum()
        den = weight.groupby(part["asin"]).sum()
        sums["oos"] = (num / den.replace(0, np.nan)).fillna(part.groupby("asin")[oos_col].mean())
    for c in (*COLUMNS, "oos", "lost_units"):
        if c not in sums:
            sums[c] = np.nan
    return sums


def _unit(values: pd.Series, units: pd.Series) -> pd.Series:
    return values / units.where(units > 0)


def _lost(p: pd.DataFrame) -> pd.Series:
    """Lost units per ASIN (kpis.lost_units summed); an ASIN without an estimate adds nothing here."""
    if "lost_units" in p:
        return p["lost_units"].fillna(0.0)
    oos = p["oos"].clip(0, K.HIGH_OOS).fillna(0)
    ordered = p["ordered_units"].fillna(p["shipped_units"]).fillna(0)
    return ordered * oos / (1 - oos)


def build_bridge(a: pd.DataFrame, b: pd.DataFrame, chargebacks_a: float = 0.0, chargebacks_b: float = 0.0) -> Bridge:
    """``a``/``b``: per-ASIN period sums (period_by_asin)."""
    index = a.index.union(b.index)
    a, b = a.reindex(index), b.reindex(index)
    ua, ub = a["shipped_units"].fillna(0), b["shipped_units"].fillna(0)
    ca, cb = _unit(a["shipped_cogs"], ua), _unit(b["shipped_cogs"], ub)
    ca, cb = ca.combine_first(cb).fillna(0.0), cb.combine_first(ca).fillna(0.0)
    gross_a, gross_b = float((ua * ca).sum()), float((ub * cb).sum())
    c_bar = gross_a / ua.sum() if ua.sum() > 0 else 0.0
    price = float((ub * (cb - ca)).sum())
    volume = float((ub.sum() - ua.sum()) * c_bar)
    mix = float((ub * ca).sum() - ub.sum() * c_bar)
    oos = -float(((_lost(b) - _lost(a)) * ca).sum())
    contra_a, contra_b = float(a["contra_cogs"].fillna(0).sum()), float(b["contra_cogs"].fillna(0).sum())
    steps = {"price": price, "volume": volume - oos, "mix": mix, "oos": oos,
             "terms": -(contra_b - contra_a), "chargebacks": -(float(chargebacks_b) - float(chargebacks_a))}
    bridge = Bridge(start=gross_a - contra_a - chargebacks_a, end=gross_b - contra_b - chargebacks_b, steps=steps,
                    gross_start=gross_a, gross_end=gross_b, units_start=float(ua.sum()), units_end=float(ub.sum()))
    _ppm_bridge(bridge, a, b, ua, ub, ca, cb)
    delta = (ub * cb - ua * ca)
    drivers = pd.DataFrame({"cogs_a": ua * ca, "cogs_b": ub * cb, "delta": delta,
                            "units_a": ua, "units_b": ub, "oos_a": a["oos"], "oos_b": b["oos"]})
    bridge.drivers = drivers.reindex(delta.abs().sort_values(ascending=False).index)
    return bridge


def _ppm(units: pd.Series, price: pd.Series, cost: pd.Series, k_rate: float, d_rate: float) -> float:
    """Net PPM (kpis.net_ppm) with contra-COGS = k_rate x COGS and sales discount = d_rate x revenue."""
    rev, cogs = float((units * price).sum()), float((units * cost).sum())
    if rev <= 0:
        return float("nan")
    return float(K.net_ppm(rev, cogs, k_rate * cogs, d_rate * rev))


def _ppm_bridge(bridge: Bridge, a: pd.DataFrame, b: pd.DataFrame, ua: pd.Series, ub: pd.Series, ca: pd.Series,
                cb: pd.Series) -> None:
    pa, pb = _unit(a["shipped_revenue"], ua), _unit(b["shipped_revenue"], ub)
    pa, pb = pa.combine_first(pb).fillna(0.0), pb.combine_first(pa).fillna(0.0)

    def rate(num: pd.Series, den: float) -> float:
        return float(num.fillna(0).sum()) / den if den > 0 else 0.0

    ka, kb = rate(a["contra_cogs"], float((ua * ca).sum())), rate(b["contra_cogs"], float((ub * cb).sum()))
    da, db = rate(a["sales_discount"], float((ua * pa).sum())), rate(b["sales_discount"], float((ub * pb).sum()))
    chain = [_ppm(ua, pa, ca, ka, da), _ppm(ub, pa, ca, ka, da), _ppm(ub, pb, ca, ka, da),
             _ppm(ub, pb, cb, ka, da), _ppm(ub, pb, cb, kb, da), _ppm(ub, pb, cb, kb, db)]
    bridge.ppm_start, bridge.ppm_end = chain[0], chain[-1]
    bridge.ppm_steps = {name: chain[i + 1] - chain[i] for i, name in enumerate(PPM_STEPS)}


def previous_period(start: str, end: str) -> tuple[str, str]:
    """The period of the same length right before [start, end] (ISO week starts)."""
    s, e = pd.Timestamp(start), pd.Timestamp(end)
    length = e - s + pd.Timedelta(days=7)
    return (s - length).strftime("%Y-%m-%d"), (s - pd.Timedelta(days=7)).strftime("%Y-%m-%d")
