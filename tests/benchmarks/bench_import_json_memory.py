"""Benchmark: peak memory for one big SP-API sales document (2,000 ASINs x 365 DAY rows = 730,000 rows).

``vendordesk import --dry-run`` (read and validate only) and ``vendordesk import`` (read and write)
run as subprocesses; their peak RSS (ru_maxrss of the child) and wall time are printed, next to the
document's size. The document is written row by row, so the generator itself stays small.
Run: pytest tests/benchmarks/bench_import_json_memory.py -p no:cacheprovider -s
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ASINS, DAYS = 2000, 365
START = dt.date(2025, 1, 5)
PEAK_LIMIT_MB = 2048


def _money(amount: float) -> dict:
    return {"amount": amount, "currencyCode": "EUR"}


def write_document(path: Path) -> int:
    spec = {"reportType": "GET_VENDOR_SALES_REPORT", "marketplaceIds": ["A1PA6795UKMFR9"],
            "reportOptions": {"reportPeriod": "DAY", "distributorView": "MANUFACTURING", "sellingProgram": "RETAIL"},
            "dataStartTime": START.isoformat(), "dataEndTime": (START + dt.timedelta(days=DAYS - 1)).isoformat()}
    rows = 0
    with path.open("w", encoding="utf-8") as out:
        out.write('{"reportSpecification": ' + json.dumps(spec) + ', "salesAggregate": [], "salesByAsin": [')
        for d in range(DAYS):
            iso = (START + dt.timedelta(days=d)).isoformat()
            for a in range(ASINS):
                units = (a * 7 + d * 3) % 41
                row = {"startDate": iso, "endDate": iso, "asin": f"B0{a:08d}", "customerReturns": units // 20,
                       "orderedRevenue": _money(units * 21.5), "orderedUnits": units + 1,
                       "shippedCogs": _money(units * 11.0), "shippedRevenue": _money(round(units * 19.99, 2)),
                       "shippedUnits": units}
                out.write(("," if rows else "") + json.dumps(row))
                rows += 1
        out.write("]}")
    return rows


def _run(args: list[str]) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of one CLI run in a fresh child (time -v style via wait4)."""
    env = os.environ | {"PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    began = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "vendordesk", *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - began
    out, err = proc.stdout.read(), proc.stderr.read()
    assert os.waitstatus_to_exitcode(status) == 0, err
    assert "730000 rows" in out, out
    return elapsed, usage.ru_maxrss / 1024


@pytest.mark.timeout(3600)
def test_peak_memory_of_a_730k_row_document(tmp_path):
    doc = tmp_path / "sales_day_year.json"
    assert write_document(doc) == ASINS * DAYS
    size_mb = doc.stat().st_size / 1e6
    ws = tmp_path / "bench.vendordesk"
    dry_s, dry_mb = _run(["import", "--dry-run", "--workspace", str(ws), str(doc)])
    full_s, full_mb = _run(["import", "--workspace", str(ws), str(doc)])
    print(f"\ndocument {size_mb:.0f} MB, {ASINS * DAYS} rows")
    print(f"import --dry-run: {dry_s:.1f} s, peak RSS {dry_mb:.0f} MB")
    print(f"import:           {full_s:.1f} s, peak RSS {full_mb:.0f} MB")
    assert dry_mb < PEAK_LIMIT_MB and full_mb < PEAK_LIMIT_MB
