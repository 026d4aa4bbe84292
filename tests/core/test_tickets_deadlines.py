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


def test_a_claim_raised_on_the_demos_day_is_disputable_for_706_days_by_the_24_month_rule():
    """Issue 17 asked whether "706 days left" on a new shortage is wrong. By domain.md §4.3 it is
    not: the only documented end is "disputes limited to invoices <= 24 months old".
    Raised 21.11.2026, no invoice date: due = +5 days = 26.11.2026; invoice date = due - 30 days
    (payment terms) = 27.10.2026; + 24 months = 27.10.2028. Days from 21.11.2026: 365 (to
    21.11.2027) + 366 (to 21.11.2028, with 29.02.2028) - 25 (27.10. -> 21.11.: 4 + 21) = 706."""
    raised = D(2026, 11, 21)
    due = t.default_dispute_due("shortage", raised)
    assert due == D(2028, 10, 27)
    assert t.days_left(due, raised) == 365 + 366 - (4 + 21) == 706
    # what the KAM acts on first: the window opening after reconciliation, due + 35 = 31.12.2026
    opens = t.dispute_opens("shortage", raised)
    assert opens == D(2026, 11, 26) + dt.timedelta(days=35) == D(2026, 12, 31)
    frame = pd.DataFrame([{"id": 1, "kind": "shortage", "raised_on": "2026-11-21", "dispute_due": due.isoformat(),
                           "dispute_status": "open", "dispute_count": 0}])
    near = t.deadlines_within(frame, D(2026, 12, 28), 7)           # 28.12. + 7 days covers 31.12.
    assert list(near["action"]) == ["dispute_opens"] and list(near["action_on"]) == ["2026-12-31"]
    assert t.deadlines_within(frame, raised, 7).empty              # nothing to do in the first week
