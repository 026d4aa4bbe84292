"""Gear settings, manual KPIs and the non-fact inputs the gears need (sqlite3 only).

- ``gears`` table: the KAM's custom gear names and thresholds (no row = defaults).
- ``manual_kpis`` table: KPIs typed in by hand (ad spend, star rating, content score, ...).
- ``chargebacks`` table: summed per ASIN and Amazon week (Sunday start).
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Iterable
from typing import Any, TypedDict

import numpy as np
import pandas as pd

from vendordesk.errors import UserError
from vendordesk.store.db import Workspace
from vendordesk.store.facts_read import products_frame, weekly_frame
from vendordesk.store.facts_snapshot import cached_frame, fill_frame, invalidate_frame
from vendordesk.store.lean_query import read_frame, release_freed_memory
from vendordesk.text import N_, NP_, Day, Message


# --- gear names and thresholds -----------------------------------------------------------------
def gear_settings(ws: Workspace) -> dict[str, dict[str, Any]]:
    """``{gear_id: {"custom_name": str | None, "thresholds": {kpi_id: {...}}}}`` for stored rows
    (the thresholds as parsed from their JSON)."""
    settings: dict[str, dict[str, Any]] = {}
    for gear_id, custom, thresholds in ws.conn.execute("SELECT id, custom_name, thresholds_json FROM gears"):
        try:
            parsed = json.loads(thresholds or "{}")
        except json.JSONDecodeError:
            parsed = {}
        settings[gear_id] = {"custom_name": custom, "thresholds": parsed if isinstance(parsed, dict) else {}}
    return settings


def save_gear(ws: Workspace, gear_id: str, position: int, name_de: str, name_en: str,
              custom_name: str | None = None, thresholds: dict[str, Any] | None = None) -> None:
    """Store a gear's custom name (None/blank = default name) and thresholds (replaces them)."""
    for kpi_id, values in (thresholds or {}).items():
        for key in ("green", "red"):
            value = values.get(key) if isinstance(values, dict) else None
            if not isinstance(value, (int, float)) or isinstance(value, bool) or not math.isfinite(value):
                limit = Message(N_("green") if key == "green" else N_("red"))
                raise UserError(N_("{gear}, {kpi}: the {limit} threshold must be a number. Enter a number or "
                                   "reset the threshold to its default."), gear=_gear_name(gear_id),
                                kpi=_kpi_name(gear_id, kpi_id), limit=limit)
    custom = custom_name.strip() if custom_name and custom_name.strip() else None
    with ws.transaction() as conn:
        conn.execute(
            "INSERT INTO gears(id, position, name_de, name_en, custom_name, thresholds_json) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET custom_name = excluded.custom_name, "
            "thresholds_json = excluded.thresholds_json",
            (gear_id, position, name_de, name_en, custom, json.dumps(thresholds or {}, sort_keys=True)),
        )


def reset_gear(ws: Workspace, gear_id: str) -> None:
    """Back to the default name and thresholds."""
    with ws.transaction() as conn:
        conn.execute("DELETE FROM gears WHERE id = ?", (gear_id,))


# --- manual KPIs ---------------------------------------------------------------------------------
def manual_kpis_frame(ws: Workspace, keep: bool = True, only: Iterable[str] | None = None) -> pd.DataFrame:
    """Entries ordered by gear, KPI and date; ``week`` = the Sunday starting the entry's week.

    Integer helpers so the gears scan no strings: ``series`` (one code per gear and KPI),
    ``week_ord`` (whole weeks since Sunday 1970-01-04) and ``asin_code``. Cached (store.facts_snapshot;
    ``keep=False``: in the workspace only, not in this process; ``only``: just these columns)."""
    return cached_frame(ws, "manual_kpis", _manual_kpis_build, keep=keep, only=only)


def _manual_kpis_build(ws: Workspace) -> pd.DataFrame:
    frame = _manual_rows_sql(ws)
    if frame.empty:
        return frame
    # one code per "gear/kpi" text in order of appearance, worked out on the distinct (gear, kpi)
    # pairs: joining the texts of every row made a string per row (~60 MB at 5,000 x 156)
    gear, gears = pd.factorize(frame["gear"])
    kpi, kpis = pd.factorize(frame["kpi"])
    pair, pairs = pd.factorize(gear.astype(np.int64) * max(len(kpis), 1) + kpi)
    texts = [f"{gears[int(p) // max(len(kpis), 1)]}/{kpis[int(p) % max(len(kpis), 1)]}" for p in pairs]
    frame["series"] = pd.factorize(np.array(texts, dtype=object))[0][pair]
    codes, weeks = pd.factorize(frame["week"])
    epoch = dt.date(1970, 1, 4)
    ordinals = [(dt.date.fromisoformat(str(w)) - epoch).days // 7 for w in weeks]
    frame["week_ord"] = pd.Series(ordinals, dtype="int64").to_numpy()[codes]
    frame["asin_code"] = pd.factorize(frame["asin"])[0]
    return frame


def _manual_rows_sql(ws: Workspace) -> pd.DataFrame:
    return read_frame(ws.conn, "SELECT gear, kpi, asin, period_start, period_end, value, "
                      "date(period_start, '-' || strftime('%w', period_start) || ' days') AS week, "
                      "asin = '' AS account "
                      "FROM manual_kpis ORDER BY gear, kpi, period_start")


def _gear_name(gear_id: str) -> object:
    """The gear as a refusal names it (its name in the reader's language; the id when unknown)."""
    from vendordesk.core.gears.defs import GEARS

    found = next((g for g in GEARS if g.id == gear_id), None)
    return Message.pgettext("gear", found.name_en) if found else gear_id


def _kpi_name(gear_id: str, kpi_id: str) -> object:
    from vendordesk.core.gears.defs import GEARS

    kpis = [k for g in GEARS if g.id == gear_id for k in g.kpis if k.id == kpi_id]
    return Message.pgettext("gear", kpis[0].name_en) if kpis else kpi_id


def _iso(value: str, field: Message) -> str:
    try:
        return dt.date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        raise UserError(N_("Manual KPI, {field}: '{value}' is not a date. Use YYYY-MM-DD, e.g. 2026-03-01."),
                        field=field, value=value) from None


def save_manual_kpi(ws: Workspace, gear: str, kpi: str, period_start: str, period_end: str,
                    value: float, asin: str = "") -> None:
    """Insert or replace one manual KPI value for a period (account level when asin is '')."""
    start = _iso(period_start, Message(NP_("manual KPI", "period start")))
    end = _iso(period_end, Message(NP_("manual KPI", "period end")))
    if end < start:
        raise UserError(N_("Manual KPI {kpi}: the period ends ({end}) before it starts ({start}). Swap the dates."),
                        kpi=_kpi_name(gear, kpi), end=Day(end), start=Day(start))
    if not isinstance(value, (int, float)) or isinstance(value, bool) or not math.isfinite(value):
        raise UserError(N_("Manual KPI {kpi}: the value must be a number. Enter a number."),
                        kpi=_kpi_name(gear, kpi))
    with ws.transaction() as conn:
        conn.execute("INSERT INTO manual_kpis(gear, kpi, asin, period_start, period_end, value) "
                     "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(gear, kpi, asin, period_start) DO UPDATE SET "
                     "period_end = excluded.period_end, value = excluded.value",
                     (gear, kpi, asin or "", start, end, float(value)))
        invalidate_frame(conn, "manual_kpis")


def delete_manual_kpi(ws: Workspace, gear: str, kpi: str, period_start: str, asin: str = "") -> None:
    with ws.transaction() as conn:
        conn.execute("DELETE FROM manual_kpis WHERE gear = ? AND kpi = ? AND asin = ? AND period_start = ?",
                     (gear, kpi, asin or "", period_start))
        invalidate_frame(conn, "manual_kpis")


# --- inputs that are not facts -----------------------------------------------------------------
def chargebacks_weekly(ws: Workspace) -> pd.DataFrame:
    """Chargeback and shortage amounts (gross, as raised) per ASIN ('' = none) and Amazon week.
    Not cached: the tickets tab adds, edits and deletes chargebacks without an import."""
    # The week is grouped on as a Julian day number: SQLite's date and weekday of every row as text
    # took 0.2 of 0.3 s CPU at 5,000 x 156 (79k rows); only the distinct weeks get their date.
    sql = (f"SELECT COALESCE(asin, '') AS asin, {_WEEK_DAY} AS week_day, "
           "SUM(CASE WHEN kind = 'shortage' THEN 0 ELSE amount END) AS chargebacks, "
           "SUM(CASE WHEN kind = 'shortage' THEN amount ELSE 0 END) AS shortages "
           "FROM chargebacks WHERE raised_on IS NOT NULL GROUP BY 1, 2 HAVING week_day IS NOT NULL ORDER BY 2, 1")
    frame = pd.read_sql_query(sql, ws.conn)
    codes, days = pd.factorize(frame.pop("week_day"))
    dates = [ws.conn.execute("SELECT date(?)", (int(day),)).fetchone()[0] for day in days]
    frame.insert(1, "week_start", pd.Series(pd.array(dates, dtype="str").take(codes)) if len(frame)
                 else frame["asin"].iloc[:0])
    frame[["chargebacks", "shortages"]] = frame[["chargebacks", "shortages"]].astype(float)
    return frame


#: The Julian day number of the Sunday that starts ``raised_on``'s week (NULL when it is no date):
#: the day's number less its weekday (Sunday 0), as SQLite's ``date()`` and ``strftime('%w')`` read it.
_DAY = "CAST(julianday(raised_on) + 0.5 AS INTEGER)"
_WEEK_DAY = f"{_DAY} - ({_DAY} + 1) % 7"


def net_ppm_target(ws: Workspace) -> float | None:
    """The account's Net PPM target as a fraction (meta 'net_ppm_target'; '40' is read as 40 %)."""
    raw = ws.meta("net_ppm_target")
    try:
        value = float(str(raw).replace(",", ".").replace("%", "").strip())
    except (TypeError, ValueError):
        return None
    if not math.isfinite(value):
        return None
    return value / 100.0 if value > 1 else value


class GearInputArgs(TypedDict):
    """``load_gear_inputs``: the keyword arguments of ``core.gears.GearInputs``."""

    facts: pd.DataFrame
    chargebacks: pd.DataFrame
    manual: pd.DataFrame | None
    products: pd.DataFrame
    settings: dict[str, dict[str, Any]]
    net_ppm_target: float | None
    po_lines: pd.DataFrame | None


def load_gear_inputs(ws: Workspace, big: bool = True) -> GearInputArgs:
    """Everything the gears read, as keyword arguments for ``core.gears.GearInputs``.

    ``big=False``: without the three big frames (no facts rows, no manual KPIs, no PO lines), for
    ``GearModel.from_parts``, which reads them one at a time through ``gear_facts``,
    ``manual_kpis_frame`` and ``po_lines_frame`` with ``keep=False``."""
    return {
        "facts": gear_facts(ws) if big else pd.DataFrame(columns=["asin", "period_start", "period_end"]),
        "chargebacks": chargebacks_weekly(ws),
        "manual": manual_kpis_frame(ws) if big else None,
        "products": products_frame(ws),
        "settings": gear_settings(ws),
        "net_ppm_target": net_ppm_target(ws),
        "po_lines": po_lines_frame(ws) if big else None,
    }


def fill_gear_caches(ws: Workspace) -> None:
    """Build and store the facts snapshot, manual KPI and PO line frames where the workspace has no valid copy (right
    after an import), before anything else is read: built next to the prepared facts they raised
    the first report's peak by ~150 MB at 5,000 ASINs x 156 weeks. The facts snapshot first: storing
    it drops the other frames."""
    from vendordesk.store import facts_read, facts_snapshot

    facts_snapshot.fill(ws, facts_read._build_snapshot)
    fill_frame(ws, "manual_kpis", _manual_kpis_build)
    fill_frame(ws, "po_lines", _po_lines_sql)
    release_freed_memory()


def gear_facts(ws: Workspace, keep: bool = True, only: Iterable[str] | None = None) -> pd.DataFrame:
    """The weekly facts with the integer codes the gears group on (``keep``: see ``weekly_frame``;
    ``only``: just these metrics)."""
    return _coded(weekly_frame(ws, metrics=tuple(only) if only else None, keep=keep, codes=True))


def po_lines_frame(ws: Workspace, keep: bool = True, only: Iterable[str] | None = None) -> pd.DataFrame:
    """PO lines with their PO's order date and status (confirmation and fill rate per unit), sorted
    by ASIN, with the dates also as days since 1970 (``order_day``/``expected_day``: no parsing later)."""
    return cached_frame(ws, "po_lines", _po_lines_sql, keep=keep, only=only)


_PO_LINES = ("SELECT l.asin, p.order_date, p.status, l.requested_qty, l.accepted_qty, l.received_qty, l.expected_date, "
             "CAST(julianday(substr(p.order_date, 1, 10)) - 2440587.5 AS INTEGER) AS order_day, "
             "CAST(julianday(substr(l.expected_date, 1, 10)) - 2440587.5 AS INTEGER) AS expected_day "
             "FROM po_lines l JOIN purchase_orders p ON p.po_number = l.po_number")


def _po_lines_sql(ws: Workspace) -> pd.DataFrame:
    """The rows of ``_PO_LINES ORDER BY l.asin``, which SQLite reads through the index on (asin, rowid),
    looking up each line in the table: read in rowid order instead and sorted by ASIN, stably, they
    come in the index's order (issue 18: 3.8 of the SQL's CPU seconds at 5,000 x 156, see the report)."""
    frame = read_frame(ws.conn, _PO_LINES + " ORDER BY l.rowid")
    if frame.empty or str(frame["asin"].dtype) != "str" or frame["asin"].isna().any():
        return read_frame(ws.conn, _PO_LINES + " ORDER BY l.asin")
    order = np.argsort(pd.factorize(frame["asin"], sort=True)[0], kind="stable")
    if np.array_equal(order, np.arange(len(order))):
        return frame
    return frame.take(order).reset_index(drop=True)


def _coded(facts: pd.DataFrame) -> pd.DataFrame:
    """Facts with integer ``week_code`` (sorted weeks) and ``asin_code`` (sorted ASINs) columns, so
    the gears group on integers instead of strings (work done here, in the loading worker).

    The rows stay in the store's order (the shared snapshot's, by ASIN and week): the frame keeps
    sharing the snapshot's columns instead of copying them all (1 GB peak at 5,000 ASINs x 156
    weeks); ``core.gears.kpis.prepare`` puts its own matrix in week order by the integer codes."""
    if facts.empty:
        return facts
    if {"week_code", "asin_code"} <= set(facts.columns):     # the snapshot's (weekly_frame's ``codes``)
        return facts
    facts = facts.copy(deep=False)
    facts["week_code"] = pd.factorize(facts["period_start"], sort=True)[0]
    facts["asin_code"] = pd.factorize(facts["asin"], sort=True)[0]
    return facts
