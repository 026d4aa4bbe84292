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


def test_an_intermittent_series_defaults_to_its_better_rate_model():
    # models x series; series 0 and 1 intermittent, series 2 not (same MAEs as series 1)
    names = ("seasonal_naive", "seasonal_blend", "croston_sba", "tsb")
    mae = np.array([[1.20, 1.20, 1.20],      # seasonal naive
                    [1.00, 1.00, 1.00],      # the blend, the smooth series' default
                    [0.95, 0.98, 0.98],      # Croston-SBA
                    [0.97, 0.90, 0.90]])     # TSB
    inter = np.array([True, True, False])
    # series 0: Croston 0.95 < TSB 0.97 -> Croston (5 % better than the blend: the margin kept the blend before)
    # series 1: TSB 0.90 < Croston 0.98 -> TSB; series 2: 0.90 is not below 0.8 x 1.00 -> the blend
    assert bt.choose(mae, names, inter=inter).tolist() == [2, 3, 1]
    assert bt.choose(mae, names).tolist() == [1, 1, 1]            # without the flags: as before
    # the margin still holds against the rate model: seasonal naive 0.70 < 0.8 x 0.90 = 0.72 wins
    mae[0, 1] = 0.70
    assert bt.choose(mae, names, inter=inter).tolist() == [2, 0, 1]


def test_the_spare_parts_are_forecast_by_a_rate_model_in_the_demo_panel():
    # the six spare parts beside 20 seasonal series (whose volume sets the pooled index): the
    # seasonal blend kept spare parts by the 20 % margin although Croston/TSB erred less
    parts, weeks, units = _spare_parts()
    rng = np.random.default_rng(3)
    season = 1 + 0.6 * np.sin(2 * np.pi * np.arange(len(weeks)) / 52)      # a seasonal catalogue beside them
    smooth = rng.poisson(40 * season, size=(20, len(weeks))).astype(float)
    sel = bt.select(np.vstack([smooth, units]))
    chosen = [sel.names[m] for m in sel.model[20:]]
    assert "seasonal_blend" not in chosen
    ok = [m in bt.INTERMITTENT_MODELS or sel.mae[sel.names.index(m), 20 + i]
          < bt.SWITCH_MARGIN * min(sel.mae[sel.names.index(r), 20 + i] for r in bt.INTERMITTENT_MODELS)
          for i, m in enumerate(chosen)]
    assert all(ok), chosen     # a rate model, or one that beats both by the margin
