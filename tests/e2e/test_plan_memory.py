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


def test_amazons_horizon_array_is_gone_before_ours_are_laid_out_beside_it(demo_path):
    """core.forecast.run.fit_forecast: rival.by_horizon's (series, weeks, 13) array is bucketed
    (rival.to_buckets) before rival.ours_by_horizon makes ours of the same size."""
    from vendordesk.core.forecast.plan import build_plan

    made: list[weakref.ref] = []
    alive_when_ours: list[bool] = []

    def watch(frame, event, arg):
        name = frame.f_code.co_name
        if not frame.f_code.co_filename.replace("\\", "/").endswith("core/forecast/rival.py"):
            return
        if event == "return" and name == "by_horizon":
            made.append(weakref.ref(arg))
        elif event == "call" and name == "ours_by_horizon":
            alive_when_ours.append(any(ref() is not None for ref in made))

    profiled(lambda: build_plan(_inputs(demo_path), horizon=8, holdout=8), watch)
    assert made and alive_when_ours      # the demo's Amazon forecasts go through the blend
    assert not any(alive_when_ours)


def test_the_windows_plan_by_path_keeps_no_facts_and_hands_back_the_heap_between_its_steps(demo_path):
    """ops.forecast_plan by path (the Forecast tab's worker): the weekly facts leave the inputs it
    returns, and the freed heap goes back after the panel, the forecast, the projection and each
    backtest. 5,000 x 156 in a fresh process (2026-12-07): VmHWM 733 -> 587 MB, 71 MB at the start."""
    from vendordesk.ops.forecast_plan import forecast_plan

    released: list[str] = []
    planning = [False]

    def watch(frame, event, _arg):
        code = frame.f_code
        where = code.co_filename.replace("\\", "/")
        if code.co_name == "build_plan" and where.endswith("core/forecast/plan.py") and event in ("call", "return"):
            planning[0] = event == "call"
        elif event == "call" and code.co_name == "release_freed_memory" and where.endswith("store/lean_query.py"):
            released.append("in the plan" if planning[0] else "reading")

    plan, inputs = profiled(lambda: forecast_plan(demo_path, horizon=8, holdout=8), watch).value
    assert "weekly" not in inputs
    assert plan.backtest and plan.versus_amazon       # both backtests ran
    assert released.count("in the plan") == 5
