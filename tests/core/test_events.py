"""The event calendar: movable dates, week mapping (53-week years), the KAM's own events."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from vendordesk.core.forecast import calendar as ev


@pytest.mark.parametrize("year, expected", [(2024, "2024-03-31"), (2025, "2025-04-20"), (2026, "2026-04-05"),
                                            (2027, "2027-03-28"), (2038, "2038-04-25"), (2285, "2285-03-22")])
def test_easter_by_the_computus_matches_published_dates(year, expected):
    # 2038 and 2285 are the latest / earliest possible Easter Sundays (25 April, 22 March).
    assert ev.easter(year).isoformat() == expected


def test_black_friday_is_the_day_after_the_fourth_thursday_of_november():
    # November 2026 starts on a Sunday: Thursdays 5, 12, 19, 26 -> Black Friday 27.
    assert ev.black_friday(2026) == dt.date(2026, 11, 27)
    # November 2024 starts on a Friday: Thursdays 7, 14, 21, 28 -> 29.
    assert ev.black_friday(2024) == dt.date(2024, 11, 29)
    # November 2029 starts on a Thursday: 1, 8, 15, 22 -> 23.
    assert ev.black_friday(2029) == dt.date(2029, 11, 23)


def test_events_map_to_weeks_by_date_across_a_53_week_iso_year():
    # ISO 2026 has 53 weeks; Sunday weeks from 2026-11-22. Black Friday 2026 (27 Nov) is in week 0,
    # Cyber Monday (30 Nov) in week 1; Black Friday 2027 (26 Nov) 52 weeks later starts 2027-11-21.
    weeks = [(dt.date(2026, 11, 22) + dt.timedelta(weeks=k)).isoformat() for k in range(60)]
    kinds, m = ev.week_matrix(ev.builtin_events(2026, 2027), weeks, ("black_friday", "cyber_monday"))
    assert list(m[0].nonzero()[0]) == [0, 52] and weeks[52] == "2027-11-21"
    assert list(m[1].nonzero()[0]) == [1, 53]


def test_a_multi_week_event_touches_every_week_it_overlaps_and_labels_name_it():
    weeks = ["2027-02-28", "2027-03-07", "2027-03-14", "2027-03-21"]
    tv = ev.Event("user", "TV", "2027-03-06", "2027-03-14", "stored")   # Saturday .. next Sunday
    kinds, m = ev.week_matrix([tv], weeks)
    assert kinds == ["user:TV"] and m[0].tolist() == [1, 1, 1, 0]
    assert ev.week_labels([tv], weeks) == ["TV", "TV", "TV", ""]


def test_a_stored_prime_day_replaces_the_builtin_one_of_that_year_only():
    fixed = ev.Event("prime_day", "Prime Day 2026 (announced)", "2026-07-14", "2026-07-15", "stored")
    merged = ev.merge(ev.builtin_events(2025, 2026), [fixed])
    prime = [e for e in merged if e.kind == "prime_day"]
    assert [(e.start, e.source) for e in prime] == [("2025-07-08", "builtin"), ("2026-07-14", "stored")]


def test_events_command_add_list_remove(tmp_path, capsys):
    from vendordesk.cli import main
    from vendordesk.store import open_workspace

    path = tmp_path / "ws.vendordesk"
    open_workspace(path).close()
    assert main(["events", "add", "user", "TV spring", "2027-03-01", "2027-03-14", "--workspace", str(path),
                 "--json"]) == 0
    new_id = json.loads(capsys.readouterr().out)["added"]
    assert main(["events", "list", "--from", "2027", "--to", "2027", "--workspace", str(path), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {"TV spring", "Black Friday 2027", "Easter 2027"} <= {r["name"] for r in rows}
    assert main(["events", "add", "user", "x", "2027-03-14", "2027-03-01", "--workspace", str(path)]) == 2
    assert "END 01/03/2027 is before START 14/03/2027" in capsys.readouterr().err   # en_GB dates
    assert main(["events", "remove", str(new_id), "--workspace", str(path)]) == 0
    assert main(["events", "remove", str(new_id), "--workspace", str(path)]) == 2


def test_the_demo_puts_prime_day_in_the_calendars_week():
    # Prime Day 2024 was 16-17 July (calendar.PRIME_DAYS): the week Sunday 14 July. Until
    # 2026-12-07 the demo used the week whose Tuesday falls on 7..13 July (Tuesday 9 July: the
    # week of 7 July), a week early. 2025 (8-11 July) and 2026 (7-10 July) are the weeks of
    # 6 July 2025 and 5 July 2026; 2027 is not announced: the rule (Tuesday 13 July, week of 11 July).
    from datetime import date

    from vendordesk.demo.weeks import prime_day_week, season_parts

    assert prime_day_week(date(2024, 7, 14)) and not prime_day_week(date(2024, 7, 7))
    assert prime_day_week(date(2025, 7, 6)) and prime_day_week(date(2026, 7, 5))
    assert prime_day_week(date(2027, 7, 11)) and not prime_day_week(date(2027, 7, 4))
    parts = season_parts([date(2024, 7, 7), date(2024, 7, 14), date(2024, 7, 21)])
    assert parts["prime"].tolist() == [0.0, 1.0, 0.0]
