"""Issue 13, shortages (domain.md §4.3): the 24-month limit runs from the invoice date, and the
day the dispute window opens is an action date. Dates worked by hand."""

import datetime as dt

import pandas as pd

from vendordesk.core import tickets as t

D = dt.date


def test_deadline_is_24_months_from_the_invoice_date():
    # invoice 2024-03-15, claim raised 2024-04-09 (due 04-14): 2024-03-15 + 24 months = 2026-03-15
    assert t.default_dispute_due("shortage", D(2024, 4, 9), D(2024, 3, 15)) == D(2026, 3, 15)
    # the old rule (due 04-14 + 730 days = 2026-04-14) was a month late
    assert t.default_dispute_due("shortage", D(2024, 4, 9), D(2024, 3, 15)) != D(2026, 4, 14)
    # calendar months, not 730 days: 2024-02-29 + 24 months = 2026-02-28
    assert t.add_months(D(2024, 2, 29), 24) == D(2026, 2, 28)
    assert t.add_months(D(2024, 12, 31), 2) == D(2025, 2, 28)
    # chargebacks keep their 30 days from the day raised
    assert t.default_dispute_due("chargeback", D(2024, 3, 1), D(2024, 1, 1)) == D(2024, 3, 31)


def test_dispute_window_opens_after_reconciliation():
    # raised 2026-01-20 -> due 01-25 -> reconciliation ends 35 days later: 2026-03-01
    assert t.dispute_opens("shortage", D(2026, 1, 20)) == D(2026, 3, 1)
    assert t.dispute_opens("chargeback", D(2026, 1, 20)) == D(2026, 1, 20)


def _claims():
    return pd.DataFrame([
        # opens 2026-01-22 + 40 = 03-03 (within 7 days of 03-01), closes far away
        ("shortage", 300.0, "2026-01-22", "2027-12-23", 0, "open"),
        # opens 2026-01-01 + 40 = 02-10 (passed): no action date this week
        ("shortage", 200.0, "2026-01-01", "2027-12-02", 0, "open"),
        # opens 03-03 too but already disputed: nothing to open
        ("shortage", 150.0, "2026-01-22", "2027-12-23", 0, "disputed"),
        # chargeback due 03-05: a deadline
        ("chargeback", 100.0, "2026-02-03", "2026-03-05", 0, "open"),
    ], columns=["kind", "amount", "raised_on", "dispute_due", "dispute_count", "dispute_status"])


def test_window_opening_is_due_within_7_days():
    near = t.deadlines_within(_claims(), D(2026, 3, 1), 7)
    assert list(near["amount"]) == [300.0, 100.0]
    assert list(near["action"]) == ["dispute_opens", "dispute_due"]
    assert list(near["action_on"]) == ["2026-03-03", "2026-03-05"]
