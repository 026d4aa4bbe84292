"""Workspace size (issue 18): what an ASIN-week costs on disk, and migration 0008 keeping every number.

The bounds are upper bounds worked out from the record format, not measurements copied back:
a row is one record (a header byte per column plus the header's own size byte, then the values:
text as its bytes, a REAL at most 8 bytes, small integers and NULL 0-1 byte) plus about 4 bytes of
cell pointer and size in its page. The demo fills its B-trees in key order; dbstat shows pages at
least 84 % full, so 0.84 is the fill the bounds divide by. A second copy of a text key (an index
on import_id repeats the whole primary key, a rowid table with a text primary key keeps an
automatic index) adds 60-70 bytes a row and breaks every bound below.
"""

from __future__ import annotations

import math
import sqlite3

import numpy as np
import pandas as pd
import pytest

from tests.store.old_schema import workspace_at
from vendordesk.core.parsed import FactBlock, ParsedReport
from vendordesk.demo import build_demo
from vendordesk.store import facts_snapshot
from vendordesk.store.db import SCHEMA_MARKER, Workspace, latest_version, migrations, open_workspace
from vendordesk.store.facts import OWNED_TABLES, facts_frame, facts_owned, undo_import, write_report
from vendordesk.store.facts_export import count_fact_rows, fact_asins, fact_blocks
from vendordesk.store.facts_read import amazon_forecasts_frame, weekly_frame
from vendordesk.store.gears import manual_kpis_frame

FILL = 0.84
CELL = 4
# the demo's key: ASIN 10 + marketplace 'A1PA6795UKMFR9' 14 + 'MANUFACTURING' 13 + 'RETAIL' 6
# + 'week' 4 + two ISO dates 20 = 67 bytes
KEY = 10 + 14 + 13 + 6 + 4 + 20
# since schema 9 (fact_series) the weekly fact tables key a row by series id, day and span: <= 5 bytes
KEY_INTS = 2 + 2 + 1


def _record(text: int, reals: int, columns: int) -> int:
    """Upper bound of one row's bytes: its text, 8 per REAL, a header byte per column + 1."""
    return text + 8 * reals + columns + 1 + CELL


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("size") / "demo.vendordesk"
    build_demo(path, asins=30, weeks=52)
    conn = sqlite3.connect(path)
    yield conn
    conn.close()


def _bytes_of(conn: sqlite3.Connection, tables: tuple[str, ...]) -> int:
    """The pages of these tables and of every index on them."""
    marks = ", ".join("?" * len(tables))
    return conn.execute(f"SELECT SUM(pgsize) FROM dbstat WHERE name IN (SELECT name FROM sqlite_master "
                        f"WHERE tbl_name IN ({marks}))", tables).fetchone()[0]


def test_the_weekly_facts_cost_at_most_335_bytes_per_asin_week(demo):
    # Schema 9 keeps the text key once per series (fact_series); a row's key is three integers:
    # series id <= 2 bytes (up to 32,767 series), day 20,000-ish = 2 bytes, span 6 = 1 byte -> 5,
    # and period_end NULL (0 bytes, its header byte counted with the columns).
    # One row per ASIN-week in each of the four tables (the demo writes these columns):
    #   sales     5 + 'EUR' 3, 6 REALs, 12 columns              -> 8 + 48 + 13 + 4   =  73
    #   traffic   5, 1 REAL, 6 columns                          -> 5 + 8 + 7 + 4     =  24
    #   inventory 5 + 'EUR' 3, 13 REALs, 26 columns             -> 8 + 104 + 27 + 4  = 143
    #   net PPM   5, 3 REALs, 8 columns                         -> 5 + 24 + 9 + 4    =  42
    # 282 bytes / 0.84 fill = 335. Schema 8 repeated the 67 bytes of text key in every row
    # (542 / 0.84 = 645 then).
    per_week = (_record(KEY_INTS + 3, 6, 12) + _record(KEY_INTS, 1, 6) + _record(KEY_INTS + 3, 13, 26)
                + _record(KEY_INTS, 3, 8))
    assert per_week == 282
    rows = demo.execute("SELECT COUNT(*) FROM sales_facts").fetchone()[0]
    for table in ("traffic_facts", "inventory_facts", "net_ppm_facts"):
        assert demo.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == rows
    stored = _bytes_of(demo, ("sales_facts_k", "traffic_facts_k", "inventory_facts_k", "net_ppm_facts_k"))
    assert stored / rows <= math.floor(per_week / FILL) == 335


def test_each_series_keeps_its_text_key_once(demo):
    # 30 ASINs (the demo writes no account rows), one marketplace, view, program and grain -> 30 series
    assert demo.execute("SELECT COUNT(*) FROM fact_series").fetchone()[0] == 30
    assert demo.execute("SELECT COUNT(*) FROM (SELECT DISTINCT series_id FROM sales_facts_k)").fetchone()[0] == 30
    columns = {r[1] for t in ("sales_facts_k", "traffic_facts_k", "inventory_facts_k", "net_ppm_facts_k")
               for r in demo.execute(f"PRAGMA table_info({t})")}
    assert not columns & {"asin", "marketplace_id", "distributor_view", "selling_program", "grain", "period_start"}
    # every demo period_end is its period_start + 6, so none is kept as text
    assert demo.execute("SELECT COUNT(*) FROM sales_facts_k WHERE period_end IS NOT NULL OR span <> 6").fetchone() == (0,)


def test_a_forecast_row_costs_at_most_64_bytes(demo):
    # Schema 10 keeps the text key once per series (forecast_series); a row's key is four integers:
    # series id <= 2 bytes, generation and week days 20,000-ish = 2 bytes each, span 6 = 1 byte -> 7,
    # and week_end NULL (0 bytes). 4 REALs, 10 columns (the import id 1 takes only its header byte)
    # -> 7 + 32 + 11 + 4 = 54; / 0.84 = 64.3. Schema 9 repeated ASIN 10 + marketplace 14 + 'RETAIL' 6
    # + three dates 30 = 60 bytes of text in every row (108 / 0.84 = 128 then).
    per_row = _record(7, 4, 10)
    assert per_row == 54
    rows = demo.execute("SELECT COUNT(*) FROM amazon_forecasts").fetchone()[0]
    assert rows > 0
    assert _bytes_of(demo, ("amazon_forecasts_k",)) / rows <= math.floor(per_row / FILL) == 64


def test_each_forecast_series_keeps_its_text_key_once(demo):
    # 30 ASINs, one marketplace and program -> 30 series; every demo week_end is week_start + 6
    assert demo.execute("SELECT COUNT(*) FROM forecast_series").fetchone()[0] == 30
    columns = {r[1] for r in demo.execute("PRAGMA table_info(amazon_forecasts_k)")}
    assert not columns & {"asin", "marketplace_id", "selling_program", "generation_date", "week_start"}
    assert demo.execute("SELECT COUNT(*) FROM amazon_forecasts_k WHERE week_end IS NOT NULL OR span <> 6 "
                        "OR typeof(generation) <> 'integer' OR typeof(week) <> 'integer'").fetchone() == (0,)


def test_a_manual_kpi_costs_at_most_85_bytes(demo):
    # gear 'advertising' 11 + kpi 'review_count' 12 + ASIN 10 + two dates 20 = 53 bytes, 1 REAL, 6 columns
    # -> 53 + 8 + 7 + 4 = 72; / 0.84 = 85.7. As a rowid table its automatic key index added ~60 bytes.
    per_row = _record(53, 1, 6)
    rows = demo.execute("SELECT COUNT(*) FROM manual_kpis").fetchone()[0]
    assert rows > 0
    assert _bytes_of(demo, ("manual_kpis",)) / rows <= math.floor(per_row / FILL) == 85


def test_no_fact_table_keeps_a_second_copy_of_its_key(demo):
    owned = ("sales_facts_k", "traffic_facts_k", "inventory_facts_k", "net_ppm_facts_k", "extra_facts",
             "amazon_forecasts_k", "manual_kpis")
    marks = ", ".join("?" * len(owned))
    indexes = demo.execute(f"SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ({marks})",
                           owned).fetchall()
    assert indexes == []


# ---- migration 0008 on a workspace written at schema 7 ------------------------------------------

IMPORT_INDEXES = {f"{t}_import" for t in ("sales_facts", "traffic_facts", "inventory_facts", "net_ppm_facts",
                                           "extra_facts", "amazon_forecasts")}


def _report(week: str, end: str, units: float, name: str) -> ParsedReport:
    key = ("MANUFACTURING", "RETAIL", "week", week, end)
    report = ParsedReport(file_name=name, source="api", report_type="sales", grain="week", period_start=week,
                          period_end=end, currency="EUR", marketplace_id="M", distributor_view="MANUFACTURING",
                          selling_program="RETAIL")
    report.blocks["sales_facts"] = FactBlock(("currency", "shipped_units", "shipped_revenue"), [
        ("B0M0000001", "M") + key + ("EUR", units, 10.01 * units), ("", "M") + key + ("EUR", units, 10.01 * units)])
    report.blocks["inventory_facts"] = FactBlock(("currency", "sell_through_rate"), [
        ("B0M0000001", "M") + key + ("EUR", 0.1234)])
    report.extras = [("B0M0000001", "M") + key + ("coupon.c1.clips", units, str(units))]
    report.forecasts = [("B0M0000001", "M", "RETAIL", week, "2024-11-03", "2024-11-09", units, 5.5, 6.25, 7.0)]
    return report


KEYED = ("fact_series", "sales_facts_k", "traffic_facts_k", "inventory_facts_k", "net_ppm_facts_k",
         "forecast_series", "amazon_forecasts_k")


def _dump(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    """Every row of every table except the snapshot cache, in a fixed order (the schema marker
    names the VendorDesk version that migrated, so it is left out). The weekly fact tables are
    read by their names, views since schema 9, so a schema-7 and a schema-9 dump compare."""
    tables = [n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND "
                                         "name NOT IN ('facts_snapshot', 'sqlite_sequence') ORDER BY name")
              if n not in KEYED]
    rows = {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}
    rows["meta"] = [r for r in rows["meta"] if r[0] != SCHEMA_MARKER]
    return rows


def _reads(ws: Workspace) -> tuple:
    asins = fact_asins(ws)
    blocks = [(b.metrics, sorted(b.rows, key=repr)) for b in fact_blocks(ws, asins[0], asins[-1])]
    return (facts_frame(ws), weekly_frame(ws), amazon_forecasts_frame(ws), manual_kpis_frame(ws),
            count_fact_rows(ws), blocks)


def test_a_schema_7_workspace_keeps_every_number_and_can_still_undo(tmp_path):
    path = tmp_path / "v7.vendordesk"
    old = workspace_at(path, 7)
    first = write_report(old, _report("2024-10-06", "2024-10-12", 3.0, "a.json"))
    second = write_report(old, _report("2024-10-13", "2024-10-19", 5.0, "b.json"))
    old.conn.executemany("INSERT INTO manual_kpis (gear, kpi, asin, period_start, period_end, value) "
                         "VALUES (?, ?, ?, ?, ?, ?)",
                         [("reviews_cx", "star_rating", "B0M0000001", "2024-10-13", "2024-10-19", 4.3),
                          ("advertising", "ad_spend", "B0M0000001", "2024-10-06", "2024-10-12", 120.55),
                          ("advertising", "ad_spend", "", "2024-10-06", "2024-10-12", 300.0)])
    assert {r[0] for r in old.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")} >= IMPORT_INDEXES
    owned_before = {i: facts_owned(old, i) for i in (first, second)}
    rows_before, reads_before = _dump(old.conn), _reads(old)
    old.close()
    facts_snapshot.forget(path)

    with open_workspace(path, create=False) as ws:
        assert ws.schema_version() == latest_version()
        indexes = {r[0] for r in ws.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        sql = ws.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'manual_kpis'").fetchone()[0]
        assert ws.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert _dump(ws.conn) == rows_before
        reads_after = _reads(ws)
        # by hand: per import 2 sales rows (ASIN + account) + 1 inventory + 1 extra + 1 forecast = 5
        assert {i: facts_owned(ws, i) for i in (first, second)} == owned_before == {first: 5, second: 5}
        assert undo_import(ws, second) == 5
        assert facts_owned(ws, second) == 0 and facts_owned(ws, first) == 5
        left = ws.conn.execute("SELECT period_start, shipped_units FROM sales_facts ORDER BY asin").fetchall()
    assert not indexes & IMPORT_INDEXES
    assert "WITHOUT ROWID" in sql
    for before, after in zip(reads_before[:4], reads_after[:4]):
        pd.testing.assert_frame_equal(before, after)
    assert reads_before[4:] == reads_after[4:]
    assert left == [("2024-10-06", 3.0), ("2024-10-06", 3.0)]


def test_facts_owned_follows_writes_without_an_import(workspace):
    first = write_report(workspace, _report("2024-10-06", "2024-10-12", 3.0, "a.json"))
    assert facts_owned(workspace, first) == 5
    # a write that is no import (the data version stays) is seen too: 5 - the account's sales row
    with workspace.transaction() as conn:
        conn.execute("UPDATE sales_facts SET import_id = NULL WHERE asin = ''")
    assert facts_owned(workspace, first) == 4


# ---- the snapshot stores a column narrow only when every value comes back unchanged -------------

@pytest.mark.parametrize(("values", "stored"), [
    ([1.0, 2.5, float("nan"), -0.0, 16_777_216.0], "float32"),      # all exact in float32
    ([1.0, 16_777_217.0], "int32/1"),                               # 2**24 + 1 is not; a whole number
    ([0.1, 0.25, float("nan")], "int8/100"),                        # 0.1 in float32 is 0.100000001...;
                                                                    # 10 and 25 cents fit int8 (NaN -128)
    ([6100.29, 0.1234], "int32/10000"),                             # cents and a rate to 4 places
    ([0.9876, 0.05, float("nan")], "int16/10000"),                  # rates: 9,876 <= 32,767
    ([207.0, 0.0, 32_767.0], "int16/1"),                            # units: 2 bytes, not float32's 4
    ([-127.0, 127.0], "int8/1"),                                    # -128 is int8's NaN, so not -128:
    ([-128.0, 1.0], "int16/1"),                                     # that one needs int16
    ([0.1, -0.0], "float64"),                                       # -0.0 as a count would come back 0.0
    ([1 / 3, 1.0], "float64"),                                      # no decimal with <= 4 digits
    ([1e300, 1.0], "float64"),                                      # overflows float32 and int32
    ([21_474_836.48, 0.01], "float64"),                             # 2**31 cents
    ([0, 1, -128, 127], "int8"),
    ([3, -7, 2**31 - 1], "int32"),
    ([3, 2**31], "int64"),
])
def test_a_narrow_column_round_trips_bit_for_bit(values, stored):
    array = np.array(values, dtype=np.int64 if isinstance(values[0], int) else np.float64)
    data, kind = facts_snapshot._narrow(array)
    assert kind == stored
    back = facts_snapshot._widen(data, kind, array.dtype.name)
    assert back.dtype == array.dtype
    assert back.tobytes() == array.tobytes()       # bit for bit, NaN and -0.0 included


def test_a_part_is_kept_compressed_only_when_zlib_halves_it():
    # 10,000 int8 zeros (10,000 bytes) compress to a few dozen bytes: kept as zlib, and back unchanged
    zeros = np.zeros(10_000, dtype=np.float64)
    data, kind = facts_snapshot._packed(*facts_snapshot._narrow(zeros))
    assert kind == "zlib:int8/1" and len(data) < 10_000 // 2
    assert facts_snapshot._widen(data, kind, "float64").tobytes() == zeros.tobytes()
    # 1,024 random int32 (4,096 bytes) do not shrink to half: kept as they are
    noise = np.random.default_rng(18).integers(-2**31 + 1, 2**31 - 1, 1024).astype(np.int64)
    data, kind = facts_snapshot._packed(*facts_snapshot._narrow(noise))
    assert kind == "int32" and len(data) == 4 * 1024
    # a part under 4,096 bytes is never compressed (4,000 zeros: 4,000 int8 bytes)
    assert facts_snapshot._packed(*facts_snapshot._narrow(zeros[:4000]))[1] == "int8/1"


def test_the_snapshot_decodes_to_the_frame_it_was_built_from(workspace):
    rows = [("A1", "M", "MANUFACTURING", "RETAIL", "week", "2024-10-06", "2024-10-12", "EUR", 6100.29, 207.0, 1 / 3),
            ("B2", "M", "MANUFACTURING", "RETAIL", "week", "2024-10-06", "2024-10-12", "EUR", 0.1, 16_777_217.0,
             None)]
    report = ParsedReport(file_name="n.json", source="api", report_type="sales", grain="week",
                          period_start="2024-10-06", period_end="2024-10-12", currency="EUR", marketplace_id="M",
                          distributor_view="MANUFACTURING", selling_program="RETAIL")
    report.blocks["sales_facts"] = FactBlock(("currency", "shipped_revenue", "shipped_units", "shipped_cogs"), rows)
    write_report(workspace, report)
    built = weekly_frame(workspace)
    facts_snapshot.forget(workspace.path)
    decoded = weekly_frame(workspace)
    pd.testing.assert_frame_equal(decoded, built)
    assert decoded.shipped_cogs.tolist()[0] == 1 / 3 and decoded.shipped_revenue.tolist() == [6100.29, 0.1]


# ---- undo does what the foreign keys on report_imports would do -----------------------------------

UNDONE_BY_HAND = {"sales_facts_k", "traffic_facts_k", "inventory_facts_k", "net_ppm_facts_k", "extra_facts",
                  "amazon_forecasts_k", "purchase_orders", "chargebacks", "raw_reports"}


def _children_of_imports(conn: sqlite3.Connection) -> set[str]:
    tables = [n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {t for t in tables for fk in conn.execute(f"PRAGMA foreign_key_list({t})") if fk[2] == "report_imports"}


def test_undo_handles_every_table_that_references_an_import(workspace):
    # undo_import runs with the foreign keys off; a new table pointing at report_imports must be added there
    assert _children_of_imports(workspace.conn) == UNDONE_BY_HAND


def _orders(week: str) -> ParsedReport:
    report = _report(week, "2024-10-12", 2.0, f"po{week}.csv")
    report.purchase_orders = [(f"PO{week}", "VC1", "M", week, "open", week, "2024-10-20", "LEJ1")]
    report.po_lines = [(f"PO{week}", "B0M0000001", 10.0, 8.0, None, None, 4.5, "EUR", "2024-10-18"),
                       (f"PO{week}", "B0M0000002", 5.0, 5.0, None, None, 2.25, "EUR", "2024-10-18")]
    return report


def test_undo_leaves_what_the_foreign_key_cascade_left(tmp_path):
    path = tmp_path / "undo.vendordesk"
    with open_workspace(path) as ws:
        kept = write_report(ws, _report("2024-09-29", "2024-10-05", 1.0, "kept.json"))
        undone = write_report(ws, _orders("2024-10-06"))
        with ws.transaction() as conn:
            conn.execute("INSERT INTO chargebacks (external_id, amount, currency, raised_on, import_id) "
                         "VALUES ('CB1', 12.5, 'EUR', '2024-10-07', ?), ('CB2', 3.0, 'EUR', '2024-10-07', ?)",
                         (undone, kept))
            conn.execute("INSERT INTO raw_reports (request_key, report_type, marketplace_id, status, import_id, "
                         "created_at, updated_at) VALUES ('k', 'GET_VENDOR_SALES_REPORT', 'M', 'imported', ?, "
                         "'2024-10-07', '2024-10-07')", (undone,))
    expected_path = tmp_path / "expected.vendordesk"
    expected_path.write_bytes(path.read_bytes())
    # undo as it was up to schema 7: its own DELETEs, the rest left to SQLite's ON DELETE actions
    by_cascade = sqlite3.connect(expected_path, isolation_level=None)
    by_cascade.execute("PRAGMA foreign_keys = ON")
    for table in OWNED_TABLES + ("purchase_orders",):
        by_cascade.execute(f"DELETE FROM {table} WHERE import_id = ?", (undone,))
    by_cascade.execute("DELETE FROM report_imports WHERE id = ?", (undone,))
    expected = _dump(by_cascade)
    by_cascade.close()
    with open_workspace(path, create=False) as ws:
        # by hand: 2 sales rows + 1 inventory + 1 extra + 1 forecast + 1 purchase order = 6
        assert undo_import(ws, undone) == 6
        assert ws.conn.execute("PRAGMA foreign_keys").fetchone() == (1,)
        assert ws.conn.execute("PRAGMA foreign_key_check").fetchall() == []
        after = _dump(ws.conn)
    after["meta"] = [r for r in after["meta"] if r[0] != "data_version"]      # undo also bumps it
    expected["meta"] = [r for r in expected["meta"] if r[0] != "data_version"]
    assert after == expected
    assert after["po_lines"] == [] and len(after["chargebacks"]) == 2
    assert {r[0] for r in after["report_imports"]} == {kept}


# ---- migration 0010 on a workspace written at schema 9 ------------------------------------------

def test_a_schema_9_workspace_keeps_every_forecast_row_as_it_was(tmp_path):
    path = tmp_path / "v9.vendordesk"
    old = workspace_at(path, 9)
    first = write_report(old, _report("2024-10-06", "2024-10-12", 3.0, "a.json"))
    # what a date that is no ISO date must keep: its text, even one that looks like a number
    old.conn.executemany(
        "INSERT INTO amazon_forecasts (asin, marketplace_id, selling_program, generation_date, week_start, week_end, "
        "mean_units, p70_units, p80_units, p90_units, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [("B0M0000001", "M", "RETAIL", "2024-10-06T00:00:00Z", "2024-11-03", "2024-11-09", 1.5, None, None, None, first),
         ("B0M0000001", "M2", "RETAIL", "20241006", "20241103", "2024-11-09", 2.0, 2.5, 3.0, 3.5, first),
         ("B0M0000002", "M", "FRESH", "2024-10-06", "2024-11-03", "2024-11-03", 0.1, 0.2, 0.3, 0.4, None)])
    before = sorted(old.conn.execute("SELECT *, typeof(generation_date), typeof(week_start) FROM amazon_forecasts")
                    .fetchall(), key=repr)
    frame_before = amazon_forecasts_frame(old)
    old.close()
    facts_snapshot.forget(path)
    with open_workspace(path, create=False) as ws:
        assert ws.schema_version() == latest_version()
        after = sorted(ws.conn.execute("SELECT *, typeof(generation_date), typeof(week_start) FROM amazon_forecasts")
                       .fetchall(), key=repr)
        # by hand: _report's row + the three above = 4 rows (the first two differ in generation) in 3
        # series: (B0M0000001, M, RETAIL), (B0M0000001, M2, RETAIL), (B0M0000002, M, FRESH).
        # ISO dates as days since 1970-01-01: 2024-01-01 is 54 x 365 + 13 leap days = 19,723;
        # 2024-10-06 is 279 days later = 20,002, 2024-11-03 is 307 later = 20,030
        series = ws.conn.execute("SELECT COUNT(*) FROM forecast_series").fetchone()[0]
        days = ws.conn.execute("SELECT generation, week, span FROM amazon_forecasts_k WHERE week_end IS NULL "
                               "ORDER BY series_id").fetchall()
        pd.testing.assert_frame_equal(amazon_forecasts_frame(ws), frame_before)
        # 2 sales rows + 1 inventory + 1 extra + _report's forecast + the two above it owns = 7
        assert undo_import(ws, first) == 2 + 1 + 1 + 1 + 2
        left = ws.conn.execute("SELECT asin, selling_program, week_end FROM amazon_forecasts").fetchall()
    assert after == before and len(after) == 4
    assert series == 3
    assert days == [(20_002, 20_030, 6), ("2024-10-06T00:00:00Z", 20_030, 6), (20_002, 20_030, 0)]
    assert left == [("B0M0000002", "FRESH", "2024-11-03")]


def test_an_upgrade_that_frees_pages_compacts_the_file_and_keeps_every_row(tmp_path):
    """Migration 0010 drops the old forecast table: its pages were left free in the file (184 of 692 MB
    at 5,000 x 156). The upgrade now VACUUMs: no free page left, every row as a plain upgrade keeps it."""
    import shutil

    from vendordesk.store.db import split_statements

    path = tmp_path / "v9.vendordesk"
    old = workspace_at(path, 9)
    # 400 ASINs x 8 generations x 12 weeks = 38,400 rows of ~90 bytes (three ISO dates 30, ASIN 10,
    # marketplace 1, program 6, four REALs 32, header ~12): ~3.5 MB, far over COMPACT_MIN_BYTES (1 MiB)
    rows = [(f"B0{a:08d}", "M", "RETAIL", f"2024-{g + 1:02d}-01", f"2024-{w + 1:02d}-07", f"2024-{w + 1:02d}-13",
             a + 0.5, None, g * 1.25, w * 0.1)
            for a in range(400) for g in range(8) for w in range(12)]
    old.conn.execute("BEGIN")          # one transaction (the connection commits every row otherwise)
    old.conn.executemany("INSERT INTO amazon_forecasts (asin, marketplace_id, selling_program, generation_date, "
                         "week_start, week_end, mean_units, p70_units, p80_units, p90_units) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    old.conn.execute("COMMIT")
    old.close()
    plain = tmp_path / "plain.vendordesk"
    shutil.copy(path, plain)
    # the same upgrade without the compaction: migration 0010's statements, by hand
    by_hand = sqlite3.connect(plain, isolation_level=None)
    by_hand.execute("BEGIN")
    for statement in split_statements(next(m for m in migrations() if m.version == 10).sql):
        by_hand.execute(statement)
    by_hand.execute("COMMIT")
    free_by_hand = by_hand.execute("PRAGMA freelist_count").fetchone()[0]
    page_size = by_hand.execute("PRAGMA page_size").fetchone()[0]
    expected = _dump(by_hand)
    by_hand.close()
    facts_snapshot.forget(path)
    with open_workspace(path, create=False) as ws:
        assert ws.schema_version() == latest_version()
        assert ws.conn.execute("PRAGMA freelist_count").fetchone() == (0,)
        assert ws.conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        after = _dump(ws.conn)
    assert free_by_hand * page_size > 1 << 20       # the dropped table's pages: what there was to compact
    assert len(after["amazon_forecasts"]) == 400 * 8 * 12 == 38_400
    assert after == expected
    assert path.stat().st_size <= plain.stat().st_size - free_by_hand * page_size
