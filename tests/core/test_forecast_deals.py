"""Deals in the history (core.forecast.deals): found in ASP drops, measured, deflated."""

import numpy as np
import pytest

from vendordesk.core.forecast import deals as fd


def test_a_week_20_percent_below_the_reference_price_is_a_deal():
    # ASP 10 every week, week 5 at 8: reference = median of the weeks around it = 10, cut 1 - 8/10
    # = 0.2; week 9 at 9.5 is only 5 % off (< MIN_CUT 10 %): no deal.
    asp = np.full((1, 12), 10.0)
    asp[0, 5], asp[0, 9] = 8.0, 9.5
    cut = fd.detect(asp, asp.shape)
    assert cut[0, 5] == pytest.approx(0.2)
    assert np.count_nonzero(cut) == 1
    assert not fd.detect(None, (1, 12)).any()


def test_lift_is_measured_shrunk_to_the_account_and_divided_out():
    # Two ASINs sell 100 a week; A has 20 % deals in weeks 6, 14, 22 selling 140 (lift 1.4),
    # B one in week 10 selling 200 (lift 2), no calendar events. x = -ln 0.8 = 0.22314.
    # log lifts (with +0.5 in both): A ln(140.5/100.5) = 0.33503, B ln(200.5/100.5) = 0.69065.
    # account e = sum(lift x) / sum(x^2) = (3 x 0.33503 + 0.69065) / (4 x 0.22314) = 1.69588 / 0.89257 = 1.90000
    # A own = 0.33503 / 0.22314 = 1.50142, weight 3 / (3 + 4): e_A = 3/7 x 1.50142 + 4/7 x 1.90000 = 1.72918
    # B own = 0.69065 / 0.22314 = 3.09514, weight 1 / 5:      e_B = 0.2 x 3.09514 + 0.8 x 1.90000 = 2.13903
    t = 30
    Y = np.full((2, t), 100.0)
    cut = np.zeros((2, t))
    for j in (6, 14, 22):
        Y[0, j], cut[0, j] = 140.0, 0.2
    Y[1, 10], cut[1, 10] = 200.0, 0.2
    eff = fd.estimate(Y, cut, np.zeros(t, bool))
    assert eff.account == pytest.approx(1.90000, abs=1e-4)
    assert eff.elasticity.tolist() == pytest.approx([1.72918, 2.13903], abs=1e-4)
    flat = fd.deflate(Y, eff)
    # A's deal week: 140 / 0.8 ** -1.72918 = 140 / 1.47069 = 95.19
    assert flat[0, 6] == pytest.approx(140 / 0.8 ** -1.72918, rel=1e-4)
    assert flat[0, 5] == 100.0
    # a deal week inside a calendar event is left to the event model
    busy = np.zeros(t, bool)
    busy[10] = True
    assert fd.estimate(Y, cut, busy).cut[1, 10] == 0.0


def test_deal_weeks_do_not_inflate_the_forecast():
    # weekly 100 with a 25 % deal every 8th week selling 160: without deal handling the level
    # is pulled up; with it the P50 stays near the 100 of the non-deal weeks.
    from vendordesk.core.forecast.clean import clean
    from vendordesk.core.forecast.run import forecast_panel, future_weeks

    rng = np.random.default_rng(3)
    t = 110
    units = rng.poisson(100, (3, t)).astype(float)
    asp = np.full((3, t), 20.0)
    for j in range(4, t, 8):
        units[:, j] = rng.poisson(160, 3)
        asp[:, j] = 15.0
    weeks = future_weeks("2024-01-07", t)
    panel = clean(["A", "B", "C"], weeks, units, np.full((3, t), np.nan))
    plain = forecast_panel(panel, 8, events=[]).q[0]
    panel.asp = asp
    dealt = forecast_panel(panel, 8, events=[]).q[0]
    assert abs(np.median(dealt) - 100) < abs(np.median(plain) - 100)
    assert abs(np.median(dealt) - 100) < 5


def test_coupon_weeks_are_lifts_measured_against_their_quiet_neighbours():
    # One ASIN sells 10 a week, 15 in its three coupon weeks 5, 12, 15. Baseline of each: the
    # quiet weeks within +-3 = 10. Account lift 45 / 30 = 1.5; own mean log lift
    # ln(15.5 / 10.5) = ln 1.4762; weight 30 / (30 + 30) = 0.5 ->
    # lift = exp(0.5 ln 1.4762 + 0.5 ln 1.5) = sqrt(1.4762 x 1.5) = 1.48805.
    from vendordesk.core.forecast import deals as fd

    Y = np.full((1, 20), 10.0)
    Y[0, [5, 12, 15]] = 15.0
    mask = np.zeros((1, 22))
    mask[0, [5, 12, 15, 21]] = 1.0           # week 21: a coming coupon
    eff = fd.estimate_coupons(Y, mask, np.zeros(20, bool))
    assert eff.weeks == 3 and eff.account == pytest.approx(1.5)
    assert eff.lift[0] == pytest.approx(np.sqrt(15.5 / 10.5 * 1.5))
    assert eff.lift[0] == pytest.approx(1.48805, abs=1e-5)
    assert fd.deflate_coupons(Y, eff)[0, 5] == pytest.approx(15 / 1.48805, abs=1e-4)
    assert eff.factor(20, 22)[0].tolist() == pytest.approx([1.0, 1.48805], abs=1e-5)
    # two coupon weeks are too few to measure (MIN_WEEKS = 3): nothing is modelled
    two = mask.copy()
    two[0, 15] = 0.0
    assert fd.estimate_coupons(Y, two, np.zeros(20, bool)).weeks == 0


def test_coupon_matrix_maps_periods_to_retail_weeks():
    # weeks start on Sundays 2026-01-04, -11, -18; a coupon 2026-01-10..2026-01-12 touches the
    # first two weeks (Saturday the 10th and Sunday the 11th), another ASIN's none of ours.
    from vendordesk.core.forecast import deals as fd

    m = fd.coupon_matrix([("A", "2026-01-10", "2026-01-12"), ("Z", "2026-01-04", "2026-01-30")],
                         ["A", "B"], ["2026-01-04", "2026-01-11", "2026-01-18"])
    assert m.tolist() == [[1.0, 1.0, 0.0], [0.0, 0.0, 0.0]]


def test_a_coming_coupon_lifts_its_week_by_the_measured_lift():
    # As above, the lift of A's coupons is 1.48805 (B has none, it only adds quiet weeks to the
    # account: its weeks are not coupon weeks, so the account lift is still 45 / 30). A coupon
    # document for A's first forecast week multiplies that week's P50 by it; the week after is
    # untouched, so P50 week 1 / P50 week 2 = 1.48805.
    from vendordesk.core.forecast.calendar import Event
    from vendordesk.core.forecast.clean import clean, week_grid
    from vendordesk.core.forecast.run import forecast_panel

    t = 20
    weeks = week_grid("2001-01-07", "2002-01-01")[:t + 2]
    units = np.full((2, t), 10.0)
    units[0, [3, 7, 10]] = 15.0
    coupons = [Event("coupon", f"C{j}", weeks[j], weeks[j], "coupon", "A") for j in (3, 7, 10, t)]
    res = forecast_panel(clean(["A", "B"], weeks[:t], units, np.zeros((2, t))), 2, events=coupons)
    assert res.q[0, 0, 0] / res.q[0, 0, 1] == pytest.approx(np.sqrt(15.5 / 10.5 * 1.5), rel=1e-6)
    assert res.q[0, 1, 0] == pytest.approx(res.q[0, 1, 1])


def test_deal_weeks_found_block_by_block_are_those_of_one_block():
    # detect works DETECT_BLOCK series at a time; blocks of 7 (and uneven: 50 = 7 x 7 + 1)
    # must give the cuts of all 50 series at once, bit for bit, NaN weeks and short rows included
    rng = np.random.default_rng(5)
    asp = 20.0 * rng.choice([1.0, 1.0, 1.0, 0.8, 0.6], size=(50, 40))
    asp[rng.random(asp.shape) < 0.2] = np.nan
    asp[3, :35] = np.nan
    whole = fd.detect(asp, asp.shape, block=1000)
    assert whole.any()
    assert np.array_equal(fd.detect(asp, asp.shape, block=7), whole)
