"""Persistence of the structural model's calibration (JSON in meta ``model_calibration``: one
document, the newest run; no table needed) and the readers that feed calibration and the what-if.

``calibrate_ws`` = ``compute`` + ``store_result`` is ``vendordesk calibrate``; the window's Calibrate
button runs the same two through ``ops.calibrate``: ``compute`` in a worker, ``store_result`` on the GUI thread.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from vendordesk.core.influence.calibration import COLUMNS, calibrate
from vendordesk.store.db import Workspace
from vendordesk.store.facts_read import weekly_frame

DEFAULT_TARGET = 0.40


def net_ppm_target(ws: Workspace) -> float:
    """The workspace's Net PPM target (meta net_ppm_target, '40' or '0.40'); 40 % by default."""
    raw = ws.meta("net_ppm_target")
    try:
        value = float(raw) if raw not in (None, "") else DEFAULT_TARGET
    except ValueError:
        return DEFAULT_TARGET
    return value / 100.0 if value > 1.0 else value


_VIEW = ("WHERE asin <> '' AND +grain = 'week' AND distributor_view = 'MANUFACTURING' "
         "AND selling_program = 'RETAIL'")


NULL = -1.7976931348623157e308      # stands in for NULL so rows of numbers convert to floats in C


def _scan(ws: Workspace, table: str, columns: list[str]) -> pd.DataFrame | None:
    """One sequential scan of a fact table for the keys (returned by SQLite as one comma-joined
    text) and one for the numbers (plain floats): ~3x less CPU than a Python tuple per row with
    strings. Both scans walk the same WITHOUT ROWID primary key, so their rows line up (checked)."""
    keys = ws.conn.execute(f"SELECT group_concat(asin, ','), group_concat(period_start, ','), COUNT(*) "
                           f"FROM {table} {_VIEW}").fetchone()
    if not keys or not keys[2]:
        return pd.DataFrame(columns=["asin", "period_start", *columns])
    values = ", ".join(f"ifnull({c}, {NULL!r})" for c in columns)
    # the numbers in chunks straight into one array: all rows as tuples of floats at once held
    # ~220 MB at 5,000 ASINs x 156 weeks (seven inventory columns)
    total = int(keys[2])
    numbers = np.empty((total, len(columns)))
    cursor = ws.conn.execute(f"SELECT {values} FROM {table} {_VIEW}")
    at = 0
    while chunk := cursor.fetchmany(CHUNK):
        if at + len(chunk) > total:
            cursor.close()
            return None                 # the scans disagree (data changed in between): caller falls back
        numbers[at:at + len(chunk)] = np.array(chunk, dtype=float).reshape(len(chunk), len(columns))
        at += len(chunk)
    numbers[numbers == NULL] = np.nan
    asins = _shared_strings(keys[0], total)
    weeks = _shared_strings(keys[1], total)
    if asins is None or weeks is None or at != total:
        return None                     # the scans disagree (data changed in between): caller falls back
    data: dict[str, Any] = {"asin": asins, "period_start": weeks}
    data.update({c: numbers[:, i] for i, c in enumerate(columns)})
    return pd.DataFrame(data)


CHUNK = 65_536


def _shared_strings(joined: str, count: int) -> Any:
    """The comma-joined keys as a text column holding one string object per distinct value (not one
    per row: 780k ASINs as separate objects are ~50 MB), or None when there are not ``count`` of them."""
    values = np.array(joined.split(","), dtype=object)
    if len(values) != count:
        return None
    codes, uniques = pd.factorize(values)
    del values
    return pd.array(uniques, dtype="str").take(codes)


SALES = ("ordered_units", "shipped_units", "shipped_revenue", "shipped_cogs")
INVENTORY = ("procurable_product_out_of_stock_rate", "vendor_confirmation_rate", "receive_fill_rate",
             "average_vendor_lead_time_days", "open_purchase_order_units", "net_received_inventory_units",
             "sellable_on_hand_inventory_units")


def history_frame(ws: Workspace) -> pd.DataFrame:
    """Weekly facts per ASIN (manufacturing view, retail): one scan per fact table, merged in pandas
    (the generic weekly_frame with day roll-ups takes seconds on 200k rows). Day-only data, and
    inventory or Net PPM of several marketplaces (stocks summed, rates weighted), fall back to weekly_frame."""
    sales = _scan(ws, "sales_facts", list(SALES))
    if sales is None or sales.empty:
        return weekly_frame(ws, COLUMNS)
    key = ["asin", "period_start"]
    frame = sales.groupby(key, as_index=False, sort=False).sum(min_count=1) if sales.duplicated(key).any() else sales
    for table, cols in (("inventory_facts", INVENTORY), ("net_ppm_facts", ("net_pure_product_margin",))):
        part = _scan(ws, table, list(cols))
        if part is None:
            return weekly_frame(ws, COLUMNS)
        if part.duplicated(key).any():        # several marketplaces: stocks summed, rates weighted there
            return weekly_frame(ws, COLUMNS)
        if not part.empty:
            frame = frame.merge(part, on=key, how="left")
    for col in COLUMNS:
        if col not in frame:
            frame[col] = np.nan
    return frame


def first_week_forecasts(ws: Workspace) -> pd.DataFrame:
    """Each generation's first forecast week (the week starting on the generation day or within
    the 7 days after it), and per week the newest generation: asin, week_start, mean_units."""
    from vendordesk.store.fact_series import first_week_forecasts_sql

    rows = ws.conn.execute(first_week_forecasts_sql(ws.conn, ">=", mean_known=True)).fetchall()
    frame = pd.DataFrame(rows, columns=["asin", "generation_date", "week_start", "mean_units"])
    frame = frame.sort_values(["asin", "generation_date", "week_start"])
    frame = frame.drop_duplicates(["asin", "generation_date"], keep="first")
    frame = frame.drop_duplicates(["asin", "week_start"], keep="last")
    return frame[["asin", "week_start", "mean_units"]].reset_index(drop=True)


META_KEY = "model_calibration"


#: The calibration document (``core.influence.calibration.calibrate``): parsed JSON, so ``Any`` values.
Document = dict[str, Any]


def save(ws: Workspace, result: Document) -> None:
    stamped = {**result, "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
    ws.set_meta(META_KEY, json.dumps(stamped, ensure_ascii=False))


def load(ws: Workspace) -> Document | None:
    """The newest stored calibration, or None when the workspace was never calibrated."""
    raw = ws.meta(META_KEY)
    if not raw:
        return None
    try:
        result = json.loads(raw)
    except ValueError:
        return None
    return result if isinstance(result, dict) and isinstance(result.get("links"), dict) else None


def links(ws: Workspace) -> dict[str, Any]:
    stored = load(ws)
    return stored["links"] if stored else {}


def compute(ws: Workspace, progress: Callable[[float], object] | None = None,
            cancelled: Callable[[], bool] | None = None) -> Document:
    """Calibrate on the workspace's history (read only). Progress: reading is the first 50 %."""
    step = progress or (lambda _f: None)
    step(0.0)
    frame = history_frame(ws)
    step(0.4)
    forecasts = first_week_forecasts(ws)
    step(0.5)
    if cancelled and cancelled():
        return {}
    return calibrate(frame, forecasts, net_ppm_target(ws), progress=lambda f: step(0.5 + 0.5 * f),
                     cancelled=cancelled)


def store_result(ws: Workspace, result: Document) -> None:
    """Store a calibration: the document in meta, and the graph's matching links (E01, I05)."""
    if result:
        save(ws, result)
        _mirror_to_graph(ws, result["links"])


def calibrate_ws(ws: Workspace, progress: Callable[[float], object] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> Document:
    """``vendordesk calibrate``: compute and store."""
    result = compute(ws, progress, cancelled)
    store_result(ws, result)
    return result


# links of the link graph (core.influence) with the same meaning: edge -> (link, sign of strength)
GRAPH_LINKS = {"E01": ("lost_share", 1.0), "I05": ("elasticity", -1.0)}


def _mirror_to_graph(ws: Workspace, links: dict[str, Any]) -> None:
    """The graph view shows the same calibration: E01 (OOS -> units) and I05 (price elasticity)."""
    from vendordesk.core.influence.linkcal import Calibration
    from vendordesk.store.influence import save_calibration

    out = {}
    for edge, (name, sign) in GRAPH_LINKS.items():
        link = links.get(name)
        if not link:
            continue
        ok = link["status"] == "calibrated"
        out[edge] = Calibration(edge, "calibrated" if ok else "default", sign * link["estimate"] if ok else None,
                                link.get("se"), int(link["weeks"]), int(link["asins"]), None,
                                "" if ok else link.get("note", ""), None if ok else link.get("note_msg"))
    save_calibration(ws, out)


