"""Ticket store: CRUD, undo snapshots, frames for export."""

from __future__ import annotations

import pytest

from vendordesk.store import tickets as st


def _case(case_id="0123456789", **extra):
    values = {"case_id": case_id, "subject": "Images not updating", "category": "catalog",
              "opened_on": "2026-03-01", "next_follow_up": "2026-03-05", "asins": ["B0C1234567", "B0C7654321"],
              "pos": ["8ABCDEFG"]}
    values.update(extra)
    return values


def test_add_get_keeps_leading_zero_and_links(workspace):
    st.add_case(workspace, _case())
    case = st.get_case(workspace, "0123456789")
    assert case["case_id"] == "0123456789"
    assert case["status"] == "open"
    assert case["asins"] == ["B0C1234567", "B0C7654321"]
    assert case["pos"] == ["8ABCDEFG"]
    assert {d["id"] for d in st.departments(workspace)} >= {"marketing", "finance", "content"}


def test_duplicate_then_merge(workspace):
    st.add_case(workspace, _case())
    with pytest.raises(st.DuplicateCase) as info:
        st.add_case(workspace, _case(subject="other", asins=["B0C0000009"]))
    assert info.value.case_id == "0123456789"
    st.update_case(workspace, "0123456789", {"subject": "", "status": "needs_info", "asins": ["B0C0000009"]},
                   merge=True)
    case = st.get_case(workspace, "0123456789")
    assert case["subject"] == "Images not updating"     # empty value does not overwrite
    assert case["status"] == "needs_info"
    assert case["asins"] == ["B0C0000009", "B0C1234567", "B0C7654321"]


def test_delete_and_undo_restores_everything(workspace):
    st.add_case(workspace, _case())
    st.add_event(workspace, "0123456789", "2026-03-03", "contact_in", "Amazon asked for files")
    cb = st.add_chargeback(workspace, {"kind": "chargeback", "type": "ASN", "amount": 12.5, "currency": "EUR",
                                       "raised_on": "2026-03-01", "case_id": "0123456789"})
    task = st.add_task(workspace, {"title": "Send images", "department_id": "content", "created_on": "2026-03-01",
                                   "case_id": "0123456789"})
    snapshot = st.delete_case(workspace, "0123456789")
    assert st.get_case(workspace, "0123456789") is None
    assert st.chargebacks_frame(workspace)["case_id"].isna().all()
    st.restore_case(workspace, snapshot)
    case = st.get_case(workspace, "0123456789")
    assert case["last_contact_on"] == "2026-03-03"
    assert case["asins"] == ["B0C1234567", "B0C7654321"]
    assert [e["text"] for e in st.list_events(workspace, "0123456789")] == ["Amazon asked for files"]
    assert st.chargebacks_frame(workspace).set_index("id").loc[cb, "case_id"] == "0123456789"
    assert st.tasks_frame(workspace).set_index("id").loc[task, "case_id"] == "0123456789"


def test_event_moves_last_contact_forward_only(workspace):
    st.add_case(workspace, _case(last_contact_on="2026-03-10"))
    st.add_event(workspace, "0123456789", "2026-03-05", "contact_out", "late note")
    assert st.get_case(workspace, "0123456789")["last_contact_on"] == "2026-03-10"
    st.add_event(workspace, "0123456789", "2026-03-12", "contact_in", "answer")
    assert st.get_case(workspace, "0123456789")["last_contact_on"] == "2026-03-12"


def test_chargeback_and_task_delete_undo(workspace):
    cb = st.add_chargeback(workspace, {"kind": "shortage", "amount": 99.0, "currency": "EUR",
                                       "raised_on": "2026-02-01", "invoice_number": "INV1-SC"})
    snap = st.delete_chargeback(workspace, cb)
    assert st.chargebacks_frame(workspace).empty
    st.restore_chargeback(workspace, snap)
    assert st.chargebacks_frame(workspace)["id"].tolist() == [cb]
    task = st.add_task(workspace, {"title": "Bigger run", "department_id": "production", "created_on": "2026-03-01"})
    st.update_task(workspace, task, {"status": "done", "done_on": "2026-03-04"})
    snap = st.delete_task(workspace, task)
    st.restore_task(workspace, snap)
    assert st.tasks_frame(workspace).iloc[0][["title", "status"]].tolist() == ["Bigger run", "done"]


def test_tickets_frame_columns(workspace):
    st.add_case(workspace, _case())
    st.add_case(workspace, _case("12345678901", asins=[], pos=[]))
    frame = st.tickets_frame(workspace)
    assert len(frame) == 2
    row = frame.set_index("case_id").loc["0123456789"]
    assert row["asins"] == "B0C1234567 B0C7654321"
    assert frame.set_index("case_id").loc["12345678901", "asins"] == ""
    assert st.tasks_frame(workspace).empty   # cases are not tasks


# --- CSV import (vendordesk.ingest.chargebacks) ------------------------------------------
def _insert_cases(workspace, rows):
    with workspace.transaction() as conn:
        conn.executemany("INSERT INTO tickets(case_id, subject, opened_on) VALUES (?, 's', ?)", rows)


def test_tickets_frame_newest_first_like_sql(workspace):
    """Dates newest first, ties by case ID, then '' then missing; links in ref order, per kind."""
    _insert_cases(workspace, [("003", "2024-01-05"), ("001", "2024-01-05"), ("002", None), ("010", ""),
                              ("005", None), ("004", "2025-12-31"), ("0001", "")])
    with workspace.transaction() as conn:
        conn.executemany("INSERT INTO ticket_links(case_id, kind, ref) VALUES (?, ?, ?)",
                         [("001", "asin", "B2"), ("001", "asin", "B1"), ("001", "po", "P1"), ("002", "invoice", "I9")])
    frame = st.tickets_frame(workspace)
    assert frame["case_id"].tolist() == ["004", "001", "003", "0001", "010", "002", "005"]
    assert frame.set_index("case_id").loc["001", ["asins", "pos", "invoices"]].tolist() == ["B1 B2", "P1", ""]
    assert frame.set_index("case_id").loc["002", "invoices"] == "I9"


def test_tickets_frame_odd_dates_sorted_by_sql(workspace):
    """A text that is not a plain ISO date falls back to SQLite's ORDER BY (text order)."""
    _insert_cases(workspace, [("1", "2024-01-05"), ("2", "garbage"), ("3", "2024-2-1"), ("4", None)])
    assert st.tickets_frame(workspace)["case_id"].tolist() == ["2", "3", "1", "4"]


from vendordesk.errors import UserError  # noqa: E402
from vendordesk.ingest.chargebacks import read_file  # noqa: E402
from vendordesk.store.chargebacks_write import write_chargebacks  # noqa: E402
from vendordesk.store.facts import import_context  # noqa: E402


def import_chargebacks(workspace, path):
    return write_chargebacks(workspace, read_file(path, import_context(workspace)))


CSV_DE = ("\ufeffVorgangs-ID;Typ;Bestellnummer;ASIN;Rechnungsnummer;Betrag;Währung;Datum\n"
          "CB-1;ASN-Genauigkeit;8ABCDEFG;b0c1234567;;1.234,56 €;EUR;01.03.2024\n"
          "SC-1;Shortage;;;INV123-SC;-99,00;EUR;05.05.2024\n")


def test_import_german_csv_with_deadlines(workspace, tmp_path):
    path = tmp_path / "cb.csv"
    path.write_text(CSV_DE, encoding="utf-8")
    result = import_chargebacks(workspace, path)
    assert (result.inserted, result.updated) == (2, 0)
    frame = st.chargebacks_frame(workspace).set_index("external_id")
    assert frame.loc["CB-1", "amount"] == 1234.56
    assert frame.loc["CB-1", "asin"] == "B0C1234567"
    assert frame.loc["CB-1", "dispute_due"] == "2024-03-31"          # T24
    assert frame.loc["SC-1", "kind"] == "shortage"
    # 05-05 +5 = due 05-10, -30 days = invoice 04-10, +24 months from the invoice date
    assert frame.loc["SC-1", "dispute_due"] == "2026-04-10"
    # hand edits survive a re-import, no double counting
    st.update_chargeback(workspace, int(frame.loc["CB-1", "id"]), {"dispute_status": "won", "recovered_amount": 1000})
    again = import_chargebacks(workspace, path)
    assert (again.inserted, again.updated) == (0, 2)
    frame = st.chargebacks_frame(workspace).set_index("external_id")
    assert len(frame) == 2 and frame.loc["CB-1", "dispute_status"] == "won"


def test_import_bad_rows_named_and_nothing_written(workspace, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("ID,Type,Amount,Date\nA,ASN,12.00,2024-03-01\nB,ASN,abc,2024-03-02\nC,ASN,5,32.13.2024\n",
                    encoding="utf-8")
    with pytest.raises(UserError) as info:
        import_chargebacks(workspace, path)
    message = str(info.value)
    assert "bad.csv" in message and "row 3: amount" in message and "row 4: date" in message
    assert st.chargebacks_frame(workspace).empty
    path.write_text("ID,Type\nA,ASN\n", encoding="utf-8")
    with pytest.raises(UserError, match="no column for amount, raised_on"):
        import_chargebacks(workspace, path)


def test_reminder_count_matches_core_today_list(workspace):
    import datetime as dt

    from vendordesk.core.tickets import today_list

    today = dt.date(2026, 3, 10)
    st.add_case(workspace, _case("1000001", next_follow_up="2026-03-10"))                     # due
    st.add_case(workspace, _case("1000002", next_follow_up="2026-03-11"))                     # tomorrow
    st.add_case(workspace, _case("1000003", next_follow_up="2026-03-01", status="resolved"))  # resolved
    for due, status in (("2026-03-09", "open"), ("2026-03-09", "done"), ("2026-03-10", "open")):
        st.add_task(workspace, {"title": "t", "created_on": "2026-03-01", "due_on": due, "status": status})
    for due, count, status, kind in (("2026-03-17", 0, "open", "chargeback"), ("2026-03-18", 0, "open", "chargeback"),
                                     ("2026-03-12", 2, "disputed", "chargeback"), ("2026-03-12", 3, "open", "shortage"),
                                     ("2026-03-09", 0, "open", "chargeback"), ("2026-03-12", 0, "won", "chargeback")):
        st.add_chargeback(workspace, {"kind": kind, "amount": 1.0, "currency": "EUR", "raised_on": "2026-02-01",
                                      "dispute_due": due, "dispute_count": count, "dispute_status": status})
    core = today_list(st.tickets_frame(workspace), st.tasks_frame(workspace), st.chargebacks_frame(workspace), today)
    # 1 follow-up + 1 overdue task + 2 deadlines (03-17 chargeback, 03-12 shortage)
    assert core.count() == 4
    assert st.reminder_count(workspace, today.isoformat()) == 4


# --- headless commands (vendordesk tickets / export) -------------------------------------
def test_cli_tickets_add_list_json_and_export(workspace, tmp_path, capsys):
    import json

    from vendordesk.cli import main

    path = str(workspace.path)
    assert main(["tickets", "add", "--workspace", path, "--case-id", "0123456789", "--subject", "Images",
                 "--category", "catalog", "--opened", "01.03.2026", "--follow-up", "2026-03-05",
                 "--gear", "content", "--asin", "B0C1234567"]) == 0
    assert "not in this workspace" in capsys.readouterr().out           # unknown ASIN: warned, kept
    assert main(["tickets", "add", "--workspace", path, "--case-id", "0123456789", "--subject", "x"]) == 2
    assert "already exists" in capsys.readouterr().err
    assert main(["tickets", "add", "--workspace", path, "--case-id", "555555555", "--subject", " "]) == 2
    assert "subject" in capsys.readouterr().err
    assert main(["tickets", "list", "--workspace", path, "--json"]) == 0
    cases = json.loads(capsys.readouterr().out)["tickets"]
    assert cases == [{"case_id": "0123456789", "subject": "Images", "category": "catalog", "status": "open",
                      "opened": "2026-03-01", "last_contact": None, "next_follow_up": "2026-03-05",
                      "escalation_level": 0, "gear": "content", "owner_department": None, "resolved": None,
                      "asins": ["B0C1234567"], "pos": [], "invoices": []}]
    assert main(["tickets", "list", "--workspace", path, "--status", "resolved", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["tickets"] == []
    assert main(["tickets", "list", "--workspace", path, "--due-within", "0", "--json"]) == 0   # 03-05 is past
    assert [c["case_id"] for c in json.loads(capsys.readouterr().out)["tickets"]] == ["0123456789"]
    assert main(["tickets", "list", "--workspace", path, "--due-within", "-1"]) == 2
    out = tmp_path / "cases.csv"
    assert main(["export", "tickets", "--workspace", path, "--out", str(out)]) == 0
    assert "0123456789" in out.read_text("utf-8")
