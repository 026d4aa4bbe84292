"""The vendor's supply side: capacity, lead time, own stock, capacity plan, Amazon POs.

Writes validate every field and raise UserError naming the ASIN and field; nothing is
written when a value is refused.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING

import pandas as pd

from vendordesk.errors import UserError
from vendordesk.store.db import Workspace
from vendordesk.text import N_, Message, Number

if TYPE_CHECKING:
    from vendordesk.core.forecast.calendar import Event
    from vendordesk.core.forecast.plan import ForecastInputs

SUPPLY_COLUMNS = ("asin", "weekly_capacity_units", "lead_time_weeks", "own_stock_units", "own_stock_as_of")
OPEN_STATUSES = ("open", "confirmed", "acknowledged", "new")
Entered = str | float | None   # a field as typed in the form, or a stored number


# The fields as a refusal names them (deferred: the reader's language)
CAPACITY, LEAD_TIME, OWN_STOCK = (Message(N_("weekly capacity")), Message(N_("lead time")),
                                  Message(N_("own stock")))
NOT_A_NUMBER = N_("{asin}, {field}: '{value}' is not a number. Enter a plain number such as 120.")


def _shown(value: Entered) -> object:
    """A typed value as the refusal quotes it: numbers with the reader's decimal mark."""
    return Number(value, None) if isinstance(value, (int, float)) and math.isfinite(value) else value


def _number(value: Entered, field: Message, asin: str) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = float(str(value).replace(",", ".")) if isinstance(value, str) else float(value)
    except ValueError:
        raise UserError(NOT_A_NUMBER, asin=asin, field=field, value=value) from None
    if math.isnan(number) or math.isinf(number):
        raise UserError(NOT_A_NUMBER, asin=asin, field=field, value=value)
    return number


def validate_capacity(value: Entered, asin: str = "ASIN") -> float | None:
    """Weekly capacity must be > 0 (leave it empty for 'unknown / unlimited')."""
    number = _number(value, CAPACITY, asin)
    if number is not None and number <= 0:
        raise UserError(N_("{asin}, weekly capacity: {value} is not possible. Enter the units you can produce "
                           "per week (more than 0), or leave the field empty if unknown."), asin=asin, value=_shown(value))
    return number


def validate_lead_time(value: Entered, asin: str = "ASIN") -> float | None:
    """Lead time in weeks must be > 0 and at most 52."""
    number = _number(value, LEAD_TIME, asin)
    if number is not None and not 0 < number <= 52:
        raise UserError(N_("{asin}, lead time: {value} weeks is not possible. Enter the weeks from Amazon's PO "
                           "to receipt at the FC (more than 0, at most 52)."), asin=asin, value=_shown(value))
    return number


def validate_stock(value: Entered, asin: str = "ASIN") -> float | None:
    number = _number(value, OWN_STOCK, asin)
    if number is not None and number < 0:
        raise UserError(N_("{asin}, own stock: {value} is negative. Enter the units in your warehouse (0 or "
                           "more)."), asin=asin, value=_shown(value))
    return number


def supply_params(ws: Workspace) -> pd.DataFrame:
    """One row per ASIN with supply parameters (columns SUPPLY_COLUMNS)."""
    sql = f"SELECT {', '.join(SUPPLY_COLUMNS)} FROM supply_params ORDER BY asin"
    return pd.read_sql_query(sql, ws.conn)


def save_supply(ws: Workspace, asin: str, capacity: Entered = None, lead_time: Entered = None,
                own_stock: Entered = None, as_of: str | None = None) -> None:
    """Validate and upsert one ASIN's supply parameters."""
    asin = (asin or "").strip()
    if not asin:
        raise UserError(N_("Supply: the ASIN is empty. Pick an ASIN first."))
    row = (asin, validate_capacity(capacity, asin), validate_lead_time(lead_time, asin),
           validate_stock(own_stock, asin), as_of or dt.date.today().isoformat())
    with ws.transaction() as conn:
        conn.execute(
            "INSERT INTO supply_params (asin, weekly_capacity_units, lead_time_weeks, own_stock_units, "
            "own_stock_as_of) VALUES (?, ?, ?, ?, ?) ON CONFLICT(asin) DO UPDATE SET "
            "weekly_capacity_units = excluded.weekly_capacity_units, lead_time_weeks = excluded.lead_time_weeks, "
            "own_stock_units = excluded.own_stock_units, own_stock_as_of = excluded.own_stock_as_of", row)


def capacity_plan(ws: Workspace, asins: list[str] | None = None) -> pd.DataFrame:
    """Planned weekly capacity overrides: asin, week_start, units."""
    sql, params = "SELECT asin, week_start, units FROM capacity_plan", []
    if asins:
        sql += f" WHERE asin IN ({','.join('?' * len(asins))})"
        params = list(asins)
    return pd.read_sql_query(sql + " ORDER BY asin, week_start", ws.conn, params=params)


def save_capacity_plan(ws: Workspace, asin: str, weeks: dict[str, float]) -> None:
    """Replace the planned capacity of ``asin`` for the given week starts (validated first)."""
    rows = []
    for week, units in weeks.items():
        try:
            dt.date.fromisoformat(week)
        except ValueError:
            raise UserError(N_("{asin}, capacity plan: '{week}' is not a date. Use YYYY-MM-DD, e.g. 2026-03-01."),
                            asin=asin, week=week) from None
        rows.append((asin, week, validate_capacity(units, asin)))
    if any(units is None for _, _, units in rows):
        raise UserError(N_("{asin}, capacity plan: every week needs a capacity above 0."), asin=asin)
    with ws.transaction() as conn:
        conn.executemany("INSERT OR REPLACE INTO capacity_plan (asin, week_start, units) VALUES (?, ?, ?)", rows)


def open_po_lines(ws: Workspace) -> pd.DataFrame:
    """Open PO units per line: po_number, asin, order_date, due (ISO), open_units, unit_cost.

    open_units = accepted (or requested) - received - cancelled, at least 0; due is the
    line's expected date, else the PO window end, else window start.
    """
    placeholders = ",".join("?" * len(OPEN_STATUSES))
    sql = ("SELECT l.po_number, l.asin, p.order_date, p.status, "
           "COALESCE(l.expected_date, p.window_end, p.window_start, p.order_date) AS due, "
           "COALESCE(l.accepted_qty, l.requested_qty, 0) - COALESCE(l.received_qty, 0) "
           "- COALESCE(l.cancelled_qty, 0) AS open_units, l.unit_cost "
           "FROM po_lines l JOIN purchase_orders p ON p.po_number = l.po_number "
           f"WHERE LOWER(COALESCE(p.status, 'open')) IN ({placeholders}) ORDER BY due")
    frame = pd.read_sql_query(sql, ws.conn, params=list(OPEN_STATUSES))
    frame["open_units"] = frame["open_units"].clip(lower=0)
    return frame[frame["open_units"] > 0].reset_index(drop=True)


def latest_inventory(ws: Workspace) -> pd.DataFrame:
    """Newest weekly Amazon inventory per ASIN: asin, period_start, on_hand, open_po, lead_time_days.
    Several marketplaces add up their stocks; lead time is per received unit (their mean without receipts)."""
    lead, received = "i.average_vendor_lead_time_days", "i.net_received_inventory_units"
    weight = f"CASE WHEN {lead} IS NOT NULL AND {received} > 0 THEN {received} END"
    sql = ("SELECT i.asin, i.period_start, SUM(i.sellable_on_hand_inventory_units) AS on_hand, "
           f"SUM(i.open_purchase_order_units) AS open_po, CASE WHEN COUNT({lead}) < 2 THEN MAX({lead}) "
           f"WHEN SUM({weight}) > 0 THEN SUM({lead} * {weight}) / SUM({weight}) ELSE AVG({lead}) END AS lead_time_days "
           "FROM inventory_facts i JOIN (SELECT asin, MAX(period_start) AS ps FROM inventory_facts "
           "WHERE grain = 'week' AND asin <> '' GROUP BY asin) m ON i.asin = m.asin AND i.period_start = m.ps "
           "WHERE i.grain = 'week' AND i.distributor_view = 'MANUFACTURING' GROUP BY i.asin, i.period_start "
           "ORDER BY i.asin")
    return pd.read_sql_query(sql, ws.conn)


def unit_values(ws: Workspace, weeks: int = 13) -> pd.DataFrame:
    """Per ASIN the value of one unit for the vendor: cost price, else shipped COGS / units."""
    sql = ("SELECT s.asin, SUM(s.shipped_cogs) / NULLIF(SUM(s.shipped_units), 0) AS cogs_unit, "
           "SUM(s.ordered_revenue) / NULLIF(SUM(s.ordered_units), 0) AS asp "
           "FROM sales_facts s WHERE s.grain = 'week' AND s.asin <> '' AND s.period_start >= "
           "(SELECT DATE(MAX(period_start), ?) FROM sales_facts WHERE grain = 'week') GROUP BY s.asin")
    frame = pd.read_sql_query(sql, ws.conn, params=[f"-{7 * weeks} days"])
    costs = pd.read_sql_query("SELECT c.asin, c.cost FROM cost_prices c JOIN (SELECT asin, MAX(valid_from) vf "
                              "FROM cost_prices GROUP BY asin) m ON c.asin = m.asin AND c.valid_from = m.vf",
                              ws.conn)
    frame = frame.merge(costs, on="asin", how="outer")
    frame["unit_value"] = frame["cost"].fillna(frame["cogs_unit"]).fillna(frame["asp"])
    return frame[["asin", "unit_value"]]


def analogue_attributes(ws: Workspace) -> pd.DataFrame:
    """Per ASIN brand, category and ASP (ordered revenue / ordered units over all weeks): the
    kind a launch borrows its curve from (core.forecast.launch.analogue_groups)."""
    sql = ("SELECT p.asin, p.brand, p.category, "
           "(SELECT SUM(s.ordered_revenue) / NULLIF(SUM(s.ordered_units), 0) FROM sales_facts s "
           " WHERE s.asin = p.asin AND s.grain = 'week') AS asp FROM products p")
    return pd.read_sql_query(sql, ws.conn)


def load_forecast_inputs(ws: Workspace, keep: bool = True) -> ForecastInputs:
    """Everything the forecast plan needs, as plain frames (see core.forecast_plan.build_plan).
    ``keep=False``: the facts and Amazon's forecasts are not kept in this process (``weekly_frame``)."""
    from vendordesk.store.elasticity import price_elasticity
    from vendordesk.store.facts_read import (
        amazon_forecasts_frame,
        products_frame,
        weekly_frame,
    )

    # the forecast command's (ops.forecast.SALES_METRICS): without glance views a launch whose every week
    # was a stock-out was sized differently in the tab (e.g. 5.25 instead of 55.04 units a week)
    metrics = ("ordered_units", "shipped_units", "ordered_revenue", "procurable_product_out_of_stock_rate",
               "glance_views")
    products = products_frame(ws)
    return {
        "weekly": weekly_frame(ws, metrics=metrics, keep=keep),
        "amazon": amazon_forecasts_frame(ws, keep=keep),
        "supply": supply_params(ws),
        "capacity_plan": capacity_plan(ws),
        "open_po": open_po_lines(ws),
        "inventory": latest_inventory(ws),
        "values": unit_values(ws),
        "products": products[["asin", "title"]] if "title" in products else products,
        "events": _events(ws),
        "attributes": analogue_attributes(ws),
        "elasticity": price_elasticity(ws)[0],   # the estimate of (estimate, low, high, source)
    }


def _events(ws: Workspace) -> list[Event]:
    from vendordesk.store.events import calendar

    return calendar(ws, 2010, 2040)
