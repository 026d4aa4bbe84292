"""The sync dialog's proposed period (sync.plan.proposed_period), worked by hand on a calendar:
8 Dec 2026 is a Tuesday, so the last full Amazon week (Sunday..Saturday) before it ends Sat 5 Dec."""

from __future__ import annotations

import datetime as dt

from vendordesk.sync.plan import proposed_period

TODAY = dt.date(2026, 12, 8)


def test_from_the_day_after_the_data_to_the_last_full_week():
    # data to Sat 21 Nov -> Sun 22 Nov .. Sat 5 Dec (two weeks)
    assert proposed_period(dt.date(2026, 11, 21), None, TODAY) == (dt.date(2026, 11, 22), dt.date(2026, 12, 5),
                                                                    "after_data")


def test_a_later_sync_counts_and_a_mid_week_end_starts_that_week_again():
    # the last sync asked up to Wed 25 Nov: its week (Sun 22 .. Sat 28 Nov) is fetched whole again
    assert proposed_period(dt.date(2026, 11, 21), dt.date(2026, 11, 25), TODAY) == (
        dt.date(2026, 11, 22), dt.date(2026, 12, 5), "after_sync")


def test_up_to_date_data_proposes_the_last_four_weeks_again():
    # data to Sat 5 Dec (or later, as a demo's may be): 4 × 7 = 28 days, Sun 8 Nov .. Sat 5 Dec
    for end in (dt.date(2026, 12, 5), dt.date(2026, 12, 19)):
        assert proposed_period(end, None, TODAY) == (dt.date(2026, 11, 8), dt.date(2026, 12, 5), "up_to_date")


def test_no_data_proposes_the_last_four_weeks():
    assert proposed_period(None, None, TODAY) == (dt.date(2026, 11, 8), dt.date(2026, 12, 5), "no_data")


def test_a_gap_longer_than_amazon_keeps_starts_at_the_lookback():
    # data from 2020 ends 4 Jan 2020; Amazon keeps 1,460 days: 8 Dec 2026 - 1460 days = 9 Dec 2022 (a Friday),
    # the following Sunday is 11 Dec 2022
    start, end, reason = proposed_period(dt.date(2020, 1, 4), None, TODAY)
    assert (start, end, reason) == (dt.date(2022, 12, 11), dt.date(2026, 12, 5), "lookback")
