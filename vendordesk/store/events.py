"""Persist the KAM's event calendar (table ``events``, migration 0005)."""

from __future__ import annotations

import datetime as dt

from vendordesk.core.forecast.calendar import Event, builtin_events, merge
from vendordesk.store.db import Workspace


def stored_events(ws: Workspace) -> list[Event]:
    rows = ws.conn.execute("SELECT id, kind, name, start_date, end_date, asin, price_cut FROM events "
                           "ORDER BY start_date, id").fetchall()
    return [Event(k, n, s, e, "stored", a, c, i) for i, k, n, s, e, a, c in rows]


def coupon_events(ws: Workspace) -> list[Event]:
    """One event of kind "coupon" per coupon and ASIN from the imported coupon documents (extra
    facts coupon.<id>.<field>, ingest.spapi_more.coupons): its period, the coupon's label (or
    id) as name, source "coupon". Coupons without an ASIN are left out (no ASIN to lift)."""
    rows = ws.conn.execute(
        "SELECT asin, period_start, period_end, metric, MAX(raw) FROM extra_facts "
        "WHERE metric LIKE 'coupon.%' AND asin <> '' GROUP BY asin, period_start, period_end, metric "
        "ORDER BY period_start, asin, metric").fetchall()
    seen: dict[tuple[str, str, str, str], str] = {}
    for asin, start, end, metric, raw in rows:
        coupon = metric.split(".")[1] if metric.count(".") >= 2 else metric
        key = (str(asin), str(start), str(end), coupon)
        if key not in seen or (raw and not seen[key]):
            seen[key] = str(raw or "")
    return [Event("coupon", f"Coupon {label or coupon}", start, end, "coupon", asin)
            for (asin, start, end, coupon), label in seen.items()]


def calendar(ws: Workspace, first_year: int, last_year: int) -> list[Event]:
    """Built-in events of the years, corrected and extended by the stored ones, plus the
    coupons of the imported coupon documents (per ASIN; the forecast measures their lift)."""
    stored = [e for e in stored_events(ws) if first_year <= int(e.end[:4]) and int(e.start[:4]) <= last_year]
    coupons = [e for e in coupon_events(ws) if first_year <= int(e.end[:4]) and int(e.start[:4]) <= last_year]
    return merge(builtin_events(first_year, last_year), stored) + coupons


def add_event(ws: Workspace, event: Event, now: str | None = None) -> int:
    stamp = now or dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with ws.transaction() as conn:
        cur = conn.execute("INSERT INTO events(kind, name, start_date, end_date, asin, price_cut, created_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?)",
                           (event.kind, event.name, event.start, event.end, event.asin, event.price_cut, stamp))
        return int(cur.lastrowid or 0)


def remove_event(ws: Workspace, event_id: int) -> bool:
    with ws.transaction() as conn:
        return conn.execute("DELETE FROM events WHERE id = ?", (event_id,)).rowcount > 0
