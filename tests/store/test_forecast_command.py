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
