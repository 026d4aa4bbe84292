"""``vendordesk forecast`` and ``vendordesk export forecast`` on a seeded workspace."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from tests.store.forecast_seed import seed_workspace
from vendordesk.cli import main
from vendordesk.store import open_workspace


@pytest.fixture
def seeded(tmp_path):
    path = tmp_path / "fc.vendordesk"
    with open_workspace(path) as ws:
        asins = seed_workspace(ws, n=6, weeks=80)
    return path, asins


def test_forecast_writes_the_contract_columns(seeded, tmp_path, capsys):
    path, asins = seeded
    out = tmp_path / "fc.csv"
    assert main(["forecast", "--workspace", str(path), "--horizon", "4", "--asin", asins[0], asins[1],
                 "--out", str(out)]) == 0
    frame = pd.read_csv(out)
    assert list(frame.columns) == ["asin", "week_start", "p50", "p70", "p80", "p90", "model", "source", "events"]
    assert set(frame["source"]) <= {"ours", "amazon", "combined"}
    assert len(frame) == 8 and set(frame["asin"]) == set(asins[:2])
    assert (frame["p90"] >= frame["p50"]).all() and frame.drop(columns="events").notna().all().all()


def test_forecast_json_and_xlsx(seeded, tmp_path, capsys):
    path, _ = seeded
    assert main(["forecast", "--workspace", str(path), "--horizon", "2", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 12 and {"asin", "week_start", "p50", "p70", "p80", "p90", "model"} <= set(rows[0])
    out = tmp_path / "fc.xlsx"
    assert main(["forecast", "--workspace", str(path), "--horizon", "2", "--out", str(out)]) == 0
    assert len(pd.read_excel(out)) == 12


def test_backtest_json_document(seeded, capsys):
    path, asins = seeded
    assert main(["forecast", "--workspace", str(path), "--backtest", "--holdout", "26", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["holdout"] == 26
    assert set(doc["total"]["ours"]) == {"mase", "wape", "bias"}
    assert set(doc["total"]["seasonal_naive"]) == {"mase", "wape", "bias"}
    assert set(doc["total"]["coverage"]) == {"p70", "p80", "p90"}
    assert [a["asin"] for a in doc["asins"]] == asins
    first = doc["asins"][0]
    assert {"asin", "model", "ours", "seasonal_naive"} <= set(first)
    finite = [a["ours"]["mase"] for a in doc["asins"] if a["ours"]["mase"] is not None]
    assert doc["total"]["ours"]["mase"] == pytest.approx(sum(finite) / len(finite), abs=1e-3)


@pytest.mark.parametrize("args, message", [
    (["--horizon", "0"], "--horizon 0"),
    (["--horizon", "53"], "--horizon 53"),
    (["--asin", "B0NOPE0000"], "no weekly sales for B0NOPE0000"),
    (["--out", "x.txt"], "must end in .csv or .xlsx"),
    (["--backtest", "--holdout", "79"], "keep at least 8 weeks"),
])
def test_refused_input_exits_2_with_a_message(seeded, capsys, args, message):
    path, _ = seeded
    assert main(["forecast", "--workspace", str(path), *args]) == 2
    assert message in capsys.readouterr().err


def test_empty_workspace_is_refused(tmp_path, capsys):
    path = tmp_path / "empty.vendordesk"
    open_workspace(path).close()
    assert main(["forecast", "--workspace", str(path)]) == 2
    assert "no weekly sales" in capsys.readouterr().err


def test_export_forecast(seeded, tmp_path):
    path, _ = seeded
    out = tmp_path / "export.csv"
    assert main(["export", "forecast", "--workspace", str(path), "--out", str(out)]) == 0
    frame = pd.read_csv(out)
    assert len(frame) == 6 * 26 and list(frame.columns[-3:]) == ["model", "source", "events"]


def test_backtest_json_scores_amazon_and_event_weeks(seeded, capsys):
    # the seed has Amazon generations 30 and 1 weeks before the end: a 13-week holdout is covered
    path, _ = seeded
    assert main(["forecast", "--workspace", str(path), "--backtest", "--holdout", "13", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["holdout"] == 13
    for key in ("ours", "seasonal_naive", "amazon"):
        assert set(doc["total"][key]) >= {"mase", "wape"}
        assert doc["total"][key]["wape"] is not None and doc["total"][key]["wape"] >= 0
    cov = doc["total"]["coverage"]
    assert all(0.0 <= cov[k] <= 1.0 for k in ("p70", "p80", "p90"))
    assert cov["p70"] <= cov["p80"] <= cov["p90"]
    assert set(doc["event_weeks"]) == {"weeks", "total"}
    if doc["event_weeks"]["weeks"]:
        assert {"ours", "seasonal_naive", "coverage"} <= set(doc["event_weeks"]["total"])


def test_a_deal_the_kam_enters_lifts_its_week_by_the_one_elasticity(seeded, tmp_path):
    # no calibration stored -> the documented default elasticity -1.5; a 20 % price cut lifts
    # every quantile of that ASIN-week by 0.8 ** -1.5 = 1 / 0.71554 = 1.39754; other weeks unchanged
    from tests.store.forecast_seed import week

    # (the busiest ASIN of that week, so the 2-decimal rounding of the file stays below 0.1 %)
    path, _ = seeded
    before, after = tmp_path / "before.csv", tmp_path / "after.csv"
    assert main(["forecast", "--workspace", str(path), "--horizon", "3", "--out", str(before)]) == 0
    first = week(80)
    a = pd.read_csv(before)
    asin = a.loc[a.loc[a["week_start"] == first, "p50"].idxmax(), "asin"]
    assert a.loc[a["asin"] == asin, "p50"].min() > 5
    assert main(["events", "add", "user", "Deal", first, first, "--asin", asin, "--price-cut", "0.2",
                 "--workspace", str(path)]) == 0
    assert main(["forecast", "--workspace", str(path), "--horizon", "3", "--out", str(after)]) == 0
    b = pd.read_csv(after)
    hit = (a["asin"] == asin) & (a["week_start"] == first)
    assert hit.sum() == 1
    for col in ("p50", "p90"):
        assert b.loc[hit, col].iloc[0] == pytest.approx(a.loc[hit, col].iloc[0] * 1.39754, rel=1e-3)
        assert b.loc[~hit, col].tolist() == pytest.approx(a.loc[~hit, col].tolist(), rel=1e-6)


def _stocked_out_launch(path, asins):
    """Glance views for every ASIN (10 per unit sold), and a launch listed two weeks ago that was out of
    stock in both its weeks (OOS 0.9: its sales say nothing) while 400 people a week looked at it."""
    from tests.store.forecast_seed import week

    with open_workspace(path) as ws, ws.transaction() as conn:
        sold = conn.execute("SELECT asin, period_start, period_end, ordered_units FROM sales_facts").fetchall()
        conn.executemany("INSERT INTO traffic_facts (asin, grain, period_start, period_end, glance_views) "
                         "VALUES (?, 'week', ?, ?, ?)", [(a, s, e, 10.0 * u) for a, s, e, u in sold])
        last = max(s for _, s, _, _ in sold)
        for start in (week(78), last):
            end = (pd.Timestamp(start) + pd.Timedelta(days=6)).date().isoformat()
            conn.execute("INSERT INTO sales_facts (asin, grain, period_start, period_end, currency, ordered_revenue, "
                         "ordered_units, shipped_cogs, shipped_units) VALUES ('B0LAUNCH01', 'week', ?, ?, 'EUR', "
                         "20, 1, 10, 1)", (start, end))
            conn.execute("INSERT INTO inventory_facts (asin, grain, period_start, period_end, "
                         "procurable_product_out_of_stock_rate) VALUES ('B0LAUNCH01', 'week', ?, ?, 0.9)", (start, end))
            conn.execute("INSERT INTO traffic_facts (asin, grain, period_start, period_end, glance_views) "
                         "VALUES ('B0LAUNCH01', 'week', ?, ?, 400)", (start, end))


def test_the_forecast_tab_and_the_command_forecast_a_stocked_out_launch_alike(seeded):
    """The tab's plan (ops.forecast_plan) read the sales without glance views, the command with them:
    a launch whose every week was a stock-out is sized by its views in the command's forecast only."""
    from vendordesk.ops.forecast import forecast
    from vendordesk.ops.forecast_plan import forecast_plan

    path, asins = seeded
    _stocked_out_launch(path, asins)
    command = forecast(path, 8).value
    plan, _ = forecast_plan(path, 8, 8).value
    result = plan.result
    assert result.model[result.asins.index("B0LAUNCH01")] == "launch_analogues"
    assert plan.panel.glance is not None
    tab = result.frame()
    assert list(tab["asin"]) == list(command["asin"]) and list(tab["model"]) == list(command["model"])
    for name in ("p50", "p70", "p80", "p90"):
        assert tab[name].tolist() == command[name].tolist()
