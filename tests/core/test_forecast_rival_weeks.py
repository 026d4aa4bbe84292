"""Amazon's forecasts placed by week: whole weeks from the first panel week, worked per distinct date."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from vendordesk.core.forecast.rival import _week_idx, by_horizon


def test_week_index_by_hand():
    first = dt.date(2024, 1, 7)     # a Sunday
    # 2024-01-07: 0 days -> week 0; 01-13: 6 days -> 0; 01-14: 7 days -> 1; 2023-12-31: -7 -> -1;
    # 2023-12-30: -8 days -> floor(-8 / 7) = -2; 2024-03-03: 56 days -> 8 (repeated dates reuse one value)
    dates = pd.Series(["2024-01-07", "2024-01-13", "2024-01-14", "2023-12-31", "2023-12-30", "2024-03-03",
                       "2024-01-14"], dtype="str")
    assert _week_idx(dates, first).tolist() == [0, 0, 1, -1, -2, 8, 1]
    assert _week_idx(pd.Series([], dtype="str"), first).tolist() == []


def test_a_missing_date_is_still_refused():
    with pytest.raises((TypeError, ValueError)):
        _week_idx(pd.Series(["2024-01-07", None], dtype=object), dt.date(2024, 1, 7))


def test_by_horizon_places_each_value_at_its_week_and_horizon():
    weeks = ["2024-01-07", "2024-01-14", "2024-01-21", "2024-01-28"]
    af = pd.DataFrame({"asin": ["A", "A", "B", "Z"],
                       "generation_date": ["2024-01-07", "2024-01-07", "2024-01-14", "2024-01-07"],
                       "week_start": ["2024-01-21", "2024-01-07", "2024-01-28", "2024-01-21"],
                       "mean_units": [5.0, 9.0, 3.0, 7.0]})
    out = by_horizon(af, ["A", "B"], weeks, last_gen=3)
    # A: made in week 0 for week 2 -> horizon k = 2 (axis index 1); made for its own week: k = 0, not kept
    # B: made in week 1 for week 3 -> k = 2; Z is not in the panel
    assert out[0, 2, 1] == 5.0 and out[1, 3, 1] == 3.0
    assert np.count_nonzero(~np.isnan(out)) == 2


def test_the_bucketed_horizon_arrays_made_block_by_block_are_the_whole_ones_bit_for_bit():
    """rival.by_horizon_buckets / ours_by_bucket (issue 18, memory): blocks of 2 series give
    to_buckets(by_horizon(...)) / to_buckets(ours_by_horizon(...)) exactly, NaNs and a repeated
    row (the later one wins in both) included. Hand-checked cell: series B, week 3, bucket h1-2
    holds Amazon's values made 1 and 2 weeks before, 4.0 (gen week 2) and 6.0 (gen week 1):
    (4.0 + 6.0) / 2 = 5.0."""
    import datetime as dt

    import numpy as np
    import pandas as pd

    from vendordesk.core.forecast import rival as rv

    weeks = [(dt.date(2026, 1, 4) + dt.timedelta(weeks=i)).isoformat() for i in range(8)]
    asins = ["A", "B", "C", "D", "E"]
    rng = np.random.default_rng(5)
    rows = [(a, weeks[g], weeks[j], float(rng.integers(1, 50))) for a in asins for g in range(8)
            for j in range(g + 1, 8) if rng.random() < 0.7]
    rows += [("B", weeks[2], weeks[3], 4.0), ("B", weeks[1], weeks[3], 6.0), ("B", weeks[2], weeks[3], 4.0)]
    af = pd.DataFrame(rows, columns=["asin", "generation_date", "week_start", "mean_units"])
    whole = rv.to_buckets(rv.by_horizon(af, asins, weeks, 6))
    blocks = rv.by_horizon_buckets(af, asins, weeks, 6, chunk=2)
    assert blocks.tobytes() == whole.tobytes()
    assert blocks[1, 3, 0] == 5.0
    kept = [(o, rng.random((5, 13))) for o in (2, 4, 5)]
    assert rv.ours_by_bucket(kept, (5, 8), chunk=2).tobytes() == rv.to_buckets(rv.ours_by_horizon(kept, (5, 8))).tobytes()


def test_future_matrix_takes_each_asins_newest_generation_made_by_the_end_of_the_history():
    from vendordesk.core.forecast.rival import future_matrix

    weeks = ["2024-01-07", "2024-01-14", "2024-01-21"]          # history ends Saturday 2024-01-27
    ahead = ["2024-01-28", "2024-02-04"]
    af = pd.DataFrame({"asin": ["A", "A", "A", "A", "B", "B", "Z", None],
                       "generation_date": ["2024-01-07", "2024-01-07", "2024-01-21", "2024-01-28",
                                           "2024-01-14", None, "2024-01-21", "2024-01-21"],
                       "week_start": ["2024-01-28", "2024-02-04", "2024-02-04", "2024-01-28",
                                      "2024-01-28", "2024-02-04", "2024-01-28", "2024-01-28"],
                       "mean_units": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]}, dtype=object)
    af["mean_units"] = af["mean_units"].astype(float)
    mean, k = future_matrix(af.astype(dict.fromkeys(("asin", "generation_date", "week_start"), "str")),
                            ["A", "B", "C"], weeks, ahead)
    # A: 2024-01-28 is made after the history, so its newest is 2024-01-21 (week 2), which covers only
    # 2024-02-04 (forecast week 1): k = 3 + 1 - 2 = 2. B: 2024-01-14 (week 1) for 2024-01-28 (week 0):
    # k = 3 + 0 - 1 = 2; its row without a generation is left out. C has none; Z and no ASIN are not asked.
    assert mean.tolist()[0][1] == 3.0 and np.isnan(mean[0, 0])
    assert mean.tolist()[1][0] == 5.0 and np.isnan(mean[1, 1])
    assert np.isnan(mean[2]).all()
    assert k.tolist() == [[1, 2], [2, 1], [1, 1]]
