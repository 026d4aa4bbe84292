"""store.calibration: the fast history reader equals the generic weekly_frame; save/load round trip."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
import sim_account

from vendordesk.core.influence.calibration import COLUMNS
from vendordesk.store import calibration
from vendordesk.store.facts_read import weekly_frame


def test_history_frame_equals_weekly_frame(workspace):
    sim_account.write_workspace(sim_account.build(seed=2, n=6, weeks=20), workspace)
    fast = calibration.history_frame(workspace).sort_values(["asin", "period_start"]).reset_index(drop=True)
    slow = weekly_frame(workspace, COLUMNS).sort_values(["asin", "period_start"]).reset_index(drop=True)
    assert len(fast) == len(slow) == 6 * 20
    assert list(fast["asin"]) == list(slow["asin"]) and list(fast["period_start"]) == list(slow["period_start"])
    for col in COLUMNS:
        np.testing.assert_allclose(fast[col].to_numpy(float), slow[col].to_numpy(float), rtol=1e-12, err_msg=col)


def test_save_load_round_trip_and_never_calibrated(workspace):
    assert calibration.load(workspace) is None and calibration.links(workspace) == {}
    result = {"links": {"elasticity": {"estimate": -1.3, "low": -1.5, "high": -1.1, "status": "calibrated"}},
              "weeks": 52, "asins": 3, "first_week": "2025-01-05", "last_week": "2025-12-28"}
    calibration.save(workspace, result)
    stored = calibration.load(workspace)
    assert stored["links"] == result["links"] and stored["weeks"] == 52 and stored["created_at"]


def test_forecasts_keep_the_newest_generation_up_to_the_week(workspace):
    frame = calibration.first_week_forecasts(workspace)
    assert list(frame.columns) == ["asin", "week_start", "mean_units"] and frame.empty
    with workspace.transaction() as conn:
        conn.executemany("INSERT INTO amazon_forecasts(asin, marketplace_id, selling_program, generation_date, "
                         "week_start, week_end, mean_units) VALUES ('B1', 'M', 'RETAIL', ?, ?, ?, ?)",
                         [("2025-01-03", "2025-01-05", "2025-01-11", 10.0),
                          ("2025-01-04", "2025-01-05", "2025-01-11", 12.0),
                          ("2025-01-06", "2025-01-05", "2025-01-11", 99.0),    # made inside the week: too late
                          ("2025-01-04", "2025-01-12", "2025-01-18", 55.0)])   # its second week: not a first week
    frame = calibration.first_week_forecasts(workspace)
    assert frame.to_dict("records") == [{"asin": "B1", "week_start": "2025-01-05", "mean_units": 12.0}]
    assert isinstance(frame, pd.DataFrame)
