"""Calibrate the structural model's behavioural links on the workspace's own weekly history.

Every link records estimate, 10-90 % interval, weeks and ASINs used, status and a plain note.
With too little data a link keeps its documented default (``DEFAULTS``), says so and gets the
wider default interval. Estimators (fixed effects by ASIN, errors clustered by ASIN, core.panel_ols):

- elasticity (I05) and lost share (E01): ln ordered units on ln price and ln(1 - OOS), ASIN and
  week effects. The price is the ASIN's regular price (5-week rolling median of ASP) except in
  deal weeks and after price changes (ASP more than 2 % away): ASP = revenue / units carries the
  units' own noise, regressing units on it would bias the elasticity toward -1 (division bias);
- forecast response (E02): change of Amazon's first-week forecast on last week's forecast error
  (ordered units - forecast), both scaled by the ASIN's mean units;
- PO cover (E03/E20): PO = confirmed / confirmation, confirmed = change of open POs + receipts /
  fill rate; cover = (PO + on hand + open before) / forecast, weeks with a PO (ratio of sums,
  ASIN bootstrap interval);
- lead time, confirmation, fill rate, contra-COGS rate: observed levels;
- CRaP (E13/E14): demand in the week after one below the Net PPM target, ASIN and week effects.
Pure numpy/pandas: frames come from the store.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from vendordesk.core.influence.panel_ols import panel_ols
from vendordesk.core.margin import DEFAULT_ELASTICITY

Z90 = 1.2815515655446004          # 10-90 % interval = estimate -/+ 1.28 se
MIN_WEEKS, MIN_ASINS = 12, 3
MIN_CRAP = 0.05                   # a CRaP response counts from 5 % lost demand (t > 3)
OOS = "procurable_product_out_of_stock_rate"

# link -> (default, low, high, note on the default)
DEFAULTS = {
    "elasticity": (DEFAULT_ELASTICITY, DEFAULT_ELASTICITY - 1.0, DEFAULT_ELASTICITY + 1.0,
                   f"documented default {DEFAULT_ELASTICITY} (margin.DEFAULT_ELASTICITY)"),
    "lost_share": (1.0, 0.8, 1.0, "identity: an out-of-stock view cannot convert"),
    "demand_noise": (0.2, 0.1, 0.4, "default weekly demand noise 20 %"),
    "supply_noise": (0.0, 0.0, 0.0, "no confirmation or fill data: receipts follow the average rates"),
    "forecast_alpha": (0.3, 0.1, 0.6, "default: Amazon's forecast takes 30 % of last week's error"),
    "po_cover": (4.0, 2.5, 6.0, "default: Amazon orders up to 4 weeks of forecast"),
    "lead_weeks": (2.0, 1.0, 3.0, "default lead time 2 weeks"),
    "confirmation": (0.9, 0.8, 0.97, "default confirmation rate 90 %"),
    "fill": (0.95, 0.9, 0.99, "default receive fill rate 95 %"),
    "contra_rate": (0.0, 0.0, 0.15, "no Net PPM facts: contra-COGS unknown, taken as 0"),
    "crap": (0.0, 0.0, 0.0, "no weeks below the Net PPM target: no CRaP response is modelled"),
    "competitor_match": (1.0, 0.5, 1.0, "no competitor price data: a competitor change is assumed matched by Amazon"),
    "content": (0.5, 0.0, 1.0, "no content data: documented default, +0.10 content score = +5 % demand (E23)"),
    "ads": (0.15, 0.0, 0.3, "no ad data: documented default, +10 % ad spend = +1.5 % demand (E24)"),
    "featured_offer": (0.8, 0.5, 1.0, "no Featured Offer data: documented default, 10 points lost = -8 % demand (I03)"),
}
LINK_EDGES = {"elasticity": "I05", "lost_share": "E01", "demand_noise": "E01", "supply_noise": "E06a", "forecast_alpha": "E02", "po_cover": "E03",
              "lead_weeks": "E07", "confirmation": "E06a", "fill": "E06b", "contra_rate": "E16",
              "crap": "E13", "competitor_match": "E11", "content": "E23", "ads": "E24",
              "featured_offer": "I03"}


def link(name: str, estimate=None, se=None, weeks: int = 0, asins: int = 0, note: str = "",
         low=None, high=None) -> dict:
    """A calibrated link, or its default when ``estimate`` is None."""
    if estimate is None or not np.isfinite(estimate):
        d, lo, hi, why = DEFAULTS[name]
        return {"link": name, "edge": LINK_EDGES[name], "status": "default", "estimate": d, "low": lo, "high": hi,
                "se": (hi - lo) / (2 * Z90), "weeks": weeks, "asins": asins,
                "note": f"{note + '; ' if note else ''}{why}"}
    if low is None:
        low, high = estimate - Z90 * se, estimate + Z90 * se
    return {"link": name, "edge": LINK_EDGES[name], "status": "calibrated", "estimate": float(estimate),
            "low": float(low), "high": float(high), "se": float(se), "weeks": int(weeks), "asins": int(asins),
            "note": note}


def panels(frame: pd.DataFrame, columns) -> tuple[list, list, dict[str, np.ndarray]]:
    """weeks, asins and a (weeks x asins) array per column (NaN where absent)."""
    weeks = sorted(frame["period_start"].unique())
    asins = sorted(frame["asin"].unique())
    wi = pd.Index(weeks).get_indexer(frame["period_start"])
    ai = pd.Index(asins).get_indexer(frame["asin"])
    out = {}
    for c in columns:
        a = np.full((len(weeks), len(asins)), np.nan)
        if c in frame:
            a[wi, ai] = frame[c].to_numpy(dtype=float)
        out[c] = a
    return weeks, asins, out


def regular_price(asp: np.ndarray) -> np.ndarray:
    """Deal weeks and price changes keep their ASP; other weeks take the 5-week rolling median."""
    n = len(asp)
    pad = np.vstack([np.full((2, asp.shape[1]), np.nan), asp, np.full((2, asp.shape[1]), np.nan)])
    window = np.stack([pad[k:k + n] for k in range(5)])
    enough = np.isfinite(window).sum(axis=0) >= 2
    with np.errstate(invalid="ignore", divide="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)          # all-NaN windows give NaN, as meant
        med = np.where(enough, np.nanmedian(window, axis=0), np.nan)
        off = np.abs(asp / med - 1.0) > 0.02
    return np.where(off | ~np.isfinite(med), asp, med)


def _grid(shape):
    t, a = np.indices(shape)
    return t.ravel(), a.ravel()


def ample_stock(p: dict) -> np.ndarray:
    """Weeks that started with plenty of stock (last week's on hand + this week's receipts >= twice
    the ASIN's mean weekly units): decided before the week's demand, so their OOS did not come
    from the stock running out after a demand spike (which would bias the lost share toward 0)."""
    oh, units, rec = p["sellable_on_hand_inventory_units"], p["ordered_units"], p["net_received_inventory_units"]
    if not np.isfinite(oh).any():
        return np.ones(units.shape, dtype=bool)
    avail = np.vstack([np.full((1, oh.shape[1]), np.nan), oh[:-1]]) + np.nan_to_num(rec)
    level = np.nanmean(np.where(units > 0, units, np.nan), axis=0) if np.isfinite(units).any() else 0.0
    return np.isfinite(avail) & (avail >= 2.0 * level)


def fit_demand(p: dict) -> tuple[dict, dict, dict]:
    """Elasticity and lost share on weeks with ample stock; demand noise from all weeks."""
    units, oos = p["ordered_units"], p[OOS]
    with np.errstate(divide="ignore", invalid="ignore"):
        asp = p["shipped_revenue"] / np.where(p["shipped_units"] > 0, p["shipped_units"], np.nan)
        price = regular_price(asp)
        y = np.log(np.where(units > 0, units, np.nan))
        lp = np.log(price)
        lo = np.log(np.clip(1.0 - oos, 1e-3, 1.0))
    t, a = _grid(y.shape)
    finite = np.isfinite(y.ravel()) & np.isfinite(lp.ravel()) & np.isfinite(lo.ravel())
    ok = finite & ample_stock(p).ravel()
    weeks, asins = len(np.unique(t[ok])), len(np.unique(a[ok]))
    moved = np.nanstd(lp - np.nanmean(lp, axis=0), axis=0) if ok.any() else np.zeros(1)
    names = ("elasticity", "lost_share", "demand_noise")
    if weeks < MIN_WEEKS or asins < MIN_ASINS or not np.any(moved > 0.01):
        why = f"{weeks} weeks, {asins} ASINs with price and OOS data (needs {MIN_WEEKS} and {MIN_ASINS})"
        return tuple(link(n, weeks=weeks, asins=asins, note=why) for n in names)
    try:
        fit = panel_ols(y.ravel()[ok], np.column_stack([lp.ravel()[ok], lo.ravel()[ok]]), a[ok], t[ok])
    except ValueError as exc:
        return tuple(link(n, weeks=weeks, asins=asins, note=str(exc)) for n in names)
    deals = int(np.count_nonzero(np.isfinite(asp) & (np.abs(asp / price - 1) < 1e-12)
                                 & (np.abs(lp - np.nanmedian(lp, axis=0)) > 0.02)))
    lam, lse = fit.beta[1], fit.se[1]
    lost = (link("lost_share", min(lam, 1.0), lse, weeks, asins,
                 f"{min(lam, 1.0) * 100:.0f} % of the demand in out-of-stock views is lost (weeks with stock left)")
            if 0.5 <= lam <= 1.3 and lse < 0.3 else
            link("lost_share", weeks=weeks, asins=asins, note=f"estimate {lam:.2f} ± {lse:.2f} implausible or vague"))
    # step 2, all weeks: demand = units uncensored by the lost share, on price (a sample selected on
    # stock would drop the deal weeks that sold out and bias the elasticity toward zero)
    demand = (y - lost["estimate"] * lo).ravel()
    try:
        fit2 = panel_ols(demand[finite], lp.ravel()[finite, None], a[finite], t[finite])
    except ValueError as exc:
        return link("elasticity", note=str(exc)), lost, link("demand_noise")
    e, se = float(fit2.beta[0]), float(fit2.se[0])
    n_weeks, n_asins = len(np.unique(t[finite])), len(np.unique(a[finite]))
    el = (link("elasticity", e, se, n_weeks, n_asins,
               f"from {deals} ASIN-weeks with deals or price changes; 1 % lower price, {abs(e):.2f} % more units")
          if e < 0 and abs(e) > 2 * se else
          link("elasticity", weeks=n_weeks, asins=n_asins, note=f"estimate {e:.2f} ± {se:.2f} is not clearly negative"))
    sig = fit2.sigma
    noise = link("demand_noise", sig, sig / np.sqrt(2 * finite.sum()), n_weeks, n_asins,
                 f"weekly demand varies by about {sig * 100:.0f} % around its level: stock-outs start before "
                 "the stock runs out on average")
    return el, lost, noise


SPREAD_PROBS = np.linspace(0.0, 1.0, 41)


def _spread(values: np.ndarray) -> np.ndarray | None:
    """Quantiles (at ``SPREAD_PROBS``) of a rate's week-to-week deviation from its ASIN's mean."""
    ok = np.isfinite(values) & (values >= 0.0) & (values <= 1.0)
    if ok.sum() < MIN_WEEKS * MIN_ASINS:
        return None
    mean = np.where(ok, values, 0.0).sum(axis=0) / np.maximum(ok.sum(axis=0), 1)
    dev = (values - mean)[ok]
    return np.quantile(dev, SPREAD_PROBS)


def fit_supply(p: dict) -> dict:
    """How confirmation and fill rates vary week by week around each ASIN's mean (empirical
    quantiles, dips included): the simulation draws each week's rates from them, so stock runs
    short after a bad week as it does in the account. The receipts' spread, not the stock's: the
    stock's own spread follows from the demand noise and these, inside the simulation."""
    conf, fill = p["vendor_confirmation_rate"], p["receive_fill_rate"]
    qc, qf = _spread(conf), _spread(fill)
    weeks = int(np.isfinite(conf).any(axis=1).sum())
    asins = int(np.isfinite(conf).any(axis=0).sum())
    if qc is None:
        return link("supply_noise", weeks=weeks, asins=asins, note=f"only {weeks} weeks of confirmation data")
    ok = np.isfinite(conf) & (conf >= 0) & (conf <= 1)
    sd = float(np.std((conf - np.nanmean(np.where(ok, conf, np.nan), axis=0))[ok]))
    out = link("supply_noise", sd, sd / np.sqrt(2 * ok.sum()), weeks, asins,
               f"the confirmation rate varies by about {sd * 100:.0f} points from week to week")
    out["conf_quantiles"] = [float(v) for v in qc]
    out["fill_quantiles"] = [float(v) for v in qf] if qf is not None else [0.0] * len(SPREAD_PROBS)
    return out


def fit_forecast(p: dict, forecast: np.ndarray | None) -> dict:
    if forecast is None or not np.isfinite(forecast).any():
        return link("forecast_alpha", note="no Amazon forecasts imported")
    units = p["ordered_units"]
    scale = np.nanmean(units, axis=0)
    scale = np.where(scale > 0, scale, np.nan)
    y = (forecast[1:] - forecast[:-1]) / scale
    x = (units[:-1] - forecast[:-1]) / scale
    t, a = _grid(y.shape)
    ok = np.isfinite(y.ravel()) & np.isfinite(x.ravel())
    weeks, asins = len(np.unique(t[ok])), len(np.unique(a[ok]))
    if weeks < MIN_WEEKS or asins < MIN_ASINS:
        return link("forecast_alpha", weeks=weeks, asins=asins, note=f"only {weeks} weeks of forecasts")
    try:
        fit = panel_ols(y.ravel()[ok], x.ravel()[ok, None], a[ok])
    except ValueError as exc:
        return link("forecast_alpha", weeks=weeks, asins=asins, note=str(exc))
    b, se = float(fit.beta[0]), float(fit.se[0])
    if not 0 < b <= 1.2:
        return link("forecast_alpha", weeks=weeks, asins=asins, note=f"estimate {b:.2f} outside 0..1")
    return link("forecast_alpha", b, se, weeks, asins,
                f"Amazon's forecast moves {b * 100:.0f} % of the way to last week's ordered units")


def _bootstrap_ratio(num: np.ndarray, den: np.ndarray, draws: int = 200) -> tuple[float, float, float]:
    """Ratio of sums with a 10-90 % interval from resampling ASINs (columns)."""
    n_a = num.shape[1]
    cols_num, cols_den = np.nansum(num, axis=0), np.nansum(den, axis=0)
    rng = np.random.default_rng(0)
    pick = rng.integers(0, n_a, (draws, n_a))
    ratios = cols_num[pick].sum(axis=1) / np.maximum(cols_den[pick].sum(axis=1), 1e-12)
    return float(cols_num.sum() / max(cols_den.sum(), 1e-12)), *np.percentile(ratios, [10, 90])


def fit_orders(p: dict, forecast: np.ndarray | None) -> tuple[dict, dict]:
    lead_days = p["average_vendor_lead_time_days"]
    lw = np.nanmean(lead_days) if np.isfinite(lead_days).any() else np.nan
    n_lead = int(np.isfinite(lead_days).any(axis=1).sum())
    lead = (link("lead_weeks", max(lw / 7.0, 1.0), np.nanstd(lead_days) / 7.0 / np.sqrt(max(n_lead, 1)) + 1e-6,
                 n_lead, int(np.isfinite(lead_days).any(axis=0).sum()), f"average vendor lead time {lw:.0f} days")
            if n_lead >= 4 else link("lead_weeks", note="no lead-time data"))
    open_, rec, oh = p["open_purchase_order_units"], p["net_received_inventory_units"], p["sellable_on_hand_inventory_units"]
    conf, fill = p["vendor_confirmation_rate"], p["receive_fill_rate"]
    if forecast is None or not np.isfinite(open_).any() or not np.isfinite(oh).any():
        return link("po_cover", note="no forecast, open-PO or on-hand data"), lead
    fill_ = np.where(np.isfinite(fill) & (fill > 0.3), fill, 1.0)
    conf_ = np.where(np.isfinite(conf) & (conf > 0.3), conf, np.nan)
    arrived = np.nan_to_num(rec) / fill_
    confirmed = open_[1:] - open_[:-1] + arrived[1:]
    po = confirmed / conf_[1:]
    position = oh[1:] + open_[:-1] - arrived[1:]
    f_next = np.vstack([forecast[2:], np.full((1, forecast.shape[1]), np.nan)])
    ok = np.isfinite(po) & np.isfinite(position) & np.isfinite(f_next) & (po > 0.05 * np.abs(f_next))
    weeks, asins = int(ok.any(axis=1).sum()), int(ok.any(axis=0).sum())
    if weeks < MIN_WEEKS or asins < MIN_ASINS:
        return link("po_cover", weeks=weeks, asins=asins, note=f"only {weeks} weeks with POs"), lead
    est, lo, hi = _bootstrap_ratio(np.where(ok, po + position, 0.0), np.where(ok, f_next, 0.0))
    return link("po_cover", est, (hi - lo) / (2 * Z90), weeks, asins,
                f"Amazon orders up to {est:.1f} weeks of its forecast, less stock and open POs", lo, hi), lead


def _level(name: str, values: np.ndarray, note: str, lo_ok=0.0, hi_ok=1.0) -> dict:
    recent = values[-13:]
    ok = np.isfinite(recent) & (recent >= lo_ok) & (recent <= hi_ok)
    weeks, asins = int(ok.any(axis=1).sum()), int(ok.any(axis=0).sum())
    if weeks < 4:
        return link(name, weeks=weeks, asins=asins, note="no data")
    per_asin = np.array([np.mean(recent[ok[:, j], j]) for j in range(recent.shape[1]) if ok[:, j].any()])
    est = float(np.mean(per_asin))
    se = float(np.std(per_asin, ddof=1) / np.sqrt(len(per_asin))) if len(per_asin) > 1 else 0.05
    return link(name, est, se, weeks, asins, note.format(est * 100))


def fit_contra(p: dict) -> dict:
    rev, cogs, ppm = p["shipped_revenue"][-13:], p["shipped_cogs"][-13:], p["net_pure_product_margin"][-13:]
    ok = np.isfinite(rev) & np.isfinite(cogs) & np.isfinite(ppm) & (cogs > 0)
    weeks, asins = int(ok.any(axis=1).sum()), int(ok.any(axis=0).sum())
    if weeks < 4:
        return link("contra_rate", weeks=weeks, asins=asins, note="no Net PPM facts")
    contra = np.where(ok, ppm * rev - rev + cogs, 0.0)
    est, lo, hi = _bootstrap_ratio(contra, np.where(ok, cogs, 0.0))
    return link("contra_rate", est, max((hi - lo) / (2 * Z90), 1e-6), weeks, asins,
                f"contra-COGS (less sales discount) are {est * 100:.1f} % of COGS (from Net PPM)", lo, hi)


def fit_crap(p: dict, target: float) -> dict:
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
    t, a = _grid(y.shape)
    ok = np.isfinite(y.ravel()) & np.isfinite(x.ravel()) & np.isfinite(lp.ravel())
    hits = int(np.nansum(x.ravel()[ok]))
    weeks, asins = len(np.unique(t[ok])), len(np.unique(a[ok]))
    if hits < 10:
        return link("crap", weeks=weeks, asins=asins, note=f"{hits} ASIN-weeks below the {target * 100:.0f} % target")
    try:
        fit = panel_ols(y.ravel()[ok], np.column_stack([x.ravel()[ok], lp.ravel()[ok]]), a[ok], t[ok])
    except ValueError as exc:
        return link("crap", weeks=weeks, asins=asins, note=str(exc))
    b, se = float(fit.beta[0]), float(fit.se[0])
    if b < -3 * se and b < np.log(1 - MIN_CRAP):      # clear and material, not one noisy week
        share = 1 - np.exp(b)
        return link("crap", share, se, weeks, asins,
                    f"in {hits} ASIN-weeks after Net PPM below {target * 100:.0f} %, demand fell {share * 100:.0f} %")
    return {**link("crap", 0.0, max(se, 1e-6), weeks, asins,
                   f"{hits} ASIN-weeks below the {target * 100:.0f} % target showed no demand response "
                   f"({b * 100:+.1f} % ± {se * 100:.1f} % demand): none is modelled"), "low": 0.0}


COLUMNS = ("ordered_units", "shipped_units", "shipped_revenue", "shipped_cogs", OOS, "vendor_confirmation_rate",
           "receive_fill_rate", "average_vendor_lead_time_days", "open_purchase_order_units",
           "net_received_inventory_units", "sellable_on_hand_inventory_units", "net_pure_product_margin")


def calibrate(frame: pd.DataFrame, forecasts: pd.DataFrame | None = None, target: float = 0.40,
              progress=None, cancelled=None) -> dict:
    """{"links": {name: link}, "weeks", "asins", "first_week", "last_week"}.
    ``forecasts``: asin, week_start, mean_units (each week's first-week forecast)."""
    step = progress or (lambda _f: None)
    if frame is None or frame.empty:
        links = {name: link(name, note="no weekly history") for name in DEFAULTS}
        return {"links": links, "weeks": 0, "asins": 0, "first_week": None, "last_week": None}
    weeks, asins, p = panels(frame, COLUMNS)
    fc = None
    if forecasts is not None and not forecasts.empty:
        f = forecasts[forecasts["asin"].isin(asins) & forecasts["week_start"].isin(weeks)]
        fc = np.full((len(weeks), len(asins)), np.nan)
        fc[pd.Index(weeks).get_indexer(f["week_start"]), pd.Index(asins).get_indexer(f["asin"])] = f["mean_units"]
    step(0.1)
    links = {}
    links["elasticity"], links["lost_share"], links["demand_noise"] = fit_demand(p)
    step(0.5)
    if cancelled and cancelled():
        return {}
    links["forecast_alpha"] = fit_forecast(p, fc)
    links["po_cover"], links["lead_weeks"] = fit_orders(p, fc)
    links["supply_noise"] = fit_supply(p)
    step(0.7)
    links["confirmation"] = _level("confirmation", p["vendor_confirmation_rate"], "confirmation rate {:.0f} % (13 weeks)")
    links["fill"] = _level("fill", p["receive_fill_rate"], "receive fill rate {:.0f} % (13 weeks)")
    links["contra_rate"] = fit_contra(p)
    links["crap"] = fit_crap(p, target)
    step(0.9)
    for name in ("competitor_match", "content", "ads", "featured_offer"):
        links[name] = link(name)
    step(1.0)
    return {"links": links, "weeks": len(weeks), "asins": len(asins), "first_week": weeks[0], "last_week": weeks[-1]}
