"""Workspace size (issue 18): bytes per ASIN-week of a `vendordesk demo` workspace, by table (dbstat).

Measured twice: as the demo leaves it, and after `gears --json` and `forecast` (the facts snapshot
and the cached frames are kept in the workspace, store.facts_snapshot). Side by side with its floor:
the record bytes of every row stored once (dbstat payload of the tables' own B-trees, no index,
no free space in pages). 2,000 ASINs x 104 weeks always; 5,000 x 156 with VENDORDESK_BENCH_BIG=1
(about 1.5 minutes to build; target: file < 600 MB).
Run: pytest tests/benchmarks/bench_workspace_size.py -p no:cacheprovider -s
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SIZES = [(2000, 104)] + ([(5000, 156)] if os.environ.get("VENDORDESK_BENCH_BIG") else [])


def _vendordesk(*args: str) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    subprocess.run([sys.executable, "-m", "vendordesk", *args], env=env, check=True, capture_output=True,
                   timeout=7200)


def _report(label: str, path: Path, cells: int) -> int:
    with sqlite3.connect(path) as conn:
        by_name = conn.execute("SELECT name, SUM(pgsize), SUM(payload) FROM dbstat GROUP BY name "
                               "ORDER BY 2 DESC").fetchall()
        tables = {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        rows = {t: conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}
    total = path.stat().st_size
    floor = sum(payload for name, _size, payload in by_name if name in tables)
    print(f"\n[bench_workspace_size] {label}: {total / 1e6:.0f} MB, {total / cells:.0f} bytes per ASIN-week; "
          f"floor (each record once) {floor / 1e6:.0f} MB, {floor / cells:.0f} B/ASIN-week; "
          f"file / floor {total / floor:.2f}")
    for name, size, _payload in by_name[:12]:
        count = f"{rows[name]:>10,} rows" if name in rows else " " * 15
        print(f"    {name:<34} {size / 1e6:8.1f} MB {size / cells:7.1f} B/ASIN-week {count}")
    return total


@pytest.mark.parametrize(("asins", "weeks"), SIZES, ids=lambda v: str(v))
def test_workspace_bytes_per_asin_week(tmp_path, asins, weeks):
    path = tmp_path / f"demo{asins}x{weeks}.vendordesk"
    _vendordesk("demo", str(path), "--asins", str(asins), "--weeks", str(weeks))
    fresh = _report(f"demo {asins} x {weeks}, as written", path, asins * weeks)
    _vendordesk("--workspace", str(path), "gears", "--json")
    _vendordesk("--workspace", str(path), "forecast")
    used = _report(f"demo {asins} x {weeks}, after gears and forecast (snapshot kept)", path, asins * weeks)
    assert used >= fresh
    if asins == 5000:
        assert used < 600e6, "issue 18: a 5,000 x 156 workspace file < 600 MB"
