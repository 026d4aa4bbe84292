"""ForecastResult.better: whose forecast has been better per ASIN and horizon bucket."""

import numpy as np

from vendordesk.core.forecast.run import ForecastResult


def test_better_follows_amazons_weight_per_bucket():
    # weight 1 / (1 + rho^2) > 0.5 exactly when Amazon's MAE was smaller (rho < 1)
    w = np.array([[0.6, 0.5, 0.3, 0.8], [0.0, 0.0, 0.0, 0.0]])
    res = ForecastResult(["A", "B"], ["2026-11-22"], np.zeros((4, 2, 1)), ["m", "m"], [[], []], [{}, {}],
                         source=["combined", "ours"], amazon_weight=w)
    assert res.better() == [["amazon", "ours", "ours", "amazon"], ["", "", "", ""]]
    assert ForecastResult(["A"], [], np.zeros((4, 1, 0)), ["m"], [[]], [{}]).better() == [["", "", "", ""]]
