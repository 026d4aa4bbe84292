"""Writing imports: one transaction, upsert without double counting, provenance, undo, export."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from vendordesk.core.parsed import FactBlock, ParsedReport
from vendordesk.errors import Cancelled
from vendordesk.store import open_workspace
from vendordesk.store.facts import facts_frame, list_imports, undo_import, write_report


def sales_report(units: dict[str, float], start="2024-10-06", end="2024-10-12", name="s.csv", cogs=True):
    columns = ("currency", "shipped_units") + (("shipped_cogs",) if cogs else ())
    rows = [(asin, "M", "MANUFACTURING", "RETAIL", "week", start, end, "EUR", value) + ((value * 2,) if cogs else ())
            for asin, value in units.items()]
    report = ParsedReport(file_name=name, source="csv", report_type="sales", grain="week", period_start=start,
                          period_end=end, currency="EUR", locale="de_DE", marketplace_id="M",
                          distributor_view="MANUFACTURING", selling_program="RETAIL")
    report.blocks["sales_facts"] = FactBlock(columns, rows)
    report.warnings.append("a warning")
    return report


def total_units(ws):
    return ws.conn.execute("SELECT SUM(shipped_units), COUNT(*) FROM sales_facts").fetchone()


def test_reimport_replaces_never_double_counts(workspace):
    """T21."""
    write_report(workspace, sales_report({"A1": 10, "A2": 20}), "hash1")
    write_report(workspace, sales_report({"A1": 10, "A2": 20}), "hash1")
    assert total_units(workspace) == (30.0, 2)
    assert len(list_imports(workspace)) == 1  # same file: one record


def test_overlapping_file_replaces_the_overlap(workspace):
    write_report(workspace, sales_report({"A1": 10, "A2": 20}), "h1")
    write_report(workspace, sales_report({"A2": 25, "A3": 5}, name="restated.csv"), "h2")
    assert dict(workspace.conn.execute("SELECT asin, shipped_units FROM sales_facts")) == {"A1": 10, "A2": 25, "A3": 5}


def test_only_the_columns_a_file_carries_are_replaced(workspace):
    write_report(workspace, sales_report({"A1": 10}), "h1")
    write_report(workspace, sales_report({"A1": 12}, cogs=False), "h2")
    assert workspace.conn.execute("SELECT shipped_units, shipped_cogs FROM sales_facts").fetchone() == (12.0, 20.0)


def test_provenance_recorded(workspace):
    import_id = write_report(workspace, sales_report({"A1": 1, "A2": 2}), "abc123")
    record = list_imports(workspace)[0]
    assert record["id"] == import_id
    assert (record["file_name"], record["file_hash"], record["report_type"], record["period_start"],
            record["period_end"], record["locale"], record["currency"], record["row_count"], record["asin_count"]) == \
        ("s.csv", "abc123", "sales", "2024-10-06", "2024-10-12", "de_DE", "EUR", 2, 2)
    assert record["warnings"] == ["a warning"]
    assert workspace.conn.execute("SELECT COUNT(*) FROM products").fetchone() == (2,)


def test_undo_removes_what_the_import_still_owns(workspace):
    first = write_report(workspace, sales_report({"A1": 10, "A2": 20}), "h1")
    second = write_report(workspace, sales_report({"A2": 25}, name="b.csv"), "h2")
    assert undo_import(workspace, first) == 1  # A2 now belongs to the second import
    assert dict(workspace.conn.execute("SELECT asin, shipped_units FROM sales_facts")) == {"A2": 25}
    assert undo_import(workspace, second) == 1
    assert total_units(workspace) == (None, 0)
    assert list_imports(workspace) == []


def test_cancel_mid_write_rolls_back(workspace):
    write_report(workspace, sales_report({"A0": 1}), "h0")

    def cancel(_fraction):
        raise Cancelled()

    big = sales_report({f"B{i:05d}": i for i in range(60_000)})
    with pytest.raises(Cancelled):
        write_report(workspace, big, "h1", progress=cancel)
    assert total_units(workspace) == (1.0, 1)
    assert len(list_imports(workspace)) == 1
    assert workspace.conn.execute("PRAGMA foreign_keys").fetchone() == (1,)


KILL_SCRIPT = textwrap.dedent("""
    import os, signal, sys
    sys.path.insert(0, {tests!r})
    from store.test_facts import sales_report
    from vendordesk.store import open_workspace
    from vendordesk.store.facts import write_report
    ws = open_workspace({path!r})
    def die(fraction):
        os.kill(os.getpid(), signal.SIGKILL)   # kill -9 in the middle of the transaction
    write_report(ws, sales_report({{f"K{{i:05d}}": i for i in range(60000)}}), "hk", progress=die)
""")


def test_kill_9_mid_import_leaves_workspace_unchanged(tmp_path):
    from pathlib import Path

    path = tmp_path / "ws.vendordesk"
    with open_workspace(path) as ws:
        write_report(ws, sales_report({"A1": 10}), "h1")
    tests = str(Path(__file__).resolve().parents[1])
    result = subprocess.run([sys.executable, "-c", KILL_SCRIPT.format(tests=tests, path=str(path))], timeout=120, check=False)
    assert result.returncode == -9
    with open_workspace(path) as ws:
        assert total_units(ws) == (10.0, 1)
        assert [r["file_hash"] for r in list_imports(ws)] == ["h1"]
        assert ws.conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_facts_frame_long_form(workspace):
    write_report(workspace, sales_report({"A1": 10}), "h1")
    frame = facts_frame(workspace)
    assert list(frame.columns[:5]) == ["asin", "period_start", "period_end", "metric", "value"]
    assert {"distributor_view", "selling_program", "grain", "currency"} <= set(frame.columns)
    row = frame[(frame.asin == "A1") & (frame.metric == "shipped_cogs")].iloc[0]
    assert (row.value, row.period_start, row.currency, row.grain) == (20.0, "2024-10-06", "EUR", "week")
    assert len(frame) == 2  # NULL metrics are not rows
    assert not frame.duplicated(["asin", "period_start", "metric", "distributor_view", "selling_program",
                                 "marketplace_id"]).any()


def test_export_facts_command(workspace, tmp_path):
    from vendordesk.cli import main

    write_report(workspace, sales_report({"A1": 10}), "h1")
    out = tmp_path / "facts.csv"
    assert main(["export", "--workspace", str(workspace.path), "facts", "--out", str(out)]) == 0
    lines = out.read_text("utf-8").splitlines()
    assert lines[0].startswith("asin,period_start,period_end,metric,value")
    assert "A1,2024-10-06,2024-10-12,shipped_units,10.0" in "\n".join(lines)
    assert "A1,2024-10-06,2024-10-12,shipped_cogs,20.0" in "\n".join(lines)   # cogs = 2 x units
    assert len(lines) == 3                 # the header and the two facts written


def _day_rows(asin, values, start="2024-10-06"):
    import datetime as dt

    first = dt.date.fromisoformat(start)
    return [(asin, "M", "MANUFACTURING", "RETAIL", "day", (first + dt.timedelta(days=i)).isoformat(),
             (first + dt.timedelta(days=i)).isoformat(), *v) for i, v in enumerate(values)]


def test_weekly_reader_rolls_day_facts_into_sunday_weeks(workspace):
    from vendordesk.store.facts_read import weekly_frame

    report = sales_report({})
    report.blocks["sales_facts"] = FactBlock(("shipped_units",), list(_day_rows("A1", [(d,) for d in range(1, 8)])))
    report.blocks["inventory_facts"] = FactBlock(
        ("sellable_on_hand_inventory_units", "procurable_product_out_of_stock_rate"),
        _day_rows("A1", [(100 - d, 0.1 * (d % 2)) for d in range(7)]))
    write_report(workspace, report, "days")
    frame = weekly_frame(workspace, metrics=("shipped_units", "sellable_on_hand_inventory_units",
                                             "procurable_product_out_of_stock_rate"))
    row = frame.iloc[0]
    assert (row.asin, row.period_start, row.period_end) == ("A1", "2024-10-06", "2024-10-12")
    assert row.shipped_units == 28.0                         # 1+..+7 summed
    assert row.sellable_on_hand_inventory_units == 94.0      # stock on the last day
    assert row.procurable_product_out_of_stock_rate == pytest.approx(0.3 / 7)
    write_report(workspace, sales_report({"A1": 30}), "week")   # real week facts win over the roll-up
    assert weekly_frame(workspace, metrics=("shipped_units",)).shipped_units.tolist() == [30.0]


def test_weekly_reader_combines_marketplaces(workspace):
    """T18 downstream: two store rows of one ASIN read as one week (1000+2000)."""
    from vendordesk.store.facts_read import weekly_frame

    report = sales_report({})
    report.blocks["sales_facts"] = FactBlock(("shipped_revenue", "shipped_units"), [
        ("A1", "FR", "MANUFACTURING", "RETAIL", "week", "2024-10-06", "2024-10-12", 1000.0, 10.0),
        ("A1", "DE", "MANUFACTURING", "RETAIL", "week", "2024-10-06", "2024-10-12", 2000.0, 20.0)])
    write_report(workspace, report, "eu")
    frame = weekly_frame(workspace, metrics=("shipped_revenue", "shipped_units", "customer_returns"))
    assert len(frame) == 1
    assert (frame.shipped_revenue[0], frame.shipped_units[0]) == (3000.0, 30.0)
    assert frame.customer_returns.isna().all()


def test_first_import_sets_missing_account_defaults_only(workspace):
    write_report(workspace, sales_report({"A1": 1}), "h1")
    assert (workspace.meta("marketplace_id"), workspace.meta("currency"), workspace.meta("locale")) == ("M", "EUR", "de_DE")
    other = sales_report({"A1": 1}, name="usd.csv")
    other.currency, other.marketplace_id = "USD", "X"
    write_report(workspace, other, "h2")
    assert (workspace.meta("marketplace_id"), workspace.meta("currency")) == ("M", "EUR")
