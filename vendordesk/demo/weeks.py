"""Amazon retail weeks (Sunday..Saturday) and the demo's seasonal calendar."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

DEFAULT_END = date(2026, 11, 21)   # a Saturday: the last complete retail week of the demo


def last_saturday(day: date) -> date:
    """The Saturday on or before ``day`` (Monday=0 .. Saturday=5, Sunday=6)."""
    return day - timedelta(days=(day.weekday() - 5) % 7)


def week_starts(end: date, count: int, before: int = 0, after: int = 0) -> list[date]:
    """Sundays of ``before`` warm-up weeks, ``count`` report weeks and ``after`` future weeks."""
    first = end - timedelta(days=6 + 7 * (count - 1 + before))
    return [first + timedelta(days=7 * k) for k in range(before + count + after)]


def black_friday(year: int) -> date:
    """The day after the fourth Thursday of November (vendordesk.core.forecast.calendar). Until 2026-12-03
    this was the fourth Friday, a week early when November starts on a Friday (2024: 22 Nov
    instead of 29 Nov), which put the demo's Black Friday 2024 in the wrong week."""
    from vendordesk.core.forecast.calendar import black_friday as rule

    return rule(year)


def prime_day_week(start: date) -> bool:
    """Whether the week from ``start`` holds Prime Day: the calendar's announced dates
    (vendordesk.core.forecast.calendar.PRIME_DAYS) where known, else the week whose Tuesday
    falls on 7..13 July. Until 2026-12-07 always the latter, which put the demo's Prime Day 2024
    in the week of 7 July while it was 16-17 July: the forecast measured no uplift in the
    calendar's week, and on 156-week demos its Prime Day 2026 P50 was 4-18 % short."""
    from vendordesk.core.forecast.calendar import PRIME_DAYS

    end = start + timedelta(days=6)
    if start.year in PRIME_DAYS or end.year in PRIME_DAYS:
        spans = [PRIME_DAYS[y] for y in {start.year, end.year} if y in PRIME_DAYS]
        return any(date.fromisoformat(a) <= end and date.fromisoformat(b) >= start for a, b in spans)
    return start.month == 7 and 7 <= (start + timedelta(days=2)).day <= 13


def _bump(doy: np.ndarray, centre: float, width: float) -> np.ndarray:
    return np.exp(-0.5 * ((doy - centre) / width) ** 2)


def season_parts(starts: list[date]) -> dict[str, np.ndarray]:
    """Calendar components per week: Q4 ramp, summer, January dip, event weeks (0/1)."""
    doy = np.array([(s + timedelta(days=3)).timetuple().tm_yday for s in starts], dtype=float)
    q4 = _bump(doy, 345, 28) * (doy < 358) + _bump(doy, 320, 20) * 0.3
    summer = _bump(doy, 205, 30)
    january = _bump(doy, 12, 14)
    bf = np.array([s <= black_friday(s.year) <= s + timedelta(days=6) for s in starts], float)
    cyber = np.array([s <= black_friday(s.year) + timedelta(days=3) <= s + timedelta(days=6)
                      and not b for s, b in zip(starts, bf)], float)
    prime = np.array([prime_day_week(s) for s in starts], float)
    return {"q4": q4, "summer": summer, "january": january, "bf": bf, "cyber": cyber, "prime": prime}


def seasonality(parts: dict[str, np.ndarray], q4_amp: np.ndarray, summer: np.ndarray) -> np.ndarray:
    """Demand index (weeks x ASINs) around 1.0, before event uplifts."""
    base = (1.0 + parts["q4"][:, None] * q4_amp[None, :]
            + parts["summer"][:, None] * (summer[None, :] - 1.0)
            - 0.15 * parts["january"][:, None])
    return np.maximum(base, 0.3)


def event_uplift(parts: dict[str, np.ndarray]) -> np.ndarray:
    """Traffic uplift of Black Friday, Cyber Monday and Prime Day weeks (weeks,)."""
    return 1.0 + 0.9 * parts["bf"] + 0.35 * parts["cyber"] + 0.6 * parts["prime"]
