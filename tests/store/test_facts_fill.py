"""The facts snapshot read from the keyed tables in key order (store.facts_fill, issue 18): the same
frame, bit for bit, as the rows grouped in SQL, and it steps aside where a group has several rows."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from vendordesk.core.parsed import FactBlock, ParsedReport
from vendordesk.store import facts_snapshot
from vendordesk.store.facts import write_report
from vendordesk.store.facts_fill import keyed_parts
from vendordesk.store.facts_read import TABLES, _build_snapshot, _grouped_snapshot, weekly_frame

SALES = ("currency", "ordered_revenue", "shipped_units", "shipped_revenue")


def _report(table, columns, rows, name, market="M", view="MANUFACTURING", grain="week"):
    report = ParsedReport(file_name=name, source="csv", report_type="sales", grain=grain,
                          period_start=rows[0][5], period_end=rows[-1][6], currency="EUR", locale="de_DE",
                          marketplace_id=market, distributor_view=view, selling_program="RETAIL")
    report.blocks[table] = FactBlock(columns, rows)
    return report


def _row(asin, start, end, *values, market="M", view="MANUFACTURING", grain="week"):
    return (asin, market, view, "RETAIL", grain, start, end, *values)


def _one_marketplace(ws):
    """Values a float sum could change: -0.0, 1/3, infinity, 2**60, NULLs; rows of another view and
    the account row (asin '') that the snapshot leaves out; a week with glance views only."""
    sales = [_row("B2", "2024-10-06", "2024-10-12", "EUR", -0.0, 4.0, 1 / 3),
             _row("A1", "2024-10-06", "2024-10-12", "EUR", float("inf"), None, 2.0 ** 60),
             _row("A1", "2024-10-13", "2024-10-19", "EUR", 12.5, 1.0, None),
             _row("", "2024-10-13", "2024-10-19", "EUR", 99.0, 99.0, 99.0)]
    write_report(ws, _report("sales_facts", SALES, sales, "s.csv"), "h1")
    write_report(ws, _report("sales_facts", SALES, [_row("A1", "2024-10-06", "2024-10-12", "EUR", 7.0, 7.0, 7.0,
                                                         view="SOURCING")], "src.csv", view="SOURCING"), "h2")
    traffic = [_row("C3", "2024-10-20", "2024-10-26", 500.0), _row("A1", "2024-10-13", "2024-10-19", 0.1 + 0.2)]
    write_report(ws, _report("traffic_facts", ("glance_views",), traffic, "t.csv"), "h3")
    inventory = [_row("A1", "2024-10-13", "2024-10-19", 0.25, 5.0)]
    write_report(ws, _report("inventory_facts", ("procurable_product_out_of_stock_rate",
                                                 "sellable_on_hand_inventory_units"), inventory, "i.csv"), "h4")


def _same_bits(a: pd.DataFrame, b: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(a, b, check_exact=True)
    x, y = a.iloc[:, 3:].to_numpy(), b.iloc[:, 3:].to_numpy()
    known = ~np.isnan(x)
    assert np.array_equal(known, ~np.isnan(y))
    assert np.array_equal(x[known].view(np.int64), y[known].view(np.int64))     # -0.0 is not 0.0


def test_the_keyed_read_is_the_grouped_frame_bit_for_bit(workspace):
    _one_marketplace(workspace)
    # a value stored as text in a REAL column: SUM makes it its leading number, and so does x + 0.0
    workspace.conn.execute("UPDATE sales_facts_k SET shipped_units = '3 units' WHERE shipped_units = 1.0")
    assert keyed_parts(workspace.conn, TABLES, "MANUFACTURING", "RETAIL") is not None
    keyed, present = _build_snapshot(workspace)
    grouped, grouped_present = _grouped_snapshot(workspace)
    _same_bits(keyed, grouped)
    assert list(present) == list(grouped_present)
    assert all(np.array_equal(present[t], grouped_present[t]) for t in present)
    # worked by hand: A1, B2 and C3 (no account row, no SOURCING row); B2's -0.0 came back as SUM's 0.0
    assert keyed[["asin", "period_start", "period_end"]].values.tolist() == [
        ["A1", "2024-10-06", "2024-10-12"], ["A1", "2024-10-13", "2024-10-19"],
        ["B2", "2024-10-06", "2024-10-12"], ["C3", "2024-10-20", "2024-10-26"]]
    assert np.signbit(keyed["ordered_revenue"].to_numpy()).tolist() == [False, False, False, False]
    assert keyed["shipped_units"].tolist()[1] == 3.0


@pytest.mark.parametrize("other", ["marketplace", "day"])
def test_groups_of_several_rows_are_left_to_sql(workspace, other):
    _one_marketplace(workspace)
    if other == "marketplace":      # A1 sold in a second marketplace: its week sums two rows
        row = _row("A1", "2024-10-13", "2024-10-19", "EUR", 1.0, 1.0, 1.0, market="N")
        write_report(workspace, _report("sales_facts", SALES, [row], "n.csv", market="N"), "h5")
    else:                           # day facts are rolled up into weeks in SQL
        row = _row("D4", "2024-10-28", "2024-10-28", "EUR", 1.0, 1.0, 1.0, grain="day")
        write_report(workspace, _report("sales_facts", SALES, [row], "d.csv", grain="day"), "h5")
    assert keyed_parts(workspace.conn, TABLES, "MANUFACTURING", "RETAIL") is None
    _same_bits(_build_snapshot(workspace)[0], _grouped_snapshot(workspace)[0])


def test_an_import_changes_the_snapshot_and_a_refused_one_changes_nothing(workspace):
    _one_marketplace(workspace)
    weekly_frame(workspace)                 # the snapshot is stored
    row = _row("A1", "2024-10-13", "2024-10-19", "EUR", 20.0, 2.0, 30.0)
    write_report(workspace, _report("sales_facts", SALES, [row], "fix.csv"), "h6")
    facts_snapshot.forget(workspace.path)
    after = weekly_frame(workspace)
    assert after.loc[(after.asin == "A1") & (after.period_start == "2024-10-13"), "shipped_units"].item() == 2.0
    _same_bits(after, _grouped_snapshot(workspace)[0])
    parts = workspace.conn.execute("SELECT part, data FROM facts_snapshot ORDER BY part").fetchall()
    version = workspace.meta("data_version")

    def refuse(_fraction):
        raise RuntimeError("refused")

    with pytest.raises(RuntimeError):
        write_report(workspace, _report("sales_facts", SALES, [row[:7] + ("EUR", 0.0, 0.0, 0.0)], "bad.csv"),
                     "h7", progress=refuse)
    assert workspace.conn.execute("SELECT part, data FROM facts_snapshot ORDER BY part").fetchall() == parts
    assert workspace.meta("data_version") == version
    facts_snapshot.forget(workspace.path)
    pd.testing.assert_frame_equal(weekly_frame(workspace), after)
