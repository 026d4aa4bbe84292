"""Issue 18: what the forecast plan holds while it runs (``core.forecast.plan.build_plan``).

At 5,000 ASINs x 156 weeks the department brief's plan peaked at 672 MB (logistics), over the
600 MB target: it kept the weekly facts through every forecast, made the divergence and the
drift that no brief shows, and kept Amazon's (series, weeks, 13) array (81 MB) beside ours while
ours were made. Watched, not faked: weak references and ``sys.setprofile`` on the real calls
over the demo workspace (30 ASINs x 104 weeks).
"""

from __future__ import annotations

import weakref

import pandas as pd
import pytest

from tests.profiled import profiled


def _inputs(demo_path):
    from vendordesk.store import open_workspace
    from vendordesk.store.supply import load_forecast_inputs

    with open_workspace(demo_path) as ws:
        return load_forecast_inputs(ws, keep=False)


def test_a_lean_plan_lets_go_of_the_weekly_facts_before_the_forecast_and_gives_the_same_plan(demo_path):
    from vendordesk.core.forecast.plan import build_plan

    full = build_plan(_inputs(demo_path), horizon=8, holdout=8)
    inputs = _inputs(demo_path)
    facts = weakref.ref(inputs["weekly"])
    alive_at_release: list[bool] = []
    lean = build_plan(inputs, horizon=8, holdout=8, lean=True,
                      release=lambda: alive_at_release.append(facts() is not None))
    # released once after the panel, the forecast, the projection and each of the two backtests
    assert len(alive_at_release) == 5
    assert alive_at_release[0] is False      # gone before the forecast starts
    assert "weekly" not in inputs
    for name in ("projection", "risks", "orders", "accuracy", "divergence", "drift"):
        pd.testing.assert_frame_equal(getattr(lean, name), getattr(full, name))
    assert lean.backtest == full.backtest and lean.versus_amazon == full.versus_amazon
    assert (lean.result.q == full.result.q).all()


def test_the_department_briefs_plan_makes_neither_divergence_nor_drift_and_the_same_orders(demo_path):
    from vendordesk.core.forecast.plan import build_plan
    from vendordesk.ops.department_brief import forecast_plan
    from vendordesk.store import open_workspace

    full = build_plan(_inputs(demo_path), backtest=False)
    assert not full.drift.empty and not full.divergence.empty     # the demo has Amazon's forecasts
    with open_workspace(demo_path) as ws:
        plan = forecast_plan(ws)
    assert plan is not None
    assert plan.drift.empty and plan.divergence.empty
    for name in ("projection", "risks", "orders"):
        pd.testing.assert_frame_equal(getattr(plan, name), getattr(full, name))


def test_no_horizon_array_of_every_series_is_made(demo_path):
    """core.forecast.run.fit_forecast: Amazon's and our (series, weeks, 13) arrays are made and
    bucketed a block of rival.CHUNK series at a time (rival.by_horizon_buckets, ours_by_bucket);
    before, each was made for all series at once (81 MB at 5,000 x 156) and Amazon's stayed until
    it was bucketed. Here with blocks of 7 series, so the demo's 30 make blocks of 7, 7, 7, 7, 2."""
    from vendordesk.core.forecast import rival
    from vendordesk.core.forecast.plan import build_plan

    full = build_plan(_inputs(demo_path), horizon=8, holdout=8)
    rows: list[int] = []

    def watch(frame, event, arg):
        if event == "call" and frame.f_code.co_name == "to_buckets" and \
                frame.f_code.co_filename.replace("\\", "/").endswith("core/forecast/rival.py"):
            rows.append(frame.f_locals["a"].shape[0])

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(rival, "CHUNK", 7)
        small = profiled(lambda: build_plan(_inputs(demo_path), horizon=8, holdout=8), watch)
    assert rows and max(rows) == 7 and 2 in rows       # 30 = 4 x 7 + 2
    assert small.backtest == full.backtest and small.versus_amazon == full.versus_amazon
    assert (small.result.q == full.result.q).all()


def test_a_lean_plan_lets_go_of_the_weekly_facts_before_amazons_drift_is_worked_out(demo_path):
    """core.forecast.amazon.drift pivots Amazon's generations into (asin x generation, week)
    arrays; a lean plan hands it the three OOS columns only and lets the rest of the weekly facts
    go first (5,000 x 156, Forecast tab plan in a fresh process: 571 -> 555 MB VmHWM). Before,
    the whole facts frame was alive when drift was called."""
    from vendordesk.core.forecast.plan import build_plan

    full = build_plan(_inputs(demo_path), horizon=8, holdout=8)
    inputs = _inputs(demo_path)
    facts = weakref.ref(inputs["weekly"])
    alive_at_drift: list[bool] = []

    def watch(frame, event, arg):
        if event == "call" and frame.f_code.co_name == "drift" and \
                frame.f_code.co_filename.replace("\\", "/").endswith("core/forecast/amazon.py"):
            alive_at_drift.append(facts() is not None)

    lean = profiled(lambda: build_plan(inputs, horizon=8, holdout=8, lean=True), watch)
    assert alive_at_drift == [False]
    pd.testing.assert_frame_equal(lean.drift, full.drift)
    assert not lean.drift.empty        # the demo's Amazon generations give a drift to compare


def test_amazons_drift_is_pivoted_a_block_of_asins_at_a_time_with_the_same_result(demo_path):
    """core.forecast.amazon.drift: the (asin x generation, week) array was one pivot of every
    generation (at 5,000 x 156, 80,000 rows x ~200 weeks, ~110 MB on the Forecast tab's peak);
    now a block of DRIFT_BLOCK ASINs at a time, on the weeks of all of them. Here blocks of 7 of
    the demo's 30 ASINs: 7, 7, 7, 7, 2 ASINs, and the same frame as one block of all 30."""
    from vendordesk.core.forecast import amazon as fa
    from vendordesk.core.forecast.plan import oos_frame

    inputs = _inputs(demo_path)
    af, oos = inputs["amazon"], oos_frame(inputs["weekly"])
    whole = fa.drift(af, oos, block=10 ** 6)
    asins_per_block: list[int] = []

    def watch(frame, event, arg):
        if event == "call" and frame.f_code.co_name == "_drift_block" and \
                frame.f_code.co_filename.replace("\\", "/").endswith("core/forecast/amazon.py"):
            asins_per_block.append(frame.f_locals["af"]["asin"].nunique())

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(fa, "DRIFT_BLOCK", 7)
        blocked = profiled(lambda: fa.drift(af, oos), watch)
    assert af["asin"].nunique() == 30 and asins_per_block == [7, 7, 7, 7, 2]
    # the same rows and flags; a row's sum may round in its last bit with the block's shape
    pd.testing.assert_frame_equal(blocked, whole, check_exact=False, rtol=1e-12)
    assert (blocked["flag"] == whole["flag"]).all() and (whole["flag"] != "").any()
