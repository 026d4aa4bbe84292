"""Observed levels and spreads: confirmation and fill rates (13 weeks), their week-to-week spread,
and the contra-COGS rate from Net PPM."""

from __future__ import annotations

import numpy as np

from vendordesk.core.influence.cal_links import MIN_ASINS, MIN_WEEKS, OOS, Z90, Array, Link, Panel, link
from vendordesk.core.influence.cal_orders import bootstrap_ratio
from vendordesk.core.influence.cal_panels import covered
from vendordesk.text import N_, Message, Number


def level(name: str, values: Array, note: str, lo_ok: float = 0.0, hi_ok: float = 1.0) -> Link:
    """The mean of the last 13 weeks' per-ASIN means; ``note``: a catalogue message with a {pct} field."""
    recent = values[-13:]
    ok = np.isfinite(recent) & (recent >= lo_ok) & (recent <= hi_ok)
    weeks, asins = int(ok.any(axis=1).sum()), int(ok.any(axis=0).sum())
    if weeks < 4:
        return link(name, weeks=weeks, asins=asins, note=Message(N_("no data")))
    per_asin = np.array([np.mean(recent[ok[:, j], j]) for j in range(recent.shape[1]) if ok[:, j].any()])
    est = float(np.mean(per_asin))
    se = float(np.std(per_asin, ddof=1) / np.sqrt(len(per_asin))) if len(per_asin) > 1 else 0.05
    return link(name, est, se, weeks, asins, Message(note, pct=Number(est * 100)))


def fit_contra(p: Panel) -> Link:
    rev, cogs, ppm = p["shipped_revenue"][-13:], p["shipped_cogs"][-13:], p["net_pure_product_margin"][-13:]
    ok = np.isfinite(rev) & np.isfinite(cogs) & np.isfinite(ppm) & (cogs > 0)
    weeks, asins = int(ok.any(axis=1).sum()), int(ok.any(axis=0).sum())
    if weeks < 4:
        return link("contra_rate", weeks=weeks, asins=asins, note=Message(N_("no Net PPM facts")))
    contra = np.where(ok, ppm * rev - rev + cogs, 0.0)
    est, lo, hi = bootstrap_ratio(contra, np.where(ok, cogs, 0.0))
    return link("contra_rate", est, max((hi - lo) / (2 * Z90), 1e-6), weeks, asins,
                Message(N_("contra-COGS (less sales discount) are {pct} % of COGS (from Net PPM)"),
                        pct=Number(est * 100, 1)), lo, hi)


SPREAD_PROBS = np.linspace(0.0, 1.0, 41)


def _spread(values: Array) -> Array | None:
    """Quantiles (at ``SPREAD_PROBS``) of a rate's week-to-week deviation from its ASIN's mean."""
    ok = np.isfinite(values) & (values >= 0.0) & (values <= 1.0)
    if ok.sum() < MIN_WEEKS * MIN_ASINS:
        return None
    mean = np.where(ok, values, 0.0).sum(axis=0) / np.maximum(ok.sum(axis=0), 1)
    dev = (values - mean)[ok]
    return np.asarray(np.quantile(dev, SPREAD_PROBS), dtype=float)


def _oos_spread(p: Panel) -> Array | None:
    """Quantiles of the exogenous OOS's week-to-week deviation from its ASIN's mean: OOS in weeks
    whose stock covered the whole demand (``cal_panels.covered``: it did not come from the stock
    running out, and the weeks are not chosen by their own OOS). A tight account has enough of
    them where weeks that started with twice the mean sales in stock are too few."""
    if p.get(OOS) is None:
        return None
    return _spread(np.where(covered(p), p[OOS], np.nan))


def fit_supply(p: Panel) -> Link:
    """How confirmation and fill rates, and the exogenous OOS (supplier or listing problems, not
    the stock running out), vary week by week around each ASIN's mean (empirical quantiles, dips
    and spikes included): the simulation draws each week's rates from them, so stock runs short
    after a bad week, and a week with a listing problem sells less and leaves Amazon's forecast
    lower, as in the account. The spread of what arrives and what can sell, not the stock's: the
    stock's own spread follows from the demand noise and these, inside the simulation."""
    conf, fill = p["vendor_confirmation_rate"], p["receive_fill_rate"]
    qc, qf, qo = _spread(conf), _spread(fill), _oos_spread(p)
    weeks = int(np.isfinite(conf).any(axis=1).sum())
    asins = int(np.isfinite(conf).any(axis=0).sum())
    if qc is None:
        return link("supply_noise", weeks=weeks, asins=asins, note=Message(N_("only {weeks} weeks of confirmation data"),
                                                                        weeks=Number(weeks)))
    ok = np.isfinite(conf) & (conf >= 0) & (conf <= 1)
    sd = float(np.std((conf - np.nanmean(np.where(ok, conf, np.nan), axis=0))[ok]))
    out = link("supply_noise", sd, sd / np.sqrt(2 * ok.sum()), weeks, asins,
               Message(N_("the confirmation rate varies by about {points} points from week to week"),
                       points=Number(sd * 100)))
    out["conf_quantiles"] = [float(v) for v in qc]
    out["fill_quantiles"] = [float(v) for v in qf] if qf is not None else [0.0] * len(SPREAD_PROBS)
    if qo is not None:
        out["oos_quantiles"] = [float(v) for v in qo]
    return out


