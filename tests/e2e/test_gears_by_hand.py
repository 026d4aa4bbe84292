"""``gears --json`` on the demo against the same figures recomputed by hand (issue 13): pandas straight
on the workspace's SQLite tables by Amazon's definitions (docs/domain.md §1.5), no vendordesk code.

- confirmation rate = Σ accepted / Σ requested units of the PO lines of POs ordered in the period;
  fill rate = Σ received / Σ accepted units of the lines of closed POs expected in it (the period ends
  on its last week's Saturday);
- OOS rate = Σ OOS × glance views / Σ glance views; lead time = Σ days × received units / Σ received;
- sell-through = (Σ shipped − Σ returns) / (on hand at the end of the week before + Σ received);
- lost units per ASIN-week = ordered × OOS / (1 − OOS) up to 50 % OOS, above it OOS × the ASIN's mean
  ordered / (1 − OOS) over its last 8 earlier weeks at most 50 % OOS; lost value at the ASIN's latest
  known price (ordered revenue / ordered units); lost share = lost value / (lost value + revenue);
- weeks of cover = (on hand + open PO units of the last week) / ((Σ ordered + Σ lost) / weeks).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import sqlite3

import numpy as np
import pandas as pd
import pytest

from vendordesk.cli import main

pytestmark = pytest.mark.slow
KEY = "asin <> '' AND grain = 'week' AND distributor_view = 'MANUFACTURING' AND selling_program = 'RETAIL'"


def _gears(path) -> dict:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["gears", "--workspace", str(path), "--json", "--lang", "en"]) == 0
    return json.loads(out.getvalue())


def _facts(conn: sqlite3.Connection) -> pd.DataFrame:
    def read(table: str, cols: str) -> pd.DataFrame:
        return pd.read_sql_query(f"SELECT asin, marketplace_id, period_start, {cols} FROM {table} WHERE {KEY}", conn)

    sales = read("sales_facts", "ordered_units, ordered_revenue, shipped_units, shipped_revenue, customer_returns")
    inventory = read("inventory_facts", "procurable_product_out_of_stock_rate AS oos, average_vendor_lead_time_days "
                                        "AS lead, net_received_inventory_units AS received, "
                                        "sellable_on_hand_inventory_units AS on_hand, open_purchase_order_units AS open_po")
    traffic = read("traffic_facts", "glance_views")
    assert sales.marketplace_id.nunique() == 1          # the demo has one marketplace: rows are ASIN-weeks
    key = ["asin", "marketplace_id", "period_start"]
    facts = sales.merge(inventory, on=key, how="outer").merge(traffic, on=key, how="outer")
    return facts.sort_values(["asin", "period_start"]).reset_index(drop=True)


def _lost(facts: pd.DataFrame) -> pd.DataFrame:
    facts["ordered"] = facts.ordered_units.fillna(facts.shipped_units)
    low = (facts.oos >= 0) & (facts.oos <= 0.5)
    full = np.where(low, facts.ordered / (1 - facts.oos), np.nan)
    baseline = np.full(len(facts), np.nan)
    for _, rows in facts.groupby("asin").indices.items():
        usable: list[float] = []
        for i in rows:
            baseline[i] = np.mean(usable[-8:]) if usable else np.nan
            if not np.isnan(full[i]):
                usable.append(full[i])
    facts["lost"] = np.where(low, facts.ordered * facts.oos / (1 - facts.oos),
                             np.where((facts.oos > 0.5) & (facts.oos <= 1), facts.oos * baseline, np.nan))
    price = (facts.ordered_revenue / facts.ordered_units.replace(0, np.nan)).fillna(
        facts.shipped_revenue / facts.shipped_units.replace(0, np.nan))
    facts["price"] = price.groupby(facts.asin).ffill()
    return facts


def test_gear_values_equal_the_figures_recomputed_from_the_tables(demo_path):
    doc = _gears(demo_path)
    kpis = {k["id"]: k["value"] for g in doc["gears"] for k in g["kpis"]}
    start, end = doc["periods"]["current"]
    conn = sqlite3.connect(demo_path)
    try:
        facts = _lost(_facts(conn))
        po = pd.read_sql_query("SELECT l.asin, p.order_date, p.status, l.requested_qty, l.accepted_qty, "
                               "l.received_qty, l.expected_date FROM po_lines l JOIN purchase_orders p USING (po_number)",
                               conn)
    finally:
        conn.close()
    now = facts[(facts.period_start >= start) & (facts.period_start <= end)]
    weeks = now.period_start.nunique()
    assert weeks == doc["weeks"] == 4
    by_hand = {}

    saturday = (dt.date.fromisoformat(end) + dt.timedelta(days=6)).isoformat()
    po = po[po.asin.isin(set(facts.asin))]
    ordered = po[(po.order_date.str[:10] >= start) & (po.order_date.str[:10] <= saturday)
                 & po.accepted_qty.notna() & po.requested_qty.notna()]
    closed = po[(po.status == "closed") & (po.expected_date.str[:10] >= start) & (po.expected_date.str[:10] <= saturday)
                & po.received_qty.notna() & po.accepted_qty.notna()]
    assert len(ordered) and len(closed)
    by_hand["confirmation_rate"] = ordered.accepted_qty.sum() / ordered.requested_qty.sum()
    by_hand["fill_rate"] = closed.received_qty.sum() / closed.accepted_qty.sum()

    views = now[now.oos.notna() & (now.glance_views > 0)]
    by_hand["oos_rate"] = (views.oos * views.glance_views).sum() / views.glance_views.sum()
    receipts = now[now.lead.notna() & (now.received > 0)]
    by_hand["lead_time_days"] = (receipts.lead * receipts.received).sum() / receipts.received.sum()

    week_before = (dt.date.fromisoformat(start) - dt.timedelta(days=7)).isoformat()
    opening = facts[(facts.period_start == week_before)
                    & facts.asin.isin(now[now.period_start == start].asin)].on_hand.sum()
    by_hand["sell_through"] = ((now.shipped_units.sum() - now.customer_returns.sum())
                               / (opening + now.received.sum()))

    assert now.lost.notna().all()                       # every ASIN-week of the demo has an estimate
    by_hand["lost_units"] = now.lost.sum()
    by_hand["lost_value"] = (now.lost * now.price).sum()
    by_hand["lost_share"] = by_hand["lost_value"] / (by_hand["lost_value"] + now.shipped_revenue.sum())

    last = now[now.period_start == end]
    demand = np.where(now.oos.isna(), now.ordered, now.ordered + now.lost).sum()
    by_hand["weeks_of_cover"] = (last.on_hand.sum() + last.open_po.fillna(0).sum()) / (demand / weeks)

    for name, value in by_hand.items():
        assert kpis[name] == pytest.approx(value, rel=1e-9), name
