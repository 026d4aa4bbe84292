"""The revenue and margin bridge, worked by hand on two ASINs."""

from __future__ import annotations

import pandas as pd
import pytest

from vendordesk.core.bridge import build_bridge, period_by_asin, previous_period


def frame(rows):
    return pd.DataFrame(rows, columns=["asin", "shipped_units", "shipped_cogs", "shipped_revenue", "ordered_units",
                                       "contra_cogs", "sales_discount", "oos"]).set_index("asin")


A = frame([("X", 100, 1000, 2000, 100, 100, 0, 0.0), ("Y", 50, 1000, 1500, 50, 100, 0, 0.0)])
B = frame([("X", 120, 1320, 2400, 120, 150, 0, 0.0), ("Y", 40, 800, 1080, 40, 100, 0, 0.2)])


def test_vendor_bridge_by_hand():
    bridge = build_bridge(A, B, chargebacks_a=20, chargebacks_b=60)
    # COGS 2000 -> 2120; net 2000-200-20 = 1780 -> 2120-250-60 = 1810
    assert (bridge.gross_start, bridge.gross_end) == (2000, 2120)
    assert (bridge.start, bridge.end) == (1780, 1810)
    s = bridge.steps
    assert s["price"] == pytest.approx(120)            # X: 120 units x +1.00
    assert s["mix"] == pytest.approx(2000 - 160 * 2000 / 150)          # -133.33
    assert s["oos"] == pytest.approx(-200)             # Y lost 40 x 0.2/0.8 = 10 units x 20
    assert s["volume"] == pytest.approx(10 * 2000 / 150 + 200)         # 333.33 ex OOS
    assert s["terms"] == pytest.approx(-50) and s["chargebacks"] == pytest.approx(-40)
    assert sum(s.values()) == pytest.approx(bridge.end - bridge.start)
    assert list(bridge.drivers.index) == ["X", "Y"]    # |+320| before |-200|


def test_ppm_bridge_adds_up():
    bridge = build_bridge(A, B)
    # A: (3500 - 2000 + 200) / 3500; B: (3480 - 2120 + 250) / 3480
    assert bridge.ppm_start == pytest.approx(1700 / 3500)
    assert bridge.ppm_end == pytest.approx(1610 / 3480)
    assert sum(bridge.ppm_steps.values()) == pytest.approx(bridge.ppm_end - bridge.ppm_start)
    assert bridge.ppm_steps["asp"] < 0 and bridge.ppm_steps["cost"] < 0 and bridge.ppm_steps["terms"] > 0


def test_new_asin_goes_to_volume_and_mix_and_empty_is_honest():
    b = pd.concat([B, frame([("Z", 10, 300, 500, 10, 0, 0, 0.0)])])
    bridge = build_bridge(A, b)
    assert bridge.steps["price"] == pytest.approx(120)
    assert sum(bridge.steps.values()) == pytest.approx(bridge.end - bridge.start)
    empty = build_bridge(A.iloc[0:0], A.iloc[0:0])
    assert empty.empty and sum(empty.steps.values()) == 0


def test_period_by_asin_and_previous_period():
    weekly = pd.DataFrame({"asin": ["X", "X", "X"], "period_start": ["2026-01-04", "2026-01-11", "2026-01-18"],
                           "shipped_units": [1, 2, 3], "shipped_cogs": [10, 20, 30], "glance_views": [100, 300, 0],
                           "procurable_product_out_of_stock_rate": [0.1, 0.3, None]})
    p = period_by_asin(weekly, "2026-01-04", "2026-01-11")
    assert p.loc["X", "shipped_units"] == 3
    assert p.loc["X", "oos"] == pytest.approx((0.1 * 100 + 0.3 * 300) / 400)
    assert previous_period("2026-01-04", "2026-01-25") == ("2025-12-07", "2025-12-28")
