"""The table CSV writer, cell by cell, against pandas' ``to_csv`` (its contract) and the
neutralization rule; columns are formatted a column at a time, repeated texts once."""

from __future__ import annotations

import numpy as np
import pandas as pd

from vendordesk.exports.csv_out import write_frame_csv


def _written(frame: pd.DataFrame, tmp_path) -> str:
    out = tmp_path / "t.csv"
    assert write_frame_csv(frame, out) == len(frame)
    return out.read_text("utf-8")


def test_every_kind_of_cell_is_written_as_pandas_writes_it(tmp_path):
    frame = pd.DataFrame({
        "asin": ["B0A", "B0A", "B0B", None],
        "p50": [1.5, np.nan, -0.0, 1e22],
        "units": np.array([3, 0, -2, 7], dtype=np.int64),
        "ok": [True, False, True, False],
        "mixed": [1, 1.0, True, "1"],           # equal values of other types print apart
        "week": ["2026-01-05", "2026-01-12", None, "2026-01-26"],     # the tables' dates are ISO text
        "note": ['a,b', 'say "hi"', "two\nlines", "plain"],
        "text": pd.Series(["x", None, "y,z", "x"], dtype="str"),
        "string": pd.array(["x", None, "y", "x"], dtype="string"),
    })
    assert _written(frame, tmp_path) == frame.to_csv(index=False, lineterminator="\n")


def test_text_that_starts_like_a_formula_is_neutralized_each_time_it_repeats(tmp_path):
    frame = pd.DataFrame({"title": ["=SUM(A1)", "=SUM(A1)", "+1,5", "ok"]})
    assert _written(frame, tmp_path).splitlines() == ["title", "'=SUM(A1)", "'=SUM(A1)", '"\'+1,5"', "ok"]


def test_a_frame_without_columns_writes_one_empty_line_per_row(tmp_path):
    assert _written(pd.DataFrame(index=range(2)), tmp_path) == "\n\n\n"
