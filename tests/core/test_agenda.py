"""The week's to-do list and its .ics, worked by hand. Today is Thursday 03.12.2026."""

from __future__ import annotations

import datetime as dt

from vendordesk.core import agenda
from vendordesk.core.agenda_ics import fold, to_ics
from vendordesk.core.tickets import parse_date

TODAY = dt.date(2026, 12, 3)


def _case(case_id, follow_up, status="open", subject="Bilder fehlen"):
    return {"case_id": case_id, "subject": subject, "status": status, "next_follow_up": follow_up}


def test_follow_ups_and_tasks_from_overdue_to_the_seventh_day():
    cases = [_case("111111", "2026-12-01"),          # overdue 2 days: kept
             _case("222222", "2026-12-03"),          # today
             _case("333333", "2026-12-10"),          # today + 7 = 10.12.: the last day in
             _case("444444", "2026-12-11"),          # today + 8: out
             _case("555555", "2026-12-04", status="resolved"),   # done: out
             _case("666666", None)]
    tasks = [{"id": 1, "title": "Preisliste", "status": "open", "due_on": "2026-12-04", "department_id": "sales"},
             {"id": 2, "title": "erledigt", "status": "done", "due_on": "2026-12-04", "department_id": "sales"}]
    found = agenda.items(cases, [], tasks, [], TODAY)
    assert [(i.day.isoformat(), i.kind, i.ref[1]) for i in found] == [
        ("2026-12-01", "follow_up", "111111"), ("2026-12-03", "follow_up", "222222"),
        ("2026-12-04", "task", 1), ("2026-12-10", "follow_up", "333333")]


def test_chargeback_deadline_and_shortage_window_opening():
    # chargeback raised 10.11. -> due 10.11. + 30 days = 10.12. (within 7 days of 03.12.)
    # shortage raised 26.10.: opens 26.10. + 5 + 35 = 40 days = 05.12.
    # shortage raised 01.12.: opens 10.01.2027, beyond the week -> not listed
    # chargeback due 02.12. (yesterday) is no longer disputable -> not listed
    # chargeback due 05.12. but won -> not listed
    cbs = [{"id": 1, "kind": "chargeback", "type": "ASN Accuracy", "raised_on": "2026-11-10",
            "dispute_due": "2026-12-10", "dispute_status": "open", "dispute_count": 0, "amount": 120.5,
            "currency": "EUR", "po_number": "4X7Y"},
           {"id": 2, "kind": "shortage", "type": "Shortage", "raised_on": "2026-10-26",
            "dispute_due": "2028-09-01", "dispute_status": "open", "dispute_count": 0, "amount": 80.0,
            "currency": "EUR", "invoice_number": "R-9"},
           {"id": 3, "kind": "shortage", "type": "Shortage", "raised_on": "2026-12-01",
            "dispute_due": "2028-11-01", "dispute_status": "open", "dispute_count": 0, "amount": 1.0},
           {"id": 4, "kind": "chargeback", "type": "Prep", "raised_on": "2026-11-02",
            "dispute_due": "2026-12-02", "dispute_status": "open", "dispute_count": 0, "amount": 5.0},
           {"id": 5, "kind": "chargeback", "type": "Prep", "raised_on": "2026-11-05",
            "dispute_due": "2026-12-05", "dispute_status": "won", "dispute_count": 1, "amount": 5.0}]
    found = agenda.items([], cbs, [], [], TODAY)
    assert [(i.day.isoformat(), i.kind, i.ref[1], i.detail) for i in found] == [
        ("2026-12-05", "dispute_opens", 2, "R-9"), ("2026-12-10", "dispute_due", 1, "4X7Y")]


def test_open_negotiation_dates_within_the_week():
    negs = [{"id": 7, "title": "Preiserhöhung 2027", "status": "submitted", "final_order_until": "2026-12-08",
             "effective_date": "2027-01-17"},                                  # effective beyond the week
            {"id": 8, "title": "alt", "status": "accepted", "final_order_until": "2026-12-05"}]
    found = agenda.items([], [], [], negs, TODAY)
    assert [(i.day.isoformat(), i.kind, i.ref) for i in found] == [("2026-12-08", "final_order", ("negotiation", 7))]


def test_buckets_keep_empty_today_and_tomorrow():
    found = agenda.items([_case("1", "2026-11-30"), _case("2", "2026-12-07")], [], [], [], TODAY)
    shaped = [(name, day, [i.ref[1] for i in group]) for name, day, group in agenda.buckets(found, TODAY)]
    assert shaped == [("overdue", None, ["1"]), ("today", TODAY, []), ("tomorrow", dt.date(2026, 12, 4), []),
                      ("day", dt.date(2026, 12, 7), ["2"])]


def _unfold(text: str) -> list[str]:
    assert "\n" not in text.replace("\r\n", "")          # only CRLF line ends
    return text.replace("\r\n ", "").split("\r\n")


def test_ics_parses_back_with_all_day_events_and_stable_uids():
    long_subject = "Sehr langer Betreff, mit Komma; Semikolon und Umlauten äöü " * 2
    found = agenda.items([_case("123456789", "2026-12-04", subject=long_subject)], [], [], [], TODAY)
    stamp = dt.datetime(2026, 12, 3, 9, 30, tzinfo=dt.UTC)
    text = to_ics(found, "de", stamp)
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    lines = _unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR" and lines[-1] == ""
    fields = dict(line.split(":", 1) for line in lines if ":" in line and not line.startswith(("BEGIN", "END")))
    assert fields["VERSION"] == "2.0"
    assert fields["DTSTART;VALUE=DATE"] == "20261204" and fields["DTEND;VALUE=DATE"] == "20261205"
    assert fields["DTSTAMP"] == "20261203T093000Z"
    assert fields["UID"] == "follow_up-case-123456789@vendordesk"
    summary = fields["SUMMARY"].replace("\\,", ",").replace("\\;", ";")
    assert "123456789" in summary and "mit Komma; Semikolon" in summary
    assert "\\," in fields["SUMMARY"] and "\\;" in fields["SUMMARY"]   # escaped in the file
    # the same item a week later (date moved) keeps its UID; the calendar updates, not duplicates
    moved = agenda.items([_case("123456789", "2026-12-09", subject="x")], [], [], [], TODAY)
    assert moved[0].uid == found[0].uid


def test_ics_puts_overdue_follow_ups_and_tasks_on_today_saying_since_when():
    # follow-up due 01.12. and task due 30.11. are overdue on 03.12.: both go on 03.12. (DTEND 04.12.),
    # the summary and description say since when; the follow-up due 04.12. stays on its own day
    tasks = [{"id": 9, "title": "Preisliste", "status": "open", "due_on": "2026-11-30", "department_id": "sales"}]
    found = agenda.items([_case("111111", "2026-12-01"), _case("222222", "2026-12-04")], [], tasks, [], TODAY)
    stamp = dt.datetime(2026, 12, 3, 9, 30, tzinfo=dt.UTC)
    events = _events(to_ics(found, "de", stamp, today=TODAY))
    by_uid = {e["UID"]: e for e in events}
    late = by_uid["follow_up-case-111111@vendordesk"]
    assert late["DTSTART;VALUE=DATE"] == "20261203" and late["DTEND;VALUE=DATE"] == "20261204"
    assert late["SUMMARY"].startswith("Überfällig seit 01.12.2026: "), late["SUMMARY"]
    assert "111111" in late["SUMMARY"] and "überfällig seit 01.12.2026" in late["DESCRIPTION"].lower()
    task = by_uid["task-task-9@vendordesk"]
    assert task["DTSTART;VALUE=DATE"] == "20261203" and task["SUMMARY"].startswith("Überfällig seit 30.11.2026: ")
    due = by_uid["follow_up-case-222222@vendordesk"]
    assert due["DTSTART;VALUE=DATE"] == "20261204" and "berfällig" not in due["SUMMARY"] and "DESCRIPTION" not in due
    english = _events(to_ics(found, "en", stamp, today=TODAY))
    assert {e["UID"]: e for e in english}["task-task-9@vendordesk"]["SUMMARY"].startswith("Overdue since 30/11/2026: ")


def _events(text: str) -> list[dict[str, str]]:
    out, current = [], None
    for line in _unfold(text):
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            out.append(current)
            current = None
        elif current is not None and ":" in line:
            key, value = line.split(":", 1)
            current[key] = value.replace("\\,", ",").replace("\\;", ";")
    return out


def test_fold_never_splits_a_character():
    line = "SUMMARY:" + "ä" * 60     # 8 + 120 octets
    parts = fold(line).split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert "".join(p[1:] if i else p for i, p in enumerate(parts)) == line


def test_two_digit_years_are_this_century():
    assert parse_date("5.12.26") == dt.date(2026, 12, 5)
    assert parse_date("05.01.27") == dt.date(2027, 1, 5)
    assert parse_date("5.12.2026") == dt.date(2026, 12, 5)


def test_chargebacks_on_one_po_are_told_apart_by_amazons_id():
    # issue 17's screens: three chargebacks of PO 3THMUF7T all read "3THMUF7T" in the week view; the
    # KAM disputes each by its own ID. Without an ID the PO (else the invoice) still says where it is from.
    common = {"kind": "chargeback", "type": "PO On-Time Accuracy", "raised_on": "2026-11-10",
              "dispute_due": "2026-12-10", "dispute_status": "open", "dispute_count": 0, "amount": 5.0,
              "currency": "EUR", "po_number": "3THMUF7T"}
    cbs = [{**common, "id": 1, "external_id": "CB-2610-00305"}, {**common, "id": 2, "external_id": "CB-2610-00307"},
           {**common, "id": 3, "external_id": None}, {**common, "id": 4, "po_number": None, "invoice_number": "R-9"}]
    found = agenda.items([], cbs, [], [], TODAY)
    assert [i.detail for i in found] == ["CB-2610-00305", "CB-2610-00307", "3THMUF7T", "R-9"]
