"""Panel regression with ASIN (and optionally week) fixed effects, standard errors clustered by ASIN.

A small numpy estimator instead of statsmodels/linearmodels (they and scipy would add ~150 MB to
the bundle). It equals statsmodels' ``OLS(y, [X, dummies]).fit(cov_type="cluster")`` to 1e-8
(tests/core/test_panel_ols.py proves it):

- fixed effects are removed by demeaning within ASIN (and within week, by alternating
  projections until the change is below 1e-13; exact in one pass on a balanced panel);
- the cluster-robust covariance is the sandwich (X'X)^-1 (sum_g X_g' u_g u_g' X_g) (X'X)^-1 with
  statsmodels' small-sample factor G/(G-1) * (N-1)/(N-K), K counting the absorbed effects.
Pure numpy.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from numpy.typing import ArrayLike

from vendordesk.text import N_, Message


@dataclass(frozen=True)
class PanelFit:
    beta: np.ndarray
    cov: np.ndarray
    nobs: int
    groups: int
    periods: int
    sigma: float = float("nan")        # residual standard deviation (degrees of freedom corrected)

    @property
    def se(self) -> np.ndarray:
        return np.sqrt(np.diag(self.cov))


def _demean(values: np.ndarray, codes: np.ndarray, count: int) -> np.ndarray:
    """Subtract each code's mean from every column of ``values``."""
    sizes = np.bincount(codes, minlength=count).astype(float)
    out = np.empty_like(values)
    for j in range(values.shape[1]):
        sums = np.bincount(codes, weights=values[:, j], minlength=count)
        out[:, j] = values[:, j] - (sums / np.maximum(sizes, 1.0))[codes]
    return out


def _codes(labels: ArrayLike) -> tuple[npt.NDArray[np.int64], int]:
    uniq, codes = np.unique(np.asarray(labels), return_inverse=True)
    return codes.astype(np.int64), len(uniq)


def panel_ols(y: ArrayLike, X: ArrayLike, groups: ArrayLike, periods: ArrayLike | None = None, tol: float = 1e-13,
              max_iter: int = 500) -> PanelFit:
    """Regress ``y`` on ``X`` (n x k) with fixed effects for ``groups`` (and ``periods``).

    Rows with a non-finite value are dropped first. Raises ValueError when nothing is left to
    estimate (fewer rows than parameters, or a regressor without variation within ASINs).
    """
    y = np.asarray(y, dtype=float).ravel()
    X = np.asarray(X, dtype=float)
    X = X.reshape(len(y), -1)
    ok = np.isfinite(y) & np.all(np.isfinite(X), axis=1)
    g_codes, g_count = _codes(np.asarray(groups)[ok])
    data = np.column_stack([y[ok], X[ok]])
    absorbed = g_count
    p_count = 0
    if periods is None:
        data = _demean(data, g_codes, g_count)
    else:
        p_codes, p_count = _codes(np.asarray(periods)[ok])
        absorbed = g_count + p_count - 1
        for _ in range(max_iter):
            before = data
            data = _demean(_demean(data, g_codes, g_count), p_codes, p_count)
            if np.max(np.abs(data - before), initial=0.0) < tol:
                break
    yd, Xd = data[:, 0], data[:, 1:]
    n, k = Xd.shape
    dof = n - k - absorbed
    if dof <= 0 or g_count < 2:
        raise ValueError(Message(N_("too few observations for the fixed-effects regression")))
    if k == 0:                                        # effects only: the residual spread
        return PanelFit(np.zeros(0), np.zeros((0, 0)), n, g_count, p_count, float(np.sqrt(yd @ yd / dof)))
    xtx = Xd.T @ Xd
    if np.linalg.matrix_rank(xtx) < k:
        raise ValueError(Message(N_("a regressor does not vary within ASINs")))
    inv = np.linalg.inv(xtx)
    beta = inv @ (Xd.T @ yd)
    resid = yd - Xd @ beta
    scores = Xd * resid[:, None]
    meat_rows = np.zeros((g_count, k))
    np.add.at(meat_rows, g_codes, scores)
    meat = meat_rows.T @ meat_rows
    factor = g_count / (g_count - 1.0) * (n - 1.0) / (n - k - absorbed)
    cov = factor * inv @ meat @ inv
    return PanelFit(beta, cov, n, g_count, p_count, float(np.sqrt(resid @ resid / dof)))
