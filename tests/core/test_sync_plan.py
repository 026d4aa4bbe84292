"""Sync options are validated before any call: weeks Sunday..Saturday, DAY <= 15 days (split),
reportOptions a dict of known values."""

from __future__ import annotations

import datetime as dt

import pytest

from vendordesk.errors import UserError
from vendordesk.sync import plan

D = dt.date
TODAY = D(2026, 11, 29)   # a Sunday
DE = "A1PA6795UKMFR9"


def test_week_range_must_run_sunday_to_saturday():
    plan.check_period("WEEK", D(2026, 10, 4), D(2026, 10, 31), TODAY)        # Sun .. Sat
    with pytest.raises(UserError, match="Sunday to Saturday; use 2026-10-04 to 2026-10-31"):
        plan.check_period("WEEK", D(2026, 10, 5), D(2026, 10, 30), TODAY)     # Mon .. Fri


def test_week_bounds_and_last_full_weeks():
    assert plan.week_bounds(D(2026, 10, 7), D(2026, 10, 7)) == (D(2026, 10, 4), D(2026, 10, 10))
    assert plan.week_bounds(D(2026, 10, 4), D(2026, 10, 10)) == (D(2026, 10, 4), D(2026, 10, 10))
    assert plan.last_full_weeks(4, TODAY) == (D(2026, 11, 1), D(2026, 11, 28))
    assert plan.last_full_weeks(1, D(2026, 12, 2)) == (D(2026, 11, 22), D(2026, 11, 28))


def test_day_ranges_are_split_into_at_most_15_days():
    requests = plan.plan_requests(["GET_VENDOR_TRAFFIC_REPORT"], "DAY", D(2026, 10, 1), D(2026, 10, 31), DE,
                                  today=TODAY)
    spans = [(r.start, r.end) for r in requests]
    assert spans == [(D(2026, 10, 1), D(2026, 10, 15)), (D(2026, 10, 16), D(2026, 10, 30)),
                     (D(2026, 10, 31), D(2026, 10, 31))]
    assert all((end - start).days + 1 <= 15 for start, end in spans)


def test_options_per_report_type_are_a_dict():
    requests = plan.plan_requests(["GET_VENDOR_SALES_REPORT", "GET_VENDOR_TRAFFIC_REPORT",
                                   "GET_VENDOR_FORECASTING_REPORT"], "WEEK", D(2026, 11, 1), D(2026, 11, 28), DE,
                                  today=TODAY)
    sales, traffic, forecast = (r.create_kwargs() for r in requests)
    assert sales["reportOptions"] == {"reportPeriod": "WEEK", "distributorView": "MANUFACTURING",
                                      "sellingProgram": "RETAIL"}
    assert isinstance(sales["reportOptions"], dict)
    assert (sales["dataStartTime"], sales["dataEndTime"]) == ("2026-11-01", "2026-11-28")
    assert traffic["reportOptions"] == {"reportPeriod": "WEEK"}
    assert forecast["reportOptions"] == {"sellingProgram": "RETAIL"} and "dataStartTime" not in forecast
    assert sales["marketplaceIds"] == [DE]


@pytest.mark.parametrize("options, message", [
    ([("reportPeriod", "WEEK")], "must be a dict"),
    ({"reportPeriod": "FORTNIGHT"}, "not allowed"),
    ({"colour": "red"}, "has no option 'colour'"),
])
def test_bad_report_options_are_refused(options, message):
    with pytest.raises(UserError, match=message):
        plan.check_options("GET_VENDOR_SALES_REPORT", options)


def test_forecast_refuses_the_business_program():
    with pytest.raises(UserError, match="sellingProgram='BUSINESS' is not allowed"):
        plan.plan_requests(["GET_VENDOR_FORECASTING_REPORT"], "WEEK", D(2026, 11, 1), D(2026, 11, 28), DE,
                           selling_program="BUSINESS", today=TODAY)


@pytest.mark.parametrize("period, start, end, message", [
    ("WEEK", D(2026, 11, 22), D(2026, 11, 29), "only reports finished days"),
    ("DAY", D(2022, 1, 1), D(2022, 1, 10), "more than 1460 days ago"),
    ("DAY", D(2026, 11, 10), D(2026, 11, 1), "before it starts"),
    ("MONTH", D(2026, 9, 2), D(2026, 9, 30), "MONTH ranges start on the 1st"),
    ("QUARTER", D(2026, 2, 1), D(2026, 4, 30), "whole calendar quarters"),
    ("HOUR", D(2026, 11, 1), D(2026, 11, 2), "unknown"),
])
def test_bad_periods_are_refused(period, start, end, message):
    with pytest.raises(UserError, match=message):
        plan.check_period(period, start, end, TODAY)


def test_month_and_quarter_ranges_pass():
    plan.check_period("MONTH", D(2026, 2, 1), D(2026, 3, 31), TODAY)
    plan.check_period("QUARTER", D(2026, 4, 1), D(2026, 9, 30), TODAY)


def test_no_report_type_or_marketplace_is_refused():
    with pytest.raises(UserError, match="no report type"):
        plan.plan_requests([], "WEEK", D(2026, 11, 1), D(2026, 11, 28), DE, today=TODAY)
    with pytest.raises(UserError, match="no marketplace"):
        plan.plan_requests(["GET_VENDOR_TRAFFIC_REPORT"], "WEEK", D(2026, 11, 1), D(2026, 11, 28), "", today=TODAY)


def test_request_key_is_stable_and_labels_are_readable():
    a, b = (plan.plan_requests(["GET_VENDOR_NET_PURE_PRODUCT_MARGIN_REPORT"], "WEEK", D(2026, 11, 1),
                               D(2026, 11, 28), DE, today=TODAY)[0] for _ in range(2))
    assert a.key() == b.key()
    assert a.label() == "Net Pure Product Margin 2026-11-01..2026-11-28"
