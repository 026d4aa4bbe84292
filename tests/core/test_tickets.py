"""Ticket rules: deadlines worked by hand (domain.md T24, T25, T28), reminders, insight, e-mails."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from vendordesk.core import tickets as t

D = dt.date


def test_chargeback_deadline_t24():
    assert t.chargeback_dispute_due(D(2024, 3, 1)) == D(2024, 3, 31)
    assert t.can_dispute("chargeback", "open", 0, D(2024, 3, 31), D(2024, 3, 31))
    assert not t.can_dispute("chargeback", "open", 0, D(2024, 3, 31), D(2024, 4, 1))
    # second rejection -> final
    assert t.can_dispute("chargeback", "disputed", 1, D(2024, 3, 31), D(2024, 3, 10))
    assert not t.can_dispute("chargeback", "disputed", 2, D(2024, 3, 31), D(2024, 3, 10))
    assert not t.can_dispute("chargeback", "lost", 0, D(2024, 3, 31), D(2024, 3, 10))


def test_shortage_timeline_t25():
    line = t.shortage_timeline(D(2024, 5, 10))
    assert line.claim_visible == D(2024, 5, 5)
    assert line.dispute_opens == D(2024, 6, 14)
    # no invoice date given: due 05-10 - 30 days payment terms = invoice 2024-04-10 -> + 24 months
    assert line.invoice_date == D(2024, 4, 10) and line.dispute_closes == D(2026, 4, 10)
    # shortages have no two-dispute limit
    assert t.can_dispute("shortage", "disputed", 5, None, D(2024, 7, 1))
    # raised 2024-05-05 -> invoice due 05-10 -> invoice date 04-10 -> 24-month limit 2026-04-10
    assert t.default_dispute_due("shortage", D(2024, 5, 5)) == D(2026, 4, 10)


@pytest.mark.parametrize("text,expected", [
    ("2026-03-01", D(2026, 3, 1)), ("01.03.2026", D(2026, 3, 1)), ("1/3/2026", D(2026, 3, 1)),
    ("1. März 2026", D(2026, 3, 1)), ("March 1, 2026", D(2026, 3, 1)), ("Sun, 1 Mar 2026 10:00", D(2026, 3, 1)),
    ("", None), (None, None)])
def test_parse_date(text, expected):
    assert t.parse_date(text) == expected


@pytest.mark.parametrize("text", ["31.02.2026", "tomorrow", "2026-13-01"])
def test_parse_date_refuses(text):
    with pytest.raises(ValueError):
        t.parse_date(text)


def test_validate_case_t28_and_bad_input():
    ok = t.validate_case({"case_id": "0123456789", "subject": "Images"})
    assert ok == []
    problems = t.validate_case({"case_id": "12345678901", "subject": " ", "opened_on": "32.01.2026",
                                "asins": ["B000000001", "xyz"]}, existing_ids={"12345678901"},
                               known_asins={"B000000002"})
    codes = {(p.field, p.code, p.severity) for p in problems}
    assert ("case_id", "case_id_duplicate", "error") in codes
    assert ("subject", "subject_missing", "error") in codes
    assert ("opened_on", "date_invalid", "error") in codes
    assert ("asins", "asin_unknown", "warning") in codes
    assert ("asins", "asin_format", "warning") in codes
    assert "B000000001" in [p for p in problems if p.code == "asin_unknown"][0].message()


def _cases():
    return pd.DataFrame([
        # case_id, category, status, opened, last contact, follow-up, resolved
        ("1000001", "catalog", "resolved", "2026-01-01", "2026-01-05", None, "2026-01-11"),   # 10 days
        ("1000002", "catalog", "resolved", "2026-01-01", "2026-01-05", None, "2026-01-21"),   # 20 days
        ("1000003", "catalog", "resolved", "2026-02-01", None, None, "2026-03-03"),           # 30 days
        ("1000004", "payments", "resolved", "2026-02-01", None, None, "2026-02-05"),          # 4 days
        ("1000005", "payments", "open", "2026-02-01", "2026-02-10", "2026-03-01", None),
        ("1000006", "catalog", "waiting_amazon", "2026-02-25", None, "2026-03-05", None),
        ("1000007", "catalog", "resolved", "2026-02-25", None, "2026-02-26", "2026-02-27"),
    ], columns=["case_id", "category", "status", "opened_on", "last_contact_on", "next_follow_up", "resolved_on"])


def test_reminders_and_staleness():
    today = D(2026, 3, 1)
    cases = _cases()
    assert list(t.due_follow_ups(cases, today)["case_id"]) == ["1000005"]
    assert list(t.due_follow_ups(cases, today, within_days=4)["case_id"]) == ["1000005", "1000006"]
    # 1000005: last contact 02-10 -> 19 days; 1000006 opened 02-25 -> 4 days
    assert list(cases.loc[t.stale_mask(cases, today, days=14), "case_id"]) == ["1000005"]
    assert list(t.open_longer_than(cases, today, 20)["case_id"]) == ["1000005"]


def test_median_resolution_by_category():
    out = t.median_resolution_days(_cases()).set_index("category")
    assert out.loc["catalog", "median_days"] == 15.0   # 10, 20, 30, 2 -> median 15
    assert out.loc["catalog", "resolved"] == 4
    assert out.loc["payments", "median_days"] == 4.0


def _chargebacks():
    return pd.DataFrame([
        ("chargeback", "ASN", 100.0, "2026-02-01", "2026-03-03", 0, "open", 0.0),
        ("chargeback", "ASN", 50.0, "2026-02-15", "2026-03-17", 1, "disputed", 0.0),
        ("chargeback", "Labels", 80.0, "2026-01-10", "2026-02-09", 2, "lost", 0.0),
        ("shortage", None, 200.0, "2026-01-20", "2028-01-25", 1, "won", 150.0),
    ], columns=["kind", "type", "amount", "raised_on", "dispute_due", "dispute_count", "dispute_status",
                "recovered_amount"])


def test_chargeback_insight():
    cbs = _chargebacks()
    by_month = t.chargebacks_by_type_month(cbs)
    feb_asn = by_month[(by_month.month == "2026-02") & (by_month.type == "ASN")]["amount"].item()
    assert feb_asn == 150.0
    assert by_month[by_month.type == "shortage"]["amount"].item() == 200.0
    money = t.recovered_vs_lost(cbs, D(2026, 3, 1))
    # recovered 150; lost: labels 80 + shortage rest 50; pending: 100 + 50
    assert money == {"recovered": 150.0, "lost": 130.0, "pending": 150.0}


def test_deadlines_within_and_today_list():
    cbs = _chargebacks()
    near = t.deadlines_within(cbs, D(2026, 3, 1), 7)
    assert list(near["amount"]) == [100.0]
    tasks = pd.DataFrame([("a", "2026-02-27", "open"), ("b", "2026-02-27", "done"), ("c", "2026-03-02", "open")],
                         columns=["title", "due_on", "status"])
    today = t.today_list(_cases(), tasks, cbs, D(2026, 3, 1))
    assert list(today.overdue_tasks["title"]) == ["a"]
    assert today.count() == 3


EN_MAIL = """From: Vendor Central Support <vendor-support@amazon.de>
Date: Tue, 3 Mar 2026 14:02
Subject: RE: [CASE 12345678901] Images not updating for B0C1234567

Hello,
We need more information to continue. Please provide the image files.
Your case ID: 12345678901
"""

DE_MAIL = """Von: Vendor Central
Gesendet: 02.03.2026 09:15
Betreff: AW: Ihr Fall 0987654321 - Rechnung fehlt
Guten Tag, Ihr Anliegen wurde gelöst. Fall-ID: 0987654321
"""


def test_parse_english_mail():
    mail = t.parse_case_email(EN_MAIL)
    assert mail.case_id == "12345678901"
    assert mail.subject == "Images not updating for B0C1234567"
    assert mail.sent_on == D(2026, 3, 3)
    assert mail.status == "needs_info"
    assert mail.problems == []


def test_parse_german_mail_keeps_leading_zero():
    mail = t.parse_case_email(DE_MAIL)
    assert mail.case_id == "0987654321"
    assert mail.subject == "Rechnung fehlt"
    assert mail.sent_on == D(2026, 3, 2)
    assert mail.status == "resolved"


def test_mail_without_case_id():
    mail = t.parse_case_email("Hello, thank you for contacting us.")
    assert mail.case_id is None
    assert mail.status == "open"
    assert [p.code for p in mail.problems] == ["mail_no_case_id"]


@pytest.mark.parametrize("text,case_id,sent,status", [
    ("Sent: Tuesday, March 3, 2026 2:02 PM\nSubject: Your case 12345678 has been resolved\nCase ID: 12345678",
     "12345678", D(2026, 3, 3), "resolved"),
    ("Gesendet: Dienstag, 3. März 2026 14:02\nBetreff: Fallnummer: 0987654321\nWir haben Ihren Fall an das "
     "zuständige Team weitergeleitet.", "0987654321", D(2026, 3, 3), "waiting_amazon"),
    ("Datum: 04.03.2026\nIhr Fall wurde wieder geöffnet. Fall-ID: 5556667778", "5556667778", D(2026, 3, 4),
     "reopened"),
])
def test_parse_mail_variants(text, case_id, sent, status):
    mail = t.parse_case_email(text)
    assert (mail.case_id, mail.sent_on, mail.status) == (case_id, sent, status)
