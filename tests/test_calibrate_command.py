"""`vendordesk calibrate` and `simulate` on a simulated account: stored once, read by everyone;
too little data keeps the documented default and says so; absurd shocks refused with exit 2."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "core"))
import sim_account

from vendordesk.cli import main
from vendordesk.core.margin import DEFAULT_ELASTICITY

FIELDS = {"estimate", "low", "high", "weeks", "asins", "note", "status"}


@pytest.fixture(scope="module")
def sim_path(tmp_path_factory):
    from vendordesk.store import open_workspace

    path = tmp_path_factory.mktemp("cal") / "sim.vendordesk"
    with open_workspace(path) as ws:
        sim_account.write_workspace(sim_account.build(seed=3, n=30), ws)
    return path


def test_calibrate_stores_one_elasticity_everyone_reads(sim_path, capsys):
    from vendordesk.store import open_workspace
    from vendordesk.store.elasticity import price_elasticity
    from vendordesk.store.influence import load_graph
    from vendordesk.store.negotiations import price_elasticity as negotiation_elasticity

    assert main(["calibrate", "--workspace", str(sim_path), "--json"]) == 0
    links = json.loads(capsys.readouterr().out)["links"]
    for name, link in links.items():
        assert set(link) >= FIELDS, name
        assert link["low"] <= link["estimate"] <= link["high"], name
        assert link["note"], name
    el = links["elasticity"]
    assert el["status"] == "calibrated" and el["weeks"] == 104 and el["asins"] == 30
    with open_workspace(sim_path) as ws:
        assert price_elasticity(ws) == (el["estimate"], el["low"], el["high"], "calibrated")
        assert negotiation_elasticity(ws) == (el["estimate"], el["low"], el["high"], "calibrated")
        assert load_graph(ws).edges["I05"].strength == pytest.approx(-el["estimate"])


def test_empty_workspace_keeps_documented_defaults_and_says_so(workspace, capsys):
    from vendordesk.store.elasticity import price_elasticity

    assert main(["calibrate", "--workspace", str(workspace.path), "--json"]) == 0
    links = json.loads(capsys.readouterr().out)["links"]
    assert all(link["status"] == "default" for link in links.values())
    assert "no weekly history" in links["elasticity"]["note"]
    assert price_elasticity(workspace)[::3] == (DEFAULT_ELASTICITY, "default")


def test_too_little_history_keeps_the_default_with_a_wider_interval(tmp_path, capsys):
    from vendordesk.store import open_workspace

    short = tmp_path / "short.vendordesk"
    with open_workspace(short) as ws:
        sim_account.write_workspace(sim_account.build(seed=4, n=10, weeks=8), ws)
    assert main(["calibrate", "--workspace", str(short), "--json"]) == 0
    el = json.loads(capsys.readouterr().out)["links"]["elasticity"]
    assert el["status"] == "default" and el["estimate"] == DEFAULT_ELASTICITY
    assert "needs 12" in el["note"] and "default" in el["note"]     # 8 weeks of history (7 usable)
    assert el["high"] - el["low"] >= 1.0          # wider than any calibrated interval here


def test_simulate_adds_intervals_beside_totals(sim_path, capsys):
    assert main(["simulate", "--workspace", str(sim_path), "--weeks", "12", "--json",
                 "--shock", "average_selling_price=-10%@8"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out["intervals"]) >= set(out["totals"]) - {"net_ppm_eur"}
    for key, (lo, hi) in out["intervals"].items():
        assert lo <= hi, key
    assert out["totals"]["units"] > 0 and out["intervals"]["units"][0] > 0
    # the paths add up to the total in EUR
    parts = out["contributions"]["vendor_revenue"]
    assert sum(parts.values()) == pytest.approx(out["totals"]["vendor_revenue"], rel=1e-9)


@pytest.mark.parametrize("shock, words", [
    ("content_score=+10", "between -1 and +1"),
    ("cost_price=+6", "+600 %"),
    ("procurable_product_out_of_stock_rate=-0.5", "stays within 0..100 %"),
])
def test_absurd_shocks_refused_with_exit_2(sim_path, capsys, shock, words):
    before = sim_path.read_bytes()
    assert main(["simulate", "--workspace", str(sim_path), "--shock", shock]) == 2
    assert words in capsys.readouterr().err
    assert sim_path.read_bytes() == before
