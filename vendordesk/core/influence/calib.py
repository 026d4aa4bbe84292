"""Calibrate link strengths on the workspace's own weekly history.

Each estimate is a pooled regression of week-on-week changes within ASINs (first differences
remove each ASIN's level; subtracting each week's mean across ASINs removes season, events and
holidays that hit every ASIN), with an ordinary-least-squares standard error:

- E01 / I05: d ln(ordered units) on d OOS and d ln(ASP) together (OOS and price elasticity);
- E02: d ln(Amazon's forecast) on d ln(ordered units) 1..3 weeks earlier (sum of the lags);
- E03: d ln(PO units) on d ln(Amazon's forecast) 1..3 weeks earlier (sum of the lags);
- E12 / E16 / E17: the cost-to-price ratio (the linearised Net PPM formula, domain §1.5).

With fewer than MIN_WEEKS distinct weeks, no variation, the wrong sign or |t| < 2 the link keeps
its default and the result says why. Pure numpy/pandas; frames come from the store.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace

import numpy as np
import pandas as pd

from vendordesk.core.influence.graph import OOS, UNITS, Graph

MIN_WEEKS = 12
MIN_T = 2.0


@dataclass(frozen=True)
class Calibration:
    edge_id: str
    status: str               # "calibrated" | "default"
    estimate: float | None    # strength in the edge's sign convention (>= 0)
    se: float | None
    weeks: int
    n: int
    lag: int | None = None
    reason: str = ""

    def to_dict(self) -> dict:
        return asdict(self)


def _ols(y: np.ndarray, X: np.ndarray) -> tuple[np.ndarray, np.ndarray, int]:
    ok = np.isfinite(y) & np.all(np.isfinite(X), axis=1)
    y, X = y[ok], X[ok]
    n, k = X.shape
    if n <= k + 2:
        return np.full(k, np.nan), np.full(k, np.nan), n
    xtx = X.T @ X
    if np.linalg.cond(xtx) > 1e12:
        return np.full(k, np.nan), np.full(k, np.nan), n
    inv = np.linalg.inv(xtx)
    beta = inv @ (X.T @ y)
    resid = y - X @ beta
    sigma2 = float(resid @ resid) / (n - k)
    return beta, np.sqrt(np.diag(inv) * sigma2), n


def _pivot(frame: pd.DataFrame, column: str, index: str = "period_start") -> pd.DataFrame:
    part = frame[["asin", index, column]].dropna()
    return part.pivot_table(index=index, columns="asin", values=column, aggfunc="sum").sort_index()


def _dlog(panel: pd.DataFrame) -> np.ndarray:
    values = panel.to_numpy(dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        logs = np.where(values > 0, np.log(np.where(values > 0, values, 1.0)), np.nan)
    return np.diff(logs, axis=0)


def _judge(edge_id: str, beta: float, se: float, weeks: int, n: int, sign: int, lag=None) -> Calibration:
    if weeks == 0:
        return Calibration(edge_id, "default", None, None, 0, n, lag, "no data for this link")
    if weeks < MIN_WEEKS:
        return Calibration(edge_id, "default", None, None, weeks, n, lag,
                           f"only {weeks} weeks of data (needs {MIN_WEEKS})")
    if not np.isfinite(beta) or not np.isfinite(se):
        return Calibration(edge_id, "default", None, None, weeks, n, lag, "no variation to learn from")
    strength = sign * beta
    if strength <= 0 or abs(beta) < MIN_T * se:
        return Calibration(edge_id, "default", float(strength), float(se), weeks, n, lag,
                           f"estimate {strength:.2f} ± {se:.2f} is not clearly of the expected sign")
    return Calibration(edge_id, "calibrated", float(min(strength, 10.0)), float(se), weeks, n, lag)


def _week_demean(a: np.ndarray) -> np.ndarray:
    """Remove each week's mean across ASINs: season, events and holidays that hit every ASIN."""
    with np.errstate(invalid="ignore"):
        counts = np.sum(np.isfinite(a), axis=1, keepdims=True)
        means = np.where(counts > 0, np.nansum(a, axis=1, keepdims=True) / np.maximum(counts, 1), 0.0)
    return a - means


def _weeks(mask_rows: np.ndarray) -> int:
    return int(np.count_nonzero(mask_rows))


def calibrate_demand(frame: pd.DataFrame) -> list[Calibration]:
    """E01 (OOS -> units) and I05 (ASP -> units) from one regression."""
    needed = {UNITS, OOS, "shipped_revenue", "shipped_units"}
    if frame is None or frame.empty or not needed <= set(frame.columns):
        return [_judge("E01", np.nan, np.nan, 0, 0, -1), _judge("I05", np.nan, np.nan, 0, 0, -1)]
    data = frame.assign(_asp=frame["shipped_revenue"] / frame["shipped_units"].where(frame["shipped_units"] > 0))
    units = _pivot(data, UNITS)
    oos = _pivot(data, OOS).reindex(index=units.index, columns=units.columns)
    asp = _pivot(data, "_asp").reindex(index=units.index, columns=units.columns)
    y = _dlog(units)
    d_oos = np.diff(oos.to_numpy(dtype=float), axis=0)
    d_asp = _dlog(asp)
    ok = np.isfinite(y) & np.isfinite(d_oos) & np.isfinite(d_asp)
    y, d_oos, d_asp = (_week_demean(np.where(ok, a, np.nan)) for a in (y, d_oos, d_asp))
    X = np.column_stack([d_oos.ravel(), d_asp.ravel()])
    beta, se, n = _ols(y.ravel(), X)
    weeks = _weeks(np.any(np.isfinite(y) & np.isfinite(d_oos), axis=1))
    return [_judge("E01", beta[0], se[0], weeks, n, -1), _judge("I05", beta[1], se[1], weeks, n, -1)]


def _lagged(edge_id: str, src: pd.DataFrame, dst: pd.DataFrame, sign: int = 1, max_lag: int = 3) -> Calibration:
    """Distributed lag: d ln(dst)_t on d ln(src)_{t-1..t-L} jointly; strength = the sum of the
    coefficients (the response built up over L weeks), lag = their weighted mean lag."""
    if src.empty or dst.empty:
        return _judge(edge_id, np.nan, np.nan, 0, 0, sign)
    index = src.index.union(dst.index)
    cols = src.columns.intersection(dst.columns)
    dx, dy = _dlog(src.reindex(index=index, columns=cols)), _dlog(dst.reindex(index=index, columns=cols))
    lags = min(max_lag, len(dx) - 1)
    if lags < 1:
        return _judge(edge_id, np.nan, np.nan, 0, 0, sign)
    y = dy[lags:]
    xs = [dx[lags - k:len(dx) - k] for k in range(1, lags + 1)]
    ok = np.isfinite(y) & np.all([np.isfinite(x) for x in xs], axis=0)
    y = _week_demean(np.where(ok, y, np.nan))
    xs = [_week_demean(np.where(ok, x, np.nan)) for x in xs]
    beta, cov, n = _ols_cov(y.ravel(), np.column_stack([x.ravel() for x in xs]))
    weeks = _weeks(np.any(ok, axis=1))
    total = float(np.sum(beta))
    se = float(np.sqrt(np.sum(cov))) if np.all(np.isfinite(cov)) else float("nan")
    lag = round(float(np.dot(np.arange(1, lags + 1), beta)) / total) if total > 0 else None
    lag = min(max(lag, 1), lags) if lag is not None else None
    return _judge(edge_id, total, se, weeks, n, sign, lag)


def _ols_cov(y: np.ndarray, X: np.ndarray) -> tuple[np.ndarray, np.ndarray, int]:
    """OLS coefficients with their full covariance matrix."""
    ok = np.isfinite(y) & np.all(np.isfinite(X), axis=1)
    y, X = y[ok], X[ok]
    n, k = X.shape
    if n <= k + 2 or np.linalg.cond(X.T @ X) > 1e12:
        return np.full(k, np.nan), np.full((k, k), np.nan), n
    inv = np.linalg.inv(X.T @ X)
    beta = inv @ (X.T @ y)
    resid = y - X @ beta
    return beta, inv * float(resid @ resid) / (n - k), n


def forecast_panel(forecasts: pd.DataFrame) -> pd.DataFrame:
    """Amazon's forecast for the first week after each generation: index generation week, ASIN columns."""
    if forecasts is None or forecasts.empty:
        return pd.DataFrame()
    f = forecasts[forecasts["week_start"] > forecasts["generation_date"]]
    first = f.sort_values("week_start").groupby(["asin", "generation_date"], as_index=False).first()
    gen = pd.to_datetime(first["generation_date"])
    week = (gen - pd.to_timedelta((gen.dt.day_of_week + 1) % 7, unit="D")).dt.strftime("%Y-%m-%d")
    first = first.assign(period_start=week)
    return _pivot(first, "mean_units")


def calibrate_ratio(frame: pd.DataFrame) -> list[Calibration]:
    """E12/E16/E17 strength = shipped COGS / shipped revenue (points of Net PPM per 1 %)."""
    if frame is None or frame.empty or not {"shipped_cogs", "shipped_revenue"} <= set(frame.columns):
        return [_judge(e, np.nan, np.nan, 0, 0, 1) for e in ("E12", "E16", "E17")]
    weekly = frame.groupby("period_start")[["shipped_cogs", "shipped_revenue"]].sum(min_count=1).dropna()
    weekly = weekly[weekly["shipped_revenue"] > 0]
    ratio = weekly["shipped_cogs"] / weekly["shipped_revenue"]
    weeks = len(ratio)
    if weeks < MIN_WEEKS:
        return [_judge(e, np.nan, np.nan, weeks, weeks, 1) for e in ("E12", "E16", "E17")]
    value = float(weekly["shipped_cogs"].sum() / weekly["shipped_revenue"].sum())
    se = float(ratio.std(ddof=1) / np.sqrt(weeks)) if weeks > 1 else 0.0
    return [Calibration(e, "calibrated", value, se, weeks, weeks) for e in ("E12", "E16", "E17")]


def calibrate(frame: pd.DataFrame, forecasts: pd.DataFrame | None = None, po: pd.DataFrame | None = None,
              progress=None, cancelled=None) -> dict[str, Calibration]:
    """All calibrations. ``po``: rows asin, period_start, po_units (else net received units)."""
    def step(fraction: float) -> None:
        if progress:
            progress(fraction)

    results = {c.edge_id: c for c in calibrate_demand(frame)}
    step(0.4)
    units = _pivot(frame, UNITS) if frame is not None and UNITS in frame else pd.DataFrame()
    fc = forecast_panel(forecasts)
    results["E02"] = _lagged("E02", units, fc)
    step(0.6)
    if po is not None and not po.empty:
        po_panel = _pivot(po, "po_units")
    elif frame is not None and "net_received_inventory_units" in frame:
        po_panel = _pivot(frame, "net_received_inventory_units")
    else:
        po_panel = pd.DataFrame()
    results["E03"] = _lagged("E03", fc, po_panel)
    step(0.8)
    results.update({c.edge_id: c for c in calibrate_ratio(frame)})
    step(1.0)
    return results


def apply_calibration(graph: Graph, results: dict[str, Calibration]) -> Graph:
    """Calibrated strengths (and lags) replace defaults; links the KAM edited stay as edited."""
    edges = dict(graph.edges)
    for edge_id, cal in results.items():
        edge = edges.get(edge_id)
        if edge is None:
            continue
        if cal.status == "calibrated" and edge.source != "edited":
            lag = cal.lag if cal.lag is not None else edge.lag
            edges[edge_id] = replace(edge, strength=cal.estimate, lag=lag, source="calibrated",
                                     calibration=cal.to_dict())
        else:
            edges[edge_id] = replace(edge, calibration=cal.to_dict())
    return Graph(edges)
