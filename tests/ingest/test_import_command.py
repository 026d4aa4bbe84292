"""``vendordesk import``: exit codes, messages, workspace creation, refusals leave nothing behind."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import tracemalloc

from vendordesk.cli import main
from vendordesk.errors import UserError
from vendordesk.ingest.detect import read_report
from vendordesk.store import open_workspace


def _snapshot(path):
    with open_workspace(path) as ws:
        return [ws.conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
                for t in ("report_imports", "sales_facts", "extra_facts", "products")]


def test_import_creates_workspace_and_prints_what_was_recognised(tmp_path, fixture_file, capsys):
    path = tmp_path / "new.vendordesk"
    assert main(["import", "--workspace", str(path), str(fixture_file("sales_de_semicolon.csv"))]) == 0
    out = capsys.readouterr().out
    # the UI language's dates (en_GB) and the window's words for the view and the file format
    assert "sales_de_semicolon.csv: sales (CSV), view Sourcing / Retail, week 06/10/2024 – 12/10/2024" in out
    assert "currency EUR, 4 rows, 2 ASINs" in out
    assert path.exists() and len(_snapshot(path)[1]) == 2


def test_dry_run_writes_nothing(tmp_path, fixture_file, capsys):
    path = tmp_path / "ws.vendordesk"
    assert main(["import", "--workspace", str(path), "--dry-run", str(fixture_file("sales_en_us_week.csv"))]) == 0
    assert "dry run" in capsys.readouterr().out
    assert not path.exists()


def test_refused_file_exit_2_names_file_and_leaves_workspace_unchanged(tmp_path, fixture_file):
    path = tmp_path / "ws.vendordesk"
    assert main(["import", "--workspace", str(path), str(fixture_file("sales_en_us_week.csv"))]) == 0
    before = _snapshot(path)
    bad = ("mixed_currency.csv", "range_backwards.csv", "picture.csv", "empty.csv", "truncated.json",
           "bad_number.csv", "unknown_layout.csv", "no_asin_header.csv")
    result = subprocess.run([sys.executable, "-m", "vendordesk", "import", "--workspace", str(path),
                             *(str(fixture_file(name)) for name in bad)], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and result.stdout == ""
    messages = [line for line in result.stderr.splitlines() if "Nothing was imported" in line]
    assert [next(n for n in bad if n in line) for line in messages] == list(bad)
    assert _snapshot(path) == before


def test_good_files_still_import_next_to_a_refused_one(tmp_path, fixture_file, capsys):
    path = tmp_path / "ws.vendordesk"
    code = main(["import", "--workspace", str(path), str(fixture_file("empty.csv")),
                 str(fixture_file("sales_en_gb_dispatched.csv"))])
    assert code == 2
    assert "1 of 2 files refused" in capsys.readouterr().err
    assert len(_snapshot(path)[1]) == 1


def test_period_option_for_files_without_viewing_range(tmp_path, capsys):
    csv = tmp_path / "plain.csv"
    csv.write_text("ASIN,Shipped Revenue,Shipped Units\nB0PLAIN001,10.50,2\n", "utf-8")
    path = tmp_path / "ws.vendordesk"
    assert main(["import", "--workspace", str(path), str(csv)]) == 2
    assert "--period" in capsys.readouterr().err
    assert main(["import", "--workspace", str(path), "--period", "2024-10-06..2024-10-12", str(csv)]) == 0
    with open_workspace(path) as ws:
        assert ws.conn.execute("SELECT grain, period_start, shipped_revenue FROM sales_facts").fetchone() == \
            ("week", "2024-10-06", 10.5)


def test_hundreds_of_megabytes_of_garbage_refused_fast_with_flat_memory(tmp_path):
    garbage = tmp_path / "huge.csv"
    with garbage.open("wb") as handle:
        handle.write(os.urandom(1 << 20))
        handle.truncate(300 * (1 << 20))   # 300 MB file (sparse after the first MB)
    tracemalloc.start()
    began = time.perf_counter()
    try:
        read_report(garbage)
    except UserError as exc:
        message = str(exc)
    else:
        raise AssertionError("garbage was accepted")
    elapsed = time.perf_counter() - began
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert "huge.csv" in message and "binary" in message
    assert elapsed < 2.0 and peak < 5 * (1 << 20)


def test_json_garbage_and_non_report_json(tmp_path):
    import pytest

    weird = tmp_path / "list.json"
    weird.write_text("[1, 2, 3]")
    with pytest.raises(UserError, match="not a JSON object"):
        read_report(weird)
    other = tmp_path / "other.json"
    other.write_text('{"hello": "world"}')
    with pytest.raises(UserError, match="reportType"):
        read_report(other)
