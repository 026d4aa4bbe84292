"""Issue 13: the bridge's OOS step uses the one lost-sales definition (kpis.lost_units), so an
ASIN out of stock all period shows its lost sales instead of 0."""

import pandas as pd
import pytest

from vendordesk.core.bridge import build_bridge, period_by_asin

W = ["2026-03-01", "2026-03-08", "2026-03-15", "2026-03-22"]


def test_fully_out_of_stock_asin_loses_its_run_rate():
    frame = pd.DataFrame({"asin": "A", "period_start": W, "ordered_units": [10.0, 10.0, 0.0, 0.0],
                          "shipped_units": [10.0, 10.0, 0.0, 0.0], "shipped_cogs": [50.0, 50.0, 0.0, 0.0],
                          "shipped_revenue": [100.0, 100.0, 0.0, 0.0], "glance_views": 100.0,
                          "procurable_product_out_of_stock_rate": [0.0, 0.0, 1.0, 1.0]})
    a, b = period_by_asin(frame, W[0], W[1]), period_by_asin(frame, W[2], W[3])
    # period B: 100 % OOS both weeks, pre-OOS run rate 10 a week -> 1.0 x 10 x 2 weeks = 20 units lost
    assert b.loc["A", "lost_units"] == pytest.approx(20.0)
    bridge = build_bridge(a, b)
    # OOS step: -(20 - 0) x cost 5.00 = -100 (the old formula, clipped at 95 % of 0 ordered, said 0)
    assert bridge.steps["oos"] == pytest.approx(-100.0)
    assert bridge.start + sum(bridge.steps.values()) == pytest.approx(bridge.end)


def test_brief_explanation_counts_lost_units_like_the_bridge():
    """The management brief's sentence "an estimated N units a week were lost to stock-outs" is the
    bridge's figure per week, not a third formula (it clipped OOS at 95 %: 0 ordered x 0.95 / 0.05 = 0).
    Same frame as above: period B loses 20 units in 2 weeks -> 20 / 2 = 10 a week."""
    from vendordesk.core.influence.explain import explain_change

    frame = pd.DataFrame({"asin": "A", "period_start": W, "ordered_units": [10.0, 10.0, 0.0, 0.0],
                          "shipped_units": [10.0, 10.0, 0.0, 0.0], "shipped_cogs": [50.0, 50.0, 0.0, 0.0],
                          "shipped_revenue": [100.0, 100.0, 0.0, 0.0], "glance_views": 100.0,
                          "procurable_product_out_of_stock_rate": [0.0, 0.0, 1.0, 1.0]})
    out = explain_change(frame, (W[0], W[1]), (W[2], W[3]), lang="en")
    assert out.facts["lost_units_per_week"] == pytest.approx(10.0)
    assert "an estimated 10 units a week were lost to stock-outs" in out.text
    # and the ASINs named beside the OOS rise are named as a rise, not as a count of OOS ASINs
    assert "OOS up 5 points or more on 1 ASIN: A" in out.text
