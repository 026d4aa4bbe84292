"""Events as their own multiplicative effects, measured from the account's history.

A week-of-year index puts a moving event (Prime Day, Black Friday, Easter) in the wrong week
the next year. So the forecast (1) measures each event kind's uplift in the weeks it touched,
(2) divides it out of the history, (3) fits the seasonal models on the event-free series and
(4) multiplies the uplift back in the weeks the calendar says the event falls next time.

Uplift of one occurrence = demand / baseline, baseline = mean of the observed, event-free
weeks within +-3 weeks. Account effect of a kind = geometric mean over its occurrences of
sum(demand) / sum(baseline) over all ASINs. Per ASIN the mean log uplift is shrunk towards
the account's: weight = n x b / (n x b + SHRINK_UNITS), n occurrences, b the ASIN's baseline
units (an ASIN selling 30 a week with one occurrence gets half its own, half the account's).
A kind whose account effect is within +-MIN_EFFECT of 1 is not modelled (effect 1).
A deal the KAM enters (an event with price_cut) lifts by (1 - cut) ** -elasticity.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from vendordesk.core.forecast.calendar import Event, week_matrix

MODELLED = ("black_friday", "cyber_monday", "prime_day", "prime_big_deal_days", "easter", "mothers_day")
SHRINK_UNITS = 30.0
MIN_EFFECT = 0.05
WINDOW = 3
MAX_EFFECT = 6.0


@dataclass
class EventEffects:
    """kinds; effect (series, kinds) per ASIN; account (kinds,); occurrences (kinds,) in history."""

    kinds: list[str]
    effect: np.ndarray
    account: np.ndarray
    occurrences: np.ndarray

    def factor(self, M: np.ndarray) -> np.ndarray:
        """Multiplier per (series, week) for the 0/1 matrix M (kinds, weeks)."""
        out = np.ones((self.effect.shape[0], M.shape[1]))
        cols = M.any(axis=0) if self.kinds else np.zeros(M.shape[1], bool)
        if cols.any():
            out[:, cols] = np.exp(np.log(self.effect) @ M[:, cols])
        return out


def calendar_matrix(events: list[Event] | None, weeks: list[str]) -> tuple[list[str], np.ndarray]:
    """The modelled kinds (built-in ones plus each user event without a deal) over ``weeks``."""
    if not events:
        return [], np.zeros((0, len(weeks)))
    user = sorted({f"user:{e.name}" for e in events if e.kind == "user" and e.price_cut is None and not e.asin})
    kinds = [k for k in MODELLED if any(e.kind == k for e in events)] + user
    if not kinds:     # week_matrix would take every kind of ``events`` (coupons, deals) for none
        return [], np.zeros((0, len(weeks)))
    keys, m = week_matrix(events, weeks, tuple(kinds))
    return keys, np.asarray(m, dtype=float)


def baseline(Y: np.ndarray, busy: np.ndarray, cols: np.ndarray | None = None, window: int = WINDOW) -> np.ndarray:
    """Mean of observed, event-free weeks within +-window of each week in ``cols`` (default
    all), shape (series, len(cols)); NaN where there is none."""
    n, t = Y.shape
    cols = np.arange(t) if cols is None else np.asarray(cols)
    total, count = np.zeros((n, len(cols))), np.zeros((n, len(cols)))
    for d in range(-window, window + 1):
        if d == 0:
            continue
        src = cols + d
        ok = (src >= 0) & (src < t)
        s = src[ok]
        vals = np.full((n, len(cols)), np.nan)
        vals[:, ok] = np.where(busy[s][None, :], np.nan, Y[:, s])
        seen = ~np.isnan(vals)
        total += np.where(seen, vals, 0.0)
        count += seen
    with np.errstate(all="ignore"):
        return np.where(count > 0, total / np.maximum(count, 1), np.nan)


def estimate(Y: np.ndarray, kinds: list[str], M: np.ndarray) -> EventEffects:
    """Effects of ``kinds`` from history Y (series, t) and its event matrix M (kinds, t)."""
    n, t = Y.shape
    k = len(kinds)
    effect, account, occ = np.ones((n, k)), np.ones(k), np.zeros(k)
    if not k or not t:
        return EventEffects(kinds, effect, account, occ)
    busy = np.asarray(M.any(axis=0))
    alone = M.sum(axis=0) == 1
    for j in range(k):
        cols = np.nonzero((M[j] > 0) & alone)[0]
        if not cols.size:
            continue
        y, b = Y[:, cols], baseline(Y, busy, cols)
        ok = ~np.isnan(y) & ~np.isnan(b) & (b > 0)
        sums_y, sums_b = np.where(ok, y, 0).sum(axis=0), np.where(ok, b, 0).sum(axis=0)
        good = sums_b > 0
        if not good.any():
            continue
        occ[j] = good.sum()
        acct = float(np.mean(np.log(np.clip(sums_y[good] / sums_b[good], 1 / MAX_EFFECT, MAX_EFFECT))))
        if abs(np.exp(acct) - 1) < MIN_EFFECT:
            continue
        account[j] = np.exp(acct)
        with np.errstate(all="ignore"):
            r = np.where(ok, np.log((y + 0.5) / (b + 0.5)), 0.0)
            cnt = ok.sum(axis=1)
            own = np.where(cnt > 0, r.sum(axis=1) / np.maximum(cnt, 1), acct)
            size = np.where(ok, b, 0).sum(axis=1)          # n x mean baseline
        w = size / (size + SHRINK_UNITS)
        effect[:, j] = np.exp(np.clip(w * own + (1 - w) * acct, -np.log(MAX_EFFECT), np.log(MAX_EFFECT)))
    return EventEffects(kinds, effect, account, occ)


def deflate(Y: np.ndarray, effects: EventEffects, M: np.ndarray, raw: np.ndarray | None = None) -> np.ndarray:
    """History without event uplifts; event weeks use ``raw`` (not spike-capped) when given."""
    if not effects.kinds:
        return Y
    busy = np.asarray(M.any(axis=0))
    src = np.where(busy[None, :], raw, Y) if raw is not None else Y
    out: np.ndarray = src / effects.factor(M)
    return out


def deal_factor(events: list[Event] | None, asins: list[str], weeks: list[str], elasticity: float) -> np.ndarray:
    """Lift (series, weeks) of the KAM's deals: (1 - price_cut) ** -elasticity in their weeks."""
    out = np.ones((len(asins), len(weeks)))
    deals = [e for e in (events or []) if e.price_cut]
    row = {a: i for i, a in enumerate(asins)}
    for e in deals:
        _, wm = week_matrix([e], weeks, (f"user:{e.name}" if e.kind == "user" else e.kind,))
        m = np.asarray(wm)
        lift = (1.0 - float(e.price_cut or 0.0)) ** (-abs(elasticity))
        rows = [row[e.asin]] if e.asin in row else ([] if e.asin else list(range(len(asins))))
        for i in rows:
            out[i] *= np.where(m[0] > 0, lift, 1.0)
    return out
