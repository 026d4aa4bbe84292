"""Amazon's forecasts by series id (migration 0010): the cached frame read from amazon_forecasts_k
is the one the view gives, and the first forecast after an import stores its caches first."""

from __future__ import annotations

import pandas as pd

from vendordesk.store import facts_snapshot
from vendordesk.store.fact_series import ForecastIds
from vendordesk.store.facts_read import _FORECASTS_SQL, _amazon_forecasts_sql, fill_forecast_caches
from vendordesk.store.lean_query import read_frame

ROWS = [  # asin, marketplace, program, generation, week start, week end, mean, p70, p80, p90
    ("B0B", "DE", "RETAIL", "2026-08-08", "2026-08-16", "2026-08-22", 7.5, None, 9.0, 10.0),
    ("B0A", "FR", "RETAIL", "2026-08-01", "2026-08-09", "2026-08-15", 1.25, 2.0, 3.0, 4.0),
    ("B0A", "DE", "RETAIL", "2026-08-08", "2026-08-09", "2026-08-15", 5.0, 6.0, 7.0, 8.0),
    ("B0A", "DE", "RETAIL", "2026-08-01", "2026-08-16", "2026-08-22", 0.1, 0.2, 0.3, 0.4),
    ("", "DE", "RETAIL", "2026-08-01", "2026-08-09", "2026-08-15", 99.0, 99.0, 99.0, 99.0),  # account row
]


def _insert(ws, rows) -> None:
    with ws.transaction() as conn:
        conn.executemany("INSERT INTO amazon_forecasts (asin, marketplace_id, selling_program, generation_date, "
                         "week_start, week_end, mean_units, p70_units, p80_units, p90_units) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


def test_the_keyed_read_is_the_views_frame(workspace):
    _insert(workspace, ROWS)
    frame = _amazon_forecasts_sql(workspace)
    pd.testing.assert_frame_equal(frame, read_frame(workspace.conn, _FORECASTS_SQL))
    # by hand, ORDER BY asin, generation_date, week_start without the account row:
    # B0A 08-01 week 08-09 (FR), B0A 08-01 week 08-16 (DE), B0A 08-08 week 08-09 (DE), B0B 08-08 week 08-16
    assert list(zip(frame["asin"], frame["generation_date"], frame["week_start"], frame["week_end"])) == [
        ("B0A", "2026-08-01", "2026-08-09", "2026-08-15"), ("B0A", "2026-08-01", "2026-08-16", "2026-08-22"),
        ("B0A", "2026-08-08", "2026-08-09", "2026-08-15"), ("B0B", "2026-08-08", "2026-08-16", "2026-08-22")]
    assert frame["mean_units"].tolist() == [1.25, 0.1, 5.0, 7.5]
    assert pd.isna(frame["p70_units"].iloc[3])


def test_a_date_kept_as_text_is_read_through_the_view(workspace):
    _insert(workspace, ROWS + [("B0C", "DE", "RETAIL", "2026-08-08T00:00:00Z", "2026-08-09", "2026-08-15",
                                1.0, 1.0, 1.0, 1.0)])
    frame = _amazon_forecasts_sql(workspace)
    pd.testing.assert_frame_equal(frame, read_frame(workspace.conn, _FORECASTS_SQL))
    assert frame["generation_date"].iloc[-1] == "2026-08-08T00:00:00Z"


def test_forecast_series_ids_keyed_lazily_are_the_keyed_rows(workspace):
    with workspace.transaction() as conn:
        ids = ForecastIds(conn)
        ids.add(row[:3] for row in ROWS)     # all series first, as the demo does: ids in key order
        lazily = ids.keyed_lazily(ROWS, chunk=2)
        assert len(lazily) == 5
        # chunks of 2, 2 and 1 rows: the same tuples as all at once
        assert list(lazily) == ids.keyed(ROWS)
        # ids in key order: '' < 'B0A' (DE) < 'B0A' (FR) < 'B0B' -> the first row (B0B) is series 4
        assert ids.keyed(ROWS)[0][:2] == (4, "2026-08-08")


def test_the_first_forecast_stores_its_caches_before_it_reads(demo_workspace):
    conn = demo_workspace.conn
    with demo_workspace.transaction() as c:
        facts_snapshot.invalidate(c)         # as right after an import
    facts_snapshot.forget(demo_workspace.path)
    assert conn.execute("SELECT COUNT(*) FROM facts_snapshot").fetchone() == (0,)
    fill_forecast_caches(demo_workspace)
    parts = {p for (p,) in conn.execute("SELECT part FROM facts_snapshot")}
    assert {"head", "amazon_forecasts:head"} <= parts
    mine = [slot for slot in facts_snapshot._CACHE if slot.split("|")[0] == str(demo_workspace.path)]
    assert mine == []                                     # stored, nothing kept in this process
    stored = conn.execute("SELECT COUNT(*), SUM(length(data)) FROM facts_snapshot").fetchone()
    fill_forecast_caches(demo_workspace)                 # valid copies: nothing is built again
    assert conn.execute("SELECT COUNT(*), SUM(length(data)) FROM facts_snapshot").fetchone() == stored


def test_first_week_forecasts_compare_days_as_the_view_compares_dates(workspace):
    from vendordesk.store.fact_series import first_week_forecasts_sql

    # generation 08-08 -> its first week starts 08-08..08-15: week 08-09 is (1 day on), 08-16 is not (8 days);
    # generation 08-01 -> weeks 08-01..08-08: neither 08-09 (8 days) nor 08-16; the text date by text rules
    _insert(workspace, ROWS + [("B0C", "DE", "RETAIL", "2026-08-08", "2026-08-08", "2026-08-14", 3.0, 1.0, 1.0, 1.0),
                               ("B0C", "DE", "RETAIL", "2026-08-02T00:00:00Z", "2026-08-09", "2026-08-15",
                                2.0, 1.0, 1.0, 1.0)])
    view = ("SELECT asin, generation_date, week_start, mean_units FROM amazon_forecasts WHERE asin <> '' "
            "AND week_start {op} generation_date AND week_start <= date(generation_date, '+7 day')")
    for op, expected in ((">", {("B0A", "2026-08-09", 5.0), ("B0C", "2026-08-09", 2.0)}),
                         (">=", {("B0A", "2026-08-09", 5.0), ("B0C", "2026-08-08", 3.0), ("B0C", "2026-08-09", 2.0)})):
        keyed = workspace.conn.execute(first_week_forecasts_sql(workspace.conn, op)).fetchall()
        assert keyed == workspace.conn.execute(view.format(op=op)).fetchall()
        assert {(a, w, m) for a, _g, w, m in keyed} == expected
