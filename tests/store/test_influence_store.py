"""kpi_edges overrides/calibrations and sales targets round-trip; refused input saves nothing."""

from __future__ import annotations

import math

import pytest

from vendordesk.core.influence.linkcal import Calibration
from vendordesk.core.margin import DEFAULT_ELASTICITY
from vendordesk.errors import UserError
from vendordesk.store.influence import (
    load_graph,
    phase_evenly,
    price_elasticity,
    read_targets,
    reset_edge,
    save_calibration,
    save_edge,
    write_targets,
)


def test_defaults_without_rows(workspace):
    graph = load_graph(workspace)
    assert graph.edges["E01"].strength == 1.0 and graph.edges["E01"].source == "default"
    # one elasticity per workspace: never calibrated -> the documented default of core.margin
    assert price_elasticity(workspace) == (DEFAULT_ELASTICITY, "default")
    assert graph.edges["I05"].strength == -DEFAULT_ELASTICITY


def test_edit_then_reset(workspace):
    save_edge(workspace, "E04", -1, 3, 0.4)
    edge = load_graph(workspace).edges["E04"]
    assert (edge.sign, edge.lag, edge.strength, edge.source) == (-1, 3, 0.4, "edited")
    reset_edge(workspace, "E04")
    assert load_graph(workspace).edges["E04"].strength == 0.25
    assert workspace.conn.execute("SELECT COUNT(*) FROM kpi_edges").fetchone()[0] == 0


@pytest.mark.parametrize("args, field", [(("E99", 1, 0, 1.0), "unknown link"), (("E01", 1, 99, 1.0), "lag"),
                                         (("E01", 1, 0, -2.0), "strength"), (("E01", 0, 0, 1.0), "sign")])
def test_bad_edit_refused(workspace, args, field):
    with pytest.raises(UserError, match=field):
        save_edge(workspace, *args)
    assert workspace.conn.execute("SELECT COUNT(*) FROM kpi_edges").fetchone()[0] == 0


def test_calibration_applies_but_edit_wins(workspace):
    save_calibration(workspace, {
        "I05": Calibration("I05", "calibrated", 1.7, 0.2, 80, 4000),
        "E02": Calibration("E02", "calibrated", 0.5, 0.05, 80, 4000, lag=3),
        "E03": Calibration("E03", "default", None, None, 4, 10, reason="only 4 weeks of data (needs 12)"),
    })
    graph = load_graph(workspace)
    assert graph.edges["I05"].source == "calibrated" and graph.edges["I05"].strength == 1.7
    assert (graph.edges["E02"].lag, graph.edges["E02"].strength) == (3, 0.5)
    assert graph.edges["E03"].source == "default" and graph.edges["E03"].calibration["weeks"] == 4
    # a link calibration of the graph is no second elasticity: only `vendordesk calibrate` sets it
    assert price_elasticity(workspace) == (DEFAULT_ELASTICITY, "default")
    save_edge(workspace, "I05", -1, 0, 0.9)
    save_calibration(workspace, {"I05": Calibration("I05", "calibrated", 2.0, 0.2, 90, 4500)})
    edge = load_graph(workspace).edges["I05"]
    assert (edge.strength, edge.source, edge.calibration["estimate"]) == (0.9, "edited", 2.0)
    reset_edge(workspace, "I05")
    assert load_graph(workspace).edges["I05"].strength == 2.0


def test_targets_round_trip_and_refusal(workspace):
    months = phase_evenly(1_200_000)
    assert months[1] == pytest.approx(100_000)
    write_targets(workspace, 2026, months)
    assert sum(read_targets(workspace, 2026).values()) == pytest.approx(1_200_000)
    with pytest.raises(UserError, match="2026-03"):
        write_targets(workspace, 2026, {1: 5.0, 3: -1})
    assert sum(read_targets(workspace, 2026).values()) == pytest.approx(1_200_000)
    with pytest.raises(UserError, match="month 13"):
        write_targets(workspace, 2026, {13: 1.0})


# --- degenerate data: honest results, never an exception -----------------------------------
def _facts(ws, rows):
    with ws.transaction() as conn:
        conn.executemany("INSERT INTO sales_facts(asin, grain, period_start, period_end, ordered_units, shipped_units, "
                         "shipped_revenue, shipped_cogs) VALUES (?, 'week', ?, ?, ?, ?, ?, ?)", rows)


@pytest.mark.parametrize("rows", [
    [("B000000001", "2026-11-01", "2026-11-07", 10.0, 10.0, 200.0, 120.0)],                 # one week
    [("B000000001", day, "x", None, None, None, None) for day in ("2026-09-06", "2026-09-13")],     # all NaN
    [("B000000001", f"2026-10-{d:02d}", "x", 5.0, 0.0, 0.0, 0.0) for d in (4, 11, 18, 25)],  # zero revenue
])
def test_degenerate_history_never_raises(workspace, rows):
    from vendordesk.briefs.management import build_html
    from vendordesk.core.influence.sim import parse_shock, simulate
    from vendordesk.store.influence import load_baseline, load_bridge, load_chains, load_inputs, load_target_view

    _facts(workspace, rows)
    inputs = load_inputs(workspace)
    chains = load_chains(workspace, "en", inputs)
    assert not any(c.active for c in chains)
    bridge = load_bridge(workspace, inputs=inputs)
    assert bridge is None or sum(bridge.steps.values()) == pytest.approx(bridge.end - bridge.start)
    view = load_target_view(workspace, inputs=inputs)
    assert view.target == 0 and view.gap <= 0
    result = simulate(load_graph(workspace), [parse_shock("cost_price=+6%")], 8, load_baseline(workspace))
    assert not any(math.isnan(v) for v in result.totals.values())   # no NaN totals
    html = build_html({"has_data": True, "bridge": bridge, "account": "x", "chains": chains, "target": view}, "de")
    assert "<html" in html
