"""Migration 0007 (issue 18, workspace size): a workspace written at schema 6 opens at 7 with the
same facts, read every way the app reads them, and without the (grain, period_start) indexes."""

from __future__ import annotations

from tests.store.old_schema import workspace_at
from vendordesk.core.parsed import FactBlock, ParsedReport
from vendordesk.store.db import (
    Workspace,
    latest_version,
    open_workspace,
)
from vendordesk.store.facts import facts_frame, write_report
from vendordesk.store.facts_export import count_fact_rows, fact_asins, fact_blocks
from vendordesk.store.facts_read import weekly_frame

PERIOD_INDEXES = {f"{t}_period" for t in ("sales_facts", "traffic_facts", "inventory_facts", "net_ppm_facts")}


def _report(week: str, end: str, grain: str = "week") -> ParsedReport:
    key = ("MANUFACTURING", "RETAIL", grain, week, end)
    report = ParsedReport(file_name=f"s{week}{grain}.json", source="api", report_type="sales", grain=grain,
                          period_start=week, period_end=end, currency="EUR", marketplace_id="M",
                          distributor_view="MANUFACTURING", selling_program="RETAIL")
    report.blocks["sales_facts"] = FactBlock(("currency", "shipped_units", "shipped_revenue"), [
        ("B0M0000001", "M") + key + ("EUR", 3.0, 30.0), ("B0M0000002", "M") + key + ("EUR", 5.0, 55.5),
        ("", "M") + key + ("EUR", 8.0, 85.5)])
    report.blocks["traffic_facts"] = FactBlock(("glance_views",), [("B0M0000001", "M") + key + (120.0,)])
    report.forecasts = [("B0M0000001", "M", "RETAIL", "2024-10-01", "2024-10-13", "2024-10-19", 4.0, 5.0, 6.0, 7.0)]
    return report


def _everything(ws: Workspace) -> tuple:
    asins = fact_asins(ws)
    blocks = [(b.metrics, sorted(b.rows, key=repr), b.tag_index, b.long) for b in fact_blocks(ws, asins[0], asins[-1])]
    return facts_frame(ws), weekly_frame(ws), count_fact_rows(ws), asins, blocks


def test_a_schema_6_workspace_keeps_its_facts_at_schema_7(tmp_path):
    path = tmp_path / "v6.vendordesk"
    old = workspace_at(path, 6)
    conn = old.conn
    write_report(old, _report("2024-10-06", "2024-10-12"))
    write_report(old, _report("2024-10-13", "2024-10-13", grain="day"))   # rolled up into its week
    assert {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")} >= PERIOD_INDEXES
    before = _everything(old)
    old.close()

    with open_workspace(path, create=False) as ws:
        assert ws.schema_version() == latest_version()     # 7 and every later step
        indexes = {r[0] for r in ws.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        after = _everything(ws)
        assert ws.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert not indexes & PERIOD_INDEXES
    assert before[0].equals(after[0]) and before[1].equals(after[1])
    assert before[2:] == after[2:]
    # by hand: 2 weeks x (2 ASIN rows + the account row) x 2 metrics, 2 x 1 traffic, 2 x 4 forecast
    # values (one generation, the same key twice: stored once) -> 12 + 2 + 4 = 18
    assert after[2] == 18
    assert after[3] == ["", "B0M0000001", "B0M0000002"]


def test_new_workspaces_have_no_period_indexes(tmp_path):
    with open_workspace(tmp_path / "new.vendordesk") as ws:
        names = {r[0] for r in ws.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert not names & PERIOD_INDEXES
