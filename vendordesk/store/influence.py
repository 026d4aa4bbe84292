"""Persistence of the interdependency model: link overrides and calibrations (kpi_edges),
annual sales targets (sales_targets), and the readers that feed calibration and simulation.

A kpi_edges row exists for a link the KAM edited (note = 'edited') or that was calibrated
(calibrated_json). Links without a row use the defaults of core.influence.
"""

from __future__ import annotations

import json
import math
from dataclasses import replace
from typing import TYPE_CHECKING, TypedDict, cast

import pandas as pd

from vendordesk.core.influence.graph import DEFAULT_EDGES, Edge, Graph, validate_edge
from vendordesk.core.influence.linkcal import Calibration
from vendordesk.errors import UserError
from vendordesk.store.db import Workspace
from vendordesk.store.facts_read import weekly_frame
from vendordesk.text import N_, Month, Number, reason

if TYPE_CHECKING:                   # for the annotations; the functions import these when they run
    from vendordesk.core.bridge import Bridge
    from vendordesk.core.influence.chains import Chain
    from vendordesk.core.influence.sim import Baseline
    from vendordesk.core.influence.target import TargetView

EDITED = "edited"
PRICE_EDGE = "I05"
CALIB_METRICS = ("ordered_units", "shipped_units", "shipped_revenue", "shipped_cogs",
                 "procurable_product_out_of_stock_rate", "glance_views", "net_received_inventory_units")


#: A kpi_edges row: id, from_kpi, to_kpi, sign, lag_weeks, strength, note, calibrated_json.
EdgeRow = tuple[str, str, str, int, int, float, str | None, str | None]


def _rows(ws: Workspace) -> dict[str, EdgeRow]:
    sql = "SELECT id, from_kpi, to_kpi, sign, lag_weeks, strength, note, calibrated_json FROM kpi_edges"
    return {row[0]: row for row in ws.conn.execute(sql)}


def load_graph(ws: Workspace) -> Graph:
    """Defaults, then stored calibrations, then the KAM's edits."""
    graph = Graph.default()
    edges = dict(graph.edges)
    for edge_id, (_, _src, _dst, sign, lag, strength, note, cal_json) in _rows(ws).items():
        base = edges.get(edge_id)
        if base is None:
            continue
        cal = json.loads(cal_json) if cal_json else None
        if note == EDITED:
            edges[edge_id] = replace(base, sign=int(sign), lag=int(lag), strength=float(strength),
                                     source=EDITED, calibration=cal)
        elif cal and cal.get("status") == "calibrated":
            edges[edge_id] = replace(base, lag=int(lag), strength=float(strength), source="calibrated",
                                     calibration=cal)
        else:
            edges[edge_id] = replace(base, calibration=cal)
    from vendordesk.store.elasticity import price_elasticity as stored_elasticity

    estimate, low, high, source = stored_elasticity(ws)       # the one elasticity of the workspace
    price = edges[PRICE_EDGE]
    if source == "calibrated" and price.source not in (EDITED, "calibrated"):
        edges[PRICE_EDGE] = replace(price, strength=min(-estimate, 10.0), source="calibrated",
                                    calibration={"status": "calibrated", "estimate": -estimate, "low": -high,
                                                 "high": -low, "weeks": 0, "n": 0, "reason": ""})
    return Graph(edges)


def save_edge(ws: Workspace, edge_id: str, sign: int, lag: int, strength: float) -> Edge:
    """The KAM's values for one link. UserError names the field when refused."""
    default = {e.id: e for e in DEFAULT_EDGES}.get(edge_id)
    if default is None:
        raise UserError(N_("Link {link}: unknown link id. Pick one of E01..E30 or I01..I10."), link=edge_id)
    edge = replace(default, sign=int(sign), lag=int(lag), strength=float(strength), source=EDITED)
    try:
        validate_edge(edge)
    except ValueError as exc:
        raise UserError(N_("Link {problem} Nothing was saved."), problem=reason(exc)) from exc
    with ws.transaction() as conn:
        conn.execute(
            "INSERT INTO kpi_edges(id, from_kpi, to_kpi, sign, lag_weeks, strength, note) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET sign = excluded.sign, "
            "lag_weeks = excluded.lag_weeks, strength = excluded.strength, note = excluded.note",
            (edge.id, edge.src, edge.dst, edge.sign, edge.lag, edge.strength, EDITED))
    return edge


def reset_edge(ws: Workspace, edge_id: str) -> None:
    """Forget the KAM's edit (a stored calibration stays and applies again)."""
    row = _rows(ws).get(edge_id)
    if row is None:
        return
    with ws.transaction() as conn:
        cal = json.loads(row[7]) if row[7] else None
        if not cal:
            conn.execute("DELETE FROM kpi_edges WHERE id = ?", (edge_id,))
            return
        default = {e.id: e for e in DEFAULT_EDGES}[edge_id]
        ok = cal.get("status") == "calibrated"
        conn.execute("UPDATE kpi_edges SET sign = ?, lag_weeks = ?, strength = ?, note = NULL WHERE id = ?",
                     (default.sign, cal.get("lag") or default.lag if ok else default.lag,
                      cal["estimate"] if ok else default.strength, edge_id))


def save_calibration(ws: Workspace, results: dict[str, Calibration]) -> None:
    """Store every calibration; a calibrated link's strength/lag apply unless the KAM edited it."""
    defaults = {e.id: e for e in DEFAULT_EDGES}
    rows = _rows(ws)
    with ws.transaction() as conn:
        for edge_id, cal in results.items():
            edge = defaults.get(edge_id)
            if edge is None:
                continue
            payload = json.dumps(cal.to_dict())
            if rows.get(edge_id) and rows[edge_id][6] == EDITED:
                conn.execute("UPDATE kpi_edges SET calibrated_json = ? WHERE id = ?", (payload, edge_id))
                continue
            ok = cal.status == "calibrated"
            strength = cal.estimate if ok else edge.strength
            lag = cal.lag if ok and cal.lag is not None else edge.lag
            conn.execute(
                "INSERT INTO kpi_edges(id, from_kpi, to_kpi, sign, lag_weeks, strength, note, calibrated_json) "
                "VALUES (?, ?, ?, ?, ?, ?, NULL, ?) ON CONFLICT(id) DO UPDATE SET lag_weeks = excluded.lag_weeks, "
                "strength = excluded.strength, calibrated_json = excluded.calibrated_json",
                (edge_id, edge.src, edge.dst, edge.sign, lag, strength, payload))


# --- inputs ------------------------------------------------------------------------------
def po_weekly(ws: Workspace) -> pd.DataFrame:
    """Requested PO units per ASIN and order week (Sunday start): asin, period_start, po_units."""
    sql = ("SELECT l.asin, p.order_date, l.requested_qty FROM po_lines l JOIN purchase_orders p "
           "ON p.po_number = l.po_number WHERE p.order_date IS NOT NULL AND l.requested_qty IS NOT NULL")
    frame = pd.read_sql_query(sql, ws.conn)
    if frame.empty:
        return pd.DataFrame(columns=["asin", "period_start", "po_units"])
    day = pd.to_datetime(frame["order_date"], errors="coerce")
    frame = frame.assign(period_start=(day - pd.to_timedelta((day.dt.day_of_week + 1) % 7, unit="D"))
                         .dt.strftime("%Y-%m-%d")).dropna(subset=["period_start"])
    # as_index=False: the sum is a frame (asin, period_start, requested_qty), not a Series
    summed = cast(pd.DataFrame, frame.groupby(["asin", "period_start"], as_index=False)["requested_qty"].sum())
    return summed.rename(columns={"requested_qty": "po_units"})



def price_elasticity(ws: Workspace) -> tuple[float, str]:
    """The workspace's one price elasticity (store.elasticity, from the stored calibration) and
    "calibrated" or "default"."""
    from vendordesk.store.elasticity import price_elasticity as stored

    estimate, _low, _high, source = stored(ws)
    return estimate, source


# --- sales targets -----------------------------------------------------------------------
def read_targets(ws: Workspace, year: int) -> dict[int, float]:
    rows = ws.conn.execute("SELECT month, target FROM sales_targets WHERE year = ? ORDER BY month", (int(year),))
    return {int(m): float(t) for m, t in rows}


def _amount(value: object) -> object:
    """An entered amount as a refusal quotes it (the reader's decimal mark)."""
    return Number(value, None) if isinstance(value, (int, float)) and math.isfinite(value) else value


def write_targets(ws: Workspace, year: int, months: dict[int, float]) -> None:
    """Replace the year's monthly targets (shipped COGS). Refuses bad months/amounts, saves nothing then."""
    if not 2000 <= int(year) <= 2100:
        raise UserError(N_("Sales target, year {year}: choose a year from 2000 to 2100. Nothing was saved."),
                        year=year)
    clean = {}
    for month, value in months.items():
        if not 1 <= int(month) <= 12:
            raise UserError(N_("Sales target, month {month}: choose a month from 1 to 12. Nothing was saved."),
                            month=month)
        amount = float(value)
        if math.isnan(amount) or amount < 0:
            raise UserError(N_("Sales target {month}: {value} is not an amount of 0 or more. Enter the month's "
                               "target as a plain amount, e.g. 150000. Nothing was saved."),
                            month=Month(int(year), int(month)), value=_amount(value))
        clean[int(month)] = amount
    with ws.transaction() as conn:
        conn.execute("DELETE FROM sales_targets WHERE year = ?", (int(year),))
        conn.executemany("INSERT INTO sales_targets(year, month, target) VALUES (?, ?, ?)",
                         [(int(year), m, t) for m, t in sorted(clean.items())])


def phase_evenly(annual: float, weights: list[float] | None = None) -> dict[int, float]:
    """An annual target spread over 12 months (by weights, e.g. last year's shares)."""
    weights = weights or [1.0] * 12
    total = sum(weights) or 1.0
    return {m + 1: annual * w / total for m, w in enumerate(weights)}


def load_baseline(ws: Workspace, weeks: int = 13, asins: list[str] | None = None) -> Baseline:
    """The average recent week (core.influence_sim.Baseline) of the account or of ``asins``."""
    from vendordesk.core.influence.sim import baseline_from_frame

    metrics = ("ordered_units", "shipped_units", "shipped_revenue", "shipped_cogs", "glance_views",
               "procurable_product_out_of_stock_rate", "net_pure_product_margin")
    return baseline_from_frame(weekly_frame(ws, metrics, asins=asins), weeks)


# --- everything the views need, read once -------------------------------------------------
MODEL_METRICS = CALIB_METRICS + ("net_pure_product_margin", "contra_cogs", "sales_discount",
                                 "sellable_on_hand_inventory_units", "open_purchase_order_units")


def chargebacks_frame(ws: Workspace) -> pd.DataFrame:
    """Chargebacks and shortage claims: raised_on, amount, kind, asin."""
    return pd.read_sql_query("SELECT raised_on, amount, kind, asin FROM chargebacks", ws.conn)


def first_week_forecasts(ws: Workspace) -> pd.DataFrame:
    """Each forecast generation's first week only (what the calibration and chains compare)."""
    from vendordesk.store.fact_series import first_week_forecasts_sql

    return pd.read_sql_query(first_week_forecasts_sql(ws.conn, ">"), ws.conn)


class ModelInputs(TypedDict):
    """``load_inputs``: what the views of the model read, once."""

    frame: pd.DataFrame              # weekly per ASIN (MODEL_METRICS)
    forecast: pd.DataFrame           # weeks x ASINs, each generation's first week
    po: pd.DataFrame                 # weeks x ASINs, requested PO units
    charges: pd.DataFrame            # chargebacks_frame
    net_ppm_target: float | None
    currency: str


def load_inputs(ws: Workspace, keep: bool = True) -> ModelInputs:
    """frame (weekly per ASIN), forecast and po panels (weeks x ASINs), charges, target Net PPM.

    ``keep=False``: the frame is decoded for just these metrics and not kept in the process cache
    (``weekly_frame``), for a reader that holds it only while it works (``ops.influence.load_views``)."""
    from vendordesk.core.influence.chains import panel
    from vendordesk.core.influence.linkcal import forecast_panel

    frame = weekly_frame(ws, MODEL_METRICS, keep=keep)
    target = ws.meta("net_ppm_target")
    try:
        target_value = float(target) if target not in (None, "") else None
    except ValueError:
        target_value = None
    return {"frame": frame, "forecast": forecast_panel(first_week_forecasts(ws)),
            "po": panel(po_weekly(ws), "po_units"), "charges": chargebacks_frame(ws),
            "net_ppm_target": target_value, "currency": ws.meta("currency", "EUR") or "EUR"}


def load_chains(ws: Workspace, lang: str = "en", inputs: ModelInputs | None = None) -> list[Chain]:
    from vendordesk.core.influence.chains import active_chains

    i = inputs or load_inputs(ws)
    return active_chains(i["frame"], i["forecast"], i["po"], i["charges"], lang, i["net_ppm_target"])


def account_weekly(ws: Workspace) -> pd.DataFrame:
    """Account totals per week (ASIN rows summed): period_start, shipped_cogs, shipped_units."""
    return pd.read_sql_query(
        "SELECT period_start, SUM(shipped_cogs) AS shipped_cogs, SUM(shipped_units) AS shipped_units "
        "FROM sales_facts WHERE grain = 'week' AND asin <> '' AND distributor_view = 'MANUFACTURING' "
        "AND selling_program = 'RETAIL' GROUP BY period_start ORDER BY period_start", ws.conn)


def latest_forecast_units(ws: Workspace) -> pd.Series:
    """Amazon's newest forecast generation: week_start -> mean units (all ASINs)."""
    row = ws.conn.execute("SELECT MAX(generation_date) FROM amazon_forecasts").fetchone()
    if not row or not row[0]:
        return pd.Series(dtype=float)
    # summed in SQL: the full forecast frame is 2 million rows at 5,000 ASINs x 156 weeks (+550 MB peak)
    sums = pd.read_sql_query(
        "SELECT week_start, TOTAL(mean_units) AS mean_units FROM amazon_forecasts "
        "WHERE asin <> '' AND generation_date = ? GROUP BY week_start ORDER BY week_start", ws.conn, params=(row[0],))
    return sums.set_index("week_start")["mean_units"]


def load_target_view(ws: Workspace, year: int | None = None, lang: str = "en",
                     inputs: ModelInputs | None = None) -> TargetView:
    """core.target.TargetView with the gear levers, for ``year`` (default: the year of the newest week);
    the levers are priced by the structural model on the one stored calibration."""
    from vendordesk.core.influence.target import gear_levers, target_view, week_month
    from vendordesk.store.gears import gear_settings

    weekly = account_weekly(ws)
    if year is None:
        year = week_month(weekly["period_start"].max())[0] if not weekly.empty else pd.Timestamp.today().year
    view = target_view(read_targets(ws, year), year, weekly, latest_forecast_units(ws))
    i = inputs or load_inputs(ws)
    from vendordesk.store import calibration

    stored = calibration.load(ws)
    view.levers = gear_levers(i["frame"], view.remaining_weeks, lang, currency=i["currency"],
                              links=stored["links"] if stored else None, forecasts=first_week_forecasts(ws),
                              target=calibration.net_ppm_target(ws), settings=gear_settings(ws))
    return view


def load_bridge(ws: Workspace, start: str | None = None, end: str | None = None, inputs: ModelInputs | None = None,
                weeks: int = 13) -> Bridge | None:
    """core.bridge.Bridge for [start, end] (default: the last ``weeks`` weeks) vs. the period before;
    None when either period has no sell-in."""
    from vendordesk.core.bridge import build_bridge, period_by_asin, previous_period

    i = inputs or load_inputs(ws)
    frame = i["frame"]
    if frame.empty:
        return None
    starts = sorted(frame["period_start"].unique())
    end = end or starts[-1]
    start = start or starts[max(0, len(starts) - weeks)]
    a0, a1 = previous_period(start, end)
    charges = i["charges"]

    def charged(lo: str, hi: str) -> float:
        last = (pd.Timestamp(hi) + pd.Timedelta(days=6)).strftime("%Y-%m-%d")
        day = charges["raised_on"].astype(str)
        return float(charges.loc[(day >= lo) & (day <= last), "amount"].sum()) if not charges.empty else 0.0

    bridge = build_bridge(period_by_asin(frame, a0, a1), period_by_asin(frame, start, end),
                          charged(a0, a1), charged(start, end))
    bridge.periods = ((a0, a1), (start, end))
    if bridge.gross_start <= 0 or bridge.gross_end <= 0:
        return None          # no sell-in in one of the periods: nothing to compare
    return bridge
