"""Event effects measured from history, shrunk per ASIN, moved with the calendar; deal lifts."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from vendordesk.core.forecast import events as fe
from vendordesk.core.forecast import run as fc
from vendordesk.core.forecast.calendar import Event
from vendordesk.core.forecast.clean import clean


def test_effects_by_hand_account_and_shrunk_per_asin():
    # A sells 10 a week, B 100; in the event week A sold 20, B 150. Baselines (+-3 weeks) 10, 100.
    # Account: (20 + 150) / (10 + 100) = 1.54545, log 0.43532.
    # A: own log(20.5 / 10.5) = 0.66905, weight 10 / (10 + 30) = 0.25
    #    -> exp(0.25 x 0.66905 + 0.75 x 0.43532) = exp(0.49375) = 1.63846
    # B: own log(150.5 / 100.5) = 0.40385, weight 100 / 130 = 0.76923
    #    -> exp(0.76923 x 0.40385 + 0.23077 x 0.43532) = exp(0.41111) = 1.50848
    Y = np.array([[10.0] * 20, [100.0] * 20])
    Y[:, 10] = [20.0, 150.0]
    M = np.zeros((1, 20))
    M[0, 10] = 1
    eff = fe.estimate(Y, ["black_friday"], M)
    assert eff.account[0] == pytest.approx(1.54545, rel=1e-4)
    assert eff.effect[:, 0] == pytest.approx([1.63846, 1.50848], rel=1e-4)
    flat = fe.deflate(Y, eff, M)
    assert flat[:, 10] == pytest.approx([20 / 1.63846, 150 / 1.50848], rel=1e-4)
    assert flat[:, 9].tolist() == [10.0, 100.0]


def test_an_event_without_a_measurable_uplift_is_not_modelled():
    # +3 % in the event week: below MIN_EFFECT (5 %), effect stays exactly 1.
    Y = np.array([[100.0] * 20])
    Y[0, 10] = 103.0
    M = np.zeros((1, 20))
    M[0, 10] = 1
    eff = fe.estimate(Y, ["easter"], M)
    assert eff.effect[0, 0] == 1.0 and eff.occurrences[0] == 1


def test_a_moving_event_lifts_the_week_it_falls_in_next_year_not_last_years_week():
    # 150 weeks of 40 units (+ small noise); a "prime_day" doubles week 20 and week 75 (not 72 = 20 + 52).
    # Next time it falls in forecast week 2 (history week 152): that week gets about x2, week 124
    # (52 weeks after 72, where nothing happened) no uplift.
    rng = np.random.default_rng(1)
    weeks = [(dt.date(2023, 1, 1) + dt.timedelta(weeks=k)).isoformat() for k in range(150)]
    units = np.array([40.0 + rng.normal(0, 1, 150) for _ in range(3)])
    units[:, [20, 75]] *= 2.0
    panel = clean(["A", "B", "C"], weeks, units, np.zeros_like(units))
    future = fc.future_weeks(weeks[-1], 4)
    events = [Event("prime_day", f"P{j}", w, w) for j, w in enumerate([weeks[20], weeks[75], future[2]])]
    res = fc.forecast_panel(panel, 4, events=events)
    p50 = res.q[0]
    assert np.all(p50[:, 2] / p50[:, 1] > 1.8) and np.all(p50[:, 2] / p50[:, 1] < 2.2)
    assert res.events[2] == "P2" and res.events[1] == ""


def test_a_deal_lifts_its_weeks_by_the_elasticity():
    # 20 % off with elasticity 1.5: 0.8 ** -1.5 = 1.39754 in the deal's week, for its ASIN only.
    weeks = ["2027-03-07", "2027-03-14"]
    deal = Event("user", "Deal", "2027-03-15", "2027-03-16", "stored", "B", 0.2)
    lift = fe.deal_factor([deal], ["A", "B"], weeks, 1.5)
    assert lift.tolist() == [[1.0, 1.0], [1.0, pytest.approx(1.39754, rel=1e-5)]]


def test_a_launch_follows_its_analogues_curve_scaled_by_its_first_weeks():
    # Analogue A launched in week 2 and sold 10, 20, 30, 40, 40 ... at ages 0..4; the new ASIN N
    # launched in the last 2 weeks with 5, 10 (age 2, h = 3). A's size 140 / 5 = 28, shape
    # (10, 20, 30, 40, 40) / 28; one analogue, no spread: prior variance (28 / 4)^2 = 49, m / v =
    # 4 / 7, m^2 / v = 16. N's exposure: age 0 at least 0.5 x the median shape 30 / 28 = 15 / 28,
    # age 1 20 / 28: 35 / 28 = 1.25. S = (16 + 15) / (4 / 7 + 5 / 4) = 31 x 28 / 51 = 17.02
    # (pulled from its own 7.5 a week towards A's size), x (30, 40, 40) / 28 = 18.24, 24.31, 24.31.
    from vendordesk.core.forecast.launch import launch_forecast

    t = 20
    A = np.full(t, np.nan)
    A[2:] = [10, 20, 30] + [40] * 15
    N = np.full(t, np.nan)
    N[-2:] = [5, 10]
    rows, F = launch_forecast(np.vstack([A, N]), 3)
    assert rows.tolist() == [False, True]
    assert F[1].tolist() == pytest.approx([930 / 51, 1240 / 51, 1240 / 51])
    # without an analogue nothing is claimed (the fallbacks apply)
    rows, _ = launch_forecast(np.vstack([N]), 3)
    assert not rows.any()
