"""rival.future_matrix: Amazon's newest generation made by the end of the history, per ASIN and
coming week, worked by hand on seven rows (an older and a later generation, an ASIN outside the
panel, a row without a generation date)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from vendordesk.core.forecast import rival as rv


def test_the_newest_generation_made_by_the_end_of_the_history_is_read():
    af = pd.DataFrame({
        "asin": ["A", "A", "A", "A", "Z", "B", "B"],
        "generation_date": ["2026-01-05", "2026-01-12", "2026-01-12", "2026-01-19", "2026-01-12", "2026-01-05", None],
        "week_start": ["2026-01-19", "2026-01-19", "2026-01-26", "2026-01-26", "2026-01-19", "2026-01-26", "2026-01-19"],
        "mean_units": [10.0, 12.0, 13.0, 99.0, 50.0, 7.0, 88.0],
    }).astype({"asin": "str", "generation_date": "str", "week_start": "str"})
    # history weeks 01-05 and 01-12 (it ends on 01-18): the 01-19 generation comes too late
    mean, k = rv.future_matrix(af, ["A", "B"], ["2026-01-05", "2026-01-12"], ["2026-01-19", "2026-01-26"])
    np.testing.assert_array_equal(mean, [[12.0, 13.0], [np.nan, 7.0]])
    # horizon = weeks of history + coming week index - the generation's week (A's 1, B's 0); 1 where none
    np.testing.assert_array_equal(k, [[1, 2], [1, 3]])


def test_no_generation_made_in_time_leaves_every_week_empty():
    af = pd.DataFrame({"asin": ["A"], "generation_date": ["2026-02-02"], "week_start": ["2026-01-19"],
                       "mean_units": [5.0]})
    mean, k = rv.future_matrix(af, ["A"], ["2026-01-05", "2026-01-12"], ["2026-01-19"])
    assert np.isnan(mean).all() and (k == 1).all()
