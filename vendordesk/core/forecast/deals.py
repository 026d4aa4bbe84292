"""Deals in the history: weeks with an ASP drop are lifts, not noise.

Detection per ASIN and week: the reference price is the median ASP (ordered revenue / ordered
units) of the observed weeks within +-REF_WEEKS, the week itself left out; a week whose ASP
lies at least MIN_CUT below it is a deal week with cut c = 1 - ASP / reference.

Lift: a deal week's demand over its baseline (mean of the non-deal, non-event weeks within
+-3, as for events). Its elasticity sample is log(lift) / -log(1 - c) (the lift of a price
cut c is (1 - c) ** -e). The account's e is the least-squares slope through the origin over all
deal weeks, sum log lift x x / sum x^2 with x = -log(1 - c); an ASIN's own slope is shrunk
towards it with weight n / (n + SHRINK_WEEKS) (n its deal weeks). Fewer than MIN_WEEKS deal
weeks in the account: nothing is modelled (e = 0). e is kept within [0, MAX_ELASTICITY].

Weeks inside a calendar event (Black Friday, Prime Day ...) are left to the event model: the
ASIN's own event effect already carries its usual deal there. The history is divided by
(1 - c) ** -e before fitting; a deal the KAM enters for a coming week uses the one stored
price elasticity (events.deal_factor).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MIN_CUT = 0.10
REF_WEEKS = 6
SHRINK_WEEKS = 4.0
MIN_WEEKS = 3
MAX_ELASTICITY = 6.0
WINDOW = 3


def detect(asp: np.ndarray | None, shape: tuple[int, int]) -> np.ndarray:
    """Cut per (series, week): 1 - ASP / reference where that is >= MIN_CUT, else 0."""
    if asp is None:
        return np.zeros(shape)
    n, t = asp.shape
    padded = np.pad(asp, ((0, 0), (REF_WEEKS, REF_WEEKS)), constant_values=np.nan)
    window = np.lib.stride_tricks.sliding_window_view(padded, 2 * REF_WEEKS + 1, axis=1)[:, :t]
    window = np.delete(window, REF_WEEKS, axis=2)          # the week itself is left out
    count = np.sum(~np.isnan(window), axis=2)
    ordered = np.sort(window, axis=2)                        # NaN sort last
    lo = np.take_along_axis(ordered, np.maximum((count - 1) // 2, 0)[..., None], axis=2)[..., 0]
    hi = np.take_along_axis(ordered, np.minimum(count // 2, ordered.shape[2] - 1)[..., None], axis=2)[..., 0]
    ref = np.where(count >= 3, 0.5 * (lo + hi), np.nan)      # the median of the observed weeks
    with np.errstate(all="ignore"):
        cut = 1.0 - asp / ref
    cut = np.where(np.isfinite(cut) & (cut >= MIN_CUT), np.minimum(cut, 0.9), 0.0)
    return cut


@dataclass
class DealEffects:
    """cut (series, t) of the deal weeks modelled, elasticity (series,), account e, deal weeks."""

    cut: np.ndarray
    elasticity: np.ndarray
    account: float
    weeks: int

    def factor(self, cut: np.ndarray | None = None) -> np.ndarray:
        """(1 - c) ** -e per (series, week) for ``cut`` (default: the history's)."""
        c = self.cut if cut is None else cut
        return (1.0 - c) ** (-self.elasticity[:, None])


def _baseline(Y: np.ndarray, quiet: np.ndarray) -> np.ndarray:
    """Mean of the quiet weeks within +-WINDOW of each week (NaN where none)."""
    n, t = Y.shape
    Q = np.where(quiet, Y, np.nan)
    total, count = np.zeros((n, t)), np.zeros((n, t))
    for d in range(-WINDOW, WINDOW + 1):
        if d == 0:
            continue
        shifted = np.full((n, t), np.nan)
        if d > 0:
            shifted[:, :-d] = Q[:, d:]
        else:
            shifted[:, -d:] = Q[:, :d]
        seen = ~np.isnan(shifted)
        total += np.where(seen, shifted, 0.0)
        count += seen
    with np.errstate(all="ignore"):
        return np.where(count > 0, total / np.maximum(count, 1), np.nan)


def estimate(Y: np.ndarray, cut: np.ndarray, busy: np.ndarray) -> DealEffects:
    """Deal effects from history Y (series, t), detected cuts and the calendar's busy weeks (t,)."""
    n, t = Y.shape
    cut = np.where(busy[None, :t], 0.0, cut[:, :t])
    deal = (cut > 0) & ~np.isnan(Y)
    none = DealEffects(np.zeros((n, t)), np.zeros(n), 0.0, int(deal.sum()))
    if deal.sum() < MIN_WEEKS:
        return none
    quiet = ~deal & ~busy[None, :t] & ~np.isnan(Y)
    b = _baseline(Y, quiet)
    ok = deal & ~np.isnan(b) & (b > 0)
    if ok.sum() < MIN_WEEKS:
        return none
    x = np.where(ok, -np.log(1.0 - cut), 0.0)
    with np.errstate(all="ignore"):
        lift = np.where(ok, np.log((Y + 0.5) / (b + 0.5)), 0.0)
    account = float(np.clip((lift * x).sum() / (x * x).sum(), 0.0, MAX_ELASTICITY))
    sxx = (x * x).sum(axis=1)
    with np.errstate(all="ignore"):
        own = np.where(sxx > 0, (lift * x).sum(axis=1) / sxx, account)
    k = ok.sum(axis=1)
    w = k / (k + SHRINK_WEEKS)
    e = np.clip(w * own + (1 - w) * account, 0.0, MAX_ELASTICITY)
    return DealEffects(np.where(ok, cut, 0.0), e, account, int(ok.sum()))


def deflate(Y: np.ndarray, effects: DealEffects, raw: np.ndarray | None = None) -> np.ndarray:
    """History without the deal lifts; deal weeks use ``raw`` (not spike-capped) when given."""
    if not effects.weeks or not np.any(effects.cut):
        return Y
    hit = effects.cut > 0
    src = np.where(hit, raw, Y) if raw is not None else Y
    return np.where(hit, src / effects.factor(), Y)
