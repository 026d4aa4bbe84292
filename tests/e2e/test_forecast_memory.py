"""Issue 18: what ``vendordesk forecast --backtest`` keeps in its process (ops.forecast.backtest).

At 5,000 ASINs x 156 weeks the backtest by path peaked at 643 MB (``--holdout 8``: 727 MB): unlike
``forecast`` it kept every decoded weekly metric and all eight columns of Amazon's two million
forecast rows in the process cache through the whole model run. By path (one command) nothing is
kept now, and the document is the one an open workspace (the window's, which keeps them) gives.
Watched on the real calls over the demo workspace (30 ASINs x 104 weeks), not faked.
"""

from __future__ import annotations

import json

import pytest

from tests.profiled import profiled


def _cached_slots(path) -> list[str]:
    from vendordesk.store import facts_snapshot

    return [slot for slot in facts_snapshot._CACHE if slot.split("|", 1)[0] == str(path)]


@pytest.mark.parametrize("holdout", [26, 8])
def test_a_backtest_by_path_keeps_no_facts_and_gives_the_open_workspaces_document(demo_path, holdout):
    from vendordesk.ops.forecast import backtest
    from vendordesk.store import facts_snapshot, open_workspace

    facts_snapshot.forget(demo_path)
    by_path = backtest(demo_path, holdout).value
    assert _cached_slots(demo_path) == []       # before: the facts and "amazon_forecasts" stayed cached
    with open_workspace(demo_path) as ws:
        shared = backtest(ws, holdout).value
        assert _cached_slots(demo_path)         # the window's workspace keeps them for its other tabs
    facts_snapshot.forget(demo_path)
    assert json.dumps(by_path, sort_keys=True) == json.dumps(shared, sort_keys=True)
    assert by_path["holdout"] == holdout and len(by_path["asins"]) == 30
    assert "amazon" in by_path["total"]          # the demo's Amazon forecasts were scored


def test_the_backtest_by_path_hands_amazons_four_blend_columns_to_the_model(demo_path):
    """Only asin, generation_date, week_start and mean_units are read by the blend and Amazon's
    holdout score (core.forecast.rival, core.forecast.amazon): the other four columns (p70/p80/p90,
    week_end: 66 MB at 5,000 x 156) are dropped before the model run."""
    from vendordesk.ops.forecast import RIVAL_COLUMNS, backtest

    seen: list[list[str]] = []

    def watch(frame, event, arg):
        if event == "call" and frame.f_code.co_name == "backtest_with_amazon":
            seen.append(list(frame.f_locals["amazon"].columns))

    profiled(lambda: backtest(demo_path, 8), watch)
    assert seen == [list(RIVAL_COLUMNS)]


def test_the_forecast_table_and_backtest_are_the_same_made_in_blocks_of_7_series(demo_path, monkeypatch):
    """The horizon arrays made block by block (core.forecast.rival.CHUNK): the demo's 30 ASINs in
    blocks of 7 (4 x 7 + 2) give the forecast table's CSV and the backtest JSON byte for byte as
    in one block of 500."""
    from vendordesk.core.forecast import rival
    from vendordesk.ops.forecast import backtest, forecast

    whole = (forecast(demo_path).value.to_csv(index=False), json.dumps(backtest(demo_path, 8).value, sort_keys=True))
    monkeypatch.setattr(rival, "CHUNK", 7)
    blocks = (forecast(demo_path).value.to_csv(index=False), json.dumps(backtest(demo_path, 8).value, sort_keys=True))
    assert blocks == whole
    assert whole[0].count("\n") == 1 + 30 * 26      # header + 30 ASINs x 26 weeks
