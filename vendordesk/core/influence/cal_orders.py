"""Amazon's ordering links: forecast response (E02), PO cover (E03/E20) and lead time (E07)."""

from __future__ import annotations

import numpy as np

from vendordesk.core.influence.cal_links import MIN_ASINS, MIN_WEEKS, Z90, Array, Link, Panel, link
from vendordesk.core.influence.cal_panels import grid
from vendordesk.core.influence.panel_ols import panel_ols
from vendordesk.text import N_, Message, Number, reason


def fit_forecast(p: Panel, forecast: Array | None) -> Link:
    if forecast is None or not np.isfinite(forecast).any():
        return link("forecast_alpha", note=Message(N_("no Amazon forecasts imported")))
    units = p["ordered_units"]
    scale = np.nanmean(units, axis=0)
    scale = np.where(scale > 0, scale, np.nan)
    y = (forecast[1:] - forecast[:-1]) / scale
    x = (units[:-1] - forecast[:-1]) / scale
    t, a = grid(y.shape)
    ok = np.isfinite(y.ravel()) & np.isfinite(x.ravel())
    weeks, asins = len(np.unique(t[ok])), len(np.unique(a[ok]))
    if weeks < MIN_WEEKS or asins < MIN_ASINS:
        return link("forecast_alpha", weeks=weeks, asins=asins, note=Message(N_("only {weeks} weeks of forecasts"), weeks=Number(weeks)))
    try:
        fit = panel_ols(y.ravel()[ok], x.ravel()[ok, None], a[ok])
    except ValueError as exc:
        return link("forecast_alpha", weeks=weeks, asins=asins, note=reason(exc))
    b, se = float(fit.beta[0]), float(fit.se[0])
    if not 0 < b <= 1.2:
        return link("forecast_alpha", weeks=weeks, asins=asins, note=Message(N_("estimate {estimate} outside 0..1"),
                                                                                  estimate=Number(b, 2)))
    return link("forecast_alpha", b, se, weeks, asins,
                Message(N_("Amazon's forecast moves {pct} % of the way to last week's ordered units"),
                        pct=Number(b * 100)))


def bootstrap_ratio(num: Array, den: Array, draws: int = 200) -> tuple[float, float, float]:
    """Ratio of sums with a 10-90 % interval from resampling ASINs (columns)."""
    n_a = num.shape[1]
    cols_num, cols_den = np.nansum(num, axis=0), np.nansum(den, axis=0)
    rng = np.random.default_rng(0)
    pick = rng.integers(0, n_a, (draws, n_a))
    ratios = cols_num[pick].sum(axis=1) / np.maximum(cols_den[pick].sum(axis=1), 1e-12)
    return float(cols_num.sum() / max(cols_den.sum(), 1e-12)), *np.percentile(ratios, [10, 90])


def fit_orders(p: Panel, forecast: Array | None) -> tuple[Link, Link]:
    lead_days = p["average_vendor_lead_time_days"]
    lw = float(np.nanmean(lead_days)) if np.isfinite(lead_days).any() else float("nan")
    n_lead = int(np.isfinite(lead_days).any(axis=1).sum())
    lead = (link("lead_weeks", max(lw / 7.0, 1.0), float(np.nanstd(lead_days)) / 7.0 / np.sqrt(max(n_lead, 1)) + 1e-6,
                 n_lead, int(np.isfinite(lead_days).any(axis=0).sum()), Message(N_("average vendor lead time {days} days"), days=Number(lw)))
            if n_lead >= 4 else link("lead_weeks", note=Message(N_("no lead-time data"))))
    open_, rec, oh = p["open_purchase_order_units"], p["net_received_inventory_units"], p["sellable_on_hand_inventory_units"]
    conf, fill = p["vendor_confirmation_rate"], p["receive_fill_rate"]
    if forecast is None or not np.isfinite(open_).any() or not np.isfinite(oh).any():
        return link("po_cover", note=Message(N_("no forecast, open-PO or on-hand data"))), lead
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
        return link("po_cover", weeks=weeks, asins=asins, note=Message(N_("only {weeks} weeks with POs"), weeks=Number(weeks))), lead
    est, lo, hi = bootstrap_ratio(np.where(ok, po + position, 0.0), np.where(ok, f_next, 0.0))
    return link("po_cover", est, (hi - lo) / (2 * Z90), weeks, asins,
                Message(N_("Amazon orders up to {weeks} weeks of its forecast, less stock and open POs"),
                        weeks=Number(est, 1)), lo, hi), lead


