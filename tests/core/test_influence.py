"""The KPI graph and its simulation: known answers on small graphs."""

from __future__ import annotations

import numpy as np
import pytest

from vendordesk.core.influence.graph import DEFAULT_EDGES, KPIS, LOOPS, Edge, Graph
from vendordesk.core.influence.sim import (
    Baseline,
    Shock,
    parse_shock,
    propagate,
    simulate,
)

OOS, UNITS = "procurable_product_out_of_stock_rate", "ordered_units"


def graph(*edges) -> Graph:
    return Graph({e.id: e for e in edges})


def test_default_graph_has_all_thirty_domain_links_and_known_kpis():
    ids = {e.id[:3] for e in DEFAULT_EDGES if e.id.startswith("E")}
    assert ids == {f"E{i:02d}" for i in range(1, 31)}
    for e in DEFAULT_EDGES:
        assert e.src in KPIS and e.dst in KPIS and e.sign in (-1, 1)
    # R1 is reinforcing: the signs around the loop multiply to +1
    assert Graph.default().loop_gain("R1") > 0
    assert LOOPS["R1"][0] == ("E01", "E02", "E03", "E04")


def test_single_link_known_answer():
    g = graph(Edge("E01", OOS, UNITS, -1, 0, 1.5))
    paths = propagate(g, [Shock(OOS, 0.08, weeks=4)], weeks=6)
    assert paths[OOS].tolist() == pytest.approx([0.08] * 4 + [0, 0])
    assert paths[UNITS].tolist() == pytest.approx([-0.12] * 4 + [0, 0])


def test_lagged_chain_delays_and_multiplies():
    g = graph(Edge("A", UNITS, "mean_forecast_units", 1, 2, 0.5),
              Edge("B", "mean_forecast_units", "po_units", 1, 1, 2.0))
    paths = propagate(g, [Shock(UNITS, -0.10, weeks=1)], weeks=6)
    assert paths["mean_forecast_units"].tolist() == pytest.approx([0, 0, -0.05, 0, 0, 0])
    assert paths["po_units"].tolist() == pytest.approx([0, 0, 0, -0.10, 0, 0])


def test_reinforcing_loop_converges_to_geometric_sum():
    # OOS -> units (-1), units -> forecast (+0.5, lag 1), forecast -> OOS (-0.5, lag 1): gain 0.25
    g = graph(Edge("a", OOS, UNITS, -1, 0, 1.0), Edge("b", UNITS, "mean_forecast_units", 1, 1, 0.5),
              Edge("c", "mean_forecast_units", OOS, -1, 1, 0.5))
    paths = propagate(g, [Shock(OOS, 0.04)], weeks=60)
    # steady state: x = 0.04 / (1 - 0.25)
    assert paths[OOS][-1] == pytest.approx(0.04 / 0.75, rel=1e-6)
    assert paths[OOS][2] == pytest.approx(0.04 * 1.25)


def test_explosive_loop_stays_bounded_and_no_recursion():
    # gain 4 with lag-0 links only: a cycle closed within the week is read one week late
    g = graph(Edge("a", OOS, UNITS, -1, 0, 2.0), Edge("b", UNITS, OOS, -1, 0, 2.0))
    paths = propagate(g, [Shock(OOS, 0.05)], weeks=52, baseline=Baseline(rates={OOS: 0.03}))
    assert np.all(np.isfinite(paths[OOS]))
    assert paths[OOS].max() <= 0.97 + 1e-12          # OOS rate never above 100 %
    assert paths[UNITS].min() >= -1.0                 # units never below zero
    assert paths[OOS][-1] == pytest.approx(0.97)      # saturates, does not blow up


def test_simulate_prices_units_and_revenue():
    g = graph(Edge("E01", OOS, UNITS, -1, 0, 1.0))
    base = Baseline(units=1000, asp=20.0, cost=12.0, net_ppm=0.30, rates={OOS: 0.03})
    result = simulate(g, [parse_shock(f"{OOS}=+0.08@4")], weeks=10, baseline=base)
    # 4 weeks x 1000 units x -8 %
    assert result.totals["units"] == pytest.approx(-320)
    assert result.totals["vendor_revenue"] == pytest.approx(-320 * 12)
    assert result.totals["amazon_revenue"] == pytest.approx(-320 * 20)
    assert result.totals["net_ppm"] == pytest.approx(0.0)
    assert result.totals["net_ppm_eur"] == pytest.approx(-320 * 20 * 0.30)
    assert set(result.to_json()) == {"weeks", "paths", "totals"}
    assert len(result.paths[UNITS]) == 10


def test_cost_price_shock_moves_net_ppm_by_formula_strength():
    base = Baseline(units=100, asp=20.0, cost=12.0, net_ppm=0.30)
    result = simulate(graph(Edge("E17", "cost_price", "net_pure_product_margin", -1, 0, 0.6)),
                      [parse_shock("cost_price=+6%")], weeks=4, baseline=base)
    assert result.paths["net_pure_product_margin"][0] == pytest.approx(-0.036)
    assert result.totals["vendor_revenue"] == pytest.approx(4 * 100 * 12 * 0.06)
    assert result.totals["net_ppm"] == pytest.approx(-0.036)


@pytest.mark.parametrize("text, kpi, delta, weeks", [
    ("procurable_product_out_of_stock_rate=+0.08@4", OOS, 0.08, 4),
    ("cost_price=+6%", "cost_price", 0.06, None),
    ("ad_spend=-30%@12", "ad_spend", -0.30, 12),
    ("cost_price=0,05", "cost_price", 0.05, None),
])
def test_parse_shock(text, kpi, delta, weeks):
    shock = parse_shock(text)
    assert (shock.kpi, shock.weeks) == (kpi, weeks)
    assert shock.delta == pytest.approx(delta)


@pytest.mark.parametrize("text, fragment", [
    ("oos=+0.08", "not a known KPI"), ("cost_price=abc", "KPI=DELTA"), ("cost_price=+1@0", "at least 1"),
])
def test_parse_shock_refuses_with_reason(text, fragment):
    with pytest.raises(ValueError, match=fragment):
        parse_shock(text)


def test_full_default_graph_r1_shock_lowers_forecast_then_po():
    base = Baseline(units=1000, asp=20, cost=12, net_ppm=0.3, rates={OOS: 0.03})
    result = simulate(Graph.default(), [Shock(OOS, 0.15, weeks=4)], weeks=26, baseline=base)
    fc, po = result.paths["mean_forecast_units"], result.paths["po_units"]
    first_fc = next(i for i, v in enumerate(fc) if v < 0)
    first_po = next(i for i, v in enumerate(po) if v < 0)
    assert first_fc == 2                           # E02 lag 2 (domain T27)
    assert first_po >= 2 and int(np.argmin(po)) >= 3  # E03 lag 1 after the forecast
    assert result.totals["units"] < -600
    assert all(abs(v) < 5 for path in result.paths.values() for v in path)


# --- the planted demo stories are found and explained ---------------------------------------
@pytest.fixture
def demo_inputs(demo_workspace):
    import json

    from vendordesk.store.influence import load_inputs

    return load_inputs(demo_workspace), json.loads(demo_workspace.meta("demo_stories"))


@pytest.mark.parametrize("lang", ["en", "de"])
def test_demo_oos_spiral_and_margin_squeeze_are_found(demo_inputs, lang):
    from vendordesk.core.influence.chains import active_chains

    inputs, stories = demo_inputs
    chains = {c.id: c for c in active_chains(inputs["frame"], inputs["forecast"], inputs["po"], inputs["charges"],
                                             lang, inputs["net_ppm_target"])}
    r1, r2 = chains["R1"], chains["R2"]
    assert r1.active and set(stories["oos_spiral"]) <= set(r1.asins)
    assert len(r1.asins) <= len(stories["oos_spiral"]) + 2          # not every ASIN of the account
    assert r2.active and set(stories["margin_squeeze"]) <= set(r2.asins)
    assert r1.evidence["oos_after"] - r1.evidence["oos_before"] > 0.15
    assert r1.evidence["forecast_change"] < 0                        # E02 followed
    assert r2.evidence["ppm_after"] < r2.evidence["ppm_before"] - 0.03
    assert stories["oos_spiral"][0] in r1.sentence and "OOS" in r1.sentence
    word = "Prognose" if lang == "de" else "forecast"
    assert word in r1.sentence
    assert "Net PPM" in r2.sentence and stories["margin_squeeze"][0] in r2.sentence
    if stories.get("quality_overstock"):                             # B1: overstock -> markdown, fewer POs
        assert chains["B1"].active and set(stories["quality_overstock"]) <= set(chains["B1"].asins)
    assert not chains["R3"].active or chains["R3"].evidence["share"] >= 0.01


def test_demo_change_is_explained_from_the_data(demo_inputs):
    from vendordesk.core.influence.chains import active_chains
    from vendordesk.core.influence.explain import explain_change

    inputs, stories = demo_inputs
    frame = inputs["frame"]
    r1 = next(c for c in active_chains(frame, inputs["forecast"], inputs["po"]) if c.id == "R1")
    first, last = r1.evidence["weeks"]
    weeks = sorted(frame["period_start"].unique())
    i, j = weeks.index(first), weeks.index(last)
    part = frame[frame["asin"].isin(stories["oos_spiral"])]
    text = explain_change(part, (weeks[i - 8], weeks[i - 3]), (weeks[i], weeks[j]), lang="en")
    assert text.facts["units_change"] < -0.2
    assert text.facts["oos_b"] > text.facts["oos_a"] + 0.15
    assert set(text.facts["oos_asins"]) == set(stories["oos_spiral"])
    assert text.sentences[0].startswith("Ordered units fell")
