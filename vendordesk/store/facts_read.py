"""Read facts for the domain: weekly per-ASIN frames, products, Amazon forecasts.

Readers return pandas DataFrames; core computes on them. Account aggregate rows
(asin '') are excluded. The default view is MANUFACTURING / RETAIL.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np
import pandas as pd

from vendordesk.store.db import Workspace
from vendordesk.store.lean_query import read_frame, release_freed_memory

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


def _where(asins: list[str] | None, start: str | None, end: str | None, view: str, program: str,
           grain: str) -> tuple[str, list[Any]]:
    # With ASINs given, "+grain" keeps SQLite on the primary key instead of the period index.
    clauses = ["asin <> ''", "+grain = ?" if asins else "grain = ?", "distributor_view = ?", "selling_program = ?"]
    params: list[Any] = [grain, view, program]
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


# How a metric combines over marketplaces and over the days of a week.
STOCKS = {
    "open_purchase_order_units", "sellable_on_hand_inventory_units", "sellable_on_hand_inventory_cost",
    "unsellable_on_hand_inventory_units", "unsellable_on_hand_inventory_cost",
    "aged90_plus_days_sellable_inventory_units", "aged90_plus_days_sellable_inventory_cost",
    "unhealthy_inventory_units", "unhealthy_inventory_cost", "highly_available_inventory",
}
RATES = {"procurable_product_out_of_stock_rate", "vendor_confirmation_rate", "receive_fill_rate",
         "average_vendor_lead_time_days", "sell_through_rate", "uft", "net_pure_product_margin"}
# Rows of one ASIN-week (marketplaces, or the days of a week) combine a rate weighted by what Amazon
# divides by (docs/domain.md §1.5), as core.gears.kpis.WEIGHTED does over ASINs:
#   OOS rate        = OOS glance views / glance views          -> glance views (traffic_facts)
#   UFT             = a share of the glance views, like OOS    -> glance views (traffic_facts)
#   confirmation    = confirmed / requested units              -> requested = received / fill / confirmation
#   fill rate       = received / confirmed units               -> confirmed = received / fill
#   lead time       = days per received unit                   -> net received units
#   sell-through    = (shipped - returns) / (opening + received): the opening stock is another week's row,
#                     so by shipped units (sales_facts), as core weights it over ASINs
#   Net PPM         = margin / shipped revenue                 -> shipped revenue (sales_facts)
# The inventory table holds neither glance views nor shipped units: they come from the same key
# (asin, marketplace, view, program, grain, period) of the traffic and sales tables, by a LEFT JOIN on
# their primary key. A row whose weight is missing or 0 adds nothing (0 glance views: no OOS views);
# where NO row of the group has a weight (e.g. nothing received, no traffic imported) the rate is
# the plain mean of the rows, and a group of one value is that value, unchanged.
WEIGHTS: dict[str, tuple[str | None, str]] = {
    "procurable_product_out_of_stock_rate": ("traffic_facts", "t.glance_views"),
    "uft": ("traffic_facts", "t.glance_views"),
    "vendor_confirmation_rate": (None, "f.net_received_inventory_units / f.receive_fill_rate "
                                       "/ f.vendor_confirmation_rate"),
    "receive_fill_rate": (None, "f.net_received_inventory_units / f.receive_fill_rate"),
    "average_vendor_lead_time_days": (None, "f.net_received_inventory_units"),
    "sell_through_rate": ("sales_facts", "s.shipped_units"),
    "net_pure_product_margin": ("sales_facts", "s.shipped_revenue"),
}
_ALIAS = {"traffic_facts": "t", "sales_facts": "s"}
_FULL_KEY = "asin, marketplace_id, distributor_view, selling_program, grain, period_start"


def _weight(column: str) -> str:
    """The weight of one row's ``column``: NULL where the rate or a positive weight is missing."""
    weight = WEIGHTS[column][1]
    return f"CASE WHEN f.{column} IS NOT NULL AND {weight} > 0 THEN {weight} END"


def _joins(table: str, cols: list[str]) -> str:
    """LEFT JOINs of the other fact tables whose columns weight ``cols`` (same full key)."""
    others = dict.fromkeys(WEIGHTS[c][0] for c in cols if c in WEIGHTS and WEIGHTS[c][0] not in (None, table))
    return "".join(f" LEFT JOIN {other} {_ALIAS[other]} USING ({_FULL_KEY})" for other in others if other)


def _combined(column: str) -> str:
    """The aggregate of one metric over a group's rows (table alias f): amounts summed; rates
    averaged, which is exact for a group of one row (others are weighted by ``_weighted_rates``)."""
    return f"{'AVG' if column in RATES else 'SUM'}(f.{column})"


def _table_frame(ws: Workspace, table: str, cols: list[str], where: str, params: list[Any]) -> pd.DataFrame:
    """One row per (asin, period): marketplaces of a multi-country export are combined
    (amounts and units summed, rates weighted as in WEIGHTS; all-NULL stays NULL)."""
    rates = [c for c in cols if c in RATES and c in WEIGHTS]
    aggs = ", ".join([f"{_combined(c)} AS {c}" for c in cols] + (['COUNT(*) AS "rows:"'] if rates else []))
    sql = (f"SELECT asin, period_start, MAX(f.period_end) AS period_end, {aggs} "
           f"FROM {table} f WHERE {where} GROUP BY asin, period_start")
    frame = read_frame(ws.conn, sql, params)
    if rates:
        several = frame.pop("rows:").to_numpy() > 1
        if several.any():
            _weighted_rates(ws, table, rates, where, params, frame, several)
    return frame


def _weighted_rates(ws: Workspace, table: str, rates: list[str], where: str, params: list[Any],
                    frame: pd.DataFrame, several: np.ndarray) -> None:
    """Only when some group has several rows (several marketplaces), a second pass reads each
    rate's weighted sum and weight sum with the joins they need, and the groups of several rows
    take Σ rate x weight / Σ weight (their plain mean where no row has a weight). A
    one-marketplace workspace pays nothing for it; a group of one value keeps it exactly."""
    parts = ", ".join(f'SUM(f.{c} * ({_weight(c)})) AS "wx:{c}", SUM({_weight(c)}) AS "w:{c}", COUNT(f.{c}) AS "n:{c}"'
                      for c in rates)
    sql = (f"SELECT asin, period_start, {parts} FROM {table} f{_joins(table, rates)} WHERE {where} "
           f"GROUP BY asin, period_start")
    sums = pd.read_sql_query(sql, ws.conn, params=params)
    # the same GROUP BY over the same rows (a LEFT JOIN on a primary key adds none): the same groups
    if not (sums["asin"].equals(frame["asin"]) and sums["period_start"].equals(frame["period_start"])):
        sums = frame[["asin", "period_start"]].merge(sums, on=["asin", "period_start"], how="left")
    for c in rates:
        weight = pd.to_numeric(sums[f"w:{c}"], errors="coerce").to_numpy(dtype=float)
        total = pd.to_numeric(sums[f"wx:{c}"], errors="coerce").to_numpy(dtype=float)
        values_known = pd.to_numeric(sums[f"n:{c}"], errors="coerce").to_numpy(dtype=float)
        use = several & (values_known > 1) & (weight > 0)
        if use.any():
            values = pd.to_numeric(frame[c], errors="coerce").to_numpy(dtype=float, copy=True)
            values[use] = total[use] / weight[use]
            frame[c] = values


_WEEK_OF = "date(period_start, '-' || strftime('%w', period_start) || ' days')"


def _days_as_weeks(ws: Workspace, table: str, cols: list[str], asins: list[str] | None, start: str | None,
                   end: str | None, view: str, program: str) -> pd.DataFrame:
    """Day facts rolled up into Sunday..Saturday weeks in SQL: flows summed, stocks taken on
    the last day (marketplaces summed), rates weighted over every day and marketplace of the
    week as in WEIGHTS (each day's rows carry their weighted sum, weight, sum and count)."""
    import datetime as dt

    wide_end = (dt.date.fromisoformat(str(end)[:10]) + dt.timedelta(days=6)).isoformat() if end else None
    where, params = _where(asins, start, wide_end, view, program, "day")
    per_day, per_week = [], []
    for c in cols:
        if c in RATES and c in WEIGHTS:
            k = _weight(c)
            per_day.append(f'SUM(f.{c} * ({k})) AS "wx:{c}", SUM({k}) AS "w:{c}", SUM(f.{c}) AS "s:{c}", '
                           f'COUNT(f.{c}) AS "n:{c}"')
            per_week.append(f'CASE WHEN SUM("n:{c}") < 2 THEN MAX("s:{c}") WHEN SUM("w:{c}") > 0 '
                            f'THEN SUM("wx:{c}") / SUM("w:{c}") ELSE SUM("s:{c}") / SUM("n:{c}") END AS {c}')
        else:
            per_day.append(f"{_combined(c)} AS {c}")
            per_week.append(f"MAX(CASE WHEN rn = 1 THEN {c} END) AS {c}" if c in STOCKS else
                            f"{'AVG' if c in RATES else 'SUM'}({c}) AS {c}")
    sql = (f"WITH d AS (SELECT asin, period_start, {', '.join(per_day)} FROM {table} f{_joins(table, cols)} "
           f"WHERE {where} GROUP BY asin, period_start), "
           f"w AS (SELECT *, {_WEEK_OF} AS wk, ROW_NUMBER() OVER (PARTITION BY asin, {_WEEK_OF} "
           f"ORDER BY period_start DESC) AS rn FROM d) "
           f"SELECT asin, wk AS period_start, date(wk, '+6 days') AS period_end, {', '.join(per_week)} FROM w "
           f"GROUP BY asin, wk")
    frame = pd.read_sql_query(sql, ws.conn, params=params)
    if start:
        frame = frame[frame["period_start"] >= str(start)]
    if end:
        frame = frame[frame["period_start"] <= str(end)]
    return frame


def weekly_frame(ws: Workspace, metrics: tuple[str, ...] | None = None, asins: list[str] | None = None,
                 start: str | None = None, end: str | None = None, view: str = "MANUFACTURING",
                 program: str = "RETAIL", grain: str = "week", keep: bool = True,
                 codes: bool = False) -> pd.DataFrame:
    """One row per (asin, week) with the requested metric columns (all known ones by default).

    Columns: asin, period_start, period_end, then metrics. period_start/period_end are ISO strings.
    Metrics a table holds no rows for come back as all-NaN columns. Marketplaces are combined (amounts summed, rates weighted: see WEIGHTS).
    For weeks without week facts, day facts are rolled up into Sunday..Saturday weeks.
    The default view and grain are served from the shared snapshot (store.facts_snapshot);
    ``keep=False``: not kept in this process, one array per column (``facts_snapshot.full_frame``).
    ``codes``: also ``week_code`` and ``asin_code`` (ranks of the sorted week starts and ASINs) where
    the decoded snapshot has them for every row (else no such columns).
    """
    wanted = set(metrics) if metrics else None
    if (view, program, grain) == ("MANUFACTURING", "RETAIL", "week") and (wanted is None or wanted <= _KNOWN):
        from vendordesk.store import facts_snapshot

        got = facts_snapshot.full_frame(ws, _build_snapshot, keep=keep, only=wanted)
        # A week's day facts all lie in [start, end + 6 days], so date filters slice the snapshot.
        if got is not None and len(got[0]):
            part = _slice(got[0], got[1]["present"], wanted, asins, start, end)
            if codes and "codes" in got[1] and len(part) == len(got[0]):
                held = got[1]["codes"]      # as Series: a bare array would be copied
                part = part.assign(week_code=pd.Series(held["period_start"], copy=False),
                                   asin_code=pd.Series(held["asin"], copy=False))
            if not keep and len(part) < len(got[0]):
                # the decoded frame this was cut from is freed now; its heap goes back to the system,
                # else the process keeps it (the negotiation's market of one case at 5,000 ASINs x
                # 156 weeks: 54 MB more held, 49 of them freed holes)
                del got
                release_freed_memory()
            return part
    return _weekly_sql(ws, wanted, asins, start, end, view, program, grain)


_KNOWN = {c for columns in TABLES.values() for c in columns}


def _slice(frame: pd.DataFrame, present: dict[str, np.ndarray], wanted: set[str] | None, asins: list[str] | None,
           start: str | None, end: str | None) -> pd.DataFrame:
    """The rows and columns of the full frame that ``weekly_frame(metrics, asins, start, end)`` returns."""
    cols: list[str] = []
    mask = np.zeros(len(frame), dtype=bool)
    for table, columns in TABLES.items():
        mine = [c for c in columns if wanted is None or c in wanted]
        if mine:
            cols += mine
            mask |= present[table]
    if asins:
        mask &= frame["asin"].isin([str(a) for a in asins]).to_numpy()
    if start:
        mask &= (frame["period_start"] >= str(start)).to_numpy()
    if end:
        mask &= (frame["period_start"] <= str(end)).to_numpy()
    if mask.all():
        return frame[KEY + cols]  # copy-on-write (pandas 3): callers may change their frame freely
    return frame.loc[mask, KEY + cols].reset_index(drop=True)


def _build_snapshot(ws: Workspace) -> tuple[pd.DataFrame, dict[str, np.ndarray]]:
    """(full weekly frame, presence per fact table) from SQL.

    The frame ``_weekly_sql`` returns (rows by ASIN, week start and end; NaN where a table has no
    row), merged on integer keys into one float block filled column by column while each table's
    own column is dropped: the outer concat of MultiIndexed frames, then a sorted copy, held about
    three copies of the facts at once (~400 MB at 5,000 x 156). One marketplace without day facts
    is read from the keyed tables in key order (``facts_fill``), else grouped in SQL per table."""
    from vendordesk.store.facts_fill import keyed_parts

    keyed = keyed_parts(ws.conn, TABLES, "MANUFACTURING", "RETAIL")
    return _assembled(*keyed) if keyed is not None else _grouped_snapshot(ws)


def _grouped_snapshot(ws: Workspace) -> tuple[pd.DataFrame, dict[str, np.ndarray]]:
    """``_build_snapshot`` from each table's rows grouped in SQL (any number of marketplaces, day facts)."""
    labels: list[dict[Any, int]] = [{} for _ in KEY]      # per key column: value -> code, first seen first
    parts: list[tuple[str, list[np.ndarray], dict[str, np.ndarray]]] = []
    for table, frame in _table_frames(ws, None, None, None, None, "MANUFACTURING", "RETAIL", "week"):
        if frame[KEY].isna().any(axis=None):     # a key without a value: the general path
            frame = _weekly_sql(ws, None, None, None, None, "MANUFACTURING", "RETAIL", "week", marks=True)
            return frame, {t: frame.pop(f"has:{t}").notna().to_numpy() for t in TABLES}
        codes = []
        for seen, column in zip(labels, KEY):
            local, uniques = pd.factorize(frame[column].to_numpy(dtype=object))
            codes.append(np.array([seen.setdefault(u, len(seen)) for u in uniques], dtype=np.int32)[local])
        values = {c: pd.to_numeric(frame[c], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
                  for c in frame.columns[3:]}
        parts.append((table, codes, values))
        del frame
    if not any(len(codes[0]) for _, codes, _ in parts):
        frame = _weekly_sql(ws, None, None, None, None, "MANUFACTURING", "RETAIL", "week", marks=True)
        return frame, {t: frame.pop(f"has:{t}").notna().to_numpy() for t in TABLES}
    # the codes as ranks of the sorted values (the order sort_values gives the rows)
    ordered = [sorted(seen) for seen in labels]
    rank = []                                       # code -> position of its value in the sorted values
    for seen, in_order in zip(labels, ordered):
        position = {v: i for i, v in enumerate(in_order)}
        rank.append(np.array([position[v] for v in seen], dtype=np.int32))
    ranked = [(table, [r[c] for r, c in zip(rank, codes)], values) for table, codes, values in parts]
    del parts
    return _assembled(ranked, ordered)


def _assembled(parts: list[tuple[str, list[np.ndarray], dict[str, np.ndarray]]],
               ordered: list[list[str]]) -> tuple[pd.DataFrame, dict[str, np.ndarray]]:
    """The frame and presence of ``_build_snapshot`` from per-table (table, [ASIN, start, end ranks
    in ``ordered``], values per column); each table's values are dropped as the block fills."""
    from vendordesk.store.facts_fill import distinct

    sizes = [len(in_order) for in_order in ordered]
    keys = [(c[0].astype(np.int64) * sizes[1] + c[1]) * sizes[2] + c[2] for _, c, _ in parts]
    rows = distinct(np.concatenate(keys))           # sorted by ASIN, then week start, then end
    metrics = [c for _, _, values in parts for c in values]
    block = np.empty((len(rows), len(metrics)), order="F")
    present: dict[str, np.ndarray] = {}
    j = 0
    for (table, _, values), key in zip(parts, keys):
        at = np.searchsorted(rows, key)
        present[table] = np.zeros(len(rows), dtype=bool)
        present[table][at] = True
        for column in list(values):
            block[:, j] = np.nan
            block[at, j] = values.pop(column)       # the table's own copy goes as the block fills
            j += 1
    del parts, keys
    out = pd.DataFrame(block, columns=metrics, copy=False)
    a, rest = np.divmod(rows, sizes[1] * sizes[2])
    start, end = np.divmod(rest, sizes[2])
    for i, (column, code_of) in enumerate(zip(KEY, (a, start, end))):
        out.insert(i, column, pd.Series(pd.array(ordered[i], dtype="str").take(code_of), copy=False))
    return out, present


def _table_frames(ws: Workspace, wanted: set[str] | None, asins: list[str] | None, start: str | None,
                  end: str | None, view: str, program: str, grain: str) -> Iterator[tuple[str, pd.DataFrame]]:
    """Per fact table with wanted columns, one at a time: one row per (asin, period), day facts
    rolled up into the weeks without week facts."""
    for table, columns in TABLES.items():
        cols = [c for c in columns if wanted is None or c in wanted]
        if not cols:
            continue
        where, params = _where(asins, start, end, view, program, grain)
        frame = _table_frame(ws, table, cols, where, params)
        if grain == "week":
            rolled = _days_as_weeks(ws, table, cols, asins, start, end, view, program)
            if not rolled.empty:
                have = set(zip(frame["asin"], frame["period_start"]))
                keep = [(a, p) not in have for a, p in zip(rolled["asin"], rolled["period_start"])]
                frame = pd.concat([frame, rolled[keep]], ignore_index=True) if len(frame) else rolled[keep]
        yield table, frame
        del frame           # not held while the caller reads the next table


def _weekly_sql(ws: Workspace, wanted: set[str] | None, asins: list[str] | None, start: str | None,
                end: str | None, view: str, program: str, grain: str, marks: bool = False) -> pd.DataFrame:
    frames = []
    for table, frame in _table_frames(ws, wanted, asins, start, end, view, program, grain):
        if marks:
            frame[f"has:{table}"] = True
        frames.append(frame.set_index(KEY))
    if not frames:
        return pd.DataFrame(columns=KEY)
    merged = pd.concat(frames, axis=1, join="outer").reset_index()
    for column in merged.columns[3:]:
        if not column.startswith("has:"):
            merged[column] = pd.to_numeric(merged[column], errors="coerce").astype(float)
    return merged.sort_values(["asin", "period_start"], kind="stable").reset_index(drop=True)


def products_frame(ws: Workspace) -> pd.DataFrame:
    return pd.read_sql_query("SELECT * FROM products ORDER BY asin", ws.conn)


def amazon_forecasts_frame(ws: Workspace, asins: list[str] | None = None,
                           generation: str | None = None, keep: bool = True) -> pd.DataFrame:
    """Every forecast generation (or one) as rows: asin, generation_date, week_start, mean/p70/p80/p90.
    All of them are read once per import (store.facts_snapshot); filters slice that frame.
    ``keep=False``: not kept in this process (one command); each column is its own array then."""
    from vendordesk.store.facts_snapshot import cached_frame

    frame = cached_frame(ws, "amazon_forecasts", _amazon_forecasts_sql, keep=keep)
    if not asins and not generation:
        return frame
    mask = pd.Series(True, index=frame.index)
    if asins:
        mask &= frame["asin"].isin([str(a) for a in asins])
    if generation:
        mask &= frame["generation_date"] == str(generation)
    if mask.all():
        return frame      # copy-on-write: no copy of two million rows when the filter keeps all
    return frame[mask].reset_index(drop=True)


def fill_forecast_caches(ws: Workspace) -> None:
    """Build and store the facts snapshot and the Amazon-forecast frame where the workspace has no
    valid copy (right after an import) before anything is read, and hand what building freed back;
    the forecast then decodes them as on every later run. Built while the forecast read them, the
    first forecast after an import peaked at 611 instead of 535 MB at 5,000 ASINs x 156 weeks.
    The facts snapshot first: storing it drops the other frames."""
    from vendordesk.store import facts_snapshot
    from vendordesk.store.lean_query import release_freed_memory

    facts_snapshot.fill(ws, _build_snapshot)
    release_freed_memory()
    facts_snapshot.fill_frame(ws, "amazon_forecasts", _amazon_forecasts_sql)
    release_freed_memory()


_FORECASTS_SQL = ("SELECT asin, generation_date, week_start, week_end, mean_units, p70_units, p80_units, p90_units "
                  "FROM amazon_forecasts WHERE asin <> '' ORDER BY asin, generation_date, week_start")


def _amazon_forecasts_sql(ws: Workspace) -> pd.DataFrame:
    """The frame of ``_FORECASTS_SQL`` (2 million rows at 5,000 ASINs x 156 weeks: chunked).

    Since schema 10 it is read from amazon_forecasts_k itself, in key order: integers only (series id,
    days), the dates made text once per distinct day, the rows sorted by ASIN, generation and week
    in numpy. Through the view SQLite made three dates per row and sorted 2 million rows
    (6.4 instead of 4.6 s of CPU). A date kept as text (no ISO date) goes through the view."""
    from vendordesk.store.fact_series import FORECASTS, forecasts_keyed

    conn = ws.conn
    if not forecasts_keyed(conn) or conn.execute(
            f"SELECT 1 FROM {FORECASTS} WHERE typeof(generation) <> 'integer' OR typeof(week) <> 'integer' "
            "OR span IS NULL LIMIT 1").fetchone():
        return read_frame(conn, _FORECASTS_SQL)
    series = conn.execute("SELECT id, asin FROM forecast_series WHERE asin <> ''").fetchall()
    rows = read_frame(conn, f"SELECT series_id, generation, week, span, mean_units, p70_units, p80_units, p90_units "
                            f"FROM {FORECASTS} WHERE series_id IN (SELECT id FROM forecast_series WHERE asin <> '')")
    if rows.empty or rows["series_id"].dtype != np.int64:
        return read_frame(conn, _FORECASTS_SQL)
    asins = sorted({asin for _, asin in series})
    rank = dict(zip(asins, range(len(asins))))
    ids = np.array([i for i, _ in series], dtype=np.int64)
    asin_of = np.full(int(ids.max()) + 1, -1, dtype=np.int64)
    asin_of[ids] = [rank[asin] for _, asin in series]
    asin = asin_of[rows.pop("series_id").to_numpy()]
    generation, week = rows.pop("generation").to_numpy(), rows.pop("week").to_numpy()
    end = week + rows.pop("span").to_numpy()
    order = np.lexsort((week, generation, asin))        # ORDER BY asin, generation_date, week_start
    out = pd.DataFrame({"asin": pd.array(asins, dtype="str").take(asin[order])}, copy=False)
    for name, days in (("generation_date", generation), ("week_start", week), ("week_end", end)):
        out[name] = _iso_days(days[order])
    for name in list(rows.columns):
        out[name] = rows.pop(name).to_numpy()[order]
    return out


def _iso_days(days: np.ndarray) -> Any:
    """Days since 1970-01-01 as 'YYYY-MM-DD' text (one string per distinct day)."""
    distinct, codes = np.unique(days, return_inverse=True)
    texts = np.datetime_as_string(distinct.astype("datetime64[D]"), unit="D").tolist()
    return pd.array(texts, dtype="str").take(codes.reshape(-1))


def data_as_of(ws: Workspace) -> str | None:
    """The newest period end over the imported sales, inventory and traffic facts."""
    row = ws.conn.execute(
        "SELECT MAX(d) FROM (SELECT MAX(period_end) AS d FROM sales_facts "
        "UNION ALL SELECT MAX(period_end) FROM inventory_facts "
        "UNION ALL SELECT MAX(period_end) FROM traffic_facts)"
    ).fetchone()
    return row[0] if row else None


def has_weekly_sales(ws: Workspace) -> bool:
    row = ws.conn.execute("SELECT 1 FROM sales_facts WHERE grain = 'week' AND asin <> '' LIMIT 1").fetchone()
    return row is not None


def latest_week(ws: Workspace) -> str | None:
    """The newest week start with sales facts, or None."""
    row = ws.conn.execute("SELECT MAX(period_start) FROM sales_facts WHERE grain = 'week'").fetchone()
    return row[0] if row else None


def current_costs(ws: Workspace, as_of: str | None = None) -> pd.DataFrame:
    """The cost price valid on ``as_of`` (default: newest) per ASIN: asin, cost, currency, valid_from."""
    params: list[Any] = []
    cond = ""
    if as_of:
        cond = "WHERE valid_from <= ?"
        params.append(as_of)
    sql = (f"SELECT c.asin, c.cost, c.currency, c.valid_from FROM cost_prices c JOIN "
           f"(SELECT asin, MAX(valid_from) AS vf FROM cost_prices {cond} GROUP BY asin) m "
           "ON c.asin = m.asin AND c.valid_from = m.vf ORDER BY c.asin")
    return pd.read_sql_query(sql, ws.conn, params=params)
