"""Insert the demo rows into a workspace (one transaction, executemany per table)."""

from __future__ import annotations

import re
import sqlite3
from typing import Any

INSERTS = {
    "meta": "INSERT INTO meta(key, value) VALUES (?, ?)",
    "products": "INSERT INTO products(asin, parent_asin, title, brand, category, subcategory, model_number, "
                "ean, replenishment_code, status, launch_date) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
    "sales_facts": "INSERT INTO sales_facts(asin, marketplace_id, distributor_view, selling_program, grain, "
                   "period_start, period_end, currency, ordered_revenue, ordered_units, shipped_revenue, "
                   "shipped_cogs, shipped_units, customer_returns, import_id) "
                   "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "traffic_facts": "INSERT INTO traffic_facts(asin, marketplace_id, distributor_view, selling_program, grain, "
                     "period_start, period_end, glance_views, import_id) VALUES (?,?,?,?,?,?,?,?,?)",
    "inventory_facts": "INSERT INTO inventory_facts(asin, marketplace_id, distributor_view, selling_program, "
                       "grain, period_start, period_end, currency, procurable_product_out_of_stock_rate, "
                       "vendor_confirmation_rate, receive_fill_rate, average_vendor_lead_time_days, "
                       "sell_through_rate, open_purchase_order_units, net_received_inventory_units, "
                       "net_received_inventory_cost, sellable_on_hand_inventory_units, "
                       "sellable_on_hand_inventory_cost, aged90_plus_days_sellable_inventory_units, "
                       "unhealthy_inventory_units, unfilled_customer_ordered_units, import_id) "
                       "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "net_ppm_facts": "INSERT INTO net_ppm_facts(asin, marketplace_id, distributor_view, selling_program, grain, "
                     "period_start, period_end, net_pure_product_margin, contra_cogs, sales_discount, import_id) "
                     "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
    "amazon_forecasts": "INSERT INTO amazon_forecasts(asin, marketplace_id, selling_program, generation_date, "
                        "week_start, week_end, mean_units, p70_units, p80_units, p90_units, import_id) "
                        "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
    "purchase_orders": "INSERT INTO purchase_orders(po_number, vendor_code, marketplace_id, order_date, status, "
                       "window_start, window_end, ship_to, import_id) VALUES (?,?,?,?,?,?,?,?,?)",
    "po_lines": "INSERT INTO po_lines(po_number, asin, requested_qty, accepted_qty, received_qty, cancelled_qty, "
                "unit_cost, currency, expected_date) VALUES (?,?,?,?,?,?,?,?,?)",
    "cost_prices": "INSERT INTO cost_prices(asin, valid_from, cost, currency) VALUES (?,?,?,?)",
    "terms": "INSERT INTO terms(term_type, name, rate, basis, valid_from, valid_to, note) VALUES (?,?,?,?,?,?,?)",
    "departments": "INSERT INTO departments(id, name_de, name_en) VALUES (?,?,?)",
    "tickets": "INSERT INTO tickets(case_id, subject, category, status, opened_on, last_contact_on, "
               "next_follow_up, escalation_level, gear, owner_department, resolved_on, notes) "
               "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
    "ticket_links": "INSERT OR IGNORE INTO ticket_links(case_id, kind, ref) VALUES (?,?,?)",
    "ticket_events": "INSERT INTO ticket_events(case_id, happened_on, kind, text) VALUES (?,?,?,?)",
    "chargebacks": "INSERT INTO chargebacks(external_id, kind, type, issue_group, po_number, asin, "
                   "invoice_number, amount, currency, raised_on, dispute_due, dispute_count, dispute_status, "
                   "recovered_amount, case_id, note, import_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "tasks": "INSERT INTO tasks(title, reason, department_id, assignee, gear, case_id, asin, created_on, due_on, "
             "status, done_on) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
    "negotiations": "INSERT INTO negotiations(id, title, currency, requested_on, effective_date, tariff_driven, "
                    "status, opening_pct, target_pct, walk_away_pct, notes, updated_at, kam, final_order_until) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "negotiation_items": "INSERT INTO negotiation_items(negotiation_id, asin, cost_before, cost_after, "
                         "own_cost_before, own_cost_after, msrp_before, msrp_after) VALUES (?,?,?,?,?,?,?,?)",
    "negotiation_drivers": "INSERT INTO negotiation_drivers(negotiation_id, driver, weight, change_pct, "
                           "index_name, source) VALUES (?,?,?,?,?,?)",
    "negotiation_scenarios": "INSERT INTO negotiation_scenarios(negotiation_id, name, params_json) VALUES (?,?,?)",
    "negotiation_concessions": "INSERT INTO negotiation_concessions(negotiation_id, kind, description, "
                               "value_to_amazon, cost_to_us, offered) VALUES (?,?,?,?,?,?)",
    "manual_kpis": "INSERT INTO manual_kpis(gear, kpi, asin, period_start, period_end, value) VALUES (?,?,?,?,?,?)",
    "sales_targets": "INSERT INTO sales_targets(year, month, target) VALUES (?,?,?)",
    "supply_params": "INSERT INTO supply_params(asin, weekly_capacity_units, lead_time_weeks, own_stock_units, "
                     "own_stock_as_of) VALUES (?,?,?,?,?)",
    "capacity_plan": "INSERT INTO capacity_plan(asin, week_start, units) VALUES (?,?,?)",
}


_KEY = "asin, marketplace_id, distributor_view, selling_program, grain, period_start, period_end, "


def _keyed_insert(name: str) -> str:
    """The demo's INSERT of a keyed fact table (store.fact_series) into its physical table."""
    from vendordesk.store.fact_series import KEY_VALUES, KEYED

    match = re.search(r"\((.*?)\) VALUES", INSERTS[name].replace(_KEY, ""))
    columns = match.group(1).split(", ") if match else []
    values = [*KEY_VALUES, *(f"?{n}" for n in range(4, 4 + len(columns)))]
    return (f"INSERT INTO {KEYED[name]}(series_id, day, span, period_end, {', '.join(columns)}) "
            f"VALUES ({', '.join(values)})")


def insert_import(conn: sqlite3.Connection, first: str, last: str, rows: int, asins: int, stamp: str) -> int:
    cur = conn.execute(
        "INSERT INTO report_imports(source, file_name, report_type, distributor_view, selling_program, grain, "
        "period_start, period_end, marketplace_id, locale, currency, row_count, asin_count, imported_at) "
        "VALUES ('demo', NULL, 'demo', 'MANUFACTURING', 'RETAIL', 'week', ?, ?, 'A1PA6795UKMFR9', 'de_DE', "
        "'EUR', ?, ?, ?)", (first, last, rows, asins, stamp))
    return int(cur.lastrowid or 0)


def _counted(rows, done: list, total: int, progress, step: int = 20_000):
    """The rows, reporting ``progress(rows written / total)`` every ``step`` rows."""
    for n, row in enumerate(rows, 1):
        yield row
        if n % step == 0:
            progress((done[0] + n) / total)
    done[0] += len(rows)
    progress(done[0] / total)


def _keys(rows) -> set[tuple]:
    """The distinct fact-series keys (first five values) of a table's rows."""
    return rows.keys() if hasattr(rows, "keys") else {tuple(r[:5]) for r in rows}


def _keyed(rows, ids: dict):
    """``KEY_COLUMNS + values`` rows as ``(series_id, period_start, period_end) + values``, one at
    a time (store.fact_series.SeriesIds.keyed makes them all at once)."""
    for r in rows:
        yield (ids[r[:5]], *r[5:])


def write_tables(conn: sqlite3.Connection, tables: dict[str, list[tuple]], progress=None) -> None:
    """Insert every table in a fixed order (parents before children).

    Secondary indexes of the filled tables are dropped first and rebuilt from their own
    schema SQL afterwards (sorting once is faster than updating them row by row); all of it
    runs inside the caller's transaction, so a failure leaves nothing behind.
    """
    names = [n for n in INSERTS if tables.get(n)]
    marks = ",".join("?" * len(names))
    indexes = conn.execute(f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                           f"AND tbl_name IN ({marks}) ORDER BY name", names).fetchall()
    for name, _ in indexes:
        conn.execute(f'DROP INDEX "{name}"')
    from vendordesk.store.fact_series import KEYED, ForecastIds, SeriesIds, forecast_insert

    total, done = sum(len(tables[n]) for n in names) or 1, [0]
    series, forecasts = SeriesIds(conn), ForecastIds(conn)
    series.add(set().union(*(_keys(tables[n]) for n in names if n in KEYED)))   # ids in key order
    forecasts.add(tuple(r[:3]) for r in tables.get("amazon_forecasts", ()))
    for name in names:
        rows: Any = tables[name]
        sql = INSERTS[name]
        if name == "amazon_forecasts":          # schema 10: by series id (store.fact_series)
            rows, sql = forecasts.keyed_lazily(rows), forecast_insert()
        stream = _counted(rows, done, total, progress) if progress else rows
        if name in KEYED:
            stream, sql = _keyed(stream, series.ids), _keyed_insert(name)
        conn.executemany(sql, stream)
    for _, sql in indexes:
        conn.execute(sql)
    if progress:
        progress(1.0)
