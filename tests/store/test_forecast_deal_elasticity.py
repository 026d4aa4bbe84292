"""``vendordesk forecast`` with a KAM deal in the horizon. The deal lifts its weeks through
(1 - price_cut) ** -|elasticity| with the estimate of store.elasticity's (estimate, low, high,
source); before the fix the command handed the whole tuple on and crashed (TypeError in abs).
The lift also enters the model fit as a regressor, so the forecast's ratio is not exactly it."""

from __future__ import annotations

import datetime as dt
import json

from vendordesk.cli import main
from vendordesk.core.forecast.calendar import Event
from vendordesk.store import open_workspace
from vendordesk.store.elasticity import price_elasticity
from vendordesk.store.events import add_event


def _forecast(path, capsys) -> list[dict]:
    assert main(["forecast", "--workspace", str(path), "--horizon", "6", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_a_deal_lifts_its_weeks_by_the_elasticity(demo_path, capsys):
    before = _forecast(demo_path, capsys)
    first = min(r["week_start"] for r in before)
    start = dt.date.fromisoformat(first) + dt.timedelta(weeks=2)
    with open_workspace(demo_path) as ws:
        add_event(ws, Event("user", "Spring deal", start.isoformat(), (start + dt.timedelta(days=6)).isoformat(),
                            "stored", None, 0.2))
        estimate = price_elasticity(ws)[0]
    assert (1 - 0.2) ** -abs(estimate) > 1       # e.g. the default -1.5: 0.8 ** -1.5 = 1.3975
    after = _forecast(demo_path, capsys)
    week = start.isoformat()
    ratios = [a["p50"] / b["p50"] for a, b in zip(after, before, strict=True)
              if a["week_start"] == week and b["p50"]]
    assert ratios and all(r > 1 for r in ratios)            # every ASIN sells more in the deal week
    others = [a["p50"] / b["p50"] for a, b in zip(after, before, strict=True)
              if a["week_start"] == first and b["p50"]]
    assert min(ratios) > max(others)                        # more than any week without the deal
