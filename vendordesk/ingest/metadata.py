"""The ``Key=[Value]`` settings rows above a Vendor Central export header, and its dates.

Keys are normalised to English snake_case (``distributor_view``, ``viewing_range`` ...), whether
they came one per cell, all in one cell, semicolon-joined, in French or German.
"""

from __future__ import annotations

import datetime as dt
import re

from vendordesk.core.parsed import FORECAST_AHEAD_DAYS, date_bounds
from vendordesk.ingest.numbers import clean
from vendordesk.text import N_, Day, Message

_PAIR = re.compile(r"([^=\[\];,]+?)\s*=\s*\[([^\]]*)\]")
KEY_ALIASES = {
    "programme": "program", "program": "program", "programm": "program", "programme.": "program",
    "distributor view": "distributor_view", "aperçu du distributeur": "distributor_view",
    "vertriebsansicht": "distributor_view", "händleransicht": "distributor_view",
    "view by": "view_by", "afficher par": "view_by", "anzeigen nach": "view_by",
    "countries": "countries", "country": "countries", "pays": "countries", "länder": "countries",
    "businesses": "businesses", "entreprises": "businesses", "unternehmen": "businesses",
    "locale": "locale", "local": "locale", "gebietsschema": "locale", "sprache": "locale",
    "currency": "currency", "devise": "currency", "währung": "currency",
    "reporting range": "reporting_range", "intervalle des rapports": "reporting_range",
    "berichtszeitraum": "reporting_range",
    "viewing range": "viewing_range", "champ de vision": "viewing_range",
    "anzeigezeitraum": "viewing_range", "zeitraum": "viewing_range",
    "report updated": "report_updated", "rapport mis à jour": "report_updated",
    "bericht aktualisiert": "report_updated",
    "forecasting statistic": "statistic", "forecast statistic": "statistic", "statistic": "statistic",
}


def normalise_key(key: str) -> str:
    key = key.replace("\ufeff", "").strip().strip(";,.\"' ").lower()
    key = re.sub(r"\s+", " ", key)
    return KEY_ALIASES.get(key, key.replace(" ", "_"))


def parse_metadata(cells: list[str]) -> dict[str, str]:
    """All ``Key=[Value]`` pairs of some cells (one row or several), keys normalised."""
    text = ",".join(str(c) for c in cells if c is not None)
    return {normalise_key(k): v.strip() for k, v in _PAIR.findall(text.replace("\ufeff", ""))
            if normalise_key(k)}


def day_first(locale: str | None) -> bool | None:
    """Whether dates in this locale put the day first; None when the locale is unknown."""
    if not locale:
        return None
    code = locale.replace("-", "_").lower()
    return code not in {"en_us", "es_us", "en_ph", "en_ca"}


_DATE = re.compile(r"^(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})$")


def _year(text: str) -> int:
    """A two-digit year is 20yy, unless that lies after this year: then it is refused, never the future."""
    year = int(text)
    if len(text) <= 2:
        year += 2000
        if year > dt.date.today().year:
            raise ValueError(Message(N_("the two-digit year '{text}' would be {year}, a future year; export the "
                                        "dates with four-digit years"), text=text, year=year))
    return year


def _plausible(day: dt.date, text: str) -> dt.date:
    """Report dates lie in 2000-01-01 .. today + 2 years (forecast weeks included)."""
    earliest, latest = date_bounds(FORECAST_AHEAD_DAYS)
    if not earliest <= day <= latest:
        raise ValueError(Message(N_("{value} is outside the plausible report dates {earliest}..{latest}"),
                                 value=repr(text), earliest=Day(earliest), latest=Day(latest)))
    return day


def parse_date(text: str, locale: str | None) -> dt.date:
    """One date of a Viewing Range. Raises ValueError when invalid or ambiguous without locale."""
    text = clean(str(text))
    match = _DATE.match(text)
    if not match:
        raise ValueError(Message(N_("{value} is not a date"), value=repr(text)))
    a, b, c = match.groups()
    if len(a) == 4:
        return _plausible(_calendar_day(int(a), int(b), int(c), text), text)
    first = day_first(locale)
    if first is None:
        if int(a) > 12:
            first = True
        elif int(b) > 12:
            first = False
        elif a == b:
            first = True
        else:
            raise ValueError(Message(N_("{value} could be day/month or month/day and the file names no Locale"),
                                     value=repr(text)))
    day, month = (a, b) if first else (b, a)
    return _plausible(_calendar_day(_year(c), int(month), int(day), text), text)


def _calendar_day(year: int, month: int, day: int, text: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:      # "day is out of range for month": say it in the reader's words
        raise ValueError(Message(N_("{value} is no day of the calendar"), value=repr(text))) from None


_RANGE_SPLIT = re.compile(r"\s+(?:-|–|—|to|bis|au|à)\s+|\s*[–—]\s*")


def parse_range(text: str, locale: str | None) -> tuple[dt.date, dt.date]:
    """``01/07/26 - 31/07/26`` -> (start, end). Raises ValueError with the reason."""
    parts = [p for p in _RANGE_SPLIT.split(text.strip()) if p.strip()]
    if len(parts) != 2:
        raise ValueError(Message(N_("{value} is not a range 'start - end'"), value=repr(text)))
    start, end = (parse_date(p, locale) for p in parts)
    if end < start:
        raise ValueError(Message(N_("the range {value} ends before it starts"), value=repr(text)))
    if (end - start).days > 3 * 366:
        raise ValueError(Message(N_("the range {value} spans more than three years"), value=repr(text)))
    return start, end


def grain_of(start: dt.date, end: dt.date) -> str:
    """The period kind a date range is: day, week (Sun..Sat), month, quarter, year or custom."""
    days = (end - start).days + 1
    if days == 1:
        return "day"
    if days == 7 and start.weekday() == 6:
        return "week"
    next_day = end + dt.timedelta(days=1)
    if start.day == 1 and next_day.day == 1:
        months = (next_day.year - start.year) * 12 + next_day.month - start.month
        if months == 1:
            return "month"
        if months == 3 and start.month in (1, 4, 7, 10):
            return "quarter"
        if months == 12 and start.month == 1:
            return "year"
    return "custom"
