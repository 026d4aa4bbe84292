"""Why a MASE is missing: the forecast tab showed "WAPE 100 %, MASE –" with no word on why. MASE
divides the error by the mean week-to-week change of the weeks before the hidden ones; it has no
scale when there were no sales before them, no two weeks in a row, or no change at all."""

from __future__ import annotations

import numpy as np

from vendordesk.core.forecast import backtest as bt

NAN = np.nan


def test_each_missing_mase_has_its_reason():
    train = np.array([
        [NAN, NAN, NAN, NAN],      # first sold inside the hidden weeks
        [NAN, 5.0, NAN, 3.0],      # two weeks, never in a row: no week-to-week change
        [4.0, 4.0, 4.0, 4.0],      # the same every week: the change is 0
        [1.0, 2.0, NAN, 5.0],      # |2 - 1| = 1: a scale of 1
    ])
    actual = np.array([[2.0, 2.0]] * 4)
    forecast = np.array([[1.0, 3.0]] * 4)
    mase = bt.scores(forecast, actual, train)["mase"]
    assert np.isnan(mase[:3]).all() and mase[3] == 1.0          # mean |error| 1 / scale 1
    assert bt.mase_gaps(train) == ["no_history", "too_short", "flat", ""]
