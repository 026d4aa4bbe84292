"""The event calendar: retail events that move from year to year, as dated rows.

An event is (kind, name, start, end): ``kind`` groups occurrences whose effect is measured
together (every "black_friday" week shares one uplift), start/end are ISO dates (inclusive).
Movable dates are computed here (Qt- and SQL-free); Prime Day dates are announced by Amazon
each year, so they come from ``PRIME_DAYS`` (amazon.de, as announced) and the KAM adds or
corrects them in the workspace (``vendordesk events add``).

Weeks are Amazon retail weeks (Sunday..Saturday, week_start = the Sunday). An event touches
every week it overlaps; a 53-week ISO year (e.g. 2026) needs no special case because events
are mapped by date, never by week-of-year number.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# Prime Day (amazon.de). 2023-2025 as announced; 2026 as the demo assumes it (the week of
# 7 July): verify against Amazon's announcement and correct with `vendordesk events add`.
PRIME_DAYS = {
    2023: ("2023-07-11", "2023-07-12"),
    2024: ("2024-07-16", "2024-07-17"),
    2025: ("2025-07-08", "2025-07-11"),
    2026: ("2026-07-07", "2026-07-10"),
}
# Prime Big Deal Days (October, amazon.de) as announced.
PRIME_BIG_DEAL_DAYS = {
    2023: ("2023-10-10", "2023-10-11"),
    2024: ("2024-10-08", "2024-10-09"),
    2025: ("2025-10-07", "2025-10-08"),
}
KINDS = ("prime_day", "prime_big_deal_days", "black_friday", "cyber_monday", "christmas", "easter",
         "mothers_day", "user")


@dataclass(frozen=True)
class Event:
    kind: str
    name: str
    start: str
    end: str
    source: str = "builtin"      # builtin | stored
    asin: str | None = None      # None = the whole account
    price_cut: float | None = None   # a deal: share off the price
    id: int | None = None        # the stored row's id

    def days(self) -> tuple[dt.date, dt.date]:
        return dt.date.fromisoformat(self.start), dt.date.fromisoformat(self.end)


def easter(year: int) -> dt.date:
    """Easter Sunday (Gregorian computus, anonymous algorithm of Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def black_friday(year: int) -> dt.date:
    """The day after the fourth Thursday of November."""
    nov1 = dt.date(year, 11, 1)
    first_thursday = nov1 + dt.timedelta(days=(3 - nov1.weekday()) % 7)
    return first_thursday + dt.timedelta(days=22)


def mothers_day(year: int) -> dt.date:
    """Germany: the second Sunday of May."""
    may1 = dt.date(year, 5, 1)
    return may1 + dt.timedelta(days=(6 - may1.weekday()) % 7 + 7)


def builtin_events(first_year: int, last_year: int) -> list[Event]:
    """The computed and announced events of ``first_year`` .. ``last_year``."""
    out: list[Event] = []
    for y in range(first_year, last_year + 1):
        if y in PRIME_DAYS:
            out.append(Event("prime_day", f"Prime Day {y}", *PRIME_DAYS[y]))
        if y in PRIME_BIG_DEAL_DAYS:
            out.append(Event("prime_big_deal_days", f"Prime Big Deal Days {y}", *PRIME_BIG_DEAL_DAYS[y]))
        bf = black_friday(y)
        out.append(Event("black_friday", f"Black Friday {y}", bf.isoformat(), bf.isoformat()))
        cm = bf + dt.timedelta(days=3)
        out.append(Event("cyber_monday", f"Cyber Monday {y}", cm.isoformat(), cm.isoformat()))
        out.append(Event("christmas", f"Christmas {y}", f"{y}-12-18", f"{y}-12-24"))
        e = easter(y)
        out.append(Event("easter", f"Easter {y}", (e - dt.timedelta(days=7)).isoformat(),
                         (e - dt.timedelta(days=1)).isoformat()))
        md = mothers_day(y)
        out.append(Event("mothers_day", f"Mother's Day {y}", (md - dt.timedelta(days=7)).isoformat(),
                         (md - dt.timedelta(days=1)).isoformat()))
    return out


def merge(builtin: list[Event], stored: list[Event]) -> list[Event]:
    """Stored rows replace the built-in row of the same kind and year (the KAM's correction)."""
    replaced = {(e.kind, e.start[:4]) for e in stored if e.kind != "user"}
    kept = [e for e in builtin if (e.kind, e.start[:4]) not in replaced]
    return sorted(kept + stored, key=lambda e: (e.start, e.kind, e.name))


def week_matrix(events: list[Event], weeks: list[str], kinds: tuple[str, ...] | None = None
                ) -> tuple[list[str], object]:
    """(kinds, 0/1 array (kinds, weeks)): which retail weeks (Sunday starts) each kind touches.

    A "user" event gets its own kind ``user:<name>`` so a TV campaign is not mixed with a deal.
    """
    import numpy as np

    keys = kinds or tuple(sorted({_key(e) for e in events}))
    out = np.zeros((len(keys), len(weeks)))
    if not weeks:
        return list(keys), out
    row = {k: i for i, k in enumerate(keys)}
    first = dt.date.fromisoformat(weeks[0])
    for e in events:
        if _key(e) not in row:
            continue
        start, end = e.days()
        a, b = (start - first).days // 7, (end - first).days // 7
        for j in range(max(a, 0), min(b, len(weeks) - 1) + 1):
            out[row[_key(e)], j] = 1.0
    return list(keys), out


def _key(e: Event) -> str:
    return f"user:{e.name}" if e.kind == "user" else e.kind


def week_labels(events: list[Event], weeks: list[str]) -> list[str]:
    """Per week the names of the events it touches, joined by '; ' ('' for none)."""
    labels: list[list[str]] = [[] for _ in weeks]
    if weeks:
        first = dt.date.fromisoformat(weeks[0])
        for e in events:
            start, end = e.days()
            for j in range(max((start - first).days // 7, 0), min((end - first).days // 7, len(weeks) - 1) + 1):
                labels[j].append(e.name)
    return ["; ".join(x) for x in labels]
