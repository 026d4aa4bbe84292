"""The command line and the window count "today" from the same day: in the demo, the data's date
(meta ``demo_end_date``), not the calendar's (``ops.ticket_records.log_today``)."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json

from vendordesk.cli import main
from vendordesk.store import open_workspace
from vendordesk.store import tickets as st


def _list_json(path, *extra) -> dict:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["tickets", "list", "--workspace", str(path), "--json", *extra]) == 0
    return json.loads(out.getvalue())


def _demo_day(path) -> dt.date:
    with open_workspace(path) as ws:
        return dt.date.fromisoformat(ws.meta("demo_end_date"))


def test_the_demo_lists_overdue_follow_ups_as_of_its_data_date(demo_path):
    day = _demo_day(demo_path)
    assert day != dt.date.today()                    # else this test could not tell the two apart
    with open_workspace(demo_path) as ws:
        cases = st.tickets_frame(ws)
    # by hand: unresolved cases whose next follow-up is on or before the demo's day
    by_hand = sorted(str(c.case_id) for c in cases.itertuples()
                     if c.status != "resolved" and c.next_follow_up and c.next_follow_up <= day.isoformat())
    document = _list_json(demo_path, "--due-within", "0")
    assert document["as_of"] == day.isoformat()
    assert sorted(c["case_id"] for c in document["tickets"]) == by_hand
    assert by_hand                                   # the demo has overdue follow-ups to count


def test_the_cli_counts_what_the_windows_today_panel_counts(demo_path, qapp):
    from vendordesk.ui.tickets.forms import reference_day
    from vendordesk.ui.tickets.load import prepare

    with open_workspace(demo_path) as ws:
        window_day = reference_day(ws)
        today = prepare(ws.path, window_day)["today"]
    document = _list_json(demo_path, "--due-within", "0")
    assert document["as_of"] == window_day.isoformat()
    assert sorted(c["case_id"] for c in document["tickets"]) == sorted(today.follow_ups["case_id"])
    actions = [d for d in document["disputes"] if d["action"]]
    assert sorted(d["id"] for d in actions) == sorted(int(i) for i in today.deadlines["id"])


def test_a_case_added_without_a_date_opens_on_the_demos_day(demo_path):
    assert main(["tickets", "add", "--workspace", str(demo_path), "--case-id", "1234567890",
                 "--subject", "Testfall"]) == 0
    with open_workspace(demo_path) as ws:
        row = st.tickets_frame(ws).set_index("case_id").loc["1234567890"]
    assert row["opened_on"] == _demo_day(demo_path).isoformat()
