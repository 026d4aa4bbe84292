"""Benchmarks of ``vendordesk export facts`` (issue 18 targets).

- 2,000 ASINs x 104 weeks: CSV <= 5 s with peak memory < 300 MB;
- 5,000 ASINs x 156 weeks (only with VENDORDESK_BENCH_BIG=1; building it takes minutes): CSV < 30 s;
- XLSX past Excel's 1,048,576 rows: refused (exit 2) after the row count, before any rows are read.

Each export runs as a child of a small runner process, which reports the child's wall time, CPU time
(user + sys) and peak RSS (resource.getrusage(RUSAGE_CHILDREN)), so pytest's own memory is not counted.

Side by side, two floors in the same kind of child: reading every block through
``store.facts_export`` without formatting (the export cannot read faster), and writing the same
number of rows of one pre-built line in the export's chunks (it cannot write faster). Run under
``nice`` on a quiet machine; CPU time is the figure to compare.
Workspaces come from ``vendordesk demo PATH --asins N --weeks W`` (or VENDORDESK_BENCH_WORKSPACE).
Run: pytest tests/benchmarks/bench_export.py -p no:cacheprovider -s
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUNNER = r"""
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"rc": done.returncode, "wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
                  "peak_mb": usage.ru_maxrss / 1024, "stdout": done.stdout, "stderr": done.stderr}))
"""


def _env() -> dict:
    return dict(os.environ, PYTHONPATH=str(ROOT))


def _child(*command: str) -> dict:
    runner = subprocess.run([sys.executable, "-c", RUNNER, *command],
                            capture_output=True, text=True, env=_env(), check=True, timeout=3600)
    return json.loads(runner.stdout)


def _vendordesk(*args: str) -> dict:
    return _child(sys.executable, "-m", "vendordesk", *args)


READ_FLOOR = r"""
import sys
from vendordesk.store import facts_export, open_workspace
ws = open_workspace(sys.argv[1])
asins = facts_export.fact_asins(ws)
values = 0
for i in range(0, len(asins), 100):
    chunk = asins[i:i + 100]
    values += sum(len(b.rows) for b in facts_export.fact_blocks(ws, chunk[0], chunk[-1]))
print(values)
"""
WRITE_FLOOR = r"""
import sys
from vendordesk.store import facts_export, open_workspace
with open_workspace(sys.argv[1]) as ws:
    rows = facts_export.count_fact_rows(ws)
line = "B01LJRCHH6,2024-11-24,2024-11-30,procurable_product_out_of_stock_rate,0.0063,MANUFACTURING,RETAIL,week,EUR,A1PA6795UKMFR9\n"
chunk = [line] * 150_000
with open(sys.argv[2], "wb") as out:
    for start in range(0, rows, len(chunk)):
        out.write("".join(chunk[:min(len(chunk), rows - start)]).encode("utf-8"))
print(rows)
"""


def _floors(workspace: Path, tmp_path: Path) -> None:
    read = _child(sys.executable, "-c", READ_FLOOR, str(workspace))
    _report("floor: read every block through store.facts_export", read)
    out = tmp_path / "floor.csv"
    write = _child(sys.executable, "-c", WRITE_FLOOR, str(workspace), str(out))
    _report("floor: write as many pre-built rows", write, out)
    out.unlink()


def _demo(tmp_path_factory, asins: int, weeks: int) -> Path:
    given = os.environ.get("VENDORDESK_BENCH_WORKSPACE")
    if given and Path(given).exists() and asins == 2000:
        return Path(given)
    path = tmp_path_factory.mktemp("bench") / f"demo{asins}x{weeks}.vendordesk"
    started = time.perf_counter()
    result = _vendordesk("demo", str(path), "--asins", str(asins), "--weeks", str(weeks))
    assert result["rc"] == 0, result["stderr"]
    print(f"\n[bench_export] demo {asins} ASINs x {weeks} weeks built in {time.perf_counter() - started:.1f} s")
    return path


@pytest.fixture(scope="module")
def workspace_2000(tmp_path_factory):
    return _demo(tmp_path_factory, 2000, 104)


def _report(label: str, result: dict, out: Path | None = None) -> None:
    size = f", {out.stat().st_size / 1e6:.0f} MB file" if out is not None and out.exists() else ""
    print(f"\n[bench_export] {label}: {result['wall']:.2f} s wall, {result['cpu']:.2f} s CPU, "
          f"peak {result['peak_mb']:.0f} MB{size}")


@pytest.mark.timeout(3600)
def test_facts_csv_2000_asins_104_weeks(workspace_2000, tmp_path):
    out = tmp_path / "facts.csv"
    _floors(workspace_2000, tmp_path)
    result = _vendordesk("--workspace", str(workspace_2000), "export", "facts", "--out", str(out))
    assert result["rc"] == 0, result["stderr"]
    _report("export facts CSV, 2,000 x 104", result, out)
    assert result["peak_mb"] < 300
    assert result["cpu"] <= 5.0


@pytest.mark.timeout(3600)
def test_facts_xlsx_past_the_sheet_limit_is_refused_up_front(workspace_2000, tmp_path):
    out = tmp_path / "facts.xlsx"
    result = _vendordesk("--workspace", str(workspace_2000), "export", "facts", "--out", str(out))
    _report("export facts XLSX refusal, 2,000 x 104", result)
    assert result["rc"] == 2 and "do not fit in one Excel sheet" in result["stderr"]
    assert not out.exists()
    assert result["peak_mb"] < 300


@pytest.mark.timeout(7200)
@pytest.mark.skipif(not os.environ.get("VENDORDESK_BENCH_BIG"), reason="set VENDORDESK_BENCH_BIG=1 (builds 5,000 x 156)")
def test_facts_csv_5000_asins_156_weeks(tmp_path_factory, tmp_path):
    workspace = _demo(tmp_path_factory, 5000, 156)
    out = tmp_path / "facts.csv"
    _floors(workspace, tmp_path)
    result = _vendordesk("--workspace", str(workspace), "export", "facts", "--out", str(out))
    assert result["rc"] == 0, result["stderr"]
    _report("export facts CSV, 5,000 x 156", result, out)
    assert result["peak_mb"] < 600
    assert result["cpu"] < 30.0
