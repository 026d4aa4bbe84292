"""The to-do list as an iCalendar file (RFC 5545): one all-day VEVENT per item, UID stable per item,
CRLF line ends, lines folded at 75 octets, TEXT values escaped. Stdlib only."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from vendordesk.core.agenda import Item
from vendordesk.text import N_, formatter, texts

SUMMARIES = {
    "follow_up": N_("Follow up case {detail}: {title}"),
    "task": N_("Task due: {title}"),
    "dispute_due": N_("Last day to dispute: {title} {detail}"),
    "dispute_opens": N_("Shortage dispute window opens: {title} {detail}"),
    "price_effective": N_("Price change effective: {title}"),
    "final_order": N_("Last orders at the old price: {title}"),
}


OVERDUE = ("follow_up", "task")       # still to do once their day has passed (core.agenda.items keeps them)


def summary(item: Item, lang: str, today: dt.date | None = None) -> str:
    """The event's title; an overdue follow-up or task (``today`` given) starts "Overdue since …: "."""
    _ = texts(lang)
    text = _(SUMMARIES[item.kind], title=item.title, detail=item.detail).strip()
    if item.amount is not None:
        text += f" ({formatter(lang).money(item.amount, item.currency or 'EUR')})"
    if is_overdue(item, today):
        text = _("Overdue since {date}: {summary}", date=formatter(lang).date(item.day), summary=text)
    return " ".join(text.split())


def is_overdue(item: Item, today: dt.date | None) -> bool:
    return today is not None and item.kind in OVERDUE and item.day < today


def escape(text: str) -> str:
    """RFC 5545 §3.3.11 TEXT: backslash, semicolon, comma and newlines escaped."""
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def fold(line: str) -> str:
    """RFC 5545 §3.1: lines longer than 75 octets continue on the next line after CRLF + space
    (never splitting a UTF-8 character)."""
    out, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > 75:
            out.append(current)
            current, size = " ", 1
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out)


def to_ics(found: list[Item], lang: str, stamp: dt.datetime, today: dt.date | None = None) -> str:
    """The calendar text. ``stamp`` (UTC) becomes every DTSTAMP, so a test can fix it. Follow-ups and
    tasks overdue on ``today`` go on ``today`` (a calendar shows no past day's reminder), saying since when."""
    _ = texts(lang)
    stamp_text = stamp.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//VendorDesk//To-do list//EN", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH"]
    for item in found:
        late = is_overdue(item, today)
        day = today if late and today is not None else item.day
        lines += ["BEGIN:VEVENT", f"UID:{item.uid}", f"DTSTAMP:{stamp_text}",
                  f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
                  f"DTEND;VALUE=DATE:{day + dt.timedelta(days=1):%Y%m%d}",
                  f"SUMMARY:{escape(summary(item, lang, today))}"]
        if late:
            lines.append("DESCRIPTION:" + escape(_("Overdue since {date}; still to do.",
                                                   date=formatter(lang).date(item.day))))
        lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def write_ics(path: Path | str, found: list[Item], lang: str, stamp: dt.datetime | None = None,
              today: dt.date | None = None) -> None:
    text = to_ics(found, lang, stamp or dt.datetime.now(dt.UTC), today)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)
