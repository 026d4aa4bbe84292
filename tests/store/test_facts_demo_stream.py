"""The demo writes its big tables as chunked streams, with progress and cancel."""

from __future__ import annotations

import sqlite3

import pytest

from vendordesk.demo import build_demo
from vendordesk.demo.facts import Rows
from vendordesk.errors import Cancelled


def test_rows_are_made_in_chunks_on_demand():
    made = []

    def make(lo, hi):
        made.append((lo, hi))
        return [(k,) for k in range(lo, hi)]

    rows = Rows(5, make, step=2) + [("tail",)]
    assert len(rows) == 6 and made == []                 # len() makes nothing
    stream = iter(rows)
    assert [next(stream), next(stream)] == [(0,), (1,)] and made == [(0, 2)]
    assert list(stream) == [(2,), (3,), (4,), ("tail",)] and made == [(0, 2), (2, 4), (4, 5)]


def test_demo_progress_rises_to_one_and_cancel_rolls_back(tmp_path):
    seen = []
    build_demo(tmp_path / "a.vendordesk", asins=12, weeks=30, seed=3, progress=seen.append)
    assert seen[0] == pytest.approx(0.1) and seen[-1] == pytest.approx(1.0)
    assert seen == sorted(seen)

    def cancel(fraction):
        if fraction > 0.3:
            raise Cancelled()

    with pytest.raises(Cancelled):
        build_demo(tmp_path / "b.vendordesk", asins=12, weeks=30, seed=3, progress=cancel)
    with sqlite3.connect(tmp_path / "b.vendordesk") as conn:
        assert conn.execute("SELECT COUNT(*) FROM sales_facts").fetchone()[0] == 0
        assert conn.execute("SELECT COUNT(*) FROM report_imports").fetchone()[0] == 0
