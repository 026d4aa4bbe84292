"""Issue 18, the window's memory: what its workers read and hold on a big account.

The window runs each tab's reading in a worker thread, and glibc gives each thread a heap of its
own: what one worker freed is not reused by the next, so it stays in the process unless handed
back (``store.lean_query.release_freed_memory``, glibc's malloc_trim). Measured at 5,000 ASINs x
156 weeks (tests/benchmarks/bench_big.py::test_window_all_tabs_peak): the gears' read left ~100 MB
of such holes, the influence views' read ~80 MB. Watched, not faked: ``sys.setprofile`` records
the calls of the real functions on the real demo workspace, in the order they happen.
"""

from __future__ import annotations

import pytest

from tests.profiled import profiled

pytestmark = pytest.mark.qt

WATCHED = {("store/whatif.py", "prepare"), ("store/influence.py", "load_inputs"),
           ("store/influence.py", "load_target_view"), ("store/lean_query.py", "release_freed_memory"),
           ("core/gears/report.py", "from_parts"), ("core/forecast/plan.py", "build_plan"),
           ("ui/forecast/data.py", "__init__")}


def _watched(run, columns: dict[str, list[str]] | None = None):
    """(result of ``run()``, [(event, function)] of the WATCHED functions, in call order);
    ``columns``: per watched function called with ``inputs``, the columns of its facts frame."""
    events: list[tuple[str, str]] = []

    def watch(frame, event, _arg):
        if event in ("call", "return"):
            code = frame.f_code
            if (code.co_filename.replace("\\", "/").rsplit("vendordesk/", 1)[-1], code.co_name) in WATCHED:
                events.append((event, code.co_name))
                given = frame.f_locals.get("inputs") if event == "call" and columns is not None else None
                if isinstance(given, dict) and "frame" in given:
                    columns[code.co_name] = [str(c) for c in given["frame"].columns]

    return profiled(run, watch), events


def _first(events, event, name) -> int:
    return events.index((event, name))


def _last(events, event, name) -> int:
    return len(events) - 1 - events[::-1].index((event, name))


def test_the_influence_views_read_the_whatif_state_before_the_facts_and_hand_back_what_they_freed(demo_path):
    """At 5,000 x 156 the what-if's own history read peaked +171 MB on top of the facts' 310 MB
    when it came second; first, it is freed before the facts are read."""
    from vendordesk.ops.influence import load_views

    seen: dict[str, list[str]] = {}
    data, events = _watched(lambda: load_views(demo_path, "de"), seen)
    assert data["has_data"] and data["whatif"]["state"] is not None
    prepared, read = _last(events, "return", "prepare"), _first(events, "call", "load_inputs")
    assert prepared < read
    assert ("call", "release_freed_memory") in events[prepared:read]
    assert ("call", "release_freed_memory") in events[_last(events, "return", "load_target_view"):]
    # the facts the views hold through every step: without the week ends no view reads
    assert "period_start" in seen["load_target_view"] and "period_end" not in seen["load_target_view"]


def test_the_gears_read_hands_back_what_it_freed(demo_path):
    from vendordesk.ops.gear_model import load_gear_model

    result, events = _watched(lambda: load_gear_model(demo_path))
    assert result.value[0].latest_week() is not None
    assert ("call", "release_freed_memory") in events[_last(events, "return", "from_parts"):]


def test_the_forecast_run_hands_back_what_the_plan_freed(demo_path):
    """The run's facts and Amazon's forecasts are dropped once indexed (tests/ui/test_forecast_tab.py),
    and what they and the plan's intermediates took goes back to the system before the run ends."""
    from vendordesk.ui.forecast.data import compute_plan

    (index, _supply), events = _watched(lambda: compute_plan(demo_path, 26))
    assert index.asins()
    assert ("call", "release_freed_memory") in events[_last(events, "return", "__init__"):]
