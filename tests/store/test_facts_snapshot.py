"""The shared weekly-facts snapshot: the same frames as the SQL reader, invalidated by imports."""

from __future__ import annotations

import pandas as pd

from vendordesk.core.parsed import FactBlock, ParsedReport
from vendordesk.store import facts_snapshot, open_workspace
from vendordesk.store.facts import undo_import, write_report
from vendordesk.store.facts_read import _weekly_sql, weekly_frame


def _report(table: str, columns: tuple, rows: list, name: str, grain: str = "week") -> ParsedReport:
    report = ParsedReport(file_name=name, source="csv", report_type="sales", grain=grain,
                          period_start=rows[0][5], period_end=rows[-1][6], currency="EUR", locale="de_DE",
                          marketplace_id="M", distributor_view="MANUFACTURING", selling_program="RETAIL")
    report.blocks[table] = FactBlock(columns, rows)
    return report


def _week(asin, start, end, units, market="M"):
    return (asin, market, "MANUFACTURING", "RETAIL", "week", start, end, "EUR", units, units * 3.0)


def _fill(ws):
    sales = [_week("B2", "2024-10-06", "2024-10-12", 4.0), _week("A1", "2024-10-06", "2024-10-12", 10.0),
             _week("A1", "2024-10-13", "2024-10-19", 12.0), _week("A1", "2024-10-13", "2024-10-19", 1.0, "N")]
    write_report(ws, _report("sales_facts", ("currency", "shipped_units", "shipped_revenue"), sales, "s.csv"), "h1")
    # glance views for a week without sales: the row exists only for traffic metrics
    traffic = [("C3", "M", "MANUFACTURING", "RETAIL", "week", "2024-10-20", "2024-10-26", 500.0)]
    write_report(ws, _report("traffic_facts", ("glance_views",), traffic, "t.csv"), "h2")


def _sql(ws, metrics=None, asins=None, start=None, end=None):
    return _weekly_sql(ws, set(metrics) if metrics else None, asins, start, end, "MANUFACTURING", "RETAIL", "week")


def test_snapshot_frames_equal_the_sql_reader(workspace):
    _fill(workspace)
    full = weekly_frame(workspace)
    pd.testing.assert_frame_equal(full, _sql(workspace))
    # marketplaces combined: A1's second week is 12 + 1 = 13 units, revenue 39
    row = full[(full.asin == "A1") & (full.period_start == "2024-10-13")].iloc[0]
    assert (row.shipped_units, row.shipped_revenue) == (13.0, 39.0)
    for args in [dict(metrics=("shipped_units",)), dict(metrics=("glance_views",)),
                 dict(asins=["A1", "C3"]), dict(start="2024-10-13"), dict(end="2024-10-12"),
                 dict(metrics=("glance_views", "shipped_units"), asins=["C3"], start="2024-10-01")]:
        pd.testing.assert_frame_equal(weekly_frame(workspace, **args), _sql(workspace, **args), obj=str(args))
    # a sales-only read has no row for C3 (it has glance views only)
    assert set(weekly_frame(workspace, ("shipped_units",)).asin) == {"A1", "B2"}


def test_snapshot_is_kept_in_the_workspace_and_read_by_a_new_process_cache(workspace):
    _fill(workspace)
    first = weekly_frame(workspace)
    parts = {p for (p,) in workspace.conn.execute("SELECT part FROM facts_snapshot")}
    assert {"head", "asin", "start", "end", "shipped_units", "has:traffic_facts"} <= parts
    facts_snapshot.forget(workspace.path)      # as a fresh process: decode from the BLOBs
    pd.testing.assert_frame_equal(weekly_frame(workspace), first)


def test_an_import_invalidates_the_snapshot_in_its_own_transaction(workspace):
    _fill(workspace)
    before = weekly_frame(workspace)
    version = workspace.meta("data_version")
    write_report(workspace, _report("sales_facts", ("currency", "shipped_units", "shipped_revenue"),
                                    [_week("A1", "2024-10-06", "2024-10-12", 99.0)], "fix.csv"), "h3")
    assert int(workspace.meta("data_version")) == int(version) + 1
    assert workspace.conn.execute("SELECT COUNT(*) FROM facts_snapshot").fetchone()[0] == 0
    after = weekly_frame(workspace)
    assert after.loc[(after.asin == "A1") & (after.period_start == "2024-10-06"), "shipped_units"].item() == 99.0
    assert before.loc[(before.asin == "A1") & (before.period_start == "2024-10-06"), "shipped_units"].item() == 10.0
    pd.testing.assert_frame_equal(after, _sql(workspace))


def test_undo_invalidates_and_a_stale_snapshot_is_never_used(workspace, tmp_path):
    _fill(workspace)
    weekly_frame(workspace)
    traffic_id = workspace.conn.execute("SELECT id FROM report_imports WHERE file_name = 't.csv'").fetchone()[0]
    undo_import(workspace, traffic_id)
    assert "C3" not in set(weekly_frame(workspace).asin)
    # a writer that bypasses invalidate() still changes the version key (import count)
    with workspace.transaction() as conn:
        conn.execute("DELETE FROM sales_facts WHERE asin = 'B2'")
        conn.execute("DELETE FROM report_imports WHERE file_name = 's.csv'")
    facts_snapshot.forget(workspace.path)
    assert "B2" not in set(weekly_frame(workspace).asin)


def test_day_facts_rolled_into_weeks_match_the_sql_reader_with_dates(workspace):
    days = [("A1", "M", "MANUFACTURING", "RETAIL", "day", f"2024-10-{d:02d}", f"2024-10-{d:02d}", "EUR", float(d), 1.0)
            for d in range(6, 20)]
    write_report(workspace, _report("sales_facts", ("currency", "shipped_units", "shipped_revenue"), days, "d.csv",
                                    grain="day"), "hd")
    # the week of Sunday 2024-10-06 rolled from the days 6..12 = 6+7+8+9+10+11+12 = 63 units
    full = weekly_frame(workspace)
    assert full.loc[full.period_start == "2024-10-06", "shipped_units"].item() == 63.0
    # from 2024-10-08 on: only weeks starting then or later, each complete: 13+14+...+19 = 112 units
    part = weekly_frame(workspace, start="2024-10-08")
    assert part[["period_start", "shipped_units"]].values.tolist() == [["2024-10-13", 112.0]]
    pd.testing.assert_frame_equal(part, _sql(workspace, start="2024-10-08"))
    pd.testing.assert_frame_equal(weekly_frame(workspace, end="2024-10-08"), _sql(workspace, end="2024-10-08"))


def test_a_new_workspace_starts_at_data_version_zero(tmp_path):
    ws = open_workspace(tmp_path / "w.vdesk")
    try:
        assert ws.meta("data_version") == "0"
        assert weekly_frame(ws).empty
    finally:
        ws.close()


def test_po_lines_and_manual_kpis_come_from_the_cache_and_follow_edits(workspace):
    from vendordesk.store.gears import (
        _manual_kpis_build,
        _po_lines_sql,
        delete_manual_kpi,
        manual_kpis_frame,
        po_lines_frame,
        save_manual_kpi,
    )

    save_manual_kpi(workspace, "reviews_cx", "star_rating", "2024-10-08", "2024-10-08", 4.5, asin="A1")
    save_manual_kpi(workspace, "advertising", "ad_spend", "2024-10-06", "2024-10-12", 120.0)
    first = manual_kpis_frame(workspace)
    facts_snapshot.forget(workspace.path)
    pd.testing.assert_frame_equal(manual_kpis_frame(workspace), first)       # decoded from the BLOBs
    pd.testing.assert_frame_equal(po_lines_frame(workspace), _po_lines_sql(workspace))
    # an edit is seen at once: 4.5 -> 3.0, and a deleted entry is gone
    save_manual_kpi(workspace, "reviews_cx", "star_rating", "2024-10-08", "2024-10-08", 3.0, asin="A1")
    delete_manual_kpi(workspace, "advertising", "ad_spend", "2024-10-06")
    rows = manual_kpis_frame(workspace)
    assert rows[["kpi", "asin", "value", "week"]].values.tolist() == [["star_rating", "A1", 3.0, "2024-10-06"]]
    pd.testing.assert_frame_equal(rows, _manual_kpis_build(workspace))


def test_amazon_forecasts_are_cached_and_filtered_like_the_query(workspace):
    from vendordesk.store.facts_read import amazon_forecasts_frame

    with workspace.transaction() as conn:
        conn.executemany(
            "INSERT INTO amazon_forecasts (asin, marketplace_id, selling_program, generation_date, week_start, "
            "week_end, mean_units, p70_units, p80_units, p90_units) VALUES (?, 'M', 'RETAIL', ?, ?, ?, ?, ?, ?, ?)",
            [("B2", "2024-10-05", "2024-10-06", "2024-10-12", 5.0, 6.0, 7.0, 8.0),
             ("A1", "2024-10-12", "2024-10-13", "2024-10-19", 1.0, None, None, None),
             ("A1", "2024-10-05", "2024-10-13", "2024-10-19", 2.0, 3.0, 4.0, 5.0)])
        conn.execute("INSERT INTO report_imports (source, report_type, imported_at) VALUES ('api', 'forecast', 'x')")
    full = amazon_forecasts_frame(workspace)
    assert full[["asin", "generation_date", "mean_units"]].values.tolist() == [
        ["A1", "2024-10-05", 2.0], ["A1", "2024-10-12", 1.0], ["B2", "2024-10-05", 5.0]]
    facts_snapshot.forget(workspace.path)
    pd.testing.assert_frame_equal(amazon_forecasts_frame(workspace), full)
    one = amazon_forecasts_frame(workspace, asins=["A1"], generation="2024-10-12")
    assert one[["asin", "generation_date", "mean_units"]].values.tolist() == [["A1", "2024-10-12", 1.0]]
    assert one["p70_units"].isna().all()
    # a filter that keeps every row: the same rows, in the cached order
    pd.testing.assert_frame_equal(amazon_forecasts_frame(workspace, asins=["A1", "B2"]), full)


def test_a_snapshot_with_a_part_missing_is_rebuilt_from_sql(workspace):
    """Parts are read one BLOB at a time; one missing (an interrupted writer) means: rebuild."""
    _fill(workspace)
    first = weekly_frame(workspace)
    with workspace.transaction() as conn:
        conn.execute("DELETE FROM facts_snapshot WHERE part = 'shipped_units'")
    facts_snapshot.forget(workspace.path)
    again = weekly_frame(workspace)
    pd.testing.assert_frame_equal(again, first)
    # A1's second week, rebuilt from SQL: 12 + 1 = 13 units over both marketplaces
    assert again.loc[(again.asin == "A1") & (again.period_start == "2024-10-13"), "shipped_units"].tolist() == [13.0]
    parts = {p for (p,) in workspace.conn.execute("SELECT part FROM facts_snapshot")}
    assert "shipped_units" in parts       # saved again whole


def test_a_named_frame_read_once_decodes_only_the_columns_asked_for(workspace):
    """The gears read the manual KPIs and PO lines once (keep=False) and use some of their columns:
    at 5,000 ASINs x 156 weeks each text column left out is 6-8 MB less at their peak (issue 18).
    The columns come in the frame's own order, the same values as in the whole frame, and only
    their parts are read from the workspace."""
    from vendordesk.store.gears import manual_kpis_frame, save_manual_kpi

    save_manual_kpi(workspace, "reviews_cx", "star_rating", "2024-10-08", "2024-10-08", 4.5, asin="A1")
    save_manual_kpi(workspace, "advertising", "ad_spend", "2024-10-06", "2024-10-12", 120.0)
    whole = manual_kpis_frame(workspace)
    facts_snapshot.forget(workspace.path)
    reads: list[str] = []
    workspace.conn.set_trace_callback(lambda sql: reads.append(sql) if sql.startswith("SELECT data FROM facts_snapshot") else None)
    try:
        part = manual_kpis_frame(workspace, keep=False, only=("week", "value", "no such column"))
    finally:
        workspace.conn.set_trace_callback(None)
    assert list(part.columns) == ["value", "week"]
    pd.testing.assert_frame_equal(part, whole[["value", "week"]])
    assert len(reads) == 1 + 2          # the head, then the two columns' parts
    # from this process's cache (kept) or built afresh, the same columns
    assert list(manual_kpis_frame(workspace, only=("week", "value")).columns) == ["value", "week"]
