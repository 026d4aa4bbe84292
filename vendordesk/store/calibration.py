"""Persistence of the structural model's calibration (table model_calibrations, migration 0006)
and the readers that feed calibration and the what-if.

``run_calibration`` is the one function behind ``vendordesk calibrate`` and the window's
Calibrate button: read the history, calibrate (core.calibration), store, return the result.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd

from vendordesk.core.calibration import COLUMNS, calibrate
from vendordesk.store.db import Workspace, open_workspace
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


def history_frame(ws: Workspace) -> pd.DataFrame:
    return weekly_frame(ws, COLUMNS)


def first_week_forecasts(ws: Workspace) -> pd.DataFrame:
    """For every week, the first-week forecast of the generation made just before it: asin, week_start, mean_units."""
    return pd.read_sql_query(
        "SELECT asin, week_start, mean_units FROM amazon_forecasts WHERE asin <> '' AND mean_units IS NOT NULL "
        "AND week_start > generation_date AND week_start <= date(generation_date, '+7 day') "
        "ORDER BY generation_date", ws.conn).drop_duplicates(["asin", "week_start"], keep="last")


def save(ws: Workspace, result: dict) -> int:
    with ws.transaction() as conn:
        cur = conn.execute(
            "INSERT INTO model_calibrations(created_at, first_week, last_week, weeks, asins, result_json) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), result.get("first_week"), result.get("last_week"),
             int(result.get("weeks") or 0), int(result.get("asins") or 0), json.dumps(result, ensure_ascii=False)))
        return int(cur.lastrowid)


def load(ws: Workspace) -> dict | None:
    """The newest stored calibration, or None when the workspace was never calibrated."""
    row = ws.conn.execute("SELECT result_json, created_at FROM model_calibrations ORDER BY id DESC LIMIT 1").fetchone()
    if not row:
        return None
    result = json.loads(row[0])
    result["created_at"] = row[1]
    return result


def links(ws: Workspace) -> dict:
    stored = load(ws)
    return stored["links"] if stored else {}


def calibrate_ws(ws: Workspace, progress=None, cancelled=None) -> dict:
    result = calibrate(history_frame(ws), first_week_forecasts(ws), net_ppm_target(ws),
                       progress=progress, cancelled=cancelled)
    if result:
        save(ws, result)
        _mirror_to_graph(ws, result["links"])
    return result


# links of the link graph (core.influence) with the same meaning: edge -> (link, sign of strength)
GRAPH_LINKS = {"E01": ("lost_share", 1.0), "I05": ("elasticity", -1.0)}


def _mirror_to_graph(ws: Workspace, links: dict) -> None:
    """The graph view shows the same calibration: E01 (OOS -> units) and I05 (price elasticity)."""
    from vendordesk.core.influence_calib import Calibration
    from vendordesk.store.influence import save_calibration

    out = {}
    for edge, (name, sign) in GRAPH_LINKS.items():
        link = links.get(name)
        if not link:
            continue
        ok = link["status"] == "calibrated"
        out[edge] = Calibration(edge, "calibrated" if ok else "default", sign * link["estimate"] if ok else None,
                                link.get("se"), int(link["weeks"]), int(link["asins"]), None,
                                "" if ok else link.get("note", ""))
    save_calibration(ws, out)


def run_calibration(path: str | Path, progress=None, cancelled=None) -> dict:
    """Calibrate the workspace at ``path`` on a connection of its own (worker thread) and store it."""
    with open_workspace(Path(path)) as ws:
        return calibrate_ws(ws, progress, cancelled)
