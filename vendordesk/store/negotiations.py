"""Price-increase cases: read, save (drafts autosave through ``save_case``), delete, and the
facts a case's analysis needs (weekly sales, back-end terms, Net PPM target, elasticity)."""

from __future__ import annotations

import datetime as dt
import json
import logging
from typing import Any

import pandas as pd

from vendordesk.core import margin as m
from vendordesk.core.negotiation.analysis import Analysis, Market, analyse
from vendordesk.core.negotiation.model import Case, Concession, Driver, Item, Scenario
from vendordesk.core.negotiation.results import ConditionalTerm
from vendordesk.errors import UserError
from vendordesk.store.db import Workspace
from vendordesk.store.facts_read import weekly_frame
from vendordesk.text import N_

log = logging.getLogger(__name__)
CASE_COLUMNS = ("title", "currency", "requested_on", "effective_date", "tariff_driven", "status", "opening_pct",
                "target_pct", "walk_away_pct", "notes", "kam", "final_order_until")
METRICS = ("shipped_revenue", "shipped_units", "shipped_cogs", "procurable_product_out_of_stock_rate", "contra_cogs",
           "net_pure_product_margin", "sales_discount")
#: Term types paid only when a condition is met (a tiered volume / growth rebate): shown, not counted.
CONDITIONAL_TERM_TYPES = ("VIR", "GIR")
#: An elasticity handed in by the caller: (value, source) or (value, low, high, source).
Elasticity = tuple[float, str] | tuple[float, float | None, float | None, str]


def list_cases(ws: Workspace) -> list[dict[str, Any]]:
    """The case list, newest first: id, title, status, currency, effective_date, final_order_until,
    updated_at and the number of ASINs, as the rows of the table."""
    sql = ("SELECT n.id, n.title, n.status, n.currency, n.effective_date, n.final_order_until, n.updated_at, "
           "(SELECT COUNT(*) FROM negotiation_items i WHERE i.negotiation_id = n.id) AS asins "
           "FROM negotiations n ORDER BY n.updated_at DESC, n.id DESC")
    cur = ws.conn.execute(sql)
    names = [c[0] for c in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def load_case(ws: Workspace, case_id: int) -> Case:
    row = ws.conn.execute(f"SELECT id, {', '.join(CASE_COLUMNS)}, updated_at FROM negotiations WHERE id = ?",
                          (case_id,)).fetchone()
    if row is None:
        raise UserError(N_("negotiation {id}: no such case. Run `vendordesk negotiation list` to see the ids."),
                        id=case_id)
    values = dict(zip(("id",) + CASE_COLUMNS + ("updated_at",), row))
    values["tariff_driven"] = bool(values["tariff_driven"])
    values["notes"] = values["notes"] or ""
    values["kam"] = values["kam"] or ""
    case = Case(**values)
    conn = ws.conn
    case.items = [Item(*r) for r in conn.execute(
        "SELECT asin, cost_before, cost_after, own_cost_before, own_cost_after, msrp_before, msrp_after "
        "FROM negotiation_items WHERE negotiation_id = ? ORDER BY rowid", (case_id,))]
    case.drivers = [Driver(*r) for r in conn.execute(
        "SELECT driver, weight, change_pct, index_name, source FROM negotiation_drivers "
        "WHERE negotiation_id = ? ORDER BY rowid", (case_id,))]
    case.scenarios = [_scenario(sid, name, params) for sid, name, params in conn.execute(
        "SELECT id, name, params_json FROM negotiation_scenarios WHERE negotiation_id = ? ORDER BY id", (case_id,))]
    case.concessions = [Concession(kind, desc or "", value, cost, bool(offered), cid) for
                        cid, kind, desc, value, cost, offered in conn.execute(
        "SELECT id, kind, description, value_to_amazon, cost_to_us, offered FROM negotiation_concessions "
        "WHERE negotiation_id = ? ORDER BY id", (case_id,))]
    return case


def _scenario(sid: int, name: str, params_json: str) -> Scenario:
    try:
        params = json.loads(params_json or "{}")
    except ValueError:
        params = {}
    return Scenario.from_params(name, params if isinstance(params, dict) else {}, sid)


def save_case(ws: Workspace, case: Case) -> int:
    """Insert or update the case with all its rows in one transaction; returns its id."""
    case.updated_at = dt.datetime.now().isoformat(timespec="seconds")
    values = [getattr(case, c) for c in CASE_COLUMNS]
    values[CASE_COLUMNS.index("tariff_driven")] = int(bool(case.tariff_driven))
    with ws.transaction() as conn:
        if case.id is None:
            cur = conn.execute(f"INSERT INTO negotiations ({', '.join(CASE_COLUMNS)}, updated_at) "
                               f"VALUES ({', '.join('?' * (len(CASE_COLUMNS) + 1))})", values + [case.updated_at])
            case.id = cur.lastrowid
        else:
            sets = ", ".join(f"{c} = ?" for c in CASE_COLUMNS)
            conn.execute(f"UPDATE negotiations SET {sets}, updated_at = ? WHERE id = ?",
                         values + [case.updated_at, case.id])
        for table in ("negotiation_items", "negotiation_drivers", "negotiation_scenarios", "negotiation_concessions"):
            conn.execute(f"DELETE FROM {table} WHERE negotiation_id = ?", (case.id,))
        seen = set()
        for it in case.items:
            if it.asin in seen:
                continue
            seen.add(it.asin)
            conn.execute("INSERT INTO negotiation_items (negotiation_id, asin, cost_before, cost_after, own_cost_before, "
                         "own_cost_after, msrp_before, msrp_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                         (case.id, it.asin, it.cost_before, it.cost_after, it.own_cost_before, it.own_cost_after,
                          it.msrp_before, it.msrp_after))
        conn.executemany("INSERT OR REPLACE INTO negotiation_drivers VALUES (?, ?, ?, ?, ?, ?)",
                         [(case.id, d.driver, d.weight, d.change_pct, d.index_name, d.source) for d in case.drivers])
        for s in case.scenarios:
            s.id = conn.execute("INSERT INTO negotiation_scenarios (negotiation_id, name, params_json) VALUES (?, ?, ?)",
                                (case.id, s.name, json.dumps(s.params()))).lastrowid
        for c in case.concessions:
            c.id = conn.execute(
                "INSERT INTO negotiation_concessions (negotiation_id, kind, description, value_to_amazon, cost_to_us, "
                "offered) VALUES (?, ?, ?, ?, ?, ?)",
                (case.id, c.kind, c.description, c.value_to_amazon, c.cost_to_us, int(c.offered))).lastrowid
    assert case.id is not None, "an INSERT gives the new row's id"
    return case.id


def delete_case(ws: Workspace, case_id: int) -> None:
    with ws.transaction() as conn:
        conn.execute("DELETE FROM negotiations WHERE id = ?", (case_id,))


# --- what the analysis needs ----------------------------------------------------------
def terms_rate(ws: Workspace, on: dt.date) -> float | None:
    """Sum of the unconditional back-end terms on a cost basis valid on ``on``; None when none."""
    day = on.isoformat()
    types = ",".join("?" * len(CONDITIONAL_TERM_TYPES))
    row = ws.conn.execute(
        "SELECT COUNT(*), SUM(rate) FROM terms WHERE basis IN ('cogs', 'cost', 'net_receipts') "
        f"AND UPPER(term_type) NOT IN ({types}) "
        "AND (valid_from IS NULL OR valid_from <= ?) AND (valid_to IS NULL OR valid_to >= ?)",
        (*CONDITIONAL_TERM_TYPES, day, day)).fetchone()
    return float(row[1]) if row[0] else None


def conditional_terms(ws: Workspace, on: dt.date) -> list[ConditionalTerm]:
    """Conditional terms valid on ``on`` (term_type, name, rate): listed in the brief, not counted."""
    types = ",".join("?" * len(CONDITIONAL_TERM_TYPES))
    rows = ws.conn.execute(
        f"SELECT term_type, name, rate FROM terms WHERE UPPER(term_type) IN ({types}) "
        "AND (valid_from IS NULL OR valid_from <= ?) AND (valid_to IS NULL OR valid_to >= ?) ORDER BY id",
        (*CONDITIONAL_TERM_TYPES, on.isoformat(), on.isoformat())).fetchall()
    return [{"term_type": t, "name": name, "rate": float(rate)} for t, name, rate in rows]


def net_ppm_target(ws: Workspace) -> float:
    try:
        value = float(ws.meta("net_ppm_target") or m.DEFAULT_NET_PPM_TARGET)
    except ValueError:
        return m.DEFAULT_NET_PPM_TARGET
    return value / 100.0 if value > 1.0 else value


def price_elasticity(ws: Workspace) -> tuple[float, float, float, str]:
    """The workspace's one elasticity (estimate, low, high, source): ``store.elasticity``."""
    from vendordesk.store.elasticity import price_elasticity as stored

    return stored(ws)


def market_for(ws: Workspace, case: Case, today: dt.date | None = None,
               elasticity: Elasticity | None = None) -> Market:
    """``today``: the as-of date the KAM picks; None = the case's own date (never the clock).
    ``elasticity``: (value, source) or (value, low, high, source) from the caller; None = look it up."""
    from vendordesk.core.negotiation.analysis import as_of_date

    asins = sorted({it.asin for it in case.items if it.asin})
    frame = weekly_frame(ws, METRICS, asins=asins, keep=False) if asins else pd.DataFrame(columns=["asin", "period_start", *METRICS])
    as_of = as_of_date(case, frame, today)
    day = as_of or dt.date(1970, 1, 1)
    rate, source = terms_rate(ws, day), "terms"
    if rate is None:
        rate, source = _facts_contra_rate(frame), "facts"
        if rate is None:
            rate, source = 0.0, "none"
    given = elasticity or price_elasticity(ws)
    low: float | None = None
    high: float | None = None
    if len(given) == 4:
        value, low, high, el_source = given
    else:
        value, el_source = given
    titles: dict[str, str | None] = {}
    if asins:
        titles = dict(ws.conn.execute(f"SELECT asin, title FROM products WHERE asin IN ({','.join('?' * len(asins))})",
                                      asins).fetchall())
    return Market(weekly=frame, contra_rate=rate, contra_source=source, target=net_ppm_target(ws),
                  elasticity=value, elasticity_source=el_source, currency=ws.meta("currency", "EUR") or "EUR",
                  titles={k: v or "" for k, v in titles.items()}, today=as_of,
                  conditional_terms=conditional_terms(ws, day), elasticity_low=low, elasticity_high=high)


def _facts_contra_rate(frame: pd.DataFrame) -> float | None:
    if frame.empty or "contra_cogs" not in frame or frame["contra_cogs"].isna().all():
        return None
    recent = frame.sort_values("period_start").groupby("asin").tail(52)
    cogs = recent.loc[recent["contra_cogs"].notna(), "shipped_cogs"].sum()
    rate = recent["contra_cogs"].sum() / cogs if cogs > 0 else None
    return float(rate) if rate is not None and 0 <= rate < 1 else None


def analyse_case(ws: Workspace, case: Case | int, today: dt.date | None = None,
                 elasticity: Elasticity | None = None) -> Analysis:
    """The one computation behind the tab, ``negotiation show --json`` and the brief."""
    if not isinstance(case, Case):
        case = load_case(ws, int(case))
    return analyse(case, market_for(ws, case, today, elasticity))
