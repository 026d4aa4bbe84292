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


def _peak_bytes(path, asins: int, weeks: int) -> int:
    """tracemalloc's peak while ``build_demo`` writes ``path`` (numpy's arrays are traced too)."""
    import tracemalloc

    tracemalloc.start()
    try:
        build_demo(path, asins=asins, weeks=weeks)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.slow
def test_demo_memory_grows_only_by_the_simulations_arrays(tmp_path):
    """Issue 18: the rows are made and written a chunk at a time, so an added ASIN costs only the
    simulation's week x ASIN float64 arrays. Both sizes have more than CHUNK (20,000) rows per fact
    table (400 x 52 = 20,800), so one chunk is the same size in both.

    The simulation runs weeks + 26 warm-up weeks (T = 78 at 52 weeks). Per ASIN it holds at most:
    27 recorded arrays of T + 4 weeks (18 weekly, 8 PO-line, 1 receipts to resolve), its level
    (T), 8 shocks and inputs (3 shocks, competitor price, capacity, ad limit, extra orders, rating
    path: T each), the seasonal index (T + 26) and about 12 temporaries of T while the report
    weeks are cut out: 27 x 82 + 78 + 8 x 78 + 104 + 12 x 78 = 3,956 weeks x 8 B = 31.6 kB. The
    bound allows 60 arrays of T + 4 = 82 weeks: 60 x 82 x 8 B = 39,360 B per ASIN. Before, every
    PO line (a Line object and its row), every manual KPI row, the keyed fact rows of a whole table
    and whole (generations x ASINs x 26) forecast arrays were held at once: about 79 kB per ASIN."""
    build_demo(tmp_path / "warm.vendordesk", asins=20, weeks=20)        # imports and caches first
    small = _peak_bytes(tmp_path / "small.vendordesk", 400, 52)
    big = _peak_bytes(tmp_path / "big.vendordesk", 1200, 52)
    per_asin = (big - small) / (1200 - 400)
    assert per_asin < 60 * 82 * 8, f"{per_asin:,.0f} B per added ASIN"
