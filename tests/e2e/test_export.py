"""``vendordesk export``: the CSV contract, the XLSX for people, formula injection, the row limit,
and no partial file. Every workspace here is built by the test itself."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from vendordesk import exports
from vendordesk.cli import main
from vendordesk.store import facts_export, open_workspace
from vendordesk.store import tickets as st

W1, W1_END, W2, W2_END = "2026-11-01", "2026-11-07", "2026-11-08", "2026-11-14"
FACTS_HEADER = ["asin", "period_start", "period_end", "metric", "value", "distributor_view", "selling_program",
                "grain", "currency", "marketplace_id"]
EVIL = ['=HYPERLINK("http://evil.example","click")', "=cmd|' /C calc'!A0", "+1+2", "-2+3", "@SUM(1,2)",
        "\tTab first", "\rCR first"]


def _insert_sales(conn, asin, start, end, revenue, units):
    conn.execute("INSERT INTO sales_facts (asin, marketplace_id, distributor_view, selling_program, grain, "
                 "period_start, period_end, currency, shipped_revenue, shipped_units) "
                 "VALUES (?, 'A1PA6795UKMFR9', 'MANUFACTURING', 'RETAIL', 'week', ?, ?, 'EUR', ?, ?)",
                 (asin, start, end, revenue, units))


@pytest.fixture
def facts_path(tmp_path):
    """Two ASINs x two weeks. Rows of an export, counted by hand:
    sales: 4 rows x (shipped_revenue, shipped_units) = 8; inventory: one OOS rate = 1;
    traffic: one glance-views value = 1; in all 10."""
    path = tmp_path / "facts.vendordesk"
    ws = open_workspace(path)
    with ws.transaction() as conn:
        _insert_sales(conn, "B000000001", W1, W1_END, 1234.5, 10.0)
        _insert_sales(conn, "B000000001", W2, W2_END, -45.5, 0.0)       # a credit week
        _insert_sales(conn, "B000000002", W1, W1_END, 99.9, 3.0)
        _insert_sales(conn, "B000000002", W2, W2_END, 19.99, 1.0)
        conn.execute("INSERT INTO inventory_facts (asin, marketplace_id, distributor_view, selling_program, grain, "
                     "period_start, period_end, currency, procurable_product_out_of_stock_rate) "
                     "VALUES ('B000000001', 'A1PA6795UKMFR9', 'MANUFACTURING', 'RETAIL', 'week', ?, ?, 'EUR', 0.125)",
                     (W1, W1_END))
        conn.execute("INSERT INTO traffic_facts (asin, marketplace_id, distributor_view, selling_program, grain, "
                     "period_start, period_end, glance_views) "
                     "VALUES ('B000000002', 'A1PA6795UKMFR9', 'MANUFACTURING', 'RETAIL', 'week', ?, ?, 1000)",
                     (W2, W2_END))
    ws.close()
    return path


@pytest.fixture
def tickets_path(tmp_path):
    """Cases, a chargeback and a task whose texts start like formulas; a credit of -45.00 EUR."""
    path = tmp_path / "tickets.vendordesk"
    ws = open_workspace(path)
    st.add_case(ws, {"case_id": "1111111111", "subject": EVIL[0], "category": EVIL[1],
                     "opened_on": "2026-11-02", "next_follow_up": "2026-11-20"})
    st.add_case(ws, {"case_id": "2222222222", "subject": "Remittance missing", "category": "payments",
                     "status": "resolved", "opened_on": "2026-01-01", "resolved_on": "2026-01-11"})
    st.add_chargeback(ws, {"external_id": EVIL[2], "kind": "chargeback", "type": EVIL[3], "asin": EVIL[4],
                           "amount": -45.0, "currency": "EUR", "raised_on": "2026-11-18",
                           "dispute_due": "2026-12-18", "note": EVIL[5]})
    st.add_chargeback(ws, {"external_id": "CB-2", "kind": "shortage", "type": "Shortage", "amount": 1234.56,
                           "currency": "EUR", "raised_on": "2026-11-19", "note": EVIL[6]})
    st.add_task(ws, {"title": "Send new images", "department_id": "content", "created_on": "2026-11-02",
                     "due_on": "2026-11-30"})
    ws.close()
    return path


def _export(path, kind, out, *extra) -> int:
    return main(["--workspace", str(path), "export", kind, "--out", str(out), *extra])


def _csv(out) -> str:
    with open(out, encoding="utf-8", newline="") as handle:       # keep a CR inside a quoted field
        return handle.read()


def _sheet(out):
    return load_workbook(out).active


# --- the CSV contract (for scripts) ---------------------------------------------------------------
def test_facts_csv_contract(facts_path, tmp_path):
    out = tmp_path / "facts.csv"
    assert _export(facts_path, "facts", out) == 0
    rows = list(csv.reader(io.StringIO(_csv(out), newline="")))
    assert rows[0] == FACTS_HEADER
    body = rows[1:]
    assert len(body) == 10                                   # counted by hand in the fixture
    # sorted by asin, period_start, metric; ISO dates; plain numbers with a decimal point
    assert body[0] == ["B000000001", W1, W1_END, "procurable_product_out_of_stock_rate", "0.125",
                       "MANUFACTURING", "RETAIL", "week", "EUR", "A1PA6795UKMFR9"]
    assert body[1][3:5] == ["shipped_revenue", "1234.5"]
    assert body[2][3:5] == ["shipped_units", "10.0"]
    assert body[3][1] == W2 and body[3][3:5] == ["shipped_revenue", "-45.5"]      # a credit stays a number
    glance = next(r for r in body if r[3] == "glance_views")
    assert glance[:3] == ["B000000002", W2, W2_END] and glance[4] == "1000.0" and glance[8] == ""
    keys = [(r[0], r[1], r[3]) for r in body]
    assert keys == sorted(keys)


def test_streamed_facts_csv_equals_the_frame_reader(facts_path, tmp_path):
    """The streamed export writes byte for byte what pandas writes from store.facts.facts_frame."""
    from vendordesk.store.facts import facts_frame

    out = tmp_path / "facts.csv"
    _export(facts_path, "facts", out)
    with open_workspace(facts_path) as ws:
        expected = facts_frame(ws).to_csv(index=False, lineterminator="\n")
    assert out.read_text("utf-8") == expected


def test_streamed_facts_csv_equals_the_frame_reader_on_a_demo_account(demo_path, tmp_path, monkeypatch):
    """30 ASINs x 104 weeks with Amazon's forecasts, in batches of a few ASINs each."""
    from vendordesk.exports import facts
    from vendordesk.store.facts import facts_frame

    monkeypatch.setattr(facts, "BATCH_ROWS", 20_000)        # many batches: the joins between them count
    out = tmp_path / "facts.csv"
    _export(demo_path, "facts", out)
    with open_workspace(demo_path) as ws:
        expected = facts_frame(ws).to_csv(index=False, lineterminator="\n")
    assert out.read_text("utf-8") == expected


def test_tickets_csv_keeps_snake_case_and_iso_dates(tickets_path, tmp_path):
    out = tmp_path / "cases.csv"
    assert _export(tickets_path, "tickets", out, "--lang", "de") == 0     # --lang never touches CSV
    rows = list(csv.DictReader(io.StringIO(_csv(out), newline="")))
    assert list(rows[0]) == ["case_id", "subject", "category", "status", "opened_on", "last_contact_on",
                             "next_follow_up", "escalation_level", "gear", "owner_department", "resolved_on",
                             "asins", "pos", "invoices", "notes"]
    resolved = next(r for r in rows if r["case_id"] == "2222222222")
    assert resolved["opened_on"] == "2026-01-01" and resolved["resolved_on"] == "2026-01-11"
    out = tmp_path / "cb.csv"
    _export(tickets_path, "chargebacks", out)
    amounts = {r["external_id"]: r["amount"] for r in csv.DictReader(io.StringIO(_csv(out), newline=""))}
    assert amounts["CB-2"] == "1234.56"


# --- formula injection -------------------------------------------------------------------------
def test_csv_neutralizes_text_that_starts_like_a_formula(tickets_path, tmp_path):
    out = tmp_path / "cases.csv"
    _export(tickets_path, "tickets", out)
    case = next(r for r in csv.DictReader(io.StringIO(_csv(out), newline=""))
                if r["case_id"] == "1111111111")
    assert case["subject"] == "'" + EVIL[0] and case["category"] == "'" + EVIL[1]
    out = tmp_path / "cb.csv"
    _export(tickets_path, "chargebacks", out)
    rows = list(csv.DictReader(io.StringIO(_csv(out), newline="")))
    first = next(r for r in rows if r["external_id"] != "CB-2")
    assert first["external_id"] == "'+1+2" and first["type"] == "'-2+3" and first["asin"] == "'@SUM(1,2)"
    assert first["note"] == "'\tTab first"
    assert next(r for r in rows if r["external_id"] == "CB-2")["note"] == "'\rCR first"
    assert first["amount"] == "-45.0"                         # a negative amount is a number, not text
    for row in rows:
        for value in row.values():
            assert not value or value[0] not in "=+@\t\r" and (value[0] != "-" or value == "-45.0")


def test_xlsx_writes_text_as_strings_never_formulas(tickets_path, tmp_path):
    for kind in ("tickets", "chargebacks"):
        out = tmp_path / f"{kind}.xlsx"
        assert _export(tickets_path, kind, out) == 0
        sheet = _sheet(out)
        cells = [c for row in sheet.iter_rows() for c in row]
        assert cells and not [c.coordinate for c in cells if c.data_type == "f"]
        texts = {c.value for c in cells if c.data_type == "s"}
        for evil in (EVIL[:2] if kind == "tickets" else EVIL[2:6]):   # (XML reads a bare CR back as LF)
            assert evil in texts                              # the text itself, as a string cell
            cell = next(c for c in cells if c.value == evil)
            assert cell.quotePrefix                           # editing it does not make it a formula
    amount = next(c for c in _sheet(tmp_path / "chargebacks.xlsx")["I"] if c.value == -45)
    assert amount.data_type == "n"


def test_facts_csv_neutralizes_an_asin_that_starts_like_a_formula(tmp_path):
    path = tmp_path / "evil.vendordesk"
    ws = open_workspace(path)
    with ws.transaction() as conn:
        _insert_sales(conn, "=1+2", W1, W1_END, 5.0, None)
        _insert_sales(conn, "B00,QUOTE\"", W1, W1_END, 6.0, None)
    ws.close()
    out = tmp_path / "facts.csv"
    _export(path, "facts", out)
    rows = list(csv.reader(io.StringIO(_csv(out), newline="")))[1:]
    assert [r[0] for r in rows] == ["'=1+2", 'B00,QUOTE"']        # neutralized; quoted CSV reads back
    out = tmp_path / "facts.xlsx"
    _export(path, "facts", out)
    cells = [c for row in _sheet(out).iter_rows() for c in row]
    assert "=1+2" in {c.value for c in cells} and not any(c.data_type == "f" for c in cells)


# --- XLSX for people ---------------------------------------------------------------------------
def test_chargebacks_xlsx_has_dates_money_frozen_header_and_filter(tickets_path, tmp_path):
    out = tmp_path / "cb.xlsx"
    assert _export(tickets_path, "chargebacks", out, "--lang", "de") == 0
    sheet = _sheet(out)
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["Nr.", "Amazon-ID", "Art"] and "Betrag" in header and "Belastet am" in header
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:R3"                    # 18 columns, header + 2 chargebacks
    col = {name: i for i, name in enumerate(header)}
    rows = list(sheet.iter_rows(min_row=2))
    by_id = {r[col["Amazon-ID"]].value: r for r in rows}
    raised = by_id["CB-2"][col["Belastet am"]]
    assert isinstance(raised.value, dt.datetime) and raised.value.date() == dt.date(2026, 11, 19)
    assert raised.number_format == "DD.MM.YYYY"
    amount = by_id["CB-2"][col["Betrag"]]
    assert amount.value == pytest.approx(1234.56) and amount.data_type == "n"
    assert "€" in amount.number_format and "#,##0.00" in amount.number_format
    assert sheet.column_dimensions["D"].width >= len("Shortage")


def test_header_language_follows_lang_then_the_setting(tickets_path, tmp_path):
    from vendordesk import settings

    out = tmp_path / "cases.xlsx"
    _export(tickets_path, "tickets", out, "--lang", "en")
    assert [c.value for c in _sheet(out)[1]][:4] == ["Case ID", "Subject", "Category", "Status"]
    main(["--lang", "de", "--workspace", str(tickets_path), "export", "tickets", "--out", str(out)])
    assert [c.value for c in _sheet(out)[1]][:4] == ["Fallnummer", "Betreff", "Kategorie", "Status"]
    settings.save(settings.Settings(language="de"))         # no --lang: the app's language setting
    _export(tickets_path, "tickets", out)
    assert _sheet(out)["A1"].value == "Fallnummer"
    settings.save(settings.Settings(language="en"))
    _export(tickets_path, "tickets", out)
    assert _sheet(out)["A1"].value == "Case ID"


def test_facts_xlsx_formats_follow_the_metric(facts_path, tmp_path):
    out = tmp_path / "facts.xlsx"
    assert _export(facts_path, "facts", out, "--lang", "en") == 0
    sheet = _sheet(out)
    assert [c.value for c in sheet[1]] == ["ASIN", "Period start", "Period end", "Metric", "Value",
                                           "Distributor view", "Selling program", "Grain", "Currency",
                                           "Marketplace"]
    assert sheet.max_row == 11 and sheet.auto_filter.ref == "A1:J11"
    values = {(r[0].value, r[1].value.date().isoformat(), r[3].value): r[4] for r in sheet.iter_rows(min_row=2)}
    revenue = values[("B000000001", W2, "Shipped revenue")]         # the metric in words (CSV: the key)
    assert revenue.value == -45.5 and "€" in revenue.number_format
    assert values[("B000000001", W1, "Out-of-stock rate (procurable)")].number_format == "0.0%"
    units = values[("B000000001", W1, "Shipped units")]
    assert units.value == 10 and units.number_format == "#,##0"
    assert sheet["B2"].number_format == "DD/MM/YYYY"       # as the English window shows dates (21/11/2026)


def test_gears_xlsx_percentages(demo_path, tmp_path):
    out = tmp_path / "gears.xlsx"
    assert _export(demo_path, "gears", out, "--lang", "de") == 0
    sheet = _sheet(out)
    header = [c.value for c in sheet[1]]
    unit, value, change = header.index("Einheit"), header.index("Wert"), header.index("Veränderung")
    rows = list(sheet.iter_rows(min_row=2))
    pct = [r for r in rows if r[unit].value == "Prozent" and r[value].value is not None]
    assert pct and all(r[value].number_format == "0.0%" and r[value].data_type == "n" for r in pct)
    assert all(r[change].number_format == "0.0%" for r in rows if r[change].value is not None)


# --- the row limit -----------------------------------------------------------------------------
def test_facts_xlsx_past_the_row_limit_is_refused_before_any_work(facts_path, tmp_path, monkeypatch, capsys):
    out = tmp_path / "facts.xlsx"
    monkeypatch.setattr(exports, "MAX_XLSX_ROWS", 10)         # 10 data rows + header = 11 > 10
    assert _export(facts_path, "facts", out) == 2
    message = capsys.readouterr().err
    assert "10 rows do not fit" in message and "facts.csv" in message
    assert list(tmp_path.glob("facts.xlsx*")) == [] and list(tmp_path.glob(".facts.xlsx*")) == []
    monkeypatch.setattr(exports, "MAX_XLSX_ROWS", 11)         # exactly fits: header + 10 rows
    assert _export(facts_path, "facts", out) == 0 and _sheet(out).max_row == 11
    assert _export(facts_path, "facts", tmp_path / "facts.csv") == 0     # CSV has no limit


def test_the_row_count_is_the_number_of_rows_written(demo_path, tmp_path):
    from vendordesk.exports import facts

    out = tmp_path / "facts.csv"
    with open_workspace(demo_path) as ws:
        counted = facts.count_rows(ws, facts_export)
    _export(demo_path, "facts", out)
    assert counted == out.read_text("utf-8").count("\n") - 1


def test_a_table_past_the_row_limit_is_refused(tickets_path, tmp_path, monkeypatch):
    monkeypatch.setattr(exports, "MAX_XLSX_ROWS", 2)          # header + 2 chargebacks = 3 > 2
    assert _export(tickets_path, "chargebacks", tmp_path / "cb.xlsx") == 2
    assert not (tmp_path / "cb.xlsx").exists()


# --- no partial file ---------------------------------------------------------------------------
@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_an_interrupted_export_leaves_no_partial_file(facts_path, tmp_path, suffix):
    """Ctrl+C during the export (raised from the progress callback, between two batches): no new file,
    no temporary file, and a file of the same name stays as it was."""
    out = tmp_path / f"facts{suffix}"
    out.write_bytes(b"the previous export")

    def interrupt(fraction):
        raise KeyboardInterrupt

    with open_workspace(facts_path) as ws, pytest.raises(KeyboardInterrupt):
        exports.export_facts(ws, out, facts_export, "en", interrupt)
    assert out.read_bytes() == b"the previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["facts.vendordesk", out.name])


def test_bad_targets_are_refused_with_a_message(facts_path, tmp_path, capsys):
    assert _export(facts_path, "facts", tmp_path / "facts.txt") == 2
    assert "must end in .csv or .xlsx" in capsys.readouterr().err
    assert _export(facts_path, "facts", tmp_path / "missing" / "facts.csv") == 2
    assert "does not exist" in capsys.readouterr().err


# --- progress ----------------------------------------------------------------------------------
class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_line_only_on_a_terminal():
    from vendordesk.commands.export import TerminalProgress

    pipe, terminal = io.StringIO(), _Terminal()
    for stream in (pipe, terminal):
        progress = TerminalProgress("Exporting facts", stream)
        progress(0.5)
        progress(1.0)
        progress.done()
    assert pipe.getvalue() == ""
    assert terminal.getvalue() == "\rExporting facts:  50 %\rExporting facts: 100 %\n"


def test_export_to_a_pipe_prints_no_progress(facts_path, tmp_path):
    import os
    import subprocess
    import sys

    out = tmp_path / "facts.csv"
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    result = subprocess.run([sys.executable, "-m", "vendordesk", "--workspace", str(facts_path), "export", "facts",
                             "--out", str(out)], check=False, capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "%" not in result.stderr and "10 rows written" in result.stdout


def test_table_csv_writes_what_pandas_writes_on_a_demo_account(demo_path, tmp_path):
    """Without formula-like or CR-holding texts the table CSV is byte for byte pandas' to_csv (the
    contract scripts were written against)."""
    from vendordesk.ops.exports import exporter

    with open_workspace(demo_path) as ws:
        frames = {kind: exporter(kind)(ws) for kind in ("tickets", "chargebacks", "tasks", "forecast", "gears")}
    for kind, frame in frames.items():
        out = tmp_path / f"{kind}.csv"
        _export(demo_path, kind, out)
        assert _csv(out) == frame.to_csv(index=False, lineterminator="\n"), kind


def test_xlsx_writes_missing_values_as_empty_cells(tmp_path):
    import pandas as pd

    frame = pd.DataFrame({"asin": pd.array(["B000000001", None], dtype="string"), "week_start": ["2026-11-01", None],
                          "p50": [1.5, float("nan")], "model": ["", "seasonal"]})
    out = tmp_path / "forecast.xlsx"
    assert exports.write_frame(frame, out, "forecast", "en") == 2
    sheet = _sheet(out)
    assert [c.value for c in sheet[3]] == [None, None, None, "seasonal"]
    assert sheet["D2"].value is None and sheet["C2"].value == 1.5 and sheet["C2"].number_format == "#,##0"
