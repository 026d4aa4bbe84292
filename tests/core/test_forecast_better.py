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


def test_better_follows_the_error_ratio_where_it_is_known():
    # Amazon's MAE / ours per bucket: 0.5 -> Amazon's erred less, 2 -> ours, NaN -> no record.
    # The weights (all 1: the blend takes Amazon's) do not decide who was better.
    ratio = np.array([[0.5, 2.0, 1.0, 0.99], [np.nan, np.nan, np.nan, np.nan]])
    res = ForecastResult(["A", "B"], ["2026-11-22"], np.zeros((4, 2, 1)), ["m", "m"], [[], []], [{}, {}],
                         source=["amazon", "ours"], amazon_weight=np.ones((2, 4)), amazon_ratio=ratio)
    assert res.better() == [["amazon", "ours", "ours", "amazon"], ["", "", "", ""]]


def test_the_backtest_document_names_whose_forecast_was_better_per_bucket():
    # the JSON's per-ASIN "better": ratio 0.8 -> Amazon's, 1.25 -> ours, NaN -> null; no ratios -> null
    from vendordesk.core.forecast.run import _better

    ratio = np.array([[0.8, 1.25, np.nan, 1.0]])
    buckets = ["h1-2", "h3-5", "h6-9", "h10-13"]
    assert _better(ratio, 0, buckets) == {"h1-2": "amazon", "h3-5": "ours", "h6-9": None, "h10-13": "ours"}
    assert _better(None, 0, buckets) is None
