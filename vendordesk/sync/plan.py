"""Which reports to request: validated before any call to Amazon (no Qt, no network).

Rules (docs/stack.md C.2): WEEK ranges run Sunday..Saturday, MONTH/QUARTER/YEAR ranges cover
whole calendar periods, a DAY range is at most 15 days (longer ones are split here), the
lookback is 1,460 days, and ``reportOptions`` is a dict of strings.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from vendordesk.errors import UserError
from vendordesk.text import N_, NP_, Day, Message

PERIODS = ("DAY", "WEEK", "MONTH", "QUARTER", "YEAR")
MAX_DAY_SPAN = 15
LOOKBACK_DAYS = 1460
# reportType -> (allowed reportOptions with their allowed values, needs a date range)
REPORT_TYPES: dict[str, tuple[dict[str, tuple[str, ...]], bool]] = {
    "GET_VENDOR_SALES_REPORT": ({"reportPeriod": PERIODS, "distributorView": ("MANUFACTURING", "SOURCING"),
                                 "sellingProgram": ("RETAIL", "BUSINESS", "FRESH")}, True),
    "GET_VENDOR_TRAFFIC_REPORT": ({"reportPeriod": PERIODS}, True),
    "GET_VENDOR_INVENTORY_REPORT": ({"reportPeriod": PERIODS, "distributorView": ("MANUFACTURING", "SOURCING"),
                                     "sellingProgram": ("RETAIL", "FRESH")}, True),
    "GET_VENDOR_NET_PURE_PRODUCT_MARGIN_REPORT": ({"reportPeriod": PERIODS}, True),
    "GET_VENDOR_FORECASTING_REPORT": ({"sellingProgram": ("RETAIL", "FRESH")}, False),
}


# How a message names each report (catalogue context "sync report")
REPORT_NAMES = {"GET_VENDOR_SALES_REPORT": NP_("sync report", "Sales"),
                "GET_VENDOR_TRAFFIC_REPORT": NP_("sync report", "Traffic"),
                "GET_VENDOR_INVENTORY_REPORT": NP_("sync report", "Inventory"),
                "GET_VENDOR_NET_PURE_PRODUCT_MARGIN_REPORT": NP_("sync report", "Net PPM"),
                "GET_VENDOR_FORECASTING_REPORT": NP_("sync report", "Amazon forecast")}


@dataclass(frozen=True)
class ReportRequest:
    """One createReport call."""

    report_type: str
    marketplace_id: str
    options: tuple[tuple[str, str], ...]
    start: dt.date | None = None
    end: dt.date | None = None

    @property
    def report_options(self) -> dict[str, str]:
        return dict(self.options)

    def key(self) -> str:
        """Identifies the request across runs (a retry finds its earlier report)."""
        return json.dumps({"type": self.report_type, "marketplace": self.marketplace_id,
                           "options": self.report_options, "start": _iso(self.start), "end": _iso(self.end)},
                          sort_keys=True)

    def label(self) -> str:
        name = self.report_type.removeprefix("GET_VENDOR_").removesuffix("_REPORT").replace("_", " ").title()
        return f"{name} {_iso(self.start)}..{_iso(self.end)}" if self.start else name

    def title(self) -> Message:
        """The report and its days as a message names them ("Sales 04.10.2026 to 31.10.2026"), in the
        reader's language; ``label`` stays the English key of logs and ``--json``."""
        name = Message.pgettext("sync report", REPORT_NAMES.get(self.report_type, self.report_type))
        if self.start is None or self.end is None:
            return name
        return Message(N_("{report} {start} to {end}"), report=name, start=Day(self.start), end=Day(self.end))

    def create_kwargs(self) -> dict:
        """Keyword arguments for ``Reports.create_report``."""
        kwargs: dict = {"reportType": self.report_type, "reportOptions": self.report_options,
                        "marketplaceIds": [self.marketplace_id]}
        if self.start is not None and self.end is not None:
            kwargs["dataStartTime"], kwargs["dataEndTime"] = self.start.isoformat(), self.end.isoformat()
        return kwargs


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def week_bounds(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """Widen a range to whole Amazon weeks: the Sunday on/before start, the Saturday on/after end."""
    sunday = start - dt.timedelta(days=(start.weekday() + 1) % 7)
    saturday = end + dt.timedelta(days=(5 - end.weekday()) % 7)
    return sunday, saturday


def last_full_weeks(count: int, today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The last ``count`` complete Sunday..Saturday weeks before ``today``."""
    today = today or dt.date.today()
    last_saturday = today - dt.timedelta(days=(today.weekday() - 5) % 7 or 7)
    return last_saturday - dt.timedelta(days=7 * count - 1), last_saturday


def proposed_period(data_end: dt.date | None, synced_end: dt.date | None, today: dt.date,
                    weeks: int = 4) -> tuple[dt.date, dt.date, str]:
    """The period a sync should ask for: (start, end, why).

    From the Sunday of the week after what the workspace already has (its newest fact, or the end of
    the last sync, whichever is later) to the last full week before ``today``; ``why`` is
    "after_data" or "after_sync". With nothing to fetch ("up_to_date": the data reaches the last
    full week, or beyond it, as a demo's may) or no data at all ("no_data"), the last ``weeks`` full
    weeks (Amazon restates recent weeks). A gap longer than Amazon keeps starts at the lookback
    ("lookback")."""
    first, last = last_full_weeks(weeks, today)
    known = max((d for d in (data_end, synced_end) if d is not None), default=None)
    if known is None:
        return first, last, "no_data"
    if known >= last:
        return first, last, "up_to_date"
    start, _ = week_bounds(known + dt.timedelta(days=1), last)
    oldest = today - dt.timedelta(days=LOOKBACK_DAYS)
    if start < oldest:
        return oldest + dt.timedelta(days=(6 - oldest.weekday()) % 7), last, "lookback"
    later_sync = synced_end is not None and (data_end is None or synced_end > data_end)
    return start, last, "after_sync" if later_sync else "after_data"


def _month_end(day: dt.date) -> dt.date:
    following = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return following - dt.timedelta(days=1)


def check_period(period: str, start: dt.date, end: dt.date, today: dt.date) -> None:
    """Raise UserError when the range does not fit Amazon's rules for ``period``."""
    if period not in PERIODS:
        raise UserError(N_("Sync: reportPeriod {period} is unknown. Choose one of {periods}."),
                        period=repr(period), periods=", ".join(PERIODS))
    if end < start:
        raise UserError(N_("Sync: the period ends ({end}) before it starts ({start}). Swap the dates."),
                        end=Day(end), start=Day(start))
    if end >= today:
        raise UserError(N_("Sync: the period ends on {end}, but Amazon only reports finished days (up to {last}). "
                           "Choose an earlier end date."), end=Day(end), last=Day(today - dt.timedelta(days=1)))
    if (today - start).days > LOOKBACK_DAYS:
        raise UserError(N_("Sync: {start} is more than {days} days ago; Amazon keeps no older data. Choose a later "
                           "start date."), start=Day(start), days=LOOKBACK_DAYS)
    sunday, saturday = week_bounds(start, end)
    rules = {
        "WEEK": (start == sunday and end == saturday,
                 Message(N_("WEEK ranges run Sunday to Saturday; use {sunday} to {saturday}"), sunday=Day(sunday),
                         saturday=Day(saturday))),
        "MONTH": (start.day == 1 and end == _month_end(end),
                  Message(N_("MONTH ranges start on the 1st and end on a month's last day"))),
        "QUARTER": (start.day == 1 and start.month in (1, 4, 7, 10) and end == _month_end(end)
                    and end.month in (3, 6, 9, 12), Message(N_("QUARTER ranges cover whole calendar quarters"))),
        "YEAR": ((start.month, start.day, end.month, end.day) == (1, 1, 12, 31),
                 Message(N_("YEAR ranges run 1 Jan to 31 Dec"))),
    }
    ok, rule = rules.get(period, (True, ""))
    if not ok:
        raise UserError(N_("Sync: {start} to {end} does not fit reportPeriod {period}: {rule}."), start=Day(start),
                        end=Day(end), period=period, rule=rule)


def check_options(report_type: str, options: object) -> dict[str, str]:
    """``reportOptions`` must be a dict of known names and values for this report type."""
    if report_type not in REPORT_TYPES:
        raise UserError(N_("Sync: report type {report} is not supported. Choose one of {reports}."),
                        report=repr(report_type), reports=", ".join(REPORT_TYPES))
    if not isinstance(options, dict):
        raise UserError(N_("Sync: reportOptions for {report} must be a dict such as {example}, not {kind}."),
                        report=report_type, example="{'reportPeriod': 'WEEK'}", kind=type(options).__name__)
    allowed = REPORT_TYPES[report_type][0]
    for name, value in options.items():
        if name not in allowed:
            raise UserError(N_("Sync: {report} has no option {option}; it knows {options}."), report=report_type,
                            option=repr(name), options=", ".join(allowed))
        if value not in allowed[name]:
            raise UserError(N_("Sync: {report} option {option}={value} is not allowed; use one of {values}."),
                            report=report_type, option=name, value=repr(value), values=", ".join(allowed[name]))
    return {name: str(value) for name, value in options.items()}


def split_days(start: dt.date, end: dt.date, span: int = MAX_DAY_SPAN) -> list[tuple[dt.date, dt.date]]:
    """Consecutive chunks of at most ``span`` days covering start..end."""
    chunks, cursor = [], start
    while cursor <= end:
        last = min(end, cursor + dt.timedelta(days=span - 1))
        chunks.append((cursor, last))
        cursor = last + dt.timedelta(days=1)
    return chunks


def plan_requests(report_types: list[str], period: str, start: dt.date, end: dt.date, marketplace_id: str,
                  distributor_view: str = "MANUFACTURING", selling_program: str = "RETAIL",
                  today: dt.date | None = None) -> list[ReportRequest]:
    """All createReport calls for the chosen reports and period, validated; DAY ranges split."""
    if not report_types:
        raise UserError(N_("Sync: no report type chosen. Tick at least one report."))
    if not marketplace_id:
        raise UserError(N_("Sync: no marketplace is set. Choose one in Settings › Account."))
    check_period(period, start, end, today or dt.date.today())
    ranges = split_days(start, end) if period == "DAY" else [(start, end)]
    requests = []
    for report_type in report_types:
        allowed, dated = REPORT_TYPES.get(report_type, ({}, True))
        wanted = {"reportPeriod": period, "distributorView": distributor_view, "sellingProgram": selling_program}
        options = check_options(report_type, {k: v for k, v in wanted.items() if k in allowed})
        items = tuple(sorted(options.items()))
        for chunk_start, chunk_end in (ranges if dated else [(None, None)]):
            requests.append(ReportRequest(report_type, marketplace_id, items, chunk_start, chunk_end))
    return requests
