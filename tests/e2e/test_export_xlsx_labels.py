"""XLSX is for people: statuses, gears, kinds, categories, departments, marketplaces, forecast
models and grains read as the window's words in the chosen language; CSV keeps the codes.

Every kind of ``vendordesk export`` is written with ``--out FILE.xlsx --lang de|en`` and read back
with openpyxl: header language, cell types and number formats, and no stored code left in a label
column."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest
from openpyxl import load_workbook

from vendordesk.cli import main
from vendordesk.core import labels
from vendordesk.core.gears.defs import GEARS
from vendordesk.core.marketplaces import MARKETPLACES
from vendordesk.core.tickets import DEPARTMENTS
from vendordesk.exports.columns import COLUMNS
from vendordesk.exports.columns import header as column_header
from vendordesk.exports.labels import LABELS
from vendordesk.store import open_workspace
from vendordesk.store import tickets as st

KINDS = ("tickets", "chargebacks", "tasks", "forecast", "gears")
SNAKE = re.compile(r"^[a-z0-9]+(_[a-z0-9]+)+$")
MARKET_ID = re.compile(r"^A[0-9A-Z]{8,13}$")
CODES = ({c for table in labels.CODES.values() for c in table if c.islower() or "_" in c}
         | {g.id for g in GEARS} | set(DEPARTMENTS) | set(MARKETPLACES))

# money as each language writes it: "1.234,56 €", "€1,234.56"
EURO = {"de": '#,##0.00 "€"', "en": '"€"#,##0.00'}


def _export(path, kind, out, *extra) -> int:
    return main(["--workspace", str(path), "export", kind, "--out", str(out), *extra])


def _table(out) -> tuple[list, list]:
    sheet = load_workbook(out).active
    rows = list(sheet.iter_rows())
    return [c.value for c in rows[0]], rows[1:]


def _column(header, rows, title):
    i = header.index(title)
    return [r[i] for r in rows]


@pytest.fixture(scope="module")
def demo_exports(_demo_template, tmp_path_factory):
    """Every kind of the small demo account exported once per language."""
    import shutil

    out = {}
    folder = tmp_path_factory.mktemp("xlsx")
    workspace = folder / "demo.vendordesk"
    shutil.copy(_demo_template, workspace)
    for lang in ("de", "en"):
        for kind in KINDS:
            path = folder / f"{kind}-{lang}.xlsx"
            assert _export(workspace, kind, path, "--lang", lang) == 0
            out[kind, lang] = path
    return out


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_has_headers_in_the_language_and_no_codes_in_label_columns(demo_exports, kind, lang):
    header, rows = _table(demo_exports[kind, lang])
    keys = [c.key for c in COLUMNS[kind]]
    expected = [column_header(c, lang) for c in COLUMNS[kind]]
    assert header == [h for h, k in zip(expected, keys) if h in header]     # the table's order
    assert rows, f"{kind}: the demo has rows"
    label_columns = dict(LABELS[kind])
    if kind == "gears":
        label_columns.update(gear="gear", kpi="kpi")
    checked = 0
    for key in label_columns:
        col = next((c for c in COLUMNS[kind] if c.key == key), None)
        if col is None or column_header(col, lang) not in header:
            continue
        for cell in _column(header, rows, column_header(col, lang)):
            if cell.value is None:
                continue
            checked += 1
            assert cell.data_type == "s", (kind, key, cell.value)
            text = str(cell.value)
            assert text not in CODES and not SNAKE.match(text) and not MARKET_ID.match(text), (kind, key, text)
    assert checked > 0, f"{kind}: some label cells were checked"


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_writes_real_dates_and_numbers(demo_exports, kind, lang):
    header, rows = _table(demo_exports[kind, lang])
    date_format = "DD.MM.YYYY" if lang == "de" else "DD/MM/YYYY"      # the window: 03/12/2026
    by_title = {column_header(c, lang): c for c in COLUMNS[kind]}
    seen = set()
    for i, title in enumerate(header):
        col = by_title[title]
        for row in rows:
            cell = row[i]
            if cell.value is None:
                continue
            if col.kind == "date":
                assert isinstance(cell.value, dt.datetime) and cell.number_format == date_format, (title, cell.value)
                seen.add("date")
            elif col.kind in ("money", "units", "pct", "int", "score"):
                assert cell.data_type == "n", (title, cell.value)
                seen.add("number")
            if col.kind == "money":
                assert cell.number_format == EURO[lang]
    assert "date" in seen and (kind in ("tickets", "tasks") or "number" in seen)


@pytest.fixture
def tickets_path(tmp_path):
    path = tmp_path / "tickets.vendordesk"
    ws = open_workspace(path)
    st.add_case(ws, {"case_id": "2222222222", "subject": "Remittance missing", "category": "payments",
                     "status": "waiting_amazon", "gear": "profitability_terms", "owner_department": "finance",
                     "opened_on": "2026-01-01"})
    st.add_case(ws, {"case_id": "3333333333", "subject": "Images", "category": "Catalog/Content",
                     "status": "resolved", "opened_on": "2026-01-02", "resolved_on": "2026-01-09"})
    st.add_chargeback(ws, {"external_id": "CB-1", "kind": "shortage", "type": "Shortage", "amount": 1234.56,
                           "currency": "EUR", "raised_on": "2026-11-19", "dispute_status": "disputed"})
    st.add_task(ws, {"title": "Send new images", "department_id": "content", "gear": "reviews_cx",
                     "status": "in_progress", "created_on": "2026-11-02", "due_on": "2026-11-30"})
    ws.close()
    return path


# (kind, column key) -> stored code -> (German, English), the window's words (ui.tickets.labels,
# core.gears.defs, core.tickets.DEPARTMENTS)
WORDS = {
    ("tickets", "category"): {"2222222222": ("Zahlungen / Rechnungen", "Payments / invoices"),
                              "3333333333": ("Katalog / Inhalte", "Catalog / content")},   # Amazon's name too
    ("tickets", "status"): {"2222222222": ("Wartet auf Amazon", "Waiting on Amazon"), "3333333333": ("Gelöst", "Resolved")},
    ("tickets", "gear"): {"2222222222": ("Profitabilität & Konditionen", "Profitability & terms")},
    ("tickets", "owner_department"): {"2222222222": ("Finanzen", "Finance")},
}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_case_fields_read_as_the_windows_words(tickets_path, tmp_path, lang):
    out = tmp_path / "cases.xlsx"
    assert _export(tickets_path, "tickets", out, "--lang", lang) == 0
    header, rows = _table(out)
    cols = {c.key: column_header(c, lang) for c in COLUMNS["tickets"]}
    by_case = {r[header.index(cols["case_id"])].value: r for r in rows}
    for (_kind, key), expected in WORDS.items():
        for case_id, words in expected.items():
            cell = by_case[case_id][header.index(cols[key])]
            assert cell.value == (words[0] if lang == "de" else words[1]), (key, case_id)


@pytest.mark.parametrize("lang, kind_word, dispute, department, gear, status", [
    ("de", "Fehlmengenforderung", "Eingesprochen", "Content", "Bewertungen & Retouren", "In Bearbeitung"),
    ("en", "Shortage claim", "Disputed", "Content", "Reviews & returns", "In progress"),
])
def test_chargeback_and_task_fields_read_as_words(tickets_path, tmp_path, lang, kind_word, dispute, department,
                                                  gear, status):
    from vendordesk.core.gears.defs import gear as gear_def

    assert gear_def("reviews_cx").name(lang) == gear          # the name the gear tiles show
    out = tmp_path / "cb.xlsx"
    assert _export(tickets_path, "chargebacks", out, "--lang", lang) == 0
    header, rows = _table(out)
    cb = {c.key: column_header(c, lang) for c in COLUMNS["chargebacks"]}
    assert rows[0][header.index(cb["kind"])].value == kind_word
    assert rows[0][header.index(cb["dispute_status"])].value == dispute
    amount = rows[0][header.index(cb["amount"])]
    assert amount.value == 1234.56 and amount.number_format == EURO[lang]
    out = tmp_path / "tasks.xlsx"
    assert _export(tickets_path, "tasks", out, "--lang", lang) == 0
    header, rows = _table(out)
    tk = {c.key: column_header(c, lang) for c in COLUMNS["tasks"]}
    assert [rows[0][header.index(tk[k])].value for k in ("department_id", "gear", "status")] == [department, gear, status]


def test_a_renamed_department_reads_as_the_workspaces_name(tickets_path, tmp_path):
    with open_workspace(tickets_path) as ws, ws.transaction() as conn:
        conn.execute("UPDATE departments SET name_de = 'Buchhaltung', name_en = 'Accounting' WHERE id = 'finance'")
    out = tmp_path / "cases.xlsx"
    assert _export(tickets_path, "tickets", out, "--lang", "de") == 0
    header, rows = _table(out)
    assert "Buchhaltung" in [c.value for c in _column(header, rows, "Abteilung")]


def test_csv_keeps_the_codes(tickets_path, tmp_path):
    out = tmp_path / "cases.csv"
    assert _export(tickets_path, "tickets", out, "--lang", "de") == 0
    with open(out, encoding="utf-8", newline="") as handle:
        rows = {r["case_id"]: r for r in csv.DictReader(io.StringIO(handle.read(), newline=""))}
    assert rows["2222222222"]["status"] == "waiting_amazon" and rows["2222222222"]["category"] == "payments"
    assert rows["2222222222"]["gear"] == "profitability_terms" and rows["3333333333"]["category"] == "Catalog/Content"


@pytest.mark.parametrize("lang, grain, market", [("de", "Woche", "Amazon.de"), ("en", "Week", "Amazon.de")])
def test_facts_xlsx_names_the_marketplace_and_grain(tmp_path, lang, grain, market):
    path = tmp_path / "facts.vendordesk"
    ws = open_workspace(path)
    with ws.transaction() as conn:
        conn.execute("INSERT INTO sales_facts (asin, marketplace_id, distributor_view, selling_program, grain, "
                     "period_start, period_end, currency, shipped_revenue) VALUES ('B000000001', 'A1PA6795UKMFR9', "
                     "'MANUFACTURING', 'RETAIL', 'week', '2026-11-01', '2026-11-07', 'EUR', 1234.5)")
    ws.close()
    out = tmp_path / "facts.xlsx"
    assert _export(path, "facts", out, "--lang", lang) == 0
    header, rows = _table(out)
    cols = {c.key: column_header(c, lang) for c in COLUMNS["facts"]}
    row = rows[0]
    assert row[header.index(cols["grain"])].value == grain
    assert row[header.index(cols["marketplace_id"])].value == market
    value = row[header.index(cols["value"])]
    assert value.value == 1234.5 and value.number_format == EURO[lang]        # the format follows the metric
    assert _export(path, "facts", tmp_path / "facts.csv") == 0
    assert "week,EUR,A1PA6795UKMFR9" in (tmp_path / "facts.csv").read_text("utf-8")


def test_headers_come_from_the_catalogue_with_their_context():
    """The headers are catalogue messages: German from the .po, one English word read two ways by its
    context (a case's notes are "Notizen", the forecast's flags "Hinweise")."""
    from vendordesk.exports import title

    tickets = {c.key: c for c in COLUMNS["tickets"]}
    forecast = {c.key: c for c in COLUMNS["forecast"]}
    assert column_header(tickets["last_contact_on"], "de") == "Letzter Kontakt"
    assert column_header(tickets["last_contact_on"], "en") == "Last contact"
    assert column_header(tickets["notes"], "de") == "Notizen" and column_header(forecast["flags"], "de") == "Hinweise"
    assert column_header(tickets["notes"], "en") == column_header(forecast["flags"], "en") == "Notes"
    assert title("chargebacks", "de") == "Rückbelastungen" and title("chargebacks", "en") == "Chargebacks"
    assert title(None, "de") == "Export"
