"""`vendordesk simulate`: the JSON contract and refused shocks (exit 2)."""

from __future__ import annotations

import json

import pytest

from vendordesk.cli import main


def test_simulate_json_contract(workspace, capsys):
    code = main(["simulate", "--workspace", str(workspace.path), "--weeks", "8",
                 "--shock", "procurable_product_out_of_stock_rate=+0.08@4", "--shock", "cost_price=+6%", "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    assert out["weeks"] == 8
    assert set(out["totals"]) >= {"units", "vendor_revenue", "amazon_revenue", "net_ppm"}
    assert out["paths"]["procurable_product_out_of_stock_rate"][:4] == pytest.approx([0.08] * 4)
    assert all(len(p) == 8 for p in out["paths"].values())
    assert out["totals"]["net_ppm"] < 0          # cost +6 % erodes Net PPM (E17)


@pytest.mark.parametrize("shock, words", [("oos=+0.08", "not a known KPI"), ("cost_price=lots", "KPI=DELTA")])
def test_simulate_bad_shock_exit_2(workspace, capsys, shock, words):
    code = main(["simulate", "--workspace", str(workspace.path), "--shock", shock])
    assert code == 2
    assert words in capsys.readouterr().err


def test_simulate_bad_weeks(workspace, capsys):
    assert main(["simulate", "--workspace", str(workspace.path), "--shock", "cost_price=+1%", "--weeks", "0"]) == 2
    assert "--weeks" in capsys.readouterr().err
