"""Demand links: price elasticity (I05), lost share in out-of-stock views (E01), weekly demand
noise, and CRaP (E13/E14) below the Net PPM target. Panel regressions with ASIN (and week) fixed
effects and errors clustered by ASIN (core.panel_ols)."""

from __future__ import annotations

import numpy as np

from vendordesk.core.influence.cal_links import MIN_ASINS, MIN_CRAP, MIN_WEEKS, OOS, Link, Panel, link
from vendordesk.core.influence.cal_panels import covered, grid, regular_price
from vendordesk.core.influence.notes import Signed
from vendordesk.core.influence.panel_ols import panel_ols
from vendordesk.text import N_, Message, Number, reason


def fit_demand(p: Panel) -> tuple[Link, Link, Link]:
    """Lost share on weeks whose stock covered the demand; elasticity and demand noise from all
    weeks (also when the stock was too tight for the lost share, which then keeps its identity
    default)."""
    units, oos = p["ordered_units"], p[OOS]
    with np.errstate(divide="ignore", invalid="ignore"):
        asp = p["shipped_revenue"] / np.where(p["shipped_units"] > 0, p["shipped_units"], np.nan)
        price = regular_price(asp)
        y = np.log(np.where(units > 0, units, np.nan))
        lp = np.log(price)
        lo = np.log(np.clip(1.0 - oos, 1e-3, 1.0))
    t, a = grid(y.shape)
    finite = np.isfinite(y.ravel()) & np.isfinite(lp.ravel()) & np.isfinite(lo.ravel())
    n_weeks, n_asins = len(np.unique(t[finite])), len(np.unique(a[finite]))
    moved = np.nanstd(lp - np.nanmean(lp, axis=0), axis=0) if finite.any() else np.zeros(1)
    names = ("elasticity", "lost_share", "demand_noise")
    if n_weeks < MIN_WEEKS or n_asins < MIN_ASINS or not np.any(moved > 0.01):
        why = Message(N_("{weeks} weeks, {asins} ASINs with price and OOS data (needs {min_weeks} and {min_asins})"),
                      weeks=Number(n_weeks), asins=Number(n_asins), min_weeks=Number(MIN_WEEKS),
                      min_asins=Number(MIN_ASINS))
        if n_weeks >= MIN_WEEKS and n_asins >= MIN_ASINS:
            why = Message(N_("the price never moved"))
        el0, lost0, noise0 = (link(name, weeks=n_weeks, asins=n_asins, note=why) for name in names)
        return el0, lost0, noise0
    lost = _lost_share(y, lo, lp, a, t, finite & covered(p).ravel())
    deals = int(np.count_nonzero(np.isfinite(asp) & (np.abs(asp / price - 1) < 1e-12)
                                 & (np.abs(lp - np.nanmedian(lp, axis=0)) > 0.02)))
    # step 2, all weeks: demand = units uncensored by the lost share, on price (a sample selected on
    # stock would drop the deal weeks that sold out and bias the elasticity toward zero)
    demand = (y - lost["estimate"] * lo).ravel()
    try:
        fit2 = panel_ols(demand[finite], lp.ravel()[finite, None], a[finite], t[finite])
    except ValueError as exc:
        return link("elasticity", note=reason(exc)), lost, link("demand_noise")
    e, se = float(fit2.beta[0]), float(fit2.se[0])
    el = (link("elasticity", e, se, n_weeks, n_asins,
               Message(N_("from {deals} ASIN-weeks with deals or price changes; 1 % lower price, {more} % more units"),
                       deals=Number(deals), more=Number(abs(e), 2)))
          if e < 0 and abs(e) > 2 * se else
          link("elasticity", weeks=n_weeks, asins=n_asins, note=Message(N_("estimate {estimate} ± {se} is not clearly negative"),
                                                                 estimate=Number(e, 2), se=Number(se, 2))))
    sig = fit2.sigma
    noise = link("demand_noise", sig, sig / np.sqrt(2 * finite.sum()), n_weeks, n_asins,
                 Message(N_("weekly demand varies by about {pct} % around its level: stock-outs start before "
                            "the stock runs out on average"), pct=Number(sig * 100)))
    return el, lost, noise


def _lost_share(y: np.ndarray, lo: np.ndarray, lp: np.ndarray, a: np.ndarray, t: np.ndarray,
                ok: np.ndarray) -> Link:
    """Step 1, weeks whose stock covered the whole demand (``cal_panels.covered``: last week's on
    hand + this week's receipts >= units / (1 - OOS)): ln units on ln price and ln(1 - OOS). Their
    OOS is the exogenous one (listing, supplier), which does not follow the week's demand. A week
    that merely started with plenty of stock (twice the mean sales) can still sell out on a spike
    or a deal: its OOS then follows the demand (high demand, high OOS) and pulls the lost share
    toward 0 (by 5 % on average, up to 30 %, on simulated accounts whose true share is 1). Where
    stock rarely covered the demand (a tight account) the identity stays (an out-of-stock view
    cannot convert), and the elasticity and the demand noise are still estimated on all weeks."""
    weeks, asins = len(np.unique(t[ok])), len(np.unique(a[ok]))
    if weeks < MIN_WEEKS or asins < MIN_ASINS:
        return link("lost_share", weeks=weeks, asins=asins,
                    note=Message(N_("{weeks} weeks, {asins} ASINs whose stock covered the demand "
                                    "(needs {min_weeks} and {min_asins})"), weeks=Number(weeks), asins=Number(asins),
                                 min_weeks=Number(MIN_WEEKS), min_asins=Number(MIN_ASINS)))
    try:
        fit = panel_ols(y.ravel()[ok], np.column_stack([lp.ravel()[ok], lo.ravel()[ok]]), a[ok], t[ok])
    except ValueError as exc:
        return link("lost_share", weeks=weeks, asins=asins, note=reason(exc))
    lam, lse = fit.beta[1], fit.se[1]
    if 0.5 <= lam <= 1.3 and lse < 0.3:
        out = link("lost_share", min(lam, 1.0), lse, weeks, asins,
                   Message(N_("{pct} % of the demand in out-of-stock views is lost (weeks whose stock covered "
                              "the demand)"), pct=Number(min(lam, 1.0) * 100)))
        if lam > 1.0:            # the what-if's draws centre on it (model.params_from)
            out["raw"] = float(lam)
        return out
    return link("lost_share", weeks=weeks, asins=asins,
                note=Message(N_("estimate {estimate} ± {se} implausible or vague"), estimate=Number(lam, 2),
                             se=Number(lse, 2)))


def fit_crap(p: Panel, target: float) -> Link:
    """Demand the week after a week below target, holding the price fixed (low Net PPM often comes
    from a deal, and the deal's own demand must not pass for a CRaP response)."""
    ppm, units, oos = p["net_pure_product_margin"], p["ordered_units"], p[OOS]
    with np.errstate(divide="ignore", invalid="ignore"):
        asp = p["shipped_revenue"] / np.where(p["shipped_units"] > 0, p["shipped_units"], np.nan)
        lp = np.log(regular_price(asp))[1:]
    below = (ppm < target).astype(float)
    below[~np.isfinite(ppm)] = np.nan
    with np.errstate(divide="ignore", invalid="ignore"):
        y = np.log(units / np.clip(1.0 - np.nan_to_num(oos), 1e-3, 1.0))[1:]
    x = below[:-1]
    t, a = grid(y.shape)
    ok = np.isfinite(y.ravel()) & np.isfinite(x.ravel()) & np.isfinite(lp.ravel())
    hits = int(np.nansum(x.ravel()[ok]))
    weeks, asins = len(np.unique(t[ok])), len(np.unique(a[ok]))
    if hits < 10:
        return link("crap", weeks=weeks, asins=asins,
                    note=Message(N_("{hits} ASIN-weeks below the {target} % target"), hits=Number(hits),
                                 target=Number(target * 100)))
    try:
        fit = panel_ols(y.ravel()[ok], np.column_stack([x.ravel()[ok], lp.ravel()[ok]]), a[ok], t[ok])
    except ValueError as exc:
        return link("crap", weeks=weeks, asins=asins, note=reason(exc))
    b, se = float(fit.beta[0]), float(fit.se[0])
    if b < -3 * se and b < np.log(1 - MIN_CRAP):      # clear and material, not one noisy week
        share = 1 - np.exp(b)
        return link("crap", share, se, weeks, asins,
                    Message(N_("in {hits} ASIN-weeks after Net PPM below {target} %, demand fell {share} %"),
                            hits=Number(hits), target=Number(target * 100), share=Number(share * 100)))
    return {**link("crap", 0.0, max(se, 1e-6), weeks, asins,
                   Message(N_("{hits} ASIN-weeks below the {target} % target showed no demand response "
                              "({change} % ± {se} % demand): none is modelled"), hits=Number(hits),
                           target=Number(target * 100), change=Signed(b * 100, 1), se=Number(se * 100, 1))),
            "low": 0.0}


