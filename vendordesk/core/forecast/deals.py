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

from dataclasses import dataclass, field

import numpy as np

MIN_CUT = 0.10
REF_WEEKS = 6
SHRINK_WEEKS = 4.0
MIN_WEEKS = 3
MAX_ELASTICITY = 6.0
WINDOW = 3


DETECT_BLOCK = 500   # series per block of detect's (series, weeks, 2 x REF_WEEKS) windows


def detect(asp: np.ndarray | None, shape: tuple[int, int], block: int | None = None) -> np.ndarray:
    """Cut per (series, week): 1 - ASP / reference where that is >= MIN_CUT, else 0.
    Worked out ``block`` series at a time (DETECT_BLOCK): every series' cut reads its own row
    only, and the windows and their sorted copy of all series at once were 2 x 75 MB at 5,000
    ASINs x 156 weeks."""
    if asp is None:
        return np.zeros(shape)
    block = block or DETECT_BLOCK
    if len(asp) <= block:
        return _detect(asp)
    return np.concatenate([_detect(asp[lo:lo + block]) for lo in range(0, len(asp), block)])


def _detect(asp: np.ndarray) -> np.ndarray:
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
    _history: np.ndarray | None = field(default=None, repr=False, compare=False)   # factor() of ``cut``

    def factor(self, cut: np.ndarray | None = None) -> np.ndarray:
        """(1 - c) ** -e per (series, week) for ``cut`` (default: the history's, worked out once)."""
        if cut is None and self._history is not None:
            return self._history
        c = self.cut if cut is None else cut
        out: np.ndarray = (1.0 - c) ** (-self.elasticity[:, None])
        if cut is None:
            self._history = out
        return out

    def upto(self, t: int) -> DealEffects:
        """The history's first ``t`` weeks; their factor is a slice of this one's (it is worked
        out cell by cell, so the same bits), not a power per origin again."""
        return DealEffects(self.cut[:, :t], self.elasticity, self.account, self.weeks, self.factor()[:, :t])


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


# --- coupons ----------------------------------------------------------------------------
# A coupon (SP-API coupon documents, imported as extra facts coupon.<id>.<field> per ASIN and
# coupon period) does not lower the ASP Amazon reports: the shopper clips it at checkout. So
# its weeks are not found by ``detect``; the documents name them. Their lift is measured like
# an event's, per ASIN: the coupon weeks' demand over the baseline of the quiet weeks within
# +-WINDOW (no coupon, no deal, no calendar event). The account's lift L = sum demand / sum
# baseline over all coupon weeks; an ASIN's own mean log lift is shrunk towards log L with
# weight b / (b + COUPON_SHRINK_UNITS), b the baseline units of its coupon weeks (as events).
# Fewer than MIN_WEEKS coupon weeks in the account: nothing is modelled (lift 1). The history is
# divided by the lift in coupon weeks; coming coupon weeks (a document with a future period)
# are multiplied by it.

COUPON_SHRINK_UNITS = 30.0
MAX_COUPON_LIFT = 4.0


@dataclass
class CouponEffects:
    """mask (series, weeks) 1 in coupon weeks (history and horizon), lift (series,), account
    lift, coupon weeks measured."""

    mask: np.ndarray
    lift: np.ndarray
    account: float
    weeks: int

    def factor(self, lo: int, hi: int) -> np.ndarray:
        """Multiplier per (series, week) for the weeks lo..hi-1 of ``mask``."""
        part = self.mask[:, lo:hi]
        out = np.ones((self.mask.shape[0], hi - lo))
        out[:, :part.shape[1]] = np.where(part > 0, self.lift[:, None], 1.0)
        return out


def coupon_matrix(coupons: list[tuple[str, str, str]], asins: list[str], weeks: list[str]) -> np.ndarray:
    """0/1 (series, weeks): the retail weeks (Sunday starts) each ASIN's coupons touch;
    ``coupons`` holds (asin, start, end) with ISO dates, both inclusive."""
    import datetime as dt

    out = np.zeros((len(asins), len(weeks)))
    if not weeks:
        return out
    row = {a: i for i, a in enumerate(asins)}
    first = dt.date.fromisoformat(weeks[0])
    for asin, start, end in coupons:
        if asin not in row:
            continue
        a = (dt.date.fromisoformat(start) - first).days // 7
        b = (dt.date.fromisoformat(end) - first).days // 7
        if b >= 0 and a < len(weeks):
            out[row[asin], max(a, 0):min(b, len(weeks) - 1) + 1] = 1.0
    return out


def estimate_coupons(Y: np.ndarray, mask: np.ndarray, busy: np.ndarray, cut: np.ndarray | None = None
                     ) -> CouponEffects:
    """Coupon lifts from history Y (series, t); ``mask`` may run past t (the horizon's coupons),
    ``busy`` (t,) the calendar's event weeks, ``cut`` (series, t) the detected deal cuts."""
    n, t = Y.shape
    hit_all = mask[:, :t] > 0
    deal = np.zeros((n, t), bool) if cut is None else cut[:, :t] > 0
    hit = hit_all & ~busy[None, :t] & ~deal & ~np.isnan(Y)
    none = CouponEffects(mask, np.ones(n), 1.0, 0)
    if hit.sum() < MIN_WEEKS:
        return none
    quiet = ~hit_all & ~deal & ~busy[None, :t] & ~np.isnan(Y)
    b = _baseline(Y, quiet)
    ok = hit & ~np.isnan(b) & (b > 0)
    if ok.sum() < MIN_WEEKS:
        return none
    sum_b = float(np.where(ok, b, 0.0).sum())
    account = float(np.clip(np.where(ok, Y, 0.0).sum() / sum_b, 1 / MAX_COUPON_LIFT, MAX_COUPON_LIFT))
    with np.errstate(all="ignore"):
        r = np.where(ok, np.log((Y + 0.5) / (b + 0.5)), 0.0)
        cnt = ok.sum(axis=1)
        own = np.where(cnt > 0, r.sum(axis=1) / np.maximum(cnt, 1), np.log(account))
    size = np.where(ok, b, 0.0).sum(axis=1)
    w = size / (size + COUPON_SHRINK_UNITS)
    lift = np.exp(np.clip(w * own + (1 - w) * np.log(account), -np.log(MAX_COUPON_LIFT), np.log(MAX_COUPON_LIFT)))
    return CouponEffects(mask, lift, account, int(ok.sum()))


def deflate_coupons(Y: np.ndarray, effects: CouponEffects) -> np.ndarray:
    """History without the coupon lifts."""
    if not effects.weeks:
        return Y
    out: np.ndarray = Y / effects.factor(0, Y.shape[1])
    return out
