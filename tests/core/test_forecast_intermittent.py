"""The intermittent models on the demo's spare parts (demo.longtail), without a workspace."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from vendordesk.core.forecast import backtest as bt
from vendordesk.core.forecast import run as fc
from vendordesk.core.forecast.clean import clean
from vendordesk.demo.longtail import build_longtail


def _spare_parts() -> tuple[list[str], list[str], np.ndarray]:
    starts = [date(2024, 11, 24) + timedelta(weeks=k) for k in range(104)]
    tables = build_longtail(7, 150, starts, set())
    parts = [p[0] for p in tables["products"] if p[5] == "Ersatzteile"]
    weeks = [s.isoformat() for s in starts]
    units = np.full((len(parts), len(weeks)), np.nan)
    for row in tables["sales_facts"]:
        if row[0] in parts:
            units[parts.index(row[0]), weeks.index(row[5])] = row[9]
    return parts, weeks, units


def test_the_demo_has_intermittent_spare_parts_and_it_is_deterministic():
    parts, _, units = _spare_parts()
    assert len(parts) == 6
    assert bt.intermittent(units).all()               # ADI > 1.32 for every one
    assert np.array_equal(units, _spare_parts()[2])   # same seed, same rows


def test_intermittent_models_beat_seasonal_naive_on_the_spare_parts():
    # 26-week holdout: a rate model (Croston-SBA / TSB / SES level) must have a lower pooled MAE
    # than last year's same week, which repeats last year's random zeros and ones.
    parts, weeks, units = _spare_parts()
    panel = clean(parts, weeks, units, np.zeros_like(units))
    doc = fc.holdout_backtest(panel, 26, events=[])
    arr = doc["_arrays"]
    ours = np.nansum(np.abs(arr["q"][0] - arr["actual"]))
    naive = np.nansum(np.abs(arr["naive"] - arr["actual"]))
    assert ours < naive
    train = units[:, :78]
    croston = np.nansum(np.abs(fc.fm.croston_sba(train, 26) - arr["actual"]))
    assert croston < naive
    # and the bands hold: at least 80 % of the weeks at or below P90
    assert doc["total"]["coverage"]["p90"] >= 0.8
