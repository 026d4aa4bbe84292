"""Read facts for the domain: weekly per-ASIN frames, products, Amazon forecasts.

Readers return pandas DataFrames; core computes on them. Account aggregate rows
(asin '') are excluded. The default view is MANUFACTURING / RETAIL.
"""

from __future__ import annotations

import pandas as pd

from vendordesk.store.db import Workspace

SALES = ("ordered_revenue", "ordered_units", "shipped_revenue", "shipped_cogs", "shipped_units", "customer_returns")
TRAFFIC = ("glance_views",)
INVENTORY = (
    "procurable_product_out_of_stock_rate", "vendor_confirmation_rate", "receive_fill_rate",
    "average_vendor_lead_time_days", "sell_through_rate", "open_purchase_order_units",
    "net_received_inventory_units", "net_received_inventory_cost", "unfilled_customer_ordered_units",
    "sellable_on_hand_inventory_units", "sellable_on_hand_inventory_cost",
    "aged90_plus_days_sellable_inventory_units", "unhealthy_inventory_units",
)
NET_PPM = ("net_pure_product_margin", "contra_cogs", "sales_discount")
TABLES = {"sales_facts": SALES, "traffic_facts": TRAFFIC, "inventory_facts": INVENTORY, "net_ppm_facts": NET_PPM}
KEY = ["asin", "period_start", "period_end"]


def _where(asins, start, end, view, program, grain) -> tuple[str, list]:
    clauses = ["asin <> ''", "grain = ?", "distributor_view = ?", "selling_program = ?"]
    params: list = [grain, view, program]
    if asins:
        clauses.append(f"asin IN ({','.join('?' * len(asins))})")
        params.extend(asins)
    if start:
        clauses.append("period_start >= ?")
        params.append(str(start))
    if end:
        clauses.append("period_start <= ?")
        params.append(str(end))
    return " AND ".join(clauses), params


def weekly_frame(ws: Workspace, metrics: tuple[str, ...] | None = None, asins: list[str] | None = None,
                 start: str | None = None, end: str | None = None, view: str = "MANUFACTURING",
                 program: str = "RETAIL", grain: str = "week") -> pd.DataFrame:
    """One row per (asin, week) with the requested metric columns (all known ones by default).

    Columns: asin, period_start, period_end, then metrics. period_start/period_end are ISO strings.
    Metrics a table holds no rows for come back as all-NaN columns.
    """
    wanted = set(metrics) if metrics else None
    frames = []
    for table, columns in TABLES.items():
        cols = [c for c in columns if wanted is None or c in wanted]
        if not cols:
            continue
        where, params = _where(asins, start, end, view, program, grain)
        sql = f"SELECT asin, period_start, period_end, {', '.join(cols)} FROM {table} WHERE {where}"
        frame = pd.read_sql_query(sql, ws.conn, params=params)
        frames.append(frame.set_index(KEY))
    if not frames:
        return pd.DataFrame(columns=KEY)
    merged = pd.concat(frames, axis=1, join="outer").reset_index()
    for column in merged.columns[3:]:
        merged[column] = pd.to_numeric(merged[column], errors="coerce").astype(float)
    return merged.sort_values(["asin", "period_start"], kind="stable").reset_index(drop=True)


def products_frame(ws: Workspace) -> pd.DataFrame:
    return pd.read_sql_query("SELECT * FROM products ORDER BY asin", ws.conn)


def amazon_forecasts_frame(ws: Workspace, asins: list[str] | None = None,
                           generation: str | None = None) -> pd.DataFrame:
    """Every forecast generation (or one) as rows: asin, generation_date, week_start, mean/p70/p80/p90."""
    sql = ("SELECT asin, generation_date, week_start, week_end, mean_units, p70_units, p80_units, p90_units "
           "FROM amazon_forecasts WHERE asin <> ''")
    params: list = []
    if asins:
        sql += f" AND asin IN ({','.join('?' * len(asins))})"
        params.extend(asins)
    if generation:
        sql += " AND generation_date = ?"
        params.append(generation)
    return pd.read_sql_query(sql + " ORDER BY asin, generation_date, week_start", ws.conn, params=params)


def latest_week(ws: Workspace) -> str | None:
    """The newest week start with sales facts, or None."""
    row = ws.conn.execute("SELECT MAX(period_start) FROM sales_facts WHERE grain = 'week'").fetchone()
    return row[0] if row else None


def current_costs(ws: Workspace, as_of: str | None = None) -> pd.DataFrame:
    """The cost price valid on ``as_of`` (default: newest) per ASIN: asin, cost, currency, valid_from."""
    params: list = []
    cond = ""
    if as_of:
        cond = "WHERE valid_from <= ?"
        params.append(as_of)
    sql = (f"SELECT c.asin, c.cost, c.currency, c.valid_from FROM cost_prices c JOIN "
           f"(SELECT asin, MAX(valid_from) AS vf FROM cost_prices {cond} GROUP BY asin) m "
           "ON c.asin = m.asin AND c.valid_from = m.vf ORDER BY c.asin")
    return pd.read_sql_query(sql, ws.conn, params=params)
