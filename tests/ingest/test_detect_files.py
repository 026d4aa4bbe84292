"""File detection: XLSX whatever the name, ZIP, gzip and shared-strings bombs, UTF-16, refused through the CLI.

Every refusal runs the real command line and checks: exit 2, no traceback, the message names the file,
the workspace file is byte-identical and no -wal file is left.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.ingest.spapi_docs import sales_doc, sales_row, write
from vendordesk.core.gears.defs import GEARS
from vendordesk.errors import UserError
from vendordesk.ingest import containers, detect
from vendordesk.ingest.detect import read_report

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "ingest"


def cli(*args: str) -> subprocess.CompletedProcess:
    env = os.environ | {"PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "vendordesk", *args], capture_output=True, text=True,
                          env=env, timeout=120, check=False)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def ws(tmp_path) -> Path:
    """A workspace with one good import, closed (no -wal left)."""
    path = tmp_path / "ws.vendordesk"
    result = cli("import", "--workspace", str(path), str(FIXTURES / "sales_en_us_week.csv"))
    assert result.returncode == 0, result.stderr
    assert not Path(str(path) + "-wal").exists()
    return path


def assert_refused(ws: Path, file: Path, *words: str) -> str:
    before = sha(ws)
    result = cli("import", "--workspace", str(ws), str(file))
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    assert f"{file.name}: " in result.stderr and "Nothing was imported" in result.stderr
    for word in words:
        assert word in result.stderr, (word, result.stderr)
    assert sha(ws) == before
    assert not Path(str(ws) + "-wal").exists()
    return result.stderr


def _facts(ws: Path) -> list:
    import sqlite3

    conn = sqlite3.connect(f"file:{ws}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT asin, period_start, shipped_units, shipped_revenue FROM sales_facts "
                            "ORDER BY 1, 2").fetchall()
    finally:
        conn.close()


# --- SP-API documents through the CLI --------------------------------------------------------

def _text_with(doc: dict, token: str) -> str:
    return json.dumps(doc).replace('"@@"', token)


def _doc_with(index: int, field: str, value) -> dict:
    doc = sales_doc()
    doc["salesByAsin"][index][field] = value
    return doc


@pytest.mark.parametrize(("name", "text", "words"), [
    ("nan.json", _text_with(_doc_with(1, "shippedUnits", "@@"), "NaN"), ("salesByAsin[1].shippedUnits",)),
    ("inf.json", _text_with(_doc_with(0, "orderedUnits", "@@"), "Infinity"), ("salesByAsin[0].orderedUnits",)),
    ("e400.json", _text_with(_doc_with(0, "shippedUnits", "@@"), "1e400"), ("salesByAsin[0].shippedUnits",)),
    ("hugeint.json", _text_with(_doc_with(1, "shippedUnits", "@@"), "9" * 5000), ("salesByAsin[1].shippedUnits",)),
    ("intasin.json", json.dumps(_doc_with(1, "asin", 1234567890)), ("salesByAsin[1].asin",)),
    ("markets.json", json.dumps(sales_doc(marketplaceIds="A1PA6795UKMFR9")), ("reportSpecification.marketplaceIds",)),
    ("options.json", json.dumps(sales_doc(reportOptions="WEEK")), ("reportSpecification.reportOptions",)),
    ("deep.json", "[" * 100_000 + "]" * 100_000, ("nested",)),
    ("y2099.json", json.dumps(sales_doc(by_asin=[sales_row(start="2099-01-04", end="2099-01-10")], aggregate=[])),
     ("salesByAsin[0].startDate", "2099")),
])
def test_bad_json_refused_through_the_cli(ws, tmp_path, name, text, words):
    assert_refused(ws, write(tmp_path / name, text), *words)


def test_gears_json_stays_json_after_a_non_finite_document_is_refused(ws, tmp_path):
    """Before: NaN/Infinity were stored, and ``gears --json`` printed Infinity (not JSON)."""
    doc = sales_doc(by_asin=[sales_row("B000000001", units=5) | {"shippedUnits": "@@"}], aggregate=[])
    assert_refused(ws, write(tmp_path / "inf.json", _text_with(doc, "Infinity")), "shippedUnits")
    traffic = {"reportSpecification": {"reportType": "GET_VENDOR_TRAFFIC_REPORT", "marketplaceIds": ["ATVPDKIKX0DER"],
                                       "reportOptions": {"reportPeriod": "WEEK"}},
               "trafficAggregate": [],
               "trafficByAsin": [{"startDate": "2024-10-06", "endDate": "2024-10-12", "asin": "B000000001",
                                  "glanceViews": "@@"}]}
    assert_refused(ws, write(tmp_path / "nan.json", _text_with(traffic, "NaN")), "glanceViews")
    result = cli("gears", "--workspace", str(ws), "--json")
    assert result.returncode == 0, result.stderr

    def refuse(token):
        raise AssertionError(f"gears --json printed {token}, which is not JSON")

    document = json.loads(result.stdout, parse_constant=refuse)
    assert len(document["gears"]) == len(GEARS)


# --- detection by bytes ----------------------------------------------------------------------

def test_xlsx_named_csv_or_without_extension_is_read_as_xlsx(ws, tmp_path):
    reference = tmp_path / "ref.vendordesk"
    assert cli("import", "--workspace", str(reference), str(FIXTURES / "sales_en_us.xlsx")).returncode == 0
    for name in ("sales.csv", "sales", "sales.zip"):
        target = tmp_path / name
        shutil.copy(FIXTURES / "sales_en_us.xlsx", target)
        other = tmp_path / f"ws_{name.replace('.', '_')}.vendordesk"
        result = cli("import", "--workspace", str(other), str(target))
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith(f"{name}: sales (XLSX)"), result.stdout
        assert _facts(other) == _facts(reference) and _facts(other)


def test_zip_that_is_not_a_workbook_is_refused_with_unzip_first(ws, tmp_path):
    path = tmp_path / "reports.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("sales.csv", (FIXTURES / "sales_en_us_week.csv").read_bytes())
    assert_refused(ws, path, "ZIP archive", "unzip it")


def _bomb_workbook(path: Path, shared_strings_bytes: int) -> Path:
    shutil.copy(FIXTURES / "sales_en_us.xlsx", path)
    with zipfile.ZipFile(FIXTURES / "sales_en_us.xlsx") as source, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            if info.filename != "xl/sharedStrings.xml":
                out.writestr(info, source.read(info))
        with out.open("xl/sharedStrings.xml", "w") as handle:
            handle.write(b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')
            chunk = b"<si><t>ab</t></si>" * 65536
            for _ in range(shared_strings_bytes // len(chunk) + 1):
                handle.write(chunk)
            handle.write(b"</sst>")
    return path


def test_shared_strings_bomb_refused_before_openpyxl_reads_it(ws, tmp_path):
    path = _bomb_workbook(tmp_path / "bomb.xlsx", 48 * 1024 * 1024)
    assert path.stat().st_size < 2 * 1024 * 1024
    stderr = assert_refused(ws, path, "xl/sharedStrings.xml")
    assert "MB" in stderr


def test_gzip_bomb_refused_in_bounded_memory(ws, tmp_path):
    path = tmp_path / "bomb.json.gz"
    with gzip.open(path, "wb", compresslevel=9) as handle:
        handle.write(b'{"reportSpecification": {"x": "')
        block = b" " * (1 << 20)
        for _ in range(300):
            handle.write(block)
        handle.write(b'"}}')
    assert path.stat().st_size < 1024 * 1024
    assert_refused(ws, path, "unpacks to more than")


def test_gzip_limit_is_a_multiple_of_the_packed_size_and_at_most_512_mb():
    """64 MB floor, 100 x the packed size above it, never more than 512 MB."""
    assert containers.gzip_limit(10_000) == 64 * 1024 * 1024
    assert containers.gzip_limit(2 * 1024 * 1024) == 200 * 1024 * 1024
    assert containers.gzip_limit(50 * 1024 * 1024) == 512 * 1024 * 1024


def test_gzip_document_below_the_limit_is_read(tmp_path):
    path = tmp_path / "sales.json.gz"
    path.write_bytes(gzip.compress(json.dumps(sales_doc()).encode()))
    report = read_report(path)
    assert report.row_count == 3 and report.asins() == {"B000000001", "B000000002"}


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_csv_is_read_like_its_utf8_original(tmp_path, encoding):
    original = FIXTURES / "sales_en_us_week.csv"
    text = original.read_bytes().decode("utf-8-sig")
    path = tmp_path / "sales_en_us_week.csv"
    path.write_bytes(text.encode(encoding))
    ws_utf16, ws_utf8 = tmp_path / "a.vendordesk", tmp_path / "b.vendordesk"
    result = cli("import", "--workspace", str(ws_utf16), str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("sales_en_us_week.csv: sales (CSV)")
    assert cli("import", "--workspace", str(ws_utf8), str(original)).returncode == 0
    assert _facts(ws_utf16) == _facts(ws_utf8) and _facts(ws_utf8)


def test_utf16_json_is_read(tmp_path):
    path = tmp_path / "doc.json"
    path.write_bytes(json.dumps(sales_doc()).encode("utf-16"))
    assert read_report(path).row_count == 3


def test_binary_files_are_still_refused(ws, tmp_path):
    path = tmp_path / "data.csv"
    path.write_bytes(bytes(range(256)) * 64)
    assert_refused(ws, path, "binary")


def test_big_plain_json_refused_by_size(tmp_path, monkeypatch):
    monkeypatch.setattr(detect, "MAX_JSON_BYTES", 1000)
    path = write(tmp_path / "big.json", sales_doc(by_asin=[sales_row(f"B{i:09d}") for i in range(20)]))
    with pytest.raises(UserError, match="big.json: .*too large"):
        read_report(path)


def test_zip_directory_check_names_the_member(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as handle:
            for _ in range(300):
                handle.write(b" " * (1 << 20))
    path = tmp_path / "sheet_bomb.xlsx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(UserError, match=r"sheet_bomb\.xlsx: xl/worksheets/sheet1\.xml unpacks to 300 MB"):
        read_report(path)


def test_csv_and_json_without_extension_are_read_by_their_bytes(tmp_path):
    csv_copy = tmp_path / "sales_export"
    shutil.copy(FIXTURES / "sales_en_us_week.csv", csv_copy)
    assert read_report(csv_copy).source == "csv"
    json_copy = write(tmp_path / "document", sales_doc())
    assert read_report(json_copy).row_count == 3


def test_misnamed_workbook_refusal_names_the_users_file(tmp_path):
    """A workbook without an ASIN header, named .csv: the message names sales.csv, not the temporary alias."""
    path = tmp_path / "sales.csv"
    with zipfile.ZipFile(FIXTURES / "sales_en_us.xlsx") as source, zipfile.ZipFile(path, "w") as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b">ASIN<", b">Nummer<")
            out.writestr(info, data)
    with pytest.raises(UserError) as info:
        read_report(path)
    assert str(info.value).startswith("sales.csv: ") and "sales.csv.xlsx" not in str(info.value)
