"""Fill a workspace with a small, known forecast scenario (sales, OOS, Amazon forecasts, POs)."""

from __future__ import annotations

import datetime as dt

import numpy as np

from tests.core.forecast_synth import synth_panel

FIRST_WEEK = dt.date(2024, 1, 7)  # a Sunday


def week(k: int) -> str:
    return (FIRST_WEEK + dt.timedelta(weeks=k)).isoformat()


def seed_workspace(ws, n: int = 12, weeks: int = 104, seed: int = 5) -> list[str]:
    """Write n ASINs x weeks of sales and inventory facts, two Amazon generations, one open PO."""
    units, oos = synth_panel(n, weeks, seed=seed, oos_share=0.3)
    asins = [f"B0TEST{i:04d}" for i in range(n)]
    sales, inv = [], []
    for i, asin in enumerate(asins):
        for k in range(weeks):
            if np.isnan(units[i, k]):
                continue
            end = (FIRST_WEEK + dt.timedelta(weeks=k, days=6)).isoformat()
            sales.append((asin, "week", week(k), end, "EUR", units[i, k] * 20.0, units[i, k],
                          units[i, k] * 10.0, units[i, k]))
            inv.append((asin, "week", week(k), end, float(oos[i, k]), 100.0, 14.0, 0.0))
    with ws.transaction() as conn:
        conn.executemany("INSERT INTO products (asin, title) VALUES (?, ?)",
                         [(a, f"Product {a[-4:]}") for a in asins])
        conn.executemany(
            "INSERT INTO sales_facts (asin, grain, period_start, period_end, currency, ordered_revenue, "
            "ordered_units, shipped_cogs, shipped_units) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", sales)
        conn.executemany(
            "INSERT INTO inventory_facts (asin, grain, period_start, period_end, "
            "procurable_product_out_of_stock_rate, sellable_on_hand_inventory_units, "
            "average_vendor_lead_time_days, open_purchase_order_units) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", inv)
        rows = []
        for gen_offset, factor in ((weeks - 30, 1.0), (weeks - 1, 0.7)):
            gen = week(gen_offset)
            for i, asin in enumerate(asins):
                level = float(np.nanmean(units[i, -26:])) if np.any(~np.isnan(units[i, -26:])) else 0.0
                for k in range(26):
                    mean = level * factor
                    rows.append((asin, gen, week(gen_offset + k + 1), week(gen_offset + k + 1), mean,
                                 mean * 1.2, mean * 1.4, mean * 1.8))
        conn.executemany(
            "INSERT INTO amazon_forecasts (asin, generation_date, week_start, week_end, mean_units, p70_units, "
            "p80_units, p90_units) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        conn.execute("INSERT INTO purchase_orders (po_number, order_date, status, window_start, window_end) "
                     "VALUES ('1AB2C3D4', ?, 'open', ?, ?)", (week(weeks - 1), week(weeks + 1), week(weeks + 2)))
        conn.execute("INSERT INTO po_lines (po_number, asin, requested_qty, accepted_qty, received_qty, "
                     "cancelled_qty, unit_cost, currency) VALUES ('1AB2C3D4', ?, 60, 50, 0, 0, 10, 'EUR')",
                     (asins[0],))
    return asins
