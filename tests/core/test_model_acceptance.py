"""Acceptance: simulated accounts with known, random mechanics are imported as SP-API documents,
calibrated with ``vendordesk calibrate`` and shocked with ``vendordesk simulate --weeks 12``; the
answers are compared with the truth (the known account simulated forward with the same shock)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import sim_account

from vendordesk.cli import main

SHOCKS = [("procurable_product_out_of_stock_rate=+0.08@4", {"oos": (0.08, 4)}),
          ("average_selling_price=-10%@8", {"price": (-0.10, 8)}),
          ("cost_price=+6%", {"cost": (0.06, None)}),
          ("vendor_confirmation_rate=-0.10@6", {"conf": (-0.10, 6)})]


# 20: tight stock (three quarters of the ASIN-weeks end with less than half a week on hand), where
# the confirmation shock once came out at 0.66x the truth
@pytest.fixture(scope="module", params=[11, 12, 13, 14, 15, 16, 17, 18, 19, 20])
def account(request, tmp_path_factory):
    import contextlib
    import io

    from vendordesk.store import open_workspace

    acc = sim_account.build(seed=request.param, n=40)
    path = tmp_path_factory.mktemp(f"sim{request.param}") / "sim.vendordesk"
    ws = open_workspace(path)
    sim_account.write_workspace(acc, ws)
    ws.close()
    out = io.StringIO()
    with contextlib.redirect_stdout(out):          # calibrated once per account, read by both tests
        assert main(["calibrate", "--workspace", str(path), "--json"]) == 0
    return acc, path, json.loads(out.getvalue())["links"]


def _json(capsys, argv) -> dict:
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_calibration_recovers_the_known_parameters(account, capsys):
    acc, path, links = account
    tr = acc.truth
    for name, truth, slack in (("elasticity", tr.elasticity, 0.10), ("forecast_alpha", tr.alpha, 0.02),
                               ("po_cover", tr.cover, 0.05), ("lead_weeks", tr.lead, 0.01),
                               ("contra_rate", tr.contra, 0.005)):
        link = links[name]
        assert link["status"] == "calibrated", name
        # within the interval, widened by the rounding of the documents (3 decimals)
        assert link["low"] - slack * abs(truth) <= truth <= link["high"] + slack * abs(truth), (name, truth, link)
    assert links["lost_share"]["low"] <= 1.0
    assert links["crap"]["estimate"] == 0.0          # the account never punished a low Net PPM
    assert links["competitor_match"]["status"] == "default"      # no competitor data: said so
    assert "no competitor price data" in links["competitor_match"]["note"]


def test_four_shocks_match_the_truth(account, capsys):
    acc, path, _ = account
    horizon_units = sim_account.run(acc, acc.state, acc.weeks, 12)["units"].sum()
    for text, truth_shock in SHOCKS:
        out = _json(capsys, ["simulate", "--workspace", str(path), "--weeks", "12", "--shock", text, "--json"])
        got, truth = out["totals"], sim_account.truth_effect(acc, truth_shock, 12)
        assert set(out["intervals"]) >= {"units", "vendor_revenue", "amazon_revenue", "net_ppm"}
        assert abs(got["net_ppm"] - truth["net_ppm"]) <= 0.005, (text, got, truth)
        for metric in ("units", "vendor_revenue"):
            scale = horizon_units if metric == "units" else horizon_units * 30
            small = 0.005 * scale          # below 0.5 % of the horizon a ratio is noise: compare in absolute terms
            if abs(truth[metric]) < small:
                assert abs(got[metric] - truth[metric]) < small, (text, metric, got, truth)
                continue
            assert got[metric] * truth[metric] > 0, (text, metric, got, truth)          # the sign
            ratio = got[metric] / truth[metric]
            assert 1 / 1.5 <= ratio <= 1.5, (text, metric, got, truth)
    # the cost increase never moved units in this account's history
    cost = _json(capsys, ["simulate", "--workspace", str(path), "--weeks", "12", "--shock", "cost_price=+6%", "--json"])
    assert abs(cost["totals"]["units"]) < 0.001 * horizon_units
