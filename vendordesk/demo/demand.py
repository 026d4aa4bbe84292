"""The customer side of a simulated week: price, traffic, demand, stock-outs, Amazon learning."""

from __future__ import annotations

import numpy as np

from vendordesk.demo.steps import Recorder


def customers(t, s, p, cat, k_all, comp, parts, shocks, rng, rec: Recorder, ad_limit) -> None:
    """Traffic and conversion give demand; stock-outs censor orders; the forecast learns (E01/E02)."""
    s.rating = s.rating_path[t]
    live = t >= s.launch_idx
    price = _price(t, s, p, comp, parts, shocks)
    glance, spend = _traffic(t, s, p, cat, k_all, shocks, live, ad_limit)
    demand = (glance * p.conv * price["effect"] * np.exp(1.2 * (s.rating - 4.3))       # E21 rating
              * np.where(price["coupon"], 1.12, 1.0))
    oos, ordered, shipped, returns = _sell(t, s, p, demand, shocks, rng, rec)
    _learn(s, k_all[t] * price["effect"], live, ordered, demand, shipped, oos, rng)
    out = rec.weekly
    for key, value in (("glance", glance), ("ordered", ordered), ("shipped", shipped), ("returns", returns),
                       ("oos", oos), ("asp", price["asp"]), ("on_hand", s.on_hand), ("open_po", s.open_po),
                       ("unfilled", np.maximum(0, ordered - shipped)), ("ad_spend", spend),
                       ("coupon_rate", np.where(price["coupon"], 0.1 * 0.35, 0.0)), ("reviews", s.reviews),
                       ("deal_funding", price["deal_cut"] * 0.5), ("rating", s.rating)):
        out[key][t] = value
    rec.level[t] = s.level


def _price(t, s, p, comp, parts, shocks) -> dict[str, np.ndarray]:
    """Amazon matches last week's street price (E11), runs deals, marks down overstock (E19)."""
    in_deal = (parts["bf"][t] + parts["prime"][t]) > 0
    deal_cut = np.where(s.rating >= 3.5, p.deal_depth, 0.0) if in_deal else np.zeros(len(s.rating))
    cover = s.on_hand / np.maximum(s.ship_avg, 1)
    markdown = 0.1 * np.clip((cover - 10) / 10, 0, 1)
    asp = np.round(comp[max(t - 1, 0)] * (1 - deal_cut) * (1 - markdown), 2)
    coupon = p.coupon & (shocks.coupon[t] < 0.08) & ~in_deal
    return {"asp": asp, "deal_cut": deal_cut, "coupon": coupon, "effect": (asp / comp[t]) ** (-p.elast)}


def _traffic(t, s, p, cat, k_all, shocks, live, ad_limit) -> tuple[np.ndarray, np.ndarray]:
    """Organic glance views (season, rank E28, launch ramp) plus paid ones (E24, paused when OOS E25)."""
    ramp = np.where(live, 1 - np.exp(-(t - s.launch_idx + 1) / 5.0), 0.0)
    rank = np.clip((s.ord_avg / np.maximum(s.dem_avg, 1e-9)) ** 0.3, 0.6, 1.05)
    organic = cat.base_demand / p.conv * k_all[t] * rank * np.exp(shocks.demand[t]) * ramp
    budget = p.ad_share * cat.price * cat.base_demand * np.sqrt(k_all[t]) * ad_limit[t] * live
    spend = np.round(budget * np.where(s.prev_oos > 0.25, 0.4, 1.0), 2)
    return np.round(organic + spend / p.cpc), spend


def _sell(t, s, p, demand, shocks, rng, rec: Recorder):
    """OOS share of glance views from stock cover; orders censored by it (E01); returns come back."""
    oos = np.where(demand > 0, np.maximum(p.base_oos * shocks.oos[t],
                                          1 - s.on_hand / np.maximum(1.5 * demand, 1e-9)), 0)
    oos = np.clip(oos, 0, 1)
    ordered = np.minimum(rng.poisson(demand * (1 - oos)), s.on_hand)
    shipped = np.minimum(s.on_hand, np.round(0.85 * ordered + 0.15 * s.prev_ord))
    s.on_hand -= shipped
    back = rec.weekly["shipped"][t - 2] if t >= 2 else np.zeros(len(demand))
    returns = rng.binomial(back.astype(np.int64), np.clip(p.ret_rate * (1 + 0.6 * (4.3 - s.rating)), 0, 1))
    s.on_hand += np.round(0.4 * returns)
    return oos, ordered, shipped, returns


def _learn(s, known, live, ordered, demand, shipped, oos, rng) -> None:
    """Amazon's level learns from censored orders (E02); running averages; new reviews."""
    s.level = np.where(live, 0.85 * s.level + 0.15 * ordered / np.maximum(known, 1e-9), s.level)
    s.ord_avg = 0.7 * s.ord_avg + 0.3 * ordered
    s.dem_avg = 0.7 * s.dem_avg + 0.3 * demand
    s.ship_avg = 0.8 * s.ship_avg + 0.2 * shipped
    s.reviews += rng.binomial(shipped.astype(np.int64), 0.012)
    s.prev_ord, s.prev_oos = ordered, oos
