"""Gear settings, manual KPIs and chargeback sums in the workspace."""

from __future__ import annotations

import pandas as pd
import pytest

from vendordesk.core.gears.defs import GEARS
from vendordesk.errors import UserError
from vendordesk.store import gears as store


def test_empty_table_means_defaults(workspace):
    assert store.gear_settings(workspace) == {}
    assert store.manual_kpis_frame(workspace).empty
    assert store.chargebacks_weekly(workspace).empty
    assert store.net_ppm_target(workspace) is None


def test_custom_name_and_thresholds_round_trip(workspace):
    store.save_gear(workspace, "availability", 2, "Verfügbarkeit", "Availability", " Lieferfähigkeit ",
                    {"oos_rate": {"green": 0.02, "red": 0.05}})
    settings = store.gear_settings(workspace)
    assert settings["availability"]["custom_name"] == "Lieferfähigkeit"
    assert settings["availability"]["thresholds"] == {"oos_rate": {"green": 0.02, "red": 0.05}}
    store.save_gear(workspace, "availability", 2, "Verfügbarkeit", "Availability", "", {})
    assert store.gear_settings(workspace)["availability"] == {"custom_name": None, "thresholds": {}}
    store.reset_gear(workspace, "availability")
    assert store.gear_settings(workspace) == {}


def test_bad_threshold_is_refused_and_nothing_written(workspace):
    """The refusal names the gear and the KPI as the window does, not by their ids (issue 17)."""
    with pytest.raises(UserError, match="OOS rate") as refused:
        store.save_gear(workspace, "availability", 2, "V", "A", None, {"oos_rate": {"green": "x", "red": 0.05}})
    assert "oos_rate" not in str(refused.value)
    assert refused.value.text("de").startswith("Verfügbarkeit")
    assert "Schwelle für Grün" in refused.value.text("de")
    assert store.gear_settings(workspace) == {}


def test_manual_kpi_upsert_and_validation(workspace):
    store.save_manual_kpi(workspace, "advertising", "ad_spend", "2026-03-01", "2026-03-07", 1200.0)
    store.save_manual_kpi(workspace, "advertising", "ad_spend", "2026-03-01", "2026-03-07", 1500.0)
    frame = store.manual_kpis_frame(workspace)
    assert len(frame) == 1 and frame.loc[0, "value"] == 1500.0 and frame.loc[0, "asin"] == ""
    with pytest.raises(UserError, match="before it starts"):
        store.save_manual_kpi(workspace, "advertising", "ad_spend", "2026-03-07", "2026-03-01", 1.0)
    with pytest.raises(UserError, match="not a date"):
        store.save_manual_kpi(workspace, "advertising", "ad_spend", "01.03.2026", "2026-03-07", 1.0)
    with pytest.raises(UserError, match="number"):
        store.save_manual_kpi(workspace, "advertising", "ad_spend", "2026-03-01", "2026-03-07", float("nan"))
    store.delete_manual_kpi(workspace, "advertising", "ad_spend", "2026-03-01")
    assert store.manual_kpis_frame(workspace).empty


def test_chargebacks_summed_per_amazon_week(workspace):
    with workspace.transaction() as conn:
        for kind, asin, amount, raised in (("chargeback", "B000000001", 100.0, "2026-03-04"),   # Wed
                                           ("chargeback", None, 50.0, "2026-03-01"),            # Sun
                                           ("shortage", None, 70.0, "2026-03-07"),              # Sat
                                           ("chargeback", None, 9.0, "2026-03-08")):            # next Sun
            conn.execute("INSERT INTO chargebacks(kind, asin, amount, currency, raised_on) VALUES (?, ?, ?, 'EUR', ?)",
                         (kind, asin, amount, raised))
    frame = store.chargebacks_weekly(workspace)
    rows = {(r.asin, r.week_start): (r.chargebacks, r.shortages) for r in frame.itertuples()}
    assert rows == {("", "2026-03-01"): (50.0, 70.0), ("B000000001", "2026-03-01"): (100.0, 0.0),
                    ("", "2026-03-08"): (9.0, 0.0)}


@pytest.mark.parametrize("raised, week", [
    ("2026-03-04 23:59:59", "2026-03-01"),      # Wednesday, late: still that week
    ("2026-03-07T10:00:00", "2026-03-01"),      # Saturday, the week's last day
    ("2026-03-08T01:00:00+02:00", "2026-03-01"),  # Sunday 01:00 at +02:00 is Saturday 23:00 UTC
    ("2024-02-29", "2024-02-25"),               # leap day, a Thursday
    ("2026-01-01", "2025-12-28"),               # a Thursday: the week began in the old year
    ("1969-12-31", "1969-12-28"),               # before 1970 (negative days since the epoch)
    ("0001-01-01", "0000-12-31"),               # a Monday: SQLite's proleptic year 0 (none in Python)
])
def test_chargeback_week_is_the_sunday_sqlite_dates_give(workspace, raised, week):
    """The week is worked out from the day's number (issue 18): the same Sunday as SQLite's
    date(raised_on, '-' || strftime('%w', raised_on) || ' days'), and a text that is no date is left out."""
    with workspace.transaction() as conn:
        for day, amount in ((raised, 4.0), ("not a date", 1.0), ("2026-3-8", 2.0)):
            conn.execute("INSERT INTO chargebacks(kind, asin, amount, currency, raised_on) "
                         "VALUES ('chargeback', 'B1', ?, 'EUR', ?)", (amount, day))
    frame = store.chargebacks_weekly(workspace)
    assert frame.to_dict("records") == [{"asin": "B1", "week_start": week, "chargebacks": 4.0, "shortages": 0.0}]
    assert str(frame["week_start"].dtype) == "str"


def test_chargebacks_of_several_rows_add_up_in_the_order_stored(workspace):
    """0.1 + 0.2 + 0.3 in that order is 0.6000000000000001, not 0.6: the sum runs over the rows as
    stored, per ASIN and week; weeks come out in order, then ASINs."""
    with workspace.transaction() as conn:
        for asin, amount, raised in (("B2", 0.1, "2026-03-09"), ("B2", 0.2, "2026-03-10"), ("B2", 0.3, "2026-03-14"),
                                     ("B1", 5.0, "2026-03-15"), ("B3", 1.0, "2026-03-02")):
            conn.execute("INSERT INTO chargebacks(kind, asin, amount, currency, raised_on) VALUES "
                         "('chargeback', ?, ?, 'EUR', ?)", (asin, amount, raised))
    frame = store.chargebacks_weekly(workspace)
    assert list(zip(frame["week_start"], frame["asin"], frame["chargebacks"])) == [
        ("2026-03-01", "B3", 1.0), ("2026-03-08", "B2", 0.6000000000000001), ("2026-03-15", "B1", 5.0)]


def test_the_newest_manual_week_from_the_week_numbers_is_the_one_from_the_texts(workspace):
    """The model's manual entries come without the week texts (MANUAL_COLUMNS): their newest week is
    worked out from the store's week numbers, the same Sunday as the newest text."""
    from vendordesk.core.gears import manual as M
    from vendordesk.core.gears.report import MANUAL_COLUMNS

    for start in ("2026-02-10", "2026-03-04", "2026-01-01"):
        store.save_manual_kpi(workspace, "advertising", "ad_spend", start, start, 1.0)
    frame = store.manual_kpis_frame(workspace)
    texts, numbers = frame.drop(columns=["week_ord"]), frame[list(MANUAL_COLUMNS)]
    assert "week" not in numbers.columns
    # 2026-03-04 is a Wednesday: its week starts on Sunday 2026-03-01
    for entries in (frame, texts, numbers):
        assert M.last_week(entries, M.split(entries)) == "2026-03-01"
    assert M.last_week(frame.iloc[:0], M.split(frame.iloc[:0])) is None


@pytest.mark.parametrize("raw, expected", [("0.4", 0.4), ("40", 0.4), ("35 %", 0.35), ("abc", None)])
def test_net_ppm_target_parsing(workspace, raw, expected):
    workspace.set_meta("net_ppm_target", raw)
    assert store.net_ppm_target(workspace) == (pytest.approx(expected) if expected else None)


def test_load_gear_inputs_on_empty_workspace(workspace):
    from vendordesk.core.gears.report import GearInputs, GearModel

    report = GearModel(GearInputs(**store.load_gear_inputs(workspace))).compute()
    assert [g.status for g in report.gears] == ["no-data"] * 9


def test_gears_command_json_contract(workspace, capsys):
    import json

    from vendordesk.cli import main

    workspace.set_meta("net_ppm_target", "0.40")
    with workspace.transaction() as conn:
        for week, ppm in (("2026-02-01", 0.41), ("2026-02-08", 0.30)):
            conn.execute("INSERT INTO sales_facts(asin, grain, period_start, period_end, shipped_revenue, "
                         "shipped_cogs, shipped_units, ordered_units, ordered_revenue) "
                         "VALUES ('B000000001', 'week', ?, ?, 1000, 600, 50, 50, 1000)", (week, week))
            conn.execute("INSERT INTO net_ppm_facts(asin, grain, period_start, period_end, net_pure_product_margin) "
                         "VALUES ('B000000001', 'week', ?, ?, ?)", (week, week, ppm))
    assert main(["gears", "--workspace", str(workspace.path), "--json", "--weeks", "1"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert len(doc["gears"]) == len(GEARS) and doc["compare"] == "prior"     # 2 weeks of data: no last year
    for gear in doc["gears"]:
        assert {"id", "name", "score", "status", "kpis", "data_as_of", "compare", "note"} <= set(gear)
        assert gear["status"] in ("green", "amber", "red", "no-data")
        assert all({"id", "value", "compare"} <= set(k) for k in gear["kpis"])
    profit = next(g for g in doc["gears"] if g["id"] == "profitability_terms")
    ppm = profit["kpis"][0]
    assert (ppm["id"], ppm["value"], ppm["compare"], ppm["status"]) == ("net_ppm", 0.30, 0.41, "red")
    assert profit["data_as_of"] == "2026-02-14"
    assert next(g for g in doc["gears"] if g["id"] == "advertising")["status"] == "no-data"


def test_gears_command_refuses_bad_date(workspace, capsys):
    from vendordesk.cli import main

    assert main(["gears", "--workspace", str(workspace.path), "--asof", "03/01/2026"]) == 2
    assert "--asof" in capsys.readouterr().err


def test_gears_frame_for_export(workspace):
    from vendordesk.core.gears.defs import GEARS
    from vendordesk.ops.gears import gears_frame

    frame = gears_frame(workspace)
    assert frame["gear_id"].nunique() == len(GEARS)
    assert set(frame["gear_status"]) == {"no-data"}


def test_demo_gears_show_the_planted_stories(demo_workspace):
    import json

    from vendordesk.core.gears.report import GearInputs, GearModel
    from vendordesk.ops.gears import gears_report
    from vendordesk.store.gears import load_gear_inputs

    stories = json.loads(demo_workspace.meta("demo_stories"))
    report = gears_report(demo_workspace).value
    assert report.gear("availability").status in ("amber", "red")
    model = GearModel(GearInputs(**load_gear_inputs(demo_workspace)))
    report = model.compute()
    worst = model.worst_asins(report, "availability")["asin"].tolist()
    assert set(stories["oos_spiral"]) <= set(worst[:5])
    squeeze = model.worst_asins(report, "profitability_terms").iloc[0]
    assert squeeze["asin"] == stories["margin_squeeze"][0]
    assert squeeze["value"] < 0.35 and squeeze["value"] < squeeze["compare"]


def test_export_gears_writes_one_row_per_kpi(demo_workspace, tmp_path):
    import pandas as pd

    from vendordesk.cli import main

    out = tmp_path / "gears.csv"
    assert main(["export", "gears", "--workspace", str(demo_workspace.path), "--out", str(out)]) == 0
    frame = pd.read_csv(out)
    assert frame["gear_id"].nunique() == len(GEARS)
    assert set(frame["gear_status"]) <= {"green", "amber", "red", "no-data"}


def test_gear_inputs_carry_integer_codes_and_prepare_puts_them_in_week_order(demo_workspace):
    """The facts keep the snapshot's row order (no copy of every column); prepare sorts by week code."""
    import datetime as dt

    from vendordesk.core.gears.kpis import prepare

    inputs = store.load_gear_inputs(demo_workspace)
    facts, manual = inputs["facts"], inputs["manual"]
    starts = facts["period_start"].tolist()
    weeks = sorted(set(starts))
    assert [weeks[c] for c in facts["week_code"]] == starts
    prepared = prepare(facts)
    assert prepared["period_start"].tolist() == sorted(starts)
    assert prepared["week"].tolist() == sorted(facts["week_code"].tolist())
    asins = sorted(set(facts["asin"]))
    assert [asins[c] for c in facts["asin_code"]] == facts["asin"].tolist()
    # manual helpers: one series per (gear, kpi), week ordinal counted from Sunday 1970-01-04
    assert manual.groupby("series")[["gear", "kpi"]].nunique().max().max() == 1
    row = manual.iloc[-1]
    assert dt.date(1970, 1, 4) + dt.timedelta(weeks=int(row["week_ord"])) == dt.date.fromisoformat(row["week"])
    assert manual.groupby("asin_code")["asin"].nunique().max() == 1


def test_one_shot_facts_carry_the_snapshots_codes_of_the_sorted_asins_and_weeks(demo_workspace):
    """A command's read (``keep=False``) takes the codes the snapshot stores instead of factorizing
    200k+ texts again: the same codes as ``pd.factorize(sort=True)``, the same frame as the cached read."""
    import numpy as np

    facts = store.gear_facts(demo_workspace, keep=False)
    weeks, asins = sorted(set(facts["period_start"])), sorted(set(facts["asin"]))
    assert [weeks[c] for c in facts["week_code"]] == facts["period_start"].tolist()
    assert [asins[c] for c in facts["asin_code"]] == facts["asin"].tolist()
    assert facts["week_code"].dtype == np.intp and facts["asin_code"].dtype == np.intp
    pd.testing.assert_frame_equal(facts, store.gear_facts(demo_workspace))


def test_the_models_fact_columns_prepare_the_same_matrix_as_all_facts(demo_workspace):
    """``from_parts`` reads only the metrics prepare() uses (not the stored costs): the same rows and
    the same prepared frame, bit for bit."""
    from vendordesk.core.gears.kpis import prepare
    from vendordesk.core.gears.report import FACT_COLUMNS

    few, every = store.gear_facts(demo_workspace, keep=False, only=FACT_COLUMNS), store.gear_facts(demo_workspace)
    assert "sellable_on_hand_inventory_cost" in every.columns and "sellable_on_hand_inventory_cost" not in few.columns
    assert len(few) == len(every)
    pd.testing.assert_frame_equal(prepare(few), prepare(every), check_exact=True)


def test_prepare_consuming_the_facts_gives_the_same_frame_and_leaves_no_number_column(demo_workspace):
    """GearModel.from_parts hands prepare() a frame nothing else shares: with ``consume`` each facts
    column goes once copied, so the facts and the matrix are not both held (issue 18)."""
    from vendordesk.core.gears.kpis import FACT_FLOWS, STOCKS, WEIGHTED, prepare

    kept = prepare(store.gear_facts(demo_workspace, keep=False))
    handed = store.gear_facts(demo_workspace, keep=False)
    consumed = prepare(handed, consume=True)
    pd.testing.assert_frame_equal(consumed, kept)
    read = set(FACT_FLOWS + STOCKS + tuple(WEIGHTED) + ("ordered_units",))
    assert not read & set(handed.columns)
    assert {"asin", "period_start"} <= set(handed.columns)      # the keys stay for the caller


def test_prepare_hands_each_consumed_column_back_before_it_reads_the_next(demo_workspace):
    """The matrix is a mapping of its own and never reuses what freed facts columns leave in the
    heap, so ``release`` (malloc_trim in the command) runs as each column goes: at 5,000 x 156 the
    first ``gears --json`` fell from 627 to 569 MB. Here a counter stands in for it and records how
    many number columns the facts still had at each call."""
    from vendordesk.core.gears.kpis import FACT_FLOWS, STOCKS, WEIGHTED, prepare

    kept = prepare(store.gear_facts(demo_workspace, keep=False))
    handed = store.gear_facts(demo_workspace, keep=False)
    read = [c for c in dict.fromkeys(FACT_FLOWS + STOCKS + tuple(WEIGHTED) + ("ordered_units",))
            if c in handed.columns]
    left: list[int] = []
    consumed = prepare(handed, consume=True, release=lambda: left.append(len(set(read) & set(handed.columns))))
    pd.testing.assert_frame_equal(consumed, kept)
    # one call per column read from the facts (each one column fewer: len(read) - 1 down to 0),
    # then one after the last facts reference is dropped (0 left)
    assert left == list(range(len(read) - 1, -1, -1)) + [0]
    assert len(read) > 10


def test_po_lines_come_in_the_order_of_the_asin_index(workspace):
    """Read in rowid order and sorted stably by ASIN: the rows, ties and all, as ``ORDER BY l.asin``
    returns them through the index on (asin, rowid)."""
    from vendordesk.store.gears import _PO_LINES, _po_lines_sql
    from vendordesk.store.lean_query import read_frame

    with workspace.transaction() as conn:
        conn.executemany("INSERT INTO purchase_orders (po_number, order_date, status) VALUES (?, ?, ?)",
                         [("P2", "2024-10-02", "open"), ("P1", "2024-10-01", None), ("P3", "2024-10-03T08:00", "closed")])
        conn.executemany("INSERT INTO po_lines (po_number, asin, requested_qty, accepted_qty, expected_date) "
                         "VALUES (?, ?, ?, ?, ?)",
                         [("P3", "B2", 1.0, None, "2024-10-09"), ("P2", "A1", 2.0, 2.0, None),
                          ("P1", "B2", 3.0, 3.0, "2024-10-08"),
                          ("P1", "A1", 4.0, 0.0, "nie")])
    frame = _po_lines_sql(workspace)
    pd.testing.assert_frame_equal(frame, read_frame(workspace.conn, _PO_LINES + " ORDER BY l.asin"), check_exact=True)
    # by hand: A1's lines in rowid order (P2 before P1), then B2's (P3 before P1)
    assert frame[["asin", "requested_qty"]].values.tolist() == [["A1", 2.0], ["A1", 4.0], ["B2", 1.0], ["B2", 3.0]]
